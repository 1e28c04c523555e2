"""Tokens, sentences, Arabic normalization and clitic splitting: the building blocks of every stage.

Every ``Token`` and ``Sentence`` carries ``start``/``end`` offsets into the text it came from,
with ``text[start:end] == surface``. Token boundaries are exactly those of CAMeL Tools'
``simple_word_tokenize`` (only CAMeL's tokenizer is imported: it never touches
``camel_tools.data`` or the network).

Normalization has one character table (``data/arabic_normalization.tsv``) in named groups;
``normalize`` applies the default groups and ``char_table`` builds a ``str.translate`` table,
also a length-preserving one for offset-safe matching. Clitic splitting has one splitter,
``split_clitics``, whose switches give each caller its rule (``proclitic_pattern`` is the same
rule as a regex).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from camel_tools.tokenizers.word import simple_word_tokenize

from analysis.resources import read_rows, read_words

#: Data files (under ``src/analysis/data/``) read by this module.
NORMALIZATION_TABLE = "arabic_normalization.tsv"
CLITIC_EXCEPTIONS = "clitic_exceptions.txt"


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark: ``text`` is the surface, ``norm`` its normalized form."""

    text: str
    start: int
    end: int
    norm: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or a line without end punctuation), trimmed of surrounding white space."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Clitics:
    """A word split into proclitics and stem: ``prefix + stem == word``.

    ``proclitics`` names the clitics in order (``("و", "ب", "ال")``); ``prefix`` is their surface
    (``"وبال"``; for ``للجيش`` the proclitics are ``("ل", "ال")`` and the prefix is ``"لل"``).
    """

    proclitics: tuple[str, ...]
    prefix: str
    stem: str

    @property
    def definite(self) -> bool:
        """Is the article (``ال``, or its short form in ``لل``) among the proclitics?"""
        return self.proclitics[-1:] == (ARTICLE,)


# ---------------------------------------------------------------------------------------------
# Normalization: one character table (data/arabic_normalization.tsv), switched on by group


@lru_cache(maxsize=1)
def normalization_groups() -> dict[str, dict[int, str | None]]:
    """The normalization table by group: code point -> replacement (``None`` = removed)."""
    groups: dict[str, dict[int, str | None]] = {}
    for group, chars, replacement in read_rows(NORMALIZATION_TABLE):
        sources = _code_points(chars)
        if replacement == "drop":
            targets: list[str | None] = [None] * len(sources)
        else:
            points = _code_points(replacement)
            if len(points) not in (1, len(sources)):
                raise ValueError(f"{NORMALIZATION_TABLE}: {chars} -> {replacement}: ranges of different lengths")
            targets = [chr(p) for p in (points * len(sources) if len(points) == 1 else points)]
        groups.setdefault(group, {}).update(zip(sources, targets))
    return groups


def _code_points(spec: str) -> list[int]:
    """``U+0623`` -> [0x623]; ``U+0660..U+0669`` -> the ten code points of the range."""
    first, _, last = spec.partition("..")
    start = int(first.removeprefix("U+"), 16)
    return list(range(start, int(last.removeprefix("U+"), 16) + 1)) if last else [start]


@lru_cache(maxsize=64)
def char_table(dropped: str | None = None, **groups: bool | str) -> dict[int, str | None]:
    """A ``str.translate`` table made of the named groups of the normalization table.

    A group switched ``True`` maps its characters as the table says; a string value maps each of
    its characters to that string instead (``invisible=" "``); ``False`` leaves them alone.
    ``dropped`` is what a removed character becomes: ``None`` removes it, one sentinel character
    keeps the text's length (offset-safe matching: map a match back, then drop the sentinels).
    The table is shared (cached): do not modify it.
    """
    known = normalization_groups()
    unknown = sorted(set(groups) - set(known))
    if unknown:
        raise ValueError(f"unknown normalization group(s) {', '.join(unknown)} (known: {', '.join(known)})")
    table: dict[int, str | None] = {}
    for name, switch in groups.items():
        if switch is False:
            continue
        for code, target in known[name].items():
            target = switch if isinstance(switch, str) else target
            table[code] = dropped if target is None else target
    return table


