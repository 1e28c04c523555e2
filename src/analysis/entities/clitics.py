"""Where an entity starts inside its first token: proclitics و ف ب ل ك stay outside (docs/ANNOTATION.md, "Named entities").

``بالأنبار`` → ``الأنبار``, ``للقوات`` → ``لقوات`` (ل + ال with the alef elided), ``وواشنطن`` →
``واشنطن``. A bare letter is only stripped when the rest is a better-known name than the whole
token (``واشنطن``, ``بغداد``, ``لبنان`` stay whole), judged by counts of entity-initial words.
"""

from __future__ import annotations

from collections.abc import Mapping

from analysis.entities.normalize import norm
from analysis.text import split_clitics

#: Proclitics before the article that stay outside an entity: و/ف, ب/ك before ال, ل in لل
#: (a stem of at least 2 letters after the article). Bare letters are judged by ``known`` counts.
ARTICLE_CLITICS: dict[str, object] = {"prepositions": "بك", "bare_prepositions": False, "exceptions": False}

_DIAC = set("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640")


def _skip_letter(word: str, i: int) -> int:
    """Index after the letter at ``i`` and any diacritics/tatweel on it."""
    i += 1
    while i < len(word) and word[i] in _DIAC:
        i += 1
    return i


def _article_clitics(n: str) -> int:
    """Letters before the article in ``(و|ف)?(ب|ك)?ال+stem`` or ``(و|ف)?لل+stem`` (0 if none)."""
    split = split_clitics(n, **ARTICLE_CLITICS)
    return len(split.proclitics) - 1 if split.definite else 0


def proclitic_length(word: str, known: Mapping[str, int]) -> int:
    """Number of leading characters of ``word`` that are proclitics outside the entity."""
    n = norm(word)
    k = _article_clitics(n)
    rest = n[k:] if not n[k:].startswith("ل") or n[k:].startswith("ال") else "ا" + n[k:]  # لقوات -> القوات
    if k and known.get(n, 0) <= known.get(rest, 0):
        pos = 0
        for _ in range(k):
            pos = _skip_letter(word, pos)
        return pos
    # Bare letters: strip while the remainder is a better-known entity word than the whole.
    pos, rest = 0, n
    for letters in ("وف", "بلك"):
        if len(rest) > 2 and rest[0] in letters and known.get(rest[1:], 0) > known.get(rest, 0):
            pos = _skip_letter(word, pos)
            rest = rest[1:]
    return pos


def letters_offset(word: str, letters: int) -> int:
    """Index in ``word`` after its first ``letters`` letters (diacritics and tatweel on them included)."""
    pos = 0
    for _ in range(letters):
        if pos >= len(word):
            break
        pos = _skip_letter(word, pos)
    return pos


#: An alias or site word's attached و/ف and bare ب/ل/ك (``وسنتكوم`` → ``سنتكوم``); 3 letters stay.
BARE_CLITICS: dict[str, object] = {"article": False, "min_bare_stem": 3}


def bare_proclitic_length(word: str) -> int:
    """Leading characters of ``word`` that are a conjunction and/or a bare preposition (no article)."""
    return len(split_clitics(word, **BARE_CLITICS).prefix)


def has_article(n: str) -> bool:
    """The normalised word carries the article, possibly after و/ف and ب/ك, or as لل."""
    k = 1 if n[:1] in ("و", "ف") else 0
    return n.startswith("ال", k) or (n[k : k + 1] in ("ب", "ك") and n.startswith("ال", k + 1)) or n.startswith("لل", k)
