"""Days named relative to the article date: ``اليوم``, ``أمس``, ``غدا``, weekdays (``الخميس المقبل``)."""

from __future__ import annotations

import re

from analysis.timex import lexicon as lx
from analysis.timex import patterns as P
from analysis.timex import resolve as R
from analysis.timex.engine import Candidate, Context, rule
from analysis.timex.patterns import END, PRE, S, S0
from analysis.timex.rules.common import WEEKDAY_ADJ, WEEKDAY_WORDS, g, weekday_direction

_NOT_TODAY = P.alt(lx.NOT_TODAY_AFTER)
_QUOTED_NAME = re.compile(rf"[(«]{S0}\w+{S}$")


def _is_outlet(m: re.Match, ctx: Context) -> bool:
    """``اليوم`` as the last word of an outlet's name: after a known name, or ``(X اليوم)``."""
    if ctx.prev_word(m.start("t")) in P.OUTLETS_BEFORE_TODAY:
        return True
    after = ctx.after(m.end("t"), 2).lstrip()
    return bool(after[:1] in (")", "»") and _QUOTED_NAME.search(ctx.before(m.start("t"), 30)))


@rule("relative_day", priority=90, starts=["يوم", lx.RELATIVE_DAYS],
      pattern=rf"{PRE}(?P<t>(?:(?:يوم{S})?(?P<rd>{P.RELDAY})|يوم{S}(?P<rdb>{P.RELDAY_BOUND}))(?:{S}(?P<wd>{P.WEEKDAY}))?){END}(?!{S}{_NOT_TODAY}{END})")
def _relative_day(m: re.Match, ctx: Context) -> Candidate | None:
    """``اليوم``, ``أمس``, ``غدا``, ``يوم غد``, ``اليوم الأربعاء`` (one timex), ``أول أمس``."""
    if g(m, "rd") == "اليوم" and ctx.prev_word(m.start("t")) in P.NOT_TODAY_BEFORE:
        return None  # في ذلك اليوم: that day
    if g(m, "rd") == "اليوم" and not g(m, "wd") and _is_outlet(m, ctx):
        return None  # روسيا اليوم, (بغداد اليوم): a news outlet
    offset = P.RELDAY_OF[g(m, "rd")] if g(m, "rd") else P.RELDAY_BOUND_OF[g(m, "rdb")]  # type: ignore[index]
    return Candidate(0, 0, "DATE", R.shift_days(ctx.dct, offset), kind="weekday")


@rule("weekday", priority=100, starts=["يوم", WEEKDAY_WORDS],
      pattern=rf"{PRE}(?P<t>(?:يوم{S})?(?P<wd>{P.WEEKDAY})(?:{S}{WEEKDAY_ADJ})?){END}(?!{S}(?:عشر|عشره){END})")
def _weekday(m: re.Match, ctx: Context) -> Candidate | None:
    """``الأربعاء`` (last such day on/before dct unless the verb is future), ``الخميس المقبل``."""
    weekday = P.WEEKDAY_OF[g(m, "wd")]  # type: ignore[index]
    return Candidate(0, 0, "DATE", R.weekday_date(ctx.dct, weekday, weekday_direction(m, ctx)), kind="weekday")
