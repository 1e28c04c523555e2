"""The words of Arabic time expressions, as readable tables (written in ordinary spelling).

Patterns are compiled from these tables after the same length-preserving normalization that is
applied to the text (أ/إ/آ→ا, ى→ي, ة→ه, diacritics and tatweel ignored), so spelling variants
that differ only by hamza or teh marbuta need not be listed twice. The month names, number words,
units, parts of the year, calendar phrases, tense cues and Hijri periods are data files
(``analysis/data/timex_*.tsv``), read once at import with ``analysis.resources.read_dicts``.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.resources import read_dicts

_MONTH_ROWS = read_dicts("timex_months.tsv")
_NUMBER_ROWS = read_dicts("timex_numbers.tsv")
_UNIT_ROWS = read_dicts("timex_units.tsv")
_PART_ROWS = read_dicts("timex_year_parts.tsv")
_PHRASE_ROWS = read_dicts("timex_calendar_phrases.tsv")
_TENSE_ROWS = read_dicts("timex_tense.tsv")
_HIJRI_PERIOD_ROWS = read_dicts("timex_hijri_periods.tsv")


def _months(system: str) -> dict[int, tuple[str, ...]]:
    """Month number -> spellings of one calendar system, in file order."""
    table: dict[int, list[str]] = {}
    for row in _MONTH_ROWS:
        if row["system"] == system:
            table.setdefault(int(row["month"]), []).append(row["word"])
    return {month: tuple(words) for month, words in table.items()}


def _flagged(systems: tuple[str, ...], flag: str) -> frozenset[str]:
    """Month names of ``systems`` whose ``flag`` column (``ambiguous``, ``strict``) says yes."""
    return frozenset(row["word"] for row in _MONTH_ROWS if row["system"] in systems and row[flag] == "yes")


def _numbers(table: str) -> dict[str, int]:
    """Word -> value of one number table, in file order."""
    return {row["word"]: int(row["value"]) for row in _NUMBER_ROWS if row["table"] == table}


def _kind(rows: list[dict[str, str]], kind: str) -> dict[str, str]:
    """Word -> value of the rows of one ``kind`` of a ``kind, word, value`` table, in file order."""
    return {row["word"]: row["value"] for row in rows if row["kind"] == kind}


def _words(rows: list[dict[str, str]], kind: str) -> tuple[str, ...]:
    """The words of one ``kind`` of a ``kind, word`` table, in file order."""
    return tuple(row["word"] for row in rows if row["kind"] == kind)


def _units() -> dict[str, dict[str, tuple[str, ...]]]:
    """Unit code -> grammatical number -> spellings (``timex_units.tsv``), in file order."""
    table: dict[str, dict[str, list[str]]] = {}
    for row in _UNIT_ROWS:
        table.setdefault(row["unit"], {}).setdefault(row["number"], []).append(row["word"])
    return {unit: {number: tuple(words) for number, words in forms.items()} for unit, forms in table.items()}


def _ordinal(value: str) -> int:
    """A part ordinal's number (``last`` is -1: the last part of the year)."""
    return -1 if value == "last" else int(value)


@dataclass(frozen=True)
class HijriPeriod:
    """A named period of the Hijri year: days ``first``..``last`` (None: the month's last day) of ``month``."""

    name: str
    month: int
    first: int
    last: int | None


def _hijri_periods() -> tuple[HijriPeriod, ...]:
    """The rows of ``timex_hijri_periods.tsv``."""
    return tuple(
        HijriPeriod(r["name"], int(r["month"]), int(r["first"]), None if r["last"] == "end" else int(r["last"]))
        for r in _HIJRI_PERIOD_ROWS
    )


# --- Months (data/timex_months.tsv) ------------------------------------------------------------

#: Gregorian month names used in Egypt / the Gulf / the Maghreb, by month number.
GREGORIAN_MONTHS: dict[int, tuple[str, ...]] = _months("gregorian")

#: Levantine / Iraqi (Syriac) month names, by month number.
LEVANTINE_MONTHS: dict[int, tuple[str, ...]] = _months("levantine")

