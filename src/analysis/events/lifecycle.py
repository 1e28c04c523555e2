"""The life of one real-world event across reports: planned, slipped, begun, done (docs/TIMELINE_EVAL.md).

Rules the merge (``analysis.events.merge``) applies to two reports of the same type at compatible
places (``analysis.events.places``):

- overlapping dates are the same event (a restatement);
- a plan and a later plan or happening of it are the same event when the later date is at most
  ``SLIP_DAYS`` after the earlier (the plan slipped), or the happening comes before the planned
  date but after the plan was reported (done early, at most ``SLIP_DAYS`` early);
- an ongoing report (``بدأ الانسحاب``) and a later report that it was done: the same, within ``SLIP_DAYS``;
- two happenings on different dates are two events; attacks, wars and statements never slip.

An entry is dated by what happened (its occurred or ongoing reports), else by its latest plan; its
status is the newest report's, and a plan reported after the happening does not undo it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable

from analysis.events import dating
from analysis.events.places import hierarchy

#: How far a plan may slip (or be done early) and still be the same event: half a year. Phase one
#: and phase two of the 2024 agreement (September 2025, September 2026) are a year apart and stay two.
SLIP_DAYS = 183
#: How far after an undated plan is reported the event it plans may come.
UNDATED_PLAN_REACH_DAYS = 730
#: Types whose reports are never plans of a later happening: each date is its own event.
NO_SLIP_TYPES = ("attack", "war", "announcement")
#: Statuses from the least to the most advanced.
STATUS_ORDER = ("planned", "ongoing", "occurred")
DONE = ("occurred", "ongoing")

_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI|H1|H2)$")
#: First and last month of a season or half (winter runs into the next year).
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14), "H1": (1, 6), "H2": (7, 12)}


def _season_span(value: str, mod: str | None) -> dating.Interval | None:
    """``2025-SU`` → June–August 2025 (START/MID/END: its first, middle, last third)."""
    m = _SEASON.match(value)
    if not m:
        return None
    year, (first, last) = int(m[1]), _SEASON_MONTHS[m[2]]
    start = dt.date(year, first, 1)
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    end = dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    if mod in ("START", "MID", "END"):
        third = ((end - start).days + 1) // 3
        k = ("START", "MID", "END").index(mod)
        start, end = start + dt.timedelta(days=k * third), (start + dt.timedelta(days=(k + 1) * third - 1) if k < 2 else end)
    return start, end


def report_span(value: str | None, mod: str | None, dct: dt.date | None) -> dating.Interval | None:
    """The days a report's date covers: ``dating.interval``, plus seasons and halves (``2025-SU``)."""
    span = dating.interval(value, mod, dct)
    if span is None and value:
        span = _season_span(value, mod)
    return span


def is_done(status: str) -> bool:
    """Occurred or ongoing: the report says it happened (or began)."""
    return status in DONE


def slip_gap(plan: dating.Interval, later: dating.Interval) -> int:
    """Days from the end of ``plan`` to the start of ``later`` (0 when they overlap; negative when earlier)."""
    if dating.overlaps(plan, later):
        return 0
    if later[0] > plan[1]:
        return (later[0] - plan[1]).days
    return -(plan[0] - later[1]).days


def whole_country_over_part(place: str | None, entry_place: str | None) -> bool:
    """Is ``place`` a whole country and the entry's place a part of it (``سوريا`` over ``شمال سوريا``)?

    Reports on different days are one event only as a plan and what became of it; a plan to leave a
    whole country is not what became of it when troops leave one region or base (Syria, December 2018
    → northern Syria, October 2019), nor the reverse. Same-day restatements may still be vaguer.
    """
    if not place or not entry_place or place == entry_place:
        return False
    tree = hierarchy()
    return tree.depth(place) == 0 and tree.contains(place, entry_place)


def plan_for_whole_of(status: str, place: str | None, group_done: bool, entry_place: str | None) -> bool:
    """Is a plan for a whole country met by a happening at a part of it on overlapping days?

    Two events: leaving Iraq by the end of 2026 is not the withdrawal from Erbil on 30 September 2026,
    though the days overlap; the happening is one step of the plan, not what became of it. A vaguer
    restatement that it happened (``انسحبت القوات من العراق`` the same month) still merges.
    """
    return not is_done(status) and group_done and whole_country_over_part(place, entry_place)


def planned_anew(done_end: dt.date | None, span: dating.Interval, dct: dt.date) -> bool:
    """Is a plan for days after what an entry reports done, reported after it was done, a new event?

    Done is done: once an event happened (its earliest occurred report ending on ``done_end``), a plan
    reported later for later days is another event (the next phase, a new handover), not a re-dating
    of the old plan. A plan for earlier days told afterwards (``كان مقررا في أيلول``) is still its history.
    """
    return done_end is not None and done_end < dct and done_end < span[0]


