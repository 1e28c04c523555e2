"""Round 9: more official statements reported as news (``analysis.events.statements``).

A state body's statement that an article reports as news is an ``announcement`` besides what it reports
(docs/ANNOTATION.md, "Classes settled in round 8"). Round 9 takes the speech verbs outside the trigger table
(class 1), more state bodies as speakers (class 2), datelines (class 3), live-page entries (class 4), a second
state body's reaction in the body (class 5) and earlier statements dated apart by a week or told with a speech
verb (class 6). Sentences are written for these tests; extraction runs with and without the learned tagger.
"""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.events.statements import earlier, entry_opening, official, reaction_opening, same_speaker, speaker_key
from analysis.text import tokens
from helpers import body_events, events_of

TAIL = "\n\nوأضاف أن العمل سيجري وفق الجدول المتفق عليه بين الجانبين."


@pytest.fixture
def events(extraction):
    """Events of a short article, by the rules alone or with the learned tagger (the default)."""
    return lambda body, dct="2026-03-10", title="تقرير إخباري": extraction(body, dct, title)


def announced(found):
    """The (trigger, date) of the statements reported as news among ``found``, each report apart: two statements of
    one day are one merged event whose reports are its ``mentions`` (``extract.dedupe_events``)."""
    return sorted(
        ((m.trigger, e.date) for e in found if e.type == "announcement" and e.news_statement for m in e.mentions),
        key=lambda x: next(m.trigger_start for e in found for m in e.mentions if m.trigger == x[0]),
    )


@pytest.mark.parametrize(
    "lead, verb",
    [
        ("قالت وزارة الدفاع العراقية، اليوم الثلاثاء، إن الجيش سيتسلم معسكر التاجي من التحالف الدولي مطلع الشهر المقبل.", "قالت"),
        ("أفادت قيادة العمليات المشتركة، اليوم الثلاثاء، بأن آخر المستشارين الأجانب غادروا مقرها في العاصمة.", "أفادت"),
        ("ذكر مكتب رئيس الوزراء، اليوم الثلاثاء، أن الحكومة أنهت التحضيرات لتسلم القاعدة من القوات الأجنبية.", "ذكر"),
        ("شدد المتحدث باسم الحكومة، اليوم الثلاثاء، على أن القوات الأجنبية ستغادر الإقليم في الموعد المحدد.", "شدد"),
        ("طالبت وزارة الخارجية السورية، اليوم الثلاثاء، بانسحاب القوات الأمريكية من حقل العمر النفطي فورا.", "طالبت"),
        ("أصدرت قيادة العمليات المشتركة، اليوم الثلاثاء، بيانا قالت فيه إن القوات العراقية تسلمت القاعدة بالكامل.", "أصدرت"),
    ],
    ids=["qalat", "afadat-bi-anna", "dhakara-office", "shaddada-spokesman", "talabat-ministry", "asdarat-bayan"],
)
def test_class1_a_lead_statement_with_another_speech_verb(events, lead, verb):
    found = events(lead + TAIL)
    assert announced(found) == [(verb, "2026-03-10")], [(e.type, e.trigger, e.date) for e in found]


@pytest.mark.parametrize(
    "lead",
    [
        "قالت مصادر أمنية مطلعة، اليوم، إن القوات الأمريكية ستغادر قاعدة حرير خلال أيام.",
        "ذكرت وسائل إعلام محلية أن رتلا أمريكيا غادر قاعدة عين الأسد باتجاه الحدود السورية.",
        "أفادت تقارير صحفية بأن التحالف الدولي بدأ نقل معداته من معسكر التاجي.",
        "قال النائب عن كتلة برلمانية إن انسحاب القوات الأجنبية تأخر أكثر مما ينبغي.",
        "قال الناطق باسم كتائب مسلحة إن مقاتليه استهدفوا قاعدة فكتوريا بطائرة مسيرة.",
        "قال محلل سياسي إن خروج القوات الأجنبية من البلاد لن يكتمل قبل نهاية العام المقبل.",
        "أصدر رئيس الوزراء أمرا بتشكيل لجنة لمتابعة تسلم القواعد من قوات التحالف الدولي.",
    ],
    ids=["sources", "media", "reports", "mp", "armed-group-spokesman", "analyst", "asdara-an-order"],
)
def test_class1_speech_verbs_of_sources_media_parties_and_groups_are_no_statement(events, lead):
    assert not announced(events(lead + TAIL))


@pytest.mark.parametrize(
    "head",
    ["جهاز مكافحة الإرهاب في الإقليم", "الإدارة الأمريكية", "القيادة المركزية الأمريكية (سنتكوم)", "مكتب رئيس الوزراء",
     "لجنة الأمن والدفاع النيابية", "وزارة شؤون البيشمركة", "مستشار رئيس الوزراء للشؤون الأمنية"],
)  # fmt: skip
def test_class2_state_bodies_and_their_voices_speak(head):
    toks = tokens(f"قال {head} إن")
    assert official(toks, 1)