#: Month names that are also ordinary words (مارس "practised", آب "father", ماي, أوت...): they
#: count as months only with a day, a year, a second month name (dual form) or the word شهر.
AMBIGUOUS_MONTHS: frozenset[str] = _flagged(("gregorian", "levantine"), "ambiguous")

#: Words before an ambiguous month name alone that make it a month ("في نيسان", "منذ آب").
MONTH_CONTEXT_BEFORE: tuple[str, ...] = (
    "في", "منذ", "حتى", "خلال", "بحلول", "قبل", "بعد", "وفي", "ومنذ", "وحتى", "مطلع", "بداية", "نهاية",
    "أواخر", "أوائل", "منتصف", "لغاية", "شهري",
)  # fmt: skip

#: Hijri month names, by month number.
HIJRI_MONTHS: dict[int, tuple[str, ...]] = _months("hijri")

#: Hijri months that are ordinary words too (صفر "zero", رجب a first name): need a day or a year.
AMBIGUOUS_HIJRI: frozenset[str] = _flagged(("hijri",), "ambiguous")

#: Hijri months that need a year or the word شهر even with a day ("1 صفر" is a football score).
STRICT_HIJRI: frozenset[str] = _flagged(("hijri",), "strict")

# --- Days --------------------------------------------------------------------------------------

#: Weekday names (with the article), by Python weekday number (Monday = 0).
WEEKDAYS: dict[int, tuple[str, ...]] = {
    0: ("الإثنين", "الاثنين", "الأثنين"),
    1: ("الثلاثاء", "الثلاثا"),
    2: ("الأربعاء", "الاربعاء"),
    3: ("الخميس",),
    4: ("الجمعة",),
    5: ("السبت",),
    6: ("الأحد",),
}

#: Day references relative to the article date: word -> offset in days.
RELATIVE_DAYS: dict[str, int] = {
    "اليوم": 0, "أمس": -1, "الأمس": -1, "البارحة": -1, "أمس الأول": -2, "أول أمس": -2,
    "أول من أمس": -2, "غدا": 1, "غداً": 1, "الغد": 1, "بعد غد": 2, "بعد الغد": 2,
}  # fmt: skip

#: Day words that count only after a part of day or يوم ("مساء غد", "يوم غد"): "غد" alone is
#: too often "the future" ("غد أفضل").
RELATIVE_DAYS_BOUND: dict[str, int] = {"غد": 1}

#: Words after اليوم that make it "the day" of something else, not the report's day.
NOT_TODAY_AFTER: tuple[str, ...] = ("التالي", "السابق", "نفسه", "ذاته", "الأول", "الثاني", "الثالث", "الأخير", "الذي", "التي")
#: Words before اليوم that make it the name of a news outlet ("روسيا اليوم"); any word does
#: when the two are bracketed or quoted ("(بغداد اليوم)").
OUTLETS_BEFORE_TODAY: tuple[str, ...] = ("روسيا", "أخبار", "اخبار")

#: Words before اليوم that make it "that day", not the report's day ("في ذلك اليوم").
NOT_TODAY_BEFORE: tuple[str, ...] = ("ذلك", "تلك", "هذا")

#: Words after a year or century that put it before the Common Era (no ISO value: not marked).
BCE_AFTER: tuple[str, ...] = ("ق.م", "ق. م", "ق م", "قبل الميلاد")

# --- Parts of the day -------------------------------------------------------------------------

#: Part-of-day words -> TIMEX3 part-of-day code.
PARTS_OF_DAY: dict[str, str] = {
    "صباح": "MO", "فجر": "MO", "ضحى": "MO", "ظهر": "AF", "ظهيرة": "AF", "عصر": "AF",
    "مساء": "EV", "ليلة": "NI", "ليل": "NI", "منتصف ليل": "NI", "منتصف ليلة": "NI", "قبل ظهر": "MO",
    "قبيل ظهر": "MO", "بعد ظهر": "AF", "بعيد ظهر": "AF",
    # Maghreb usage: زوال (noon, afternoon), صبيحة (morning), عشية (evening)
    "زوال": "AF", "بعد زوال": "AF", "صبيحة": "MO", "عشية": "EV",
}  # fmt: skip

