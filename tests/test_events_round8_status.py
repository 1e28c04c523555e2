"""Round 8 (issue 8), helper r8-status: an event's status (occurred / ongoing / planned) from the words around it.

Classes from the status errors of the writer sets A–I, N–R, the challenge set and the dev gold
(docs/ANNOTATION.md, "Events", Status; ``events.aspect``, ``data/event_aspect_cues.json``):
1. منذ names a start point that is over (``منذ أن تعرضت``, ``منذ إعلان انتهاء``) or a verb says it took place
   (``شهدت منذ آب نقل``, ``منذ أيلول، جرى تسليم``): occurred; a state since a date goes on;
2. the nearest aspect word wins: a future word nearer than a continuing one (``لا تزال ... جارية، ومن المقرر
   تسليمها``), a date's words are no aspect, أن/إن opens a clause of its own;
3. an event named by the date set for it (``موعد انتهاء المهمة``) or due by a deadline (``بحلول``, and a verb
   coordinated with a future one) is planned;
4. an operation launched by the main verb of its clause, within a week of the article, goes on; a start years
   before the article is over;
5. a decision governs neither a perfect verb nor an event after بعد/عقب (``آمر اللواء``, ``عقب قرار البرلمان``);
6. a date around the article day that is not a day, with no cue that it goes on or happened, is planned;
   a future verb right before a trigger noun governs it.

Sentences are written for these tests (several wordings a class, none copied from an article set).
Extraction runs with and without the learned tagger.
"""

from __future__ import annotations

import pytest

from helpers import events_of, statuses_at


@pytest.fixture
def events(extraction):
    """Events of a one-sentence article dated ``dct``, by the rules alone or with the learned tagger."""
    return lambda body, dct="2025-12-10": extraction(body, dct)


# 1. منذ: a start point, a verb of taking place, or a state that goes on ----------------------------------


@pytest.mark.parametrize(
    "body, type_, word, status",
    [
        ("وتحصنت القاعدة بمنظومات دفاع جديدة منذ أن تعرضت لقصف صاروخي في آذار 2023.", "attack", "قصف", "occurred"),
        ("وظلت المنطقة هادئة منذ إعلان انسحاب القوات الأمريكية من البلدة في تموز 2024.", "withdrawal", "انسحاب", "occurred"),
        ("وكان المطار قد شهد منذ تشرين الأول الماضي نقل معدات كثيرة إلى قاعدة حرير.", "redeployment", "نقل", "occurred"),
        ("ومنذ آب الماضي، جرى تسليم ثلاثة مواقع عسكرية إلى الجيش العراقي.", "handover", "تسليم", "occurred"),
        ("ويتعرض معسكر التاجي منذ أسابيع لهجمات بالطائرات المسيرة.", "attack", "هجمات", "ongoing"),
        ("بدأت القوات الأمريكية منذ الأحد سحب آلياتها من قاعدة الشدادي.", "withdrawal", "سحب", "ongoing"),
    ],
)
def test_since(events, body, type_, word, status):
    found = events_of(events(body), type_)
    assert status in statuses_at(found, word), [(e.trigger, e.date, e.status) for e in found]


# 2. the nearest aspect word ----------------------------------------------------------------------------------


def test_a_future_word_nearer_than_a_continuing_one_wins(events):
    body = "ولا تزال أعمال الإخلاء في قاعدة الحبانية جارية، ومن المقرر تسليمها للجيش العراقي أواخر الشهر المقبل."
    found = events_of(events(body), "handover")
    assert "planned" in statuses_at(found, "تسليمها"), [(e.trigger, e.status) for e in found]


@pytest.mark.parametrize(
    "body",
    [
        "بدأت قوات التحالف الدولي، خلال الأيام الماضية، نقل معداتها من قاعدة عين الأسد إلى الكويت.",
        "شرعت القوات الأمريكية، منذ مطلع الأسبوع الجاري، نقل جنودها من قاعدة التاجي إلى أربيل.",
    ],
)
def test_a_start_verb_reaches_over_a_date_between_commas(events, body):
    found = events_of(events(body), "redeployment")
    assert "ongoing" in statuses_at(found, "نقل"), [(e.trigger, e.date, e.status) for e in found]


def test_a_complementizer_opens_a_clause_of_its_own(events):
    body = "وأفاد المصدر بأن الانسحاب من المقر بدأ فعلاً الأسبوع الماضي، وأن ثلث الجنود غادروا نحو قاعدة حرير."
    found = events_of(events(body, "2025-10-20"), "redeployment") + events_of(events(body, "2025-10-20"), "withdrawal")
    assert "occurred" in statuses_at(found, "غادروا"), [(e.trigger, e.type, e.status) for e in found]


# 3. the date set for an event, a deadline ------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, type_, word",
    [
        ("وأكد المتحدث أن موعد إنهاء مهمة التحالف في إقليم كردستان لم يتغير.", "mission_end", "إنهاء"),
        ("وتبقى ثلاثة أسابيع على الموعد المحدد لانتهاء مهمة التحالف في بغداد.", "mission_end", "انتهاء"),
    ],
)
def test_an_event_named_by_its_date_is_planned(events, body, type_, word):
    found = events_of(events(body), type_)
    assert "planned" in statuses_at(found, word), [(e.trigger, e.date, e.status) for e in found]


def test_a_verb_coordinated_with_a_future_one_and_due_by_a_deadline_is_planned(events):
    body = "وقال المسؤول إن القوات الإسبانية ستغادر قاعدة بسماية وتسلمها للجيش العراقي بحلول نهاية العام."
    found = events_of(events(body), "handover")
    assert found and all(e.status == "planned" for e in found), [(e.trigger, e.date, e.status) for e in found]


