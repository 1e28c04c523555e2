"""Resolution of relative expressions against the document creation time (dct), and value formats.

Every function returns a TIMEX3 value string. When there is no dct, relative values keep
their unknown parts as ``X`` (``XXXX-XX-XX``), as TIMEX3 does.
"""

from __future__ import annotations

import calendar
import datetime as dt

UNKNOWN_DAY = "XXXX-XX-XX"
UNKNOWN_MONTH = "XXXX-XX"
UNKNOWN_YEAR = "XXXX"
UNKNOWN_WEEK = "XXXX-WXX"


def day_value(day: dt.date) -> str:
    """``YYYY-MM-DD``."""
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    """``YYYY-MM``."""
    return f"{year:04d}-{month:02d}"


def week_value(day: dt.date) -> str:
    """The ISO week of ``day`` as ``YYYY-Www``."""
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _moved(dct: dt.date | None, **delta: int) -> dt.date | None:
    """dct moved by ``timedelta(**delta)``; None without a dct or outside the calendar."""
    if dct is None:
        return None
    try:
        return dct + dt.timedelta(**delta)
    except OverflowError:
        return None


def shift_days(dct: dt.date | None, days: int) -> str:
    """dct ± days as ``YYYY-MM-DD``."""
    day = _moved(dct, days=days)
    return UNKNOWN_DAY if day is None else day_value(day)


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) ``months`` after (before, when negative) the given month."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def shift_months(dct: dt.date | None, months: int) -> str:
    """The month of dct ± months as ``YYYY-MM``."""
    if dct is None:
        return UNKNOWN_MONTH
    year, month = add_months(dct.year, dct.month, months)
    return month_value(year, month) if 1 <= year <= 9999 else UNKNOWN_MONTH


def shift_weeks(dct: dt.date | None, weeks: int) -> str:
    """The ISO week of dct ± weeks as ``YYYY-Www``."""
    day = _moved(dct, weeks=weeks)
    return UNKNOWN_WEEK if day is None else week_value(day)


def shift_years(dct: dt.date | None, years: int) -> str:
    """The year of dct ± years as ``YYYY``."""
    if dct is None:
        return UNKNOWN_YEAR
    year = dct.year + years
    return f"{year:04d}" if 1 <= year <= 9999 else UNKNOWN_YEAR


def shift(dct: dt.date | None, unit: str, amount: int) -> str:
    """dct shifted by ``amount`` units, at the unit's granularity (D, W, M, Y, DE; hours → day)."""
    if unit == "D":
        return shift_days(dct, amount)
    if unit == "W":
        return shift_weeks(dct, amount)
    if unit == "M":
        return shift_months(dct, amount)
    if unit == "Y":
        return shift_years(dct, amount)
    if unit == "DE":
        return shift_years(dct, amount * 10)
    if unit == "CE":
        return shift_years(dct, amount * 100)
    if unit == "TH":
        return shift_days(dct, 0 if amount < 24 else amount // 24)
    return shift_days(dct, 0)


def weekday_date(dct: dt.date | None, weekday: int, direction: str = "past") -> str:
    """The date of a weekday named alone.

    ``past``: the most recent such day on or before dct; ``future``: the next one on or after
    dct; ``last`` / ``next``: strictly before / after dct (``الأربعاء الماضي`` / ``المقبل``).
    """
    if dct is None:
        return UNKNOWN_DAY
    delta = (dct.weekday() - weekday) % 7
    if direction == "past":
        return day_value(dct - dt.timedelta(days=delta))
    if direction == "last":
        return day_value(dct - dt.timedelta(days=delta or 7))
    ahead = (weekday - dct.weekday()) % 7
    if direction == "next":
        return day_value(dct + dt.timedelta(days=ahead or 7))
    return day_value(dct + dt.timedelta(days=ahead))


def month_year(dct: dt.date | None, month: int, tense: str | None = None, shift_word: int | None = None) -> int | None:
    """The year of a month named without a year.

    ``shift_word`` is the offset of an adjective after it (الماضي -1, المقبل +1, الجاري 0);
    otherwise the tense decides (future: this or next occurrence) or the nearest occurrence.
    """
    if dct is None:
        return None
    if shift_word == 0:
        return dct.year
    if shift_word == -1:
        return dct.year if month < dct.month else dct.year - 1
    if shift_word == 1 or tense == "future":
        return dct.year if month >= dct.month else dct.year + 1
    if tense == "past":
        return dct.year if month <= dct.month else dct.year - 1
    # nearest occurrence (ties go to the dct's year)
    best = min((abs((y * 12 + month) - (dct.year * 12 + dct.month)), abs(y - dct.year), y) for y in (dct.year - 1, dct.year, dct.year + 1))
    return best[2]


def valid_day(year: int, month: int, day: int) -> bool:
    """Whether ``day`` exists in that month (an out-of-range year is checked as 2000, a leap year)."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year if 1 <= year <= 9999 else 2000, month)[1]


def date_value(year: int | None, month: int, day: int | None) -> str | None:
    """``YYYY-MM-DD`` / ``YYYY-MM`` (year unknown → ``XXXX``), or None for an impossible date."""
    if not 1 <= month <= 12:
        return None
    if year is not None and not 1 <= year <= 9999:
        return None
    y = f"{year:04d}" if year is not None else "XXXX"
    if day is None:
        return f"{y}-{month:02d}"
    if not valid_day(year or 2000, month, day):
        return None
    return f"{y}-{month:02d}-{day:02d}"


# --- Seasons ----------------------------------------------------------------------------------

#: The first month of each season (meteorological seasons; winter starts in December).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
#: The season after each one (winter ``Y-WI`` is followed by spring ``Y+1-SP``).
SEASON_AFTER = {"SP": "SU", "SU": "FA", "FA": "WI", "WI": "SP"}


def season_days(year: int, code: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a season; winter takes the year in which it begins (December)."""
    first = dt.date(year, SEASON_START[code], 1)
    end_year, end_month = add_months(year, SEASON_START[code], 3)
    return first, dt.date(end_year, end_month, 1) - dt.timedelta(days=1)


def season_year(dct: dt.date | None, code: str, shift: int | None = None) -> int | None:
    """The year of a season named without one (``فصل الشتاء``, ``الصيف الماضي``).

    ``shift`` -1: the last such season that ended before the dct; +1: the next one that starts after
    it; None or 0: the one holding the dct, else the dct's year ("this winter" in January 2026 is
    ``2025-WI``; in October 2025 ``2025-WI``).
    """
    if dct is None:
        return None
    years = range(dct.year - 2, dct.year + 2)
    if shift is not None and shift < 0:
        return max(y for y in years if season_days(y, code)[1] < dct)
    if shift is not None and shift > 0:
        return min(y for y in years if season_days(y, code)[0] > dct)
    for y in years:
        first, last = season_days(y, code)
        if first <= dct <= last:
            return y
    return dct.year