def nested_ranges(value: str | None, span: dating.Interval, other_value: str | None, other: dating.Interval) -> bool:
    """Are two explicit ranges one inside the other and under half its length (a battle inside its war)?

    ``2016-10/2017-07`` (Mosul) lies inside ``2014/2017`` (the war on the Islamic State): two events,
    though the days overlap. Only written ranges count: a year or a month inside a range restates it.
    """
    if not value or not other_value or "/" not in value or "/" not in other_value:
        return False
    (a, b), (c, d) = sorted((span, other), key=lambda x: (x[1] - x[0]).days)
    return c <= a and b <= d and 2 * ((b - a).days + 1) < (d - c).days + 1


def country_and_part(a: str | None, b: str | None) -> bool:
    """Is one of two places a whole country and the other a part of it (``whole_country_over_part``)?"""
    return whole_country_over_part(a, b) or whole_country_over_part(b, a)


def undated_window(status: str, dct: dt.date) -> dating.Interval:
    """The days an undated report may find its event in (``undated_distance`` decides)."""
    reach = dt.timedelta(days=UNDATED_PLAN_REACH_DAYS)
    slip = dt.timedelta(days=SLIP_DAYS)
    if not is_done(status):
        return dct - slip, dct + reach
    return dct - reach, dct + (slip if status == "ongoing" else dt.timedelta(0))


def undated_distance(
    status: str, dct: dt.date, span: dating.Interval, group_status: str, window: dating.Interval | None = None
) -> int | None:
    """How far (days) an undated report of ``status`` in an article of ``dct`` is from a dated group, if it
    can report that group's event; else None.

    - a plan: an event planned or happening ahead of the report (within ``UNDATED_PLAN_REACH_DAYS``),
      or a plan whose day passed (within ``SLIP_DAYS``) without a report that it was done;
    - a happening: an event that had begun by the report's day (within ``UNDATED_PLAN_REACH_DAYS``);
    - a report that it goes on (``بدأ نقل القوات``) also what was reported done within ``SLIP_DAYS``
      after it: what began and its completion, as for dated reports.

    ``window`` is ``undated_window(status, dct)``, when the caller has it already.
    """
    s, t = window or undated_window(status, dct)
    first, last = span
    if last < s or first > t:
        return None
    if status not in DONE:
        if last < dct and group_status in DONE:
            return None
        return (first - dct).days if first > dct else (dct - last).days if last < dct else 0
    if first > dct:
        return (first - dct).days if status == "ongoing" and group_status == "occurred" else None
    return (dct - last).days if last < dct else 0


def status_of(reports: Iterable[tuple[dt.date, str] | tuple[dt.date, str, bool]]) -> str:
    """The entry's status from its reports' (dct, status[, dated]): the newest report's, a plan never
    undoing a happening and a report that it goes on never reopening what a dated report said was done.

    Reports of the newest day that disagree: the dated ones (an undated report joined by a guess),
    then the most frequent, then the most advanced.
    """
    rows = [(r[0], r[1], r[2] if len(r) > 2 else True) for r in reports]

    def newest_of(chosen: list[tuple[dt.date, str, bool]]) -> str:
        day = max(d for d, _, _ in chosen)
        same = [(s, dated) for d, s, dated in chosen if d == day]
        counts = Counter(s for s, dated in same if dated) or Counter(s for s, _ in same)
        return max(counts, key=lambda s: (counts[s], _rank(s)))

    status = newest_of(rows)
    if not is_done(status):
        done = [r for r in rows if is_done(r[1])]
        if done:
            status = newest_of(done)
    if status == "ongoing" and any(s == "occurred" and dated for _, s, dated in rows):
        status = "occurred"  # what was reported done stays done: a later "goes on" does not reopen it
    return status


def _rank(status: str) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else -1


def date_support(groups: list[tuple[dating.Interval | None, int]]) -> list[int]:
    """How many reports agree with each group's date: its own, and those of wider dates that contain it.

    ``2024`` (2 reports), ``2024-09`` and ``2024-09-27`` (1 each): the day is supported by all four,
    so a vaguer restatement backs the precise date rather than outvoting it.
    """
    out = []
    for span, count in groups:
        if span is None:
            out.append(count)
            continue
        out.append(sum(n for other, n in groups if other is not None and other[0] <= span[0] and span[1] <= other[1]))
    return out


def status_counts(statuses: Iterable[str]) -> str:
    """``occurred 2 · planned 3``: how many reports give each status, most advanced first."""
    counts = Counter(statuses)
    known = [s for s in reversed(STATUS_ORDER) if counts.get(s)]
    other = sorted(s for s in counts if s not in STATUS_ORDER)
    return " · ".join(f"{s} {counts[s]}" for s in known + other)


def date_text(value: str, mod: str | None) -> str:
    """A TIMEX value with its mod, as the planned dates are listed: ``2025-09 END``."""
    return f"{value} {mod}" if mod else value


def entry_id(type_: str, root_place: str, file: str, trigger_start: int, trigger_end: int) -> str:
    """A short stable id: a hash of the type, the outermost place and the earliest report's trigger.

    None of these change when unrelated articles are added, so the same event keeps its id.
    """
    key = f"{type_}|{root_place}|{file}:{trigger_start}-{trigger_end}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
