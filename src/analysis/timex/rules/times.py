"""Parts of the day and clock times: ``مساء اليوم``, ``ساعات الصباح الأولى``, ``الساعة ٨:٤٧ مساءً``.

A clock time alone takes the day of a dateline just before it after selection
(``grammar.anchor_clocks``); a part of day before a full date is joined to it (``join_dates``).
"""

from __future__ import annotations

import re

from analysis.timex import lexicon as lx
from analysis.timex import patterns as P
from analysis.timex import resolve as R
from analysis.timex.engine import DIGIT, Candidate, Context, rule
from analysis.timex.patterns import END, PRE, S, S0
from analysis.timex.rules.common import APPROX, WEEKDAY_ADJ, g, named_day

#: Hours added to a clock hour in a part of the day (``الثامنة مساء`` = 20:00).
_POD_HOURS = {"MO": 0, "AF": 12, "EV": 12, "NI": 12}


@rule("part_of_day", priority=110, starts=[lx.PARTS_OF_DAY, lx.THIS_PART_OF_DAY], pattern=(
      rf"{PRE}(?P<t>(?P<pod>{P.POD}){S}(?:(?P<rd>{P.RELDAY}|{P.RELDAY_BOUND})(?:{S}(?P<wd>{P.WEEKDAY}))?|(?:يوم{S})?(?P<wd2>{P.WEEKDAY})(?:{S}{WEEKDAY_ADJ})?)"
      rf"(?:(?:{S}(?:علي|الي){S}|{S0}-{S0})(?:يوم{S})?{P.WEEKDAY}{END})?"
      rf"|(?P<this>{P.THIS_POD})){END}"))
def _part_of_day(m: re.Match, ctx: Context) -> Candidate | None:
    """``مساء اليوم``, ``صباح أمس``, ``مساء الخميس``, ``فجر اليوم الأربعاء``, ``الليلة`` → ``…TEV``."""
    if g(m, "this"):
        code = P.THIS_POD_OF[g(m, "this")]  # type: ignore[index]
        day = R.shift_days(ctx.dct, -1 if g(m, "this").endswith("الماضيه") else 0)  # type: ignore[union-attr]
    else:
        code = P.POD_OF[g(m, "pod")]  # type: ignore[index]
        day = named_day(m, ctx, "rd", "wd2")
    return Candidate(0, 0, "TIME", f"{day}T{code}", kind="pod", extra={"code": code})


@rule("hours_of_part_of_day", priority=120, starts=["ساعات", "الساعات"], pattern=(
      rf"{PRE}(?P<t>(?:ال)?ساعات{S}(?:(?P<podd>{P.POD_DEF})(?:{S}{P.POD_HOURS_ADJ})?|{P.POD_HOURS_ADJ}{S}من{S}"
      rf"(?:(?P<pod>{P.POD})(?:{S}(?:(?P<rd>{P.RELDAY}|{P.RELDAY_BOUND})|(?:يوم{S})?(?P<wd>{P.WEEKDAY})(?:{S}{WEEKDAY_ADJ})?))?|(?P<podd2>{P.POD_DEF})))){END}"))
def _hours_of_part_of_day(m: re.Match, ctx: Context) -> Candidate | None:
    """``ساعات الصباح الأولى`` / ``الساعات الأولى من الفجر`` / ``الساعات الأولى من صباح اليوم`` →
    that part of the day (``…TMO``)."""
    word = g(m, "podd") or g(m, "podd2")
    code = P.POD_DEF_OF[word] if word else P.POD_OF[g(m, "pod")]  # type: ignore[index]
    day = named_day(m, ctx, "rd", "wd") if g(m, "rd") or g(m, "wd") else R.shift_days(ctx.dct, 0)
    return Candidate(0, 0, "TIME", f"{day}T{code}", kind="pod", extra={"code": code})


@rule("late_hours", priority=130, starts=["ساعة", "ساعات", "وقت"],
      pattern=rf"{PRE}(?P<t>(?:ساعه|ساعات|وقت){S}(?:متاخره|مبكره|متقدمه){S}من{S}(?:(?P<pod>{P.POD})(?:{S}(?:(?P<rd>{P.RELDAY}|{P.RELDAY_BOUND})|(?:يوم{S})?(?P<wd>{P.WEEKDAY})(?:{S}{WEEKDAY_ADJ})?))?|(?P<podd>{P.POD_DEF}))){END}")
def _late_hours(m: re.Match, ctx: Context) -> Candidate | None:
    """``ساعة متأخرة من الليل`` / ``ساعة متأخرة من ليل الأحد`` / ``وقت مبكر من صباح اليوم`` → ``…TNI``."""
    code = P.POD_OF[g(m, "pod")] if g(m, "pod") else P.POD_DEF_OF[g(m, "podd")]  # type: ignore[index]
    day = named_day(m, ctx, "rd", "wd") if g(m, "rd") or g(m, "wd") else R.shift_days(ctx.dct, 0)
    return Candidate(0, 0, "TIME", f"{day}T{code}", kind="pod", extra={"code": code})


@rule("bare_part_of_day", priority=170, starts=[lx.PARTS_OF_DAY],
      pattern=rf"{PRE}(?P<t>(?P<pod>{P.POD})){END}(?={S}(?:يوم{S})?(?:\d|(?:ال{S0})\d|{P.ORDINAL_DAY}{END}))")