def normalize(
    text: str,
    *,
    alef: bool = True,
    alef_maksura: bool = True,
    teh_marbuta: bool = True,
    diacritics: bool = True,
    tatweel: bool = True,
    **more: bool | str,
) -> str:
    """Orthographic normalization for counting and matching (each step switchable).

    alef: أ إ آ ٱ → ا; alef_maksura: ى → ي; teh_marbuta: ة → ه; diacritics: remove harakat;
    tatweel: remove the ـ stretch. Further groups of ``data/arabic_normalization.tsv`` are off
    unless switched on by name (``hamza``, ``persian``, ``digits``, ``marks``, ``quranic_marks``,
    ``bidi_marks``, ``invisible``, ``invisible_more``, ``spaces``, ``dashes``, ``separators``; see
    ``char_table``). The result may be shorter than the input: never use its offsets, use the
    token's.
    """
    switches = {"alef": alef, "alef_maksura": alef_maksura, "teh_marbuta": teh_marbuta,
                "diacritics": diacritics, "tatweel": tatweel, **more}  # fmt: skip
    return text.translate(char_table(**switches))


# ---------------------------------------------------------------------------------------------
# Tokens


def tokens(text: str) -> list[Token]:
    """Tokenize like ``simple_word_tokenize`` and keep each token's offsets into ``text``.

    Tokens never contain white space and follow each other with only white space between,
    so each is found at the first non-space position after the previous one.
    """
    result: list[Token] = []
    pos = 0
    for surface in simple_word_tokenize(text):
        start = text.find(surface, pos)
        if start < 0:  # cannot happen for str.split-based tokens; guard the invariant anyway
            raise AssertionError(f"token {surface!r} not found after offset {pos}")
        end = start + len(surface)
        result.append(Token(surface, start, end, _norm_word(surface)))
        pos = end
    return result


@lru_cache(maxsize=200_000)
def _norm_word(word: str) -> str:
    return normalize(word)


# ---------------------------------------------------------------------------------------------
# Sentences

