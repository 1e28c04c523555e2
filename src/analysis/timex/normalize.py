"""Normalized text for matching, with a map back to offsets in the original text.

Matching runs on a normalized copy (hamza-alef forms → ا, ى → ي, ة → ه, ک/ی → ك/ي, all digits →
ASCII, dashes → '-', odd spaces → ' ', diacritics and tatweel removed); ``NormText.span``
turns a match in the copy back into ``(start, end)`` in the original, so surfaces and offsets
always come from the original text.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.text import char_table

_SENTINEL = "\x00"

#: The length-preserving translation table: the project's one normalization table
#: (``analysis.text``), with dropped characters (diacritics, dagger alef, tatweel) as a sentinel first.
TABLE: dict[int, str] = char_table(
    dropped=_SENTINEL, alef=True, alef_maksura=True, teh_marbuta=True, persian=True, digits=True,
    diacritics=True, tatweel=True, bidi_marks=" ", invisible=" ", invisible_more=" ", spaces=True,
    dashes=True, separators=True,
)


def normalize_word(text: str) -> str:
    """Normalize lexicon text the way ``NormText`` normalizes the input (for building patterns)."""
    return text.translate(TABLE).replace(_SENTINEL, "")


@dataclass(frozen=True)
class NormText:
    """The matching copy of ``original`` and the offset of each of its characters in the original."""

    original: str
    norm: str
    positions: np.ndarray | None  # None when no character was dropped (offsets are identical)

    @classmethod
    def of(cls, text: str) -> "NormText":
        """Build the matching copy of ``text``."""
        translated = text.translate(TABLE)
        if _SENTINEL not in translated:
            return cls(text, translated, None)
        codes = np.frombuffer(translated.encode("utf-32-le"), dtype=np.uint32)
        kept = np.flatnonzero(codes != 0)
        return cls(text, translated.replace(_SENTINEL, ""), kept)

    def start(self, i: int) -> int:
        """Original offset of normalized position ``i`` (a span start)."""
        if self.positions is None:
            return i
        return int(self.positions[i]) if i < len(self.positions) else len(self.original)

    def end(self, i: int) -> int:
        """Original offset for a span ending at normalized ``i``: trailing diacritics stay inside."""
        if self.positions is None:
            return i
        return int(self.positions[i]) if i < len(self.positions) else len(self.original)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized ``[start, end)`` to the original text."""
        return self.start(start), self.end(end)