#: Parts of the day with the article, after ساعات ("ساعات الصباح الأولى" = early this morning).
PARTS_OF_DAY_DEF: dict[str, str] = {
    "الصباح": "MO", "الفجر": "MO", "الظهر": "AF", "الظهيرة": "AF", "العصر": "AF", "المساء": "EV", "الليل": "NI",
}  # fmt: skip
#: Adjectives after "ساعات <part of day>".
POD_HOURS_ADJ: tuple[str, ...] = ("الأولى", "الأخيرة", "الباكرة", "المتأخرة")

#: Stand-alone part-of-day words meaning "this ...": word -> code (resolved on the dct).
THIS_PART_OF_DAY: dict[str, str] = {
    "الليلة": "NI", "هذا الصباح": "MO", "هذا المساء": "EV", "هذه الليلة": "NI",
    "الليلة الماضية": "NI",  # last night: the day before the dct
}  # fmt: skip

#: Words after a clock time: am/pm marks and parts of day -> "am" / "pm" / "noon".
CLOCK_MARKS: dict[str, str] = {
    "ص": "am", "صباحا": "am", "صباح": "am", "فجرا": "am", "م": "pm", "مساء": "pm",
    "مساءا": "pm", "ليلا": "night", "عصرا": "pm", "ظهرا": "noon", "بعد الظهر": "pm",
    "زوالا": "noon", "بعد الزوال": "pm",
}  # fmt: skip

#: Parts of the day with the article that are a TIME alone after a preposition ("في المساء", "خلال
#: الليل"); not العصر (also "the era") nor الظهر.
POD_ALONE_DEF: dict[str, str] = {"الصباح": "MO", "الفجر": "MO", "المساء": "EV", "الليل": "NI", "منتصف الليل": "NI"}

#: Parts of the day said alone, as adverbs ("ستكون السماء صافية ليلا"): a TIME on the day of the
#: sentence ("مساء" only with its tanwin or before punctuation).
POD_ADVERBS: dict[str, str] = {
    "ليلا": "NI", "صباحا": "MO", "فجرا": "MO", "ظهرا": "AF", "عصرا": "AF", "زوالا": "AF", "مساء": "EV",
    "مساءا": "EV", "بعد الظهر": "AF", "بعد الزوال": "AF",
}  # fmt: skip

#: Clock hours written as words ("الساعة الثامنة").
HOUR_WORDS: dict[str, int] = {
    "الواحدة": 1, "الثانية": 2, "الثالثة": 3, "الرابعة": 4, "الخامسة": 5, "السادسة": 6,
    "السابعة": 7, "الثامنة": 8, "التاسعة": 9, "العاشرة": 10, "الحادية عشرة": 11, "الحادية عشر": 11,
    "الثانية عشرة": 12, "الثانية عشر": 12,
}  # fmt: skip

#: Minutes added after an hour word: "والنصف" +30, "والربع" +15, "إلا ربعا" -15.
HOUR_FRACTIONS: dict[str, int] = {"والنصف": 30, "و النصف": 30, "والربع": 15, "إلا ربعا": -15, "إلا الربع": -15, "إلا ربع": -15}

# --- Numbers (data/timex_numbers.tsv) ------------------------------------------------------------

#: Cardinal number words 1-10 (both genders, both cases).
UNIT_NUMBERS: dict[str, int] = _numbers("cardinal")

#: Tens (nominative and oblique) and hundreds.
TENS_NUMBERS: dict[str, int] = _numbers("tens")

#: First words of the teens 11-19 (followed by عشر/عشرة).
TEEN_HEADS: dict[str, int] = _numbers("teen_head")

#: Vague quantity words before a plural unit ("بضعة أيام", "عدة أشهر") -> value X.
VAGUE_QUANTIFIERS: tuple[str, ...] = ("بضع", "بضعة", "عدة", "عدد من", "بعض")

