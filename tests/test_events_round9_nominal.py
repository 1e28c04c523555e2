"""Event nouns and live entries by class, round 9 (docs/ANNOTATION.md, "Events", "Classes settled in round 9").

Sentences are written for these tests. Extraction runs without the entity tagger (the gazetteers only).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import body_events, events_of


def _types(tmp_path: Path, body: str, dct: str = "2025-12-31") -> list[tuple[str, str, str | None]]:
    return [(e.type, e.trigger, e.date) for e in body_events(tmp_path, body, dct=dct)]


# ---------------------------------------------------------------------------------------------
# Class 1: a transfer noun going on with no destination is a withdrawal from its site; with one, a redeployment.


@pytest.mark.parametrize(
    "body, place",
    [
        ("قال مسؤول محلي إن عمليات نقل المعدات من قاعدة الحبانية لا تزال جارية منذ الاثنين الماضي.", "الحبانية"),
        ("وأوضح المصدر أن الجنود الأمريكيين ما زالوا في قاعدة التاجي، حيث تتواصل عمليات نقل الآليات من القاعدة.", "التاجي"),
    ],
    ids=["still-going-from-base", "continuing-from-base"],
)
def test_a_transfer_going_on_without_destination_is_a_withdrawal(tmp_path, body, place):
    events = body_events(tmp_path, body)
    found = events_of(events, "withdrawal")
    assert len(found) == 1 and not events_of(events, "redeployment"), [(e.type, e.trigger) for e in events]
    assert found[0].status == "ongoing"
    assert found[0].place == place


@pytest.mark.parametrize(
    "body",
    [
        "قال مسؤول محلي إن عمليات نقل المعدات من قاعدة الحبانية إلى أربيل لا تزال جارية منذ الاثنين الماضي.",
        "وذكر المصدر أن عملية نقل الجنود من قاعدة التاجي نحو الكويت مستمرة منذ أيام.",
    ],
    ids=["to-erbil", "towards-kuwait"],
)
def test_a_transfer_with_a_destination_stays_a_redeployment(tmp_path, body):
    events = body_events(tmp_path, body)
    assert events_of(events, "redeployment") and not events_of(events, "withdrawal"), [(e.type, e.trigger) for e in events]


def test_a_transfer_given_as_a_reason_keeps_its_type(tmp_path):
    body = "أرجئ تسليم قاعدة التاجي إلى الشهر المقبل لاستكمال نقل المعدات والوثائق، وفق مصدر عسكري."
    assert not events_of(body_events(tmp_path, body), "withdrawal")


# ---------------------------------------------------------------------------------------------
# Class 5: background mentions that are no events.


@pytest.mark.parametrize(
    "body",
    [
        "وتعد القاعدة من أقدم المواقع التي استخدمها الجنود الأمريكيون خلال سنوات الحرب على تنظيم داعش.",
        "وقال الوزير إن المبررات زالت بانتهاء الحرب على داعش، داعيا إلى علاقة ثنائية.",
        "وشكر البيان الدول الشريكة على التعاون في الحرب على الإرهاب طوال العقد الماضي.",
        "وكانت الطائرات تنطلق من المطار في ذروة الحرب على التنظيم.",
    ],
    ids=["years-of", "with-its-end", "cooperation-in", "at-its-peak"],
)
def test_an_undated_war_after_a_descriptor_is_no_event(tmp_path, body):
    assert not events_of(body_events(tmp_path, body), "war")


def test_a_dated_war_after_a_descriptor_stays(tmp_path):
    body = "وخلال سنوات الحرب على تنظيم داعش بين عامي 2014 و2017 كانت القاعدة مركزا للعمليات الجوية."
    assert [e.date for e in events_of(body_events(tmp_path, body), "war")] == ["2014/2017"]


@pytest.mark.parametrize(
    "body",
    [
        "وأكد المتحدث باسم الحكومة أن الاتفاق مع واشنطن يسير وفق مراحله المحددة.",
        "ورد المستشار بأن التفاهم مع التحالف ملزم للطرفين.",
        "وبحسب الاتفاق المبرم بين الجانبين، تغادر القوات المتبقية إقليم كردستان في أيلول المقبل.",
    ],
    ids=["claim-that", "reply-that", "according-to"],
)
def test_an_agreement_named_in_a_claim_is_no_event(tmp_path, body):
    assert not events_of(body_events(tmp_path, body), "agreement")


@pytest.mark.parametrize(
    "body",
    [
        "وأعلنت الحكومة أن الاتفاق الذي وقع مع واشنطن في آب 2025 ينهي المهمة على مرحلتين.",
        "وتوصلت بغداد وواشنطن أمس إلى اتفاق ينظم انسحاب القوات.",
    ],
    ids=["dated-after-that", "reached"],
)
def test_an_agreement_reached_or_dated_stays(tmp_path, body):
    assert events_of(body_events(tmp_path, body), "agreement")


# ---------------------------------------------------------------------------------------------
# Class 3: a live entry (a line opened by a clock time and a dash) dates the events it tells.


LIVE = (
    "09:15 - بدأ وصول الضيوف إلى مقر القيادة.\n\n"
    "10:20 - أنزل علم التحالف عن المبنى. مراسلنا: اللواء الخامس تسلم المعسكر بشكل رسمي.\n\n"
    "12:45 - مصدر أمني: قافلة التحالف الأخيرة غادرت القاعدة نحو أربيل بعد الظهر.\n\n"
    "13:30 - ومن المقرر أن تسلم القوات الأمريكية قاعدة الحبانية الأسبوع المقبل.\n\n"
    "14:00 - ذكرت وسائل إعلام أن المحققين لا يزالون في موقع سقوط الصواريخ قرب المطار."
)


def test_a_live_entry_dates_what_it_tells(tmp_path):
    events = body_events(tmp_path, LIVE, dct="2026-03-02")
    handovers = [(e.date, e.sentence) for e in events_of(events, "handover")]
    assert ("2026-03-02T10:20", "مراسلنا: اللواء الخامس تسلم المعسكر بشكل رسمي.") in handovers, handovers  # its second sentence


def test_a_live_entry_leaves_plans_and_what_goes_on_alone(tmp_path):
    events = body_events(tmp_path, LIVE, dct="2026-03-02")
    planned = [e for e in events if e.status == "planned"]
    assert all(not (e.date or "").startswith("2026-03-02T13:30") for e in planned), [(e.trigger, e.date) for e in planned]
    assert all(e.date != "2026-03-02T14:00" for e in events), [(e.trigger, e.date) for e in events]


def test_a_clock_time_inside_a_paragraph_opens_no_entry(tmp_path):
    body = "وقال المصدر إن الاجتماع بدأ في الساعة 10:20 - بحسب التوقيت المحلي. وتسلم اللواء الخامس المعسكر."
    assert all(not (e.date or "").endswith("T10:20") for e in events_of(body_events(tmp_path, body), "handover"))


# ---------------------------------------------------------------------------------------------
# Class 2: a verb of ending or completing with another event's noun as its object: the noun decides the type.


@pytest.mark.parametrize(
    "body, type_",
    [
        ("أعلن الجيش أن قوات التحالف أنهت يوم الأحد الماضي تفكيك منظومات الدفاع الجوي في قاعدة التاجي.", "withdrawal"),
        ("وقال المصدر إن الفرقة الثامنة أتمت يوم السبت الماضي تسلم معسكر الحبانية بالكامل.", "handover"),
    ],
    ids=["ended-dismantling", "completed-takeover"],
)
def test_a_light_verb_takes_the_type_of_its_object_noun(tmp_path, body, type_):
    events = body_events(tmp_path, body)
    found = events_of(events, type_)
    assert len(found) == 1 and found[0].date is not None, [(e.type, e.trigger, e.date) for e in events]
    assert not events_of(events, "mission_end"), [(e.type, e.trigger) for e in events]


def test_a_light_verb_with_its_own_mission_stays_a_mission_end(tmp_path):
    body = "وأنهت القوة الهولندية يوم الخميس الماضي مهمتها التدريبية في أربيل."
    assert events_of(body_events(tmp_path, body), "mission_end")


# ---------------------------------------------------------------------------------------------
# Class 4: history told as background: a mission or garrison founded, a presence that began, by their year.


@pytest.mark.parametrize(
    "body",
    [
        "وكانت البعثة الاستشارية قد تأسست عام 2019 بطلب من الحكومة العراقية.",
        "وأنشئت بعثة التدريب الأوروبية عام 2017 لدعم القوات العراقية في الصحراء الغربية.",
        "وكان وجود القوات الفرنسية في قاعدة حرير قد بدأ عام 2015 لدعم البيشمركة.",
    ],
    ids=["mission-founded", "mission-founded-after", "presence-began-far"],
)
def test_a_mission_founded_or_a_presence_begun_is_a_deployment(tmp_path, body):
    events = body_events(tmp_path, body)
    found = events_of(events, "deployment")
    assert len(found) == 1 and found[0].date in ("2015", "2017", "2019"), [(e.type, e.trigger, e.date) for e in events]


def test_a_committee_founded_stays_other(tmp_path):
    body = "وكانت اللجنة العسكرية قد تشكلت عام 2024 لتقييم خطر تنظيم داعش."
    assert not events_of(body_events(tmp_path, body), "deployment")


@pytest.mark.parametrize(
    "body",
    [
        "وشدد النائب على ضرورة إنهاء الوجود الأجنبي قبل نهاية العام الجاري.",
        "وقال رئيس الكتلة إن القوات الأجنبية في أربيل يجب أن تغادر قبل منتصف العام المقبل.",
    ],
    ids=["necessity-noun", "must-verb"],
)
def test_an_event_said_to_be_necessary_is_no_event(tmp_path, body):
    events = body_events(tmp_path, body)
    assert not events_of(events, "withdrawal"), [(e.type, e.trigger) for e in events]


def test_a_schedule_stays_an_event(tmp_path):
    body = "وقال المتحدث إن القوات الأجنبية ستغادر أربيل قبل منتصف العام المقبل."
    assert events_of(body_events(tmp_path, body), "withdrawal")


def test_members_walking_out_of_a_session_are_no_withdrawal(tmp_path):
    body = "ورفعت رئاسة البرلمان الجلسة المخصصة لقانون إخراج القوات الأجنبية بعد انسحاب عدد من النواب."
    assert not events_of(body_events(tmp_path, body), "withdrawal")


def test_troops_withdrawing_stay_a_withdrawal(tmp_path):
    body = "وأكد المصدر انسحاب عدد من الجنود الأمريكيين من قاعدة التاجي أمس."
    assert events_of(body_events(tmp_path, body), "withdrawal")


def test_now_after_a_progressive_verb_dates_what_is_under_way(tmp_path):
    body = "ونفت الوزارة أي تأجيل للانسحاب، فيما يجري حاليا تفكيك منظومات الدفاع الجوي في قاعدة التاجي."
    found = events_of(body_events(tmp_path, body), "withdrawal", "تفكيك")
    assert [(e.date, e.status) for e in found if e.trigger == "تفكيك"] == [("PRESENT_REF", "ongoing")], [(e.trigger, e.date) for e in found]


def test_now_in_a_relative_clause_still_dates_nothing(tmp_path):
    body = "وسلمت القوات الأمريكية أمس قاعدة التاجي، التي تستخدمها حاليا فرق التدريب، إلى الجيش العراقي."
    assert all(e.date != "PRESENT_REF" for e in body_events(tmp_path, body))