def _bare_part_of_day(m: re.Match, ctx: Context) -> Candidate | None:
    """A part of day before a date (``مساء 15 سبتمبر``): kept only when joined to that date."""
    code = P.POD_OF[g(m, "pod")]  # type: ignore[index]
    return Candidate(0, 0, "TIME", f"{R.shift_days(ctx.dct, 0)}T{code}", kind="bare_pod", extra={"code": code})


def _with_fraction(hour: int, frac: str | None) -> tuple[int, int]:
    """(hour, minute) of an hour word and its fraction (``والنصف`` +30, ``إلا ربعا`` −15)."""
    minute = 0
    if frac:
        minute = P.FRACTION_OF[frac]
        if minute < 0:
            hour, minute = hour - 1, 60 + minute
    return hour, minute


@rule("clock", priority=180, starts=["الساعة", DIGIT, APPROX, lx.HOUR_WORDS], pattern=(
      rf"(?<![\w:.])(?P<t>(?:(?P<ap>{P.APPROX}){S})?(?:(?:الساعه{S0})?(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?![\d:])(?:{S0}(?P<mark>{P.CLOCK_MARK}){END})?"
      rf"|الساعه{S}(?:(?P<hw>{P.HOUR_WORD})|(?P<hd>[01]?\d|2[0-3])(?![\d:.,]))(?:{S}(?P<frac>{P.FRACTION}))?(?:{S}(?P<mark2>{P.CLOCK_MARK}){END})?"
      rf"|(?P<hw3>{P.HOUR_WORD})(?:{S}(?P<frac3>{P.FRACTION}))?{S}(?P<mark3>{P.CLOCK_MARK_WORD}){END}(?!{S}(?:يوم|{P.RELDAY}|{P.RELDAY_BOUND}|{P.WEEKDAY}){END}))"
      rf"(?:{S}(?:ب|وفق{S})?(?:ال)?توقيت{S}\w+)?){END}"))
def _clock(m: re.Match, ctx: Context) -> Candidate | None:
    """``01:48 م`` → ``T13:48``, ``الساعة ٨:٤٧ مساءً``, ``الساعة الثامنة والنصف مساء``,
    ``العاشرة ليلا`` (an hour word alone needs a part-of-day word after it)."""
    if g(m, "h"):
        hour, minute = int(m.group("h")), int(m.group("mi"))
        mark = g(m, "mark")
    elif g(m, "hw3"):
        hour, minute = _with_fraction(P.HOUR_OF[g(m, "hw3")], g(m, "frac3"))  # type: ignore[index]
        mark = g(m, "mark3")
    else:
        hour = P.HOUR_OF[g(m, "hw")] if g(m, "hw") else int(m.group("hd"))  # type: ignore[index]
        hour, minute = _with_fraction(hour, g(m, "frac"))
        mark = g(m, "mark2")
        if mark is None and g(m, "hd"):
            return None  # "الساعة 10" alone is too often a count
    code = P.CLOCK_MARK_OF.get(mark) if mark else None
    if code == "pm" and hour < 12:
        hour += 12
    elif code == "noon" and hour < 6:
        hour += 12
    elif code == "night" and 6 <= hour < 12:
        hour += 12
    elif code == "am" and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    hhmm = f"T{hour:02d}:{minute:02d}"
    mod = "APPROX" if g(m, "ap") else None
    return Candidate(0, 0, "TIME", f"{R.shift_days(ctx.dct, 0)}{hhmm}", mod, kind="clock", extra={"hhmm": hhmm})


@rule("clock_of_day", priority=300, starts=[APPROX, "الساعة", lx.HOUR_WORDS, DIGIT], pattern=(
      rf"{PRE}(?P<t>(?:(?P<ap>{P.APPROX}){S})?(?:(?:الساعه{S})?(?P<hw>{P.HOUR_WORD})|الساعه{S}(?<![\d.,/:])(?P<hd>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?(?![\d.,/:]))"
      rf"(?:{S}(?P<frac>{P.FRACTION}))?{S}(?:من{S})?(?P<pod>{P.POD}){S}(?:(?P<rd>{P.RELDAY}|{P.RELDAY_BOUND})|(?:يوم{S})?(?P<wd>{P.WEEKDAY})(?:{S}{WEEKDAY_ADJ})?)){END}"))
def _clock_of_day(m: re.Match, ctx: Context) -> Candidate | None:
    """``التاسعة من صباح اليوم`` → ``T09:00``, ``الساعة السادسة من مساء الأحد`` → ``T18:00``,
    ``الثالثة فجر اليوم`` → ``T03:00``."""
    hour = P.HOUR_OF[g(m, "hw")] if g(m, "hw") else int(m.group("hd"))  # type: ignore[index]
    minute = int(m.group("mi")) if g(m, "mi") else 0
    if g(m, "frac"):
        hour, minute = _with_fraction(hour, g(m, "frac"))
    code = P.POD_OF[g(m, "pod")]  # type: ignore[index]
    if hour < 12 and not (code == "NI" and hour < 5):
        hour += _POD_HOURS[code]
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    day = named_day(m, ctx, "rd", "wd")
    mod = "APPROX" if g(m, "ap") else None
    return Candidate(0, 0, "TIME", f"{day}T{hour:02d}:{minute:02d}", mod)