_CLOSERS = "\"'»”’)]}"
# End punctuation (with any closing quotes/brackets after it), when followed by white space,
# the end of the text, or directly by a letter (news sites often drop the space: "العراقي.وأكد").
_SENTENCE_END = re.compile(
    r"(?:\.{3}|…|[.!?؟]+)[" + re.escape(_CLOSERS) + r"]*(?=\s|$|[^\W\d_]|[\"'«“(])"
)


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences at Arabic/Latin end punctuation and at line breaks.

    A period between digits (``31.12.2025``, ``3.5``) does not end a sentence.
    """
    result: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        _split_line(text, line_start, line_start + len(line), result)
        line_start += len(line) + 1
    return result


def _split_line(text: str, start: int, end: int, out: list[Sentence]) -> None:
    piece_start = start
    for match in _SENTENCE_END.finditer(text, start, end):
        _add_sentence(text, piece_start, match.end(), out)
        piece_start = match.end()
    _add_sentence(text, piece_start, end, out)


def _add_sentence(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(text[start:end], start, end))


# ---------------------------------------------------------------------------------------------
# Clitics: one splitter, with switches for the callers that need a different rule

# Conjunctions, then prepositions, then the article: و/ف + ب/ل/ك + ال (each optional).
CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
ARTICLE = "ال"
#: Regex for the article, also in its short form after the preposition ل (``للعام`` = ل + العام).
ARTICLE_PATTERN = r"(?:ال|(?<=ل)ل)"
_MIN_STEM = 2


@lru_cache(maxsize=1)
def clitic_exceptions() -> frozenset[str]:
    """Words whose first letters look like proclitics but belong to the word (وزارة, لبنان…)."""
    return frozenset(normalize(w) for w in read_words(CLITIC_EXCEPTIONS))


def proclitic_pattern(conjunctions: str = CONJUNCTIONS, prepositions: str = PREPOSITIONS) -> str:
    """Regex for optional attached proclitics: a conjunction, a preposition, or both (no article)."""
    return f"(?:[{conjunctions}]?[{prepositions}]|[{conjunctions}])?"


@lru_cache(maxsize=200_000)
def split_clitics(
    word: str, *, conjunctions: str = CONJUNCTIONS, prepositions: str = PREPOSITIONS, article: bool = True,
    elided_article: bool = True, bare_prepositions: bool = True, min_stem: int = _MIN_STEM,
    min_bare_stem: int | None = None, exceptions: bool = True,
) -> Clitics:
    """Strip the proclitics و ف ب ل ك ال (and their combinations) from an Arabic word.

    No morphology database: a rule-based split for counting and matching. The longest reading
    wins whose stem keeps at least ``min_stem`` letters (``min_bare_stem``, default the same, when
    no article is split off), and words listed in ``data/clitic_exceptions.txt`` (and their forms
    with ``ال``) keep their first letters (``وزارة``, ``واشنطن``, ``بغداد``, ``لبنان``).

    Switches: ``conjunctions`` and ``prepositions`` (the letters that may be split off),
    ``article`` (split off ``ال``), ``elided_article`` (``لل`` = ل + ال with its alef dropped,
    even when ل is not among ``prepositions``), ``bare_prepositions`` (a preposition without the
    article after it), ``exceptions`` (protect the listed words).
    """
    min_bare = min_stem if min_bare_stem is None else min_bare_stem
    norm = normalize(word) if exceptions else ""
    for proclitics, prefix_len in _candidate_splits(word, conjunctions, prepositions, article, elided_article,
                                                    bare_prepositions):
        stem = word[prefix_len:]
        if len(stem) < (min_stem if proclitics[-1:] == (ARTICLE,) else min_bare):
            continue
        if exceptions and _protected(norm, prefix_len, clitic_exceptions()):
            continue
        return Clitics(proclitics, word[:prefix_len], stem)
    return Clitics((), "", word)


def _protected(norm: str, prefix_len: int, exceptions: frozenset[str]) -> bool:
    """True when a listed word starts inside the prefix, so the split would cut into it.

    ``واشنطن`` is protected from و+اشنطن, but ``وواشنطن`` still splits as و+واشنطن.
    """
    return any(norm[cut:] in exceptions for cut in range(prefix_len))


def _candidate_splits(
    word: str, conjunctions: str, prepositions: str, article: bool, elided: bool, bare: bool
) -> list[tuple[tuple[str, ...], int]]:
    """All clitic prefixes of ``word``, longest first, as (proclitics, prefix length)."""
    candidates: list[tuple[tuple[str, ...], int]] = []
    w = normalize(word, diacritics=False, tatweel=False)
    extra = ("ل",) if article and elided and "ل" not in prepositions else ()
    for conj in ("",) + tuple(conjunctions):
        if conj and not w.startswith(conj):
            continue
        i = len(conj)
        for prep in ("",) + tuple(prepositions) + extra:
            if prep and not w.startswith(prep, i):
                continue
            j = i + len(prep)
            parts = tuple(p for p in (conj, prep) if p)
            listed = prep == "" or prep in prepositions
            if article and elided and prep == "ل" and w.startswith("ل", j):  # لل = ل + ال (alef dropped)
                candidates.append((parts + (ARTICLE,), j + 1))
            if article and listed and w.startswith(ARTICLE, j):
                candidates.append((parts + (ARTICLE,), j + 2))
            if parts and listed and (bare or not prep):
                candidates.append((parts, j))
    candidates.sort(key=lambda c: -c[1])
    return candidates


def stem(word: str) -> str:
    """The word without its proclitics (see ``split_clitics``), normalized for matching."""
    return normalize(split_clitics(word).stem)
