"""Where an entity starts inside its first token: proclitics و ف ب ل ك stay outside (GUIDE §3).

``بالأنبار`` → ``الأنبار``, ``للقوات`` → ``لقوات`` (ل + ال with the alef elided), ``وواشنطن`` →
``واشنطن``. A bare letter is only stripped when the rest is a better-known name than the whole
token (``واشنطن``, ``بغداد``, ``لبنان`` stay whole), judged by counts of entity-initial words.
"""

from __future__ import annotations

from collections.abc import Mapping

from analysis.entities.normalize import norm

_DIAC = set("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640")


def _skip_letter(word: str, i: int) -> int:
    """Index after the letter at ``i`` and any diacritics/tatweel on it."""
    i += 1
    while i < len(word) and word[i] in _DIAC:
        i += 1
    return i


def proclitic_length(word: str, known: Mapping[str, int]) -> int:
    """Number of leading characters of ``word`` that are proclitics outside the entity."""
    n = norm(word)
    # Article forms: (و|ف)? (ب|ك)? ال... and (و|ف)? لل...
    pos, k = 0, 0  # pos in surface, k in normalised form
    if len(n) > 4 and n[0] in "وف" and (n[1:3] == "ال" or n[1:3] == "لل" or n[1:4] in ("بال", "كال")):
        pos, k = _skip_letter(word, 0), 1
    if len(n) - k > 4 and n[k] in "بك" and n[k + 1 : k + 3] == "ال":
        return _skip_letter(word, pos)
    if len(n) - k > 3 and n[k : k + 2] == "لل":
        return _skip_letter(word, pos)
    if k:
        return pos
    # Bare letters: strip while the remainder is a better-known entity word than the whole.
    pos, rest = 0, n
    for letters in ("وف", "بلك"):
        if len(rest) > 2 and rest[0] in letters and known.get(rest[1:], 0) > known.get(rest, 0):
            pos = _skip_letter(word, pos)
            rest = rest[1:]
    return pos
