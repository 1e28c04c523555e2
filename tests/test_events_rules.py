"""Precision rules of event extraction, one sentence each (real timex grammar, gazetteer places).

Each rule is general Arabic news usage: negation and denial scope, generic and cancelled events,
speech verbs that only attribute a source, the content of resolutions and demands, dating across
coordination and ``كان آخرها``, ``منذ`` → ongoing, and anaphoric restatements.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import body_events


def _events(tmp_path: Path, body: str, dct: str = "2024-12-10"):
    return body_events(tmp_path, body, dct, title="عنوان الخبر")


def _kinds(events) -> list[tuple[str, str | None]]:
    return [(e.type, e.date) for e in events]


@pytest.mark.parametrize(
    "body",
    [
        "ولا تنوي الولايات المتحدة سحب قواتها من سوريا.",  # negation three words back
        "كما لم تؤكد قوات سوريا الديمقراطية انسحاب القوات الأمريكية من قاعدة التنف.",
        "وقال المتحدث إن أي انسحاب سيتم وفق جدول زمني تعلنه الحكومة.",  # generic أي; relative تعلنه
        "وهدد الحرس الثوري بهجمات أوسع إذا ردت واشنطن.",  # threat
        "وانسحبت كتلة نيابية من جلسة البرلمان احتجاجا على تأجيل التصويت على قانون إخراج القوات الأجنبية.",
        "ومن المقرر أن يعقد المجلس جلسة الأسبوع المقبل للتصويت على قانون الموازنة العامة.",  # off-topic vote
    ],
)
def test_sentences_without_events(tmp_path, body):
    assert _events(tmp_path, body) == []


def test_denied_content_is_not_an_event_but_the_denial_is(tmp_path):
    events = _events(tmp_path, "في غضون ذلك، نفى المتحدث باسم البيت الأبيض وجود أي قرار بسحب القوات الأمريكية من العراق.")
    assert [e.type for e in events] == ["announcement"]


def test_attribution_and_media_reports_are_not_statements(tmp_path):
    body = (
        "تعرضت قاعدة عين الأسد مساء السبت لهجوم صاروخي، وفق ما أعلنت القيادة المركزية الأمريكية.\n\n"
        "كشفت مصادر مطلعة أن الولايات المتحدة قررت سحب قواتها من قاعدة فكتوريا."
    )
    events = _events(tmp_path, body, "2024-01-21")
    assert [e.type for e in events][0] == "attack"
    assert not {"أعلنت", "كشفت"} & {m.trigger for e in events for m in e.mentions}


def test_resolution_content_and_demand_are_not_events(tmp_path):
    body = "وكان البرلمان العراقي قد صوت يوم الأحد على قرار يطالب بإخراج القوات الأمريكية من البلاد."
    assert _kinds(_events(tmp_path, body, "2020-01-08")) == [("vote", "2020-01-05")]


def test_announced_agreement_is_one_event(tmp_path):
    body = "أعلنت الحكومة العراقية والولايات المتحدة، اليوم الجمعة، في بيان مشترك، التوصل إلى اتفاق يقضي بإنهاء المهمة العسكرية للتحالف الدولي."
    assert _kinds(_events(tmp_path, body, "2024-09-27")) == [("agreement", "2024-09-27")]


def test_short_handover_verb_needs_a_site(tmp_path):
    body = "سلم التحالف الدولي بقيادة الولايات المتحدة، اليوم الخميس، قاعدة القيارة الجوية إلى القوات العراقية."
    assert _kinds(_events(tmp_path, body, "2020-03-26")) == [("handover", "2020-03-26")]


def test_coordinated_trigger_shares_the_date_and_destination_makes_a_redeployment(tmp_path):
    body = "بدأت القوات الأمريكية، اليوم الجمعة، سحب جنودها من قاعدة حقل العمر في ريف دير الزور، ونقل قسم منهم إلى قاعدة الشدادي في الحسكة."
    assert _kinds(_events(tmp_path, body, "2025-04-18")) == [("withdrawal", "2025-04-18"), ("redeployment", "2025-04-18")]


def test_latest_of_repeated_attacks_takes_the_later_date(tmp_path):
    body = "وتعرض مطار أربيل الدولي لهجمات متكررة بالطائرات المسيرة خلال السنوات الماضية، كان آخرها في الثاني من شباط/فبراير الجاري."
    assert _kinds(_events(tmp_path, body, "2026-02-15")) == [("attack", "2026-02-02")]


def test_since_makes_ongoing_and_so_far_does_not_date(tmp_path):
    body = (
        "ويتمركز الجنود الأمريكيون في سوريا منذ عام 2015 بدعوى دعم قوات سوريا الديمقراطية.\n\n"
        "ويتعرض التحالف منذ أشهر لهجمات متكررة بالصواريخ."
    )
    events = _events(tmp_path, body, "2023-03-25")
    assert [(e.type, e.date, e.status) for e in events] == [("deployment", "2015", "ongoing"), ("attack", None, "ongoing")]


def test_timex_of_a_background_clause_does_not_date_the_trigger(tmp_path):
    body = "وقال الوزير إن الاتفاق جاء بعد ثماني جولات من الحوار بدأت في كانون الثاني/يناير الماضي."
    assert _kinds(_events(tmp_path, body, "2024-09-27")) == [("agreement", None)]


def test_definite_restatement_joins_the_reported_event(tmp_path):
    body = (
        "تسلمت القوات الأمنية العراقية، اليوم الأحد، قاعدة عين الأسد الجوية من قوات التحالف الدولي.\n\n"
        "وأضاف البيان أن عملية التسليم جرت وفق الجدول الزمني، وأن القوات المتبقية في قاعدة حرير ستغادر في أيلول/سبتمبر المقبل."
    )
    events = _events(tmp_path, body, "2026-01-18")
    assert _kinds(events) == [("handover", "2026-01-18"), ("withdrawal", "2026-09")]
    assert len(events[0].mentions) == 2


def test_continuing_speech_verb_without_date_is_not_a_statement(tmp_path):
    body = "وأكد الحرس الثوري في بيان أن العملية جاءت انتقاما."
    assert _events(tmp_path, body, "2020-01-08") == []


def test_undated_aim_at_the_same_base_joins_the_dated_plan(tmp_path):
    body = (
        "الجيش العراقي في طريقه لتسلم قاعدة عين الأسد\n\n"
        "وأوضح المسؤول أن القوات العراقية ستتسلم قاعدة عين الأسد مطلع عام 2026."
    )
    events = _events(tmp_path, body, "2025-12-31")
    assert [(e.type, e.date, e.date_mod, e.status) for e in events] == [("handover", "2026", "START", "planned")]
    assert len(events[0].mentions) == 2
