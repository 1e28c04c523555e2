"""Arabic normalisation and proclitic stripping used for NER features and canonical forms.

Kept local (and tiny) so feature extraction is fast and identical at training and tagging time.
"""

from __future__ import annotations

import re

_DIACRITICS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_TRANS = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
        "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
        "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
        "\u200f": None, "\u200e": None, "\u200c": None, "\u200d": None, "\ufeff": None,
    }
)


def norm(word: str) -> str:
    """Orthographic normal form: no diacritics/tatweel, one alef, ى→ي, ة→ه, ASCII digits."""
    return _DIACRITICS_RE.sub("", word).translate(_TRANS)


def strip_conj(w: str) -> str:
    """Drop a conjunction و/ف from a normalised word when enough of the word remains."""
    if len(w) > 3 and w[0] in "وف":
        return w[1:]
    return w


def strip_prep(w: str) -> str:
    """Drop a preposition ب/ل/ك before the article (بال, كال) or لل (ل + ال with alef elided)."""
    if len(w) > 4 and w[0] in "بك" and w[1:3] == "ال":
        return w[1:]
    if len(w) > 3 and w.startswith("لل"):
        return "ا" + w[1:]
    return w


def strip_article(w: str) -> str:
    """Drop the definite article ال when a stem of at least 2 letters remains."""
    if len(w) > 3 and w.startswith("ال"):
        return w[2:]
    return w


def core(w: str) -> str:
    """Normalised word without conjunction, preposition-before-article and article (for matching)."""
    return strip_article(strip_prep(strip_conj(w)))
