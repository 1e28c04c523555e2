"""Round 8 (issue 8): an official statement reported as news is an announcement of its own.

The hand-annotated real articles list the statement an article leads with, when a state body made it,
and an earlier statement the article dates apart, as ``announcement`` events besides the events they
report (docs/ANNOTATION.md, "Events", round 8; ``analysis.events.statements``). Sentences are written
for these tests; extraction runs with and without the learned tagger.
"""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.events.statements import earlier, lead_sentences, opens_sentence
from analysis.text import tokens
from helpers import body_events, events_of


@pytest.fixture
def events(extraction):
    """Events of a short article, by the rules alone or with the learned tagger (the default)."""
    return lambda body, dct="2026-01-20", title="تقرير إخباري": extraction(body, dct, title)


@pytest.mark.parametrize(
    "lead, type_",
    [
        ("أعلنت وزارة الدفاع العراقية، اليوم الثلاثاء، أن الجيش تسلم قاعدة الحبانية من قوات التحالف الدولي.", "handover"),
        ("أكد المتحدث باسم الحكومة العراقية، الثلاثاء، أن قوات التحالف انسحبت من قاعدة التاجي بالكامل.", "withdrawal"),
        ("بغداد – أعلنت قيادة العمليات المشتركة إكمال انسحاب المستشارين الأجانب من قاعدة الأسد الجوية.", "withdrawal"),
        ("نفت السفارة الأمريكية في بغداد، اليوم، تأجيل انسحاب قواتها من مقر القيادة في العاصمة إلى العام المقبل.", None),
    ],
    ids=["ministry-handover", "spokesman-withdrawal", "dateline-command", "embassy-denial"],
)
def test_a_state_bodys_lead_statement_is_an_announcement_besides_what_it_reports(events, lead, type_):
    found = events(lead + "\n\nوقال مصدر عسكري إن العملية جرت وفق الجدول المتفق عليه.")
    announced = events_of(found, "announcement")
    assert len(announced) == 1 and announced[0].status == "occurred", [(e.type, e.trigger) for e in found]
    assert announced[0].trigger in lead
    if type_ is not None:
        assert events_of(found, type_), [(e.type, e.trigger) for e in found]


def test_the_announcement_is_dated_by_its_own_timex_and_its_offsets_hold(events, tmp_path):
    body = "أعلنت وزارة الدفاع العراقية، اليوم الثلاثاء، أن الجيش تسلم قاعدة الحبانية من قوات التحالف الدولي."
    found = events(body)
    ann = events_of(found, "announcement")[0]
    text = (tmp_path / "001_case.txt").read_text(encoding="utf-8")
    assert text[ann.trigger_start : ann.trigger_end] == ann.trigger == "أعلنت"
    assert ann.date == "2026-01-20"


@pytest.mark.parametrize(
    "lead",
    [
        "كشفت مصادر أمنية مطلعة، اليوم، أن قوات التحالف انسحبت من قاعدة التاجي بالكامل.",
        "ذكرت وسائل إعلام محلية أن القوات الأمريكية غادرت قاعدة حرير شمال أربيل.",
        "أعلنت فصائل مسلحة، في بيان، أنها استهدفت قاعدة فكتوريا قرب مطار بغداد بطائرة مسيرة.",
        "أكد النائب عن كتلة برلمانية أن انسحاب القوات الأجنبية من البلاد تأخر كثيرا.",
        "أعلنت بغداد وواشنطن، في بيان مشترك اليوم، التوصل إلى اتفاق على إنهاء مهمة التحالف بحلول أيلول المقبل.",
    ],
    ids=["sources", "media", "armed-group-claim", "mp-comment", "joint-statement-is-the-agreement"],
)
def test_sources_media_claims_comment_and_joint_statements_are_no_announcement(events, lead):
    found = events(lead)
    assert not events_of(found, "announcement"), [(e.type, e.trigger) for e in found]


def test_a_later_statement_of_the_news_is_no_new_announcement(events):
    body = (
        "ذكرت وكالة محلية أن الجيش العراقي تسلم قاعدة الحبانية من قوات التحالف الدولي يوم الأحد.\n\n"
        "وأكدت وزارة الدفاع أن عملية التسليم جرت بسلاسة."
    )
    assert not events_of(events(body), "announcement")


