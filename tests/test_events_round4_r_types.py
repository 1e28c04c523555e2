"""Movement and violence types (issue 8, round 4): word families and constructions of withdrawal,
redeployment, handover, mission_end, attack and war that extraction must treat as classes.

Every sentence here was written for these tests (not taken from any article or fixture).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.corpus import load_article
from analysis.events import extract_events


def _events(tmp_path: Path, body: str, dct: str = "2025-12-31", title: str = "تقرير إخباري"):
    path = tmp_path / "001_case.txt"
    path.write_text(f" date {dct} https://example.org/case\n\n{title}\n\n{body}\n", encoding="utf-8")
    return extract_events(load_article(path), use_ner=False)


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
