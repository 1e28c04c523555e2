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
from dataclasses import dataclass, replace
from typing import Any

from analysis.events import lexicon, modality
from analysis.events.dating_refs import (
    back_referenced,
    counted_from_event,
    counted_offset,
    from_anchor,
    light_verb_dates,
    modified_noun_date,
    own_clause_date,
    postponed_after,
    relative_perfect,
    relative_present,
    reported_date,
)
from analysis.events.rules import UNTIL_MAX_TOKENS, ZONE_MAX_TOKENS
from analysis.events.location import QUOTES
from analysis.events.triggers import Trigger, past_verb
from analysis.events.types import TYPES
from analysis.text import Token, tokens
from analysis.timex.values import (
    DAY_TIME_VALUE,
    DURATION_VALUE,
    MONTH_VALUE,
    QUARTER_VALUE,
    WEEK_VALUE,
    YEAR_VALUE,
    Interval,
    day_interval,
)

#: Timex types that can date an event; DURATIONs only when anchored (``خلال شهر``).
DATING_TYPES = ("DATE", "TIME")
INHERIT_WINDOW = 25  # how far after a dated announcement the announced event may be
DEADLINE_AFTER_REACH = 4  # ``حدد نهاية أيلول 2025 موعدا أقصى لإنهاء المهمة``
REPORT_REACH = 6  # ``…، اليوم السبت، إنها أطلقت``: from the report's date to the act it reports
SPEAKER_REACH = 10  # ``قالت «المقاومة الإسلامية في العراق»، اليوم السبت``: from the speech verb to its date
RELATIVE_REACH = 5  # ``قصف مطار أربيل الدولي الذي وقع الإثنين الماضي``
DURING_REACH = 25  # from the date of the thing خلاله points back to, to the trigger
MEETING_REACH = 12  # ``اجتماعا في مقر وزارة الدفاع ببغداد برئاسة رئيس أركان الجيش، اتفق خلاله``
COORD_WINDOW = 16  # ``سحب جنودها من ...، ونقل قسم منهم``: how far a coordinated trigger shares the date
#: Marks that end a clause inside a sentence (``لهجمات من هذا النوع؛ ففي عام 2020 غادر``): no date crosses them.
CLAUSE_BREAKS = frozenset({"؛", ";"})
#: Types a reporting relative clause dates (``الاتفاق الذي أعلنته بغداد أمس``: announced is concluded).
REPORTED_TYPES = frozenset({"announcement", "agreement"})

#: Northern seasons as month ranges (``2014-SU`` → June-August 2014; winter runs into the next year).
SEASONS = {"SP": ("03", "05"), "SU": ("06", "08"), "FA": ("09", "11"), "WI": ("12", "02")}
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")


def interval(value: str | None, mod: str | None = None, dct: dt.date | None = None) -> Interval | None:
    """Days covered by a TIMEX ``value`` with ``mod``; vague refs need ``dct``. None if not placeable.

    The TIMEX day interval of ``analysis.timex`` (``day_interval``: ``2026`` + START →
    2026-01-01..2026-04-30, ``2024-09`` → the month, ``2014/2017``, ``FUTURE_REF`` → the 30 days
    after ``dct``), and seasons as their months (``2014-SU`` → 2014-06-01..2014-08-31), which an
    event may be dated by (``عادت القوات صيف 2014``).
    """
    if value and (m := _SEASON.match(value)):
        first, last = SEASONS[m[2]]
        year = int(m[1])
        return day_interval(f"{year}-{first}/{year + (last < first)}-{last}", mod, dct)
    return day_interval(value, mod, dct)


def overlaps(a: Interval | None, b: Interval | None) -> bool:
    """True when both intervals exist and share at least one day."""
    return a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]


def width(span: Interval | None) -> int:
    """Number of days in ``span`` (a large number when unknown, so precise dates sort first)."""
    return 10**6 if span is None else (span[1] - span[0]).days + 1


def duration_days(value: str) -> int | None:
    """Approximate length in days of a DURATION value (``P1M`` → 30, ``P2W`` → 14); None if vague."""
    m = DURATION_VALUE.match(value or "")
    if not m or not any(m.groups()):
        return None
    y, mo, w, d = (int(g) if g else 0 for g in m.groups())
    return y * 365 + mo * 30 + w * 7 + d


