"""TIMEX3 values: their regexes, the days a value covers, and dates from mixed inputs.

The one place that parses values (formats: docs/ANNOTATION.md, "Temporal expressions"): the
grammar joins and re-anchors candidates with these regexes, ``Timex.interval`` and the events'
dating read a value's days with ``day_interval``, and every date argument goes through ``as_date``.
Days are ``datetime.date``; an interval is closed ``(first_day, last_day)``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import pandas as pd

Interval = tuple[dt.date, dt.date]

#: How far vague references reach from the article date (days): "in the coming days", "recently".
VAGUE_REF_DAYS = 30
#: The vague values (``PRESENT_REF`` is the article date itself).
VAGUE_VALUES = ("PAST_REF", "FUTURE_REF", "PRESENT_REF")

#: ``2025``.
YEAR_VALUE = re.compile(r"^(\d{4})$")
#: ``2025-09``.
MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})$")
#: ``2025-09-27`` (a day, nothing after it).
DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
#: ``2025-09-27`` or a time of that day (``2025-09-27T13:48``, ``2025-09-27TEV``).
DAY_TIME_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
#: ISO week ``2025-W35``.
WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{2})$")
#: Quarter ``2025-Q1``.
QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
#: A duration in years, months, weeks and days (``P1Y6M``, ``P2W``; not the vague ``PXY``).
DURATION_VALUE = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")
#: A date with a known year at any calendar granularity (year, month, day, quarter, half, week):
#: what may end an interval ``A/B``.
CONCRETE_VALUE = re.compile(r"^\d{4}(?:-(?:\d\d(?:-\d\d)?|Q\d|H\d|W\d\d))?$")
#: Values that can anchor an anaphoric period, by the unit it needs: a known year (``Y``), a known
#: month (``M``) or a known day (``D``) at the start of the value.
REFERENCE_VALUE = {
    "Y": re.compile(r"^\d{4}(?:-|$)"),
    "M": re.compile(r"^\d{4}-\d\d(?:-|$)"),
    "D": re.compile(r"^\d{4}-\d\d-\d\d"),
}


def as_date(value: object) -> dt.date | None:
    """A date from a date, a datetime or pandas Timestamp, or an ISO ``YYYY-MM-DD…`` string.

    None and missing values (NaN, NaT, ``pd.NA``) give None; any other string must start with an
    ISO date (``ValueError`` otherwise).
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):  # pandas Timestamp and NaT too
        return None if pd.isna(value) else value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value.strip()[:10])
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return None
    if callable(getattr(value, "date", None)):
        return value.date()  # type: ignore[attr-defined]
    return dt.date.fromisoformat(str(value).strip()[:10])  # numpy datetime64 …


def _point_interval(value: str) -> Interval | None:
    """The days covered by one point value (no interval, no mod); None if unknown."""
    try:
        if m := YEAR_VALUE.match(value):
            y = int(m[1])
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if m := MONTH_VALUE.match(value):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
        if m := DAY_TIME_VALUE.match(value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := WEEK_VALUE.match(value):
            first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return first, first + dt.timedelta(days=6)
        if m := QUARTER_VALUE.match(value):
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
        # a year: January-April, May-August, September-December
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


def day_interval(value: str | None, mod: str | None = None, dct: dt.date | None = None) -> Interval | None:
    """The days a TIMEX ``value`` with ``mod`` covers; None when it cannot be placed.

    Years, months, days (also with a time), ISO weeks, quarters and intervals ``A/B`` are placed;
    START/MID/END narrow to a third (a year: Jan-Apr, May-Aug, Sep-Dec; a month: days 1-10,
    11-20, 21-end) and APPROX widens by a tenth each side. Vague references need ``dct``
    (``PAST_REF``/``FUTURE_REF``: the ``VAGUE_REF_DAYS`` before/after it, ``PRESENT_REF``: that day).
    Halves, seasons, decades, centuries, durations and sets give None.
    ``2026`` + START → 2026-01-01..2026-04-30, ``2014/2017`` → 2014-01-01..2017-12-31.
    """
    if not value:
        return None
    if value in VAGUE_VALUES:
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
