"""One test per rule family of the timex grammar: span, type, value and mod (docs/ANNOTATION.md, "Temporal expressions")."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.timex import Timex, find_timexes
from analysis.timex.engine import Context, scan
from analysis.timex.normalize import NormText
from analysis.timex.rules import RULES

DCT = dt.date(2025, 12, 31)  # a Wednesday


def one(text: str, dct: dt.date | str | None = DCT) -> Timex:
    """The single timex of ``text`` (fails when there is not exactly one)."""
    found = find_timexes(text, dct)
    assert len(found) == 1, [t.to_dict() for t in found]
    t = found[0]
    assert text[t.start : t.end] == t.text
    return t


def spans(text: str, dct: dt.date | str | None = DCT) -> list[tuple[str, str, str, str | None]]:
    return [(t.text, t.type, t.value, t.mod) for t in find_timexes(text, dct)]


CASES = [
    # months: both systems, spelling variants, duals
    ("وقع الاتفاق في أيلول/سبتمبر 2024، ثم", "أيلول/سبتمبر 2024", "DATE", "2024-09", None),
    ("حتى ايلول/ سبتمبر 2026.", "ايلول/ سبتمبر 2026", "DATE", "2026-09", None),
    ("في كانون الأول (ديسمبر) 2023 قال", "كانون الأول (ديسمبر) 2023", "DATE", "2023-12", None),
    ("في كانون ثاني 2020", "كانون ثاني 2020", "DATE", "2020-01", None),
    ("في إبريل 2019", "إبريل 2019", "DATE", "2019-04", None),
    ("في ابريل 2019", "ابريل 2019", "DATE", "2019-04", None),
    ("في ايار 2021", "ايار 2021", "DATE", "2021-05", None),
    ("في أيار 2021", "أيار 2021", "DATE", "2021-05", None),
    ("في تشرين الأول 2019", "تشرين الأول 2019", "DATE", "2019-10", None),
    ("جرى ذلك بسبتمبر 2025", "سبتمبر 2025", "DATE", "2025-09", None),
    ("في شهر سبتمبر 2026، من", "شهر سبتمبر 2026", "DATE", "2026-09", None),
    ("في سبتمبر من العام 2025", "سبتمبر من العام 2025", "DATE", "2025-09", None),
    # day month year, ordinal days, relative months
    ("في 27 سبتمبر 2024، أعلنت", "27 سبتمبر 2024", "DATE", "2024-09-27", None),
    ("الهجوم فجر ٤ آذار/مارس ٢٠٢٦", "فجر ٤ آذار/مارس ٢٠٢٦", "TIME", "2026-03-04TMO", None),
    ("في ١٨ كانون الثاني ٢٠٢٦", "١٨ كانون الثاني ٢٠٢٦", "DATE", "2026-01-18", None),
    ("في ۱۸ كانون الثاني ۲۰۲۶", "۱۸ كانون الثاني ۲۰۲۶", "DATE", "2026-01-18", None),
    ("في 31 ديسمبر الجاري.", "31 ديسمبر الجاري", "DATE", "2025-12-31", None),
    ("في الحادي والثلاثين من شهر كانون الأول المقبل ثابت", "الحادي والثلاثين من شهر كانون الأول المقبل", "DATE", "2025-12-31", None),
    ("في الخامس عشر من آب الماضي", "الخامس عشر من آب الماضي", "DATE", "2025-08-15", None),
    ("منذ أيلول الماضي", "أيلول الماضي", "DATE", "2025-09", None),
    ("في آذار المقبل", "آذار المقبل", "DATE", "2026-03", None),
    # numeric dates
    ("الخبر 31.12.2025 نشر", "31.12.2025", "DATE", "2025-12-31", None),
    ("تاريخ 2025/12/31 هنا", "2025/12/31", "DATE", "2025-12-31", None),
    ("تاريخ 31-12-2025 هنا", "31-12-2025", "DATE", "2025-12-31", None),
    ("تاريخ ٣١/١٢/٢٠٢٥ هنا", "٣١/١٢/٢٠٢٥", "DATE", "2025-12-31", None),
    ("تاريخ 2025-12-31 هنا", "2025-12-31", "DATE", "2025-12-31", None),
    # years
    ("خلال عام 2020. لكن", "عام 2020", "DATE", "2020", None),
    ("والتحالف الذي أسس، العام 2014، بمشاركة", "العام 2014", "DATE", "2014", None),
    ("في سنة 2003م تأسست", "سنة 2003م", "DATE", "2003", None),
    ("مع مطلع عام 2026\".", "مطلع عام 2026", "DATE", "2026", "START"),
    ("قبل منتصف عام 2025 بقليل", "منتصف عام 2025", "DATE", "2025", "MID"),
    ("حتى أواخر 2024،", "أواخر 2024", "DATE", "2024", "END"),
    ("بحلول نهاية العام الجاري", "نهاية العام الجاري", "DATE", "2025", "END"),
    ("شكلته في 2014، بعد", "2014", "DATE", "2014", None),
    ("تأسس لعام 2010 بحسب", "عام 2010", "DATE", "2010", None),
    # ranges
    ("خلال المدة 2014–2017\".", "2014–2017", "DATE", "2014/2017", None),
    ("خلال المدة 2014-2017 قال", "2014-2017", "DATE", "2014/2017", None),
    ("الحرب من 2014 إلى 2017 كانت", "من 2014 إلى 2017", "DATE", "2014/2017", None),
    ("بين عامي 2014 و2017 هزم", "بين عامي 2014 و2017", "DATE", "2014/2017", None),
    ("من يناير إلى مارس 2024 ارتفع", "يناير إلى مارس 2024", "DATE", "2024-01/2024-03", None),  # من outside
    ("بين 12 يوليو و14 اغسطس 2006 شنت", "12 يوليو و14 اغسطس 2006", "DATE", "2006-07-12/2006-08-14", None),
    # relative days and weekdays
    ("أكد اليوم الأربعاء أن", "اليوم الأربعاء", "DATE", "2025-12-31", None),
    ("قال أمس إن", "أمس", "DATE", "2025-12-30", None),
    ("سيصل غدا إلى بغداد", "غدا", "DATE", "2026-01-01", None),
    ("وصل أول أمس إلى", "أول أمس", "DATE", "2025-12-29", None),
    ("تسلمت القوات، الخميس، القاعدة", "الخميس", "DATE", "2025-12-25", None),
    ("سيزور الوزير بغداد الخميس", "الخميس", "DATE", "2026-01-01", None),
    ("في اجتماع الأحد الماضي", "الأحد الماضي", "DATE", "2025-12-28", None),
    ("في اجتماع يوم الأربعاء المقبل", "يوم الأربعاء المقبل", "DATE", "2026-01-07", None),
    ("الأحد، 15-02-2026 01:48", "الأحد، 15-02-2026", "DATE", "2026-02-15", None),
    ("بيان الأربعاء 01 أكتوبر 2025 جددت", "الأربعاء 01 أكتوبر 2025", "DATE", "2025-10-01", None),
    # parts of day
    ("ونقلت، مساء اليوم الأربعاء، عن", "مساء اليوم الأربعاء", "TIME", "2025-12-31TEV", None),
    ("تم صباح اليوم تسليم", "صباح اليوم", "TIME", "2025-12-31TMO", None),
    ("بدأوا المغادرة مساء الخميس\"", "مساء الخميس", "TIME", "2025-12-25TEV", None),
    ("وقع الهجوم ليلة أمس", "ليلة أمس", "TIME", "2025-12-30TNI", None),
    ("هجوم فجر اليوم على", "فجر اليوم", "TIME", "2025-12-31TMO", None),
    ("ظهر أمس وصل", "ظهر أمس", "TIME", "2025-12-30TAF", None),
    # relative periods
    ("وفق ما اتفق عليه العام الماضي.", "العام الماضي", "DATE", "2024", None),
    ("في العام المقبل", "العام المقبل", "DATE", "2026", None),
    ("خلال الشهر الماضي", "الشهر الماضي", "DATE", "2025-11", None),
    ("الشهر القادم سيبدأ", "الشهر القادم", "DATE", "2026-01", None),
    ("في الأسبوع المقبل", "الأسبوع المقبل", "DATE", "2026-W02", None),
    ("في الأسبوع الماضي", "الأسبوع الماضي", "DATE", "2025-W52", None),
    ("أعلن عنها مطلع هذا العام.", "مطلع هذا العام", "DATE", "2025", "START"),
    ("حتى نهاية السنة المقبلة", "نهاية السنة المقبلة", "DATE", "2026", "END"),
    # ago / from now
    ("جرت قبل يومين. وقال", "قبل يومين", "DATE", "2025-12-29", None),
    ("وصل قبل ثلاثة أشهر إلى", "قبل ثلاثة أشهر", "DATE", "2025-09", None),
    ("ينتهي بعد أسبوعين، كما", "بعد أسبوعين", "DATE", "2026-W03", None),
    ("ينتهي بعد 12 شهرًا، فيما", "بعد 12 شهرًا", "DATE", "2026-12", None),
    ("غادر قبل عامين إلى", "قبل عامين", "DATE", "2023", None),
    ("أكد قبل أيام أن", "قبل أيام", "DATE", "PAST_REF", None),
    # durations
    ("التي استمرت 11 عاما من التعاون", "11 عاما", "DURATION", "P11Y", None),
    ("خلال ثلاثة أشهر من", "ثلاثة أشهر", "DURATION", "P3M", None),
    ("بعد عامين من الحرب", "عامين", "DURATION", "P2Y", None),
    ("أخلت قاعدتين خلال أسبوعين.", "أسبوعين", "DURATION", "P2W", None),
    ("خلال ال 12 شهرا المقبلة، وفي", "ال 12 شهرا المقبلة", "DURATION", "P12M", None),
    ("طيلة التسع أشهر الماضية”.", "التسع أشهر الماضية", "DURATION", "P9M", None),
    ("انسحاب كامل خلال شهر، وبعد", "شهر", "DURATION", "P1M", None),
    ("بعد أيام من هجوم", "أيام", "DURATION", "PXD", None),
    ("بعد سنوات طويلة من النزاعات", "سنوات طويلة", "DURATION", "PXY", None),
    ("استمرت نحو 11 عاما", "نحو 11 عاما", "DURATION", "P11Y", "APPROX"),
    ("استمر الاجتماع ساعتين ونصف", "ساعتين ونصف", "DURATION", "PT2H30M", None),
    ("خلال 48 ساعة قال", "48 ساعة", "DURATION", "PT48H", None),
    ("منذ خمسة وعشرين عاما", "خمسة وعشرين عاما", "DURATION", "P25Y", None),
    ("منذ عقدين", "عقدين", "DURATION", "P2DE", None),  # decades keep their unit
    # vague references
    ("مغادرة البعثة خلال الأيام المقبلة، مع", "الأيام المقبلة", "DATE", "FUTURE_REF", None),
    ("ذكرت خلال الأيام القليلة الماضية أن", "الأيام القليلة الماضية", "DATE", "PAST_REF", None),
    ("أعلن مؤخرا أن", "مؤخرا", "DATE", "PAST_REF", None),
    ("تستخدم سابقاً كقاعدة", "سابقاً", "DATE", "PAST_REF", None),
    ("أعلنت في وقت سابق، أن", "وقت سابق", "DATE", "PAST_REF", None),
    ("ليصار إلى تسليمها لاحقًا إلى", "لاحقًا", "DATE", "FUTURE_REF", None),
    ("سيعلن قريبا عن", "قريبا", "DATE", "FUTURE_REF", None),
    ("لا توجد حاليا قوات", "حاليا", "DATE", "PRESENT_REF", None),
    ("لا توجد الآن قوات", "الآن", "DATE", "PRESENT_REF", None),
    ("ما سيحدث في المستقبل.", "المستقبل", "DATE", "FUTURE_REF", None),
    # sets
    ("يتعرض للقصف يوميا.", "يوميا", "SET", "P1D", None),
    ("اجتماع أسبوعيا", "أسبوعيا", "SET", "P1W", None),
    ("لأحدث تقرير ربع سنوي لمفتش", "ربع سنوي", "SET", "P3M", None),
    ("يصدر كل ثلاثة أشهر", "كل ثلاثة أشهر", "SET", "P3M", None),
    # quarters, weeks, seasons
    ("خلال الربع الأول من عام 2025 ارتفع", "الربع الأول من عام 2025", "DATE", "2025-Q1", None),
    ("في الربع الأخير من العام الحالي", "الربع الأخير من العام الحالي", "DATE", "2025-Q4", None),
    ("في النصف الثاني من 2024", "النصف الثاني من 2024", "DATE", "2024-H2", None),
    ("في الأسبوع 35 من عام 2025", "الأسبوع 35 من عام 2025", "DATE", "2025-W35", None),
    ("في صيف 2024", "صيف 2024", "DATE", "2024-SU", None),
    # clock times
    ("الساعة ٨:٤٧ مساءً بتوقيت", "الساعة ٨:٤٧ مساءً", "TIME", "2025-12-31T20:47", None),
    ("عند الساعة الثامنة والنصف صباحا", "الساعة الثامنة والنصف صباحا", "TIME", "2025-12-31T08:30", None),
    ("بعد منتصف الليل الساعة 2:15 ليلا", "الساعة 2:15 ليلا", "TIME", "2025-12-31T02:15", None),
    ("وقع حوالي الساعة العاشرة صباحا في", "حوالي الساعة العاشرة صباحا", "TIME", "2025-12-31T10:00", "APPROX"),
    ("تبدأ الساعة 7:30 صباحاً بتوقيت بغداد.", "الساعة 7:30 صباحاً بتوقيت بغداد", "TIME", "2025-12-31T07:30", None),
    ("وصلت في التاسعة من صباح اليوم إلى", "التاسعة من صباح اليوم", "TIME", "2025-12-31T09:00", None),
    ("رفع الحظر عند الساعة السادسة من مساء الأحد", "الساعة السادسة من مساء الأحد", "TIME", "2025-12-28T18:00", None),
    ("وقع في الثالثة فجر اليوم قرب", "الثالثة فجر اليوم", "TIME", "2025-12-31T03:00", None),
    ("حظر من العاشرة ليلا حتى", "العاشرة ليلا", "TIME", "2025-12-31T22:00", None),
    ("وصل في التاسعة صباحا إلى", "التاسعة صباحا", "TIME", "2025-12-31T09:00", None),
    # numeric dates, month first only when it cannot be day first
    ("تم التحديث في 12/31/2025 الساعة", "12/31/2025", "DATE", "2025-12-31", None),
    ("الجمعة 1/3/2024 - شهدت", "الجمعة 1/3/2024", "DATE", "2024-03-01", None),
    # the short article after ل
    ("على الموازنة الاتحادية للعام 2025 بعد", "لعام 2025", "DATE", "2025", None),
    ("نمو في الربع الثالث للعام الحالي.", "الربع الثالث للعام الحالي", "DATE", "2025-Q3", None),
    # decades, centuries, millennia
    ("عانى من الحصار في التسعينيات.", "التسعينيات", "DATE", "199X", None),
    ("تعود إلى تسعينيات القرن الماضي.", "تسعينيات القرن الماضي", "DATE", "199X", None),
    ("في أواخر الثمانينيات من القرن الماضي", "أواخر الثمانينيات من القرن الماضي", "DATE", "198X", "END"),
    ("تأسس في خمسينيات القرن التاسع عشر", "خمسينيات القرن التاسع عشر", "DATE", "185X", None),
    ("منذ العشرينيات تغير", "العشرينيات", "DATE", "202X", None),
    ("التحدي الأكبر في القرن الحادي والعشرين.", "القرن الحادي والعشرين", "DATE", "20XX", None),
    ("بني في منتصف القرن العشرين بتمويل", "منتصف القرن العشرين", "DATE", "19XX", "MID"),
    ("حتى القرن 17 الميلادي", "القرن 17", "DATE", "16XX", None),
    ("شهدت منذ مطلع الألفية تحولات", "مطلع الألفية", "DATE", "2XXX", "START"),
    ("في الألفية الثالثة", "الألفية الثالثة", "DATE", "2XXX", None),
    ("أزمة مياه خلال العقد المقبل.", "العقد المقبل", "DATE", "203X", None),
    # ranges of days, weeks of a month
    ("يقام من 20 إلى 25 أيار/مايو 2025 في", "20 إلى 25 أيار/مايو 2025", "DATE", "2025-05-20/2025-05-25", None),
    ("عقدت بين 10 و12 تشرين الثاني في", "10 و12 تشرين الثاني", "DATE", "2025-11-10/2025-11-12", None),
    ("العطلة 1-5 كانون الثاني المقبل", "1-5 كانون الثاني المقبل", "DATE", "2026-01-01/2026-01-05", None),
    ("اجتماعها في الأسبوع الأول من تموز 2025.", "الأسبوع الأول من تموز 2025", "DATE", "2025-W27", None),
    ("في الأسبوع الأخير من شباط 2026.", "الأسبوع الأخير من شباط 2026", "DATE", "2026-W09", None),
    # weekdays, relative days, parts of day
    ("تنطلق المباحثات الجمعة المقبلة في", "الجمعة المقبلة", "DATE", "2026-01-02", None),
    ("يعلن قراره مساء غد.", "مساء غد", "TIME", "2026-01-01TEV", None),
    ("يبحثه المجلس يوم غد الاثنين", "يوم غد الاثنين", "DATE", "2026-01-01", None),
    ("لهجوم ليلة الأحد على الاثنين.", "ليلة الأحد على الاثنين", "TIME", "2025-12-28TNI", None),
    ("منذ ساعات الصباح الأولى توافد", "ساعات الصباح الأولى", "TIME", "2025-12-31TMO", None),
    ("سيوقع بعد شهرين من الآن.", "بعد شهرين من الآن", "DATE", "2026-02", None),
    # seasons without a year
    ("ستحل قبل حلول فصل الصيف.", "فصل الصيف", "DATE", "2025-SU", None),
    ("مطلع الخريف القادم", "مطلع الخريف القادم", "DATE", "2026-FA", "START"),
    # durations
    ("بعد انتظار دام ربع قرن افتتح", "ربع قرن", "DURATION", "P25Y", None),
    ("تأخرت نصف ساعة عن", "نصف ساعة", "DURATION", "PT30M", None),
    ("تستمر الحملة أسبوعا كاملا في", "أسبوعا كاملا", "DURATION", "P1W", None),
    ("توقفت عقدا من الزمن.", "عقدا من الزمن", "DURATION", "P1DE", None),
    ("واستمرت أشهرا.", "أشهرا", "DURATION", "PXM", None),
    ("منذ نحو قرن.", "نحو قرن", "DURATION", "P1CE", "APPROX"),
    ("خلال القرنين الماضيين", "القرنين الماضيين", "DURATION", "P2CE", None),
    # a part of day before a date with an ordinal day; before/after noon; a night between two days
    ("دخلت دمشق فجر الثامن من كانون الأول 2024، منهية", "فجر الثامن من كانون الأول 2024", "TIME", "2024-12-08TMO", None),
    ("ستعقد عند الساعة الحادية عشرة قبل ظهر الخميس في", "الساعة الحادية عشرة قبل ظهر الخميس", "TIME", "2026-01-01T11:00", None),
    ("وصل بعد ظهر أمس إلى", "بعد ظهر أمس", "TIME", "2025-12-30TAF", None),
    ("اعتباراً من منتصف ليل السبت – الأحد.", "منتصف ليل السبت – الأحد", "TIME", "2025-12-27TNI", None),
    ("في الساعات الأولى من صباح اليوم", "الساعات الأولى من صباح اليوم", "TIME", "2025-12-31TMO", None),
    ("حتى ساعة متأخرة من الليل.", "ساعة متأخرة من الليل", "TIME", "2025-12-31TNI", None),
    # recurring dates
    ("الرواتب يوم 10 من كل شهر بدءاً", "يوم 10 من كل شهر", "SET", "XXXX-XX-10", None),
    ("في الثالث من آب من كل عام ذكرى", "الثالث من آب من كل عام", "SET", "XXXX-08-03", None),
    # a length after وقبل / وخلال (clitic و)
    ("وقبل أشهر من اندلاع الحرب", "أشهر", "DURATION", "PXM", None),
    # two consecutive years under the dual عامي; a weekday before الموافق takes the date's value
    ("وشهدت خلال عامي 2023 و2024 هجمات", "عامي 2023 و2024", "DATE", "2023/2024", None),
    ("الجلسة يوم السبت الموافق 24 كانون الثاني 2026.", "يوم السبت", "DATE", "2026-01-24", None),
    ("الجلسة يوم السبت الموافق 24 كانون الثاني 2026.", "24 كانون الثاني 2026", "DATE", "2026-01-24", None),
    ("قبل نهاية الربع الأول.", "نهاية الربع الأول", "DATE", "2025-Q1", "END"),
    ("إصابة بالكوليرا منذ حزيران.", "حزيران", "DATE", "2025-06", None),
    # years after an event noun
    ("ما زالت آثار حرب 2003 ظاهرة", "2003", "DATE", "2003", None),
]


@pytest.mark.parametrize("text,surface,type_,value,mod", CASES, ids=[c[1] for c in CASES])
def test_forms(text: str, surface: str, type_: str, value: str, mod: str | None) -> None:
    found = [t for t in find_timexes(text, DCT) if t.type != "TIME" or type_ == "TIME" or t.text == surface]
    match = [t for t in found if t.text == surface]
    assert match, f"{surface!r} not found; got {[t.to_dict() for t in found]}"
    t = match[0]
    assert text[t.start : t.end] == surface
    assert (t.type, t.value, t.mod) == (type_, value, mod)


def test_range_start_takes_the_end_year() -> None:
    assert one("ارتفع من نوفمبر إلى فبراير 2024 كثيرا").value == "2023-11/2024-02"


def test_clock_takes_the_dateline_day() -> None:
    text = "الأحد، 15-02-2026 01:48 م الوكيل"
    assert spans(text, "2026-02-15") == [
        ("الأحد، 15-02-2026", "DATE", "2026-02-15", None),
        ("01:48 م", "TIME", "2026-02-15T13:48", None),
    ]
    dateline = "الأربعاء ٣١ ديسمبر ٢٠٢٥ الساعة ٨:٤٧ مساءً"
    assert [t.value for t in find_timexes(dateline, "2026-01-05")] == ["2025-12-31", "2025-12-31T20:47"]


def test_today_and_weekday_are_separate_across_punctuation() -> None:
    assert spans("كشفت وسائل إعلام، اليوم (الإثنين)، بدء", "2026-02-23") == [
        ("اليوم", "DATE", "2026-02-23", None),
        ("الإثنين", "DATE", "2026-02-23", None),
    ]
    assert spans("صادق البرلمان، مساء اليوم، الأحد، على", "2020-01-05") == [
        ("مساء اليوم", "TIME", "2020-01-05TEV", None),
        ("الأحد", "DATE", "2020-01-05", None),
    ]


def test_hijri_dates_convert_to_gregorian() -> None:
    t = one("بدأ الصيام في 15 رمضان 1446 هـ حسب")
    assert (t.text, t.value, t.calendar) == ("15 رمضان 1446 هـ", "2025-03-15", "hijri")
    assert t.to_dict()["calendar"] == "hijri"
    t = one("ابتداء من عام 1420ه قال")  # a Hijri year: its days
    assert (t.text, t.value, t.calendar) == ("عام 1420ه", "1999-04-17/2000-04-05", "hijri")
    month = one("خلال شهر رمضان 1446 ")  # a Hijri month: its days, 1 to 29 Ramadan
    assert month.value == "2025-03-01/2025-03-29" and month.calendar == "hijri"


def test_prepositions_and_clitics_stay_outside() -> None:
    assert one("منذ عام 2003 بموجب").text == "عام 2003"
    assert one("حتى سبتمبر 2026، بما").text == "سبتمبر 2026"
    assert one("بحلول سبتمبر 2025، وتشمل").text == "سبتمبر 2025"
    assert one("وفي 2014 بدأت").text == "2014"
    assert one("وأكد والعام الماضي").text == "العام الماضي"


def test_header_line_is_not_annotated(seed_path) -> None:
    from analysis.corpus import load_article

    article = load_article(seed_path)
    found = find_timexes(article.analysis_text, article.date)
    assert found and all(t.start > article.header_end for t in found)
    assert all(article.content[t.start : t.end] == t.text for t in found)


NEGATIVES = [
    "قال الأمين العام للأمم المتحدة",  # عام = general
    "أكد المدعي العام أن",
    "بشكل عام فإن",
    "قتل 2000 جندي في الهجوم",  # a count, not a year
    "ارتفع بنسبة 15 في المئة",
    "البالغ من العمر 45 عاما",  # an age
    "قال الجنرال آلان بيليغريني",  # Alain, not الآن
    "مارس الضغط على الحكومة",  # مارس = practised
    "ذكر موقع أخبار الآن أن",  # a news outlet
    "قريبا من الحدود",  # near to
    "أهل السنة والجماعة",
    "اللاعبون الأحد عشر في الملعب",  # the eleven, not Sunday
    "تقرير المفتش العام لوزارة الدفاع",
    "اجتمع قادة تحالف 14 آذار في بيروت",  # a name, not a date
    "بعض قيادات قوى الرابع عشر من آذار المعارضة",
    "افتتح مصنع في مدينة 6 أكتوبر بالجيزة",
    "حتى القرن 17 ق.م. عندما غزا الهكسوس",  # before the Common Era: no ISO value
    "في مساء ذلك اليوم وصل",  # that day, not today
    "مقتنيات من القرنين العاشر والحادي عشر",  # two named centuries, not a length
    "رجل في الخمسينيات من عمره",  # an age
    "أهداف الألفية للتنمية",
    "وتنتهي في 20 منه",  # "of it" with no month named before
    "من أجل غد أفضل",
    "فاز للمرة الثالثة م",
    "وأكد في تصريح لـ(بغداد اليوم) أن",  # a news outlet
    "نقلت قناة روسيا اليوم أن",
    "ومن أشهر كلماته قصيدة",  # أشهر = most famous
    "وبعد سنة 3000 ق.م. صنعوا",
    "فاز على ضيفه 4 - 1 مساء",
    "ستنشر تقريرها السنوي في موعده",  # a relational adjective in a noun phrase is not a recurrence
    "",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_a_timex(text: str) -> None:
    assert find_timexes(text, DCT) == []


def test_relative_resolution_follows_the_dct() -> None:
    assert one("قال أمس", "2024-03-01").value == "2024-02-29"
    assert one("العام المقبل", "2019-06-01").value == "2020"
    assert one("الأسبوع الماضي", "2026-01-05").value == "2026-W01"
    assert one("قبل ثلاثة أشهر", "2026-02-10").value == "2025-11"
    assert one("الإثنين", "2025-08-19").value == "2025-08-18"


def test_without_dct_relative_values_keep_unknowns() -> None:
    assert one("قال أمس", None).value == "XXXX-XX-XX"
    assert one("في سبتمبر 2025", None).value == "2025-09"


def test_bad_dct_is_an_analysis_error() -> None:
    from analysis.errors import AnalysisError

    with pytest.raises(AnalysisError):
        find_timexes("اليوم", "2025-13-45")


def test_scanner_finds_what_a_full_scan_finds() -> None:
    """The fast scanner (rules tried only at their first words) misses nothing a full scan finds."""
    texts = [c[0] for c in CASES] + NEGATIVES
    for text in texts:
        norm = NormText.of(text).norm
        ctx = Context(norm, DCT)
        full = {(c.rule, c.start, c.end, c.value) for r in RULES.values() for c in r.candidates(ctx)}
        fast = {(c.rule, c.start, c.end, c.value) for c in scan(ctx)}
        assert full <= fast, (text, full - fast)


def test_dual_month_names_side_by_side() -> None:
    t = one("في 9 يوليو تموز الماضي قال")
    assert (t.text, t.value) == ("9 يوليو تموز الماضي", "2025-07-09")
    assert one("بعد هجمات سبتمبر ايلول 2001 على").value == "2001-09"


def test_last_night_and_scores() -> None:
    assert one("أغارت طائرة الليلة الماضية على").value == "2025-12-30TNI"
    assert find_timexes("بعد أن كانت مهزومة 1 صفر .", DCT) == []


def test_day_of_the_current_or_last_month() -> None:
    assert one("في الثالث من الشهر الجاري قال").value == "2025-12-03"
    assert one("في 20 من الشهر الماضي قال").value == "2025-11-20"
    assert one("في الـ15 من أيلول الماضي").value == "2025-09-15"


def test_counted_periods_are_durations() -> None:
    t = one("خلال السنوات العشر الماضية تغير")
    assert (t.text, t.type, t.value) == ("السنوات العشر الماضية", "DURATION", "P10Y")
    assert one("منذ عقد من الزمن").value == "P1DE"


def test_since_until_range_keeps_since_outside() -> None:
    t = one("الحرب منذ 2014 وحتى 2017 كانت")
    assert (t.text, t.value) == ("2014 وحتى 2017", "2014/2017")
    assert one("في الفترة ما بين 2014 و2017 هزم").text == "بين 2014 و2017"


def test_anaphoric_periods_take_the_date_named_before() -> None:
    """``العام نفسه`` / ``العام التالي`` / ``الشهر نفسه`` / ``اليوم التالي`` refer back, not to the dct."""
    assert spans("احتل الموصل في حزيران 2014، وفي آب من العام نفسه بدأ") == [
        ("حزيران 2014", "DATE", "2014-06", None),
        ("آب من العام نفسه", "DATE", "2014-08", None),
    ]
    assert spans("في كانون الأول 2017، وجرت الانتخابات في أيار من العام التالي.")[1][2] == "2018-05"
    assert spans("بدأت في 2023 وانتهت في نهاية العام ذاته.")[1][2:] == ("2023", "END")
    assert spans("تظاهروا في 3 تشرين الأول 2019 ثم في الخامس والعشرين من الشهر نفسه")[1][2] == "2019-10-25"
    assert spans("وصل في 5 آذار 2024 وغادر في اليوم التالي")[1][2] == "2024-03-06"
    assert spans("بدأت في 2 حزيران/يونيو وانتهت في 20 منه.")[1][2] == "2025-06-20"
    # without a date before, the dct is the reference
    assert one("وفي العام نفسه كتب").value == "2025"
    # a new paragraph starts without a reference
    assert spans("في حزيران 2014.\nوفي العام نفسه")[1][2] == "2025"


def test_decades_follow_the_dct() -> None:
    assert one("في التسعينيات", "2025-06-01").value == "199X"
    assert one("في العشرينيات", "2025-06-01").value == "202X"
    assert one("في العشرينيات", "2015-06-01").value == "192X"
    assert one("في التسعينيات", None).value == "XX9X"


def test_two_years_under_the_dual_are_an_interval_only_when_consecutive() -> None:
    assert [t.value for t in find_timexes("وشهدت عامي 2023 و2024 هجمات", DCT)] == ["2023/2024"]
    assert [t.value for t in find_timexes("وشهدت عامي 2014 و2017 هجمات", DCT)] == ["2014", "2017"]
