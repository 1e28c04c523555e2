"""Digits: Arabic-Indic (٠-٩) and Persian (۰-۹) digits count the same as ASCII digits."""

from __future__ import annotations

from analysis.text import char_table

#: str.translate table: every Arabic-Indic / Persian digit -> its ASCII digit (length-preserving).
DIGIT_TABLE: dict[int, str] = char_table(digits=True)