def test_an_earlier_statement_dated_apart_is_an_announcement(events):
    body = (
        "ذكرت وكالة محلية أن الجيش العراقي تسلم قاعدة الحبانية من قوات التحالف الدولي يوم الأحد.\n\n"
        "وكانت السفارة الأمريكية في بغداد قد أعلنت، في وقت سابق، أن قوات بلادها ستغادر القاعدة قبل نهاية الشهر."
    )
    announced = events_of(events(body), "announcement")
    assert [(e.trigger, e.date) for e in announced] == [("أعلنت", "PAST_REF")]


def test_a_pluperfect_statement_finds_its_speaker_before_the_verb(events):
    body = (
        "ذكرت وكالة محلية أن الجيش العراقي تسلم قاعدة الحبانية من قوات التحالف الدولي يوم الأحد.\n\n"
        "وكان المتحدث باسم وزارة الدفاع العراقية، اللواء الركن فلان الفلاني، قد أكد قبل أيام أن التسليم سيجري هذا الأسبوع."
    )
    announced = events_of(events(body), "announcement")
    assert [e.date for e in announced] == ["PAST_REF"]


@pytest.mark.parametrize(
    "value, expected",
    [("PAST_REF", True), ("2026-01-19", False), ("2026-01-20", False), ("2026-01-15", True), ("2025-12", True),
     ("2026-01", False), ("2025", True), ("FUTURE_REF", False), (None, False)],
)  # fmt: skip
def test_earlier_means_apart_from_the_news_day(value, expected):
    assert earlier(value, dt.date(2026, 1, 20)) is expected


def test_the_lead_skips_short_lines_and_a_verb_must_open_its_sentence():
    short = tokens("بغداد – 20 كانون الثاني 2026")
    long1 = tokens("أعلنت وزارة الدفاع اليوم أن الجيش تسلم القاعدة.")
    long2 = tokens("وقال المتحدث إن التسليم جرى في موعده المحدد تماما.")
    long3 = tokens("وأضاف أن القوات العراقية ستتولى حماية القاعدة من الآن.")
    assert lead_sentences([short, long1, long2, long3]) == {1, 2}
    dateline = tokens("الوكالة الإخبارية - أعلنت وزارة الدفاع اليوم")
    verb = next(i for i, t in enumerate(dateline) if t.text == "أعلنت")
    assert opens_sentence(dateline, verb)
    inside = tokens("وفي سياق آخر أعلنت وزارة الدفاع اليوم")
    assert not opens_sentence(inside, next(i for i, t in enumerate(inside) if t.text == "أعلنت"))


def test_a_news_statement_is_a_source_not_a_timeline_row(tmp_path):
    from analysis.events import merge_events

    body = "أعلنت وزارة الدفاع العراقية، اليوم الثلاثاء، أن الجيش تسلم قاعدة الحبانية من قوات التحالف الدولي."
    found = body_events(tmp_path, body, dct="2026-01-20")
    assert {e.type for e in found} == {"announcement", "handover"}
    assert [e.news_statement for e in found if e.type == "announcement"] == [True]
    table = merge_events(found)
    assert list(table["type"]) == ["handover"]
    cited = table["sources"].iloc[0][0]
    statement = next(e for e in found if e.type == "announcement")
    assert cited["sentence_start"] == statement.sentence_start  # the statement's sentence is still the row's source


def test_an_announcement_of_its_own_stays_a_timeline_row(tmp_path):
    from analysis.events import merge_events

    body = "نفت قيادة العمليات المشتركة، اليوم، وجود أي نية لتمديد بقاء المستشارين."
    found = body_events(tmp_path, body, dct="2026-01-20")
    announced = events_of(found, "announcement")
    assert announced and not announced[0].news_statement
    assert "announcement" in list(merge_events(found)["type"])


def test_a_dateline_closed_by_an_agency_in_parentheses(events):
    lead = "بغداد 5 شباط 2026 (وكالات) أعلنت قيادة العمليات المشتركة إكمال انسحاب المستشارين من قاعدة عين الأسد."
    assert events_of(events(lead), "announcement")
