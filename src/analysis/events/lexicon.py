"""The event lexicon (data files under ``analysis/data/``) and trigger matching on tokens.

Triggers are matched on normalized tokens with their proclitics (و ف ب ل ك س ال) and pronoun
suffixes (ه ها هم هما) stripped, so ``وبتسلّم``, ``سيتسلم`` and ``تسليمها`` all hit ``تسلم``/``تسليم``.
The lists live in ``event_triggers.tsv``, ``event_cues.json``, ``event_places.tsv`` and
``event_actors.tsv`` so that they can be read and extended without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.resources import DataTableError, data_path, numbered_rows, read_json, read_numbered
from analysis.events.types import check_type
from analysis.text import Token, normalize, split_clitics

_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك", "س")
_ARTICLE = ("", "ال")
_SUFFIXES = ("", "ه", "ها", "هم", "هما", "ا")
HAMZA_SEATS = ("ئ", "ؤ")  # the seats a word's final hamza takes before a pronoun suffix (``إخلائها``, ``إنهاؤها``)


@dataclass(frozen=True)
class TriggerRule:
    """One lexicon row: the event type, the rule that must hold, and the words of one form."""

    type: str
    rule: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger found in a token list: token indexes ``[first, last]`` and the prefix it carried."""

    rule: TriggerRule
    first: int
    last: int
    prefix: str

    @property
    def type(self) -> str:
        return self.rule.type


def _strip_article(word: str) -> str:
    """The word without its article when a stem of three letters or more is left (``الانسحاب`` → ``انسحاب``)."""
    return split_clitics(word, conjunctions="", prepositions="", elided_article=False, min_stem=3, exceptions=False).stem


def load_trigger_rules(path: str | Path | None = None) -> dict[str, list[TriggerRule]]:
    """First word of each form → the rules starting with it, from a trigger table (default: the packaged one).

    Every row's type must be in ``event_types.tsv``; an unknown one raises ``DataTableError`` (file:line).
    """
    source = data_path("event_triggers.tsv") if path is None else path
    table: dict[str, list[TriggerRule]] = {}
    for row in read_numbered(source)[1]:
        if len(row.fields) != 3:
            raise DataTableError(source, row.line, f"{len(row.fields)} fields, expected 3 (type, rule, forms)")
        type_, rule, forms = row.fields
        check_type(type_, source, row.line)
        for form in forms.split(","):
            words = tuple(_strip_article(normalize(w)) for w in form.split())
            for variant in (words, *inflections(words)):
                table.setdefault(variant[0], []).append(TriggerRule(type_, rule, variant))
    for rules in table.values():
        rules.sort(key=lambda r: -len(r.words))  # longest form first, stable otherwise
    return table


