"""Tokens, sentences, normalization and light clitic splitting, on top of CAMeL Tools.

Every ``Token`` and ``Sentence`` carries ``start``/``end`` offsets into the text it came from,
with ``text[start:end] == surface``. Token boundaries are exactly those of CAMeL Tools'
``simple_word_tokenize``. Only CAMeL's tokenizer and normalization utilities are imported:
they never touch ``camel_tools.data`` or the network.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

TATWEEL = "\u0640"


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


# ---------------------------------------------------------------------------------------------
# Normalization


def normalize(
    text: str,
    *,
    alef: bool = True,
    alef_maksura: bool = True,
    teh_marbuta: bool = True,
    diacritics: bool = True,
    tatweel: bool = True,
) -> str:
    """Orthographic normalization for counting and matching (each step switchable).

    alef: أ إ آ ٱ → ا; alef_maksura: ى → ي; teh_marbuta: ة → ه; diacritics: remove harakat;
    tatweel: remove the ـ stretch. The result may be shorter than the input: never use its
    offsets, use the token's.
    """
    if diacritics:
        text = dediac_ar(text)
    if tatweel:
        text = text.replace(TATWEEL, "")
    if alef:
        text = normalize_alef_ar(text)
    if alef_maksura:
        text = normalize_alef_maksura_ar(text)
    if teh_marbuta:
        text = normalize_teh_marbuta_ar(text)
    return text


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
# Clitics

# Conjunctions, then prepositions, then the article: و/ف + ب/ل/ك + ال (each optional).
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_MIN_STEM = 2


@lru_cache(maxsize=1)
def clitic_exceptions() -> frozenset[str]:
    """Words whose first letters look like proclitics but belong to the word (وزارة, لبنان…)."""
    data = resources.files("analysis").joinpath("data/clitic_exceptions.txt").read_text(encoding="utf-8")
    return frozenset(normalize(w) for w in _word_lines(data))


def _word_lines(data: str) -> Iterable[str]:
    for line in data.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            yield line


@lru_cache(maxsize=200_000)
def split_clitics(word: str) -> Clitics:
    """Strip the proclitics و ف ب ل ك ال (and their combinations) from an Arabic word.

    No morphology database: a rule-based split for counting and matching. A stem keeps at
    least two letters, and words listed in ``data/clitic_exceptions.txt`` (and their forms
    with ``ال``) keep their first letters (``وزارة``, ``واشنطن``, ``بغداد``, ``لبنان``).
    """
    exceptions = clitic_exceptions()
    norm = normalize(word)
    best = Clitics((), "", word)
    for proclitics, prefix_len in _candidate_splits(word):
        stem = word[prefix_len:]
        if len(stem) < _MIN_STEM:
            continue
        if _protected(norm, prefix_len, exceptions):
            continue
        best = Clitics(proclitics, word[:prefix_len], stem)
        break
    return best


def _protected(norm: str, prefix_len: int, exceptions: frozenset[str]) -> bool:
    """True when a listed word starts inside the prefix, so the split would cut into it.

    ``واشنطن`` is protected from و+اشنطن, but ``وواشنطن`` still splits as و+واشنطن.
    """
    return any(norm[cut:] in exceptions for cut in range(prefix_len))


def _candidate_splits(word: str) -> list[tuple[tuple[str, ...], int]]:
    """All clitic prefixes of ``word``, longest first, as (proclitics, prefix length)."""
    candidates: list[tuple[tuple[str, ...], int]] = []
    w = normalize(word, diacritics=False, tatweel=False)
    for conj in ("",) + _CONJ:
        if conj and not w.startswith(conj):
            continue
        i = len(conj)
        for prep in ("",) + _PREP:
            if prep and not w.startswith(prep, i):
                continue
            j = i + len(prep)
            parts = tuple(p for p in (conj, prep) if p)
            if prep == "ل" and w.startswith("ل", j):  # لل = ل + ال (alef dropped)
                candidates.append((parts + ("ال",), j + 1))
            if w.startswith("ال", j):
                candidates.append((parts + ("ال",), j + 2))
            if parts:
                candidates.append((parts, j))
    candidates.sort(key=lambda c: -c[1])
    return candidates


def stem(word: str) -> str:
    """The word without its proclitics (see ``split_clitics``), normalized for matching."""
    return normalize(split_clitics(word).stem)
