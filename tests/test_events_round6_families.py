"""Trigger families (issue 8, round 6): institutional procedure, equipment as the object, military operations,
a force's own mission finished, and troops coming back after a withdrawal.

Every sentence here was written for these tests (not taken from any article or fixture). Conventions:
docs/ANNOTATION.md, section "Events".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import body_events, events_of


def _events(tmp_path: Path, body: str, dct: str = "2025-11-20"):
    return body_events(tmp_path, body, dct)


# ---------------------------------------------------------------------------------------------
# Procedure: a bill's reading when the bill was named before; a vote the agenda puts or moves.

@pytest.mark.parametrize(
    "body",
    [
        "وأتم النواب يوم الأحد الماضي القراءة الثانية للمقترح وسط خلافات بين الكتل.",
        "ويتوقع أن تنجز الرئاسة القراءة الأولى لمشروع القانون مطلع الشهر المقبل.",
        "وقال النائب إن قراءته الأولى جرت الخميس الماضي بحضور 180 نائبا.",
    ],
)
def test_reading_of_the_bill_told_before_is_other(tmp_path, body):
    assert events_of(_events(tmp_path, body), "other")


def test_reading_of_another_named_bill_is_no_event(tmp_path):
    body = "وأتم المجلس يوم الأحد الماضي القراءة الأولى لمشروع قانون الموازنة العامة."
    assert not events_of(_events(tmp_path, body), "other")


@pytest.mark.parametrize(
    "body",
    [
        "وذكرت مصادر برلمانية أن رئاسة المجلس ستعرض مشروع القانون للتصويت خلال عشرة أيام.",
        "وأضاف أن الرئاسة تعتزم طرح المشروع للتصويت في الجلسة المقررة منتصف الشهر المقبل.",
        "وقررت الرئاسة ترحيل التصويت على المشروع إلى جلسة الثلاثاء المقبل بسبب غياب النصاب.",
    ],
)
def test_vote_put_on_the_agenda_is_a_planned_vote(tmp_path, body):
    votes = events_of(_events(tmp_path, body), "vote")
    assert votes and all(v.status == "planned" for v in votes)


def test_agenda_of_an_unrelated_bill_is_no_vote(tmp_path):
    body = "وقال نائب إن الرئاسة ستعرض قانون الموازنة للتصويت خلال عشرة أيام."
    assert not events_of(_events(tmp_path, body), "vote")


def test_mandate_of_parliament_is_a_vote_not_the_withdrawal_it_allows(tmp_path):
    body = "ونالت الحكومة الهولندية في أيار الماضي تفويضا برلمانيا بإعادة جنودها العاملين ضمن التحالف."
    events = _events(tmp_path, body)
    assert [e.type for e in events] == ["vote"]


def test_chamber_voting_on_a_proposal_far_from_its_topic_is_a_vote(tmp_path):
    body = ("وصوّت مجلس الشيوخ الإيطالي، مساء الخميس، بأغلبية مريحة على مقترح قدمته الحكومة يقضي بخفض عدد "
            "الجنود الإيطاليين في أربيل إلى النصف.")
    assert events_of(_events(tmp_path, body), "vote")


def test_mandate_from_congress_is_a_vote(tmp_path):
    body = "وحصل البيت الأبيض في شباط الماضي على تفويض من الكونغرس بإبقاء القوات في سوريا."
    assert events_of(_events(tmp_path, body), "vote")


def test_mandate_a_cabinet_gives_is_no_vote(tmp_path):
    body = "ومنح مجلس الوزراء في شباط الماضي الوزير تفويضا كاملا بالتفاوض على مستقبل القوات."
    assert not events_of(_events(tmp_path, body), "vote")


def test_resolution_a_parliament_took_is_its_vote(tmp_path):
    body = "وأشار المحامي إلى أن القرار الذي أصدره مجلس النواب في آذار 2021 لم يحدد سقفا زمنيا للقوات الأجنبية."
    votes = events_of(_events(tmp_path, body), "vote")
    assert votes and votes[0].date == "2021-03"


# ---------------------------------------------------------------------------------------------
# Investigations and court rulings on the presence are ``other``.

@pytest.mark.parametrize(
    "body",
    [
        "وقررت وزارة الدفاع، أمس الأربعاء، تشكيل لجنة تحقيق مشتركة في القصف الذي طال مخازن القاعدة.",
        "وعرضت القيادة أمس نتائج التحقيقات في استهداف الرتل اللوجستي قرب الناصرية.",
    ],
)
def test_investigation_into_an_attack_is_other(tmp_path, body):
    assert events_of(_events(tmp_path, body), "other")


def test_investigation_of_a_civil_matter_is_no_event(tmp_path):
    body = "وقررت هيئة النزاهة، أمس الأربعاء، تشكيل لجنة تحقيق في عقود تجهيز المدارس."
    assert not events_of(_events(tmp_path, body), "other")


def test_committee_formed_on_a_date_is_other(tmp_path):
    body = "وسلمت لجنة التحقيق العليا، المشكلة في العاشر من تشرين الأول، تقريرها عن الهجوم إلى رئيس الوزراء."
    others = events_of(_events(tmp_path, body), "other")
    assert others and others[0].date == "2025-10-10"


def test_court_ruling_on_the_presence_is_other(tmp_path):
    body = "وأصدرت المحكمة الإدارية، صباح اليوم، حكما برد الطعن المقدم ضد اتفاق انسحاب القوات الأجنبية."
    others = events_of(_events(tmp_path, body), "other")
    assert others and others[0].date.startswith("2025-11-20")


# ---------------------------------------------------------------------------------------------
# Equipment as the object: defence systems removed (withdrawal) or entering service (deployment).

@pytest.mark.parametrize(
    "body",
    [
        "وأفاد ضابط بأن الجنود الأمريكيين فككوا أمس منظومتي باتريوت في قاعدة الحبانية.",
        "وأكد المصدر أن الفنيين أزالوا، ليل الجمعة، رادارات الإنذار المبكر من مطار أربيل الدولي.",
        "وقال إن بطاريات الدفاع الجوي المتبقية في قاعدة التاجي ستُزال مطلع العام المقبل.",
        "وجاء ذلك بعد إزالة منظومة سي-رام من قاعدة فكتوري الشهر الماضي.",
    ],
)
def test_defence_systems_removed_are_a_withdrawal(tmp_path, body):
    assert events_of(_events(tmp_path, body), "withdrawal")


@pytest.mark.parametrize(
    "body",
    [
        "وقال مسؤول إن منظومات الدفاع الجوي لا تزال في مواقعها داخل قاعدة التاجي حتى الآن.",
        "وفككت قوة أمنية أمس صواريخ معدة للإطلاق قرب قاعدة التاجي.",
    ],
)
def test_systems_still_there_or_rockets_defused_are_no_withdrawal(tmp_path, body):
    assert not events_of(_events(tmp_path, body), "withdrawal")


def test_system_entering_service_is_a_deployment(tmp_path):
    body = "وتوقع القائد أن تدخل البطاريات الجديدة الخدمة في كانون الثاني المقبل."
    deployments = events_of(_events(tmp_path, body), "deployment")
    assert deployments and deployments[0].status == "planned"


# ---------------------------------------------------------------------------------------------
# Military operations: launched, going on, or ended, are war events.

@pytest.mark.parametrize(
    "body,status",
    [
        ("وباشرت قطعات الجيش، مساء أمس، عملية عسكرية لملاحقة فلول داعش في وادي الثرثار.", "ongoing"),
        ("وكانت العملية العسكرية في وادي الثرثار قد انطلقت في أيار الماضي واستمرت شهرا.", "occurred"),
        ("ولا تزال عمليات التمشيط مستمرة في صحراء النخيب لملاحقة خلايا التنظيم.", "ongoing"),
        ("وستبدأ القوات الأمنية الشهر المقبل عمليات واسعة لتعقب مسلحي التنظيم في جبال مكحول.", "planned"),
    ],
)
def test_military_operation_is_war(tmp_path, body, status):
    wars = events_of(_events(tmp_path, body), "war")
    assert wars and wars[0].status == status


def test_end_of_an_operation_named_before_is_war(tmp_path):
    body = "وأسفرت عملية مكحول عن مقتل 12 مسلحا، فيما أُعلن انتهاؤها مساء الاثنين الماضي."
    wars = events_of(_events(tmp_path, body), "war")
    assert wars and wars[0].date.startswith("2025-11-17")


def test_operation_ended_in_the_passive_is_war(tmp_path):
    body = "وجرى إنهاء العملية العسكرية في جزيرة الحضر مساء الخميس الماضي بعد تمشيط الوديان."
    wars = events_of(_events(tmp_path, body), "war")
    assert wars and wars[0].status == "occurred"


@pytest.mark.parametrize(
    "body",
    [
        "وأطلقت البلدية اليوم حملة لتنظيف شبكات تصريف مياه الأمطار في الأحياء الشرقية.",
        'وقال المتحدث إن القوة التي يطلق عليها "عملية الدرع الصلب" باقية لمحاربة داعش.',
        "وقال الخبير إن التحالف سيواصل من أربيل دعم العمليات ضد تنظيم داعش في سوريا.",
        "وقال المتحدث إن عملية الانسحاب انطلقت أمس بإشراف الجيش.",
        "وباشرت القوات الأمنية عمليات تفتيش في القرى القريبة من القاعدة بعد سقوط الصواريخ.",
    ],
)
def test_support_role_process_or_local_search_is_no_war(tmp_path, body):
    assert not events_of(_events(tmp_path, body), "war")


# ---------------------------------------------------------------------------------------------
# A force finishing its own mission; troops back after a withdrawal, no destination named.

def test_force_finishing_its_own_mission_is_a_mission_end(tmp_path):
    body = "وأنهت الكتيبة الدنماركية المرابطة في قاعدة عين الأسد، يوم الثلاثاء الماضي، مهامها الاستشارية."
    ends = events_of(_events(tmp_path, body), "mission_end")
    assert ends and ends[0].date == "2025-11-18"


@pytest.mark.parametrize(
    "body",
    [
        "وانسحب الجنود الأمريكيون من البلاد عام 2011، ثم عادوا بعد ثلاث سنوات لمحاربة التنظيم.",
        "وخرجت القوات الأجنبية أواخر 2011 لتعود القوات الأمريكية بعد اجتياح داعش مدينة الموصل.",
    ],
)
def test_troops_back_after_withdrawal_are_a_deployment(tmp_path, body):
    assert events_of(_events(tmp_path, body), "deployment")


@pytest.mark.parametrize(
    "body",
    [
        "ويعود وجود القوات الأمريكية في الإقليم إلى عام 2014 عقب اجتياح داعش.",
        "وقال إن بقاء القوات ضروري لمنع عودة تنظيم داعش بعد انسحاب التحالف.",
        "وعاد المتحدث ليؤكد أن انسحاب القوات سيكتمل في موعده.",
    ],
)
def test_dating_back_or_the_enemy_returning_is_no_deployment(tmp_path, body):
    assert not events_of(_events(tmp_path, body), "deployment")


def test_launching_a_mission_is_a_dated_deployment(tmp_path):
    body = "وكان الاتحاد الأوروبي قد أطلق بعثته الاستشارية في العراق في تشرين الثاني 2017."
    deployments = events_of(_events(tmp_path, body), "deployment")
    assert deployments and deployments[0].date == "2017-11"
