"""Values that come from an earlier timex of the same paragraph or sentence (passes after selection).

- ``resolve_mirrors``: ``الفترة نفسها من العام الماضي`` / ``الربع المقابل من 2023`` take the period just
  named, moved to their year (the first half of 2025 → ``2024-01/2024-06``).
- ``resolve_day_refs``: ``هذا اليوم`` / ``ذلك اليوم`` / ``اليوم الأخير`` take the day just named (the
  last day of a range); ``العشر الأواخر من الشهر`` the last ten days of the month just named.
  Without such a day they are dropped.
- ``anchor_days``: a clock time, a range of clock times or a part of day said alone takes the day of
  the last day named before it in its sentence (``يوم الجمعة الموافق 14 نوفمبر ... الساعة الخامسة
  مساءً``), else the dct.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from analysis.timex.engine import Candidate
from analysis.timex.values import DAY_TIME_VALUE, DAY_VALUE, MONTH_VALUE

#: What ends a sentence for ``anchor_days``.
_SENTENCE_END = re.compile(r"[.!?؟؛\n]")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_DAY_SPAN = re.compile(r"^(\d{4}-\d\d-\d\d)/(\d{4}-\d\d-\d\d)$")
_PERIOD = re.compile(r"^\d{4}(?:-(?:\d\d(?:-\d\d)?|Q\d|H\d))?(?:/\d{4}(?:-\d\d(?:-\d\d)?)?)?$")


def _same_paragraph(text: str, ref: Candidate, c: Candidate) -> bool:
    return "\n" not in text[ref.end : c.start]


def _earlier(cands: list[Candidate], i: int, text: str):
    """The candidates before ``cands[i]`` in its paragraph, nearest first."""
    for ref in reversed(cands[:i]):
        if not _same_paragraph(text, ref, cands[i]):
            return
        yield ref


# --- Mirrors ----------------------------------------------------------------------------------------


def _with_year(value: str, year: int) -> str | None:
    """A point value moved to ``year`` (29 February becomes the 28th)."""
    try:
        if DAY_VALUE.match(value):
            day = dt.date.fromisoformat(value)
            return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1])).isoformat()
    except ValueError:
        return None
    return f"{year:04d}{value[4:]}"


def _mirrored(ref: str, unit: str, year_of_ref: int, year: int) -> str | None:
    """The value of a mirror of ``ref`` in ``year``: ``unit`` "same" keeps the whole period (a half or a
    quarter as its months), "Q" / "H" / "M" keep only a reference of that kind."""
    if unit == "same":
        if m := _HALF.match(ref):
            first = 1 if m[2] == "1" else 7
            return f"{year:04d}-{first:02d}/{year:04d}-{first + 5:02d}"
        if m := _QUARTER.match(ref):
            first = 3 * int(m[2]) - 2
            return f"{year:04d}-{first:02d}/{year:04d}-{first + 2:02d}"
        parts = ref.split("/")
        moved = [_with_year(p, int(p[:4]) - year_of_ref + year) for p in parts]
        return "/".join(moved) if all(moved) else None  # type: ignore[arg-type]
    if unit == "Q" and _QUARTER.match(ref) or unit == "H" and _HALF.match(ref) or unit == "M" and MONTH_VALUE.match(ref):
        return f"{year:04d}{ref[4:]}"
    return None


def resolve_mirrors(cands: list[Candidate], text: str) -> list[Candidate]:
    """Give each mirror (``extra["mirror"] = (unit, ("year", Y) | ("shift", n))``) the period named
    before it in its paragraph, moved to its year; without one it keeps its year."""
    for i, c in enumerate(cands):
        mirror = c.extra.get("mirror")
        if not mirror:
            continue
        unit, (how, number) = mirror
        for ref in _earlier(cands, i, text):
            if ref.type != "DATE" or ref.extra.get("mirror") or not _PERIOD.match(ref.value):
                continue
            year_of_ref = int(ref.value[:4])
            value = _mirrored(ref.value, unit, year_of_ref, number if how == "year" else year_of_ref + number)
            if value:
                c.value = value
                break
    return cands


# --- Days named before -------------------------------------------------------------------------------


def _days(value: str) -> tuple[str, str] | None:
    """(first, last) day of a day or day-interval value (a time of day counts as its day)."""
    if DAY_TIME_VALUE.match(value) and "/" not in value:
        return value[:10], value[:10]
    if m := _DAY_SPAN.match(value):
        return m[1], m[2]
    return None


def _last_ten(value: str) -> str | None:
    """Days 21 to the end of the month a value names (a month ``YYYY-MM`` or a Hijri month's days)."""
    if MONTH_VALUE.match(value):
        year, month = int(value[:4]), int(value[5:7])
        return f"{value}-21/{value}-{calendar.monthrange(year, month)[1]:02d}"
    if m := _DAY_SPAN.match(value):
        first, last = dt.date.fromisoformat(m[1]), dt.date.fromisoformat(m[2])
        if 28 <= (last - first).days + 1 <= 31:
            return f"{(first + dt.timedelta(days=20)).isoformat()}/{last.isoformat()}"
    return None


def resolve_day_refs(cands: list[Candidate], text: str) -> list[Candidate]:
    """Give ``هذا اليوم`` / ``اليوم الأخير`` (``extra["day_ref"]``) the day named before them, and
    ``العشر الأواخر من الشهر`` (``"last_ten"``) the end of the month named before; drop them otherwise."""
    out = []
    for i, c in enumerate(cands):
        ref_kind = c.extra.get("day_ref")
        if not ref_kind:
            out.append(c)
            continue
        value = None
        for ref in _earlier(cands, i, text):
            if ref.type not in ("DATE", "TIME"):
                continue
            if ref_kind == "last_ten":
                value = _last_ten(ref.value)
            elif days := _days(ref.value):
                value = days[1] if ref_kind == "last" else days[0]
            if value:
                c.calendar = ref.calendar if ref_kind == "last_ten" else c.calendar
                break
        if value:
            c.value = value
            out.append(c)
    return out


# --- Clock times on their day -------------------------------------------------------------------------


def anchor_days(cands: list[Candidate], text: str, dct: dt.date | None) -> None:
    """Give each clock time, clock range or lone part of day (``kind == "clock"``) the day of the last
    day named before it in its sentence, else the dct; a range that ends before it starts ends the
    next day."""
    last_day: str | None = None
    last_end = 0
    for c in cands:
        if _SENTENCE_END.search(text, last_end, c.start):
            last_day = None
        if c.kind == "clock":
            day = last_day or (dct.isoformat() if dct else "XXXX-XX-XX")
            hhmm = c.extra["hhmm"]
            if isinstance(hhmm, tuple):
                end_day = day
                if hhmm[1] < hhmm[0] and not day.startswith("X"):
                    end_day = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
                c.value = f"{day}{hhmm[0]}/{end_day}{hhmm[1]}"
            else:
                c.value = f"{day}{hhmm}"
        elif c.type in ("DATE", "TIME") and (days := _days(c.value)) and days[0] == days[1]:
            last_day = days[0]
        last_end = c.end
