"""Property tests: on arbitrary text the grammar never raises, offsets are exact, values are ISO."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.timex import find_timexes
from analysis.timex import lexicon as lx

_D = r"(?:\d|X)"
_DATE = rf"{_D}{{4}}(?:-{_D}{{2}}(?:-{_D}{{2}})?|-W{_D}{{2}}|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?"
_TIME = rf"{_D}{{4}}-{_D}{{2}}-{_D}{{2}}T(?:MO|AF|EV|NI|\d\d:\d\d)"
_DURATION = (
    r"P(?:(?:\d+|X)Y)?(?:(?:\d+|X)M)?(?:(?:\d+|X)W)?(?:(?:\d+|X)D)?(?:T(?:(?:\d+|X)H)?(?:(?:\d+|X)M)?(?:(?:\d+|X)S)?)?"
    r"|P(?:\d+|X)(?:DE|CE)"  # decades and centuries keep their TIMEX3 units (عقدين -> P2DE)
)
VALUE = re.compile(rf"^(?:{_DATE}|{_DATE}/{_DATE}|{_TIME}|{_TIME}/{_TIME}|{_DURATION}|PRESENT_REF|PAST_REF|FUTURE_REF)$")


def valid_value(value: str) -> bool:
    if not VALUE.match(value) or value in ("P", "PT"):
        return False
    for part in value.split("/"):
        if re.match(r"^\d{4}-\d\d-\d\d", part):
            dt.date.fromisoformat(part[:10])  # a real calendar day (raises otherwise)
        elif re.match(r"^\d{4}-\d\d$", part) and not 1 <= int(part[5:7]) <= 12:
            return False
        elif re.match(r"^\d{4}-W\d\d$", part) and not 1 <= int(part[6:8]) <= 53:
            return False
    return True


# Text built from the grammar's own words, digits in three scripts and punctuation, so that
# random draws hit the rules (plain random unicode almost never would).
WORDS = sorted(
    {w for ws in lx.GREGORIAN_MONTHS.values() for w in ws}
    | {w for ws in lx.LEVANTINE_MONTHS.values() for w in ws}
    | {w for ws in lx.HIJRI_MONTHS.values() for w in ws}
    | {w for ws in lx.WEEKDAYS.values() for w in ws}
    | set(lx.RELATIVE_DAYS) | set(lx.PARTS_OF_DAY) | set(lx.MODIFIERS) | set(lx.VAGUE_REFS)
    | set(lx.PERIOD_NOUNS) | set(lx.PERIOD_SHIFTS) | set(lx.SETS) | set(lx.UNIT_NUMBERS)
    | {w for forms in lx.UNIT_FORMS.values() for ws in forms.values() for w in ws}
    | set(lx.ANAPHORIC_SHIFTS) | set(lx.WEEKDAY_ADJ) | set(lx.RELATIVE_DAYS_BOUND) | set(lx.UNIT_FRACTIONS)
    | set(lx.ADVERBIAL_PLURALS) | set(lx.CENTURY_ORDINALS) | set(lx.MILLENNIUM_ORDINALS) | set(lx.WEEK_OF_MONTH)
    | {"ال" + r + e for r in lx.DECADE_ROOTS for e in lx.DECADE_ENDINGS} | set(lx.HOUR_WORDS) | set(lx.NAME_HEADS)
    | set(lx.YEAR_PART_HEADS) | set(lx.PART_ORDINALS) | set(lx.FISCAL_HEADS) | set(lx.SPORTS_HEADS) | set(lx.PERIOD_DAYS)
    | set(lx.MIRROR_HEADS) | set(lx.MIRROR_ADJ) | set(lx.COUNT_HEADS) | set(lx.COUNT_ORDER) | set(lx.POD_ADVERBS)
    | {p.name for p in lx.HIJRI_PERIODS} | set(lx.QUOTED_NAME_HEADS) | set(lx.FREQUENCY_COUNTS) | set(lx.SCHEDULE_VERBS)
    | {"في", "من", "إلى", "بين", "و", "قبل", "بعد", "عام", "هـ", "م", "الساعة", "القرن", "الألفية", "الأسبوع", "للعام", "الزمن", "2014", "٢٠٢٥", "۱۴۴۶",
       "31", "12", "8:47", "1446", "2025/12/31", "31.12.2025", "–", "/", "(", ")", "،", ".", "\n", "ـ", "ً",
       "يومي", "فصلي", "الموافق", "حتى", "هذا", "اليوم الأخير", "عمليتين", "«", "»", "\"", "1445/7/8هـ", "8 / 7 / 1445هـ"}
)
PIECE = st.one_of(st.sampled_from(WORDS), st.text(max_size=4), st.integers(0, 3000).map(str))
ARABICISH = st.lists(PIECE, max_size=40).map(lambda ps: " ".join(ps))
DCTS = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(st.text(), ARABICISH), dct=DCTS)
def test_never_raises_and_offsets_hold(text: str, dct: dt.date | None) -> None:
    found = find_timexes(text, dct)
    previous_end = -1
    for t in found:
        assert text[t.start : t.end] == t.text
        assert t.start >= previous_end  # in order, not overlapping
        previous_end = t.end
        assert "\n" not in t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert valid_value(t.value), t
        assert t.mod in (None, "START", "MID", "END", "APPROX")


def test_value_checker_can_fail() -> None:
    assert not valid_value("2025-13")
    assert not valid_value("yesterday")
    assert valid_value("2014/2017") and valid_value("P11Y") and valid_value("2025-12-31TEV")
