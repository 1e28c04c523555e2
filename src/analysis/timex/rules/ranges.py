"""Ranges written as one expression: ``2014–2017``, ``بين عامي 2014 و2017``, ``من 20 إلى 25 أيار``.

Two full dates around ``إلى``/``و`` are joined after selection instead (``grammar.join_ranges``).
"""

from __future__ import annotations

import re

from analysis.timex import patterns as P
from analysis.timex import resolve as R
from analysis.timex.engine import DIGIT, Candidate, Context, rule
from analysis.timex.patterns import END, PRE, S, S0
from analysis.timex.rules.common import MONTH_REL_A, anaphor, g, implicit_year, mod_of, month_of, year_of

_RANGE_JOIN = r"(?:الي|حتي|لغايه|ولغايه|وحتي|والي|و)"
_DAY_RANGE_JOIN = rf"(?:{S0}-{S0}|{S}(?P<jw>الي|حتي|لغايه|وحتي|والي|و){S0})"


@rule("year_range", priority=80, starts=["من", "بين", "عامي", "سنتي", DIGIT], pattern=(
      rf"(?<![\w.,/:])(?P<t>(?:(?P<open>من|بين){S}(?:(?:ال)?عام(?:ي)?|سنتي|الاعوام|السنوات|الفتره{S}(?:من{S})?)?{S0}|(?P<dual>عامي|سنتي){S0})?"
      rf"{P.YEAR('a')}{P.ERA('a')}(?:{S0}-{S0}|{S}{_RANGE_JOIN}{S0}(?:(?:ال)?عام{S0})?)(?P<b>(?:1\d|2[01])\d\d|\d\d)(?!\d|[.,/:]\d){P.ERA('b')}){END}"))
def _year_range(m: re.Match, ctx: Context) -> Candidate | None:
    """``2014–2017``, ``من 2014 إلى 2017``, ``بين عامي 2014 و2017`` → ``2014/2017``; ``عامي 2023 و2024``
    (two consecutive years) → ``2023/2024``."""
    a = int(m.group("ay"))
    raw_b = m.group("b")
    b = int(raw_b) if len(raw_b) == 4 else (a // 100) * 100 + int(raw_b)
    joined_by_dash = "-" in m.group("t")[m.end("ay") - m.start("t") :][:4]
    if not (a < b <= a + 100):
        return None
    joiner = m.group("t")[m.end("ay") - m.start("t") :]
    if m.group("dual") and not joined_by_dash:
        return Candidate(0, 0, "DATE", f"{a:04d}/{b:04d}") if b == a + 1 and "و" in joiner else None
    if not m.group("open") and not joined_by_dash:
        return None
    if m.group("open") == "بين" and "و" not in joiner:
        return None
    if m.group("open") == "من" and not joined_by_dash and not re.search(r"(?:الي|حتي|لغايه)", joiner):
        return None  # "من عام 2006 وعام 2007" is two years, not a range
    return Candidate(0, 0, "DATE", f"{a:04d}/{b:04d}")


@rule("day_range", priority=280, starts=["من", "بين", "يومي", DIGIT, "ال"], pattern=(
      rf"{PRE}(?:(?P<open>من|بين){S})?(?P<t>(?:(?P<dual>يومي){S})?(?:ال{S0})?(?<![\d.,/:])(?P<d1>[0-3]?\d){_DAY_RANGE_JOIN}(?:ال{S0})?(?P<d2>[0-3]?\d)(?![\d.,/:])"
      rf"{S}(?:من{S}(?:شهر{S})?)?{P.MONTH('a')}(?:{S0}[,،]?{S0}(?:من{S})?(?:{P.YEAR_EXPR('a')})|{S}{MONTH_REL_A})?){END}"))
def _day_range(m: re.Match, ctx: Context) -> Candidate | None:
    """``من 20 إلى 25 أيار 2025`` / ``بين 10 و12 تشرين الثاني`` / ``20-25 مايو`` / ``يومي 3 و4 أكتوبر`` →
    ``D1/D2``; the opening ``من``/``بين`` stays outside the span, ``يومي`` inside."""
    word, opened = g(m, "jw"), g(m, "open") or g(m, "dual")
    if opened == "يومي":
        opened = "بين"
    if word == "و" and opened != "بين" or word not in (None, "و") and opened != "من" or word is None and opened == "بين":
        return None
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    month, _sure = month_of(m, "a")  # type: ignore[misc]
    year, hijri = year_of(m, "a", ctx)
    if hijri or not d1 < d2:
        return None
    if year is None:
        year = implicit_year(m, ctx, month)
    a, b = R.date_value(year, month, d1), R.date_value(year, month, d2)
    if a is None or b is None:
        return None
    return Candidate(0, 0, "DATE", f"{a}/{b}", mod_of(m), extra=anaphor(m, "a"))
