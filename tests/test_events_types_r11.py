"""Event types and non-events by class, round 11 (docs/ANNOTATION.md, "Events", "Round 11: types").

Sentences are written for these tests. Extraction runs without the entity tagger (the gazetteers only).
"""

from __future__ import annotations


import pytest

from helpers import body_events, events_of


def _seen(events) -> list[tuple[str, str, str | None]]:
    return [(e.type, e.trigger, e.date) for e in events]


# ---------------------------------------------------------------------------------------------
# A handover ceremony is the handover; a حفل stays a ceremony.


@pytest.mark.parametrize(
    "body, date",
    [
        ("أعلنت وزارة الدفاع، اليوم الاثنين، أن مراسم تسليم قاعدة التاجي إلى الجيش العراقي ستقام في العاشر من الشهر المقبل.", "2026-01-10"),
        ("وقال مصدر عسكري إن مراسم التسلم الرسمي ستجري صباح الخميس المقبل بحضور رئيس أركان الجيش.", "2026-01-01TMO"),
    ],
    ids=["ceremony-of-handing-over", "ceremony-of-taking-over"],
)
def test_a_handover_ceremony_is_the_handover(tmp_path, body, date):
    events = body_events(tmp_path, body, dct="2025-12-29")
    found = events_of(events, "handover")
    assert [e.date for e in found] == [date], _seen(events)
    assert not events_of(events, "other"), _seen(events)


def test_a_handover_ceremony_postponed_is_the_handover_planned(tmp_path):
    """Round 4 read ``مراسم تسليم`` as a ceremony (``other``); writers I, N, R, V, X mark the handover."""
    body = "وتقرر تأجيل مراسم تسليم قاعدة الحبانية إلى منتصف كانون الثاني المقبل."
    found = events_of(body_events(tmp_path, body), "handover")
    assert [(e.date, e.status, e.place) for e in found] == [("2026-01", "planned", "الحبانية")]


def test_the_handover_ceremony_places_what_is_handed_over(tmp_path):
    body = "أعلنت وزارة الدفاع، اليوم الاثنين، أن مراسم تسليم قاعدة التاجي إلى الجيش العراقي ستقام في العاشر من الشهر المقبل."
    assert [e.place for e in events_of(body_events(tmp_path, body, dct="2025-12-29"), "handover")] == ["التاجي"]


def test_a_party_for_a_handover_stays_a_ceremony(tmp_path):
    body = "وسيقام احتفال رسمي بمناسبة استكمال تسلم قاعدة التاجي يوم الأحد المقبل بحضور رئيس الوزراء."
    events = body_events(tmp_path, body, dct="2025-12-29")
    assert events_of(events, "other") and not events_of(events, "handover"), _seen(events)


# ---------------------------------------------------------------------------------------------
# A transfer of duties or responsibility is a handover.


@pytest.mark.parametrize(
    "body",
    [
        "وأوضح المتحدث أن نقل المسؤولية الأمنية عن قاعدة الحبانية إلى الفرقة الأولى سيكتمل خلال أسبوعين.",
        "وقال مسؤول إن القوات الأمريكية ستنقل مسؤولياتها في القاعدة إلى الجيش العراقي نهاية الشهر المقبل.",
        "وأكد البيان أن عملية نقل المهام من فريق التحالف مستمرة منذ أيام.",
    ],
    ids=["responsibility-with-receiver", "duties-verb", "duties-going-on"],
)
def test_a_transfer_of_duties_is_a_handover(tmp_path, body):
    events = body_events(tmp_path, body)
    assert events_of(events, "handover"), _seen(events)
    assert not events_of(events, "redeployment") and not events_of(events, "withdrawal"), _seen(events)


def test_a_transfer_of_troops_stays_a_redeployment(tmp_path):
    body = "وقال المصدر إن نقل الجنود من قاعدة الحبانية إلى أربيل سيكتمل خلال أسبوعين."
    events = body_events(tmp_path, body)
    assert events_of(events, "redeployment") and not events_of(events, "handover"), _seen(events)