def shift(day: dt.date, duration: str, sign: int) -> dt.date | None:
    """``day`` moved by a DURATION (calendar years and months, then weeks and days); None if vague."""
    m = DURATION_VALUE.match(duration or "")
    if not m or not any(m.groups()):
        return None
    y, mo, w, d = (int(g) if g else 0 for g in m.groups())
    months = day.year * 12 + day.month - 1 + sign * (12 * y + mo)
    year, month = divmod(months, 12)
    moved = dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
    return moved + dt.timedelta(days=sign * (7 * w + d))


def anchored_value(duration: str, dct: dt.date, forward: bool) -> str | None:
    """``خلال شهر`` from the article date: ``dct/dct+P`` (forward) or ``dct-P/dct`` as an ISO interval.

    Months and years are calendar ones (2025-12-31 + P1M → 2026-01-31), as docs/ANNOTATION.md has it.
    """
    other = shift(dct, duration, 1 if forward else -1)
    if other is None:
        return None
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
    if DAY_TIME_VALUE.match(value):
        return "day"
    if MONTH_VALUE.match(value) or WEEK_VALUE.match(value) or _SEASON.match(value):
        return "month"
    if YEAR_VALUE.match(value) or QUARTER_VALUE.match(value):
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
    deadline: bool = False  # ``بحلول نهاية العام``, ``حتى آذار``, ``في موعد أقصاه``: a target date
    past: bool = False  # wholly before the article date
    reported: int | None = None  # the date of a report in a relative clause opening here (``الذي أُعلن في حزيران``)
    owner: int | None = None  # the date of the noun a participle modifies, which ends here (``القرار الصادر في``)


def _in_a_name(toks: list[Token], first: int, last: int) -> bool:
    """A time word that is (part of) the name of an outlet or a programme (``قناة «اليوم»``, ``برنامج «الأسبوع»``)."""
    j = first - 1
    while j >= 0 and toks[j].text in QUOTES:
        j -= 1
    quoted = j < first - 1 and last + 1 < len(toks) and toks[last + 1].text in QUOTES
    return j >= 0 and lexicon.is_cue(toks[j], "outlet_heads") and (quoted or j == first - 1)


def _counted_since(toks: list[Token], first: int) -> bool:
    """``هجوم هو الثاني من نوعه منذ أيلول``: a count since a date, which dates nothing."""
    return first > 0 and lexicon.is_cue(toks[first - 1], "since_words") and lexicon.has_cue(toks, first - 4, first - 2, "count_phrases")


def _superseded(toks: list[Token], first: int) -> bool:
    """``الذي كان مقررا في أيلول``, ``بدلا من أيلول``: the date a plan had before it changed, which dates nothing now."""
    before = modality.words_before(toks, first, 4, commas=False)
    if any(lexicon.is_cue(toks[j], "superseded") for j in before):
        return True
    scheduled = [j for j in before if lexicon.is_cue(toks[j], "scheduled_words")]
    return bool(scheduled) and any(lexicon.bare(toks[j].norm) & {"كان", "كانت"} for j in range(max(scheduled[0] - 3, 0), scheduled[0]))


def _deadline(toks: list[Token], first: int, last: int) -> bool:
    """Is the timex at ``first..last`` a deadline (``بحلول``, ``حتى``, ``قبل نهاية``, ``في موعد أقصاه``, ``… موعدا أقصى``)?"""
    before = [j for j in range(first - 1, max(first - 4, -1), -1)]
    for j in before:
        if lexicon.is_cue(toks[j], "deadline_words"):
            return True
        if not lexicon.is_cue(toks[j], "deadline_fillers"):
            break
    after = lexicon.window(toks, last + 1, last + 2)
    return bool(after & lexicon.cues()["deadline_after"])


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
        if tx.value == "PRESENT_REF" and relative_present(toks, first):
            continue  # ``قاعدة الحبانية التي تستخدمها حالياً``: describes a participant, dates no event
        if _counted_since(toks, first) or _superseded(toks, first) or _in_a_name(toks, first, last):
            continue
        if counted_from_event(_words(tx.text), toks[last + 1 : last + 3]):
            continue  # ``بعد نحو عشر سنوات على إنشائها``: a count from an event the sentence does not date
        span = interval(tx.value, tx.mod, dct) if tx.type in DATING_TYPES else None
        if tx.type in DATING_TYPES and tx.value and (span or tx.value.endswith("_REF")):
            past = tx.value == "PAST_REF" or span is not None and span[1] < dct
            out.append(TimexSlot(tx, first, last, tx.value, tx.mod, deadline=_deadline(toks, first, last), past=past, reported=reported_date(toks, first), owner=modified_noun_date(toks, first)))
        elif tx.type == "DURATION" and first > 0 and lexicon.bare(toks[first - 1].norm) & c["anchor_preps"]:
            if duration_days(tx.value) is not None:
                out.append(TimexSlot(tx, first, last, tx.value, tx.mod, anchored=True))
    return _framed_by_a_year(out, dct)


