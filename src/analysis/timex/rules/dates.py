"""Calendar dates written with words: day month year, month year, years, weeks."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from analysis.timex import hijri_calendar as H
from analysis.timex import lexicon as lx
from analysis.timex import patterns as P
from analysis.timex import resolve as R
from analysis.timex.engine import DIGIT, Candidate, Context, rule
from analysis.timex.patterns import ART, END, PRE, S, S0, norm
from analysis.timex.rules.common import (
    APPROX,
    MODS,
    MONTH_REL_A,
    MONTH_WORDS,
    ORDINALS,
    anaphor,
    day_of,
    g,
    implicit_year,
    mod_of,
    month_of,
    year_of,
)

_MONTH_CONTEXT = frozenset(norm(w) for w in lx.MONTH_CONTEXT_BEFORE)
_YEAR_CONTEXT = frozenset(norm(w) for w in lx.YEAR_CONTEXT_BEFORE)
_PART_NOUNS = frozenset(norm(w) for w in ("النصف", "الربع", "الثلث", "الأسبوع", "العشر", "الثلاثي", "السداسي"))
_PLACE_HEADS = frozenset(norm(w) for w in lx.PLACE_NAME_HEADS)
_COUNT_BEFORE = frozenset(norm(w) for w in ("من", "نحو", "حوالي", "قرابة", "زهاء", "أكثر", "أقل", "الـ", "ال"))
_YEAR_TAIL = rf"(?:{S}(?:من{S}|ل)?(?:{P.YEAR_EXPR('a')}))?"


@rule("day_month_year", priority=10, starts=[MODS, DIGIT, ORDINALS, "ال"], pattern=(
      rf"{PRE}(?P<t>{P.MOD_PRE()}{P.DAY('a')}{S}(?:من{S}(?:شهر{S})?)?{P.MONTH('a')}"
      rf"(?:{S0}[,،]?{S0}(?:من{S})?(?:{P.YEAR_EXPR('a')})|{S}{MONTH_REL_A})?){END}"))
def _day_month_year(m: re.Match, ctx: Context) -> Candidate | None:
    """``31 ديسمبر 2025``, ``الحادي والثلاثين من شهر كانون الأول المقبل``, ``31 ديسمبر الجاري``."""
    day = day_of(m, "a")
    month, _sure = month_of(m, "a")  # type: ignore[misc]
    year, hijri = year_of(m, "a", ctx)
    if hijri or day is None:
        return None
    head = ctx.prev_word(m.start("t"))
    if g(m, "adw") and head in _PART_NOUNS:
        return None  # "النصف الثاني من شهر مارس": a part of the month, not its 2nd day
    head = head[1:] if head[:1] in ("ب", "ل", "و", "ف") and head[1:] in P.NAME_HEADS else head  # لمستشفى 15 مايو
    if head in _PLACE_HEADS or year is None and head in P.NAME_HEADS:
        return Candidate(0, 0, "DATE", "XXXX", kind="blocked")  # تحالف 14 آذار, جامعة 8 ماي 1945: a name
    if year is None:
        year = implicit_year(m, ctx, month)
    inferred = year_of(m, "a", ctx)[0] is None
    value = R.date_value(year, month, day)
    if value is None:
        return None
    return Candidate(0, 0, "DATE", value, mod_of(m), kind="day", extra={"year_inferred": inferred, **anaphor(m, "a")})


@rule("month_year", priority=30, starts=[MODS, "شهر", MONTH_WORDS, lx.PERIOD_DAYS],
      pattern=rf"{PRE}(?P<t>{P.MOD_PRE()}(?:(?P<pd>{P.PERIOD_DAY}){S})?{P.MONTH('a')}(?:{S0}[,،]?{S0}(?:من{S})?(?:{P.YEAR_EXPR('a')})|{S}{MONTH_REL_A})?){END}")
def _month_year(m: re.Match, ctx: Context) -> Candidate | None:
    """``سبتمبر 2025``, ``أيلول/سبتمبر 2024``, ``نهاية شهر أيلول من هذا العام``, bare ``أيلول``;
    ``فاتح أكتوبر`` / ``غرة يناير 2026`` → the month's first day."""
    month, sure = month_of(m, "a")  # type: ignore[misc]
    year, hijri = year_of(m, "a", ctx)
    rel = g(m, "amrel")
    if hijri:
        return None
    inferred = year is None
    if year is None:
        if ctx.prev_word(m.start("t")).isdigit():
            return None  # a day the day rules rejected (تحالف 14 آذار): not a month alone either
        after_month = m.group(0)[: m.start("t") - m.start()] == "و" and ctx.prev_word(m.start()) in P.MONTH_OF
        if not sure and not rel and not g(m, "mod") and not after_month and ctx.prev_word(m.start("t")) not in _MONTH_CONTEXT:
            return None  # مارس ضغوطا; but "جويلية وأوت" is two months
        year = implicit_year(m, ctx, month)
    extra = {"year_inferred": inferred and not rel, **anaphor(m, "a")}
    if g(m, "pd"):  # فاتح أكتوبر, غرة يناير, آخر أيام ديسمبر: a day of the month
        n = P.PERIOD_DAY_OF[g(m, "pd")]  # type: ignore[index]
        day = calendar.monthrange(year, month)[1] if n < 0 and year else n
        value = R.date_value(year, month, day) if n > 0 or year else None
        return Candidate(0, 0, "DATE", value, mod_of(m), kind="day", extra=extra) if value else None
    value = R.date_value(year, month, None)
    return Candidate(0, 0, "DATE", value, mod_of(m), extra=extra) if value else None


