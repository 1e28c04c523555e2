"""Event extraction by error class (issue 8): each class is a general Arabic news phenomenon.

The sentences are written for these tests (not taken from any article or fixture). Each class has
several wordings so that a rule written for one sentence does not pass the class:

* modality and negation: demanded, called for, denied, postponed, expected, possible, discussed;
* date roles: a deadline dates the planned event, never the agreement that set it;
* status from the text: future markers, past markers, ongoing markers, no future date on the past;
* the type follows the happening, not the reporting verb;
* place is the one the trigger governs (a base over its province over its country);
* periods (خلال شهر, في غضون أسبوعين) are intervals from the article date;
* actors come from the event's own clause;
* look-alikes (outlet and programme names, homographs) are not time words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.events.clauses import Span, clause_span
from analysis.text import tokens

from helpers import body_events, events_of


def _events(tmp_path: Path, body: str, dct: str = "2025-12-31", title: str = "تقرير إخباري"):
    return body_events(tmp_path, body, dct, title)


def _one(events, type_: str):
    found = events_of(events, type_)
    assert len(found) == 1, [(e.type, e.trigger, e.date, e.status) for e in events]
    return found[0]


# ---------------------------------------------------------------------------------------------
# Modality and negation: a demanded, called-for, denied, postponed, expected or possible event has
# not occurred. It is a planned event (an actor that can do it intends or schedules it) or none.

NOT_OCCURRED = [
    "وطالب نواب في البرلمان برحيل القوات الأجنبية عن قاعدة التنف.",  # demanded
    "ودعت فصائل مسلحة إلى انسحاب القوات الأمريكية من قاعدة حرير في أقرب وقت.",  # called for
    "ونفت وزارة الدفاع انسحاب أي جندي من قاعدة الرميلان.",  # denied
    "ورفض رئيس حكومة الإقليم الدعوات إلى مغادرة قوات التحالف من أربيل.",  # the call is rejected
    "وأرجئت مراسم تسليم قاعدة كونيكو إلى القوات المحلية لأسباب أمنية.",  # postponed, no new date
    "ومن المتوقع أن تنسحب القوات الإيطالية من معسكرها في أربيل.",  # expected
    "وقد تسحب واشنطن جزءا من قواتها المنتشرة في شمال شرقي سوريا.",  # possible
    "وتبحث مسودة قيد النقاش إخلاء قاعدة الشدادي من المستشارين الأجانب.",  # merely discussed
    "وحذرت الفصائل من أنها ستستهدف القواعد إذا لم تنسحب القوات الأجنبية.",  # conditional
]


@pytest.mark.parametrize(
    "body", NOT_OCCURRED, ids=["demanded", "called-for", "denied", "call-rejected", "postponed", "expected", "possible", "discussed", "conditional"]
)
def test_modal_or_negated_events_have_not_occurred(tmp_path, body):
    events = _events(tmp_path, body)
    core = [e for e in events if e.type in ("withdrawal", "handover", "attack", "redeployment")]
    assert all(e.status != "occurred" for e in core), [(e.type, e.trigger, e.status) for e in core]


@pytest.mark.parametrize(
    "body",
    [
        "وطالبت كتائب مسلحة في بيان القوات الأمريكية بمغادرة البلاد فورا.",
        "وتطالب قوى سياسية بإخراج جميع القوات الأجنبية من العراق.",
        "ودعا نواب إلى وضع جدول زمني لانسحاب قوات التحالف.",
        "ونفى مسؤول عسكري ما تداولته وسائل إعلام عن انسحاب مفاجئ من مطار أربيل الدولي.",
    ],
    ids=["demand-by-militia", "demand-by-parties", "call-for-timetable", "denied-rumour"],
)
def test_demands_calls_and_denied_rumours_give_no_event(tmp_path, body):
    assert _events(tmp_path, body) == []


def test_postponed_to_a_date_is_planned_for_that_date(tmp_path):
    body = "وأعلنت الحكومة، اليوم، تأجيل تسليم قاعدة حرير إلى القوات العراقية حتى آذار المقبل."
    handover = _one(_events(tmp_path, body), "handover")
    assert (handover.status, handover.date) == ("planned", "2026-03")


def test_expected_event_is_planned_with_its_date(tmp_path):
    body = "ومن المتوقع أن تنسحب القوات الإيطالية من معسكرها في أربيل الشهر المقبل."
    withdrawal = _one(_events(tmp_path, body), "withdrawal")
    assert (withdrawal.status, withdrawal.date) == ("planned", "2026-01")


def test_agreement_content_with_a_deadline_is_a_planned_event(tmp_path):
    body = "واتفق الجانبان أمس على إنهاء مهمة التحالف في سوريا قبل نهاية العام المقبل."
    mission_end = _one(_events(tmp_path, body), "mission_end")
    assert (mission_end.status, mission_end.date, mission_end.date_mod) == ("planned", "2026", "END")


# ---------------------------------------------------------------------------------------------
# Date roles: a deadline (بحلول, حتى, قبل نهاية, في موعد أقصاه) dates the planned event; the
# agreement is dated when it was reached, or not at all.


@pytest.mark.parametrize(
    "body, agreed",
    [
        ("واتفقت بغداد وواشنطن أمس على جدول زمني ينهي مهمة التحالف بحلول نهاية العام المقبل.", "2025-12-30"),
        ("وتوصل الجانبان إلى تفاهم يقضي بإنهاء مهمة التحالف في موعد أقصاه نهاية العام المقبل.", None),
        ("ووقع البلدان مذكرة تفاهم تنص على انتهاء مهمة التحالف حتى نهاية العام المقبل.", None),
    ],
    ids=["by", "at-the-latest", "until"],
)
def test_deadline_dates_the_planned_event_not_the_agreement(tmp_path, body, agreed):
    events = _events(tmp_path, body)
    agreement = _one(events, "agreement")
    assert agreement.date == agreed
    mission_end = _one(events, "mission_end")
    assert (mission_end.date, mission_end.date_mod, mission_end.status) == ("2026", "END", "planned")


def test_relative_clause_date_does_not_date_its_head(tmp_path):
    body = "ويطوي الاتفاق صفحة التحالف الذي تشكل قبل عشر سنوات لمواجهة تنظيم داعش."
    for event in events_of(_events(tmp_path, body), "agreement"):
        assert event.date is None


def test_staying_until_a_date_dates_the_withdrawal_it_is_the_deadline_of(tmp_path):
    body = "وستبقى القوات الأمريكية في إقليم كردستان حتى أيلول/سبتمبر 2026، موعد انسحابها النهائي من الإقليم."
    withdrawal = _one(_events(tmp_path, body), "withdrawal")
    assert (withdrawal.date, withdrawal.status) == ("2026-09", "planned")


# ---------------------------------------------------------------------------------------------
# Status from the text.


@pytest.mark.parametrize(
    "body, status",
    [
        ("وستنسحب القوات الأمريكية من قاعدة الشدادي الأسبوع المقبل.", "planned"),
        ("وسوف تسلم القوات الفرنسية معسكرها في أربيل إلى البيشمركة.", "planned"),
        ("ومن المقرر أن تغادر القوات الألمانية قاعدة الأزرق الجوية.", "planned"),
        ("وغادرت آخر دفعة من القوات الأمريكية قاعدة التنف أمس.", "occurred"),
        ("وتم تسليم قاعدة الحبانية إلى الجيش العراقي.", "occurred"),
        ("وقبل أيام انسحب الجنود الأمريكيون من قاعدة كونيكو.", "occurred"),
        ("وبدأت القوات الأمريكية الانسحاب من قاعدة حقل العمر في ريف دير الزور.", "ongoing"),
        ("ولا يزال انسحاب القوات من قاعدة حرير مستمرا.", "ongoing"),
        ("وعملية نقل المعدات من قاعدة عين الأسد جارية.", "ongoing"),
    ],
    ids=["next-week", "sawfa", "scheduled", "yesterday", "tamma", "days-ago", "began", "still-going-on", "under-way"],
)
def test_status_from_the_text(tmp_path, body, status):
    events = [e for e in _events(tmp_path, body) if e.type != "announcement"]
    assert events and {e.status for e in events} == {status}, [(e.type, e.trigger, e.status) for e in events]


def test_a_future_date_never_dates_an_occurred_event(tmp_path):
    body = "وأنهت القوات الأمريكية انسحابها من قاعدة التنف، على أن تسلم الموقع إلى الجيش السوري الشهر المقبل."
    events = _events(tmp_path, body)
    withdrawal = _one(events, "withdrawal")
    assert withdrawal.status == "occurred" and withdrawal.date != "2026-01"
    handover = _one(events, "handover")
    assert (handover.status, handover.date) == ("planned", "2026-01")


def test_an_event_named_after_since_is_over(tmp_path):
    body = "ويعد هذا أعنف هجوم على القاعدة منذ القصف الذي شنته إيران على قاعدة عين الأسد في الثامن من كانون الثاني/يناير 2020."
    attack = [e for e in _events(tmp_path, body) if e.date == "2020-01-08"]
    assert attack and attack[0].status == "occurred"


# ---------------------------------------------------------------------------------------------
# The type follows the happening, not the reporting verb.


@pytest.mark.parametrize(
    "body, type_, place",
    [
        ("وقالت جماعة مسلحة إنها أطلقت صواريخ على قاعدة التنف فجر اليوم.", "attack", "التنف"),
        ("وأكدت وزارة الدفاع انسحاب القوات من قاعدة القيارة.", "withdrawal", "القيارة"),
        ("وأعلن التحالف مقتل جنديين في هجوم بطائرة مسيرة على قاعدة الرميلان.", "attack", "الرميلان"),
        ("وسقطت ثلاث قذائف على محيط مطار أربيل الدولي مساء أمس.", "attack", "مطار أربيل الدولي"),
        ("وكشف البنتاغون أن قواته أخلت قاعدة قسرك بالكامل.", "withdrawal", "قسرك"),
    ],
    ids=["said-fired", "confirmed-withdrawal", "announced-deaths-in-attack", "shells-fell", "revealed-evacuation"],
)
def test_reported_happening_gives_its_own_type(tmp_path, body, type_, place):
    events = _events(tmp_path, body)
    assert [e.type for e in events] == [type_], [(e.type, e.trigger) for e in events]
    assert events[0].place == place


def test_statement_whose_content_is_not_an_event_is_an_announcement(tmp_path):
    body = "وأعلنت وزارة الدفاع، اليوم، أن موعد الانسحاب من قاعدة حرير لم يتغير."
    assert [e.type for e in _events(tmp_path, body)] == ["announcement"]


def test_moving_out_of_the_country_is_a_withdrawal(tmp_path):
    body = "ونقلت القوات الأمريكية معداتها الثقيلة من قاعدة حرير إلى خارج العراق أمس."
    assert [e.type for e in _events(tmp_path, body)] == ["withdrawal"]


# ---------------------------------------------------------------------------------------------
# Place: the one the trigger governs; a base beats its province, a province its country.


@pytest.mark.parametrize(
    "body, type_, place",
    [
        ("وانسحبت القوات الأمريكية من قاعدة الشدادي في محافظة الحسكة شمال شرقي سوريا.", "withdrawal", "الشدادي"),
        ("واستهدفت طائرة مسيرة مطار أربيل الدولي مساء أمس.", "attack", "مطار أربيل الدولي"),
        ("وسلم التحالف قاعدة القيارة الواقعة جنوب الموصل إلى الجيش العراقي أمس.", "handover", "القيارة"),
        ("وتسلمت القوات العراقية قاعدة كي وان في كركوك من التحالف أمس.", "handover", "كي وان"),
        ("وستنتهي مهمة التحالف في العراق، باستثناء إقليم كردستان، نهاية أيلول المقبل.", "mission_end", "العراق"),
        ("ونقلت القوات الأمريكية مئات الجنود من قاعدة التنف إلى قاعدة الشدادي.", "redeployment", "الشدادي"),
        ("وغادر الجنود الألمان معسكرهم في أربيل عائدين إلى بلادهم.", "withdrawal", "أربيل"),
    ],
    ids=["base-over-province", "airport", "base-over-nearby-city", "unknown-base", "exception", "destination", "camp-in-city"],
)
def test_place_is_the_one_the_trigger_governs(tmp_path, body, type_, place):
    event = _one(_events(tmp_path, body), type_)
    assert event.place == place


def test_a_dated_agreement_is_in_the_article_country_not_its_contents_place(tmp_path):
    """Round 11 (docs/ANNOTATION.md, "Place"): a dated agreement whose clause governs no place is in the article's
    country; what it is about (``إنهاء مهمة التحالف في إقليم كردستان``) is not where it was reached."""
    body = "واتفقت بغداد وواشنطن أمس على إنهاء مهمة التحالف في إقليم كردستان.\n\nوتتمركز القوات في قاعدتي عين الأسد وحرير."
    assert _one(_events(tmp_path, body), "agreement").place == "العراق"


def test_a_parliament_reading_is_placed_in_the_country_the_article_is_about(tmp_path):
    """Round 9: an `other` event that governs no place (a reading, a session) happens in the article's country."""
    body = ("وأنهى مجلس النواب أمس القراءة الأولى لمشروع قانون تنظيم وجود القوات الأجنبية.\n\n"
            "وكانت قوات التحالف قد غادرت قاعدة عين الأسد في الأنبار الشهر الماضي.")
    assert _one(_events(tmp_path, body), "other").place == "العراق"


