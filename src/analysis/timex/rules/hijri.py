"""Hijri dates, given their Gregorian value and ``calendar="hijri"``: ``15 رمضان 1446 هـ``, ``عام 1446 هـ``."""

from __future__ import annotations

import re

from analysis.timex import patterns as P
from analysis.timex import resolve as R
from analysis.timex.engine import DIGIT, Candidate, Context, rule
from analysis.timex.patterns import END, PRE, S, S0
from analysis.timex.rules.common import HIJRI_WORDS, MODS, ORDINALS, day_of, g, mod_of

_HIJRI_YEAR = (
    rf"(?:(?:عام|سنه|العام){S0})?(?<![\d.,/:])(?:(?P<hy>1[34]\d\d)(?![\d.,/:])(?:{S0}(?P<he>ه|هجري|هجريه|للهجره){END})?"
    rf"|(?P<hy2>\d{{1,4}})(?![\d.,/:]){S0}(?P<he2>ه|هجري|هجريه|للهجره){END})"
)


@rule("hijri", priority=410, starts=[MODS, DIGIT, ORDINALS, "شهر", HIJRI_WORDS],
      pattern=rf"{PRE}(?P<t>{P.MOD_PRE()}(?:{P.DAY('a')}{S}(?:من{S})?)?(?:(?P<shahr>شهر){S})?(?P<hm>{P.HIJRI}){END}(?:{S0}[,،]?{S0}{_HIJRI_YEAR})?){END}")
def _hijri(m: re.Match, ctx: Context) -> Candidate | None:
    """``15 رمضان 1446 هـ`` → Gregorian ``2025-03-15`` (calendar hijri); ``شهر رمضان`` → its month."""
    month = P.HIJRI_MONTH_OF[g(m, "hm")]  # type: ignore[index]
    day = day_of(m, "a")
    year = int(g(m, "hy") or g(m, "hy2") or 0) or None
    if g(m, "hy2"):
        value = R.hijri_to_gregorian(year, month, day)  # type: ignore[arg-type]
        return Candidate(0, 0, "DATE", value, mod_of(m), calendar="hijri") if value else None
    if year is None and day is None and not g(m, "shahr"):
        return None
    if year is None and day is None and g(m, "hm") in P.AMBIGUOUS_HIJRI and not g(m, "shahr"):
        return None
    if year is None and g(m, "hm") in P.STRICT_HIJRI and not g(m, "shahr"):
        return None  # "1 صفر" is a score, not the 1st of Safar
    if year is None:
        year = R.hijri_year_of(ctx.dct, month)
        if year is None:
            return None
    value = R.hijri_to_gregorian(year, month, day)
    return Candidate(0, 0, "DATE", value, mod_of(m), calendar="hijri") if value else None


@rule("hijri_year", priority=420, starts=[MODS, "عام", "العام", "سنة", "السنة"],
      pattern=rf"{PRE}(?P<t>{P.MOD_PRE()}(?:(?:ال)?عام|(?:ال)?سنه){S0}(?P<hy>1[34]\d\d){S0}(?P<he>ه|هجري|هجريه|للهجره)){END}")
def _hijri_year(m: re.Match, ctx: Context) -> Candidate | None:
    """``عام 1446 هـ`` → the Gregorian year holding its middle (calendar hijri)."""
    value = R.hijri_to_gregorian(int(m.group("hy")), 0, None)
    return Candidate(0, 0, "DATE", value, mod_of(m), calendar="hijri") if value else None
