"""Dating events: which timex dates which trigger, and what span of days a TIMEX value covers.

The first half is interval arithmetic on TIMEX values (what does ``2026`` + START or ``2024-09``
cover?), used to compare event dates (equal or overlapping), to merge reports of the same event and
to draw each timeline entry with its uncertainty. Days are ``datetime.date``; an interval is closed
``(first_day, last_day)``. The second half gives each trigger of a sentence the timex that governs
it (``assign_dates``). Conventions: docs/ANNOTATION.md, section "Events".

Every conversion of a TIMEX value string to days happens in this module (``interval``,
``granularity``, ``duration_days``), so that it can take the day interval a ``Timex`` carries instead.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from analysis.events import lexicon
from analysis.events.rules import UNTIL_MAX_TOKENS, ZONE_MAX_TOKENS
from analysis.events.triggers import Trigger
from analysis.text import Token

Interval = tuple[dt.date, dt.date]

#: How far vague references reach from the article date (days): "in the coming days", "recently".
VAGUE_REF_DAYS = 30
#: Timex types that can date an event; DURATIONs only when anchored (``خلال شهر``).
DATING_TYPES = ("DATE", "TIME")
INHERIT_WINDOW = 25  # how far after a dated announcement the announced event may be
COORD_WINDOW = 16  # ``سحب جنودها من ...، ونقل قسم منهم``: how far a coordinated trigger shares the date

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


# ---------------------------------------------------------------------------------------------
# Which timex dates which trigger


@dataclass
class TimexSlot:
    """A timex of the sentence that can date a trigger, with its token index range."""

    timex: Any
    first: int
    last: int
    value: str | None
    mod: str | None
    anchored: bool = False  # a DURATION made into an interval by خلال


def sentence_timexes(timexes: Sequence[Any], toks: list[Token], dct: dt.date) -> list[TimexSlot]:
    """Timexes of the sentence that can date an event, with their token index range."""
    c = lexicon.cues()
    out = []
    for tx in timexes:
        idx = [i for i, t in enumerate(toks) if t.start < tx.end and tx.start < t.end]
        if not idx:
            continue
        first, last = idx[0], idx[-1]
        if tx.value == "PRESENT_REF" and first > 0 and lexicon.bare(toks[first - 1].norm) & c["until_words"]:
            continue  # ``حتى الآن`` (so far) scopes a statement, it does not date an event
        if tx.type in DATING_TYPES and tx.value and (interval(tx.value, tx.mod, dct) or tx.value.endswith("_REF")):
            out.append(TimexSlot(tx, first, last, tx.value, tx.mod))
        elif tx.type == "DURATION" and first > 0 and lexicon.bare(toks[first - 1].norm) & c["anchor_preps"]:
            if duration_days(tx.value) is not None:
                out.append(TimexSlot(tx, first, last, tx.value, tx.mod, anchored=True))
    return out


def _inside_background(toks: list[Token], trig: Trigger, x: TimexSlot, trigs: list[Trigger]) -> bool:
    """``الاتفاق جاء بعد ثماني جولات من الحوار بدأت في كانون الثاني``: the timex dates the بعد-clause's own verb."""
    if any(trig.last < t.first < x.first for t in trigs):
        return False
    return any(
        lexicon.is_cue(toks[j], "background_before") and not (toks[j].norm == "قبل" and toks[j - 1].norm == "من")  # من قبل = by
        for j in range(trig.last + 1, x.first - 1)
    )


