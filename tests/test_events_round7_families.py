"""Trigger families (issue 8, round 7), many told against the article's story (``analysis.events.story``): talks
on the presence, the bill on the foreign forces, investigations and arrests after an attack, the Peshmerga's
unification, operations against ISIS, and statements of their own (an envoy summoned, an agreement rejected).

Every sentence here was written for these tests (not taken from any article or fixture). Conventions:
docs/ANNOTATION.md, section "Events" (talks, readings, investigations and reforms are ``other``; an operation
launched, going on or ended is ``war``). Each family has look-alikes that must stay no event.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.events import extract, story, triggers
from helpers import body_events, events_of

DCT = "2025-11-20"  # a Thursday


def _events(tmp_path: Path, *paragraphs: str):
    return body_events(tmp_path, "\n\n".join(paragraphs), DCT)


# ---------------------------------------------------------------------------------------------
# The story: worked out from the article's sentences, and none outside an article.

def _tokens(text: str):
    return [toks for _, toks in extract.sentence_tokens(text)]


def test_story_names_its_topics_and_none_outside_an_article():
    sents = _tokens("عقدت بغداد وواشنطن جولة جديدة من الحوار بشأن مستقبل قوات التحالف. وقال مصدر إن الأجواء إيجابية.")
    with story.told(sents) as st:
        assert st.has("talks") and not st.has("bill") and not st.has("inquiry")
        assert story.current() is st
    assert not story.current().has("talks")


def test_a_sentence_read_alone_has_no_story():
    toks = _tokens("وذكرت الدائرة الإعلامية أن القراءة الثانية ستجري الأسبوع المقبل.")[0]
    assert not [t for t in triggers.find_sentence_triggers(toks, []) if t.rule == "story_reading"]


# ---------------------------------------------------------------------------------------------
# Talks and rounds (``other``) in an article about the talks on the presence.

TALKS_LEAD = "بدأت بغداد وواشنطن جولة جديدة من الحوار بشأن مستقبل قوات التحالف الدولي في العراق."


@pytest.mark.parametrize(
    "sentence, status, date",
    [
        ("وقال مصدر إن الوفدين عقدا اجتماعهما الثاني يوم الثلاثاء الماضي في بغداد.", "occurred", "2025-11-18"),
        ("وأضاف أن الفرق الفنية ستجتمع مطلع الشهر المقبل لمراجعة المقترحات.", "planned", "2025-12"),
        ("وكانت اللجنة قد عقدت جولتها الأولى في أيلول الماضي، ثم جولة ثانية خلال تشرين الأول.", "occurred", "2025-10"),
    ],
)
def test_meetings_and_rounds_of_the_talks_are_other(tmp_path, sentence, status, date):
    found = events_of(_events(tmp_path, TALKS_LEAD, sentence), "other", sentence[:12])
    assert any(e.status == status and e.date == date for e in found), [(e.trigger, e.date, e.status) for e in found]


def test_meetings_of_talks_on_something_else_are_no_events(tmp_path):
    lead = "بدأت وزارة المالية جولة مفاوضات مع صندوق النقد الدولي حول قرض جديد."
    sentence = "وقال مصدر إن الوفدين عقدا اجتماعهما الثاني يوم الثلاثاء الماضي في بغداد."
    assert not events_of(_events(tmp_path, lead, sentence), "other", "الوفدين")


@pytest.mark.parametrize(
    "sentence",
    [
        "وعقد المتحدث باسم الحكومة مؤتمرا صحفيا يوم الثلاثاء الماضي في بغداد.",
        "وأجرى قائد الشرطة جولة ميدانية يوم الثلاثاء الماضي في أسواق الكرادة.",
        "وقال الوزير إن الوفد عمل باجتماعات مكثفة طيلة الأشهر الستة الماضية.",
    ],
)
def test_press_conferences_and_tours_in_a_talks_article_are_no_talks(tmp_path, sentence):
    assert not events_of(_events(tmp_path, TALKS_LEAD, sentence), "other", sentence[:12])


# ---------------------------------------------------------------------------------------------
# The bill on the foreign forces: its readings (``other``) and its vote, told without naming it again.

BILL_LEAD = "أنهى مجلس النواب القراءة الأولى لمشروع قانون إخراج القوات الأجنبية من البلاد."
BILL_NEXT = "وذكرت الدائرة الإعلامية أن القراءة الثانية ستجري الأسبوع المقبل، تمهيدا للتصويت على القانون منتصف الشهر المقبل."


def test_reading_and_vote_of_the_articles_bill_are_planned(tmp_path):
    events = _events(tmp_path, BILL_LEAD, BILL_NEXT)
    readings = events_of(events, "other", "القراءة الثانية")
    votes = events_of(events, "vote", "القراءة الثانية")
    assert any(e.status == "planned" and e.date == "2025-W48" for e in readings), [(e.trigger, e.date) for e in readings]
    assert any(e.status == "planned" and e.date == "2025-12" and e.date_mod == "MID" for e in votes), [(e.trigger, e.date) for e in votes]


def test_reading_and_vote_of_a_civil_bill_are_no_events(tmp_path):
    lead = "أنهى مجلس النواب القراءة الأولى لمشروع قانون الضمان الاجتماعي للعمال."
    events = _events(tmp_path, lead, BILL_NEXT)
    assert not events_of(events, "other", "القراءة الثانية") and not events_of(events, "vote")


def test_committee_hearing_on_the_bill_is_other(tmp_path):
    sentence = "واستضافت لجنة الأمن والدفاع النيابية، أمس الأربعاء، وزير الدفاع لمناقشة مواد القانون."
    found = events_of(_events(tmp_path, BILL_LEAD, sentence), "other", "استضافت")
    assert any(e.date == "2025-11-19" and e.status == "occurred" for e in found), [(e.trigger, e.date) for e in found]


def test_a_city_hosting_a_festival_is_no_event(tmp_path):
    sentence = "واستضافت مدينة أربيل، أمس الأربعاء، مهرجانا للكتاب بمشاركة عشرات دور النشر."
    assert not events_of(_events(tmp_path, BILL_LEAD, sentence), "other", "مهرجانا")


def test_vote_on_another_bill_in_a_bill_article_is_no_vote(tmp_path):
    sentence = "ومن المقرر التصويت على قانون الموازنة منتصف الشهر المقبل."
    assert not events_of(_events(tmp_path, BILL_LEAD, sentence), "vote", "الموازنة")


# ---------------------------------------------------------------------------------------------
# Investigations and arrests after an attack on the forces (``other``); not ordinary crime.

def test_investigation_of_the_attack_going_on_is_other(tmp_path):
    lead = "تعرضت قاعدة عين الأسد لهجوم بطائرة مسيرة الأسبوع الماضي من دون إصابات."
    sentence = "وقال عضو في لجنة التحقيق بالهجوم على القاعدة إن التحقيقات مستمرة ولم تحدد الجهة المنفذة بعد."
    found = events_of(_events(tmp_path, lead, sentence), "other", "التحقيقات")
    assert found and found[0].status == "ongoing", [(e.trigger, e.status) for e in found]


def test_arrest_of_suspects_of_an_attack_is_other(tmp_path):
    sentence = "أعلنت وزارة الداخلية، أمس الأربعاء، اعتقال ثلاثة متهمين بالضلوع في الهجوم الصاروخي على قاعدة فكتوريا."
    found = events_of(_events(tmp_path, sentence), "other")
    assert any(e.date == "2025-11-19" and e.status == "occurred" for e in found), [(e.trigger, e.date) for e in found]


def test_arrests_and_investigations_of_ordinary_crime_are_no_events(tmp_path):
    lead = "أعلنت مديرية شرطة بغداد، أمس الأربعاء، اعتقال ثلاثة متهمين بسرقة محل للمجوهرات في الكرادة."
    events = _events(tmp_path, lead, "وقال مصدر في الشرطة إن التحقيقات مستمرة لكشف بقية أفراد العصابة.")
    assert not events_of(events, "other")


# ---------------------------------------------------------------------------------------------
# The Peshmerga's unification backed by the coalition (``other``); not a merger of ministries.

def test_units_merged_and_the_unification_to_be_completed_are_other(tmp_path):
    lead = "أعلنت وزارة شؤون البيشمركة، أمس الأربعاء، أنها دمجت ثلاثة ألوية جديدة ضمن الفرق الموحدة بدعم من التحالف الدولي."
    later = "وقال مسؤول في الوزارة إن الدمج يسير ببطء وإنه سيمتد إلى الربع الأول من العام المقبل."
    events = _events(tmp_path, lead, later)
    assert any(e.date == "2025-11-19" and e.status == "occurred" for e in events_of(events, "other", "ألوية"))
    assert any(e.date == "2026-Q1" and e.status == "planned" for e in events_of(events, "other", "ببطء"))


def test_merging_two_ministries_is_no_event(tmp_path):
    body = "أعلنت الحكومة، أمس الأربعاء، دمج وزارتي التخطيط والتجارة في وزارة واحدة."
    assert not events_of(_events(tmp_path, body), "other")


# ---------------------------------------------------------------------------------------------
# Operations against ISIS: launched (the verb before its subject), carried out, ended (``war``).

@pytest.mark.parametrize(
    "body, status, date",
    [
        # launched the day before the article: going on (round 8: writers E, H, Q mark a launched operation ongoing)
        ("انطلقت أمس الأربعاء عملية عسكرية واسعة لملاحقة خلايا تنظيم داعش في صحراء الأنبار.", "ongoing", "2025-11-19"),
        ("وقالت قيادة العمليات إن العملية العسكرية في جبال مكحول انتهت بالكامل أمس الأربعاء.", "occurred", "2025-11-19"),
        ("وستعقب الغارات عمليات تفتيش برية تنفذها قطعات الجيش مطلع الشهر المقبل لملاحقة خلايا داعش.", "planned", "2025-12"),
    ],
)
def test_operations_against_isis_are_war(tmp_path, body, status, date):
    found = events_of(_events(tmp_path, body), "war")
    assert any(e.status == status and e.date == date for e in found), [(e.trigger, e.date, e.status) for e in found]


@pytest.mark.parametrize(
    "body",
    [
        "وأجريت للاعب عملية جراحية في الركبة انتهت بنجاح أمس الأربعاء.",
        "وقالت المفوضية إن عملية فرز الأصوات انتهت بالكامل أمس الأربعاء.",
    ],
)
def test_operations_that_are_not_military_are_no_war(tmp_path, body):
    assert not events_of(_events(tmp_path, body), "war")


@pytest.mark.parametrize(
    "body",
    [
        "ونفذت قوات خاصة أمريكية ليل السبت عملية إنزال في ريف إدلب انتهت بمقتل قيادي في تنظيم داعش.",
        "وقال القائد إن التنسيق مع التحالف الدولي مستمر عبر غرفة عمليات مشتركة لملاحقة خلايا داعش.",
    ],
)
def test_a_raids_outcome_and_an_operations_room_are_no_war(tmp_path, body):
    assert not events_of(_events(tmp_path, body), "war")


# ---------------------------------------------------------------------------------------------
# Statements of their own (``announcement``): an envoy summoned, an agreement rejected.

@pytest.mark.parametrize(
    "body",
    [
        "استدعت وزارة الخارجية، اليوم الخميس، القائم بالأعمال الأمريكي احتجاجا على الضربات الأخيرة.",
        "رفضت كتل نيابية، اليوم الخميس، الاتفاق الأمني مع واشنطن بشأن بقاء القوات الأمريكية.",
    ],
)
def test_summons_and_rejections_are_announcements(tmp_path, body):
    found = events_of(_events(tmp_path, body), "announcement")
    assert any(e.date == DCT for e in found), [(e.trigger, e.date) for e in found]


@pytest.mark.parametrize(
    "body",
    [
        "ورفض المتحدث، اليوم الخميس، الإفصاح عن عدد القوات الأمريكية في القاعدة.",
        "واستدعت المحكمة، اليوم الخميس، الشاهد للإدلاء بإفادته في قضية الفساد.",
    ],
)
def test_refusals_and_summons_of_witnesses_are_no_announcements(tmp_path, body):
    assert not events_of(_events(tmp_path, body), "announcement")