@pytest.mark.parametrize("head", ["رئيس كتلة نيابية", "الناطق باسم حركة مسلحة", "المتحدث باسم الحزب الحاكم", "مصدر أمني", "شهود عيان"])
def test_class2_parties_groups_and_sources_are_no_state_body(head):
    assert not official(tokens(f"قال {head} إن"), 1)


@pytest.mark.parametrize(
    "dateline",
    ["واشنطن - الحرة: ", "واشنطن/ الأناضول - ", "بغداد (رويترز) - ", "أربيل (كوردستان24) - ", "المدى/ بغداد: "],
)
def test_class3_a_dateline_before_the_statement(events, dateline):
    lead = dateline + "قالت وزارة الدفاع، اليوم الثلاثاء، إن القوات العراقية تسلمت معسكر التاجي من التحالف."
    assert announced(events(lead + TAIL)) == [("قالت", "2026-03-10")]


def test_class4_each_live_entry_opens_like_a_lead_and_is_dated_by_its_time(events):
    body = (
        "بدأت القوات العراقية، صباح اليوم، تسلم قاعدة عين الأسد من قوات التحالف الدولي في الأنبار.\n\n"
        "وقال شهود إن الأرتال بدأت التحرك منذ ساعات الفجر الأولى باتجاه الحدود.\n\n"
        "09:40 - قالت وزارة الدفاع العراقية في بيان إن التسلم يجري وفق محاضر رسمية.\n\n"
        "10:15 - قال شهود عيان إن رتلا أمريكيا غادر البوابة الشمالية للقاعدة.\n\n"
        "11:30 - أكدت السفارة الأمريكية في بغداد أن المستشارين غادروا القاعدة.\n\n"
        "12:05 - وقالت الوزارة إن مراسم رسمية ستقام غدا."
    )
    assert announced(events(body)) == [("قالت", "2026-03-10T09:40"), ("أكدت", "2026-03-10T11:30")]


def test_class4_an_entry_opens_with_a_clock_time_and_a_dash():
    assert entry_opening(tokens("13:05 - قالت وزارة الدفاع إن"))
    assert not entry_opening(tokens("قالت وزارة الدفاع في الساعة 13:05 إن"))


LEAD5 = "أعلنت وزارة الدفاع العراقية، اليوم الثلاثاء، أن الجيش تسلم معسكر التاجي من قوات التحالف الدولي.\n\n"


@pytest.mark.parametrize(
    "reaction, verb",
    [
        ("من جهتها، نفت السفارة الأمريكية في بغداد، اليوم، وجود أي خطة لإبقاء مستشارين في المعسكر.", "نفت"),
        ("في المقابل، قال المتحدث باسم حكومة الإقليم، اليوم، إن قوات البيشمركة ستتولى حماية محيط أربيل.", "قال"),
        ("وفي دمشق، رحبت وزارة الخارجية السورية، اليوم، بأي خطوة تنهي الوجود الأجنبي في المنطقة.", "رحبت"),
    ],
    ids=["min-jihatiha", "fi-al-muqabil", "wa-fi-capital"],
)
def test_class5_a_second_state_bodys_reaction_in_the_body(events, reaction, verb):
    found = announced(events(LEAD5 + "وقال ضابط في المعسكر إن العملية جرت بهدوء.\n\n" + reaction))
    assert found == [("أعلنت", "2026-03-10"), (verb, "2026-03-10")]


@pytest.mark.parametrize(
    "reaction",
    [
        "من جهتها، أكدت الوزارة أن الجيش بات مسؤولا عن أمن المعسكر بالكامل.",  # the lead's speaker again
        "في المقابل، قال النائب عن كتلة برلمانية إن التسليم جاء متأخرا.",  # an MP
        "من جانبها، ذكرت مصادر مطلعة أن القوات الأجنبية ستغادر البلاد قريبا.",  # sources
        "وفي السياق، تبنت فصائل مسلحة هجوما على قاعدة قريبة بطائرة مسيرة.",  # an armed group's claim
    ],
    ids=["same-speaker", "mp", "sources", "armed-group"],
)
def test_class5_no_reaction_by_the_same_speaker_mps_sources_or_groups(events, reaction):
    assert announced(events(LEAD5 + reaction)) == [("أعلنت", "2026-03-10")]


def test_class5_not_in_an_article_led_by_sources(events):
    body = (
        "كشفت مصادر أمنية مطلعة، اليوم، أن القوات الأمريكية ستغادر قاعدة حرير خلال أيام.\n\n"
        "من جانبها، أوضحت السفارة الأمريكية، اليوم، أن أي انسحاب سيجري بالتنسيق مع الحكومة."
    )
    assert not announced(events(body))


def test_class5_a_reaction_with_no_date_of_its_own_stays_undated(events):
    found = announced(events(LEAD5 + "من جهتها، نفت السفارة الأمريكية وجود أي خطة لإبقاء مستشارين في المعسكر."))
    assert found == [("أعلنت", "2026-03-10"), ("نفت", None)]


