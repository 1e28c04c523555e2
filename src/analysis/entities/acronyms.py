"""Acronyms: a short form whose letters are the initials of the words right before it.

``هيئة النزاهة الاتحادية (هنا)``, ``جماعة أنصار الدين المعروفة باسم (جاد)``: when the tagger missed
the long form, the short form's letters, read as the first letters of the preceding words (the
article and an attached و/ف, ب/ل/ك left out, particles such as ``في``/``من`` skipped), find where the
long form starts. The alias linker (``analysis.entities.aliases``) then tags and links both.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from analysis.entities.normalize import norm

MIN_LETTERS = 3  # two-letter acronyms match too many word pairs by chance
MAX_LETTERS = 6
#: Particles an acronym leaves out inside a long form (``منظمة الأمم المتحدة للتربية والعلوم``).
SKIPPED = frozenset(norm(w) for w in ("في", "من", "على", "عن", "إلى", "و", "أو", "لـ"))
_ARTICLES = ("وال", "فال", "بال", "كال", "لل", "ال")


@lru_cache(maxsize=50_000)
def initials(word: str) -> frozenset[str]:
    """The letters ``word`` may contribute to an acronym: its first letter, and the first after an
    article or an attached conjunction or preposition when it may have one (``وكالة`` gives و and
    ك: the و may be a conjunction or the word's own letter; ``لحقوق`` gives ل and ح)."""
    n = norm(word)
    if not n.isalpha():
        return frozenset()
    out = {n[0]}
    for pre in _ARTICLES:
        if n.startswith(pre) and len(n) > len(pre) + 1:
            out.add(n[len(pre)])
    if n[0] in "وفبلك" and len(n) > 3:  # و/ف, or a preposition before a bare noun (لحقوق)
        out.add(n[1])
    return frozenset(out)


def acronym_letters(words: Sequence[str]) -> str | None:
    """The letters of a one-word Arabic short form of ``MIN_LETTERS``..``MAX_LETTERS`` letters, else None."""
    if len(words) != 1:
        return None
    n = norm(words[0])
    if not (MIN_LETTERS <= len(n) <= MAX_LETTERS) or not n.isalpha() or n.isascii():
        return None
    return n


def long_form_start(words: Sequence[str], end: int, letters: str) -> int | None:
    """Index of the first word of the long form ending before ``end`` whose initials spell
    ``letters`` (one letter a word, skipped particles allowed inside), or None."""
    i, j = len(letters) - 1, end - 1
    while i >= 0:
        if j < 0:
            return None
        if letters[i] in initials(words[j]):
            i -= 1
            j -= 1
        elif i < len(letters) - 1 and norm(words[j]) in SKIPPED:
            j -= 1
        else:
            return None
    return j + 1