# 4. an operation launched; a start long ago ------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, status",
    [
        ("أطلقت القوات العراقية، فجر اليوم، عملية عسكرية لملاحقة خلايا داعش في صحراء النخيب.", "ongoing"),
        ("انطلقت أمس عملية أمنية واسعة لتعقب فلول تنظيم داعش في وادي الثرثار.", "ongoing"),
        ("وكانت العملية قد انطلقت في أيار الماضي لملاحقة خلايا داعش في وادي الثرثار.", "occurred"),
    ],
)
def test_a_launched_operation(events, body, status):
    found = events_of(events(body), "war")
    assert status in [e.status for e in found], [(e.trigger, e.date, e.status) for e in found]


def test_a_start_years_before_the_article_is_over(events):
    body = "وفي ربيع 2003 بدأت القوات الأمريكية غزو العراق انطلاقا من الكويت."
    found = events_of(events(body), "war")
    assert found and all(e.status == "occurred" for e in found), [(e.trigger, e.date, e.status) for e in found]


# 5. what a decision governs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, type_, word",
    [
        ("وقال آمر الفوج إن وحداته انتشرت أمس في محيط قاعدة الحبانية.", "deployment", "انتشرت"),
        ("وفي عام 2024، وعقب قرار البرلمان، سلّم التحالف قاعدة الحبانية للقوات العراقية في 5 آذار.", "handover", "سلّم"),
    ],
)
def test_a_decision_governs_no_perfect_verb(events, body, type_, word):
    found = events_of(events(body), type_)
    assert "occurred" in statuses_at(found, word), [(e.trigger, e.date, e.status) for e in found]


# 6. a date around the article day; a future verb before the noun ----------------------------------------------


def test_a_month_around_the_article_without_a_cue_is_planned(events):
    body = "وأوضح المصدر أن تسليم قاعدة الحبانية إلى الجيش العراقي في كانون الأول الجاري."
    found = events_of(events(body), "handover")
    assert "planned" in statuses_at(found, "تسليم"), [(e.trigger, e.date, e.status) for e in found]


def test_a_future_verb_governs_the_noun_after_it(events):
    body = "وأضاف أن حكومة الإقليم ستوقع مذكرة تفاهم أمنية مع واشنطن خلال الربع الأخير من العام الجاري."
    found = events_of(events(body, "2025-11-10"), "agreement")
    assert found and all(e.status == "planned" for e in found), [(e.trigger, e.date, e.status) for e in found]


# 7. what is being completed goes on; a quoted future predicate; a closed interval is over ---------------------


@pytest.mark.parametrize(
    "body, status",
    [
        ("ويأتي القرار في وقت تستكمل فيه القوات الإيطالية مغادرة قاعدة بسماية.", "ongoing"),
        ("وطلبت القوات الإيطالية مهلة أسبوعين لإكمال إخلاء قاعدة بسماية.", "ongoing"),
        ("وقال الوزير إن القوات الإيطالية ستكمل مغادرتها قاعدة بسماية بحلول آذار المقبل.", "planned"),
        ("ومن المتوقع أن تستكمل القوات الإيطالية مغادرة قاعدة بسماية في آذار المقبل.", "planned"),
    ],
)
def test_what_is_being_completed(events, body, status):
    found = events_of(events(body), "withdrawal")
    assert status in [e.status for e in found], [(e.trigger, e.date, e.status) for e in found]


def test_a_quoted_future_predicate_governs_its_subject(events):
    body = "وأوضح الناطق أن الانسحاب من قاعدة بسماية \"سيتأخر أسبوعين لأسباب لوجستية\"."
    found = events_of(events(body), "withdrawal")
    assert found and all(e.status == "planned" for e in found), [(e.trigger, e.date, e.status) for e in found]


def test_a_closed_interval_since_then_is_over(events):
    body = "وشاركت المروحيات العراقية منذ ذلك الوقت في الحرب على داعش بين 2014 و2017."
    found = events_of(events(body), "war")
    assert found and all(e.status == "occurred" for e in found), [(e.trigger, e.date, e.status) for e in found]


# 8. a participle of scheduling after the trigger; a background frame ends at its comma -------------------------


@pytest.mark.parametrize(
    "body, type_, word",
    [
        ("وقال الضابط إن تسليم المروحيات الجديدة إلى طيران الجيش لا يزال مقررا في الربع الأول من العام المقبل.", "handover", "تسليم"),
        ("ويبقى أسبوع واحد على انتهاء مهمة التحالف الدولي في إقليم كردستان، المقرر نهاية الشهر الجاري.", "mission_end", "انتهاء"),
    ],
)
def test_a_scheduling_participle_after_the_trigger_makes_it_planned(events, body, type_, word):
    found = events_of(events(body, "2025-12-20"), type_)
    assert "planned" in statuses_at(found, word), [(e.trigger, e.date, e.status) for e in found]


def test_the_participle_belongs_to_the_nearest_trigger(events):
    body = "وأعلن المتحدث أن بغداد وواشنطن اتفقتا أمس على تأجيل انتهاء مهمة التحالف في أربيل، الذي كان مقررا في أيلول."
    found = events_of(events(body, "2026-08-20"), "agreement")
    assert found and all(e.status == "occurred" for e in found), [(e.trigger, e.date, e.status) for e in found]


def test_the_main_clause_ongoing_word_is_not_the_background_frames(events):
    body = "وبعد قراءته الأولى في آذار الماضي، لا يزال مشروع القانون حبيس أدراج البرلمان."
    found = events_of(events(body, "2026-05-25"), "other")
    assert "occurred" in statuses_at(found, "قراءته"), [(e.trigger, e.date, e.status) for e in found]
