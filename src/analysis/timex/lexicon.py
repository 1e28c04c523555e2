"""The words of Arabic time expressions, as readable tables (written in ordinary spelling).

Patterns are compiled from these tables after the same length-preserving normalization that is
applied to the text (أ/إ/آ→ا, ى→ي, ة→ه, diacritics and tatweel ignored), so spelling variants
that differ only by hamza or teh marbuta need not be listed twice. The month names and the number
words are data files (``analysis/data/timex_months.tsv``, ``timex_numbers.tsv``), read once at import.
"""

from __future__ import annotations

from analysis.resources import read_dicts

_MONTH_ROWS = read_dicts("timex_months.tsv")
_NUMBER_ROWS = read_dicts("timex_numbers.tsv")


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

#: Quarter ordinals ("الربع الأول") -> quarter number.
QUARTER_ORDINALS: dict[str, int] = {"الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الأخير": 4}
#: Half-year ordinals ("النصف الأول") -> half number.
HALF_ORDINALS: dict[str, int] = {"الأول": 1, "الثاني": 2, "الأخير": 2}

# --- Units -------------------------------------------------------------------------------------

#: Duration units: code -> forms by grammatical number. Codes are ISO 8601 designators
#: ("TH" = hours, "TM" = minutes, "DE" = decades written as 10 years, "CE" = centuries as 100 years).
UNIT_FORMS: dict[str, dict[str, tuple[str, ...]]] = {
    "Y": {
        "one": ("عام", "عاما", "سنة", "العام", "السنة"),
        "two": ("عامين", "عامان", "سنتين", "سنتان", "العامين", "السنتين"),
        "plural": ("أعوام", "سنوات", "سنين", "الأعوام", "السنوات", "السنين"),
    },
    "M": {
        "one": ("شهر", "شهرا", "الشهر"),
        "two": ("شهرين", "شهران", "الشهرين"),
        "plural": ("أشهر", "شهور", "الأشهر", "الشهور"),
    },
    "W": {
        "one": ("أسبوع", "أسبوعا", "الأسبوع"),
        "two": ("أسبوعين", "أسبوعان", "الأسبوعين"),
        "plural": ("أسابيع", "الأسابيع"),
    },
    "D": {
        "one": ("يوم", "يوما", "اليوم"),
        "two": ("يومين", "يومان", "اليومين"),
        "plural": ("أيام", "الأيام"),
    },
    "TH": {
        "one": ("ساعة", "الساعة"),
        "two": ("ساعتين", "ساعتان", "الساعتين"),
        "plural": ("ساعات", "الساعات"),
    },
    "TM": {
        "one": ("دقيقة", "الدقيقة"),
        "two": ("دقيقتين", "دقيقتان"),
        "plural": ("دقائق", "الدقائق"),
    },
    "DE": {
        "one": ("عقد", "عقدا"),
        "two": ("عقدين", "عقدان", "العقدين"),
        "plural": ("عقود",),
    },
    "CE": {
        "one": ("قرن", "قرنا"),
        "two": ("قرنين", "قرنان", "القرنين"),
        "plural": ("قرون",),
    },
}

#: Indefinite accusative plurals used as adverbs of time ("استمرت أشهرا"): a vague duration
#: even without a preposition before them.
ADVERBIAL_PLURALS: dict[str, str] = {"أشهرا": "M", "شهورا": "M", "أعواما": "Y", "سنينا": "Y", "أياما": "D"}

#: Fractions before a single unit ("ربع قرن" = 25 years, "نصف ساعة" = 30 minutes).
UNIT_FRACTIONS: dict[str, tuple[int, int]] = {"نصف": (1, 2), "ربع": (1, 4), "ثلث": (1, 3), "ثلاثة أرباع": (3, 4)}

#: Prepositions that make a bare unit ("خلال شهر", "منذ عام") a duration of one unit.
DURATION_CONTEXT: tuple[str, ...] = ("خلال", "لمدة", "مدة", "طيلة", "طوال", "منذ", "قبل", "بعد", "نحو", "حوالي", "قرابة", "أقل من", "أكثر من")

#: Bare plurals that are also superlatives ("من أشهر كلماته" = among his most famous words): not a
#: length after من or before a definite noun.
SUPERLATIVE_PLURALS: tuple[str, ...] = ("أشهر",)