def test_a_meeting_in_an_article_about_syria_is_placed_in_syria(tmp_path):
    body = ("وعقدت اللجنة العسكرية المشتركة أمس اجتماعها الدوري.\n\n"
            "وكانت القوات الأمريكية قد انسحبت من قاعدة الشدادي في الحسكة الشهر الماضي.")
    assert _one(_events(tmp_path, body), "other").place == "سوريا"


def test_an_announcement_keeps_no_place_of_the_country(tmp_path):
    body = "أعلنت وزارة الدفاع العراقية، اليوم الأحد، أن الجيش تسلم قاعدة عين الأسد في الأنبار."
    announcements = events_of(_events(tmp_path, body), "announcement")
    assert announcements and all(e.place is None for e in announcements)


def test_two_bases_in_one_sentence_are_two_events(tmp_path):
    body = "ومن المقرر أن يسلم التحالف قاعدة القيارة خلال الأيام المقبلة، فيما سيجري تسليم قاعدة كي وان في موعد لاحق."
    handovers = events_of(_events(tmp_path, body), "handover")
    assert sorted(e.place for e in handovers) == ["القيارة", "كي وان"]


# ---------------------------------------------------------------------------------------------
# Periods from the article date.


@pytest.mark.parametrize(
    "body, value",
    [
        ("وستنسحب القوات من قاعدة حرير خلال شهر.", "2025-12-31/2026-01-31"),
        ("وقال مسؤول إن القاعدة ستسلم إلى الجيش في غضون أسبوعين.", "2025-12-31/2026-01-14"),
        ("ومن المقرر أن تغادر القوات قاعدة التنف في غضون ثلاثة أشهر.", "2025-12-31/2026-03-31"),
    ],
    ids=["within-a-month", "within-two-weeks", "within-three-months"],
)
def test_periods_are_intervals_from_the_article_date(tmp_path, body, value):
    events = [e for e in _events(tmp_path, body) if e.type != "announcement"]
    assert [(e.date, e.status) for e in events] == [(value, "planned")]


