"""Regex building blocks compiled from the lexicon (all in normalized spelling).

Each block is a function of a group-name prefix so a rule can use the same block twice
(``MONTH("a")`` and ``MONTH("b")`` in a range) without clashing group names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from analysis.text import ARTICLE_PATTERN, proclitic_pattern
from analysis.timex import lexicon as lx
from analysis.timex.normalize import normalize_word

#: One or more / zero or more spaces that never cross a line break.
S = r"[^\S\n]+"
S0 = r"[^\S\n]*"
#: Start of a word, with optional attached proclitics (و/ف then ب/ل/ك), which stay outside the span.
PRE = r"(?<!\w)" + proclitic_pattern()
#: End of a word.
END = r"(?!\w)"
#: The article, also in its short form after a clitic ل ("للعام" = ل + العام): the span then
#: starts after the first ل.
ART = ARTICLE_PATTERN


def norm(word: str) -> str:
    """A lexicon word in the normalized spelling the patterns match (see ``normalize.normalize_word``)."""
    return normalize_word(word)


def alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of normalized words, longest first; spaces match any spacing."""
    forms = sorted({norm(w) for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", S).replace(" ", S) for w in forms) + ")"


def lookup(table: Mapping[Any, Any], *, words: Literal["keys", "values"]) -> dict[str, Any]:
    """Normalized word -> value of a lexicon table; ``words`` says which side holds the words.

    ``words="keys"``: a ``{word: value}`` table, whatever the values are (tuples too, e.g.
    ``UNIT_FRACTIONS``); ``words="values"``: a ``{value: (word, ...)}`` table (``GREGORIAN_MONTHS``:
    month number -> spellings). A later word overrides an earlier one with the same normalized form.
    """
    out: dict[str, Any] = {}
    if words == "keys":
        for word, value in table.items():
            out[squash(norm(str(word)))] = value
    elif words == "values":
        for value, forms in table.items():
            for word in (forms,) if isinstance(forms, str) else forms:
                out[squash(norm(word))] = value
    else:
        raise ValueError(f"lookup: words must be 'keys' or 'values', not {words!r}")
    return out


def squash(text: str) -> str:
    """Collapse runs of spaces (to look up a multi-word match in a table)."""
    return " ".join(text.split())


# --- Lookup tables (normalized word -> value) ---------------------------------------------------

MONTH_OF: dict[str, int] = {**lookup(lx.GREGORIAN_MONTHS, words="values"), **lookup(lx.LEVANTINE_MONTHS, words="values")}
AMBIGUOUS_MONTHS = {squash(norm(w)) for w in lx.AMBIGUOUS_MONTHS}
HIJRI_MONTH_OF: dict[str, int] = lookup(lx.HIJRI_MONTHS, words="values")
AMBIGUOUS_HIJRI = {squash(norm(w)) for w in lx.AMBIGUOUS_HIJRI}
STRICT_HIJRI = {squash(norm(w)) for w in lx.STRICT_HIJRI}
WEEKDAY_OF: dict[str, int] = lookup(lx.WEEKDAYS, words="values")
RELDAY_OF: dict[str, int] = lookup(lx.RELATIVE_DAYS, words="keys")
POD_OF: dict[str, str] = lookup(lx.PARTS_OF_DAY, words="keys")
THIS_POD_OF: dict[str, str] = lookup(lx.THIS_PART_OF_DAY, words="keys")
CLOCK_MARK_OF: dict[str, str] = lookup(lx.CLOCK_MARKS, words="keys")
HOUR_OF: dict[str, int] = lookup(lx.HOUR_WORDS, words="keys")
FRACTION_OF: dict[str, int] = lookup(lx.HOUR_FRACTIONS, words="keys")
UNIT_NUMBER_OF: dict[str, int] = lookup(lx.UNIT_NUMBERS, words="keys")
TENS_OF: dict[str, int] = lookup(lx.TENS_NUMBERS, words="keys")
TEEN_HEAD_OF: dict[str, int] = lookup(lx.TEEN_HEADS, words="keys")
ORD_UNIT_OF: dict[str, int] = lookup(lx.ORDINAL_UNITS, words="keys")
ORD_TEN_HEAD_OF: dict[str, int] = lookup(lx.ORDINAL_TEN_HEADS, words="keys")
ORD_TENS_OF: dict[str, int] = lookup(lx.ORDINAL_TENS, words="keys")
PART_HEAD_OF: dict[str, str] = lookup(lx.YEAR_PART_HEADS, words="keys")
PART_ORD_OF: dict[str, int] = lookup(lx.PART_ORDINALS, words="keys")
FISCAL_OF: dict[str, int] = lookup(lx.FISCAL_HEADS, words="keys")
PERIOD_DAY_OF: dict[str, int] = lookup(lx.PERIOD_DAYS, words="keys")
MIRROR_OF: dict[str, str] = lookup(lx.MIRROR_HEADS, words="keys")
COUNT_HEAD_OF: dict[str, str] = lookup(lx.COUNT_HEADS, words="keys")
COUNT_ORDER_OF: dict[str, str] = lookup(lx.COUNT_ORDER, words="keys")
HIJRI_PERIOD_OF: dict[str, lx.HijriPeriod] = {squash(norm(p.name)): p for p in lx.HIJRI_PERIODS}
MOD_OF: dict[str, str] = lookup(lx.MODIFIERS, words="keys")
PERIOD_OF: dict[str, str] = lookup(lx.PERIOD_NOUNS, words="keys")
SHIFT_OF: dict[str, int] = lookup(lx.PERIOD_SHIFTS, words="keys")
VAGUE_OF: dict[str, str] = lookup(lx.VAGUE_REFS, words="keys")
VAGUE_FI_OF: dict[str, str] = lookup(lx.VAGUE_AFTER_FI, words="keys")
VAGUE_ADJ_OF: dict[str, str] = lookup(lx.VAGUE_PERIOD_ADJ, words="keys")
SET_OF: dict[str, str] = lookup(lx.SETS, words="keys")
ANAPHOR_OF: dict[str, int] = lookup(lx.ANAPHORIC_SHIFTS, words="keys")
WEEKDAY_ADJ_OF: dict[str, str] = lookup(lx.WEEKDAY_ADJ, words="keys")
RELDAY_BOUND_OF: dict[str, int] = lookup(lx.RELATIVE_DAYS_BOUND, words="keys")
FRACTION_UNIT_OF: dict[str, tuple[int, int]] = lookup(lx.UNIT_FRACTIONS, words="keys")
DECADE_OF: dict[str, int] = lookup(lx.DECADE_ROOTS, words="keys")
CENTURY_OF: dict[str, int] = lookup(lx.CENTURY_ORDINALS, words="keys")
MILLENNIUM_OF: dict[str, int] = lookup(lx.MILLENNIUM_ORDINALS, words="keys")
WEEK_OF_MONTH_OF: dict[str, int] = lookup(lx.WEEK_OF_MONTH, words="keys")
ADVERBIAL_OF: dict[str, str] = lookup(lx.ADVERBIAL_PLURALS, words="keys")
SEASON_OF: dict[str, str] = lookup(lx.SEASONS, words="keys")
SEASON_DEF_OF: dict[str, str] = lookup(lx.SEASONS_DEF, words="keys")
POD_DEF_OF: dict[str, str] = lookup(lx.PARTS_OF_DAY_DEF, words="keys")

UNIT_OF: dict[str, tuple[str, str]] = {}
for _code, _forms in lx.UNIT_FORMS.items():
    for _number, _words in _forms.items():
        for _w in _words:
            UNIT_OF[norm(_w)] = (_code, _number)
            if _number.startswith("adverb_"):  # an adverbial accusative counts as its plain number
                UNIT_OF[norm(_w)] = (_code, "plural" if _number == "adverb_plural" else "one")


def period_key(word: str) -> str:
    """The table form of a period noun matched with the short article (``لعام`` → ``العام``)."""
    word = squash(word)
    return word if word.startswith("ال") else "ا" + word


def unit_words(*numbers: str, definite: bool | None = None) -> list[str]:
    """Unit forms of the given grammatical numbers; ``definite`` filters on the article."""
    words = []
    for forms in lx.UNIT_FORMS.values():
        for number in numbers:
            for w in forms[number]:
                if definite is None or w.startswith("ال") == definite:
                    words.append(w)
    return words


# --- Alternations -----------------------------------------------------------------------------

MONTHS = alt(w for ws in (*lx.GREGORIAN_MONTHS.values(), *lx.LEVANTINE_MONTHS.values()) for w in ws)
HIJRI = alt(w for ws in lx.HIJRI_MONTHS.values() for w in ws)
WEEKDAY = alt(w for ws in lx.WEEKDAYS.values() for w in ws)
RELDAY = alt(lx.RELATIVE_DAYS)
POD = alt(lx.PARTS_OF_DAY)
THIS_POD = alt(lx.THIS_PART_OF_DAY)
CLOCK_MARK = alt(lx.CLOCK_MARKS)
#: Clock marks that are words (not the letters ص/م): enough to make an hour word a time alone.
CLOCK_MARK_WORD = alt(w for w in lx.CLOCK_MARKS if len(w) > 1)
HOUR_WORD = alt(lx.HOUR_WORDS)
FRACTION = alt(lx.HOUR_FRACTIONS)
MODS = alt(lx.MODIFIERS)
APPROX = alt(lx.APPROX_WORDS)
PERIOD = alt(lx.PERIOD_NOUNS)
#: A period noun, also with the short article after ل ("للعام الماضي").
PERIOD_ART = rf"{ART}" + alt(w[2:] for w in lx.PERIOD_NOUNS)
ANAPHOR = alt(lx.ANAPHORIC_SHIFTS)
WEEKDAY_ADJ = alt(lx.WEEKDAY_ADJ)
RELDAY_BOUND = alt(lx.RELATIVE_DAYS_BOUND)
FRACTION_UNIT = alt(lx.UNIT_FRACTIONS)
DURATION_TAIL = alt(lx.DURATION_TAILS)
DECADE = rf"(?:ال)?(?P<dec>{alt(lx.DECADE_ROOTS)})(?:{alt(lx.DECADE_ENDINGS)})"
CENTURY_ORD = alt(lx.CENTURY_ORDINALS)
MILLENNIUM_ORD = alt(lx.MILLENNIUM_ORDINALS)
MILLENNIUM_THIS = alt(lx.MILLENNIUM_THIS)
AGE_AFTER = alt(lx.AGE_AFTER)
NAME_HEADS = frozenset(norm(w) for w in lx.NAME_HEADS)
WEEK_ORD = alt(lx.WEEK_OF_MONTH)
BCE = alt(lx.BCE_AFTER)
NOT_TODAY_BEFORE = frozenset(norm(w) for w in lx.NOT_TODAY_BEFORE)
OUTLETS_BEFORE_TODAY = frozenset(norm(w) for w in lx.OUTLETS_BEFORE_TODAY)
SUPERLATIVE_PLURALS = frozenset(norm(w) for w in lx.SUPERLATIVE_PLURALS)
#: First words of ordinals (a definite dual before one is "the 10th and 11th centuries", not a length).
ORDINAL_FIRST = frozenset(norm(w).split()[0] for w in (*lx.ORDINAL_UNITS, *lx.ORDINAL_TEN_HEADS, *lx.ORDINAL_TENS, *lx.CENTURY_ORDINALS))
SHIFT = alt(lx.PERIOD_SHIFTS)
THIS = alt(lx.THIS_WORDS)
VAGUE = alt(lx.VAGUE_REFS)
VAGUE_FI = alt(lx.VAGUE_AFTER_FI)
VAGUE_PL = alt(lx.VAGUE_PERIOD_PLURALS)
VAGUE_ADJ = alt(lx.VAGUE_PERIOD_ADJ)
VAGUE_DUR_ADJ = alt(lx.VAGUE_DURATION_ADJ)
VAGUE_Q = alt(lx.VAGUE_QUANTIFIERS)
SETS = alt(lx.SETS)
SEASONS = alt(lx.SEASONS)
SEASONS_DEF = alt(lx.SEASONS_DEF)
POD_DEF = alt(lx.PARTS_OF_DAY_DEF)
POD_HOURS_ADJ = alt(lx.POD_HOURS_ADJ)
PART_HEAD = alt(lx.YEAR_PART_HEADS)
PART_ORD = alt(lx.PART_ORDINALS)
#: A fiscal-year noun, also with the short article after ل ("للعام المالي").
FISCAL = rf"{ART}" + alt(w[2:] for w in lx.FISCAL_HEADS)
SPORTS_HEAD = alt(lx.SPORTS_HEADS)
SPORTS_ADJ = alt(lx.SPORTS_ADJ)
PERIOD_DAY = alt(lx.PERIOD_DAYS)
MIRROR_HEAD = alt(lx.MIRROR_HEADS)
MIRROR_ADJ = alt(lx.MIRROR_ADJ)
COUNT_HEAD = alt(lx.COUNT_HEADS)
COUNT_ORDER = alt(lx.COUNT_ORDER)
HIJRI_PERIOD = alt(p.name for p in lx.HIJRI_PERIODS)

UNIT_ANY_INDEF = alt(unit_words("one", "two", "plural", definite=False))
UNIT_ONE_INDEF = alt(unit_words("one", definite=False))
UNIT_TWO = alt(unit_words("two"))
UNIT_PLURAL_INDEF = alt([*unit_words("plural", definite=False), *lx.ADVERBIAL_PLURALS])

_UNITS_1_10 = alt(lx.UNIT_NUMBERS)
_TENS = alt(lx.TENS_NUMBERS)
_TEEN_HEADS = alt(lx.TEEN_HEADS)
#: A cardinal number in words: "خمسة وعشرين", "اثني عشر", "ثلاثة", "عشرين".
NUMBER_WORDS = (
    rf"(?:{_UNITS_1_10}{S}و{S0}{_TENS}|{_TEEN_HEADS}{S}(?:عشر|عشره){END}|{_TENS}|{_UNITS_1_10})"
)

_ORD_UNITS = alt(lx.ORDINAL_UNITS)
_ORD_TEN_HEADS = alt(lx.ORDINAL_TEN_HEADS)
_ORD_TENS = alt(lx.ORDINAL_TENS)
#: A day of the month as an ordinal word: "الحادي والثلاثين", "الخامس عشر", "الأول".
ORDINAL_DAY = rf"(?:{_ORD_TEN_HEADS}{S}و{S0}{_ORD_TENS}|{_ORD_TEN_HEADS}{S}عشر{END}|{_ORD_TENS}|{_ORD_UNITS})"


def YEAR(p: str) -> str:
    """A 4-digit Gregorian year 1000-2199 (not part of a longer number)."""
    return rf"(?<![\d.,/:])(?P<{p}y>(?:1\d|2[01])\d\d)(?!\d|[.,/:]\d)"


def ERA(p: str) -> str:
    """Optional era suffix: م / ميلادي (Gregorian) or هـ / هجري (Hijri)."""
    return rf"(?:{S0}(?P<{p}era>م|ميلادي|ميلاديه|للميلاد|ه|هجري|هجريه|للهجره){END})?"


def MONTH(p: str) -> str:
    """A month name, optionally after شهر, optionally doubled (أيلول/سبتمبر, كانون الأول (ديسمبر))."""
    return (
        rf"(?:(?P<{p}shahr>شهر){S})?(?P<{p}m1>{MONTHS}){END}"
        rf"(?:{S0}/{S0}(?P<{p}m2>{MONTHS}){END}|{S0}\({S0}(?P<{p}m3>{MONTHS}){S0}\)|{S0}-{S0}(?P<{p}m4>{MONTHS}){END}"
        rf"|{S}(?P<{p}m5>{MONTHS}){END})?"
    )


def DAY(p: str) -> str:
    """A day of the month: digits or an ordinal word."""
    return rf"(?:(?:ال{S0})?(?<![\d.,/:])(?P<{p}d>[0-3]?\d)(?![\d.,/:])|(?P<{p}dw>{ORDINAL_DAY}){END})"


def YEAR_EXPR(p: str) -> str:
    """A year: [عام|العام|سنة] 2025 [م], هذا العام / العام الجاري|الماضي|المقبل, or العام نفسه|التالي
    (a year named earlier: resolved after selection, see ``grammar.resolve_anaphors``)."""
    return (
        rf"(?:(?:{ART}?عام|{ART}?سنه){S0})?{YEAR(p)}{ERA(p)}"
        rf"|(?P<{p}this>{THIS}{S}(?:العام|السنه)){END}"
        rf"|{ART}(?:عام|سنه){S}(?P<{p}ys>{SHIFT}){END}"
        rf"|{ART}(?:عام|سنه){S}(?P<{p}ana>{ANAPHOR}){END}"
    )


def MOD_PRE(p: str = "") -> str:
    """Optional modifier before a date (مطلع, منتصف, نهاية ...)."""
    return rf"(?:(?P<{p}mod>{MODS}){S})?"


def MONTH_REL(p: str) -> str:
    """Adjective after a month without year: الجاري, المقبل, الماضي ..."""
    return rf"(?P<{p}mrel>{SHIFT}){END}"

