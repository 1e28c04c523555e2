"""What the rule families share: match readers, value builders, sub-patterns and first-word lists.

Readers take a match of a pattern built from the ``patterns`` blocks (``MONTH("a")``,
``DAY("a")``, ``YEAR_EXPR("a")`` …) and return numbers; ``g`` reads any named group.
"""

from __future__ import annotations

import re

from analysis.timex import lexicon as lx
from analysis.timex import patterns as P
from analysis.timex import resolve as R
from analysis.timex.engine import Builder, Candidate, Context
from analysis.timex.patterns import END, S, S0, norm, squash

# --- Match readers -------------------------------------------------------------------------------


def g(m: re.Match, name: str) -> str | None:
    """A named group, space-squashed, or None (also when the pattern lacks the group)."""
    try:
        value = m.group(name)
    except IndexError:
        return None
    if not value:
        return None
    # the matching copy has only plain spaces: a value needs squashing only for runs or edges
    return squash(value) if "  " in value or value[0] == " " or value[-1] == " " else value


def number_value(text: str) -> int | None:
    """The integer of a cardinal in digits or words ("12", "خمسة وعشرين", "اثني عشر")."""
    text = squash(text)
    if text.startswith("ال"):
        text = text[2:].strip()
    if text.isdigit():
        return int(text)
    if text in P.UNIT_NUMBER_OF:
        return P.UNIT_NUMBER_OF[text]
    if text in P.TENS_OF:
        return P.TENS_OF[text]
    parts = text.split(" ")
    if len(parts) == 2 and parts[1] in ("عشر", "عشره") and parts[0] in P.TEEN_HEAD_OF:
        return 10 + P.TEEN_HEAD_OF[parts[0]]
    m = re.match(r"^(\w+) و ?(\w+)$", text)
    if m and m.group(1) in P.UNIT_NUMBER_OF and m.group(2) in P.TENS_OF:
        return P.UNIT_NUMBER_OF[m.group(1)] + P.TENS_OF[m.group(2)]
    return None


def ordinal_day(text: str) -> int | None:
    """The day number of an ordinal word ("الحادي والثلاثين" → 31)."""
    text = squash(text)
    if text in P.ORD_UNIT_OF:
        return P.ORD_UNIT_OF[text]
    if text in P.ORD_TENS_OF:
        return P.ORD_TENS_OF[text]
    parts = text.split(" ")
    if len(parts) == 2 and parts[1] == "عشر" and parts[0] in P.ORD_TEN_HEAD_OF:
        return 10 + P.ORD_TEN_HEAD_OF[parts[0]]
    m = re.match(r"^(\w+) و ?(\w+)$", text)
    if m and m.group(1) in P.ORD_TEN_HEAD_OF and m.group(2) in P.ORD_TENS_OF:
        return P.ORD_TEN_HEAD_OF[m.group(1)] + P.ORD_TENS_OF[m.group(2)]
    return None


def day_of(m: re.Match, p: str) -> int | None:
    """The day of the month of a ``DAY(p)`` block (digits or an ordinal word), None when absent."""
    if g(m, f"{p}d"):
        return int(g(m, f"{p}d"))  # type: ignore[arg-type]
    if g(m, f"{p}dw"):
        return ordinal_day(g(m, f"{p}dw"))  # type: ignore[arg-type]
    return None


def month_of(m: re.Match, p: str) -> tuple[int, bool] | None:
    """(month number, sure) from a MONTH block; ``sure`` is False for an ambiguous single name."""
    first = g(m, f"{p}m1")
    if not first:
        return None
    second = g(m, f"{p}m2") or g(m, f"{p}m3") or g(m, f"{p}m4") or g(m, f"{p}m5")
    if g(m, f"{p}m5") and P.MONTH_OF[g(m, f"{p}m5")] != P.MONTH_OF[first]:  # type: ignore[index]
        raise ValueError("two different months side by side are not a dual name")
    sure = bool(second) or bool(g(m, f"{p}shahr")) or first not in P.AMBIGUOUS_MONTHS
    return P.MONTH_OF[first], sure