_YEAR = re.compile(r"^\d{4}$")
_IN_YEAR = re.compile(r"^(\d{4})(-\d{2}(?:-\d{2})?)$")


def _framed_by_a_year(slots: list[TimexSlot], dct: dt.date) -> list[TimexSlot]:
    """A day or month written without its year takes the year the sentence named before it: ``وفي عام 2020
    ... سلّم التحالف قاعدة القائم في 17 آذار`` is 17 March 2020, not the 17 March nearest the article date.
    Not when the date says where it lies from the article date (``آذار الماضي``, ``الشهر المقبل``,
    ``31 ديسمبر الجاري``)."""
    out: list[TimexSlot] = []
    year: str | None = None
    for slot in slots:
        value, text = slot.value or "", slot.timex.text
        if out and counted_offset(_words(text)) and granularity(value) == "day":
            moved = from_anchor(out[-1].value, value, dct)  # ``قُتل في 3 كانون الثاني 2020، وصوّت المجلس بعد يومين``
            if moved is not None:
                out.append(replace(slot, value=moved, past=interval(moved, slot.mod, dct)[1] < dct))
            continue
        found = _IN_YEAR.match(value)
        relative = any(lexicon.has_cue(_words(text), 0, 20, cue) for cue in ("past_words", "future_words", "current_words"))
        if year and found and found[1] != year and not re.search(r"\d{4}", text) and not relative and not slot.anchored:
            slot = replace(slot, value=year + found[2], past=interval(year + found[2], slot.mod, dct)[1] < dct)
        if _YEAR.match(value) and re.search(r"\d{4}", text):
            year = value
        out.append(slot)
    return out


def _may_date(trig: Trigger, x: TimexSlot) -> bool:
    """Date roles: a deadline dates the planned event it is the deadline of, never an agreement; the
    thing agreed (``اتفقا على إنهاء المهمة``) is dated by its deadline or a future date, never by a past one."""
    if x.deadline and trig.type == "agreement" or x.reported is not None and trig.last < x.reported and trig.type not in REPORTED_TYPES:
        return False
    if x.owner is not None and trig.last < x.owner:
        return False
    return not (trig.content and x.past and not x.deadline)


def _decision_date(trig: Trigger, x: TimexSlot) -> bool:
    """``بعدما أُجّل الانسحاب منها في شباط الماضي``: a past date of a postponed event (no إلى before it) is
    the day it was put off; the event itself is still to come, with no new date given."""
    return trig.postponed and x.past and not x.deadline


