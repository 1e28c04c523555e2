"""Dates written only with digits: ``31.12.2025``, ``31 / 12 / 2024م``, ``2025-12-31``, and Hijri ones
(``8 / 7 / 1445هـ``, ``1446/3/10هـ``: a year 1300-1499 or the mark هـ) converted with hijridate."""

from __future__ import annotations

import re

from analysis.timex import hijri_calendar as H
from analysis.timex import resolve as R
from analysis.timex.engine import DIGIT, Candidate, Context, rule
from analysis.timex.patterns import S0

#: Not inside a longer number, a decimal, a ratio or a clock time.
_NUM_L = r"(?<![\w.,/:-])"
_NUM_R = r"(?![\w]|[.,/:-]\d)"
#: A Gregorian (18xx-21xx) or Hijri (13xx-14xx) year.
_YEAR = r"(?:1[3489]|2[01])\d\d"
#: The calendar mark after the year: م (Gregorian) or هـ (Hijri), inside the span.
_ERA = rf"(?:{S0}(?P<era>م|ه)(?!\w))?"
#: A separator, with spaces around it when it is a slash or a dot (``3 / 11 / 2025م``).
_SEP = rf"(?P<sep>{S0}[./]{S0}|-)"


def _value(year: int, month: int, day: int, era: str | None) -> Candidate | None:
    """The candidate of a numeric date: Gregorian, or Hijri for 13xx-14xx years or the mark هـ."""
    hijri = era == "ه" or year < 1800
    if hijri:
        if era == "م":
            return None
        date = H.day(year, month, day) if 1 <= month <= 12 and 1 <= day <= 30 else None
        return Candidate(0, 0, "DATE", date.isoformat(), calendar="hijri", kind="day") if date else None
    value = R.date_value(year, month, day)
    return Candidate(0, 0, "DATE", value, kind="day") if value else None


@rule("numeric_dmy", priority=40, starts=[DIGIT],
      pattern=rf"{_NUM_L}(?P<t>(?P<d>[0-3]?\d){_SEP}(?P<mo>[0-3]?\d)(?P=sep)(?P<y>{_YEAR}){_ERA}){_NUM_R}")
def _numeric_dmy(m: re.Match, ctx: Context) -> Candidate | None:
    """``31.12.2025``, ``31-12-2025``, ``31 / 12 / 2024م`` (day first; ``12/31/2025`` month first when it
    cannot be day first); ``8 / 7 / 1445هـ`` → the Gregorian day (calendar hijri)."""
    day, month, year = int(m.group("d")), int(m.group("mo")), int(m.group("y"))
    era = m.group("era")
    return _value(year, month, day, era) or (_value(year, day, month, era) if year >= 1800 else None)


@rule("numeric_ymd", priority=50, starts=[DIGIT],
      pattern=rf"{_NUM_L}(?P<t>(?P<y>{_YEAR}){_SEP}(?P<mo>[01]?\d)(?P=sep)(?P<d>[0-3]?\d){_ERA}){_NUM_R}")
def _numeric_ymd(m: re.Match, ctx: Context) -> Candidate | None:
    """``2025/12/31``, ``2025-12-31``; ``1446/3/10هـ`` → the Gregorian day (calendar hijri)."""
    return _value(int(m.group("y")), int(m.group("mo")), int(m.group("d")), m.group("era"))
