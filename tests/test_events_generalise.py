"""Event extraction on wordings no rule was written against (issue 8, "What to build" §1).

Each class below is a general phenomenon of Arabic news, tested with several sentences written for
these tests (not taken from any article or fixture): trigger vocabulary (passives, verbal nouns,
synonyms), the type that follows the happening, modality and negation, status cues, date roles and
look-alikes. Conventions: docs/ANNOTATION.md, section "Events".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import body_events, events_of


def _events(tmp_path: Path, body: str, dct: str = "2025-12-31"):
    return body_events(tmp_path, body, dct)


def _brief(events):
    return [(e.type, e.trigger, e.date, e.status) for e in events]


# ---------------------------------------------------------------------------------------------
# Trigger vocabulary: passives (يعاد/أعيد + verbal noun), units and presence as what is reduced,
# a number of troops before the troops, entering from elsewhere, taking over protection.


@pytest.mark.parametrize(
    "body, type_",
    [
        ("وقال مسؤول إن مئات الجنود سيعاد تمركزهم في قواعد داخل الكويت.", "redeployment"),
        ("وأوضح المصدر أن القوة أعيد انتشارها في قاعدة عريفجان الأسبوع الماضي.", "redeployment"),
        ("وسيعاد نشر الوحدات الأمريكية في قاعدة موفق السلطي بالأردن.", "redeployment"),
        ("وأعلنت روما أنها ستبدأ تقليص وحدتها العسكرية في أربيل الشهر المقبل.", "withdrawal"),
        ("وشرعت قوات التحالف في تقليص وجودها بمطار أربيل الدولي.", "withdrawal"),
        ("وقال الوزير إن بلاده ستنشر عددا محدودا من الجنود قرب حقل كونيكو.", "deployment"),
        ("وأضاف أن عدد الجنود الأمريكيين في قاعدة التنف سيُخفض خلال أسابيع.", "withdrawal"),
        ("ودخلت عشرات الآليات العسكرية الأمريكية إلى محافظة دهوك قادمة من ريف الحسكة.", "redeployment"),
        ("وأفاد شهود بأن رتلا أمريكيا قادما من قاعدة الشدادي وصل إلى مطار أربيل الدولي.", "redeployment"),
        ("وسيتولى الجيش العراقي حماية قاعدة عين الأسد بعد مغادرة المستشارين.", "handover"),
    ],
    ids=[
        "passive-future-re-stationed", "passive-past-redeployed", "passive-re-deployed", "unit-reduced", "presence-reduced",
        "number-of-troops-deployed", "troops-number-reduced-passive", "entered-coming-from", "coming-from-before-arrived",
        "takes-over-protection",
    ],
)  # fmt: skip
def test_trigger_vocabulary_classes(tmp_path, body, type_):
    events = _events(tmp_path, body)
    assert events_of(events, type_), _brief(events)


@pytest.mark.parametrize(
    "body",
    [
        "ونقلت صحيفة محلية عن مصدر أمني أن الوضع في محيط القاعدة هادئ.",
        "ونقل التلفزيون الرسمي عن الوزير قوله إن المباحثات إيجابية.",
    ],
    ids=["newspaper-quoted", "tv-quoted"],
)
def test_quoting_verb_is_no_movement(tmp_path, body):
    assert _events(tmp_path, body) == []


# ---------------------------------------------------------------------------------------------
# The type follows the happening: a state's ground offensive or a campaign against ISIS is a war,
# not an attack on the coalition.


@pytest.mark.parametrize(
    "body",
    [
        "وشن الجيش التركي هجوما بريا على مناطق شرق الفرات الشهر الماضي.",
        "وقال الرئيس التركي إن بلاده ستطلق عملية عسكرية واسعة ضد المسلحين الأكراد.",
        "وبدأ التحالف الدولي غاراته على مواقع تنظيم داعش في سوريا صيف 2014.",
    ],
    ids=["ground-offensive", "military-operation-launched", "air-campaign-against-isis"],
)
def test_offensives_and_campaigns_are_wars(tmp_path, body):
    events = _events(tmp_path, body)
    assert events_of(events, "war") and not events_of(events, "attack"), _brief(events)


# ---------------------------------------------------------------------------------------------
# Modality: an intention is planned and is not dated by the day it was stated; exposure to an
# attack, a negated aim across quotes and a suspension of attacks are no attacks or wars.


@pytest.mark.parametrize(
    "body",
    [
        "وأعلن الرئيس الأمريكي أمس عزمه سحب قوات بلاده من سوريا.",
        "وكانت واشنطن قد أعلنت الشهر الماضي نيتها إنهاء وجودها العسكري في قاعدة التنف.",
        "وأكدت الحكومة الإيطالية اليوم أنها تعتزم سحب مدربيها من أربيل.",
        "وكانت برلين تخطط لسحب جنودها من الأردن خلال العام الماضي.",
    ],
    ids=["resolve", "intention", "intends", "was-planning"],
)
def test_an_intention_is_planned_and_undated_by_its_statement(tmp_path, body):
    events = _events(tmp_path, body)
    withdrawals = [e for e in events if e.type in ("withdrawal", "mission_end")]
    assert withdrawals and all(e.status == "planned" for e in withdrawals), _brief(events)
    assert all(e.status != "occurred" for e in events if e.type != "announcement"), _brief(events)


@pytest.mark.parametrize(
    "body",
    [
        "وحذرت قوى محلية من أن الانسحاب سيترك البلدات الحدودية مكشوفة أمام هجوم محتمل.",
        "وقال مسؤولون إن القواعد الصغيرة باتت عرضة لهجمات الفصائل.",
        "وأكد المتحدث أن بلاده لا تهدف إلى \"توسيع الحرب\" في المنطقة.",
        "وأعلنت جماعة مسلحة تعليق هجماتها على القوات الأمريكية حتى إشعار آخر.",
    ],
    ids=["exposed-to", "vulnerable-to", "negation-across-quotes", "suspended-attacks"],
)
def test_possible_negated_or_suspended_attacks_are_no_events(tmp_path, body):
    events = _events(tmp_path, body)
    assert not [e for e in events if e.type in ("attack", "war")], _brief(events)


def test_statement_is_kept_when_the_attack_after_it_is_background(tmp_path):
    body = "وأعلنت الفصائل، مساء أمس، وقف عملياتها ضد القوات الأمريكية، وذلك بعد أسبوع من هجوم قاعدة الرميلان."
    events = _events(tmp_path, body)
    assert [e.type for e in events if e.type == "announcement"] == ["announcement"], _brief(events)


# ---------------------------------------------------------------------------------------------
# Status cues: an undated present tense in a report of plans, and what is prepared or awaited,
# are planned; a document named in passing is no new agreement.


@pytest.mark.parametrize(
    "body, type_",
    [
        ("وبحسب الخطة، تغادر القوات الإيطالية معسكرها في أربيل بينما ينتقل عدد محدود منها إلى الكويت.", "redeployment"),
        ("وتجري الاستعدادات لتسليم قاعدة حرير إلى قوات البيشمركة.", "handover"),
        ("وينتظر الجانبان استكمال ترتيبات تسليم القاعدة إلى الجيش السوري.", "handover"),
    ],
    ids=["present-in-a-plan", "preparations-for", "arrangements-of"],
)
def test_undated_present_and_prepared_events_are_planned(tmp_path, body, type_):
    events = events_of(_events(tmp_path, body), type_)
    assert events and {e.status for e in events} == {"planned"}, _brief(events)


@pytest.mark.parametrize(
    "body",
    [
        "ونشرت الجريدة الرسمية اليوم نص الاتفاقية كاملا.",
        "وحصلت الصحيفة أمس على نسخة من الاتفاق الأمني بين البلدين.",
    ],
    ids=["text-of", "copy-of"],
)
def test_a_document_named_in_passing_is_no_agreement(tmp_path, body):
    events = _events(tmp_path, body)
    assert not events_of(events, "agreement"), _brief(events)


def test_postponed_withdrawal_is_dated_by_its_new_date(tmp_path):
    body = (
        "وأفادت مصادر بأن القوات الأمريكية أرجأت انسحابها من قاعدة الرميلان، الذي كان مقررا قبل نهاية العام الحالي، "
        "إلى منتصف العام المقبل."
    )
    withdrawal = [e for e in _events(tmp_path, body) if e.type == "withdrawal"]
    assert withdrawal and (withdrawal[0].status, withdrawal[0].date, withdrawal[0].date_mod) == ("planned", "2026", "MID")


@pytest.mark.parametrize(
    "body, date",
    [
        ("وبدأت القوات الأمريكية منذ مطلع الأسبوع نقل معداتها من قاعدة الشدادي إلى أربيل.", "2026-W01"),
        ("وتتواصل منذ مطلع الشهر معارك عنيفة في ريف دير الزور الشرقي.", "2025-12"),
    ],
    ids=["began-since-start-of-week", "goes-on-since-start-of-month"],
)
def test_since_before_the_trigger_dates_it_and_is_no_background(tmp_path, body, date):
    events = [e for e in _events(tmp_path, body) if e.type in ("redeployment", "war")]
    assert events and events[0].date == date and events[0].status == "ongoing", _brief(events)


def test_vote_topic_may_stand_past_a_name_and_a_date(tmp_path):
    body = "وصوت البرلمان الهولندي (مجلس النواب)، أمس الثلاثاء، على تمديد التفويض الممنوح لقواته في العراق."
    assert events_of(_events(tmp_path, body), "vote"), _brief(_events(tmp_path, body))


@pytest.mark.parametrize(
    "body, date",
    [
        ("وقال مسؤولون إن انسحاب نحو ألف جندي من الأراضي السورية سيجري على دفعات، ومن المنتظر أن يكتمل في غضون ستين يوما.",
         "2025-12-31/2026-03-01"),
        ("وأوضح المصدر أن تسليم القاعدة إلى الجيش العراقي سيتم خلال أسبوعين.", "2025-12-31/2026-01-14"),
    ],
    ids=["will-take-place-within", "will-be-done-within"],
)  # fmt: skip
def test_a_future_predicate_makes_its_subject_planned_and_dates_it(tmp_path, body, date):
    events = [e for e in _events(tmp_path, body) if e.type in ("withdrawal", "handover")]
    assert events and (events[0].status, events[0].date) == ("planned", date), _brief(events)


@pytest.mark.parametrize(
    "body",
    [
        "وحذر محللون من أن انسحاب القوات الأجنبية من المنطقة سيترك فراغا أمنيا.",
        "ويرى نواب أن إتمام تسليم القواعد سيعزز موقف الحكومة في المفاوضات.",
    ],
    ids=["would-leave", "would-strengthen"],
)
def test_the_subject_of_a_consequence_is_discussed_not_reported(tmp_path, body):
    events = _events(tmp_path, body)
    assert not [e for e in events if e.type in ("withdrawal", "handover")], _brief(events)


@pytest.mark.parametrize(
    "body",
    [
        "ووصلت قوة أمريكية من قاعدة الرميلان إلى مطار أربيل الدولي مساء أمس.",
        "ودخلت عشرات الشاحنات المحملة بالمعدات، فجر اليوم الأحد، إلى قاعدة عين الأسد قادمة من قاعدة التنف.",
        "ومن المقرر أن تصل دفعة ثانية إلى قاعدة علي السالم الأسبوع المقبل، ليرتفع عدد الجنود القادمين من العراق إلى ألف.",
    ],
    ids=["from-to", "entered-past-a-date", "coming-from-far-after"],
)
def test_arrival_from_another_base_is_a_redeployment(tmp_path, body):
    events = _events(tmp_path, body)
    assert events_of(events, "redeployment") and not events_of(events, "deployment"), _brief(events)


def test_operations_that_end_are_a_mission_end(tmp_path):
    body = "وبموجب التفاهم، تنتهي عملياته انطلاقا من قاعدة حرير بحلول أيلول/سبتمبر 2026."
    events = events_of(_events(tmp_path, body), "mission_end")
    assert events and (events[0].date, events[0].status) == ("2026-09", "planned"), _brief(events)


@pytest.mark.parametrize(
    "body",
    [
        "وطالبت فصائل مسلحة برحيل القوات الأجنبية، مهددة بتوسيع عملياتها ضد القواعد.",
        "وأمهلت الجماعة الحكومة أسبوعا، متوعدة بتصعيد هجماتها على السفارة.",
    ],
    ids=["threatening-to-widen", "vowing-to-escalate"],
)
def test_a_threat_in_a_participle_is_no_event(tmp_path, body):
    events = _events(tmp_path, body)
    assert not [e for e in events if e.type in ("deployment", "attack")], _brief(events)


@pytest.mark.parametrize(
    "body, date",
    [
        ("وكانت بعثة التدريب قد بدأت مهمتها في قاعدة بسماية مطلع عام 2016.", "2016"),
        ("ويقع معسكر الرميلان قرب الحدود العراقية، وقد أنشأه التحالف عام 2017.", "2017"),
        ("وشهد عام 2018 إقامة قاعدة جديدة للتحالف قرب حقل العمر.", "2018"),
    ],
    ids=["mission-began", "base-set-up-pronoun", "base-set-up-noun"],
)
def test_a_mission_begun_or_a_base_set_up_is_a_dated_deployment(tmp_path, body, date):
    events = events_of(_events(tmp_path, body), "deployment")
    assert events and events[0].date == date and events[0].status == "occurred", _brief(events)


@pytest.mark.parametrize(
    "body",
    [
        "وبدأت مهمة البعثة في ظروف صعبة وتحت ضغط سياسي.",
        "وجاء القرار بناء على طلب الحكومة العراقية.",
    ],
    ids=["undated-begin", "based-on"],
)
def test_undated_beginnings_and_based_on_are_no_deployment(tmp_path, body):
    assert not events_of(_events(tmp_path, body), "deployment")


@pytest.mark.parametrize(
    "body, type_",
    [
        ("وتواصل القوات الأمريكية خفض عددها في سوريا.\n\nوأكد مصدر أن قوة قادمة من قاعدة الشدادي السورية وصلت أمس إلى "
         "قاعدة موفق السلطي، وأن إعادة تمركزها جرت بالتنسيق مع الجانب الأردني.", "redeployment"),
        ("وتشهد سوريا توترا متصاعدا.\n\nوكان موقع البرج 22 قد تعرض أمس لهجوم بطائرة مسيرة، في أعنف هجوم على القوات "
         "الأمريكية منذ أشهر.", "attack"),
    ],
    ids=["restated-redeployment", "restated-attack"],
)  # fmt: skip
def test_an_unplaced_restatement_in_the_same_sentence_is_one_event(tmp_path, body, type_):
    events = events_of(_events(tmp_path, body), type_)
    assert len(events) == 1, _brief(events)


def test_a_decision_noun_makes_its_content_planned(tmp_path):
    body = "وتراجع البيت الأبيض جزئيا عن قرار الرئيس في الشهر الماضي سحب كل القوات من سوريا."
    events = events_of(_events(tmp_path, body), "withdrawal")
    assert events and all(e.status == "planned" for e in events), _brief(events)


def test_a_decision_noun_heading_another_clause_decides_nothing(tmp_path):
    body = "وجاء القرار بعد أن شنت القوات التركية أمس هجوما بريا على شمال شرق سوريا."
    events = events_of(_events(tmp_path, body), "war")
    assert events and events[0].status == "occurred", _brief(events)


@pytest.mark.parametrize(
    "body",
    [
        "ونشرت القوات الأمريكية بيانا مقتضبا حول الحادث.",
        "وأرسلت قيادة القوات الكردية رسالة إلى التحالف الدولي.",
        "وكانت صحيفة محلية قد نقلت عن مصادر أن القوة تضم نحو مئتي جندي.",
        "وقالت القوات الأمريكية إن الحكومة ستخفض الضرائب على الواردات.",
        "وشدد الوزير على أهمية تعزيز الوحدة الوطنية.",
        "وأعلنت الحكومة زيادة عدد الوحدات السكنية في الأنبار.",
    ],
    ids=["published-statement", "sent-message", "quoted-sources", "troops-are-the-speaker", "national-unity", "housing-units"],
)
def test_messages_quotes_and_speakers_are_no_movements(tmp_path, body):
    events = _events(tmp_path, body)
    assert not [e for e in events if e.type in ("deployment", "redeployment", "withdrawal")], _brief(events)


def test_a_fear_word_governs_only_its_own_complement(tmp_path):
    body = "وحذر المحللون من خطر عودة داعش بعد انسحاب القوات الأمريكية من سوريا الشهر الماضي."
    events = events_of(_events(tmp_path, body), "withdrawal")
    assert events and events[0].status == "occurred", _brief(events)


@pytest.mark.parametrize(
    "body, type_, status",
    [
        ("ونفذت قوات خاصة أمريكية ليل الأحد عملية إنزال في ريف دير الزور.", "attack", "occurred"),
        ("وقال الوزير إن بلاده \"سترد\" على المسؤولين عن الهجوم في الوقت المناسب.", "attack", "planned"),
        ("وتجري بغداد وواشنطن مباحثات حول مستقبل التحالف الدولي.", "other", "ongoing"),
        ("وأوضح المصدر أن الجانبين سيعتمدان جدولا زمنيا لتسليم القاعدة.", "agreement", "planned"),
    ],
    ids=["raid", "retaliation", "talks-going-on", "timetable-adopted"],
)
def test_raids_retaliation_ongoing_talks_and_adopted_timetables(tmp_path, body, type_, status):
    events = events_of(_events(tmp_path, body), type_)
    assert events and events[0].status == status, _brief(_events(tmp_path, body))


def test_a_reply_to_a_question_is_no_retaliation(tmp_path):
    body = "ورد المتحدث على سؤال حول مستقبل القوات في البلاد."
    assert not events_of(_events(tmp_path, body), "attack")


@pytest.mark.parametrize(
    "body, type_",
    [
        ("وأغلقت القوات الأمريكية أمس قاعدة الشدادي في ريف الحسكة.", "withdrawal"),
        ("وبدأ التحالف الأسبوع الماضي تفكيك معسكره في قاعدة حرير.", "withdrawal"),
        ("وتخلت القوات الأمريكية أمس عن قاعدة التنف.", "withdrawal"),
        ("وسيطرت القوات السورية أمس على قاعدة التنف.", "handover"),
        ("واستقدم التحالف أمس تعزيزات عسكرية إلى قاعدة حرير.", "deployment"),
        ("وعبرت أرتال أمريكية أمس الحدود العراقية باتجاه سوريا.", "redeployment"),
        ("وحركت القوات الأمريكية أمس رتلا من قاعدة الشدادي إلى قاعدة الرميلان.", "redeployment"),
        ("ووافق البرلمان الألماني أمس على تمديد التفويض لقواته في العراق.", "vote"),
    ],
    ids=["closed-base", "dismantled-camp", "gave-up-base", "took-control-of-base", "brought-in", "crossed", "moved", "approved"],
)
def test_more_synonyms_of_the_movements(tmp_path, body, type_):
    events = _events(tmp_path, body)
    assert events_of(events, type_), _brief(events)


@pytest.mark.parametrize(
    "body",
    [
        "وسيطر تنظيم داعش على مدينة الموصل عام 2014.",
        "وأغلقت السلطات مطار أربيل أمام الرحلات المدنية.",
        "واستهدفت طائرة مسيرة مقرا لحركة مسلحة في بغداد.",
        "وأكدت الحكومة أن القوات في حالة عبور فقط.",
    ],
    ids=["city-taken", "airport-closed-to-flights", "movement-as-a-name", "in-transit"],
)
def test_look_alikes_of_the_new_synonyms(tmp_path, body):
    events = _events(tmp_path, body)
    assert not [e for e in events if e.type in ("withdrawal", "handover", "redeployment")], _brief(events)


@pytest.mark.parametrize(
    "body, type_",
    [
        ("وأُخليت قاعدة الشدادي بالكامل الأسبوع الماضي.", "withdrawal"),
        ("ونُشرت بطاريات باتريوت في قاعدة عين الأسد الشهر الماضي.", "deployment"),
        ("وأرسلت واشنطن منظومة دفاع جوي إلى قاعدة حرير.", "deployment"),
    ],
    ids=["passive-evacuated", "passive-equipment-deployed", "equipment-sent"],
)
def test_passives_and_equipment(tmp_path, body, type_):
    events = _events(tmp_path, body)
    assert events_of(events, type_), _brief(events)


@pytest.mark.parametrize(
    "body",
    [
        "ورفض الجيش الأمريكي تأكيد انسحابه من قاعدة حرير.",
        "واستبعد مسؤول أمريكي انسحاب القوات من سوريا في المدى القريب.",
        "وتعثر تسليم قاعدة حرير بسبب خلافات فنية.",
    ],
    ids=["refused-to-confirm", "ruled-out", "stalled"],
)
def test_refused_ruled_out_or_stalled_has_not_occurred(tmp_path, body):
    events = [e for e in _events(tmp_path, body) if e.type in ("withdrawal", "handover")]
    assert all(e.status != "occurred" for e in events), _brief(events)


def test_what_was_supposed_to_happen_is_planned(tmp_path):
    body = "وكان من المفترض أن تنسحب القوات من قاعدة فكتوريا في أيلول الماضي."
    events = events_of(_events(tmp_path, body), "withdrawal")
    assert events and events[0].status == "planned", _brief(events)


def test_a_circumstantial_participle_is_no_second_event(tmp_path):
    body = "وغادر آخر المدربين الهولنديين قاعدة بسماية أمس، منهين مهمة استمرت ثماني سنوات."
    events = _events(tmp_path, body)
    assert [e.type for e in events] == ["withdrawal"], _brief(events)


def test_a_future_launch_makes_the_campaign_planned(tmp_path):
    body = "وقال الرئيس التركي الأسبوع الماضي إن بلاده ستطلق عملية عسكرية جديدة شرق الفرات."
    events = events_of(_events(tmp_path, body), "war")
    assert events and events[0].status == "planned", _brief(events)


@pytest.mark.parametrize(
    "body, type_",
    [
        ("ودفعت الولايات المتحدة أمس بتعزيزات عسكرية إلى شمال شرق سوريا.", "deployment"),
        ("وتركت القوات الأمريكية قاعدة حرير أمس.", "withdrawal"),
        ("وأكد الوزير اكتمال جلاء القوات الأجنبية عن البلاد.", "withdrawal"),
    ],
    ids=["pushed-reinforcements", "left-base", "evacuation"],
)
def test_pushing_leaving_and_evacuating(tmp_path, body, type_):
    assert events_of(_events(tmp_path, body), type_), _brief(_events(tmp_path, body))


def test_a_batch_is_no_push(tmp_path):
    body = "وقالت مصادر إن دفعة جديدة من القوات الأمريكية وصلت إلى معسكر عريفجان قادمة من أربيل."
    assert not events_of(_events(tmp_path, body), "deployment"), _brief(_events(tmp_path, body))


@pytest.mark.parametrize(
    "body",
    [
        "واختتمت بعثة الناتو مهامها في العراق أمس.",
        "وأسدل الستار أمس على مهمة التحالف القتالية في العراق.",
        "وطوت القوات الإيطالية صفحة وجودها في أربيل أمس.",
    ],
    ids=["concluded", "curtain-down", "turned-the-page"],
)
def test_idioms_of_an_end_are_a_mission_end(tmp_path, body):
    events = events_of(_events(tmp_path, body), "mission_end")
    assert events and events[0].status == "occurred", _brief(_events(tmp_path, body))


def test_turning_another_page_is_no_mission_end(tmp_path):
    assert not _events(tmp_path, "وطوى البلدان صفحة الخلاف بينهما.")


@pytest.mark.parametrize(
    "body",
    ["وانفجرت عبوة ناسفة أمس برتل للتحالف قرب الناصرية.", "ودوت صافرات الإنذار في السفارة بعد سقوط صاروخ قربها أمس."],
    ids=["roadside-bomb", "rocket-fell"],
)
def test_blasts_and_falling_rockets_are_attacks(tmp_path, body):
    assert events_of(_events(tmp_path, body), "attack"), _brief(_events(tmp_path, body))


@pytest.mark.parametrize(
    "body", ["وقتل عامل في انفجار مستودع للوقود أمس.", "وأدى سقوط النظام إلى فوضى واسعة."], ids=["depot-blew-up", "fall-of-regime"]
)
def test_accidents_and_falls_are_no_attacks(tmp_path, body):
    assert not events_of(_events(tmp_path, body), "attack")


@pytest.mark.parametrize(
    "body",
    [
        "ومن المنتظر أن تستكمل القوات الهولندية مغادرتها الأراضي العراقية قبل نهاية الشهر المقبل.",
        "وتعتزم الحكومة الإيطالية إعادة وحدتها العسكرية من أربيل، على أن تكتمل مغادرتها في الربيع المقبل.",
    ],
    ids=["departure-with-pronoun", "departure-with-pronoun-later"],
)
def test_a_taa_marbuta_before_a_pronoun_is_matched(tmp_path, body):
    events = events_of(_events(tmp_path, body), "withdrawal")
    assert events and events[0].status == "planned", _brief(_events(tmp_path, body))


def test_a_background_word_in_the_subject_does_not_govern_a_finite_verb(tmp_path):
    body = "وأعلنت وزارة الدفاع البريطانية، أمس الاثنين، أن آخر جنودها العاملين ضمن التحالف الدولي غادروا قاعدة الأزرق في الأردن."
    events = _events(tmp_path, body, dct="2026-03-10")
    assert [(e.type, e.date, e.status) for e in events] == [("withdrawal", "2026-03-09", "occurred")], _brief(events)


def test_an_undated_process_named_as_a_frame_is_no_event_of_its_own(tmp_path):
    body = "وقالت مصادر إن دفعة من الجنود وصلت أمس إلى قاعدة عريفجان قادمة من أربيل، في إطار إعادة تموضع القوات الأمريكية في المنطقة."
    events = events_of(_events(tmp_path, body), "redeployment")
    assert [m.trigger for e in events for m in e.mentions] == ["وصلت"], _brief(events)


@pytest.mark.parametrize(
    "body, type_",
    [
        ("وأنهت القوات الأمريكية وجودها في معسكر التاجي في آب/أغسطس 2020.", "withdrawal"),
        ("وأنهت بعثة الناتو مهمتها في العراق أمس.", "mission_end"),
        ("وقررت الحكومة الدنماركية إرسال 100 مدرب عسكري إضافي إلى بغداد.", "deployment"),
        ("ونشرت بريطانيا 40 مستشارا في قاعدة التاجي الشهر الماضي.", "deployment"),
    ],
    ids=["presence-ended", "mission-ended", "hundred-trainers", "forty-advisers"],
)
def test_ending_a_presence_and_counted_troops(tmp_path, body, type_):
    assert events_of(_events(tmp_path, body), type_), _brief(_events(tmp_path, body))


@pytest.mark.parametrize(
    "body",
    [
        "وصوت البرلمان أمس على سحب الثقة من وزير المالية.",
        "وقررت الحكومة سحب سفيرها من طهران للتشاور.",
        "وأعلن المرشح انسحابه من الانتخابات البرلمانية.",
        "وأكملت بريطانيا خروجها من الاتحاد الأوروبي مطلع 2020.",
        "وتسلم الوزير الجديد مهامه رسميا أمس.",
    ],
    ids=["no-confidence", "envoy-recalled", "candidate-withdrew", "left-a-union", "took-office"],
)
def test_civil_look_alikes_of_movements(tmp_path, body):
    events = _events(tmp_path, body)
    assert not [e for e in events if e.type in ("withdrawal", "handover", "redeployment")], _brief(events)


def test_security_tasks_of_a_base_are_still_a_handover(tmp_path):
    body = "وتسلمت القوات العراقية أمس مهام تأمين قاعدة عين الأسد."
    assert events_of(_events(tmp_path, body), "handover")


@pytest.mark.parametrize(
    "body",
    [
        "ودخلت عشرات الآليات التابعة للقوات الأمريكية، فجر أمس، إلى إقليم كوردستان قادمة من ريف الحسكة.",
        "ووصلت أكثر من خمسين آلية عسكرية إلى قاعدة حرير قادمة من قاعدة الشدادي.",
    ],
    ids=["into-a-region", "vehicle-is-no-preposition"],
)
def test_arrival_into_a_region_from_another_base(tmp_path, body):
    assert events_of(_events(tmp_path, body), "redeployment"), _brief(_events(tmp_path, body))


@pytest.mark.parametrize(
    "body, type_",
    [
        ("وأكد قائد المحور الأسبوع الماضي أن عملية التسليم لن تتأخر عن موعدها.", "handover"),
        ("وأعلنت الوزارة أن لجنة مشتركة ستشرف على جرد المنشآت قبل انتقال القاعدة إلى السيطرة الكردية.", "handover"),
    ],
    ids=["will-not-be-late", "before-a-future-event"],
)
def test_future_context_makes_an_undated_event_planned(tmp_path, body, type_):
    events = events_of(_events(tmp_path, body), type_)
    assert events and events[0].status == "planned", _brief(_events(tmp_path, body))


@pytest.mark.parametrize(
    "body, date",
    [
        ("وقال مسؤول إن قاعدة كي وان ستسلم إلى القوات العراقية في غضون أسبوع.", "2025-12-31/2026-01-07"),
        ("وأوضح أن القوات ستغادر معسكر التاجي في غضون شهر.", "2025-12-31/2026-01-31"),
    ],
    ids=["within-a-week", "within-a-month"],
)
def test_within_a_bare_unit_dates_a_planned_event_from_the_article_date(tmp_path, body, date):
    events = [e for e in _events(tmp_path, body) if e.type in ("handover", "withdrawal")]
    assert events and (events[0].date, events[0].status) == (date, "planned"), _brief(events)


@pytest.mark.parametrize(
    "body",
    [
        "وكان من المقرر أن تنسحب القوات من قاعدة حرير في غضون ثلاثة أشهر من إعلان القرار.",
        "وأوضح المسؤول أن سحب القوات من قاعدة الشدادي سيكتمل خلال أسبوعين من إعلان الخطة.",
    ],
    ids=["within-months-of", "within-weeks-of"],
)
def test_the_event_a_period_is_counted_from_is_no_statement_of_its_own(tmp_path, body):
    # ``في غضون مئة يوم من إعلان القرار``: the announcement is the anchor of the period, not a report
    events = _events(tmp_path, body)
    assert events_of(events, "withdrawal") and not events_of(events, "announcement"), _brief(events)