def _inside_background(toks: list[Token], trig: Trigger, x: TimexSlot, trigs: list[Trigger]) -> bool:
    """``الاتفاق جاء بعد ثماني جولات من الحوار بدأت في كانون الثاني``: the timex dates the بعد-clause's own verb.

    Only words of time (بعد, قبل, إثر, منذ) open such a clause; a frame (``في إطار اللجنة ... في كانون الثاني``)
    leaves the date to the trigger."""
    if any(trig.last < t.first < x.first for t in trigs):
        return False
    return any(
        lexicon.is_cue(toks[j], "temporal_background") and not (toks[j].norm == "قبل" and toks[j - 1].norm == "من")  # من قبل = by
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
        # the zone ends at the next trigger; an agreement's zone runs on over the thing agreed (``اتفاق على إنهاء
        # المهام في أيلول 2024``: a past date there is the agreement's)
        nxt = [t.first for t in trigs[i + 1 :] if not (TYPES[trig.type].content == "planned" and t.content)]
        opener = next((j for j in range(trig.last + 1, len(toks)) if lexicon.is_cue(toks[j], "clause_openers") or toks[j].text in CLAUSE_BREAKS), len(toks))
        end = min(nxt[0] if nxt else len(toks), opener)  # ``…، مشيرا إلى أن المعدات نقلت خلال الأسبوعين``
        limit = trig.last + (UNTIL_MAX_TOKENS if trig.rule == "until" or trig.postponed else ZONE_MAX_TOKENS)
        if trig.predicate is not None:  # ``انسحاب ... سيجري على مراحل، ومن المتوقع أن يكتمل في غضون مئة يوم``
            limit = max(limit, trig.predicate + ZONE_MAX_TOKENS)
        zone = [k for k, x in enumerate(txs) if trig.last < x.first < end and x.first <= limit and _may_date(trig, x)]
        points = [k for k in zone if not txs[k].anchored]
        # ``أرجأت انسحابها، الذي كان مقررا قبل نهاية العام، إلى منتصف العام المقبل``: the new date of a
        # postponement is its own, whatever stands between
        new_date = [k for k in points if trig.postponed and lexicon.has_cue(toks, txs[k].first - 1, txs[k].first - 1, "destination_preps")]
        points = new_date or [k for k in points if not _inside_background(toks, trig, txs[k], trigs) and not _decision_date(trig, txs[k])]
        zone = [k for k in zone if k in points or txs[k].anchored]
        if trig.postponed:  # ``تأجيل الانسحاب ... إلى نهاية العام``: the new date
            points = sorted(points, key=lambda k: not (txs[k].deadline or lexicon.has_cue(toks, txs[k].first - 1, txs[k].first - 1, "destination_preps")))
        latest = [k for k in points if lexicon.has_cue(toks, trig.last + 1, txs[k].first - 1, "latest_words")]
        pick = (latest or points or zone or [None])[0]  # ``هجمات ... خلال السنوات الماضية، كان آخرها في 2 شباط``
        if pick is not None:
            give(trig, pick)
    light_verb_dates(trigs, txs, toks, claimed)  # ``جرى يوم أمس، وبحضور …، توقيع محضر نقل``
    # 2. timexes nobody claimed: the trigger right after, the first trigger, or the main trigger before
    for k, x in enumerate(txs):
        if k in claimed:
            continue
        after = [t for t in trigs if t.first > x.last]
        before = [t for t in trigs if t.last < x.first and not t.reporter]
        nxt = after[0] if after else None
        in_relative = lexicon.has_cue(toks, x.first - 4, x.first - 1, "relatives")  # "التي كانت تستخدم سابقاً"
        close = nxt is not None and nxt.first - x.last <= (DEADLINE_AFTER_REACH if x.deadline else 2)  # … موعدا أقصى لإنهاء
        if nxt is not None and nxt.timex is None and not nxt.background and _may_date(nxt, x) and (
            close or (not before and not in_relative and nxt.first - x.last <= 10)
        ) and not lexicon.has_complementizer(toks, x.last + 1, nxt.first):
            give(nxt, k)
            continue
        for trig in reversed(before):
            if not _may_date(trig, x):
                continue
            if trig.timex is None and not trig.background and x.first - trig.last <= 25 and not _decision_date(trig, x):
                if not lexicon.has_complementizer(toks, trig.last + 1, x.first) and not _inside_background(toks, trig, x, trigs):
                    give(trig, k)
                break
    # 2b. ``قالت الجماعة، اليوم السبت، إنها أطلقت صواريخ``: the report's own day dates a past act it reports
    for k, x in enumerate(txs):
        if k in claimed or x.anchored or not _report_date(toks, x):
            continue
        nxt = next((t for t in trigs if t.first > x.last), None)
        if nxt is not None and nxt.timex is None and past_verb(nxt.match) and nxt.first - x.last <= REPORT_REACH:
            give(nxt, k)
    # 3. a dated announcement dates what it announces when no أن intervenes (أعلنت، اليوم، إكمال انسحاب)
    for trig in trigs:
        if trig.type != "announcement" or trig.timex is None:
            continue
        if set(trig.match.rule.words) & lexicon.cues()["denials"]:
            continue  # "نفت ... تمديد موعد انسحاب": what is denied did not happen that day
        for other in trigs:
            if other.first <= trig.timex.last or other.timex is not None or other.background or other.future or other.reference:
                continue
            reported_act = past_verb(other.match) and _report_date(toks, trig.timex)  # أعلنت، اليوم، أن القوات أخلت
            if other.first - trig.timex.last <= INHERIT_WINDOW and (
                reported_act or not lexicon.has_complementizer(toks, trig.last + 1, other.first)
            ):
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
        if own_clause_date(src, trig, toks):
            continue
        if src.timex is not None and not src.background and trig.first - src.last <= COORD_WINDOW and not lexicon.has_complementizer(toks, src.last + 1, trig.first):
            trig.timex, trig.value, trig.mod = src.timex, src.value, src.mod
    # 6. ``ستبقى القوات في الإقليم حتى أيلول 2026، موعد انسحابها``: staying until a date is the deadline of
    #    the withdrawal the sentence names; the stay is no event of its own then
    for stay in trigs:
        if stay.rule not in ("stay_until", "until") or stay.timex is None:
            continue
        leaving = [t for t in trigs if t.type == "withdrawal" and t.timex is None and abs(t.first - stay.first) <= UNTIL_MAX_TOKENS]
        if leaving:
            leaving[0].timex, leaving[0].value, leaving[0].mod = stay.timex, stay.value, stay.mod
            leaving[0].future = leaving[0].future or not stay.timex.past
            stay.absorbed = True
    # 5b. ``تغادر القوات الإقليم في أيلول 2026، مع انتهاء المرحلة الثانية``: what coincides shares the date
    for i, trig in enumerate(trigs):
        if trig.timex is not None or i == 0 or trig.type == "agreement" or not (
            trig.first > 0 and lexicon.is_cue(toks[trig.first - 1], "coincidence_words")
        ):
            continue
        src = next((t for t in reversed(trigs[:i]) if t.timex is not None and not t.reporter), None)
        if src is not None and trig.first - src.last <= COORD_WINDOW:
            trig.timex, trig.value, trig.mod = src.timex, src.value, src.mod
            trig.future = trig.future or src.future
    # 1b. ``قصف مطار أربيل الذي وقع الإثنين الماضي``: the date of a relative clause on the trigger dates it
    for trig in trigs:
        if trig.timex is not None:
            continue
        rel = next((j for j in range(trig.last + 1, min(trig.last + RELATIVE_REACH, len(toks))) if lexicon.is_cue(toks[j], "relatives")), None)
        if rel is None or any(trig.last < t.first <= rel for t in trigs):
            continue
        k = next((k for k, x in enumerate(txs) if k not in claimed and rel < x.first <= rel + RELATIVE_REACH and not x.anchored and x.reported is None), None)
        if k is not None and lexicon.has_cue(toks, rel + 1, txs[k].first - 1, "happened_verbs"):
            give(trig, k)
    # 7. ``عقدت اللجنة، أمس، اجتماعا ...، اتفق خلاله الجانبان``: what was agreed at a meeting is the event,
    #    on the meeting's day; the meeting is absorbed by it
    for deal in trigs:
        meeting = _meeting_of(deal, trigs, toks)
        if meeting is not None and meeting.timex is not None and (deal.timex is None or deal.timex is meeting.timex):
            deal.timex, deal.value, deal.mod = meeting.timex, meeting.value, meeting.mod
            meeting.absorbed = True
    # 8. ``جولة استمرت ثلاثة أيام ...، التقى خلالها``, ``زيارة الشهر المقبل، يرجح أن يجري خلالها توقيع``: what
    #    took place during something dated before it (خلاله/خلالها points back) has that date
    for trig in trigs:
        if trig.timex is not None or trig.reporter or trig.background or not _during_back(trig, toks):
            continue
        k = next((k for k in reversed(range(len(txs))) if txs[k].last < trig.first and not txs[k].anchored), None)
        if k is not None and trig.first - txs[k].last <= DURING_REACH and _may_date(trig, txs[k]):
            trig.timex, trig.value, trig.mod = txs[k], txs[k].value, txs[k].mod
    postponed_after(trigs, txs, toks)  # ``تسليم المركز ...، تأجل إلى تشرين الثاني``
    back_referenced(trigs, txs, toks)  # ``على أن تسلم المواقع قبل ذلك الموعد``
    # anchored durations become intervals from the article date, forward for planned events
    for trig in trigs:
        if trig.timex is not None and trig.timex.anchored:
            trig.value, trig.mod = None, None
            trig.anchored_duration = trig.timex.value


def _meeting_of(deal: Trigger, trigs: list[Trigger], toks: list[Token]) -> Trigger | None:
    """The meeting an agreement was reached at: before it and pointed back to (``اجتماعا ...، اتفق خلاله``),
    or named right after its verb (``أقرت اللجنة، في اجتماعها الذي عقدته أمس``); else None."""
    if deal.type != "agreement" or deal.future or deal.content:
        return None
    meetings = [t for t in trigs if t.rule in ("talks", "story_talks") and t.type == "other"]
    back = deal.last + 1 < len(toks) and lexicon.is_cue(toks[deal.last + 1], "during_back_refs")
    before = [t for t in meetings if 0 < deal.first - t.last <= MEETING_REACH]
    if back and before:
        return before[-1]
    after = [t for t in meetings if 0 < t.first - deal.last <= MEETING_REACH]
    if after and lexicon.is_cue(toks[after[0].first - 1], "during_preps"):
        return after[0]
    return None


def _during_back(trig: Trigger, toks: list[Token]) -> bool:
    """Is خلاله/خلالها right after the trigger (``التقى خلالها``) or just before it (``يجري خلالها توقيع``)?"""
    near = [trig.last + 1, trig.first - 1, trig.first - 2]
    return any(0 <= j < len(toks) and lexicon.is_cue(toks[j], "during_back_refs") and toks[j].norm.endswith(("له", "لها")) for j in near)


def _report_date(toks: list[Token], x: TimexSlot) -> bool:
    """Is ``x`` the date of a speech verb just before it (``قالت الجماعة، اليوم السبت،``), today or yesterday?"""
    if x.value is None or x.value.endswith("_REF") or granularity(x.value) != "day":
        return False
    return any(lexicon.is_cue(t, "speech_verbs") for t in toks[max(x.first - SPEAKER_REACH, 0) : x.first])


def happened(toks: list[Token], trig: Trigger) -> bool:
    """Does the text say the trigger's event has happened: a perfect verb (``انسحبت``), ``منذ`` before a
    noun (``منذ القصف``), or a relative clause with a perfect verb (``القصف الذي طالها``)?"""
    if past_verb(trig.match) or trig.first > 0 and toks[trig.first - 1].norm == "منذ":
        return True
    if relative_perfect(toks, trig):
        return True
    if trig.first > 0 and lexicon.is_cue(toks[trig.first - 1], "followed_verbs"):
        return True  # ``تلاها انتقال قاعدة كي وان``: the verb that governs it says it took place
    for j in range(trig.last + 1, min(trig.last + RELATIVE_REACH, len(toks) - 1)):
        if lexicon.is_cue(toks[j], "relatives"):
            return lexicon.is_cue(toks[j + 1], "happened_verbs")
    return False


def never_future_if_past(value: str | None, mod: str | None, dct: dt.date, slot: TimexSlot | None, past: bool) -> str | None:
    """A future date never dates an event the text says has happened: a date given without its year
    (``العشرين من كانون الثاني``) is the last such day before the article; any other is dropped."""
    if value is None or slot is None or slot.anchored or relation(interval(value, mod, dct), dct) != "after":
        return value
    text = slot.timex.text
    if not (past or lexicon.has_cue(_words(text), 0, 20, "past_words")):  # ``كانون الثاني الماضي`` is past
        return value
    if re.search(r"\d{4}", text) or lexicon.has_cue(_words(text), 0, 20, "future_words"):
        return None
    if lexicon.has_cue(_words(text), 0, 20, "unit_words"):
        return None  # ``بعد ثلاثة أيام``: counted from an earlier event the timex does not know, no date
    moved = re.sub(r"^(\d{4})", lambda m: str(int(m[1]) - 1), value)
    return moved if relation(interval(moved, mod, dct), dct) == "before" else None


def _words(text: str) -> list[Token]:
    """The tokens of a short text (a timex's surface)."""
    return list(tokens(text))


def anchor_forward(toks: list[Token], trig: Trigger, tx: TimexSlot) -> bool:
    """``خلال شهر`` points forward unless it says ``الماضية`` or the verb is a past tense (``أخلت … خلال أسبوعين``)."""
    words = lexicon.window(toks, tx.first, tx.last + 1)
    if words & lexicon.cues()["past_words"]:
        return False
    if words & lexicon.cues()["future_words"] or trig.future:
        return True
    return not past_verb(trig.match)
