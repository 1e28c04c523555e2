"""Dating of found events by their own clause (issue 8, round 5): postponements, reports, back-references.

The sentences are written for these tests (not taken from any article or fixture). Each class is a general
Arabic news construction (docs/ANNOTATION.md, "Events": an event is dated by its own clause):

* an event noun followed, however far, by the verb that postpones it (``أُرجئ/تأجل/سيؤجل إلى X``) is planned
  for X, and the date it had before (``لن يتم في شباط``) is dropped;
* a date inside a reporting relative clause (``الذي أُعلن في …``, ``وفق ما أعلنته … الأسبوع الماضي``) dates the
  report, not the event named before it; an agreement announced is concluded that day, and an event inside
  the clause keeps its date;
* ``قبل ذلك الموعد`` / ``الموعد نفسه`` take the date named last before the event.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import body_events


def _events(tmp_path: Path, body: str, dct: str = "2026-01-20"):
    return body_events(tmp_path, body, dct)


def _dated(events, type_: str) -> list[tuple[str | None, str]]:
    return [(e.date, e.status) for e in events if e.type == type_]


@pytest.mark.parametrize(
    "body, type_, date",
    [
        ("وقال المتحدث إن تسليم مسؤولية حماية المطار العسكري في قاعدة الحبانية إلى قيادة الفرقة الثامنة في الجيش "
         "العراقي، الذي كان مقررا مطلع الربيع، أُرجئ إلى حزيران المقبل لاستكمال أعمال الصيانة.", "handover", "2026-06"),
        ("وأوضح مصدر أن انسحاب آخر سرية من الكتيبة الفرنسية العاملة في معسكر التاجي شمالي العاصمة، والتي كان "
         "موعدها نهاية الشتاء، تأجل إلى أيار المقبل بسبب سوء الأحوال الجوية.", "withdrawal", "2026-05"),
        ("وأكد الناطق أن إخلاء قاعدة القيارة لن يتم في شباط كما كان مخططا، بل سيؤجل إلى نيسان المقبل.", "withdrawal", "2026-04"),
    ],
)
def test_postponed_event_takes_the_new_date(tmp_path: Path, body: str, type_: str, date: str) -> None:
    assert _dated(_events(tmp_path, body), type_) == [(date, "planned")]


@pytest.mark.parametrize(
    "body, type_",
    [
        ("وأشار إلى أن سحب الجنود الذي أُعلن في تشرين الأول الماضي ما زال مستمرا.", "withdrawal"),
        # round 9: a transfer going on with no destination is a withdrawal from its site (ANNOTATION.md, "Events")
        ("وبدأت القوات نقل معداتها من قاعدة عين الأسد، وفق ما أعلنته وزارة الدفاع الأسبوع الماضي.", "withdrawal"),
    ],
)
def test_date_of_a_report_does_not_date_the_event(tmp_path: Path, body: str, type_: str) -> None:
    found = _dated(_events(tmp_path, body), type_)
    assert found and all(date is None for date, _ in found)


def test_agreement_announced_keeps_the_announcement_day(tmp_path: Path) -> None:
    body = "ورحب الإقليم بالاتفاق الذي أعلنته بغداد وواشنطن أمس بشأن إنهاء مهمة التحالف."
    assert any(date == "2026-01-19" for date, _ in _dated(_events(tmp_path, body), "agreement"))


def test_event_inside_the_reporting_clause_keeps_its_date(tmp_path: Path) -> None:
    body = "وهي القوات التي أعلنت الحكومة انسحابها من قاعدة التاجي في الخامس من كانون الثاني الجاري."
    assert ("2026-01-05", "occurred") in _dated(_events(tmp_path, body), "withdrawal")


def test_relative_clause_of_the_event_still_dates_it(tmp_path: Path) -> None:
    body = "وأثار قصف مطار أربيل الذي وقع الإثنين الماضي قلقا واسعا."
    assert _dated(_events(tmp_path, body), "attack") == [("2026-01-19", "occurred")]


def test_back_reference_takes_the_date_named_before(tmp_path: Path) -> None:
    body = ("وستنسحب القوات الإيطالية من أربيل في موعد أقصاه العاشر من آذار المقبل، على أن تسلم معسكرها "
            "إلى البيشمركة قبل ذلك الموعد.")
    assert _dated(_events(tmp_path, body), "handover") == [("2026-03-10", "planned")]


def test_no_date_crosses_a_semicolon(tmp_path: Path) -> None:
    body = ("وتعرض المعسكر الواقع غربي المدينة لهجمات متكررة من هذا النوع؛ ففي عام 2019 غادر معظم المدربين "
            "الأجانب معسكر التاجي بعد سلسلة من الضربات.")
    assert ("2019", "occurred") in _dated(_events(tmp_path, body), "withdrawal")


def test_coordinated_verb_with_its_own_clause_keeps_no_borrowed_date(tmp_path: Path) -> None:
    body = ("وتوالت الخطوات بعد ذلك، إذ تسلمت الحكومة قاعدة الحبانية في تشرين الأول الماضي، وسحبت "
            "لندن مستشاريها من قاعدة التاجي.")
    events = _events(tmp_path, body)
    assert ("2025-10", "occurred") in _dated(events, "handover")
    assert _dated(events, "withdrawal") and all(date is None for date, _ in _dated(events, "withdrawal"))


def test_date_right_after_the_first_verb_governs_the_coordination(tmp_path: Path) -> None:
    body = "بدأت القوات الأمريكية، اليوم الثلاثاء، سحب جنودها من قاعدة التاجي، ونقلت قسما منهم إلى أربيل."
    assert [date for date, _ in _dated(_events(tmp_path, body), "redeployment")] == ["2026-01-20"]


@pytest.mark.parametrize(
    "body, type_",
    [
        ("وأكد القائد أن الألوية العراقية ستتسلم معسكر التاجي من التحالف، بدلا من قاعدة الحبانية التي تستخدمها حاليا.", "handover"),
        ("وقال النائب إن الانسحاب من قاعدة الحبانية تم بالفعل، والمطلوب الآن ضمان الأمن في المنطقة.", "withdrawal"),
    ],
)
def test_present_of_another_clause_dates_no_event(tmp_path: Path, body: str, type_: str) -> None:
    found = _dated(_events(tmp_path, body), type_)
    assert found and all(date != "PRESENT_REF" for date, _ in found)


def test_present_of_the_event_itself_is_kept(tmp_path: Path) -> None:
    body = "وتنسحب القوات الأمريكية حاليا من قاعدة الحبانية باتجاه إقليم كردستان."
    assert [date for date, _ in _dated(_events(tmp_path, body), "withdrawal")] == ["PRESENT_REF"]


def test_past_day_of_a_postponement_does_not_date_the_event(tmp_path: Path) -> None:
    body = "وما زال المستشارون في قاعدة التاجي، بعدما أُرجئ الانسحاب منها في تشرين الثاني الماضي لأسباب أمنية."
    # a postponement with no new date puts nothing on the timeline (screen.py); never the day it was put off
    assert all(date != "2025-11" for date, _ in _dated(_events(tmp_path, body), "withdrawal"))


def test_postponement_to_a_new_date_still_dates_the_event(tmp_path: Path) -> None:
    body = "وأعلنت الحكومة تأجيل الانسحاب من قاعدة التاجي إلى أيار المقبل."
    assert ("2026-05", "planned") in _dated(_events(tmp_path, body), "withdrawal")


def test_date_after_a_participle_belongs_to_the_noun_it_modifies(tmp_path: Path) -> None:
    body = ("وأصدرت كتلة نيابية بيانا طالبت فيه الحكومة بالالتزام الكامل بنص القرار التشريعي الصادر "
            "في كانون الثاني 2020 بشأن القوات الأجنبية.")
    found = _dated(_events(tmp_path, body), "announcement")
    assert found and all(date != "2020-01" for date, _ in found)


def test_agreement_named_by_the_participle_keeps_its_date(tmp_path: Path) -> None:
    body = "وتواصل القوات مغادرة قاعدة التاجي، تنفيذا للاتفاق الأمني العراقي الأمريكي الموقع في أيلول 2024."
    assert any(date == "2024-09" for date, _ in _dated(_events(tmp_path, body), "agreement"))


def test_date_after_a_light_verb_dates_its_verbal_noun(tmp_path: Path) -> None:
    body = ("وجرى يوم أمس الإثنين، وبحضور قائد القوات البرية ومستشار الأمن الوطني وعدد كبير من الضباط العراقيين "
            "والأمريكيين، تسليم قاعدة الحبانية إلى الجيش العراقي.")
    assert ("2026-01-19", "occurred") in _dated(_events(tmp_path, body), "handover")


def test_count_of_days_runs_from_the_day_named_before(tmp_path: Path) -> None:
    body = ("وقُتل القائد العسكري في غارة جوية يوم 3 كانون الثاني 2020، وصوّت مجلس النواب بعد يومين على قرار "
            "يطالب بإخراج القوات الأجنبية.")
    assert ("2020-01-05", "occurred") in _dated(_events(tmp_path, body), "vote")


def test_count_of_days_from_a_vague_day_dates_nothing(tmp_path: Path) -> None:
    body = ("وتغير المشهد مطلع 2020، إذ صوّت مجلس النواب بعد يومين فقط على قرار يطالب بإخراج القوات الأجنبية.")
    dates = [date for date, _ in _dated(_events(tmp_path, body), "vote")]
    assert all(date is None or not date.startswith("2020-") for date in dates)