def test_a_past_period_ends_at_the_article_date(tmp_path):
    body = "وأخلت القوات الأمريكية قاعدة الرميلان خلال الأسبوعين الماضيين."
    assert [(e.date, e.status) for e in _events(tmp_path, body)] == [("2025-12-17/2025-12-31", "occurred")]


# ---------------------------------------------------------------------------------------------
# Actors come from the event's own clause.


def test_actors_stay_in_their_clause(tmp_path):
    body = "وسلمت القوات الأمريكية قاعدة التنف إلى الجيش السوري أمس، فيما هاجمت كتائب حزب الله قاعدة الشدادي."
    events = _events(tmp_path, body)
    handover, attack = _one(events, "handover"), _one(events, "attack")
    assert "كتائب حزب الله" not in handover.actors
    assert "كتائب حزب الله" in attack.actors
    assert not {"القوات الأمريكية", "الجيش السوري"} & set(attack.actors)


def test_actors_stop_at_a_coordinated_verb(tmp_path):
    body = "وانسحبت القوات الأمريكية من قاعدة الرميلان أمس، وأعلنت قوات سوريا الديمقراطية تسلمها القاعدة اليوم."
    withdrawal = _one(_events(tmp_path, body), "withdrawal")
    assert withdrawal.actors == ("القوات الأمريكية",)


