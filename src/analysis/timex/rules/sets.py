"""Recurrences (SET): ``يوميا`` → P1D, ``كل عامين`` → P2Y, ``مرتين في الأسبوع`` → P1W,
``الثالث من آب من كل عام`` → ``XXXX-08-03``. A relational adjective (``التقرير السنوي``) is not one."""

from __future__ import annotations

import re

from analysis.timex import lexicon as lx
from analysis.timex import patterns as P
from analysis.timex import resolve as R
from analysis.timex.engine import DIGIT, SUFFIX, Candidate, Context, rule
from analysis.timex.patterns import END, PRE, S, S0
from analysis.timex.rules.common import (
    MONTH_WORDS,
    NUMBER_WORD_STARTS,
    ORDINALS,
    UNIT_STARTS,
    day_of,
    duration_spec,
    duration_value,
    g,
    word_value,
)


@rule("yearly_date", priority=140, starts=[DIGIT, ORDINALS, "ال", "شهر", MONTH_WORDS],
      pattern=rf"{PRE}(?P<t>(?:{P.DAY('a')}{S}(?:من{S})?)?(?:شهر{S})?(?P<am1>{P.MONTHS}){END}{S}من{S}كل{S}(?:عام|سنه)){END}")
def _yearly_date(m: re.Match, ctx: Context) -> Candidate | None:
    """``الثالث من آب من كل عام`` → SET ``XXXX-08-03``; ``في نيسان من كل عام`` → ``XXXX-04``."""
    month = P.MONTH_OF[g(m, "am1")]  # type: ignore[index]
    day = day_of(m, "a")
    value = R.date_value(None, month, day)
    return Candidate(0, 0, "SET", value) if value else None


@rule("monthly_date", priority=150, starts=["يوم", DIGIT, ORDINALS, "ال"],
      pattern=rf"{PRE}(?P<t>(?:يوم{S})?{P.DAY('a')}{S}من{S}كل{S}شهر){END}")
def _monthly_date(m: re.Match, ctx: Context) -> Candidate | None:
    """``يوم 10 من كل شهر`` → SET ``XXXX-XX-10``."""
    day = day_of(m, "a")
    return Candidate(0, 0, "SET", f"XXXX-XX-{day:02d}") if day and 1 <= day <= 31 else None


#: ``يوميا`` → P1D, ``أسبوعيا`` → P1W, ``سنويا`` → P1Y, ``ربع سنوي`` → P3M.
rule("set_word", priority=350, starts=[lx.SETS],
     pattern=rf"{PRE}(?P<t>(?P<w>{P.SETS})){END}(?!{S0}\d)")(word_value("SET", P.SET_OF))


@rule("set_every", priority=360, starts=[lx.EVERY_WORDS],
      pattern=rf"{PRE}(?P<t>كل{S}(?:(?P<num>\d{{1,3}}|{P.NUMBER_WORDS}(?=\s)){S0}(?P<u1>{P.UNIT_ANY_INDEF})|(?P<dual>{P.UNIT_TWO})|(?P<one>{P.UNIT_ONE_INDEF}))){END}")
def _set_every(m: re.Match, ctx: Context) -> Candidate | None:
    """``كل يوم`` → P1D, ``كل عام`` → P1Y, ``كل ثلاثة أشهر`` → P3M, ``كل أسبوعين`` → P2W."""
    amount, unit, _half = duration_spec(m)
    if amount is None:
        return None
    return Candidate(0, 0, "SET", duration_value(amount, unit))


_FREQ_PERIOD = P.alt(lx.FREQUENCY_PERIODS)
_FREQ_PERIOD_OF: dict[str, str] = P.lookup(lx.FREQUENCY_PERIODS, words="keys")
_FREQ_COUNT = P.alt(lx.FREQUENCY_COUNTS)


@rule("frequency", priority=365, starts=[DIGIT, NUMBER_WORD_STARTS, UNIT_STARTS, lx.FREQUENCY_COUNTS, SUFFIX + "تين"], pattern=(
      rf"{PRE}(?P<t>(?:(?:\d{{1,2}}|{P.NUMBER_WORDS}){S}(?:{_FREQ_COUNT}|{P.UNIT_PLURAL_INDEF})|{_FREQ_COUNT}(?:{S}واحده)?|{P.UNIT_TWO}|(?P<dual>\w+تين))"
      rf"{S}في{S}(?P<per>{_FREQ_PERIOD})){END}(?!{S}(?:ال\w|{P.ANAPHOR}))"))
def _frequency(m: re.Match, ctx: Context) -> Candidate | None:
    """``مرتين في الأسبوع`` → SET ``P1W``, ``خمسة أيام في الأسبوع`` → ``P1W``, ``عمليتين في الشهر`` →
    ``P1M`` (the count is a frequency of the period; TIMEX3 keeps the period as the value)."""
    return Candidate(0, 0, "SET", _FREQ_PERIOD_OF[g(m, "per")])  # type: ignore[index]
