"""Interval arithmetic on TIMEX values: what span of days does ``2026`` + START or ``2024-09`` cover?

Used to compare event dates (equal or overlapping), to merge reports of the same event and to
draw each timeline entry with its uncertainty. Days are ``datetime.date``; an interval is closed
``(first_day, last_day)``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

Interval = tuple[dt.date, dt.date]

#: How far vague references reach from the article date (days): "in the coming days", "recently".
VAGUE_REF_DAYS = 30

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


def _point_interval(value: str) -> Interval | None:
    """The days covered by one TIMEX point value (no interval, no mod); None if unknown."""
    try:
        if m := _YEAR.match(value):
            y = int(m[1])
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
        if m := _DAY.match(value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _WEEK.match(value):
            first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return first, first + dt.timedelta(days=6)
        if m := _QUARTER.match(value):
            y, q = int(m[1]), int(m[2])
            end_month = 3 * q
            return dt.date(y, end_month - 2, 1), dt.date(y, end_month, calendar.monthrange(y, end_month)[1])
    except ValueError:
        return None
    return None


def _apply_mod(span: Interval, mod: str | None) -> Interval:
    """Narrow a span for START/MID/END (first/middle/last third); widen APPROX by a tenth each side."""
    first, last = span
    days = (last - first).days + 1
    if days <= 1 or not mod:
        return span
    if mod in ("START", "MID", "END") and first.year == last.year and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        # a year or years: January-April, May-August, September-December of the year(s)
        months = {"START": (1, 4), "MID": (5, 8), "END": (9, 12)}[mod]
        return dt.date(first.year, months[0], 1), dt.date(last.year, months[1], calendar.monthrange(last.year, months[1])[1])
    if mod in ("START", "MID", "END") and first.day == 1 and first.year == last.year and first.month == last.month:
        # a month: days 1-10, 11-20, 21-end
        bounds = {"START": (1, 10), "MID": (11, 20), "END": (21, last.day)}[mod]
        return first.replace(day=bounds[0]), first.replace(day=bounds[1])
    third = max(1, days // 3)
    if mod == "START":
        return first, first + dt.timedelta(days=third - 1)
    if mod == "MID":
        return first + dt.timedelta(days=third), last - dt.timedelta(days=third)
    if mod == "END":
        return last - dt.timedelta(days=third - 1), last
    if mod == "APPROX":
        pad = dt.timedelta(days=max(1, days // 10))
        return first - pad, last + pad
    return span


def interval(value: str | None, mod: str | None = None, dct: dt.date | None = None) -> Interval | None:
    """Days covered by a TIMEX ``value`` with ``mod``; vague refs need ``dct``. None if not placeable.

    ``2026`` + START → 2026-01-01..2026-04-30 (first third), ``2024-09`` → the month,
    ``2014/2017`` → 2014-01-01..2017-12-31, ``2025-12-31TEV`` → that day, ``FUTURE_REF`` →
    the 30 days after ``dct``.
    """
    if not value:
        return None
    if value in ("PAST_REF", "FUTURE_REF", "PRESENT_REF"):
        if dct is None:
            return None
        if value == "PRESENT_REF":
            return dct, dct
        span = dt.timedelta(days=VAGUE_REF_DAYS)
        one = dt.timedelta(days=1)
        return (dct - span, dct - one) if value == "PAST_REF" else (dct + one, dct + span)
    if "/" in value:
        left, right = value.split("/", 1)
        a, b = _point_interval(left), _point_interval(right)
        if a is None or b is None or b[1] < a[0]:
            return None
        return _apply_mod((a[0], b[1]), mod)
    span = _point_interval(value)
    return None if span is None else _apply_mod(span, mod)


def overlaps(a: Interval | None, b: Interval | None) -> bool:
    """True when both intervals exist and share at least one day."""
    return a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]


def width(span: Interval | None) -> int:
    """Number of days in ``span`` (a large number when unknown, so precise dates sort first)."""
    return 10**6 if span is None else (span[1] - span[0]).days + 1


def duration_days(value: str) -> int | None:
    """Approximate length in days of a DURATION value (``P1M`` → 30, ``P2W`` → 14); None if vague."""
    m = _DURATION.match(value or "")
    if not m or not any(m.groups()):
        return None
    y, mo, w, d = (int(g) if g else 0 for g in m.groups())
    return y * 365 + mo * 30 + w * 7 + d


def anchored_value(duration: str, dct: dt.date, forward: bool) -> str | None:
    """``خلال شهر`` from the article date: ``dct/dct+P`` (forward) or ``dct-P/dct`` as an ISO interval."""
    days = duration_days(duration)
    if days is None:
        return None
    other = dct + dt.timedelta(days=days) if forward else dct - dt.timedelta(days=days)
    a, b = (dct, other) if forward else (other, dct)
    return f"{a.isoformat()}/{b.isoformat()}"


def relation(span: Interval | None, dct: dt.date) -> str | None:
    """``before``, ``after`` or ``around`` the article date; None when there is no span."""
    if span is None:
        return None
    if span[1] < dct:
        return "before"
    if span[0] > dct:
        return "after"
    return "around"


def granularity(value: str | None) -> str:
    """``day``, ``month``, ``year``, ``interval``, ``vague`` or ``none``: how a date is drawn."""
    if not value:
        return "none"
    if value.endswith("_REF"):
        return "vague"
    if "/" in value:
        return "interval"
    if _DAY.match(value):
        return "day"
    if _MONTH.match(value) or _WEEK.match(value):
        return "month"
    if _YEAR.match(value) or _QUARTER.match(value):
        return "year"
    return "none"
