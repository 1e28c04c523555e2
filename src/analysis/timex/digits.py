"""Digits: Arabic-Indic (٠-٩) and Persian (۰-۹) digits count the same as ASCII digits."""

from __future__ import annotations

ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
ASCII = "0123456789"

#: str.translate table: every Arabic-Indic / Persian digit -> its ASCII digit (length-preserving).
DIGIT_TABLE: dict[int, str] = {ord(c): ASCII[i] for i, c in enumerate(ARABIC_INDIC)} | {
    ord(c): ASCII[i] for i, c in enumerate(PERSIAN)
}
