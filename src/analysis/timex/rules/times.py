"""Parts of the day and clock times: ``مساء اليوم``, ``ساعات الصباح الأولى``, ``الساعة ٨:٤٧ مساءً``.

A clock time, a range of clock times and a part of day said alone (``ليلا``) take the day of the
last day named before them in their sentence, else the dct, after selection (``anchors.anchor_days``);
a part of day before a full date is joined to it (``grammar.join_dates``).
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
      rf"{PRE}(?P<t>(?P<pod>{P.POD}){S}(?:(?:يوم{S})?(?P<rd>{P.RELDAY}|{P.RELDAY_BOUND})(?:{S}(?P<wd>{P.WEEKDAY}))?|(?:يوم{S})?(?P<wd2>{P.WEEKDAY})(?:{S}{WEEKDAY_ADJ})?)"
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
    return Candidate(0, 0, "TIME", f"{day}T{code}", kind="pod", extra={"code": code, "weekday": bool(g(m, "wd2"))})


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


#: Minutes written out after an hour word: ``السادسة و45 دقيقة``.
_MINUTES = rf"{S}و{S0}(?P<mins>[0-5]?\d){S0}(?:دقيقه|دقائق){END}"


def _hour24(hour: int, mark: str | None) -> int:
    """The 24-hour hour of a clock hour and its am/pm or part-of-day word (``مساء``, ``زوالا``, ``ليلا``)."""
    code = P.CLOCK_MARK_OF.get(mark) if mark else None
    if code == "pm" and hour < 12:
        return hour + 12
    if code == "noon" and hour < 6:
        return hour + 12
    if code == "night" and 6 <= hour < 12:
        return hour + 12
    if code == "am" and hour == 12:
        return 0
    return hour


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
      rf"|الساعه{S}(?:(?P<hw>{P.HOUR_WORD})|(?P<hd>[01]?\d|2[0-3])(?![\d:.,]))(?:{S}(?P<frac>{P.FRACTION})|{_MINUTES})?(?:{S}(?P<mark2>{P.CLOCK_MARK}){END})?"
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
        minute = int(g(m, "mins")) if g(m, "mins") else minute  # type: ignore[arg-type]
        mark = g(m, "mark2")
        if mark is None and g(m, "hd"):
            return None  # "الساعة 10" alone is too often a count
    hour = _hour24(hour, mark)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    hhmm = f"T{hour:02d}:{minute:02d}"
    mod = "APPROX" if g(m, "ap") else None
    return Candidate(0, 0, "TIME", f"{R.shift_days(ctx.dct, 0)}{hhmm}", mod, kind="clock", extra={"hhmm": hhmm})


@rule("clock_of_day", priority=300, starts=[APPROX, "الساعة", lx.HOUR_WORDS, DIGIT], pattern=(
      rf"{PRE}(?P<t>(?:(?P<ap>{P.APPROX}){S})?(?:(?:الساعه{S})?(?P<hw>{P.HOUR_WORD})|الساعه{S}(?<![\d.,/:])(?P<hd>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?(?![\d.,/:]))"
      rf"(?:{S}(?P<frac>{P.FRACTION}))?{S}(?:من{S})?(?P<pod>{P.POD}){S}(?:(?P<rd>{P.RELDAY}|{P.RELDAY_BOUND})(?:{S}{P.WEEKDAY})?|(?:يوم{S})?(?P<wd>{P.WEEKDAY})(?:{S}{WEEKDAY_ADJ})?)){END}"))
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


def _HOUR(p: str) -> str:
    """One hour of a range: a word (``الرابعة``) or digits (``16:30``), its fraction and its am/pm word."""
    return (
        rf"(?:(?P<{p}hw>{P.HOUR_WORD})|(?<![\d.,/:])(?P<{p}h>[01]?\d|2[0-3])(?::(?P<{p}mi>[0-5]\d))?(?![\d:.,]))"
        rf"(?:{S}(?P<{p}frac>{P.FRACTION}))?(?:{S}(?P<{p}mark>{P.CLOCK_MARK}){END})?"
    )


_UNTIL = rf"(?:(?:الي(?:{S}غايه)?|حتي|لغايه|وحتي|والي){S}|(?P<and>و){S0})"


@rule("clock_range", priority=175, starts=["الساعة", lx.HOUR_WORDS, DIGIT],
      pattern=rf"{PRE}(?P<t>(?P<sa>الساعه{S})?{_HOUR('a')}{S}{_UNTIL}(?:الساعه{S})?{_HOUR('b')}){END}")
def _clock_range(m: re.Match, ctx: Context) -> Candidate | None:
    """``الساعة الثامنة صباحا حتى الرابعة عصرا`` → one TIME interval ``…T08:00/…T16:00`` on the day of
    its sentence; an am/pm word said once counts for both ends (``الساعة الرابعة حتى العاشرة صباحا``)
    unless it would put the start after the end (``الثامنة حتى السادسة مساء`` starts at 8 am)."""
    marks = g(m, "amark"), g(m, "bmark")
    if g(m, "and") and ctx.prev_word(m.start()) != "بين":
        return None  # "و" joins two times only after بين (بين الساعة الثامنة والعاشرة صباحا)
    if not (any(marks) or (g(m, "sa") and g(m, "ahw"))):
        return None  # "10 حتى 12" without a clock word or an am/pm word is not a time
    times = []
    for p, mark in (("a", marks[0] or marks[1]), ("b", marks[1] or marks[0])):
        hour = P.HOUR_OF[g(m, f"{p}hw")] if g(m, f"{p}hw") else int(m.group(f"{p}h"))  # type: ignore[index]
        hour, minute = _with_fraction(hour, g(m, f"{p}frac"))
        minute = int(g(m, f"{p}mi")) if g(m, f"{p}mi") else minute  # type: ignore[arg-type]
        times.append((hour, _hour24(hour, mark), minute))
    if not marks[0] and times[0][1] > times[1][1]:
        times[0] = (times[0][0], times[0][0], times[0][2])  # "الثامنة حتى السادسة مساء": 8 am, not 8 pm
    ends = []
    for _raw, hour, minute in times:
        if not (0 <= hour <= 23 and 0 <= minute <= 59):
            return None
        ends.append(f"T{hour:02d}:{minute:02d}")
    day = R.shift_days(ctx.dct, 0)
    return Candidate(0, 0, "TIME", f"{day}{ends[0]}/{day}{ends[1]}", kind="clock", extra={"hhmm": tuple(ends)})


#: Parts of the day said alone as adverbs (``ليلا``, ``صباحا``) or with the article after a preposition
#: (``في المساء``): TIME on the day of their sentence.
_ADVERB_POD = P.alt(lx.POD_ADVERBS)
_ADVERB_POD_OF: dict[str, str] = P.lookup(lx.POD_ADVERBS, words="keys")
_POD_ALONE_DEF_OF: dict[str, str] = P.lookup(lx.POD_ALONE_DEF, words="keys")
_POD_PREPS = frozenset(P.norm(w) for w in ("في", "خلال", "طوال", "طيلة", "حتى", "منذ", "وفي", "عند", "بعد", "قبل"))
_POD_PAIRS = re.compile(rf"^{S}و{S0}(?:{_ADVERB_POD}|نهارا|ليلا|نهار|ليل){END}")


@rule("pod_alone", priority=178, starts=[lx.POD_ADVERBS, lx.POD_ALONE_DEF],
      pattern=rf"{PRE}(?P<t>(?P<adv>{_ADVERB_POD})|(?P<def>{P.alt(lx.POD_ALONE_DEF)})){END}(?!{S}ال\w)")
def _pod_alone(m: re.Match, ctx: Context) -> Candidate | None:
    """``ستكون السماء صافية ليلا`` → ``…TNI``, ``في المساء`` → ``…TEV`` (not ``ليلا ونهارا``, not after a
    clock hour, not ``مساء`` without its tanwin before a noun)."""
    prev = ctx.prev_word(m.start())
    if prev.isdigit() or prev in P.HOUR_OF or prev.startswith("ال") and prev[2:] in ("ساعه",):
        return None
    if _POD_PAIRS.match(ctx.after(m.end("t"), 12)) or ctx.prev_word(m.start()).endswith(("ليلا", "نهارا")):
        return None  # ليلا ونهارا: all the time
    if g(m, "def"):
        if prev not in _POD_PREPS:
            return None
        code = _POD_ALONE_DEF_OF[g(m, "def")]  # type: ignore[index]
    else:
        word = g(m, "adv")
        surface = ctx.surface(m.start("t"), m.end("t"))
        if word == "مساء" and not (surface.endswith(("ً", "ًا")) or ctx.after(m.end("t"), 2)[:1] in (".", "،", ",", "؛", "")):
            return None
        code = _ADVERB_POD_OF[word]  # type: ignore[index]
    return Candidate(0, 0, "TIME", f"{R.shift_days(ctx.dct, 0)}T{code}", kind="clock", extra={"hhmm": f"T{code}"})