def assign_dates(trigs: list[Trigger], txs: list[TimexSlot], toks: list[Token]) -> None:
    """Give each trigger the timex that governs it: its own zone first, then steps 2-5 below."""
    claimed: set[int] = set()

    def give(trig: Trigger, k: int) -> None:
        trig.timex, trig.value, trig.mod = txs[k], txs[k].value, txs[k].mod
        claimed.add(k)

    # 1. the trigger's own zone: timexes after it, before the next trigger
    for i, trig in enumerate(trigs):
        end = trigs[i + 1].first if i + 1 < len(trigs) else len(toks)
        limit = trig.last + (UNTIL_MAX_TOKENS if trig.rule == "until" else ZONE_MAX_TOKENS)
        zone = [k for k, x in enumerate(txs) if trig.last < x.first < end and x.first <= limit]
        points = [k for k in zone if not txs[k].anchored]
        points = [k for k in points if not _inside_background(toks, trig, txs[k], trigs)]
        zone = [k for k in zone if k in points or txs[k].anchored]
        latest = [k for k in points if lexicon.has_cue(toks, trig.last + 1, txs[k].first - 1, "latest_words")]
        pick = (latest or points or zone or [None])[0]  # ``هجمات ... خلال السنوات الماضية، كان آخرها في 2 شباط``
        if pick is not None:
            give(trig, pick)
    # 2. timexes nobody claimed: the trigger right after, the first trigger, or the main trigger before
    for k, x in enumerate(txs):
        if k in claimed:
            continue
        after = [t for t in trigs if t.first > x.last]
        before = [t for t in trigs if t.last < x.first]
        nxt = after[0] if after else None
        in_relative = lexicon.has_cue(toks, x.first - 4, x.first - 1, "relatives")  # "التي كانت تستخدم سابقاً"
        if nxt is not None and nxt.timex is None and not nxt.background and (
            nxt.first - x.last <= 2 or (not before and not in_relative and nxt.first - x.last <= 10)
        ) and not lexicon.has_complementizer(toks, x.last + 1, nxt.first):
            give(nxt, k)
            continue
        for trig in reversed(before):
            if trig.timex is None and not trig.background and x.first - trig.last <= 25:
                if not lexicon.has_complementizer(toks, trig.last + 1, x.first) and not _inside_background(toks, trig, x, trigs):
                    give(trig, k)
                break
    # 3. a dated announcement dates what it announces when no أن intervenes (أعلنت، اليوم، إكمال انسحاب)
    for trig in trigs:
        if trig.type != "announcement" or trig.timex is None:
            continue
        if set(trig.match.rule.words) & lexicon.cues()["denials"]:
            continue  # "نفت ... تمديد موعد انسحاب": what is denied did not happen that day
        for other in trigs:
            if other.first <= trig.timex.last or other.timex is not None or other.background or other.future:
                continue
            if other.first - trig.timex.last <= INHERIT_WINDOW and not lexicon.has_complementizer(toks, trig.last + 1, other.first):
                other.timex, other.value, other.mod = trig.timex, trig.value, trig.mod
    # 4. ``تنتهي المرحلة الأولى في ...، وتشمل مغادرة ...``: the included event shares the date
    for i, trig in enumerate(trigs):
        if trig.timex is None and i > 0 and trig.first > 0 and lexicon.is_cue(toks[trig.first - 1], "inclusion_verbs"):
            src = trigs[i - 1]
            if src.timex is not None:
                trig.timex, trig.value, trig.mod = src.timex, src.value, src.mod
    # 5. ``بدأت القوات، اليوم، سحب جنودها من ...، ونقل قسم منهم إلى ...``: a coordinated trigger shares the date
    for i, trig in enumerate(trigs):
        if trig.timex is not None or i == 0 or trig.background or not trig.match.prefix.startswith("و"):
            continue
        src = trigs[i - 1]
        if src.timex is not None and not src.background and trig.first - src.last <= COORD_WINDOW and not lexicon.has_complementizer(toks, src.last + 1, trig.first):
            trig.timex, trig.value, trig.mod = src.timex, src.value, src.mod
    # anchored durations become intervals from the article date, forward for planned events
    for trig in trigs:
        if trig.timex is not None and trig.timex.anchored:
            trig.value, trig.mod = None, None
            trig.anchored_duration = trig.timex.value


def anchor_forward(toks: list[Token], trig: Trigger, tx: TimexSlot) -> bool:
    """``خلال شهر`` points forward unless it says ``الماضية`` or the verb is a past tense (``أخلت … خلال أسبوعين``)."""
    words = lexicon.window(toks, tx.first, tx.last + 1)
    if words & lexicon.cues()["past_words"]:
        return False
    if words & lexicon.cues()["future_words"] or trig.future:
        return True
    word = trig.match.rule.words[0]
    past_verb = not trig.match.prefix.endswith("س") and word[:1] not in ("ي", "ت", "ن") and word.endswith(("ت", "وا"))
    return not past_verb