# ---------------------------------------------------------------------------------------------
# Look-alikes are not time words.


@pytest.mark.parametrize(
    "body",
    [
        "وستنسحب القوات الأمريكية من قاعدة التنف، بحسب ما نقلت قناة «اليوم» عن مصدر عسكري.",
        "وستنسحب القوات الأمريكية من قاعدة التنف وفق ما بثه برنامج «الأسبوع» على إذاعة محلية.",
        "وستنسحب القوات الأمريكية من قاعدة التنف، حسبما أوردت صحيفة «الغد» نقلا عن مصادرها.",
    ],
    ids=["channel-today", "programme-week", "paper-tomorrow"],
)
def test_outlet_and_programme_names_date_nothing(tmp_path, body):
    withdrawal = _one(_events(tmp_path, body), "withdrawal")
    assert (withdrawal.date, withdrawal.status) == (None, "planned")


def test_happened_is_not_signed(tmp_path):
    body = "ويأتي الهجوم بعد أيام من قصف مطار أربيل الدولي الذي وقع الإثنين الماضي."
    events = _events(tmp_path, body, dct="2021-02-20")
    assert not events_of(events, "agreement")
    assert [e.date for e in events_of(events, "attack")] == ["2021-02-15"]


def test_operations_against_remnants_of_isis_are_not_an_attack_on_the_coalition(tmp_path):
    body = "وأكد أن القوات العراقية باتت قادرة على إدارة العمليات ضد بقايا داعش بمفردها."
    assert not events_of(_events(tmp_path, body), "attack")