def year_of(m: re.Match, p: str, ctx: Context) -> tuple[int | None, bool]:
    """(year, hijri) from a YEAR_EXPR block; year None when the block is absent."""
    if g(m, f"{p}y"):
        era = g(m, f"{p}era") or ""
        return int(g(m, f"{p}y")), era.startswith(("ه", "للهجر"))  # type: ignore[arg-type]
    if g(m, f"{p}this"):
        return (ctx.dct.year if ctx.dct else None), False
    if g(m, f"{p}ys"):
        return (ctx.dct.year + P.SHIFT_OF[g(m, f"{p}ys")] if ctx.dct else None), False  # type: ignore[index]
    if g(m, f"{p}ana"):
        return (ctx.dct.year + P.ANAPHOR_OF[g(m, f"{p}ana")] if ctx.dct else None), False  # type: ignore[index]
    return None, False


def implicit_year(m: re.Match, ctx: Context, month: int) -> int | None:
    """The year of a month named without one, from the ``MONTH_REL_A`` adjective (الماضي, المقبل …)
    or else the tense around the match (see ``resolve.month_year``)."""
    rel = g(m, "amrel")
    return R.month_year(ctx.dct, month, ctx.tense(m.start("t")), P.SHIFT_OF[rel] if rel else None)


def anaphor(m: re.Match, p: str, unit: str = "Y") -> dict:
    """``extra`` for a value whose year (or month, day) refers back: ``{"anaphor": (unit, shift)}``.

    The builder resolves it against the dct; ``grammar.resolve_anaphors`` later re-anchors it on
    the last date named before it in the same paragraph, when there is one.
    """
    word = g(m, f"{p}ana")
    return {"anaphor": (unit, P.ANAPHOR_OF[word])} if word else {}


def mod_of(m: re.Match, p: str = "") -> str | None:
    """The TIMEX3 mod of a ``MOD_PRE(p)`` block (START, MID, END), None when absent."""
    word = g(m, f"{p}mod")
    return P.MOD_OF.get(word) if word else None


def unit_code(word: str) -> tuple[str, str]:
    """(unit code, grammatical number) of a unit word ("أشهر" → ("M", "plural"))."""
    return P.UNIT_OF[squash(word)]


#: ISO 8601 designators of the time units (after ``T``) and of the date units.
TIME_UNITS = {"TH": "H", "TM": "M", "TS": "S"}
#: Units from the largest to the smallest (a compound length names them in this order).
UNIT_ORDER = ("CE", "DE", "Y", "M", "W", "D", "TH", "TM", "TS")


def duration_value(amount: int | None, unit: str, half: bool = False) -> str:
    """ISO 8601 / TIMEX3 duration; ``amount`` None is vague (``PXY``, ``PTXH``); decades and centuries
    keep their TIMEX3 units (``P2DE``, ``PXCE``) unless a half makes them years (``عقد ونصف`` → P15Y)."""
    if unit in ("DE", "CE"):
        if amount is not None and half:
            return f"P{amount * (10 if unit == 'DE' else 100) + (5 if unit == 'DE' else 50)}Y"
        return f"P{'X' if amount is None else amount}{unit}"
    time = unit in TIME_UNITS
    letter = TIME_UNITS.get(unit, unit)
    if amount is None:
        return f"PTX{letter}" if time else f"PX{letter}"
    if half:
        extra = {"Y": "6M", "M": "15D", "W": "3D12H", "D": "T12H", "TH": "30M", "TM": "30S", "TS": ""}[unit]
        if time:
            return f"PT{amount}{letter}{extra}"
        return f"P{amount}{letter}{extra}"
    return f"PT{amount}{letter}" if time else f"P{amount}{letter}"


def compound_value(parts: list[tuple[int, str]]) -> str:
    """One duration of several (amount, unit) parts, largest unit first: ``P2Y3M``, ``PT5H12M8S``."""
    date = "".join(f"{n}{u}" for n, u in parts if u not in TIME_UNITS)
    time = "".join(f"{n}{TIME_UNITS[u]}" for n, u in parts if u in TIME_UNITS)
    return "P" + date + (f"T{time}" if time else "")


def word_value(type_: str, table: dict[str, str], group: str = "w") -> Builder:
    """A builder for rules that only look a word up: the ``table`` value of group ``group``
    (``يوميا`` → SET ``P1D``)."""

    def build(m: re.Match, ctx: Context) -> Candidate | None:
        return Candidate(0, 0, type_, table[g(m, group)])  # type: ignore[index]

    return build


# --- Days named by a relative word or a weekday ------------------------------------------------------

#: An adjective after a weekday: الماضي (strictly before the dct) / المقبل (strictly after).
WEEKDAY_ADJ = rf"(?P<wadj>{P.WEEKDAY_ADJ}){END}"


