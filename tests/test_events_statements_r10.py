"""Round 10: official statements told subject first, in a clause of reference or of time, or dated after what they say.

A state body's statement reported as news is an ``announcement`` besides what it reports (docs/ANNOTATION.md,
"Statement classes settled in round 10"). Round 10 takes a live entry told subject first (class 1), a statement named
in a clause of reference with its own date or medium (class 2), one in a clause of time with its own date (class 3) and
the ``وذلك في بيان صدر …`` that dates a lead's statement (class 4). Sentences are written for these tests; extraction
runs with and without the learned tagger.
"""

from __future__ import annotations

import pytest

from analysis.events.statements import reference_clause, subject_first, time_clause
from analysis.text import tokens

TAIL = "\n\nوأضاف أن العمل سيجري وفق الجدول المتفق عليه بين الجانبين."
LEAD = "بدأت القوات العراقية، صباح اليوم، تسلم قاعدة عين الأسد من قوات التحالف الدولي في الأنبار.\n\n"


@pytest.fixture
def events(extraction):
    """Events of a short article, by the rules alone or with the learned tagger (the default)."""
    return lambda body, dct="2026-03-10", title="تقرير إخباري": extraction(body, dct, title)


def announced(found):
    """The (trigger, date) of the statements reported as news among ``found``, each report apart."""
    return sorted(
        ((m.trigger, e.date) for e in found if e.type == "announcement" and e.news_statement for m in e.mentions),
        key=lambda x: next(m.trigger_start for e in found for m in e.mentions if m.trigger == x[0]),
    )


def test_offsets_of_the_new_statements_are_the_article_text(events):
    found = events(LEAD + "14:10 - وزارة الخارجية تعلن في بيان أن المستشارين غادروا البلاد.")
    news = [e for e in found if e.news_statement]
    assert news
    for e in news:
        for m in e.mentions:
            assert m.trigger in e.sentence
            assert e.sentence[m.trigger_start - e.sentence_start : m.trigger_end - e.sentence_start] == m.trigger


def test_class1_a_live_entry_told_subject_first_is_dated_by_its_time(events):
    body = LEAD + "وقال شهود إن الأرتال تحركت منذ الفجر.\n\n14:10 - وزارة الخارجية تعلن في بيان أن المستشارين غادروا البلاد."
    assert announced(events(body)) == [("تعلن", "2026-03-10T14:10")]


@pytest.mark.parametrize(
    "entry",
    [
        "14:10 - مصادر أمنية تقول إن رتلا أمريكيا غادر البوابة الشمالية.",  # sources
        "14:10 - النائب عن كتلة برلمانية يقول إن التسليم جاء متأخرا.",  # an MP
        "14:10 - الناطق باسم كتائب مسلحة يقول إن مقاتليه استهدفوا القاعدة.",  # an armed group
        "14:10 - وزارة الخارجية، في بيان طويل ومفصل عن مراحل الانسحاب، تعلن انتهاء المهمة.",  # too far from its verb
    ],
    ids=["sources", "mp", "armed-group", "verb-too-far"],
)
def test_class1_no_subject_first_statement_of_sources_mps_groups(events, entry):
    assert not announced(events(LEAD + entry))


def test_class1_subject_first_only_in_a_live_entry():
    assert subject_first(tokens("14:10 - وزارة الدفاع تعلن في بيان"), 6) == 4
    assert subject_first(tokens("لكن وزارة الدفاع قالت إن الموعد لم يحسم"), 3) is None  # not an entry (W27)
    assert subject_first(tokens("14:10 - وزارة الدفاع وتقول إن"), 6) is None  # the speaker going on


