"""Vague references (``الآن`` → PRESENT_REF, ``مؤخرا`` → PAST_REF, ``الأيام المقبلة`` → FUTURE_REF)."""

from __future__ import annotations

import re

from analysis.timex import lexicon as lx
from analysis.timex import patterns as P
from analysis.timex.engine import Candidate, Context, rule
from analysis.timex.patterns import END, PRE, S, S0, norm
from analysis.timex.rules.common import g, word_value

_NOT_VAGUE_AFTER = frozenset(norm(w) for w in lx.NOT_VAGUE_AFTER)
#: References cancelled by من/على after them (``قريبا من`` = near to, ``وقت سابق من اليوم``).
_BLOCKABLE = frozenset(norm(w) for w in ("قريبا", "وقت سابق", "وقت لاحق", "سابقا", "لاحقا"))


@rule("vague_ref", priority=310, starts=[lx.VAGUE_REFS],
      pattern=rf"{PRE}(?P<t>(?P<w>{P.VAGUE})){END}(?P<blk>{S}(?:من|علي){END})?")
def _vague_ref(m: re.Match, ctx: Context) -> Candidate | None:
    """``الآن``/``حاليا`` → PRESENT_REF, ``مؤخرا``/``في وقت سابق`` → PAST_REF, ``قريبا`` → FUTURE_REF."""
    word = g(m, "w")
    if g(m, "blk") and word in _BLOCKABLE:
        return None
    if word == "الان" and ctx.surface(m.start("t"), m.end("t")).startswith("آ"):
        return None  # آلان = Alain, not الآن
    if ctx.prev_word(m.start("t")) in _NOT_VAGUE_AFTER:
        return None  # أخبار الآن (a news outlet)
    return Candidate(0, 0, "DATE", P.VAGUE_OF[word])  # type: ignore[index]


#: ``في الماضي`` → PAST_REF, ``في المستقبل`` → FUTURE_REF (the preposition stays outside).
rule("vague_after_fi", priority=320, starts=["في"],
     pattern=rf"(?<!\w)[وف]?في{S}(?P<t>(?P<w>{P.VAGUE_FI})){END}(?!{S}(?:القريب|البعيد))")(word_value("DATE", P.VAGUE_FI_OF))


#: ``الأيام المقبلة`` → FUTURE_REF, ``الأيام القليلة الماضية`` / ``الأشهر الأخيرة`` → PAST_REF.
rule("vague_period", priority=330, starts=[lx.VAGUE_PERIOD_PLURALS],
     pattern=rf"{PRE}(?P<t>(?P<pl>{P.VAGUE_PL}){S}(?:(?:القليله|الكثيره|العديده){S})?(?P<adj>{P.VAGUE_ADJ})){END}")(
    word_value("DATE", P.VAGUE_ADJ_OF, group="adj"))


@rule("truncated_coming_days", priority=340, starts=["خلال"],
      pattern=rf"(?<!\w)[وف]?خلال{S}(?P<t>الايام)(?={S0}(?:\.\.\.?|…))")
def _truncated_coming_days(m: re.Match, ctx: Context) -> Candidate | None:
    """A teaser cut after ``خلال الأيام...``: the days to come (FUTURE_REF)."""
    return Candidate(0, 0, "DATE", "FUTURE_REF")