#: Ordinal day numbers (masculine): "الحادي والثلاثين من كانون الأول" = the 31st.
ORDINAL_UNITS: dict[str, int] = _numbers("ordinal")
ORDINAL_TEN_HEADS: dict[str, int] = _numbers("ordinal_ten_head")
ORDINAL_TENS: dict[str, int] = _numbers("ordinal_tens")

# --- Parts of the year (data/timex_year_parts.tsv) -----------------------------------------------

#: Nouns naming a part of the year -> "Q" (quarter: الربع, الثلاثي) or "H" (half: النصف, السداسي).
YEAR_PART_HEADS: dict[str, str] = _kind(_PART_ROWS, "part_head")
#: Ordinals after a part of the year ("الربع الثالث") -> its number (-1: the last part).
PART_ORDINALS: dict[str, int] = {w: _ordinal(v) for w, v in _kind(_PART_ROWS, "part_ordinal").items()}
#: The number of parts in a year, by part kind.
PARTS_PER_YEAR: dict[str, int] = {"Q": 4, "H": 2}

# --- Units -------------------------------------------------------------------------------------

#: Duration units (data/timex_units.tsv): code -> grammatical number -> spellings. Codes are ISO 8601
#: designators ("TH" hours, "TM" minutes, "TS" seconds, "DE" decades, "CE" centuries); numbers are
#: "one", "two", "plural", "adverb_plural" and "adverb_one".
UNIT_FORMS: dict[str, dict[str, tuple[str, ...]]] = _units()

#: Indefinite accusative plurals used as adverbs of time ("استمرت أشهرا"): a vague duration
#: even without a preposition before them.
ADVERBIAL_PLURALS: dict[str, str] = {w: unit for unit, forms in UNIT_FORMS.items() for w in forms.get("adverb_plural", ())}
#: Indefinite accusative singulars used as adverbs ("أجلت المباراة أسبوعا"): one unit, no preposition needed.
ADVERBIAL_SINGULARS: dict[str, str] = {w: unit for unit, forms in UNIT_FORMS.items() for w in forms.get("adverb_one", ())}

#: Fractions before a single unit ("ربع قرن" = 25 years, "نصف ساعة" = 30 minutes).
UNIT_FRACTIONS: dict[str, tuple[int, int]] = {"نصف": (1, 2), "ربع": (1, 4), "ثلث": (1, 3), "ثلاثة أرباع": (3, 4)}

#: Prepositions that make a bare unit ("خلال شهر", "في غضون أسبوع", "منذ عام") a duration of one unit.
#: Verbs of lasting: a bare unit right after one, or after one and its subject, is a length
#: ("استمرت ساعة", "استغرقت الجراحة ساعة").
LASTING_VERBS: tuple[str, ...] = (
    "استمر", "استمرت", "يستمر", "تستمر", "دام", "دامت", "يدوم", "تدوم", "استغرق", "استغرقت", "يستغرق", "تستغرق",
    "امتد", "امتدت", "يمتد", "تمتد",
)  # fmt: skip
DURATION_CONTEXT: tuple[str, ...] = (
    "خلال", "غضون", "لمدة", "مدة", "طيلة", "طوال", "منذ", "قبل", "بعد", "نحو", "حوالي", "قرابة", "أقل من", "أكثر من",
    *LASTING_VERBS,
)  # fmt: skip

#: Bare plurals that are also superlatives ("من أشهر كلماته" = among his most famous words): not a
#: length after من or before a definite noun.
SUPERLATIVE_PLURALS: tuple[str, ...] = ("أشهر",)

#: Words after a vague plural unit that make it a length ("سنوات طويلة").
VAGUE_DURATION_ADJ: tuple[str, ...] = (
    "طويلة", "عديدة", "قليلة", "متتالية", "متواصلة", "كثيرة", "كامل", "كاملا", "كاملة", "كاملين", "بأكمله", "بكامله",
    "إضافيا", "إضافية", "إضافي",
)  # fmt: skip

#: Words after a unit that make it a length of time whatever precedes it ("عقدا من الزمن").
DURATION_TAILS: tuple[str, ...] = ("من الزمن", "من الزمان")