@pytest.mark.parametrize(
    "sentence, verb, date",
    [
        ("وكان مقررا تسليم المعسكر في الشهر الجاري، وفق ما أعلنته وزارة الدفاع في كانون الثاني الماضي.", "أعلنته", "2026-01"),
        ("وستغادر القوات قاعدة حرير قبل نهاية العام، بحسب ما أفاد به مكتب رئيس الوزراء، اليوم الثلاثاء.", "أفاد", "2026-03-10"),
        ("وغادر آخر المستشارين مقر القيادة، بحسب ما أكده نائب قائد العمليات المشتركة في تصريح صحفي.", "أكده", "2026-03-10"),
    ],
    ids=["wifq-ma-dated", "bi-hasab-ma-afada-bihi", "deputy-with-medium"],
)
def test_class2_a_statement_named_in_a_clause_of_reference(events, sentence, verb, date):
    """Dated by its own clause; named with its medium only, by what it reports (the lead's day here)."""
    assert announced(events(LEAD + sentence)) == [(verb, date)]


def test_class2_in_the_lead_with_no_date_of_its_own_is_of_the_report_day(events):
    lead = "غادر آخر المستشارين مقر القيادة في بغداد، بحسب ما أكده نائب قائد العمليات المشتركة في تصريح صحفي."
    assert announced(events(lead + TAIL)) == [("أكده", "2026-03-10")]


@pytest.mark.parametrize(
    "sentence",
    [
        "وأصيب ثلاثة جنود في الهجوم على المعسكر مساء أمس، وفق ما أعلنت قيادة العمليات المشتركة.",  # an attribution: no date, no medium
        "وستغادر القوات قاعدة حرير قبل نهاية العام، بحسب ما ذكرته وسائل إعلام محلية اليوم.",  # media
        "وستغادر القوات قاعدة حرير قبل نهاية العام، بحسب ما أكده النائب عن كتلة برلمانية اليوم.",  # an MP
        "وستغادر القوات القاعدة، بحسب ما أفادت به مصادر مطلعة في تصريح صحفي.",  # sources
    ],
    ids=["attribution", "media", "mp", "sources"],
)
def test_class2_no_statement_for_attributions_media_mps_or_sources(events, sentence):
    assert not announced(events(LEAD + sentence))


def test_class2_the_clause_of_reference():
    assert reference_clause(tokens("وفق ما أعلنته واشنطن"), 2)
    assert reference_clause(tokens("بحسب ما أكده نائب"), 2)
    assert not reference_clause(tokens("وهو ما أعلنته واشنطن"), 2)


def test_class3_a_statement_in_a_clause_of_time_with_its_own_date(events):
    body = LEAD + "ويأتي ذلك بعد أن دعا وكيل وزارة الداخلية في الإقليم، الاثنين، إلى إبقاء قوة محدودة في أربيل."
    assert announced(events(body)) == [("دعا", "2026-03-09")]


@pytest.mark.parametrize(
    "sentence",
    [
        "ويأتي ذلك بعد أن دعا وكيل وزارة الداخلية في الإقليم إلى إبقاء قوة محدودة في أربيل.",  # no date of its own
        "ويأتي ذلك بعد أن دعا النائب عن كتلة برلمانية، الاثنين، إلى إبقاء قوة محدودة في أربيل.",  # an MP
        "ويأتي ذلك بعد أن دعت فصائل مسلحة، الاثنين، إلى استهداف القواعد الأجنبية.",  # armed groups
    ],
    ids=["undated", "mp", "armed-groups"],
)
def test_class3_no_statement_undated_or_not_official(events, sentence):
    assert not announced(events(LEAD + sentence))


def test_class3_the_clause_of_time():
    assert time_clause(tokens("بعد أن دعا وكيل"), 2)
    assert time_clause(tokens("حين أعلنت الحكومة"), 1)
    assert not time_clause(tokens("بعد دعوة وكيل"), 1)


def test_class4_wa_dhalika_fi_bayan_dates_the_lead_statement(events):
    lead = "قالت القيادة المركزية الأمريكية إن قواتها أكملت الانسحاب من قاعدة عين الأسد، وذلك في بيان صدر مساء الأحد."
    assert announced(events(lead + TAIL)) == [("قالت", "2026-03-08TEV")]


def test_class4_a_timex_of_what_is_said_does_not_date_the_statement(events):
    lead = "قالت القيادة المركزية الأمريكية إن قواتها ستنسحب من قاعدة عين الأسد الأحد، وذلك في بيان مقتضب."
    assert announced(events(lead + TAIL)) == [("قالت", None)]
