"""One language per figure: every word a figure prints, in Arabic or English, kept as data.

``word(key, language)`` reads ``data/figure_words.tsv`` (titles, axis words, legend, notes, month
names); ``place_name(name, language)`` gives a place's English name from ``data/places_en.tsv``
(CLDR countries and cities plus this story's bases and sites; see tools/make_places_en.py);
``type_label`` the event type's label from ``data/event_types.tsv``; ``entity_name`` a named entity
(``data/names_en.tsv`` for this story's organizations and people). A figure passes its one
``language`` to all three, so no figure mixes Arabic and English words.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from typing import Literal

from analysis.errors import DataTableError
from analysis.events.types import LABELS
from analysis.resources import data_path, read_numbered
from analysis.text import normalize

Language = Literal["ar", "en"]
LANGUAGES: tuple[str, ...] = ("ar", "en")
WORDS_TABLE = "figure_words.tsv"
PLACES_TABLE = "places_en.tsv"
NAMES_TABLE = "names_en.tsv"


def check_language(language: str) -> Language:
    """``language`` if it is ``ar`` or ``en``, else ``ValueError``."""
    if language not in LANGUAGES:
        raise ValueError(f"labels must be 'ar' or 'en', not {language!r}")
    return language  # type: ignore[return-value]


@lru_cache(maxsize=1)
def words() -> dict[str, dict[str, str]]:
    """language → key → text, from ``figure_words.tsv`` (a key twice or a missing text names the line)."""
    source = data_path(WORDS_TABLE)
    header, rows = read_numbered(source)
    if header != ["key", *LANGUAGES]:
        raise DataTableError(source, None, f"the header must be key, {', '.join(LANGUAGES)} (tab-separated)")
    out: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for row in rows:
        if len(row.fields) != 3 or not all(f.strip() for f in row.fields):
            raise DataTableError(source, row.line, "expected 3 non-empty tab-separated fields: key, ar, en")
        key = row.fields[0]
        if key in out["ar"]:
            raise DataTableError(source, row.line, f"key {key!r} is listed twice")
        for lang, text in zip(LANGUAGES, row.fields[1:]):
            out[lang][key] = text
    return out


def word(key: str, language: str, **values: object) -> str:
    """The text of ``key`` in ``language``, with ``{name}`` fields filled from ``values``."""
    text = words()[check_language(language)][key]
    return text.format(**values) if values else text


#: Left-to-right isolate and its end: keep ``2026-03-04`` or ``3–5`` in order inside Arabic text
#: (matplotlib's layout would otherwise reverse the parts around a hyphen or a dash).
LRI, PDI = "\u2066", "\u2069"


def ltr(text: str, language: str) -> str:
    """``text`` (a date, a number range) isolated left to right when it goes into Arabic text."""
    return f"{LRI}{text}{PDI}" if check_language(language) == "ar" else text


def join_list(items: list[str], language: str) -> str:
    """Items joined with the language's comma (``،`` or ``,``)."""
    return f"{word('list_sep', language)} ".join(items)


@lru_cache(maxsize=1)
def english_places() -> dict[str, str]:
    """Normalized Arabic place name → English name, from ``places_en.tsv``."""
    source = data_path(PLACES_TABLE)
    header, rows = read_numbered(source)
    if header != ["name_ar", "name_en", "kind", "source"]:
        raise DataTableError(source, None, "the header must be name_ar, name_en, kind, source (tab-separated)")
    out: dict[str, str] = {}
    for row in rows:
        if len(row.fields) != 4 or not row.fields[0].strip() or not row.fields[1].strip():
            raise DataTableError(source, row.line, "expected name_ar, name_en, kind, source (names not empty)")
        out.setdefault(normalize(row.fields[0]), row.fields[1])
    return out


def english_place(name: str) -> str | None:
    """The English name of an Arabic place name, or None when ``places_en.tsv`` does not have it."""
    return english_places().get(normalize(name))


@lru_cache(maxsize=1)
def english_names() -> dict[tuple[str, str], str]:
    """(entity type, normalized Arabic name) → English name, from ``names_en.tsv``."""
    source = data_path(NAMES_TABLE)
    header, rows = read_numbered(source)
    if header != ["type", "name_ar", "name_en"]:
        raise DataTableError(source, None, "the header must be type, name_ar, name_en (tab-separated)")
    out: dict[tuple[str, str], str] = {}
    for row in rows:
        if len(row.fields) != 3 or not all(f.strip() for f in row.fields):
            raise DataTableError(source, row.line, "expected type, name_ar, name_en (none empty)")
        out.setdefault((row.fields[0], normalize(row.fields[1])), row.fields[2])
    return out


def entity_name(name: str, entity_type: str, language: str) -> str:
    """An entity as a figure in ``language`` prints it: in English, a place's name from ``places_en.tsv``
    and other names from ``names_en.tsv``; a name neither table has stays as written."""
    if check_language(language) == "ar":
        return name
    if entity_type == "LOC":
        return english_place(name) or name
    return english_names().get((entity_type, normalize(name))) or name


@lru_cache(maxsize=None)
def _warn_missing(name: str) -> None:
    warnings.warn(f"no English name for the place {name!r}: add it to analysis/data/{PLACES_TABLE}", stacklevel=3)


def place_name(name: str | None, language: str) -> str:
    """A place as a figure in ``language`` prints it; an unknown place in English stays as written, with a warning."""
    if not name:
        return word("unknown_place", language)
    if check_language(language) == "ar":
        return name
    english = english_place(name)
    if english is None:
        if any("\u0600" <= ch <= "\u06ff" for ch in name):
            _warn_missing(name)
        return name
    return english


def type_label(event_type: str, language: str) -> str:
    """The event type's label in ``language`` (``event_types.tsv``); an unknown type as its name."""
    return LABELS[check_language(language)].get(event_type, event_type)


def status_word(status: str | None, language: str) -> str:
    """occurred / planned / ongoing in ``language`` (anything else as given)."""
    if status in ("occurred", "planned", "ongoing"):
        return word(status, language)
    return status or ""


@lru_cache(maxsize=64)
def month_name(month: int, language: str) -> str:
    """The month's tick label in ``language`` (``month_1`` … ``month_12``)."""
    return word(f"month_{month}", language)