#: Words that make a year count an age, not a duration ("البالغ من العمر 45 عاما").
AGE_CUES: tuple[str, ...] = ("العمر", "عمره", "عمرها", "عمرهم", "البالغ", "البالغة", "يبلغ", "تبلغ", "عمر")

# --- Relative periods -------------------------------------------------------------------------

#: Period nouns -> granularity.
PERIOD_NOUNS: dict[str, str] = {
    "الأسبوع": "W", "الشهر": "M", "العام": "Y", "السنة": "Y", "العقد": "DE",
}  # fmt: skip

#: Adjectives after a period noun -> offset in periods (masculine and feminine forms).
PERIOD_SHIFTS: dict[str, int] = {
    "الماضي": -1, "الماضية": -1, "المنصرم": -1, "المنصرمة": -1, "الفائت": -1, "الفائتة": -1,
    "المنقضي": -1,
    "المقبل": 1, "المقبلة": 1, "القادم": 1, "القادمة": 1,
    "الجاري": 0, "الجارية": 0, "الحالي": 0, "الحالية": 0,
}  # fmt: skip

#: Adjectives after a period noun that refer back to a time named earlier in the paragraph
#: ("في آب من العام نفسه", "العام التالي"), not to the dct: word -> offset in periods.
ANAPHORIC_SHIFTS: dict[str, int] = {
    "نفسه": 0, "نفسها": 0, "ذاته": 0, "ذاتها": 0, "عينه": 0,
    "التالي": 1, "التالية": 1, "اللاحق": 1, "اللاحقة": 1, "الذي تلاه": 1, "الذي يليه": 1,
    "السابق": -1, "السابقة": -1,
}  # fmt: skip

#: Adjectives after a weekday name: "last" (strictly before the dct) or "next" (strictly after).
WEEKDAY_ADJ: dict[str, str] = {
    "الماضي": "last", "الماضية": "last", "المنصرم": "last", "المنصرمة": "last", "الفائت": "last", "الفائتة": "last",
    "المقبل": "next", "المقبلة": "next", "القادم": "next", "القادمة": "next",
}  # fmt: skip

#: Demonstratives before a period noun meaning "this" ("هذا العام", "هذه السنة").
THIS_WORDS: tuple[str, ...] = ("هذا", "هذه")

# --- Modifiers ---------------------------------------------------------------------------------

#: Modifier words before a date -> TIMEX3 mod.
MODIFIERS: dict[str, str] = {
    "مطلع": "START", "بداية": "START", "بدايات": "START", "أوائل": "START", "مستهل": "START",
    "منتصف": "MID", "أواسط": "MID",
    "نهاية": "END", "نهايات": "END", "أواخر": "END", "ختام": "END", "موفى": "END", "متم": "END",
}  # fmt: skip

#: Approximation words before a duration or a date.
APPROX_WORDS: tuple[str, ...] = ("نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما يقارب", "ما يقرب من", "تقريبا")

# --- Vague references and sets ----------------------------------------------------------------

#: Vague temporal references: phrase -> value.
VAGUE_REFS: dict[str, str] = {
    "الآن": "PRESENT_REF",
    "حاليا": "PRESENT_REF",
    "الوقت الحالي": "PRESENT_REF",
    "الوقت الراهن": "PRESENT_REF",
    "الفترة الحالية": "PRESENT_REF",
    "الوقت الحاضر": "PRESENT_REF",
    "راهنا": "PRESENT_REF",
    "مؤخرا": "PAST_REF",
    "سابقا": "PAST_REF",
    "وقت سابق": "PAST_REF",
    "الآونة الأخيرة": "PAST_REF",
    "الفترة الأخيرة": "PAST_REF",
    "الفترة الماضية": "PAST_REF",
    "الفترة السابقة": "PAST_REF",
    "الفترة المنصرمة": "PAST_REF",
    "الماضي القريب": "PAST_REF",
    "قريبا": "FUTURE_REF",
    "لاحقا": "FUTURE_REF",
    "وقت لاحق": "FUTURE_REF",
    "مستقبلا": "FUTURE_REF",
    "المستقبل القريب": "FUTURE_REF",
    "القريب العاجل": "FUTURE_REF",
    "الفترة المقبلة": "FUTURE_REF",
    "الفترة القادمة": "FUTURE_REF",
    "المرحلة المقبلة": "FUTURE_REF",
    "المرحلة القادمة": "FUTURE_REF",
}