#: Words after a vague plural unit that make it a length ("سنوات طويلة").
VAGUE_DURATION_ADJ: tuple[str, ...] = (
    "طويلة", "عديدة", "قليلة", "متتالية", "متواصلة", "كثيرة", "كاملا", "كاملة", "كاملين", "بأكمله", "بكامله",
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
    "السابق": -1, "السابقة": -1, "المنقضي": -1,
    "المقبل": 1, "المقبلة": 1, "القادم": 1, "القادمة": 1,
    "الجاري": 0, "الجارية": 0, "الحالي": 0, "الحالية": 0,
}  # fmt: skip

#: Adjectives after a period noun that refer back to a time named earlier in the paragraph
#: ("في آب من العام نفسه", "العام التالي"), not to the dct: word -> offset in periods.
ANAPHORIC_SHIFTS: dict[str, int] = {
    "نفسه": 0, "نفسها": 0, "ذاته": 0, "ذاتها": 0, "عينه": 0,
    "التالي": 1, "التالية": 1, "اللاحق": 1, "اللاحقة": 1, "الذي تلاه": 1, "الذي يليه": 1,
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
    "نهاية": "END", "نهايات": "END", "أواخر": "END", "ختام": "END",
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

#: Recurrences -> SET value.
SETS: dict[str, str] = {
    "يوميا": "P1D", "أسبوعيا": "P1W", "شهريا": "P1M", "سنويا": "P1Y",
    "ربع سنوي": "P3M", "ربع سنوية": "P3M", "نصف سنوي": "P6M", "نصف سنوية": "P6M",
    "ربع سنويا": "P3M", "نصف سنويا": "P6M", "فصلي": "P3M", "فصلية": "P3M",
    "يومي": "P1D", "يومية": "P1D", "اليومي": "P1D", "اليومية": "P1D",
    "أسبوعي": "P1W", "أسبوعية": "P1W", "الأسبوعي": "P1W", "الأسبوعية": "P1W",
    "شهري": "P1M", "شهرية": "P1M", "الشهري": "P1M", "الشهرية": "P1M",
    "سنوي": "P1Y", "سنوية": "P1Y", "السنوي": "P1Y", "السنوية": "P1Y",
    "ربع السنوي": "P3M", "ربع السنوية": "P3M",
}  # fmt: skip

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
    "مستشفى", "ساحة", "نادي", "مجموعة", "منطقة", "مدرسة", "مطار", "قاعة",
)  # fmt: skip

# --- Weeks of a month ------------------------------------------------------------------------------

#: "الأسبوع الأول من تموز": ordinal -> week number in the month (-1 = the last week).
WEEK_OF_MONTH: dict[str, int] = {"الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الأخير": -1}

# --- Seasons -----------------------------------------------------------------------------------

SEASONS: dict[str, str] = {"ربيع": "SP", "صيف": "SU", "خريف": "FA", "شتاء": "WI"}
#: Seasons with the article: a date without a year after فصل or with an adjective
#: ("فصل الصيف", "الشتاء المقبل", "هذا الصيف").
SEASONS_DEF: dict[str, str] = {"الربيع": "SP", "الصيف": "SU", "الخريف": "FA", "الشتاء": "WI"}

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

#: Future markers before a weekday or a month without year: choose the next occurrence.
FUTURE_MARKERS: tuple[str, ...] = (
    "سوف", "سيتم", "ستتم", "المقرر", "المزمع", "المرتقب", "المنتظر", "المتوقع", "يعتزم", "تعتزم",
    "ينتظر", "يتوقع", "سيكون", "ستكون", "حتى", "بحلول", "لغاية", "موعد",
)  # fmt: skip

#: Words just before a date without a year that put it in the past ("منذ حزيران" = since last June).
PAST_MARKERS_BEFORE: tuple[str, ...] = ("منذ", "ومنذ")

#: Prefixes of words that look like future verbs (س + imperfect) but are nouns.
NOT_FUTURE_PREFIXES: tuple[str, ...] = (
    "سيا", "سيط", "سيد", "سيار", "سير", "سيل", "سيم", "ستار", "ستين", "ستة", "سنوات", "سنة", "سنوي",
    "ستر", "سيف", "سيناء", "سينا",
)  # fmt: skip
