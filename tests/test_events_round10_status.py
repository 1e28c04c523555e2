"""Round 10 (issue 8), helper r10-status: status classes from the status errors of the writer sets S–X and the dev gold.

1. a قبل أن clause after a past narrative (a year, كانت/قد, no future word) tells history: its verb, and a verb
   chained to it by ثم, occurred (docs/ANNOTATION.md, "Events", Status); a قبل أن clause after a future or a
   demand is not history;
2. an undated event right after بعد/عقب/إثر in a sentence told in the future is planned (not after a frame: في إطار);
3. a continuing verb (سيستمر, تتواصل) does not reach across بعد/عقب/إثر: the event after it is not what goes on.

Sentences are written for these tests (several wordings a class, none copied from an article set).
Extraction runs with and without the learned tagger (the ``extraction`` fixture).
"""

from __future__ import annotations

import pytest

from helpers import events_of, statuses_at


@pytest.fixture
def events(extraction):
    """Events of a one-sentence article dated ``dct``, by the rules alone or with the learned tagger."""
    return lambda body, dct="2025-12-10": extraction(body, dct)


# 1. history told in a قبل أن clause -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, type_, word",
    [
        ("وكان المعسكر قد استضاف القوات البريطانية منذ 2003 حتى رحيلها عام 2009، قبل أن تعود إليه قوات التحالف.", "deployment", "تعود"),
        ("وتعرضت القوات الإيطالية في الناصرية لهجوم دام عام 2003، قبل أن تنسحب من المدينة إلى قاعدة علي ثم تغادر البلاد كليا.", "redeployment", "تنسحب"),
        ("وتعرضت القوات الإيطالية في الناصرية لهجوم دام عام 2003، قبل أن تنسحب من المدينة إلى قاعدة علي ثم تغادر البلاد كليا.", "withdrawal", "تغادر"),
        ("وكانت القوات الأسترالية قد انتشرت في قاعدة التاجي حتى 2020، قبل أن تعود إليها ثم تنسحب منها.", "withdrawal", "تنسحب"),
        ("وقد تمركزت الكتيبة في القاعدة ستة أعوام، قبل أن تغادرها إلى الكويت.", "withdrawal", "تغادر"),
    ],
)
def test_history_in_a_before_clause_occurred(events, body, type_, word):
    found = events_of(events(body), type_)
    assert statuses_at(found, word) and set(statuses_at(found, word)) == {"occurred"}, [(e.trigger, e.date, e.status) for e in found]


@pytest.mark.parametrize(
    "body, type_, word",
    [
        ("وستسلم القيادة القاعدة إلى الجيش العراقي مطلع العام المقبل، قبل أن تغادر القوات الأمريكية البلاد.", "withdrawal", "تغادر"),
        ("ومن المقرر أن ينقل التحالف معداته إلى أربيل عام 2026، قبل أن تنسحب قواته من العراق ثم تغادر المنطقة.", "withdrawal", "تنسحب"),
        ("وسينقل التحالف معداته إلى أربيل عام 2026، قبل أن تنسحب قواته من العراق.", "withdrawal", "تنسحب"),
    ],
)
def test_a_before_clause_after_a_future_is_not_history(events, body, type_, word):
    found = events_of(events(body), type_)
    assert statuses_at(found, word) and "occurred" not in statuses_at(found, word), [(e.trigger, e.date, e.status) for e in found]


# 2. an undated event after بعد/عقب in a sentence told in the future ----------------------------------------------


@pytest.mark.parametrize(
    "body, type_, word",
    [
        ("وأعلنت الوزارة أن قاعدة الحبانية ستسلم إلى الجيش العراقي في غضون أسبوعين، بعد إخلاء آخر المستشارين منها.", "withdrawal", "إخلاء"),
        ("وقال الناطق إن الجيش سيتسلم معسكر التاجي مطلع الشهر المقبل عقب مغادرة القوات الأسترالية.", "withdrawal", "مغادرة"),
    ],
)
def test_an_event_after_bad_in_a_future_sentence_is_planned(events, body, type_, word):
    found = events_of(events(body), type_)
    assert statuses_at(found, word) and set(statuses_at(found, word)) == {"planned"}, [(e.trigger, e.date, e.status) for e in found]


@pytest.mark.parametrize(
    "body, type_, word",
    [
        ("وتسلم الجيش العراقي قاعدة الحبانية أمس، بعد إخلاء آخر المستشارين منها.", "withdrawal", "إخلاء"),
        ("وكانت القوات قد سلمت المعسكر في 2020 عقب مغادرة القوات الأسترالية.", "withdrawal", "مغادرة"),
        ("وقال مسؤول إن الرادارات في قاعدة حرير ستفكك قبل الصيف، ضمن خفض عدد القوات بعد انتهاء مهمة التحالف في بغداد.", "mission_end", "انتهاء"),
    ],
)
def test_an_event_after_bad_in_a_past_sentence_is_not_planned(events, body, type_, word):
    found = events_of(events(body), type_)
    assert statuses_at(found, word) and "planned" not in statuses_at(found, word), [(e.trigger, e.date, e.status) for e in found]


# 3. a continuing verb does not reach across بعد/عقب/إثر -------------------------------------------------------------


@pytest.mark.parametrize(
    "body, type_, word, status",
    [
        ("وقال السفير إن التدريب المشترك سيستمر بعد انتهاء مهمة التحالف في أيلول 2026.", "mission_end", "انتهاء", "planned"),
        ("وتتواصل أعمال الصيانة في المعسكر منذ سنوات إثر هجمات صاروخية طالته عام 2019.", "attack", "هجمات", "occurred"),
    ],
)
def test_a_continuing_verb_does_not_reach_across_bad(events, body, type_, word, status):
    found = events_of(events(body), type_)
    assert statuses_at(found, word) and set(statuses_at(found, word)) == {status}, [(e.trigger, e.date, e.status) for e in found]


def test_a_continuing_verb_still_governs_its_own_object(events):
    found = events_of(events("وبدأت القوات الأمريكية منذ الأحد سحب معداتها من قاعدة عين الأسد بعد إخطار الحكومة."), "withdrawal")
    assert "ongoing" in statuses_at(found, "سحب"), [(e.trigger, e.date, e.status) for e in found]