# ---------------------------------------------------------------------------------------------
# An assassination placed in the theatre or dated is an attack; one elsewhere, undated, stays other.


@pytest.mark.parametrize(
    "body",
    [
        "وصوت البرلمان على القرار بعد أيام من اغتيال قائد عسكري إيراني قرب مطار بغداد الدولي.",
        "وجاء اغتيال القائد العسكري في كانون الثاني/يناير 2020 نقطة تحول في العلاقة بين البلدين.",
    ],
    ids=["placed-in-iraq", "dated"],
)
def test_an_assassination_of_the_theatre_is_an_attack(tmp_path, body):
    events = body_events(tmp_path, body)
    assert [e.trigger for e in events_of(events, "attack")] == ["اغتيال"], _seen(events)


def test_an_assassination_abroad_stays_other(tmp_path):
    body = "وتوعدت الجماعة بالرد على اغتيال أحد قادتها في لبنان، من دون أن تحدد موعدا."
    events = body_events(tmp_path, body)
    assert not events_of(events, "attack"), _seen(events)


# ---------------------------------------------------------------------------------------------
# Movements and stays that are no events: a reason, the rest of the forces, a launch point.


@pytest.mark.parametrize(
    "body",
    [
        "وأرجئ تسليم القاعدة إلى الشهر المقبل لأسباب لوجستية تتعلق بنقل المعدات الثقيلة إلى الكويت.",
        "وقال المصدر إن الموعد تأخر بسبب تأخر نقل بعض الآليات من القاعدة.",
    ],
    ids=["reasons-about", "because-of-delay"],
)
def test_a_movement_given_as_a_reason_is_no_event(tmp_path, body):
    events = body_events(tmp_path, body)
    assert not events_of(events, "redeployment") and not events_of(events, "withdrawal"), _seen(events)


def test_the_rest_of_the_forces_is_no_stay(tmp_path):
    body = "وقال النائب إن ما تبقى من قوات التحالف في الإقليم حتى أيلول المقبل لا يتجاوز بضع مئات."
    events = body_events(tmp_path, body)
    assert not events_of(events, "mission_end"), _seen(events)


def test_a_stay_until_a_date_stays_a_mission_end(tmp_path):
    body = "وقال الوزير إن قوات التحالف ستبقى في أربيل حتى أيلول/سبتمبر 2026 وفق الاتفاق."
    assert [e.date for e in events_of(body_events(tmp_path, body), "mission_end")] == ["2026-09"]


@pytest.mark.parametrize(
    "body",
    [
        "وأضافت الخلية أن الصواريخ أطلقت من منطقة زراعية شمالي المدينة، وأن القوات عثرت على المنصة.",
        "وقال المصدر إن المسيرة انطلقت من منطقة صحراوية قرب الحدود.",
    ],
    ids=["rockets-launched-from", "drone-took-off-from"],
)
def test_a_launch_point_is_no_attack(tmp_path, body):
    assert not events_of(body_events(tmp_path, body), "attack")


def test_a_group_that_launched_rockets_is_an_attack(tmp_path):
    body = "وقالت جماعة مسلحة إنها أطلقت أمس الاثنين ثلاثة صواريخ من منطقة زراعية على قاعدة الحبانية."
    assert events_of(body_events(tmp_path, body), "attack")


# ---------------------------------------------------------------------------------------------
# Demands, commentary, plans in outline and bills: no events.


@pytest.mark.parametrize(
    "body",
    [
        "وطالبت كتل نيابية، اليوم الأحد، الحكومة بتسريع انسحاب القوات الأجنبية من البلاد.",
        "ويرى محللون أن الحل هو الإسراع في إخراج القوات المتبقية.",
    ],
    ids=["demand-to-speed-up", "hastening-as-a-remedy"],
)
def test_an_event_urged_to_go_faster_is_no_event(tmp_path, body):
    assert not events_of(body_events(tmp_path, body), "withdrawal")