def weekday_direction(m: re.Match, ctx: Context) -> str:
    """Which occurrence of a weekday a match means: its adjective's, else by the tense around it."""
    adj = g(m, "wadj")
    if adj:
        return P.WEEKDAY_ADJ_OF[adj]
    return "future" if ctx.tense(m.start("t")) == "future" else "past"


def named_day(m: re.Match, ctx: Context, rd: str, wd: str) -> str:
    """The day of a relative-day word (group ``rd``: ``اليوم``, ``غد``) or of a weekday name (group ``wd``)."""
    word = g(m, rd)
    if word:
        return R.shift_days(ctx.dct, P.RELDAY_OF.get(word, P.RELDAY_BOUND_OF.get(word, 0)))
    return R.weekday_date(ctx.dct, P.WEEKDAY_OF[g(m, wd)], weekday_direction(m, ctx))  # type: ignore[index]


# --- Months without a year -------------------------------------------------------------------------

#: The adjective after a month without a year in block ``a`` (``أيلول الماضي``): see ``implicit_year``.
MONTH_REL_A = P.MONTH_REL("a")

# --- Lengths of time -------------------------------------------------------------------------------

_DUR_NUM = rf"(?:ال{S0})?(?P<num>\d{{1,4}}|{P.NUMBER_WORDS}(?=\s)){S0}(?P<u1>{P.UNIT_ANY_INDEF})"  # ستعقد is not ست + عقد
#: A length of time: a number and a unit, a dual, a vague quantity and a plural, a bare plural or a
#: single unit (``واحد``), each optionally ``ونصف``; read with ``duration_spec``.
DURATION_SPEC = (
    rf"(?:{_DUR_NUM}|(?P<dual>{P.UNIT_TWO})|(?P<vq>{P.VAGUE_Q}){S}(?P<u3>{P.UNIT_PLURAL_INDEF})"
    rf"|(?P<pl>{P.UNIT_PLURAL_INDEF})|(?P<one>{P.UNIT_ONE_INDEF})(?:{S}(?P<wahid>واحد|واحده))?){END}"
    rf"(?:{S}(?P<half>ونصف|و{S}نصف){END})?"
)


def duration_spec(m: re.Match) -> tuple[int | None, str, bool]:
    """(amount or None when vague, unit code, half) of a ``DURATION_SPEC`` match.

    Raises ValueError for a number it cannot read (the rule then rejects the match)."""
    half = bool(g(m, "half"))
    if g(m, "num"):
        amount = number_value(g(m, "num"))  # type: ignore[arg-type]
        if amount is None:
            raise ValueError(f"not a number: {g(m, 'num')!r}")
        return amount, unit_code(g(m, "u1"))[0], half  # type: ignore[arg-type]
    if g(m, "dual"):
        return 2, unit_code(g(m, "dual"))[0], half  # type: ignore[arg-type]
    if g(m, "u3"):
        return None, unit_code(g(m, "u3"))[0], False  # type: ignore[arg-type]
    if g(m, "pl"):
        return None, unit_code(g(m, "pl"))[0], False  # type: ignore[arg-type]
    if g(m, "one"):
        return 1, unit_code(g(m, "one"))[0], half  # type: ignore[arg-type]
    raise ValueError("no length of time in the match")


#: Words that make a number of years an age ("البالغ من العمر 45 عاما").
AGE_CUE = re.compile("|".join(re.escape(norm(w)) for w in lx.AGE_CUES))

# --- First words of the rules (for the scanner) --------------------------------------------------

MODS = tuple(lx.MODIFIERS)
APPROX = lx.APPROX_WORDS
ORDINALS = (*lx.ORDINAL_UNITS, *lx.ORDINAL_TEN_HEADS, *lx.ORDINAL_TENS)
MONTH_WORDS = (*lx.GREGORIAN_MONTHS.values(), *lx.LEVANTINE_MONTHS.values())
HIJRI_WORDS = tuple(lx.HIJRI_MONTHS.values())
WEEKDAY_WORDS = tuple(lx.WEEKDAYS.values())
NUMBER_WORD_STARTS = (*lx.UNIT_NUMBERS, *lx.TENS_NUMBERS, *lx.TEEN_HEADS)
NUMBER_WORD_STARTS += tuple("ال" + w for w in NUMBER_WORD_STARTS)  # "التسع أشهر الماضية"
UNIT_STARTS = tuple(w for forms in lx.UNIT_FORMS.values() for ws in forms.values() for w in ws)
