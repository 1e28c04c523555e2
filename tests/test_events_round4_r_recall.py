"""Event recall by class (issue 8, round 4): statements, votes, meetings, ceremonies, deployments, agreements.

The sentences are written for these tests (not taken from any article or fixture). Each class is a
general Arabic news construction (docs/ANNOTATION.md, "Events"):

* a parliament's resolution named by its noun (``قرار البرلمان``) is its vote, when dated;
* an issued statement (``أصدرت ... بياناً``), a condemnation, a petition, a reply, a declared truce and a
  statement that fixes a date are announcements; a source (``في بيان``, ``بطلب من``) is none;
* ceremonies, visits, meetings and readings of a bill are ``other`` when dated; a ceremony's occasion is
  no event of its own;
* troops returning to a place just named, a presence that began, troops spreading, pushed or entering a
  country are deployments;
* agreements concluded (``أبرم``), in the plural or the imperfect are agreements; a generic one is none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import body_events


def _events(tmp_path: Path, body: str, dct: str = "2025-12-31"):
    return body_events(tmp_path, body, dct)


def _types(events) -> list[tuple[str, str | None]]:
    return [(e.type, e.date) for e in events]


def _has(events, type_: str, date: str | None = "any") -> bool:
    return any(e.type == type_ and (date == "any" or e.date == date) for e in events)


@pytest.mark.parametrize(
    "body, date",
    [
        ("وأشار النواب إلى قرار البرلمان الصادر في كانون الثاني 2020 بشأن إخراج القوات الأجنبية.", "2020-01"),
        ("وجاءت الخطوة بعد قرار مجلس النواب في آذار 2021 إنهاء وجود القوات الأجنبية.", "2021-03"),
        ("وأحال رئيس مجلس النواب الملف إلى اللجنة، مذكرا بقرار المجلس في شباط 2022 حول وجود القوات الأجنبية.", "2022-02"),
    ],
)
def test_a_dated_parliament_resolution_is_its_vote(tmp_path, body, date):
    assert _has(_events(tmp_path, body), "vote", date), _types(_events(tmp_path, body))


@pytest.mark.parametrize(
    "body",
    [
        "ويرى مراقبون أن قرار البرلمان بإخراج القوات الأجنبية لم ينفذ بعد.",  # undated: a reference
        "وأصدر مجلس الأمن قرارا في أيار 2023 بشأن القوات الأجنبية.",  # not a parliament
    ],
)
def test_an_undated_or_non_parliament_resolution_is_no_vote(tmp_path, body):
    assert not _has(_events(tmp_path, body), "vote"), _types(_events(tmp_path, body))


@pytest.mark.parametrize(
    "body",
    [
        "وأصدرت قيادة العمليات المشتركة بياناً طالبت فيه بالتهدئة حول القواعد.",
        "وتصدر وزارة الخارجية العراقية بياناً ترحب فيه بالشراكة الثنائية مع التحالف.",
        "وأصدر تحالف الفتح بياناً دعا فيه الحكومة إلى حسم ملف القوات الأجنبية.",
    ],
)
def test_an_issued_statement_is_an_announcement(tmp_path, body):
    assert _has(_events(tmp_path, body), "announcement"), _types(_events(tmp_path, body))


def test_a_statement_named_as_a_source_is_no_announcement(tmp_path):
    events = _events(tmp_path, "وقالت الوزارة في بيان إن الوضع في محيط القاعدة هادئ.")
    assert not _has(events, "announcement"), _types(events)


@pytest.mark.parametrize(
    "body",
    [
        "ودانت وزارة الخارجية الهجوم الصاروخي على قاعدة حرير.",
        "فيما استنكرت الحكومة القصف الذي طال مواقع قرب قاعدة التاجي.",
        "وأدان رئيس الإقليم الاعتداء على مطار أربيل الدولي.",
    ],
)
def test_a_condemnation_is_an_announcement_beside_the_attack(tmp_path, body):
    events = _events(tmp_path, body)
    assert _has(events, "announcement") and _has(events, "attack"), _types(events)


def test_a_statement_that_takes_a_stance_on_an_attack_is_its_own(tmp_path):
    events = _events(tmp_path, "وأصدر مكتب رئيس الوزراء بياناً دان فيه الهجمات التي تستهدف البعثات الدبلوماسية.")
    assert _has(events, "announcement") and _has(events, "attack"), _types(events)


def test_a_statement_fixing_a_date_is_an_announcement(tmp_path):
    events = _events(tmp_path, "وجدد المتحدث باسم الحكومة، الثلاثاء، تأكيده أن موعد انتهاء المهمة ثابت ولن يتغير.")
    assert _has(events, "announcement", "2025-12-30"), _types(events)


@pytest.mark.parametrize(
    "body, type_",
    [
        ("وقدّم أربعون نائباً، أمس الأحد، طلباً إلى رئاسة البرلمان لمناقشة انسحاب القوات الأجنبية.", "announcement"),
        ("وجمع نواب من كتل مختلفة تواقيع للمطالبة بإنهاء وجود القوات الأجنبية.", "announcement"),
        ("وردّ المتحدث باسم الوزارة، أمس، بأن الجدول الزمني للانسحاب لن يتغير.", "announcement"),
        ("وجاء الهجوم بعد أشهر من هدنة أعلنتها الفصائل في شباط الماضي.", "announcement"),
    ],
)
def test_petitions_replies_and_truces_are_announcements(tmp_path, body, type_):
    assert _has(_events(tmp_path, body), type_), _types(_events(tmp_path, body))


def test_at_a_request_is_no_petition(tmp_path):
    events = _events(tmp_path, "وانتشرت القوات عام 2015 بطلب من الحكومة في قاعدة حرير.")
    assert not _has(events, "announcement"), _types(events)


@pytest.mark.parametrize(
    "body, date",
    [
        ("وأقيم أمس حفل رسمي في قاعدة حرير بمناسبة انتهاء مهمة التحالف.", "2025-12-30"),
        ("وتقرر تأجيل الحفل الرسمي الخاص بتسلم قاعدة الحبانية إلى منتصف كانون الثاني المقبل.", "2026-01"),
    ],
)
def test_a_ceremony_is_other_and_its_occasion_is_no_event(tmp_path, body, date):
    events = _events(tmp_path, body)
    assert [e.type for e in events] == ["other"], _types(events)
    assert events[0].date == date


def test_an_undated_ceremony_is_no_event(tmp_path):
    assert not _has(_events(tmp_path, "وتحدث الضباط عن حفل التسليم وأهميته."), "other")


@pytest.mark.parametrize(
    "body",
    [
        "وكان وزير الدفاع قد زار القاعدة الأحد الماضي والتقى قادتها.",
        "وأكد المسؤول خلال زيارته بغداد الأسبوع الماضي أن البعثة باقية.",
        "وبحث رئيس الوزراء مع قائد القيادة المركزية، أمس، مستقبل وجود التحالف.",
        "وأنهى البرلمان القراءة الأولى لمشروع قانون إخراج القوات الأجنبية الأسبوع الماضي.",
    ],
)
def test_visits_meetings_and_readings_are_other_when_dated(tmp_path, body):
    assert _has(_events(tmp_path, body), "other"), _types(_events(tmp_path, body))


@pytest.mark.parametrize(
    "body, date",
    [
        ("وتقع القاعدة غرب الأنبار، واستخدمتها القوات الأمريكية طويلا، ثم عادت إليها عام 2014.", "2014"),
        ("وانتهت بذلك صفحة وجود عسكري متعدد الجنسيات بدأ صيف 2016.", "2016-SU"),
        ("ويأتي ذلك بعد سنوات على انتشار قوات التحالف في سوريا عام 2015.", "2015"),
        ("وزجت القوات الأمريكية بمئات الجنود في قاعدة التنف أمس.", "2025-12-30"),
        ("وكانت القوات الأمريكية قد دخلت سوريا عام 2015 لدعم حلفائها.", "2015"),
    ],
)
def test_returning_beginning_spreading_and_entering_are_deployments(tmp_path, body, date):
    assert _has(_events(tmp_path, body), "deployment", date), _types(_events(tmp_path, body))


def test_an_undated_spread_of_troops_is_a_state_not_a_deployment(tmp_path):
    events = _events(tmp_path, "ويثير انتشار القوات الأجنبية في المنطقة جدلا واسعا.")
    assert not _has(events, "deployment"), _types(events)


@pytest.mark.parametrize(
    "body",
    [
        "وأبرم الجانبان أمس مذكرة للتعاون الأمني.",
        "ويتفق الجانبان على جدول زمني للمرحلة الثانية، بحسب المسؤول.",
        "وراجع الوفدان الاتفاقيات الموقعة بين البلدين عام 2008.",
    ],
)
def test_agreement_word_family(tmp_path, body):
    assert _has(_events(tmp_path, body), "agreement"), _types(_events(tmp_path, body))


def test_a_generic_agreement_is_none(tmp_path):
    events = _events(tmp_path, "وينص المقترح على منع إبرام أي اتفاقية أمنية من دون موافقة البرلمان.")
    assert not _has(events, "agreement"), _types(events)


def test_a_vote_on_a_bill_named_further_back(tmp_path):
    body = (
        "وأدرجت رئاسة المجلس مقترح قانون تنظيم وجود القوات الأجنبية على جدول الأعمال، "
        "على أن يجري التصويت عليه الأسبوع المقبل."
    )
    assert _has(_events(tmp_path, body), "vote"), _types(_events(tmp_path, body))


def test_a_person_arriving_is_no_deployment(tmp_path):
    events = _events(tmp_path, "ووصل رئيس الوزراء إلى قاعدة عين الأسد صباح اليوم للمشاركة في الحفل الرسمي لتسلم القاعدة.")
    assert not _has(events, "deployment"), _types(events)
    assert _has(events, "other"), _types(events)


def test_troops_arriving_are_a_deployment(tmp_path):
    events = _events(tmp_path, "ووصلت تعزيزات عسكرية أمريكية، فجر اليوم، إلى قاعدة حرير في أربيل.")
    assert _has(events, "deployment"), _types(events)


@pytest.mark.parametrize(
    "body",
    [
        "إذ يجري بحث ترتيبات ثنائية لإبقاء عدد من المستشارين بعد أيلول.",  # a discussion going on, a noun
        "وخرجت فرق الإنقاذ أمس بحثا عن ناجين قرب القاعدة.",  # a search
    ],
)
def test_a_discussion_noun_or_a_search_is_no_meeting(tmp_path, body):
    assert not _has(_events(tmp_path, body), "other"), _types(_events(tmp_path, body))


def test_a_definite_statement_noun_points_back(tmp_path):
    events = _events(tmp_path, "ويأتي الإعلان بعد عشر سنوات على انتشار قوات التحالف في العراق.")
    assert not _has(events, "announcement"), _types(events)


@pytest.mark.parametrize(
    "body",
    [
        "ويعد الاتفاق الذي أعلن في أيلول 2024 أساس الانسحاب الحالي.",
        "وينظر المراقبون إلى اتفاق الحكومتين الأخير، الذي أعلن في آب 2024، بوصفه بداية النهاية.",
    ],
)
def test_a_relative_speech_verb_dates_its_head_and_is_no_statement(tmp_path, body):
    events = _events(tmp_path, body)
    assert not _has(events, "announcement"), _types(events)
    assert _has(events, "agreement", "2024-09" if "أيلول" in body else "2024-08"), _types(events)


def test_the_content_of_a_resolution_after_its_participle_is_no_event(tmp_path):
    body = "وذكّر النائب بقرار مجلس النواب الصادر في كانون الثاني 2020 والقاضي بإخراج القوات الأجنبية من البلاد."
    events = _events(tmp_path, body)
    assert _has(events, "vote", "2020-01") and not _has(events, "withdrawal"), _types(events)


def test_a_petition_whose_subject_stands_far_before_it(tmp_path):
    body = "وقدّم خمسون نائباً من كتل الإطار التنسيقي وكتل مستقلة أخرى، أمس الأحد، طلباً موقّعاً إلى رئاسة البرلمان بشأن انسحاب القوات."
    assert _has(_events(tmp_path, body), "announcement", "2025-12-30"), _types(_events(tmp_path, body))


# --- round 2: agreements told after the fact, approvals of joint bodies -------------------------------


@pytest.mark.parametrize(
    "body, date",
    [
        ("وستنظم المذكرة الأمنية التي وقعها الوزيران في بغداد في آذار الماضي التعاون بين البلدين.", "2025-03"),
        ("وتطبق الحكومة بنود الوثيقة الأمنية الموقعة في أيار الماضي مع الجانب الأمريكي.", "2025-05"),
        ("وأكد أن هناك مذكرة دفاعية وقعت في لندن في شباط الماضي.", "2025-02"),
        ("فقد وقعت في أيار (مايو) الماضي مذكرة دفاع مشترك بين البلدين.", "2025-05"),
    ],
)
def test_a_document_signed_before_is_an_agreement_dated_by_its_clause(tmp_path, body, date):
    assert _has(_events(tmp_path, body), "agreement", date), _types(_events(tmp_path, body))


@pytest.mark.parametrize(
    "body",
    [
        "والقصف الذي وقع أمس الأحد استهدف قاعدة حرير.",  # وقع: it happened
        "وتطبق الحكومة بنود المذكرة الموقعة مع الجانب الأمريكي.",  # undated: a reference
    ],
)
def test_no_signing_without_a_document_or_a_date(tmp_path, body):
    assert not _has(_events(tmp_path, body), "agreement"), _types(_events(tmp_path, body))


@pytest.mark.parametrize(
    "body, date",
    [
        ("وبحسب الجدول الذي أقرته اللجنة المشتركة في شباط الماضي، ستغادر القوات القاعدة في الصيف.", "2025-02"),
        ("غير أن اللجنة المشتركة وافقت في شباط الماضي على تمديد بقاء المستشارين في القاعدة.", "2025-02"),
        ("وأقرت اللجنة الأمنية العليا للبلدين، أمس الاثنين، جدولا جديدا لمغادرة المستشارين.", "2025-12-29"),
    ],
)
def test_what_a_joint_body_approves_is_an_agreement(tmp_path, body, date):
    events = _events(tmp_path, body, dct="2025-12-30")
    assert _has(events, "agreement", date) and not _has(events, "vote"), _types(events)


def test_a_parliamentary_committee_approves_no_agreement(tmp_path):
    body = "وأقرت لجنة الأمن والدفاع النيابية في آذار الماضي مشروع قانون إخراج القوات الأجنبية."
    assert not _has(_events(tmp_path, body), "agreement"), _types(_events(tmp_path, body))


@pytest.mark.parametrize(
    "body",
    [
        "وأنهى الوزير جولة في المنطقة، التقى خلالها المسؤولين لبحث تنفيذ مذكرة التعاون الدفاعي الموقعة في آذار الماضي.",
        "وطالب النواب بإلغاء المذكرة الأمنية التي وقعها الوزير في آذار الماضي.",
    ],
)
def test_a_signing_in_a_relative_clause_keeps_its_own_mood(tmp_path, body):
    """The main clause discusses or demands; the document was signed all the same."""
    assert _has(_events(tmp_path, body, dct="2025-12-30"), "agreement", "2025-03"), _types(_events(tmp_path, body))


@pytest.mark.parametrize(
    "body",
    [
        "وعقدت اللجنة المشتركة، أمس الأحد، اجتماعا في مقر الوزارة ببغداد، اتفق خلاله الجانبان على جدول زمني لتسليم المواقع.",
        "وأقرت اللجنة الأمنية المشتركة، في اجتماعها الذي عقدته أمس الأحد في بغداد، جدولا جديدا لمغادرة المستشارين.",
    ],
)
def test_an_agreement_reached_at_a_meeting_has_the_meetings_day_and_absorbs_it(tmp_path, body):
    events = _events(tmp_path, body, dct="2025-12-29")
    assert _has(events, "agreement", "2025-12-28") and not _has(events, "other"), _types(events)


@pytest.mark.parametrize(
    "body",
    [
        "وتنتظر الحكومة نتائج المباحثات بشأن مذكرة للتعاون الدفاعي من المنتظر توقيعها خلال زيارة الوزير إلى بغداد مطلع آذار المقبل.",
        "وأعدت الوزارتان مسودة مذكرة دفاعية يتوقع توقيعها في آذار المقبل.",
    ],
)
def test_a_document_to_be_signed_is_a_planned_agreement(tmp_path, body):
    events = _events(tmp_path, body, dct="2025-12-30")
    assert any(e.type == "agreement" and e.date == "2026-03" and e.status == "planned" for e in events), _types(events)


def test_what_was_agreed_with_no_one_named_is_no_event(tmp_path):
    body = 'وأكد الوزير أن الحكومة "ملتزمة بما اتُّفق عليه"، وأن القوات ستغادر بحلول أيلول المقبل.'
    assert not _has(_events(tmp_path, body), "agreement"), _types(_events(tmp_path, body))


def test_what_named_sides_agreed_is_an_agreement(tmp_path):
    body = "وستنتهي المهمة نهاية العام وفق ما اتفق عليه الرئيسان في تموز الماضي."
    assert _has(_events(tmp_path, body, dct="2025-12-30"), "agreement", "2025-07"), _types(_events(tmp_path, body))


@pytest.mark.parametrize(
    "body, type_, date",
    [
        ("واختتم المبعوث الأوروبي، أمس الأحد، جولة استمرت يومين شملت بغداد وأربيل، التقى خلالها المسؤولين لبحث انسحاب القوات.", "other", "2025-12-28"),
        ("وسيتوجه الرئيس إلى بغداد في زيارة رسمية الشهر المقبل، يرجح أن يجري خلالها توقيع اتفاقية أمنية مع العراق.", "agreement", "2026-01"),
    ],
)
def test_what_took_place_during_a_dated_thing_has_its_date(tmp_path, body, type_, date):
    """خلاله/خلالها points back to something dated before it in the sentence."""
    events = _events(tmp_path, body, dct="2025-12-29")
    assert _has(events, type_, date), _types(events)


def test_a_ministry_is_no_visit(tmp_path):
    body = "وعقد الجانبان اجتماعا في مقر وزارة الدفاع ببغداد أمس الأحد، لبحث انسحاب القوات من القاعدة."
    events = _events(tmp_path, body)
    assert not any("وزارة" in e.trigger for e in events), [(e.type, e.trigger) for e in events]


@pytest.mark.parametrize(
    "body",
    [
        "وأقرت وزارة الدفاع البريطانية (الوزارة)، أمس الخميس، بأن عددا من جنودها غادروا القاعدة إلى الكويت بعد تصويت البرلمان.",
        "وأقرت اللجنة المشتركة، أمس الخميس، بأن الجدول الزمني لانسحاب القوات تأخر.",
    ],
)
def test_an_admission_is_no_vote_and_no_approval(tmp_path, body):
    events = _events(tmp_path, body)
    assert not any(e.trigger.endswith(("أقرت", "أقر")) for e in events), [(e.type, e.trigger) for e in events]


def test_a_parliament_passing_a_law_is_still_a_vote(tmp_path):
    body = "وأقر البرلمان، أمس الخميس، قانون إخراج القوات الأجنبية بأغلبية الحاضرين."
    assert _has(_events(tmp_path, body), "vote"), _types(_events(tmp_path, body))