def test_a_departure_of_commentary_is_no_event(tmp_path):
    body = "وقال الباحث إن رحيل المدربين لا يعني نهاية التعاون العسكري بين البلدين."
    assert not events_of(body_events(tmp_path, body), "withdrawal")


def test_a_mission_end_in_phases_is_an_outline(tmp_path):
    body = "وكان البلدان قد توصلا إلى تفاهم ينهي مهمة التحالف على مرحلتين."
    assert not events_of(body_events(tmp_path, body), "mission_end")


def test_a_dated_mission_end_of_a_plan_stays(tmp_path):
    body = "وكان البلدان قد توصلا إلى تفاهم ينهي مهمة التحالف في بغداد بحلول أيلول/سبتمبر 2025."
    assert [e.date for e in events_of(body_events(tmp_path, body), "mission_end")] == ["2025-09"]


@pytest.mark.parametrize(
    "body",
    [
        "وينص المشروع في مادته الثالثة على أن تغادر القوات الأجنبية الأراضي العراقية في موعد أقصاه نهاية 2026.",
        "وينص المقترح على أن تغادر القوات الأجنبية البلاد خلال ستة أشهر من نفاذه.",
    ],
    ids=["bill", "proposal"],
)
def test_what_a_bill_stipulates_is_no_event(tmp_path, body):
    assert not events_of(body_events(tmp_path, body), "withdrawal")


def test_what_an_agreement_stipulates_is_planned(tmp_path):
    body = "ووقع البلدان مذكرة تفاهم تنص على أن تغادر قوات التحالف أربيل في موعد أقصاه أيلول/سبتمبر 2026."
    found = events_of(body_events(tmp_path, body), "withdrawal")
    assert [(e.date, e.status, e.place) for e in found] == [("2026-09", "planned", "أربيل")]


# ---------------------------------------------------------------------------------------------
# A first batch handed over is a delivery; what someone is able to do is no event.


def test_a_first_batch_handed_over_is_a_delivery(tmp_path):
    body = "وكانت القوة الجوية قد تسلمت أول دفعة من الطائرات المقاتلة في تموز/يوليو 2015."
    events = body_events(tmp_path, body)
    assert not events_of(events, "handover"), _seen(events)


def test_a_base_handed_over_a_first_time_stays_a_handover(tmp_path):
    body = "وكانت القوات الأمريكية قد سلمت قاعدة التاجي أول مرة في كانون الأول/ديسمبر 2011."
    assert [e.date for e in events_of(body_events(tmp_path, body), "handover")] == ["2011-12"]


def test_a_capability_is_no_event(tmp_path):
    body = "وأكد المسؤول أن التحالف سيحافظ على قدرته على تنفيذ ضربات ضد التنظيم انطلاقا من قواعده في الأردن."
    assert not events_of(body_events(tmp_path, body), "attack")


# ---------------------------------------------------------------------------------------------
# An arrival outside Iraq and Syria is a redeployment: the troops come from the theatre.


@pytest.mark.parametrize(
    "body, place",
    [
        ("وقال مصدر أمني إن آخر رتل للقوات الأمريكية وصل مساء اليوم إلى الأراضي الأردنية.", "الأردن"),
        ("وأكدت الوزارة وصول دفعة من القوات الأمريكية إلى قاعدة علي السالم في الكويت الأسبوع الماضي.", "علي السالم"),
    ],
    ids=["to-jordan", "to-a-kuwaiti-base"],
)
def test_an_arrival_abroad_is_a_redeployment(tmp_path, body, place):
    events = body_events(tmp_path, body)
    assert [e.place for e in events_of(events, "redeployment")] == [place], _seen(events)
    assert not events_of(events, "deployment"), _seen(events)


def test_an_arrival_in_the_theatre_stays_a_deployment(tmp_path):
    body = "ووصلت تعزيزات عسكرية أمريكية اليوم إلى قاعدة حرير شمال أربيل."
    events = body_events(tmp_path, body)
    assert events_of(events, "deployment") and not events_of(events, "redeployment"), _seen(events)
