"""Long periods: decades (``التسعينيات`` → ``199X``), centuries (``القرن العشرين`` → ``19XX``), millennia."""

from __future__ import annotations

import re

from analysis.timex import lexicon as lx
from analysis.timex import patterns as P
from analysis.timex.engine import Candidate, Context, rule
from analysis.timex.patterns import END, PRE, S, S0
from analysis.timex.rules.common import AGE_CUE, MODS, g, mod_of

_CENTURY = rf"(?:(?P<cth>هذا){S}القرن|القرن{S}(?:(?P<cord>{P.CENTURY_ORD})|(?:ال{S0})?(?P<cnum>[12]?\d)(?![\d.,/:])|(?P<cshift>{P.SHIFT})))"
_DECADE_STARTS = tuple(p + root + end for root in lx.DECADE_ROOTS for end in lx.DECADE_ENDINGS for p in ("", "ال"))


def _century(m: re.Match, ctx: Context) -> int | None:
    """The century number (20 = the 1900s) of a ``_CENTURY`` block, None when absent or unknown."""
    if g(m, "cord"):
        return P.CENTURY_OF[g(m, "cord")]  # type: ignore[index]
    if g(m, "cnum"):
        return int(g(m, "cnum"))  # type: ignore[arg-type]
    if ctx.dct is None:
        return None
    if g(m, "cth"):
        return ctx.dct.year // 100 + 1
    if g(m, "cshift"):
        return ctx.dct.year // 100 + 1 + P.SHIFT_OF[g(m, "cshift")]  # type: ignore[index]
    return None


@rule("decade", priority=250, starts=[MODS, _DECADE_STARTS],
      pattern=rf"{PRE}(?P<t>{P.MOD_PRE()}{P.DECADE}(?:{S}(?:من{S})?{_CENTURY})?){END}")
def _decade(m: re.Match, ctx: Context) -> Candidate | None:
    """``التسعينيات`` → ``199X`` (the latest such decade not after the dct), ``تسعينيات القرن الماضي``,
    ``أواخر الثمانينيات من القرن العشرين`` (mod END); not an age (``في الخمسينيات من عمره``)."""
    if re.match(rf"{S0}{P.AGE_AFTER}{END}", ctx.after(m.end("t"), 20)) or AGE_CUE.search(ctx.before(m.start("t"), 20)):
        return None
    tens = P.DECADE_OF[g(m, "dec")]  # type: ignore[index]
    century = _century(m, ctx)
    if century is not None:
        prefix: int | None = century - 1
    elif ctx.dct is not None:
        prefix = ctx.dct.year // 100
        if prefix * 100 + tens * 10 > ctx.dct.year:
            prefix -= 1
    else:
        prefix = None
    if prefix is not None and not 0 <= prefix <= 99:
        return None
    head = "XX" if prefix is None else f"{prefix:02d}"
    return Candidate(0, 0, "DATE", f"{head}{tens}X", mod_of(m))


@rule("century", priority=260, starts=[MODS, "القرن", "هذا"],
      pattern=rf"{PRE}(?P<t>{P.MOD_PRE()}{_CENTURY}){END}")
def _century_rule(m: re.Match, ctx: Context) -> Candidate | None:
    """``القرن العشرين`` → ``19XX``, ``القرن الحادي والعشرين`` / ``هذا القرن`` → ``20XX``, ``القرن الماضي``."""
    century = _century(m, ctx)
    if century is None or not 1 <= century <= 100:
        return None
    return Candidate(0, 0, "DATE", f"{century - 1:02d}XX", mod_of(m))


@rule("millennium", priority=270, starts=[MODS, "الألفية"],
      pattern=rf"{PRE}(?P<t>{P.MOD_PRE()}الالفيه(?:{S}(?P<mord>{P.MILLENNIUM_ORD})|{S}(?P<mthis>{P.MILLENNIUM_THIS}))?){END}")
def _millennium(m: re.Match, ctx: Context) -> Candidate | None:
    """``الألفية الثالثة`` → ``2XXX``; ``مطلع الألفية`` / ``الألفية الجديدة`` → the dct's millennium.

    A bare ``الألفية`` (أهداف الألفية, a name) needs a modifier or an adjective."""
    if g(m, "mord"):
        return Candidate(0, 0, "DATE", f"{P.MILLENNIUM_OF[g(m, 'mord')] - 1}XXX", mod_of(m))  # type: ignore[index]
    if not (g(m, "mthis") or g(m, "mod")) or ctx.dct is None:
        return None
    return Candidate(0, 0, "DATE", f"{ctx.dct.year // 1000}XXX", mod_of(m))