def test_a_count_since_a_date_dates_nothing(tmp_path):
    body = "واستهدفت طائرة مسيرة مطار أربيل الدولي مساء أمس، في هجوم هو الثالث من نوعه منذ آذار الماضي."
    events = _events(tmp_path, body, dct="2025-06-10")
    assert [(e.type, e.date) for e in events] == [("attack", "2025-06-09TEV")]


def test_a_date_without_its_year_is_the_last_one_before_a_past_event(tmp_path):
    body = "وكانت القاعدة قد تعرضت لهجوم بعد القصف الذي طالها في العاشر من تشرين الثاني."
    dates = {e.date for e in _events(tmp_path, body, dct="2025-08-01") if e.type == "attack"}
    assert "2024-11-10" in dates and not any(d and d > "2025-08-01" for d in dates)


# ---------------------------------------------------------------------------------------------
# More of the modality class: what a plan, a body, a hypothesis or a superseded schedule names.


@pytest.mark.parametrize(
    "body",
    [
        "واجتمعت اللجنة العليا لإنهاء مهمة التحالف في بغداد.",  # a body named for its purpose
        "وقال محللون إن انسحاب القوات من قاعدة الرميلان قد يفتح الباب أمام عودة التنظيم.",  # a hypothesis
        "ولا تزال القوات الأمريكية تنتشر في قاعدة التنف.",  # a state, not a deployment
        "وأكد مصدر أن القوات قادرة على إدارة القواعد التي يخليها التحالف.",  # a description
        "وتسعى الحكومة إلى وضع خطة لإعادة تموضع القوات الأجنبية.",  # what a plan is for
    ],
    ids=["body-name", "hypothesis", "state", "habit", "plan-aim"],
)
def test_names_states_and_hypotheses_are_not_events(tmp_path, body):
    assert [e.type for e in _events(tmp_path, body) if e.type != "announcement"] == []


def test_the_new_date_of_a_postponement_not_the_superseded_one(tmp_path):
    body = "واتفق الجانبان أمس على تأجيل الانسحاب من قاعدة حرير، الذي كان مقررا في أيلول المقبل، إلى نهاية العام المقبل."
    withdrawal = _one(_events(tmp_path, body, dct="2026-07-10"), "withdrawal")
    assert (withdrawal.date, withdrawal.date_mod, withdrawal.status) == ("2027", "END", "planned")