@rule("year", priority=60, starts=[MODS, APPROX, "عام", "العام", "سنة", "السنة", "عامي"],
      pattern=rf"{PRE}(?P<t>{P.MOD_PRE()}(?:(?P<ap>{P.APPROX}){S})?(?P<kw>{ART}?عام|{ART}?سنه|عامي){S0}{P.YEAR('a')}{P.ERA('a')}){END}")
def _year(m: re.Match, ctx: Context) -> Candidate | None:
    """``عام 2020``, ``العام 2014``, ``مطلع عام 2026``, ``سنة 2003م``, ``عام 1446 هـ``."""
    return _year_value(m, ctx)


def _year_value(m: re.Match, ctx: Context) -> Candidate | None:
    """The candidate of a matched year: Gregorian, or the Gregorian year of a Hijri one."""
    year, hijri = year_of(m, "a", ctx)
    mod = mod_of(m) or ("APPROX" if g(m, "ap") else None)
    if hijri:
        span = H.year_span(year)  # type: ignore[arg-type]
        return Candidate(0, 0, "DATE", H.span_value(span), mod, calendar="hijri") if span else None
    return Candidate(0, 0, "DATE", f"{year:04d}", mod)


@rule("bare_year", priority=70, starts=[MODS, DIGIT],
      pattern=rf"(?<!\w)(?P<cl>[وبل])?(?P<t>{P.MOD_PRE()}{P.YEAR('a')}{P.ERA('a')}){END}")
def _bare_year(m: re.Match, ctx: Context) -> Candidate | None:
    """A bare year, when the context says it is one: ``في 2014``, ``و2017``, ``2025م``, ``(2014)``."""
    era = g(m, "aera")
    start = m.start()
    prev = ctx.prev_word(start)
    after = ctx.after(m.end("t"), 3)
    ok = bool(era) or bool(g(m, "mod")) or bool(g(m, "cl")) or prev in _YEAR_CONTEXT
    if not ok and prev not in _COUNT_BEFORE:
        ok = after == "" or after[0] in ".,،؛:)»\"'!?؟-" or after.startswith(" و")
    if not ok or (int(m.group("ay")) < 1900 and not era):
        return None
    return _year_value(m, ctx)


@rule("week_of_month", priority=290, starts=["الأسبوع"],
      pattern=rf"{PRE}(?P<t>الاسبوع{S}(?P<wo>{P.WEEK_ORD}){S}من{S}(?:شهر{S})?{P.MONTH('a')}(?:{S0}[,،]?{S0}(?:من{S})?(?:{P.YEAR_EXPR('a')})|{S}{MONTH_REL_A})?){END}")
def _week_of_month(m: re.Match, ctx: Context) -> Candidate | None:
    """``الأسبوع الأول من تموز`` → the ISO week holding the month's 4th day (the last week: its
    last day − 3)."""
    month, _sure = month_of(m, "a")  # type: ignore[misc]
    year, hijri = year_of(m, "a", ctx)
    if hijri:
        return None
    if year is None:
        year = implicit_year(m, ctx, month)
    if year is None:
        return Candidate(0, 0, "DATE", f"XXXX-{month:02d}")
    n = P.WEEK_OF_MONTH_OF[g(m, "wo")]  # type: ignore[index]
    last = calendar.monthrange(year, month)[1]
    day = last - 3 if n < 0 else 7 * (n - 1) + 4
    return Candidate(0, 0, "DATE", R.week_value(dt.date(year, month, day)), extra=anaphor(m, "a"))


@rule("iso_week", priority=400, starts=["الأسبوع"],
      pattern=rf"{PRE}(?P<t>الاسبوع{S}(?:رقم{S})?(?:ال{S0})?(?P<wn>\d{{1,2}}){S}من{S}(?:{P.YEAR_EXPR('a')})){END}")
def _iso_week(m: re.Match, ctx: Context) -> Candidate | None:
    """``الأسبوع 35 من عام 2025`` → ``2025-W35``."""
    year, hijri = year_of(m, "a", ctx)
    week = int(m.group("wn"))
    if hijri or year is None or not 1 <= week <= 53:
        return None
    return Candidate(0, 0, "DATE", f"{year:04d}-W{week:02d}")
