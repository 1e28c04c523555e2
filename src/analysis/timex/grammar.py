"""Run every rule, keep the best non-overlapping candidates, then join neighbours.

Joins (each a small function): a weekday or part of day directly before a full date becomes
one timex (``الأربعاء 01 أكتوبر 2025``, ``فجر اليوم الأربعاء 4 آذار/مارس 2026``); two dates
around ``إلى``/``حتى``/``و`` after ``من``/``بين`` become one interval (``من``/``بين`` inside only
for years); quoted names after a name noun are dropped (``صحيفة "اليوم"``). Expressions that
refer back (``العام نفسه``, ``العام السابق``) take the year / month / day of the last date named
before them in the same paragraph; mirrors, day references and clock times are resolved by
``anchors``.
"""

from __future__ import annotations

import datetime as dt
import re

from analysis.timex import lexicon as lx
from analysis.timex.anchors import anchor_days, resolve_day_refs, resolve_mirrors
from analysis.timex.engine import Candidate, Context, scan
from analysis.timex.patterns import BCE, S, S0, norm
from analysis.timex.rules import RULES
from analysis.timex.values import CONCRETE_VALUE, DAY_VALUE, REFERENCE_VALUE, YEAR_VALUE

_DATE_GAP = re.compile(rf"^{S0}[,،\-]?{S0}(?:الموافق{S0})?$")
_POD_GAP = re.compile(rf"^{S}$")
_RANGE_GAP = re.compile(rf"^(?:{S}(?P<w>الي|حتي|لغايه|ولغايه|وحتي|والي|و){S0}|{S0}-{S0})$")
_RANGE_OPEN = re.compile(rf"(?<!\w)(?P<w>من|بين|منذ|[وف]من|[وف]بين|[وف]منذ){S}$")
_BCE = re.compile(rf"{S0}{BCE}")
#: The word يوم (after a clitic) right before a date: inside the date's span.
_DAY_WORD = re.compile(rf"(?<!\w)[وفبل]?(يوم){S}$")
#: A quoted name: the opening quote and the noun before it (``صحيفة «``, ``قناة "``).
_QUOTE_OPEN = re.compile(rf"(?<!\w)[وفبل]?(?P<head>\w+){S0}[«\"“](?P<inside>[^«»\"“”\n]*)$")
_QUOTE_MARK = re.compile(r'[«»"“”\n]')
_QUOTE_NAME_HEADS = frozenset(norm(w) for w in lx.QUOTED_NAME_HEADS)


def select(cands: list[Candidate], size: int) -> list[Candidate]:
    """Longest first (ties: the rule's priority, lower wins), dropping any candidate overlapping one
    already kept."""
    taken = bytearray(size + 1)  # 1 where a kept candidate lies (bytearray.find is C-speed)
    kept = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), RULES[c.rule].priority, c.start)):
        if c.end <= c.start or taken.find(1, c.start, c.end) >= 0:
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


def drop_quoted_names(cands: list[Candidate], text: str) -> list[Candidate]:
    """Remove timexes inside a quoted name after a name noun (``صحيفة "اليوم"``, ``قناة «الآن»``,
    ``رواية «مئة عام من العزلة»``): the quote is a title, not a time."""
    out = []
    for c in cands:
        window = text[max(0, c.start - 60) : c.start]
        if "«" in window or '"' in window or "“" in window:  # cheap test before the search
            m = _QUOTE_OPEN.search(text, max(0, c.start - 60), c.start)
            if m and norm(m.group("head")) in _QUOTE_NAME_HEADS and _closes(text, c.end):
                continue
        out.append(c)
    return out


def _closes(text: str, pos: int) -> bool:
    """A closing quote follows ``pos`` on the same line, before any opening one."""
    m = _QUOTE_MARK.search(text, pos)
    return bool(m and m.group() in '»"”')


def drop_blocked(cands: list[Candidate], text: str) -> list[Candidate]:
    """Remove names kept only to block shorter matches (``تحالف 14 آذار``) and years before the
    Common Era (``القرن 17 ق.م``), which have no ISO value here."""
    return [c for c in cands if c.kind != "blocked" and not _BCE.match(text, c.end)]