#: Words before الآن that make it part of a name ("أخبار الآن", a news outlet).
NOT_VAGUE_AFTER: tuple[str, ...] = ("أخبار", "اخبار")

#: Vague references that count only after "في" (في الماضي, في المستقبل).
VAGUE_AFTER_FI: dict[str, str] = {"الماضي": "PAST_REF", "المستقبل": "FUTURE_REF"}

#: Plural periods + adjective -> vague reference ("الأيام المقبلة", "الأشهر الأخيرة").
VAGUE_PERIOD_PLURALS: tuple[str, ...] = (
    "الأيام", "الأسابيع", "الأشهر", "الشهور", "السنوات", "الأعوام", "الساعات", "السنين", "العقود",
)  # fmt: skip
VAGUE_PERIOD_ADJ: dict[str, str] = {
    "الماضية": "PAST_REF", "الأخيرة": "PAST_REF", "المنصرمة": "PAST_REF", "الفائتة": "PAST_REF",
    "السابقة": "PAST_REF", "المقبلة": "FUTURE_REF", "القادمة": "FUTURE_REF", "المقبله": "FUTURE_REF",
}  # fmt: skip

#: Recurrences -> SET value: adverbs (يوميا) and compound frequency adjectives (ربع سنوي). A simple
#: relational adjective inside a noun phrase is not a recurrence and not a timex (التقرير السنوي,
#: الراتب الشهري, النشرة اليومية: docs/ANNOTATION.md, "Temporal expressions").
SETS: dict[str, str] = {
    "يوميا": "P1D", "أسبوعيا": "P1W", "شهريا": "P1M", "سنويا": "P1Y", "فصليا": "P3M",
    "ربع سنوي": "P3M", "ربع سنوية": "P3M", "نصف سنوي": "P6M", "نصف سنوية": "P6M",
    "ربع سنويا": "P3M", "نصف سنويا": "P6M", "ربع السنوي": "P3M", "ربع السنوية": "P3M",
}  # fmt: skip

#: The period nouns of a frequency ("مرتين في الأسبوع" → P1W): noun -> SET value.
FREQUENCY_PERIODS: dict[str, str] = {"اليوم": "P1D", "الأسبوع": "P1W", "الشهر": "P1M", "السنة": "P1Y", "العام": "P1Y"}
#: Counted occurrences before "في" + a period noun ("مرة", "مرتين", "ثلاث مرات").
FREQUENCY_COUNTS: tuple[str, ...] = ("مرة", "مرتين", "مرتان", "مرات")

#: "كل" + unit -> SET ("كل يوم", "كل عام").
EVERY_WORDS: tuple[str, ...] = ("كل",)

# --- Decades, centuries, millennia ------------------------------------------------------------------

#: Tens roots of decade names ("التسعينيات", "تسعينات القرن الماضي") -> tens digit.
DECADE_ROOTS: dict[str, int] = {
    "عشرين": 2, "ثلاثين": 3, "أربعين": 4, "خمسين": 5, "ستين": 6, "سبعين": 7, "ثمانين": 8, "تسعين": 9,
}  # fmt: skip
#: Endings of decade names after the root.
DECADE_ENDINGS: tuple[str, ...] = ("يات", "ات")

#: Century ordinals ("القرن العشرين") -> century number (the 20th century is 19XX).
CENTURY_ORDINALS: dict[str, int] = {
    "الخامس عشر": 15, "السادس عشر": 16, "السابع عشر": 17, "الثامن عشر": 18, "التاسع عشر": 19,
    "العشرين": 20, "العشرون": 20, "الحادي والعشرين": 21, "الحادي والعشرون": 21,
    "الواحد والعشرين": 21, "الواحد والعشرون": 21, "الثاني والعشرين": 22,
}  # fmt: skip

