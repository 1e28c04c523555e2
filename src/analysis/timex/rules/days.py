"""Days named relative to the article date: ``اليوم``, ``أمس``, ``غدا``, weekdays (``الخميس المقبل``)."""

from __future__ import annotations

import datetime as dt
import re

from analysis.timex import lexicon as lx
from analysis.timex import patterns as P
from analysis.timex import resolve as R
from analysis.timex.engine import Candidate, Context, rule
from analysis.timex.patterns import END, PRE, S, S0, norm
from analysis.timex.rules.common import WEEKDAY_ADJ, WEEKDAY_WORDS, g, weekday_direction

_NOT_TODAY = P.alt(lx.NOT_TODAY_AFTER)
_WEEKDAY_NAME_HEADS = frozenset(norm(w) for w in lx.WEEKDAY_NAME_HEADS)
_PAIR_ADJ = {"الماضيين": "last", "المنصرمين": "last", "الفائتين": "last", "المقبلين": "next", "القادمين": "next"}
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
    """``الأربعاء`` (last such day on/before dct unless the verb is future), ``الخميس المقبل``; not in a
    place name (``سوق الجمعة``)."""
    if ctx.prev_word(m.start()) in _WEEKDAY_NAME_HEADS:
        return None
    weekday = P.WEEKDAY_OF[g(m, "wd")]  # type: ignore[index]
    return Candidate(0, 0, "DATE", R.weekday_date(ctx.dct, weekday, weekday_direction(m, ctx)), kind="weekday")


@rule("weekday_pair", priority=95, starts=["يومي"],
      pattern=rf"{PRE}(?P<t>يومي{S}(?P<wd1>{P.WEEKDAY}){S}و{S0}(?P<wd2>{P.WEEKDAY})(?:{S}(?P<padj>{P.alt(_PAIR_ADJ)})|(?P<every>{S}من{S}كل{S}اسبوع))?){END}")
def _weekday_pair(m: re.Match, ctx: Context) -> Candidate | None:
    """``يومي الجمعة والسبت`` → one interval of the two days (``الماضيين``: the last such pair; a
    future or scheduled verb: the next one)."""
    if g(m, "every"):
        return Candidate(0, 0, "SET", "P1W")  # يومي السبت والأحد من كل أسبوع: a weekly recurrence
    if ctx.dct is None:
        return None
    first, second = P.WEEKDAY_OF[g(m, "wd1")], P.WEEKDAY_OF[g(m, "wd2")]  # type: ignore[index]
    gap = dt.timedelta(days=(second - first) % 7 or 7)
    direction = _PAIR_ADJ[g(m, "padj")] if g(m, "padj") else weekday_direction(m, ctx)  # type: ignore[index]
    if direction in ("last", "past"):
        end = dt.date.fromisoformat(R.weekday_date(ctx.dct, second, direction))
        start = end - gap
    else:
        start = dt.date.fromisoformat(R.weekday_date(ctx.dct, first, direction))
        end = start + gap
    return Candidate(0, 0, "DATE", f"{start.isoformat()}/{end.isoformat()}")


@rule("day_ref", priority=205, starts=["هذا", "ذلك", "اليوم"],
      pattern=rf"{PRE}(?P<t>(?:هذا|ذلك){S}اليوم|اليوم{S}(?P<last>الاخير)){END}")
def _day_ref(m: re.Match, ctx: Context) -> Candidate | None:
    """``هذا اليوم`` / ``ذلك اليوم`` → the day named just before; ``اليوم الأخير`` → the last day of the
    period named just before (``anchors.resolve_day_refs``; dropped without one). Not ``مثل هذا اليوم``."""
    if ctx.prev_word(m.start()) == "مثل":
        return None
    return Candidate(0, 0, "DATE", R.shift_days(ctx.dct, 0), extra={"day_ref": "last" if g(m, "last") else "same"})
