"""Hijri dates, given their Gregorian value and ``calendar="hijri"`` (days, months as day intervals,
named periods): ``15 رمضان 1446 هـ``, ``شهر ذي الحجة``, ``غرة رمضان``, ``عيد الأضحى``,
``العشر الأواخر من رمضان``. Conversion: ``analysis.timex.hijri_calendar`` (hijridate, Umm al-Qura)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from analysis.timex import hijri_calendar as H
from analysis.timex import lexicon as lx
from analysis.timex import patterns as P
from analysis.timex.engine import DIGIT, Candidate, Context, rule
from analysis.timex.patterns import END, PRE, S, S0, norm
from analysis.timex.rules.common import HIJRI_WORDS, MODS, ORDINALS, day_of, g, mod_of

_ERA = r"(?:ه|هجري|هجريه|للهجره)"
_HIJRI_YEAR = (
    rf"(?:(?:عام|سنه|العام|ل?عام){S0})?(?<![\d.,/:])(?:(?P<hy>1[34]\d\d)(?!\d|[.,/:]\d)(?:{S0}(?P<he>{_ERA}){END})?"
    rf"|(?P<hy2>\d{{1,4}})(?![\d.,/:]){S0}(?P<he2>{_ERA}){END})"
)
#: Words before a Hijri month named alone that make it the month (``خلال رمضان``, ``طوال شعبان``).
_MONTH_CONTEXT = frozenset(norm(w) for w in (*lx.MONTH_CONTEXT_BEFORE, "طوال", "طيلة", "وخلال", "حلول", "قدوم", "استقبال"))
_PERIOD_STARTS = (MODS, lx.PERIOD_DAYS, [p.name for p in lx.HIJRI_PERIODS])


def _year_and_shift(m: re.Match) -> tuple[int | None, int | None]:
    """(explicit Hijri year, shift adjective: الماضي -1, المقبل +1, الجاري 0) of a match."""
    year = int(g(m, "hy") or g(m, "hy2") or 0) or None
    shift = P.SHIFT_OF[g(m, "sh")] if g(m, "sh") else None  # type: ignore[index]
    return year, shift


def _place(ctx: Context, m: re.Match, span_of: Callable[[int], H.Span | None]) -> H.Span | None:
    """The days of a Hijri period in its stated year, or in the year the article means."""
    year, shift = _year_and_shift(m)
    if year is not None:
        return span_of(year)
    return H.occurrence(ctx.dct, span_of, shift, ctx.tense(m.start("t")) == "future")


def _nth_day(span: H.Span | None, word: str | None) -> H.Span | None:
    """Day n of a span for ``أول أيام`` / ``ثاني أيام`` / ``آخر أيام`` / ``غرة``, the whole span without one."""
    if span is None or word is None:
        return span
    n = P.PERIOD_DAY_OF[word]
    if n < 0:
        return span[1], span[1]
    first = span[0] + dt.timedelta(days=n - 1)
    return (first, first) if first <= span[1] else None


def _candidate(span: H.Span | None, m: re.Match) -> Candidate | None:
    """A Hijri DATE candidate of a span (a single day is a "day", joinable with a weekday)."""
    if span is None:
        return None
    kind = "day" if span[0] == span[1] else ""
    return Candidate(0, 0, "DATE", H.span_value(span), mod_of(m), calendar="hijri", kind=kind)


@rule("hijri", priority=410, starts=[MODS, DIGIT, ORDINALS, "شهر", HIJRI_WORDS, lx.PERIOD_DAYS],
      pattern=rf"{PRE}(?P<t>{P.MOD_PRE()}(?:(?P<pd>{P.PERIOD_DAY}){S}|{P.DAY('a')}{S}(?:من{S})?)?(?:(?P<shahr>شهر){S})?(?P<hm>{P.HIJRI}){END}"
              rf"(?:{S}(?P<sh>{P.SHIFT}){END}|{S0}[,،]?{S0}{_HIJRI_YEAR})?){END}")
def _hijri(m: re.Match, ctx: Context) -> Candidate | None:
    """``15 رمضان 1446 هـ`` → ``2025-03-15``; ``شهر رمضان 1446`` → ``2025-03-01/2025-03-29`` (its days);
    ``غرة رمضان`` / ``أول أيام شهر رمضان`` → its first day; ``شهر رمضان المقبل`` → the next one."""
    month = P.HIJRI_MONTH_OF[g(m, "hm")]  # type: ignore[index]
    day = day_of(m, "a")
    year, shift = _year_and_shift(m)
    word = g(m, "hm")
    if year is None and day is None and not (g(m, "shahr") or g(m, "pd") or shift is not None or g(m, "mod")):
        if word in P.STRICT_HIJRI or ctx.prev_word(m.start("t")) not in _MONTH_CONTEXT:
            return None  # رجب (a name), صفر (zero): a month only with شهر, a day, a year or a context word
    if year is None and word in P.STRICT_HIJRI and not g(m, "shahr"):
        return None  # "1 صفر" is a score, not the 1st of Safar
    if day is not None:
        return _candidate(_place(ctx, m, lambda y: H.days_of_month(y, month, day, day) if day <= 30 else None), m)
    return _candidate(_nth_day(_place(ctx, m, lambda y: H.days_of_month(y, month)), g(m, "pd")), m)


@rule("hijri_period", priority=415, starts=_PERIOD_STARTS,
      pattern=rf"{PRE}(?P<t>{P.MOD_PRE()}(?:(?P<pd>{P.PERIOD_DAY}){S})?(?P<name>{P.HIJRI_PERIOD}){END}"
              rf"(?:{S}(?P<sh>{P.SHIFT}){END}|{S0}[,،]?{S0}(?:من{S}|ل)?{_HIJRI_YEAR})?){END}")
def _hijri_period(m: re.Match, ctx: Context) -> Candidate | None:
    """``عيد الفطر`` → 1-3 Shawwal of the year meant, ``العشر الأواخر من رمضان`` → 21 Ramadan to its
    end, ``عيد الأضحى الماضي``, ``أول أيام عيد الأضحى`` → 10 Dhu al-Hijja (days, calendar hijri)."""
    period = P.HIJRI_PERIOD_OF[g(m, "name")]  # type: ignore[index]
    span = _place(ctx, m, lambda y: H.days_of_month(y, period.month, period.first, period.last))
    return _candidate(_nth_day(span, g(m, "pd")), m)


@rule("hijri_year", priority=420, starts=[MODS, "عام", "العام", "سنة", "السنة"],
      pattern=rf"{PRE}(?P<t>{P.MOD_PRE()}(?:(?:ال)?عام|(?:ال)?سنه)(?:{S}(?P<hw>الهجري|الهجريه))?{S0}(?P<hy>1[34]\d\d)(?:{S0}(?P<he>{_ERA}))?){END}")
def _hijri_year(m: re.Match, ctx: Context) -> Candidate | None:
    """``عام 1446 هـ`` / ``العام الهجري 1446`` → its days, 1 Muharram to 29/30 Dhu al-Hijja (calendar hijri)."""
    if not (g(m, "he") or g(m, "hw")):
        return None
    span = H.year_span(int(m.group("hy")))
    return Candidate(0, 0, "DATE", H.span_value(span), mod_of(m), calendar="hijri") if span else None
