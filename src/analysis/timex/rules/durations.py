"""Lengths of time (DURATION): ``11 عاما``, ``خلال شهر``, ``ربع قرن``, ``السنوات العشر الماضية``,
``ساعة و40 دقيقة`` (one compound length), ``لقرون`` (``PXCE``), ``أجلت أسبوعا``."""

from __future__ import annotations

import re

from analysis.timex import lexicon as lx
from analysis.timex import patterns as P
from analysis.timex.engine import DIGIT, Candidate, Context, rule
from analysis.timex.patterns import END, PRE, S, S0, norm, squash
from analysis.timex.rules.common import (
    AGE_CUE,
    APPROX,
    UNIT_ORDER,
    compound_value,
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
_LASTING = frozenset(norm(w) for w in lx.LASTING_VERBS)
_VERB_SUBJECT = re.compile(r"(\w+)[^\S\n]+ال\w+[^\S\n]*$")
_BEFORE_MIN = re.compile(r"(\w+)[^\S\n]+من[^\S\n]*$")
_MORE_LESS = frozenset(norm(w) for w in ("أكثر", "أقل", "وأكثر", "وأقل"))
_ADVERBIAL_ONE = frozenset(norm(w) for w in lx.ADVERBIAL_SINGULARS)
_DECADE_CONTEXT = frozenset(norm(w) for w in ("منذ", "خلال", "لمدة", "طيلة", "طوال", "نحو", "قرابة", "حوالي"))
_DIR_ADJ = rf"(?:{S}(?:القليله{S})?(?P<diradj>الماضيه|المقبله|القادمه|الاخيره|الماضيين|المقبلين|الاولي|الاولى|المنصرمه|الفائته|السابقه){END})?"
#: A fraction of a unit is counted in the next smaller unit: unit -> (smaller unit, how many).
_FRACTION_TO: dict[str, tuple[str, int]] = {"CE": ("Y", 100), "DE": ("Y", 10), "Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60)}


@rule("duration", priority=220, starts=[APPROX, "ال", DIGIT, NUMBER_WORD_STARTS, UNIT_STARTS, lx.VAGUE_QUANTIFIERS, lx.ADVERBIAL_PLURALS],
      pattern=rf"{PRE}(?P<t>(?:(?P<ap>{P.APPROX}){S})?{DURATION_SPEC}(?(num)|(?:{S}(?P<vadj>{P.VAGUE_DUR_ADJ}){END})?)(?:{S}(?P<ztail>{P.DURATION_TAIL}){END})?{_DIR_ADJ})")
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
        if (subject := _VERB_SUBJECT.search(ctx.before(m.start(), 40))) and subject.group(1).lstrip("وف") in _LASTING:
            prev = "خلال"  # "استغرقت الجراحة ساعة": a verb of lasting and its subject
        if g(m, "pl") and number_value(prev) is not None:
            return None  # "سبعة أشهر متواصلة": the count is part of the length
        if g(m, "one") and re.match(rf"{S0}\d", ctx.after(m.end("t"), 3)):
            return None  # سنة 3000: the year keyword, not one year
        if g(m, "pl") in P.SUPERLATIVE_PLURALS and (prev == "من" or ctx.next_word(m.end("t")).startswith("ال")):
            return None  # من أشهر كلماته: among the most famous
        more_less = _BEFORE_MIN.search(ctx.before(m.start(), 30))
        if prev == "من" and unit == "D" and not (more_less and more_less.group(1) in _MORE_LESS):
            prev = ""  # "من أيام الشارقة" (a festival's name); "أكثر من أيام" and "من سنوات" are lengths
        adverbial = adverbial or g(m, "one") in _ADVERBIAL_ONE
        if not (prev in _DUR_CONTEXT or lam or adverbial or tail or g(m, "vadj") or g(m, "wahid") or g(m, "ap")):
            return None
        if g(m, "pl") and unit in ("DE", "CE") and prev not in _DUR_CONTEXT and not (tail or lam):
            return None
        if lam and unit in ("DE", "CE") and (nxt := ctx.next_word(m.end("t"))) and (nxt.startswith("ال") or nxt in P.MONTH_OF):
            return None  # "لعقود نوفمبر", "لعقود النفط": contracts, not decades
        if g(m, "one") and unit in ("DE", "CE") and not g(m, "wahid") and prev not in _DECADE_CONTEXT and not tail:
            return None
    if amount is not None and g(m, "num") and amount == 0:
        return None
    if clitic.endswith("و") and g(m, "num") and m.group("t").startswith("ال"):
        return None  # "السابعة والخمسين ليلة": the end of an ordinal, not a count
    if (g(m, "dual") or "").startswith("ال") and ctx.next_word(m.end("t")) in P.ORDINAL_FIRST:
        return None  # القرنين العاشر والحادي عشر: two named centuries, not a length
    before = ctx.before(start, 30) if prev not in _DUR_CONTEXT else ""  # "لمدة ثلاث سنوات" is never an age
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


#: One part of a compound length: a number and a unit, a dual, or one unit.
_PART = rf"(?:(?:\d{{1,4}}|{P.NUMBER_WORDS}){S0}{P.UNIT_ANY_INDEF}|{P.UNIT_TWO}|{P.UNIT_ONE_INDEF})"
_PART_RX = re.compile(rf"^(?:(?P<num>\d{{1,4}}|{P.NUMBER_WORDS}){S0}(?P<u1>{P.UNIT_ANY_INDEF})|(?P<dual>{P.UNIT_TWO})|(?P<one>{P.UNIT_ONE_INDEF}))$")


def _part(text: str) -> tuple[int, str] | None:
    """(amount, unit) of one part of a compound length."""
    m = _PART_RX.match(squash(text))
    if m is None:
        return None
    if m.group("num"):
        amount = number_value(m.group("num"))
        return (amount, unit_code(m.group("u1"))[0]) if amount else None
    if m.group("dual"):
        return 2, unit_code(m.group("dual"))[0]
    return 1, unit_code(m.group("one"))[0]


@rule("compound_duration", priority=215, starts=[APPROX, DIGIT, NUMBER_WORD_STARTS, UNIT_STARTS],
      pattern=rf"{PRE}(?P<t>(?:(?P<ap>{P.APPROX}){S})?(?P<p1>{_PART}){END}{S}و{S0}(?P<p2>{_PART}){END}(?:{S}و{S0}(?P<p3>{_PART}){END})?)")
def _compound_duration(m: re.Match, ctx: Context) -> Candidate | None:
    """``نحو 5 ساعات و12 دقيقة و8 ثوانٍ`` → one DURATION ``PT5H12M8S`` (APPROX), ``سنتين وثلاثة أشهر`` →
    ``P2Y3M``: units from the largest to the smallest, each once."""
    parts = [_part(m.group(k)) for k in ("p1", "p2", "p3") if m.group(k)]
    if not all(parts):
        return None
    ranks = [UNIT_ORDER.index(u) for _n, u in parts]  # type: ignore[misc]
    if any(b <= a for a, b in zip(ranks, ranks[1:])) or any(u in ("DE", "CE") for _n, u in parts):  # type: ignore[misc]
        return None
    mod = "APPROX" if g(m, "ap") else None
    return Candidate(0, 0, "DURATION", compound_value(parts), mod)  # type: ignore[arg-type]