#: Millennium ordinals ("الألفية الثالثة") -> millennium number (the 3rd is 2XXX).
MILLENNIUM_ORDINALS: dict[str, int] = {"الأولى": 1, "الثانية": 2, "الثالثة": 3}
#: Adjectives after الألفية meaning the dct's millennium.
MILLENNIUM_THIS: tuple[str, ...] = ("الجديدة", "الحالية", "الراهنة")

#: Words after a decade that make it an age ("في الخمسينيات من عمره").
AGE_AFTER: tuple[str, ...] = ("من عمره", "من عمرها", "من العمر", "من عمرهم", "من عمري")

# --- Names that contain a date -------------------------------------------------------------------

#: Nouns before a day + month without a year that make it a name, not a date
#: ("تحالف 14 آذار", "مدينة 6 أكتوبر", "شارع 14 رمضان").
NAME_HEADS: tuple[str, ...] = (
    "تحالف", "حركة", "قوى", "تيار", "مدينة", "جامعة", "شارع", "جسر", "ميدان", "حي", "كوبري",
    "مستشفى", "ساحة", "نادي", "مجموعة", "منطقة", "مدرسة", "مطار", "قاعة", "ملعب", "ستاد", "استاد", "مجمع",
    "معهد", "كلية", "مركز", "قرية",
)  # fmt: skip
#: Name heads that make a full date a name too ("جامعة 8 ماي 1945", "ملعب 5 جويلية"); the political
#: ones ("حركة 14 آذار") only name a day without a year.
PLACE_NAME_HEADS: tuple[str, ...] = (
    "مدينة", "جامعة", "شارع", "جسر", "ميدان", "كوبري", "مستشفى", "ساحة", "مدرسة", "مطار", "قاعة", "ملعب",
    "ستاد", "استاد", "مجمع", "معهد", "كلية", "قرية",
)  # fmt: skip

#: Nouns before a quoted name that make the quoted words a name, not a time ("صحيفة «الغد»",
#: "قناة "الآن"", "برنامج "صباح الخير"", "رواية «مئة عام من العزلة»", "حملة "100 يوم صحة"").
QUOTED_NAME_HEADS: tuple[str, ...] = (
    "صحيفة", "جريدة", "يومية", "أسبوعية", "مجلة", "قناة", "فضائية", "إذاعة", "راديو", "موقع", "وكالة", "شبكة",
    "منصة", "برنامج", "مسلسل", "فيلم", "رواية", "كتاب", "ديوان", "أغنية", "مسرحية", "حملة", "مبادرة", "شعار",
    "تحالف", "حزب", "حركة", "تيار", "كتلة", "ائتلاف", "قائمة", "جمعية", "مؤسسة", "مهرجان", "معرض", "مسابقة",
)  # fmt: skip

#: Words of a match report: in their sentence a quarter or a half said alone (``في الربع الأول``) is a
#: part of the game, not of the year.
SPORTS_CUES: tuple[str, ...] = (
    "مباراة", "المباراة", "مباراته", "الشوط", "شوط", "اللقاء", "لاعب", "لاعبو", "لاعبوه", "لاعبي", "نقطة", "نقاط",
    "هدف", "أهداف", "سلة", "رمية", "ركلة", "الحكم", "صافرة",
)  # fmt: skip

#: Nouns before a weekday name that make it part of a place name ("سوق الجمعة", "سوق الأحد").
WEEKDAY_NAME_HEADS: tuple[str, ...] = ("سوق", "أسواق")

# --- Weeks of a month ------------------------------------------------------------------------------

#: "الأسبوع الأول من تموز": ordinal -> week number in the month (-1 = the last week).
WEEK_OF_MONTH: dict[str, int] = {"الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الأخير": -1}

# --- Seasons -----------------------------------------------------------------------------------

