"""Recurrences (SET): ``يوميا`` → P1D, ``كل عامين`` → P2Y, ``الثالث من آب من كل عام`` → ``XXXX-08-03``."""

from __future__ import annotations

import re

from analysis.timex import lexicon as lx
from analysis.timex import patterns as P
from analysis.timex import resolve as R
from analysis.timex.engine import DIGIT, Candidate, Context, rule
from analysis.timex.patterns import END, PRE, S, S0
from analysis.timex.rules.common import MONTH_WORDS, ORDINALS, day_of, duration_spec, duration_value, g


@rule(
    "yearly_date",
    rf"{PRE}(?P<t>(?:{P.DAY('a')}{S}(?:من{S})?)?(?:شهر{S})?(?P<am1>{P.MONTHS}){END}{S}من{S}كل{S}(?:عام|سنه)){END}",
    starts=[DIGIT, ORDINALS, "ال", "شهر", MONTH_WORDS],
    priority=140,
)
def _yearly_date(m: re.Match, ctx: Context) -> Candidate | None:
    """``الثالث من آب من كل عام`` → SET ``XXXX-08-03``; ``في نيسان من كل عام`` → ``XXXX-04``."""
    month = P.MONTH_OF[g(m, "am1")]  # type: ignore[index]
    day = day_of(m, "a")
    value = R.date_value(None, month, day)
    return Candidate(0, 0, "SET", value) if value else None


@rule("monthly_date", rf"{PRE}(?P<t>(?:يوم{S})?{P.DAY('a')}{S}من{S}كل{S}شهر){END}", starts=["يوم", DIGIT, ORDINALS, "ال"], priority=150)
def _monthly_date(m: re.Match, ctx: Context) -> Candidate | None:
    """``يوم 10 من كل شهر`` → SET ``XXXX-XX-10``."""
    day = day_of(m, "a")
    return Candidate(0, 0, "SET", f"XXXX-XX-{day:02d}") if day and 1 <= day <= 31 else None


@rule("set_word", rf"{PRE}(?P<t>(?P<w>{P.SETS})){END}(?!{S0}\d)", starts=[lx.SETS], priority=350)
def _set_word(m: re.Match, ctx: Context) -> Candidate | None:
    """``يوميا`` → P1D, ``أسبوعيا`` → P1W, ``سنويا`` → P1Y, ``ربع سنوي`` → P3M."""
    return Candidate(0, 0, "SET", P.SET_OF[g(m, "w")])  # type: ignore[index]


@rule(
    "set_every",
    rf"{PRE}(?P<t>كل{S}(?:(?P<num>\d{{1,3}}|{P.NUMBER_WORDS}(?=\s)){S0}(?P<u1>{P.UNIT_ANY_INDEF})|(?P<dual>{P.UNIT_TWO})|(?P<one>{P.UNIT_ONE_INDEF}))){END}",
    starts=[lx.EVERY_WORDS],
    priority=360,
)
def _set_every(m: re.Match, ctx: Context) -> Candidate | None:
    """``كل يوم`` → P1D, ``كل عام`` → P1Y, ``كل ثلاثة أشهر`` → P3M, ``كل أسبوعين`` → P2W."""
    spec = duration_spec(m)
    if spec is None or spec[0] is None:
        return None
    amount, unit, _ = spec
    return Candidate(0, 0, "SET", duration_value(amount, unit))
