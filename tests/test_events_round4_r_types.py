"""Movement and violence types (issue 8, round 4): word families and constructions of withdrawal,
redeployment, handover, mission_end, attack and war that extraction must treat as classes.

Every sentence here was written for these tests (not taken from any article or fixture).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import body_events


def _events(tmp_path: Path, body: str, dct: str = "2025-12-31", title: str = "تقرير إخباري"):
    return body_events(tmp_path, body, dct, title)


def _types(events) -> list[str]:
    return [e.type for e in events]


# ---------------------------------------------------------------------------------------------
# Morphology: a verb ending in alif maqsura keeps its stem under an object pronoun (أخلى → أخلاها),
# and the plural perfect / imperfect of نقل (نقلوا, يُنقلون) moves troops like نقل and نقلت.

@pytest.mark.parametrize(
    "body",
    [
        "وقالت قيادة العمليات إن الجيش تسلم الموقع أمس بعد أن أخلاها المستشارون الأجانب صباحا.",
        "وكانت القوات الأمريكية قد أخلاه الأسبوع الماضي وفق مصادر محلية، بحسب ما أفاد شهود.",
        "وأفاد مصدر أمني بأن الكتيبة أخلتها قبل يومين، وأن قاعدة القيارة أخلاها الجنود أمس.",
    ],
)
def test_alif_maqsura_verb_with_object_pronoun_is_a_withdrawal(tmp_path, body):
    assert "withdrawal" in _types(_events(tmp_path, body))


@pytest.mark.parametrize(
    "body",
    [
        "وأكد المتحدث أن الجنود نقلوا أمس إلى قاعدة حرير في أربيل.",
        "وقال مسؤول إن المستشارين سيُنقلون إلى قاعدة عين الأسد الأسبوع المقبل.",
        "وأضاف أن عناصر الوحدة ينقلون حاليا إلى مطار أربيل الدولي على دفعات.",
    ],
)
def test_plural_forms_of_naql_are_a_redeployment(tmp_path, body):
    assert "redeployment" in _types(_events(tmp_path, body))


# ---------------------------------------------------------------------------------------------
# Leaving for another base is a redeployment; leaving a country (or for home) stays a withdrawal.

@pytest.mark.parametrize(
    "body",
    [
        "وأوضح المصدر أن نصف الجنود غادروا أمس باتجاه قاعدة حرير في أربيل.",
        "وذكرت مصادر أن القوة الأمريكية انسحبت الأحد إلى مطار أربيل الدولي.",
        "وقال الضابط إن المستشارين سيغادرون نحو قاعدة الشدادي خلال أيام.",
    ],
)
def test_leaving_for_another_base_is_a_redeployment(tmp_path, body):
    types = _types(_events(tmp_path, body))
    assert "redeployment" in types and "withdrawal" not in types


@pytest.mark.parametrize(
    "body",
    [
        "وغادر آخر الجنود الأمريكيين العراق أمس إلى الكويت.",
        "وانسحبت القوات الأمريكية أمس من قاعدة التنف.",
    ],
)
def test_leaving_a_country_stays_a_withdrawal(tmp_path, body):
    types = _types(_events(tmp_path, body))
    assert "withdrawal" in types and "redeployment" not in types


# ---------------------------------------------------------------------------------------------
# A withdrawal verb in a relative clause that only says which troops or which site take part in
# another movement of the sentence is no withdrawal of its own.

@pytest.mark.parametrize(
    "body, main",
    [
        ("وأكد البنتاغون أن الجنود الذين غادروا قاعدة عين الأسد جرى نقلهم إلى الكويت الشهر الماضي.", "redeployment"),
        ("وأعيد نشر معظم المدربين الذين انسحبوا من العراق في قاعدة موفق السلطي بالأردن العام الماضي.", "redeployment"),
        ("وتسلمت قوات البيشمركة أمس الموقع الذي كانت قد أخلته القوة الأمريكية في مطار أربيل الدولي.", "handover"),
    ],
)
def test_relative_clause_withdrawal_describes_a_participant(tmp_path, body, main):
    types = _types(_events(tmp_path, body))
    assert main in types and "withdrawal" not in types


def test_relative_clause_withdrawal_without_another_movement_is_kept(tmp_path):
    body = "وتعرضت القاعدة التي انسحبت منها القوات الأمريكية أمس لهجوم صاروخي مساء اليوم."
    assert "withdrawal" in _types(_events(tmp_path, body))


# ---------------------------------------------------------------------------------------------
# An end noun that names a time is no mission end: a unit of time after it (نهاية ذلك الشهر), or the
# deadline (بحلول / قبل نهاية ...) of a movement of the same clause, which it dates instead.

@pytest.mark.parametrize(
    "body",
    [
        "وكان من المقرر أن تنتقل مهمة التدريب إلى الكويت نهاية ذلك الشهر بحسب الخطة.",
        "وقال المسؤول إن مهمة الفريق الاستشاري ستراجع نهاية هذا العام في اجتماع اللجنة.",
    ],
)
def test_end_noun_before_a_time_unit_is_no_mission_end(tmp_path, body):
    assert "mission_end" not in _types(_events(tmp_path, body))


@pytest.mark.parametrize(
    "body",
    [
        "وأكد البيان أن الجنود سيغادرون قاعدة حرير \"بحلول نهاية المرحلة الثانية\" من مهمة التحالف.",
        "وأضاف أن المدربين سينتقلون إلى قاعدة عين الأسد قبل نهاية المرحلة الأولى من المهمة.",
    ],
)
def test_deadline_end_noun_of_a_movement_is_no_mission_end(tmp_path, body):
    types = _types(_events(tmp_path, body))
    assert "mission_end" not in types and ("withdrawal" in types or "redeployment" in types)


def test_end_of_a_phase_on_its_own_is_a_mission_end(tmp_path):
    body = "ويرجح مراقبون أن يتواصل التصعيد حتى نهاية المرحلة الثانية من مهمة التحالف في أيلول 2026."
    assert "mission_end" in _types(_events(tmp_path, body))


# ---------------------------------------------------------------------------------------------
# The plural imperfect (يغادرون, سينسحبون, يقصفون, يتسلمون) belongs to its verb's family.

@pytest.mark.parametrize(
    "body, type_",
    [
        ("وقال المتحدث إن الجنود الأمريكيين سيغادرون قاعدة التنف الأسبوع المقبل.", "withdrawal"),
        ("وأوضح أن المستشارين سينتقلون إلى قاعدة حرير خلال أيام.", "redeployment"),
        ("وقال شهود إن مسلحين يقصفون قاعدة عين الأسد بالصواريخ منذ الصباح.", "attack"),
        ("وأكد القائد أن الجنود العراقيين سيستلمون قاعدة القيارة غدا.", "handover"),
    ],
)
def test_plural_imperfect_forms_join_their_family(tmp_path, body, type_):
    assert type_ in _types(_events(tmp_path, body))


# ---------------------------------------------------------------------------------------------
# The movement by which a phase or mission ended (بـ + verbal noun) happened when it ended.

@pytest.mark.parametrize(
    "body, type_",
    [
        ("وانتهت المرحلة الأولى من مهمة التحالف في تموز 2025 بمغادرة آخر المستشارين قاعدة التاجي.", "withdrawal"),
        ("واكتملت مهمة الفريق الاستشاري في آذار 2025 بانسحاب عناصره من معسكر بسماية.", "withdrawal"),
        ("واختتمت بعثة التدريب عملها في أيار 2025 بتسليم مقرها للجيش العراقي.", "handover"),
    ],
)
def test_means_of_an_ending_takes_its_date(tmp_path, body, type_):
    events = [e for e in _events(tmp_path, body) if e.type == type_]
    assert events and events[0].date == "2025-" + {"تموز": "07", "آذار": "03", "أيار": "05"}[body.split(" 2025")[0].split()[-1]]


def test_means_after_a_comma_keeps_its_own_dating(tmp_path):
    body = "وانتهت المرحلة الأولى من مهمة التحالف في تموز 2025، بانتظار مغادرة آخر المستشارين قاعدة التاجي."
    events = [e for e in _events(tmp_path, body) if e.type == "withdrawal"]
    assert all(e.date != "2025-07" for e in events)


# ---------------------------------------------------------------------------------------------
# ``انطلاقا من`` (operating from) is an adverbial, not a launch: it starts no campaign.

@pytest.mark.parametrize(
    "body",
    [
        "وستبقى وحدة صغيرة تعمل انطلاقاً من قاعدة حرير لمساندة العمليات ضد بقايا التنظيم في سوريا.",
        "وتنفذ الطائرات انطلاقا من الأردن الغارات على مواقع داعش بحسب المتحدث.",
    ],
)
def test_operating_from_is_no_launch_of_a_campaign(tmp_path, body):
    assert "war" not in _types(_events(tmp_path, body))


def test_a_launched_campaign_on_isis_is_a_war(tmp_path):
    body = "وبدأ التحالف في آب 2014 غاراته على مواقع تنظيم داعش في العراق."
    assert "war" in _types(_events(tmp_path, body))


# ---------------------------------------------------------------------------------------------
# Arriving from elsewhere is a redeployment only when troops or their gear arrive; a person who
# arrives (an envoy, a minister) is paying a visit.

@pytest.mark.parametrize(
    "body",
    [
        "ووصل المبعوث الأممي أمس إلى أربيل قادماً من بغداد في زيارة تستغرق يومين.",
        "ووصل وزير الدفاع صباح اليوم إلى قاعدة عين الأسد قادما من الكويت.",
    ],
)
def test_a_person_arriving_is_no_redeployment(tmp_path, body):
    assert "redeployment" not in _types(_events(tmp_path, body))


def test_troops_arriving_from_another_base_are_a_redeployment(tmp_path):
    body = "ووصلت قوة أمريكية أمس إلى قاعدة حرير قادمة من قاعدة عين الأسد."
    assert "redeployment" in _types(_events(tmp_path, body))


# ---------------------------------------------------------------------------------------------
# A verbal noun in what something only may do (قد + imperfect) is a topic of speculation.

@pytest.mark.parametrize(
    "body, type_",
    [
        ("ورأى محلل أن التصعيد الأخير قد يؤخر ترتيبات الانسحاب من قاعدة حرير.", "withdrawal"),
        ("وقال خبير إن خروج القوات من الشدادي قد يمهد الطريق أمام تسليمها للجيش السوري.", "handover"),
        ("وحذر مراقبون من أن هذا الخلاف قد يعطل انتقال المستشارين إلى قاعدة حرير.", "redeployment"),
    ],
)
def test_object_of_a_possibility_is_no_event(tmp_path, body, type_):
    assert type_ not in _types(_events(tmp_path, body))


def test_qad_with_a_perfect_is_a_report(tmp_path):
    body = "وكانت القاعدة قد تعرضت أمس لهجوم بطائرة مسيرة."
    assert "attack" in _types(_events(tmp_path, body))


# ---------------------------------------------------------------------------------------------
# A noun and the verb of its relative clause (الهجوم الذي استهدف …) are one event, dated by the verb.

@pytest.mark.parametrize(
    "body, date",
    [
        ("وتبنت جماعة مسلحة في بيان مساء الخميس الهجوم بطائرة مسيرة الذي استهدف قاعدة حرير ليل الثلاثاء الماضي.", "2025-12-30"),
        ("وأدانت الحكومة يوم السبت القصف الذي طال قاعدة عين الأسد يوم الأربعاء الماضي.", "2025-12-24"),
    ],
)
def test_noun_and_its_relative_verb_are_one_event_dated_by_the_verb(tmp_path, body, date):
    attacks = [e for e in _events(tmp_path, body) if e.type == "attack"]
    assert len(attacks) == 1 and attacks[0].date.startswith(date), [(e.trigger, e.date) for e in attacks]


# ---------------------------------------------------------------------------------------------
# Where the projectiles were fired from is not a second target: launch and impact are one attack.

def test_launch_and_impact_in_one_sentence_are_one_attack(tmp_path):
    body = "وسقطت ثلاث قذائف فجر أمس قرب قاعدة حرير، موضحا أن القذائف أطلقت من منطقة محاذية لحدود محافظة نينوى."
    attacks = [e for e in _events(tmp_path, body) if e.type == "attack"]
    assert len(attacks) == 1 and attacks[0].place == "حرير", [(e.trigger, e.place) for e in attacks]


def test_two_targets_in_one_sentence_stay_two_attacks(tmp_path):
    body = "واستهدفت طائرة مسيرة قاعدة حرير أمس، فيما قصف مسلحون قاعدة عين الأسد بالصواريخ."
    assert len([e for e in _events(tmp_path, body) if e.type == "attack"]) == 2


# ---------------------------------------------------------------------------------------------
# Military operations told with the years they spanned are a war (a campaign named as a period).

@pytest.mark.parametrize(
    "body, date",
    [
        ("وشهدت البلدة عمليات عسكرية متواصلة بين عامي 2015 و2016 قبل أن تستعيدها القوات الحكومية.", "2015/2016"),
        ("وكانت الأنبار ساحة لعمليات عسكرية كبيرة عام 2016 ضد التنظيم.", "2016"),
    ],
)
def test_military_operations_over_years_are_a_war(tmp_path, body, date):
    wars = [e for e in _events(tmp_path, body) if e.type == "war"]
    assert wars and wars[0].date == date, [(e.type, e.trigger, e.date) for e in _events(tmp_path, body)]


def test_operations_without_years_are_no_war(tmp_path):
    body = "وقال القائد إن القوات تستعد لعمليات عسكرية في الصحراء الغربية."
    assert "war" not in _types(_events(tmp_path, body))


# ---------------------------------------------------------------------------------------------
# Reported speech: a timex after أن/إن belongs to the reported clause, not to the speech verb.

@pytest.mark.parametrize(
    "body, type_, date",
    [
        ("وأعلن المتحدث العسكري أن الطائرات الأمريكية نفذت فجر أمس غارات على مخازن أسلحة قرب القائم.", "attack", "2025-12-30"),
        ("وأكد قائد العمليات أن القوات العراقية تسلمت صباح اليوم قاعدة القيارة بشكل رسمي.", "handover", "2025-12-31"),
    ],
)
def test_timex_after_the_complementizer_dates_the_reported_event(tmp_path, body, type_, date):
    found = [e for e in _events(tmp_path, body) if e.type == type_]
    assert found and (found[0].date or "").startswith(date), [(e.type, e.trigger, e.date) for e in _events(tmp_path, body)]


# ---------------------------------------------------------------------------------------------
# Nominal sentences: a site emptied of troops (خالية من القوات) reports the withdrawal; رحل with
# troops is a departure (not a death: رحل الشاعر).

@pytest.mark.parametrize(
    "body",
    [
        "وباتت قاعدة التنف خالية من الجنود الأمريكيين منذ أمس.",
        "وأصبح معسكر التاجي خاليا من قوات التحالف بحسب مصدر عسكري.",
        "ورحلت القوات الأمريكية عن قاعدة الشدادي فجر أمس.",
    ],
)
def test_emptied_site_and_departure_are_a_withdrawal(tmp_path, body):
    assert "withdrawal" in _types(_events(tmp_path, body))


@pytest.mark.parametrize(
    "body",
    [
        "وكان الطريق الدولي خاليا من المارة طوال أمس.",
        "ورحل الشاعر العراقي المعروف أمس عن عمر ناهز ثمانين عاما.",
    ],
)
def test_empty_of_non_troops_or_a_death_is_no_withdrawal(tmp_path, body):
    assert "withdrawal" not in _types(_events(tmp_path, body))


# ---------------------------------------------------------------------------------------------
# Civil, economic, political and sports uses of movement and violence words are look-alikes.

@pytest.mark.parametrize(
    "body",
    [
        "وأعلنت شركة نفط أجنبية انسحابها من السوق العراقية أمس.",
        "وانسحب المنتخب الوطني من البطولة الإقليمية أمس احتجاجا على التحكيم.",
        "وسلمت وزارة المالية أمس الرواتب المتأخرة للموظفين.",
        "وهاجم زعيم المعارضة أمس منتقديه في مؤتمر صحفي.",
        "وتراجعت أسعار الأسهم بعد انسحاب المستثمرين من البورصة أمس.",
        "وأنهت الشركة أمس عقدها مع وزارة الكهرباء.",
    ],
)
def test_civil_look_alikes_are_no_events(tmp_path, body):
    types = _types(_events(tmp_path, body))
    assert not set(types) & {"withdrawal", "redeployment", "handover", "mission_end", "attack", "war"}, types


@pytest.mark.parametrize(
    "body, type_",
    [
        ("وهاجمت فصائل مسلحة أمس قاعدة عين الأسد بالصواريخ رغم تراجع أسعار النفط.", "attack"),
        ("وانسحبت القوات الأمريكية أمس من حقل كونيكو الذي تديره شركة نفطية.", "withdrawal"),
    ],
)
def test_military_clause_with_a_civil_word_is_kept(tmp_path, body, type_):
    assert type_ in _types(_events(tmp_path, body))


# ---------------------------------------------------------------------------------------------
# The verb of an invasion (غزت, غزا) is a war when dated, like its noun (الغزو).

def test_dated_invasion_verb_is_a_war(tmp_path):
    body = "وفي ربيع 2003 غزت قوات أمريكية وبريطانية العراق وأسقطت نظامه."
    wars = [e for e in _events(tmp_path, body) if e.type == "war"]
    assert wars and wars[0].date is not None and wars[0].date.startswith("2003")


# ---------------------------------------------------------------------------------------------
# Continuing a mission until a date (ستواصل … عملها حتى) ends it then, like تستمر … حتى.

def test_continuing_a_mission_until_a_date_is_its_end(tmp_path):
    body = "وقال المتحدث إن البعثة الأوروبية ستواصل مهمتها التدريبية في بغداد حتى حزيران 2026."
    ends = [e for e in _events(tmp_path, body) if e.type == "mission_end"]
    assert ends and ends[0].date == "2026-06" and ends[0].status == "planned"


# ---------------------------------------------------------------------------------------------
# Taking over a site's protection with a partner named in passing (بالتنسيق مع …) is a handover.

@pytest.mark.parametrize(
    "body",
    [
        "وسيتولى الجيش العراقي بالتنسيق مع قيادة الشرطة حماية المنشآت التي ستخليها القوات الأجنبية.",
        "وستتولى قوات الحدود بالتعاون مع الأجهزة المحلية تأمين المعسكرات المتروكة اعتبارا من الشهر المقبل.",
    ],
)
def test_takeover_with_a_partner_in_between_is_a_handover(tmp_path, body):
    assert "handover" in _types(_events(tmp_path, body))


# ---------------------------------------------------------------------------------------------
# Fewer bases is a withdrawal, like fewer troops; cutting something else is not.

def test_reducing_the_number_of_bases_is_a_withdrawal(tmp_path):
    body = "وأكد مسؤول أمريكي أن بلاده ستخفض عدد قواعدها في العراق خلال العام المقبل."
    assert "withdrawal" in _types(_events(tmp_path, body))


def test_reducing_taxes_is_no_withdrawal(tmp_path):
    body = "وأعلنت الحكومة أنها ستخفض الضرائب على الشركات العاملة قرب القواعد النفطية."
    assert "withdrawal" not in _types(_events(tmp_path, body))


# ---------------------------------------------------------------------------------------------
# What someone is ready for (مستعد لتسلم) is a capacity, not an event; a preparation (استعدادا لـ) stays.

@pytest.mark.parametrize(
    "body, type_",
    [
        ("وقال قائد محلي إن قواته مستعدة لتسلم قاعدة التاجي في أي وقت.", "handover"),
        ("وأكد المتحدث أن الطائرات جاهزة لقصف مواقع التنظيم إذا لزم الأمر.", "attack"),
    ],
)
def test_readiness_is_no_event(tmp_path, body, type_):
    assert type_ not in _types(_events(tmp_path, body))


def test_preparation_for_a_handover_stays_an_event(tmp_path):
    body = "وتجري القوات الأمريكية جردا لمعداتها استعدادا لتسليم قاعدة التاجي الشهر المقبل."
    handovers = [e for e in _events(tmp_path, body) if e.type == "handover"]
    assert handovers and handovers[0].date == "2026-01"


# ---------------------------------------------------------------------------------------------
# A quotation mark after a detached proclitic (بـ"…") opens what is demanded; it does not cut the
# demand off from its content.

@pytest.mark.parametrize(
    "body",
    [
        "وطالب نواب عن كتلة معارضة في البرلمان العراقي بـ\"خروج آخر جندي أجنبي من قاعدة حرير قبل نهاية العام\".",
        "وطالب نواب عن كتلة معارضة في مجلس النواب بـ«انسحاب القوات الأجنبية من قاعدة عين الأسد قبل الصيف».",
    ],
)
def test_quoted_demand_after_a_detached_proclitic_is_no_event(tmp_path, body):
    assert "withdrawal" not in _types(_events(tmp_path, body))


# ---------------------------------------------------------------------------------------------
# A date in apposition to ``الموعد (المحدد) لـ`` an event is that event's date.

@pytest.mark.parametrize(
    "body, date",
    [
        ("ومع اقتراب 30 حزيران المقبل، الموعد المحدد لانتهاء مهمة البعثة الأوروبية في بغداد، تستعد الحكومة لطي صفحة بدأت عام 2018.", "2026-06-30"),
        ("وحتى الخامس عشر من آذار، الموعد المقرر لتسليم قاعدة التاجي، تبقى المعدات الثقيلة في مكانها منذ عام 2019.", "2026-03-15"),
    ],
)
def test_date_in_apposition_to_the_appointment_dates_the_event(tmp_path, body, date):
    found = [e for e in _events(tmp_path, body) if e.type in ("mission_end", "handover")]
    assert found and found[0].date == date, [(e.type, e.trigger, e.date) for e in _events(tmp_path, body)]


# ---------------------------------------------------------------------------------------------
# An undated verbal noun named as a topic (قضية انسحاب, أهمية تسليم, تداعيات الهجمات) is talked about,
# not reported.

@pytest.mark.parametrize(
    "body, type_",
    [
        ("وتطرق اللقاء إلى قضية انسحاب قوات التحالف من قاعدة حرير.", "withdrawal"),
        ("وشدد المتحدث على أهمية تسليم قاعدة التاجي إلى الجيش العراقي.", "handover"),
        ("وتناولت الندوة تداعيات الهجمات على القواعد الأمريكية في سوريا.", "attack"),
    ],
)
def test_topic_of_talk_is_no_event(tmp_path, body, type_):
    assert type_ not in _types(_events(tmp_path, body))


def test_dated_event_after_a_topic_head_stays(tmp_path):
    body = "وتناول الكتاب قضية انسحاب القوات الأمريكية من العراق عام 2011."
    assert "withdrawal" in _types(_events(tmp_path, body))