def test_class5_openers_and_speakers():
    toks = tokens("من جهتها، نفت السفارة")
    assert reaction_opening(toks, 3)
    assert reaction_opening(tokens("وفي بغداد، قال المتحدث"), 3)
    assert not reaction_opening(tokens("وفي تطور آخر قال المتحدث"), 4)
    lead = speaker_key(tokens("وزارة الدفاع العراقية"), 0)
    assert same_speaker(speaker_key(tokens("الوزارة أن"), 0), [lead])
    assert not same_speaker(speaker_key(tokens("وزارة الخارجية"), 0), [lead])
    assert same_speaker(speaker_key(tokens("المتحدث باسم وزارة الدفاع"), 0), [lead])  # the ministry's own voice


NEWS6 = "ذكرت وكالة محلية أن الجيش العراقي تسلم معسكر التاجي من قوات التحالف الدولي يوم الأحد.\n\n"


@pytest.mark.parametrize(
    "earlier_statement, verb",
    [
        ("وكانت وزارة الدفاع الأمريكية قد أعلنت قبل أسبوعين أنها ستخفض عدد جنودها في البلاد.", "أعلنت"),
        ("وكان رئيس الوزراء قد شدد الأسبوع الماضي على أن لا حاجة لقوات قتالية أجنبية.", "شدد"),
        ("وكانت القيادة المركزية الأمريكية قد قالت الشهر الماضي إنها تعيد تقييم انتشارها.", "قالت"),
        ("وكانت الإدارة الأمريكية قد أعلنت في نيسان 2025 نيتها خفض قواتها في المنطقة.", "أعلنت"),
    ],
    ids=["weeks-ago", "last-week-shaddada", "last-month-qalat", "administration-april"],
)
def test_class6_an_earlier_statement_dated_apart(events, earlier_statement, verb):
    found = announced(events(NEWS6 + earlier_statement))
    assert [v for v, _ in found] == [verb]


def test_class6_a_weeks_value_is_apart_only_before_the_reports_week():
    dct = dt.date(2026, 3, 11)  # a Wednesday of ISO week 11
    assert earlier("2026-W09", dct) and earlier("2026-W10", dct)
    assert not earlier("2026-W11", dct) and not earlier("2026-W12", dct)


BODY7 = LEAD5 + "وقال ضابط في المعسكر إن العملية جرت بهدوء ومن دون حوادث تذكر.\n\n"  # past the lead: the body


def test_class7_a_new_state_body_speaking_in_the_body_with_a_date_of_its_own(events):
    body = BODY7 + "وقالت القيادة المركزية الأمريكية في بيان اليوم إن قواتها غادرت المعسكر نهائيا."
    assert announced(events(body)) == [("أعلنت", "2026-03-10"), ("وقالت", "2026-03-10")]


@pytest.mark.parametrize(
    "body_sentence",
    [
        "وقالت القيادة المركزية الأمريكية إن قواتها غادرت المعسكر نهائيا.",  # no date of its own: the report going on
        "وأضاف البيان أن القوات العراقية ستتولى حماية المعسكر.",
        "وتابع المتحدث أن العملية جرت بسلاسة.",
        "وقالت الوزارة في بيان اليوم إن التسليم جرى وفق الجدول.",  # the lead's speaker again
        "وقال النائب عن كتلة برلمانية اليوم إن التسليم جاء متأخرا.",
    ],
    ids=["new-body-undated", "continuation-adafa", "continuation-taba", "same-speaker-wa-qalat", "mp"],
)
def test_class7_continuations_same_speakers_and_undated_ones_are_no_new_statement(events, body_sentence):
    assert announced(events(BODY7 + body_sentence)) == [("أعلنت", "2026-03-10")]


def test_class7_not_in_the_lead_where_wa_goes_on_from_the_headline(events):
    lead = "وقالت القيادة المركزية الأمريكية، أمس الاثنين، إن آخر جنودها غادروا قاعدة الأزرق في الأردن."
    assert not announced(events(lead, title="القيادة المركزية: آخر الجنود غادروا"))


def test_a_speech_verb_statement_is_a_source_not_a_timeline_row(tmp_path):
    from analysis.events import merge_events

    body = "قالت وزارة الدفاع العراقية، اليوم الثلاثاء، إن الجيش تسلم قاعدة الحبانية من قوات التحالف الدولي."
    found = body_events(tmp_path, body, dct="2026-03-10")
    assert {e.type for e in found} == {"announcement", "handover"}
    statement = next(e for e in found if e.type == "announcement")
    assert statement.news_statement and statement.status == "occurred"
    text = (tmp_path / "001_case.txt").read_text(encoding="utf-8")
    assert text[statement.trigger_start : statement.trigger_end] == statement.trigger == "قالت"
    assert list(merge_events(found)["type"]) == ["handover"]


def test_a_negated_speech_verb_is_no_statement(events):
    body = "لم تقل وزارة الدفاع، اليوم، إن القوات الأجنبية غادرت معسكر التاجي." + TAIL
    assert not announced(events(body))
    assert not events_of(events(body), "announcement", "تقل")