def test_an_agreement_named_in_passing_is_not_an_event(tmp_path):
    body = "وستبقى قوة أمريكية في أربيل بموجب المرحلة الثانية من الاتفاق بين بغداد وواشنطن."
    assert not events_of(_events(tmp_path, body), "agreement")


# ---------------------------------------------------------------------------------------------
# Look-alikes of places: a database, an organisation called "the base".


def test_base_look_alikes_name_no_place(tmp_path):
    body = "وقال مسؤول إن قاعدة بيانات الجنود نقلت إلى بغداد بعد انسحاب القوات من التنف، فيما هاجم تنظيم القاعدة مواقع للجيش."
    places = {e.place for e in _events(tmp_path, body)}
    assert "بيانات" not in places and "بيانات الجنود" not in places


# ---------------------------------------------------------------------------------------------
# Clause spans, for every caller that cuts entity spans used as actors (issue 13 asks the same).


def test_clause_span_stops_at_openers_coordinated_speech_verbs_and_other_events():
    text = "سلمت القوات قاعدة التنف، فيما هاجمت الفصائل قاعدة الشدادي، وأعلنت الوزارة ذلك."
    toks = list(tokens(text))
    index = {t.text: i for i, t in enumerate(toks)}
    handover = Span(index["سلمت"], index["سلمت"], "handover")
    attack = Span(index["هاجمت"], index["هاجمت"], "attack")
    lo, hi = clause_span(toks, handover, [handover, attack])
    assert (lo, hi) == (0, index["فيما"] - 1)
    lo, hi = clause_span(toks, attack, [handover, attack])
    assert lo == index["فيما"] and hi == index["وأعلنت"] - 1


def test_the_base_points_back_to_the_base_the_article_is_about(tmp_path):
    body = (
        "بدأت القوات الأمريكية إخلاء قاعدة الرميلان في ريف الحسكة، وتعد الرميلان من أقدم مواقعها في سوريا.\n\n"
        "وستنتقل القوات إلى قاعدة الشدادي بعد انتهاء العملية.\n\n"
        "وقال مصدر محلي إن قوات سوريا الديمقراطية ستتسلم القاعدة الشهر المقبل."
    )
    handover = _one(_events(tmp_path, body), "handover")
    assert handover.place == "الرميلان"


# ---------------------------------------------------------------------------------------------
# Backdrops, interpretations and coincidences.


def test_a_war_named_as_the_backdrop_is_not_an_event(tmp_path):
    body = "وتتعرض القواعد الأمريكية في سوريا لهجمات متكررة منذ أسابيع على خلفية الحرب في قطاع غزة."
    assert not events_of(_events(tmp_path, body), "war")


def test_what_an_event_is_said_to_mean_is_not_an_event(tmp_path):
    body = "وقال محلل إن مغادرة القوات الأمريكية قاعدة التنف تعني نهاية الوجود العسكري الأجنبي في المنطقة."
    assert not events_of(_events(tmp_path, body), "mission_end")


def test_what_coincides_with_a_dated_event_shares_its_date(tmp_path):
    body = "ومن المقرر أن تغادر القوات الإيطالية أربيل في آذار/مارس المقبل، مع انتهاء مهمة التدريب التابعة للتحالف."
    mission_end = _one(_events(tmp_path, body), "mission_end")
    assert (mission_end.date, mission_end.status) == ("2026-03", "planned")


def test_an_offset_from_an_earlier_event_does_not_date_it_from_the_article_date(tmp_path):
    body = "وكانت قاعدة القيارة قد سلمت إلى الجيش في آذار الماضي، تلاها انتقال قاعدة كي وان إلى السيطرة العراقية بعد ثلاثة أيام."
    for handover in events_of(_events(tmp_path, body, dct="2025-08-20"), "handover"):
        assert handover.status == "occurred" and (handover.date is None or handover.date < "2025-08-20")


def test_an_airport_is_named_after_its_city_only(tmp_path):
    body = "هجوم بطائرة مسيرة على مطار القامشلي يصيب جنديين."  # an airport the gazetteer does not list
    attack = _one(_events(tmp_path, body), "attack")
    assert attack.place == "مطار القامشلي"