#: Seasons (data/timex_year_parts.tsv) -> TIMEX3 code.
SEASONS: dict[str, str] = _kind(_PART_ROWS, "season")
#: Seasons with the article: a date without a year after فصل or with an adjective
#: ("فصل الصيف", "الشتاء المقبل", "هذا الصيف").
SEASONS_DEF: dict[str, str] = {"ال" + word: code for word, code in SEASONS.items()}

# --- Context -----------------------------------------------------------------------------------

#: Words just before a bare 4-digit number that make it a year ("في 2014", "منذ 2003").
YEAR_CONTEXT_BEFORE: tuple[str, ...] = (
    "في", "منذ", "حتى", "بحلول", "خلال", "قبل", "بعد", "مطلع", "بداية", "نهاية", "أواخر", "أوائل",
    "منتصف", "عامي", "عام", "سنة", "العام", "ومنذ", "وفي", "وحتى", "ربيع", "صيف", "خريف", "شتاء",
    "لغاية", "ولغاية", "مستهل", "ختام",
    # event nouns that are commonly followed by their year ("حرب 2003", "انتخابات 2021")
    "حرب", "غزو", "انتخابات", "احتجاجات", "تظاهرات", "انتفاضة", "ثورة", "أحداث", "دستور", "موازنة",
    "اتفاقية", "اتفاق", "أزمة", "كارثة", "زلزال", "فيضانات", "مونديال", "أولمبياد", "تعداد",
)  # fmt: skip

# --- Tense (data/timex_tense.tsv) ------------------------------------------------------------------

#: Words and phrases marking the future or a schedule before a weekday or a month without year:
#: choose the next occurrence.
FUTURE_MARKERS: tuple[str, ...] = _words(_TENSE_ROWS, "future")
#: Present-tense verbs of schedules and forecasts ("تبدأ", "يقام"): the next occurrence too.
SCHEDULE_VERBS: tuple[str, ...] = _words(_TENSE_ROWS, "schedule")

#: Words just before a date without a year that put it in the past ("منذ حزيران" = since last June).
PAST_MARKERS_BEFORE: tuple[str, ...] = _words(_TENSE_ROWS, "past_before")

#: Prefixes of words that look like future verbs (س + imperfect) but are nouns.
NOT_FUTURE_PREFIXES: tuple[str, ...] = _words(_TENSE_ROWS, "not_future")

# --- Calendar phrases (data/timex_calendar_phrases.tsv, data/timex_hijri_periods.tsv) ---------------

#: Fiscal-year nouns -> the month a two-year fiscal year starts in ("العام المالي 2025/2026" → July).
FISCAL_HEADS: dict[str, int] = {w: int(v) for w, v in _kind(_PHRASE_ROWS, "fiscal_head").items()}
#: Nouns of a sports season written with two years ("موسم 2023/24") and adjectives after them.
SPORTS_HEADS: tuple[str, ...] = tuple(_kind(_PHRASE_ROWS, "sports_head"))
SPORTS_ADJ: tuple[str, ...] = tuple(_kind(_PHRASE_ROWS, "sports_adj"))
#: "The n-th day of" a named period or month ("أول أيام عيد الفطر", "غرة رمضان") -> n (-1: the last).
PERIOD_DAYS: dict[str, int] = {w: _ordinal(v) for w, v in _kind(_PHRASE_ROWS, "period_day").items()}
#: Periods that mirror the period just named ("الفترة نفسها من العام الماضي") -> "same" or the unit kept.
MIRROR_HEADS: dict[str, str] = _kind(_PHRASE_ROWS, "mirror_head")
MIRROR_ADJ: tuple[str, ...] = tuple(_kind(_PHRASE_ROWS, "mirror_adj"))
#: Counted units of a period built on a year ("الأشهر الستة الأولى من 2024") -> unit, and the
#: ordinal after the count -> "first" / "last".
COUNT_HEADS: dict[str, str] = _kind(_PHRASE_ROWS, "count_head")
COUNT_ORDER: dict[str, str] = _kind(_PHRASE_ROWS, "count_first")
#: Named periods of the Hijri year (عيد الفطر, العشر الأواخر من رمضان), as Hijri days.
HIJRI_PERIODS: tuple[HijriPeriod, ...] = _hijri_periods()
