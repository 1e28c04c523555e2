"""Lengths of time (DURATION): ``11 عاما``, ``خلال شهر``, ``ربع قرن``, ``السنوات العشر الماضية``."""

from __future__ import annotations

import re

from analysis.timex import lexicon as lx
from analysis.timex import patterns as P
from analysis.timex.engine import DIGIT, Candidate, Context, rule
from analysis.timex.patterns import END, PRE, S, S0, norm
from analysis.timex.rules.common import (
    AGE_CUE,
    APPROX,
    DURATION_SPEC,
    NUMBER_WORD_STARTS,
    UNIT_STARTS,
    duration_spec,
    duration_value,
    g,
    number_value,
    unit_code,
)

_DUR_CONTEXT = frozenset(norm(w) for w in lx.DURATION_CONTEXT) | {"من", "مدى", "مدار"}
_DECADE_CONTEXT = frozenset(norm(w) for w in ("منذ", "خلال", "لمدة", "طيلة", "طوال", "نحو", "قرابة", "حوالي"))
_DIR_ADJ = rf"(?:{S}(?:القليله{S})?(?P<diradj>الماضيه|المقبله|القادمه|الاخيره|الماضيين|المقبلين|الاولي|الاولى|المنصرمه|الفائته|السابقه){END})?"
#: A fraction of a unit is counted in the next smaller unit: unit -> (smaller unit, how many).
_FRACTION_TO: dict[str, tuple[str, int]] = {"CE": ("Y", 100), "DE": ("Y", 10), "Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60)}


@rule("duration", priority=220, starts=[APPROX, "ال", DIGIT, NUMBER_WORD_STARTS, UNIT_STARTS, lx.VAGUE_QUANTIFIERS, lx.ADVERBIAL_PLURALS],
      pattern=rf"{PRE}(?P<t>(?:(?P<ap>{P.APPROX}){S})?{DURATION_SPEC}(?:{S}(?P<vadj>{P.VAGUE_DUR_ADJ}){END})?(?:{S}(?P<ztail>{P.DURATION_TAIL}){END})?{_DIR_ADJ})")
def _duration(m: re.Match, ctx: Context) -> Candidate | None:
    """``11 عاما`` → P11Y, ``ثلاثة أشهر``, ``عامين``, ``خلال شهر`` → P1M, ``سنوات طويلة`` → PXY."""
    amount, unit, half = duration_spec(m)
    start = m.start("t")
    prev = ctx.prev_word(m.start())
    clitic = m.group(0)[: start - m.start()]
    if g(m, "pl") or g(m, "one"):
        # a bare unit is a duration only after خلال/منذ/لمدة..., a clitic ل, with an adjective,
        # with "من الزمن", or as an adverbial accusative plural ("استمرت أشهرا")
        lam = clitic.endswith("ل") and bool(g(m, "pl"))  # "لسنوات" = for years; "لعام" is often "for the year"
        adverbial = g(m, "pl") in P.ADVERBIAL_OF
        tail = bool(g(m, "ztail"))
        if prev[:1] in ("و", "ف") and prev[1:] in _DUR_CONTEXT:
            prev = prev[1:]  # وقبل, وخلال
        if g(m, "one") and re.match(rf"{S0}\d", ctx.after(m.end("t"), 3)):
            return None  # سنة 3000: the year keyword, not one year
        if g(m, "pl") in P.SUPERLATIVE_PLURALS and (prev == "من" or ctx.next_word(m.end("t")).startswith("ال")):
            return None  # من أشهر كلماته: among the most famous
        if not (prev in _DUR_CONTEXT or lam or adverbial or tail or g(m, "vadj") or g(m, "wahid") or g(m, "ap")):
            return None
        if g(m, "pl") and unit in ("DE", "CE") and prev not in _DUR_CONTEXT and not tail:
            return None
        if g(m, "one") and unit in ("DE", "CE") and not g(m, "wahid") and prev not in _DECADE_CONTEXT and not tail:
            return None
    if amount is not None and g(m, "num") and amount == 0:
        return None
    if (g(m, "dual") or "").startswith("ال") and ctx.next_word(m.end("t")) in P.ORDINAL_FIRST:
        return None  # القرنين العاشر والحادي عشر: two named centuries, not a length
    before = ctx.before(start, 30)
    if unit == "Y" and (AGE_CUE.search(before) or before.rstrip().endswith("(") and ctx.after(m.end("t"), 2).lstrip().startswith(")")):
        return None  # an age
    if unit == "Y" and ctx.after(m.end("t"), 12).strip().startswith("من العمر"):
        return None
    mod = "APPROX" if g(m, "ap") else None
    return Candidate(0, 0, "DURATION", duration_value(amount, unit, half), mod)


@rule("fraction_duration", priority=230, starts=[APPROX, lx.UNIT_FRACTIONS],
      pattern=rf"{PRE}(?P<t>(?:(?P<ap>{P.APPROX}){S})?(?P<fr>{P.FRACTION_UNIT}){S}(?P<u>{P.UNIT_ONE_INDEF})(?:{S}(?P<ztail>{P.DURATION_TAIL}))?){END}")
def _fraction_duration(m: re.Match, ctx: Context) -> Candidate | None:
    """``ربع قرن`` → P25Y, ``نصف ساعة`` → PT30M, ``نصف عام`` → P6M (in the next smaller unit)."""
    num, den = P.FRACTION_UNIT_OF[g(m, "fr")]  # type: ignore[index]
    smaller, size = _FRACTION_TO[unit_code(g(m, "u"))[0]]  # type: ignore[arg-type]
    if (num * size) % den:
        return None
    mod = "APPROX" if g(m, "ap") else None
    return Candidate(0, 0, "DURATION", duration_value(num * size // den, smaller), mod)


@rule("counted_period", priority=240, starts=[lx.VAGUE_PERIOD_PLURALS],
      pattern=rf"{PRE}(?P<t>(?P<pl>{P.VAGUE_PL}){S}(?P<num>ال{S0}?\d{{1,3}}|ال{P.NUMBER_WORDS}){END}{S}(?P<adj>{P.VAGUE_ADJ}){END})")
def _counted_period(m: re.Match, ctx: Context) -> Candidate | None:
    """``السنوات العشر الماضية`` → P10Y, ``الأيام الثلاثة المقبلة`` → P3D (a counted span: a duration)."""
    amount = number_value(g(m, "num"))  # type: ignore[arg-type]
    plural = g(m, "pl")
    code = unit_code(plural)[0] if plural in P.UNIT_OF else None  # type: ignore[operator]
    if amount is None or code is None:
        return None
    return Candidate(0, 0, "DURATION", duration_value(amount, code))