def join_dates(cands: list[Candidate], text: str) -> list[Candidate]:
    """Weekday/part-of-day + a full date right after it → one timex with the date's value; a weekday
    before ``الموافق`` + a date stays apart and takes the date's value (``يوم الثلاثاء الموافق 11/11/2025``);
    a day-level date keeps the word ``يوم`` before it (``يوم 5 جويلية``)."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if c.kind == "day" and DAY_VALUE.match(c.value):
            if prev is not None:
                gap = text[prev.end : c.start]
                if prev.kind == "weekday" and _DATE_GAP.match(gap):
                    if "الموافق" in gap:
                        prev.value = c.value
                    else:
                        out[-1] = Candidate(prev.start, c.end, "DATE", c.value, c.mod, c.calendar, "join_weekday_date", "day")
                        continue
                elif prev.kind in ("pod", "bare_pod") and _POD_GAP.match(gap) or prev.kind == "pod" and _DATE_GAP.match(gap):
                    code = prev.extra.get("code", "")
                    out[-1] = Candidate(prev.start, c.end, "TIME", f"{c.value}T{code}", None, c.calendar, "join_pod_date", "pod")
                    continue
            if (day_word := _DAY_WORD.search(text, max(0, c.start - 8), c.start)) and (prev is None or prev.end <= day_word.start(1)):
                c.start = day_word.start(1)
        out.append(c)
    return [c for c in out if c.kind != "bare_pod"]


def join_ranges(cands: list[Candidate], text: str) -> list[Candidate]:
    """``من X إلى Y`` / ``بين X و Y`` / ``X - Y`` (two concrete dates) → one interval ``X/Y``; two parts
    of days around ``إلى``/``حتى`` → one TIME interval."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == c.kind == "pod" and "/" not in prev.value + c.value:
            gap = _RANGE_GAP.match(text[prev.end : c.start])
            if gap and c.value < prev.value and c.extra.get("weekday"):
                c.value = _week_later(c.value)  # "من مساء الأربعاء إلى صباح الاثنين": the Monday after
            if gap and gap.group("w") not in (None, "و") and prev.value < c.value:
                # من مساء الأربعاء إلى صباح الجمعة: one TIME interval (من stays outside)
                out[-1] = Candidate(prev.start, c.end, "TIME", f"{prev.value}/{c.value}", None, None, "join_range")
                continue
        if prev is not None and prev.type == "DATE" and c.type == "DATE" and "/" not in prev.value + c.value:
            gap = _RANGE_GAP.match(text[prev.end : c.start])
            opener = _RANGE_OPEN.search(text[max(0, prev.start - 8) : prev.start])
            first = _year_from(prev, c) if gap else prev.value
            if gap and CONCRETE_VALUE.match(first) and CONCRETE_VALUE.match(c.value) and first < c.value:
                word = gap.group("w")
                opened = opener.group("w").lstrip("وف") if opener else None
                if (word == "و" and opened == "بين") or (word and word != "و" and opened in ("من", "منذ")) or (not word and opened != "بين"):
                    # a range of years opens with من/بين (part of the range); other ranges, and any
                    # range after منذ (a signal), start at their first date
                    start = prev.start
                    if opener and word and opened != "منذ" and YEAR_VALUE.match(first) and YEAR_VALUE.match(c.value):
                        start = prev.start - len(opener.group(0)) + (len(opener.group("w")) - len(opened))  # type: ignore[arg-type]
                    out[-1] = Candidate(start, c.end, "DATE", f"{first}/{c.value}", None, None, "join_range")
                    continue
        out.append(c)
    return out


def _week_later(value: str) -> str:
    """A day-time value one week later."""
    day = dt.date.fromisoformat(value[:10]) + dt.timedelta(days=7)
    return day.isoformat() + value[10:]


def _year_from(first: Candidate, second: Candidate) -> str:
    """``من يناير إلى مارس 2024``: a start whose year was only inferred takes the end's year."""
    if not first.extra.get("year_inferred") or second.extra.get("year_inferred") or not second.value[:4].isdigit():
        return first.value
    value = second.value[:4] + first.value[4:]
    if value > second.value and second.value[:4] != "0000":
        value = f"{int(second.value[:4]) - 1:04d}" + first.value[4:]
    return value


def resolve_anaphors(cands: list[Candidate], text: str) -> list[Candidate]:
    """Re-anchor ``العام نفسه`` / ``الشهر ذاته`` / ``اليوم التالي`` on the last date before it.

    The reference is the nearest earlier DATE/TIME candidate of the same paragraph whose value
    is concrete at the needed granularity; without one the dct-based value stays, except for
    candidates that only make sense with a reference (``20 منه``), which are dropped.
    """
    out = []
    for i, c in enumerate(cands):
        ana = c.extra.get("anaphor")
        if ana:
            unit, shift = ana
            value = None
            for ref in reversed(cands[:i]):
                if "\n" in text[ref.end : c.start]:
                    break
                if ref.type not in ("DATE", "TIME") or "/" in ref.value or not REFERENCE_VALUE[unit].match(ref.value):
                    continue
                value = _shifted(ref.value, unit, shift, c.value)
                break
            if value:
                c.value = value
            elif c.extra.get("needs_ref"):
                continue
        out.append(c)
    return out


def _shifted(ref: str, unit: str, shift: int, own: str) -> str | None:
    """``own`` with its year (month, day) replaced by the reference's, shifted by ``shift`` units."""
    try:
        if unit == "Y":
            year = int(ref[:4]) + shift
            value = f"{year:04d}{own[4:]}"
            if len(value) >= 10:
                dt.date.fromisoformat(value[:10])
            return value if 1 <= year <= 9999 else None
        if unit == "M":
            index = int(ref[:4]) * 12 + int(ref[5:7]) - 1 + shift
            value = f"{index // 12:04d}-{index % 12 + 1:02d}{own[7:]}"
            if len(value) >= 10:
                dt.date.fromisoformat(value[:10])
            return value
        day = dt.date.fromisoformat(ref[:10]) + dt.timedelta(days=shift)
        return day.isoformat() + own[10:]
    except (ValueError, OverflowError):
        return None


def run(text: str, dct: dt.date | None, original=None) -> list[Candidate]:
    """All timexes of a normalized text, as candidates with normalized offsets.

    ``original(start, end)`` gives the original surface of a normalized span (optional).
    """
    ctx = Context(text, dct, original)
    kept = drop_quoted_names(drop_blocked(select(scan(ctx), len(text)), text), text)
    kept = join_dates(kept, text)
    kept = join_ranges(kept, text)
    kept = resolve_anaphors(kept, text)
    kept = resolve_mirrors(kept, text)
    kept = resolve_day_refs(kept, text)
    anchor_days(kept, text, dct)
    return kept
