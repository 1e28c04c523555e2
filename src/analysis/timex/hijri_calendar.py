"""Hijri (Umm al-Qura) days, months, years and named periods as Gregorian days, via ``hijridate``.

Conversion is never written by hand: every day comes from ``hijridate`` (Umm al-Qura tables,
1343-1500 AH). A Hijri month or year is the exact Gregorian day interval from its first to its
last day (``رمضان 1446`` → ``2025-03-01/2025-03-29``); a named period (``عيد الفطر``) the days of
its month that the table ``data/timex_hijri_periods.tsv`` gives. A period named without a year
takes the occurrence the article means: the one holding the article date or the nearest to it,
the previous / next one with ``الماضي`` / ``المقبل``, the next one in a future clause.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hijridate import Gregorian, Hijri

Span = tuple[dt.date, dt.date]


def day(year: int, month: int, day_: int) -> dt.date | None:
    """The Gregorian date of a Hijri day (None outside the table or for an impossible day)."""
    try:
        g = Hijri(year, month, day_).to_gregorian()
        return dt.date(g.year, g.month, g.day)
    except (ValueError, OverflowError):
        return None


def month_length(year: int, month: int) -> int | None:
    """The number of days (29 or 30) of a Hijri month."""
    try:
        return Hijri(year, month, 1).month_length()
    except (ValueError, OverflowError):
        return None


def days_of_month(year: int, month: int, first: int = 1, last: int | None = None) -> Span | None:
    """Days ``first``..``last`` of a Hijri month as Gregorian dates (``last`` None: its last day)."""
    length = month_length(year, month)
    if length is None:
        return None
    last = length if last is None else min(last, length)
    if not 1 <= first <= last:
        return None
    a, b = day(year, month, first), day(year, month, last)
    return (a, b) if a and b else None


def year_span(year: int) -> Span | None:
    """1 Muharram .. the last day of Dhu al-Hijja of a Hijri year."""
    first = days_of_month(year, 1)
    last = days_of_month(year, 12)
    return (first[0], last[1]) if first and last else None


def span_value(span: Span) -> str:
    """``YYYY-MM-DD/YYYY-MM-DD``, or one day ``YYYY-MM-DD`` when the span is a single day."""
    first, last = span
    return first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"


def hijri_year_at(date: dt.date) -> int | None:
    """The Hijri year holding a Gregorian date."""
    try:
        return Gregorian(date.year, date.month, date.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


def occurrence(dct: dt.date | None, span_of: Callable[[int], Span | None], shift: int | None = None, future: bool = False) -> Span | None:
    """The occurrence of a yearly Hijri period that an article dated ``dct`` means.

    ``span_of(hijri_year)`` gives the period's days in a year. ``shift`` -1 / +1: the last one that
    ended before ``dct`` / the first one that starts after it; 0: the one holding ``dct``, else the
    nearest; None: the one holding ``dct``, else the next one in a future clause (``future``), else
    the nearest (ties: the coming one).
    """
    if dct is None:
        return None
    here = hijri_year_at(dct)
    if here is None:
        return None
    spans = [s for y in (here - 2, here - 1, here, here + 1, here + 2) if (s := span_of(y))]
    if not spans:
        return None
    if shift is not None and shift < 0:
        past = [s for s in spans if s[1] < dct]
        return past[-1] if past else None
    if shift is not None and shift > 0:
        coming = [s for s in spans if s[0] > dct]
        return coming[0] if coming else None
    for s in spans:
        if s[0] <= dct <= s[1]:
            return s
    if future:
        coming = [s for s in spans if s[0] > dct]
        if coming:
            return coming[0]

    def distance(s: Span) -> tuple[int, int]:
        return (min(abs((s[0] - dct).days), abs((s[1] - dct).days)), 0 if s[0] > dct else 1)

    return min(spans, key=distance)