def inflections(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The forms a lexicon form stands for besides itself (round 11): an imperfect plural in ون also in its
    subjunctive and jussive ending وا (``يغادرون`` → ``قبل أن يغادروا``, ``لم ينسحبوا``)."""
    head = words[0] if words else ""
    if len(head) >= 5 and head[0] in "يت" and head.endswith("ون"):
        return ((head[:-2] + "وا", *words[1:]),)
    return ()


@lru_cache(maxsize=1)
def trigger_rules() -> dict[str, list[TriggerRule]]:
    """First word of each form → the rules starting with it (file order: the first passing rule wins)."""
    return load_trigger_rules()


@lru_cache(maxsize=None)
def word_lists(name: str) -> dict[str, frozenset[str]]:
    """The word lists of a cue file under ``data/`` (``event_cues.json``, ``event_screen_cues.json``,
    ``event_frame_cues.json``, ``place_cues.json``), normalized word by word; ``_`` keys are comments."""
    raw = read_json(name)
    return {k: frozenset(" ".join(normalize(w) for w in v.split()) for v in vals) for k, vals in raw.items() if not k.startswith("_")}


def cues() -> dict[str, frozenset[str]]:
    """The cue word lists of ``event_cues.json``, normalized."""
    return word_lists("event_cues.json")


def is_listed(tok: Token, name: str, lists: str) -> bool:
    """Is ``tok`` (clitics taken off) a word of the list ``name`` of the cue file ``lists`` (``word_lists``)?"""
    return bool(bare(tok.norm) & word_lists(lists)[name])


@lru_cache(maxsize=200_000)
def stems(norm: str) -> tuple[tuple[str, str], ...]:
    """Candidate (prefix, stem) readings of a normalized token, the unsplit word first."""
    out: list[tuple[str, str]] = []
    for conj in _CONJ:
        if not norm.startswith(conj):
            continue
        for prep in _PREP:
            if not norm.startswith(prep, len(conj)):
                continue
            for art in _ARTICLE:
                start = len(conj) + len(prep)
                if prep == "ل" and art == "ال" and norm.startswith("ل", start):  # لل = ل + ال
                    cut = start + 1
                elif norm.startswith(art, start):
                    cut = start + len(art)
                else:
                    continue
                if prep == "س" and art:
                    continue
                rest = norm[cut:]
                for suffix in _SUFFIXES:
                    if suffix and not rest.endswith(suffix):
                        continue
                    stem = rest[: len(rest) - len(suffix)] if suffix else rest
                    forms = [stem]
                    if suffix and suffix != "ا" and stem.endswith("ت") and len(stem) >= 4:
                        forms.append(stem[:-1] + "ه")  # مغادرتها → مغادرة: a taa marbuta before a pronoun is written ت
                    if suffix and suffix != "ا" and stem.endswith("ا") and len(stem) >= 3:
                        forms.append(stem[:-1] + "ي")  # أخلاها → أخلى: an alif maqsura before a pronoun is written ا
                    if suffix and suffix != "ا" and stem[-1:] in HAMZA_SEATS and len(stem) >= 4:
                        forms.append(stem[:-1] + "ء")  # إخلائها, إنهاؤها → إخلاء, إنهاء: a final hamza sits on ي or و before a pronoun
                    for form in forms:
                        reading = (norm[:cut], form)
                        if len(form) >= 2 and reading not in out:
                            out.append(reading)
    return tuple(out)


@lru_cache(maxsize=200_000)
def bare(norm: str) -> frozenset[str]:
    """All stems of a token (for cue-word lookups)."""
    return frozenset({stem for _, stem in stems(norm)} | {norm})


@lru_cache(maxsize=400_000)
def _is_cue_word(norm: str, cue: str) -> bool:
    if cue in WRITTEN_CUES:  # ``كان`` is no كـ + أن: only و/ف may stand before these words as written
        return norm in cues()[cue] or (norm[:1] in ("و", "ف") and norm[1:] in cues()[cue])
    return bool(bare(norm) & cues()[cue])


#: Cue lists matched as written (with و/ف at most), not through every clitic reading of the token.
WRITTEN_CUES = frozenset({"complementizers"})


# ---------------------------------------------------------------------------------------------
# Cue words around a token range (the lists of ``cues()``)


def window(toks: list[Token], lo: int, hi: int) -> set[str]:
    """Bare forms of tokens ``lo..hi`` (inclusive, clipped)."""
    out: set[str] = set()
    for t in toks[max(lo, 0) : min(hi, len(toks) - 1) + 1]:
        out |= bare(t.norm)
    return out


def has_cue(toks: list[Token], lo: int, hi: int, cue: str) -> bool:
    """Is a word of the cue list ``cue`` among tokens ``lo..hi`` (inclusive, clipped)?"""
    return any(_is_cue_word(t.norm, cue) for t in toks[max(lo, 0) : min(hi, len(toks) - 1) + 1])


def is_cue(tok: Token, cue: str) -> bool:
    """Is ``tok`` (clitics stripped) a word of the cue list ``cue``?"""
    return _is_cue_word(tok.norm, cue)


def has_complementizer(toks: list[Token], lo: int, hi: int) -> bool:
    """Is أن/إن (``complementizers``) among tokens ``lo`` up to, not including, ``hi``?"""
    return any(_is_cue_word(t.norm, "complementizers") for t in toks[max(lo, 0) : max(hi, 0)])


def has_article(tok: Token) -> bool:
    """Can ``tok`` be read with the article ال among its proclitics (``الضرائب``, ``والقوات``, ``بالقاعدة``)?"""
    return any("ال" in prefix for prefix, _ in stems(tok.norm) if prefix)


def lam_prefix(prefix: str) -> bool:
    """Does a proclitic string carry the preposition ل (``ل``, ``ول``, ``لل``), not just the article ``ال``?"""
    return prefix.endswith("لل") or prefix.endswith("ل") and not prefix.endswith("ال")


def find_triggers(toks: list[Token]) -> list[TriggerMatch]:
    """Every lexicon form in ``toks`` (longest match first; a token belongs to one trigger).

    Rules (``mission``, ``troops``…) are not checked here: see ``analysis.events.triggers``.
    """
    table = trigger_rules()
    found: list[TriggerMatch] = []
    i = 0
    while i < len(toks):
        best: TriggerMatch | None = None
        for prefix, stem in stems(toks[i].norm):
            for rule in table.get(stem, ()):
                n = len(rule.words)
                if i + n > len(toks):
                    continue
                if all(rule.words[k] in bare(toks[i + k].norm) for k in range(1, n)):
                    cand = TriggerMatch(rule, i, i + n - 1, prefix)
                    if best is None or n > len(best.rule.words):
                        best = cand
        if best is not None:
            found.append(best)
            i = best.last + 1
        else:
            i += 1
    return found


def alternatives(match: TriggerMatch) -> list[TriggerRule]:
    """All lexicon rows with the same words as ``match`` (e.g. نقل: handover or redeployment), the rows
    with a rule first (file order), then the ``-`` rows: ``شنت تركيا هجوما بريا`` is a war campaign
    before it is an attack."""
    rows = [r for r in trigger_rules().get(match.rule.words[0], ()) if r.words == match.rule.words]
    return sorted(rows, key=lambda r: r.rule == "-")


# ---------------------------------------------------------------------------------------------
# Gazetteers (fallback when analysis.entities is missing)


@dataclass(frozen=True)
class Place:
    """A gazetteer place: its canonical name, level (3 base/site, 2 city/province/region, 1 country) and country.

    Which place contains which is the timeline's place tree (``analysis.events.places``).
    """

    canonical: str
    level: int
    country: str


@lru_cache(maxsize=1)
def places() -> dict[tuple[str, ...], Place]:
    """Normalized variant words → place (see ``Place``); a bad row raises ``DataTableError`` (file:line)."""
    table: dict[tuple[str, ...], Place] = {}
    for row in numbered_rows("event_places.tsv"):
        if len(row.fields) != 4 or row.fields[1] not in ("1", "2", "3"):
            raise DataTableError(data_path("event_places.tsv"), row.line, "expected canonical, level 1-3, country, variants")
        canonical, level, country, variants = row.fields
        place = Place(canonical, int(level), country)
        for v in variants.split(","):
            table[tuple(normalize(w) for w in v.split())] = place
    return table


@lru_cache(maxsize=1)
def place_by_name() -> dict[str, Place]:
    """Normalized canonical or variant name (words joined by a space) → place."""
    return {" ".join(k): p for k, p in places().items()} | {normalize(p.canonical): p for p in places().values()}


@lru_cache(maxsize=1)
def actors() -> dict[tuple[str, ...], str]:
    """Normalized variant words → canonical actor name."""
    table: dict[tuple[str, ...], str] = {}
    for canonical, variants in (row.fields for row in numbered_rows("event_actors.tsv")):
        for v in variants.split(","):
            table[tuple(normalize(w) for w in v.split())] = canonical
    return table


_INDEXES: dict[int, tuple[object, dict[str, list[tuple[str, ...]]]]] = {}


def _first_word_index(key: int, table: dict[tuple[str, ...], object]) -> dict[str, list[tuple[str, ...]]]:
    """First word → the table's keys starting with it, longest first (built once per table)."""
    known = _INDEXES.get(key)
    if known is not None and known[0] is table:
        return known[1]
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in table:
        by_first.setdefault(words[0], []).append(words)
    for keys in by_first.values():
        keys.sort(key=len, reverse=True)
    _INDEXES[key] = (table, by_first)
    return by_first


def gazetteer_spans(toks: list[Token], table: dict[tuple[str, ...], object]) -> list[tuple[int, int, object]]:
    """Longest matches of a gazetteer over tokens (clitics stripped): (first, last, value)."""
    by_first = _first_word_index(id(table), table)
    out = []
    i = 0
    while i < len(toks):
        hit = None
        for cand in bare(toks[i].norm):
            for key in by_first.get(cand, ()):
                n = len(key)
                if i + n <= len(toks) and all(key[k] in bare(toks[i + k].norm) for k in range(1, n)):
                    if hit is None or n > hit[1] - hit[0] + 1:
                        hit = (i, i + n - 1, table[key])
                    break
        if hit:
            out.append(hit)
            i = hit[1] + 1
        else:
            i += 1
    return out
