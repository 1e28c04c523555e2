"""Event places by class, round 11 (issue 8; docs/ANNOTATION.md, "Events": place, "Round 11").

Sentences are written for these tests. Extraction runs without the entity tagger (the gazetteers only).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.events.lexicon import place_by_name
from analysis.text import normalize
from helpers import body_events, events_of

IRAQ = "وتتمركز القوات الأجنبية في قاعدتي عين الأسد وحرير."  # a paragraph that makes the article's country Iraq


def _places(tmp_path: Path, body: str, type_: str, word: str | None = None) -> list[str | None]:
    found = events_of(body_events(tmp_path, body), type_, word)
    assert found, [(e.type, e.trigger, e.place) for e in body_events(tmp_path, body)]
    return [e.place for e in found]


# ---------------------------------------------------------------------------------------------
# An agreement or a deployment whose clause governs no place is in the article's country (writers N–Z);
# an undated agreement refers to one told elsewhere and takes none; a signing is where it was done.


@pytest.mark.parametrize(
    "body",
    [
        "وكانت الحكومة ودول التحالف قد توصلت في أيلول 2024 إلى تفاهم لإنهاء المهمة على مرحلتين.",
        "ويستند الجدول إلى اتفاق أبرمه الجانبان في آب 2024 بعد جولات من الحوار.",
    ],
    ids=["reached", "concluded"],
)
def test_a_dated_agreement_with_no_place_is_in_the_article_country(tmp_path, body):
    assert set(_places(tmp_path, f"{body}\n\n{IRAQ}", "agreement")) == {"العراق"}


def test_an_undated_agreement_takes_no_country(tmp_path):
    body = f"وقال المتحدث إن الحكومة ملتزمة بالاتفاق مع التحالف وإن تنفيذ الاتفاق يسير وفق الجدول.\n\n{IRAQ}"
    places = [e.place for e in body_events(tmp_path, body) if e.type == "agreement"]
    assert all(p is None for p in places)


@pytest.mark.parametrize(
    "body, place",
    [
        ("أعلنت وزارة الدفاع أن البلدين وقعا أمس في واشنطن مذكرة تفاهم أمنية.", "واشنطن"),
        ("وتنص مذكرة التفاهم التي وقعت في واشنطن في العاشر من الشهر الجاري على تدريب القوات.", "واشنطن"),
    ],
    ids=["signed-in-a-capital", "relative-signed-in"],
)
def test_an_agreement_is_where_it_was_signed(tmp_path, body, place):
    assert _places(tmp_path, f"{body}\n\n{IRAQ}", "agreement")[0] == place


def test_the_content_of_an_agreement_is_not_its_place(tmp_path):
    body = f"وكان الطرفان قد اتفقا في أيلول 2024 على إنهاء مهمة التحالف في إقليم كردستان بحلول أيلول 2026.\n\n{IRAQ}"
    assert _places(tmp_path, body, "agreement") == ["العراق"]


@pytest.mark.parametrize(
    "body",
    [
        "وانسحبت القوات الأمريكية نهاية 2011، ثم عادت في صيف 2014 لمواجهة تنظيم داعش.",
        "وعادت الطائرات الأمريكية في آب 2014 بطلب من الحكومة لدعم القوات في حربها على التنظيم.",
    ],
    ids=["troops-returned", "aircraft-returned"],
)
def test_a_return_with_no_place_is_in_the_article_country(tmp_path, body):
    assert _places(tmp_path, f"{body}\n\n{IRAQ}", "deployment") == ["العراق"]


# ---------------------------------------------------------------------------------------------
# A statement keeps no place: the writers leave all of them without one, even where the speaker sits.


@pytest.mark.parametrize(
    "body",
    [
        "قالت السفارة الكندية في بغداد، الخميس، إن آخر المدربين الكنديين سيغادرون معسكر التاجي خلال أسبوع.",
        "أكد جهاز الأمن في إقليم كردستان، اليوم الاثنين، أن طائرة مسيرة استهدفت محيط مطار أربيل الدولي.",
    ],
    ids=["embassy-in-a-capital", "service-of-a-region"],
)
def test_a_statement_keeps_no_place(tmp_path, body):
    assert set(_places(tmp_path, f"{body}\n\n{IRAQ}", "announcement")) == {None}


# ---------------------------------------------------------------------------------------------
# A country named bare before the trigger is its subject (a state acting), not where it happens.


def test_a_country_acting_before_the_trigger_is_not_its_place(tmp_path):
    body = f"وكانت تركيا قد سحبت قواتها عام 2021 بعد انتهاء مهمتها.\n\n{IRAQ}"
    assert _places(tmp_path, body, "withdrawal", "تركيا") == ["العراق"]


# ---------------------------------------------------------------------------------------------
# A landmark before a vote or a war is another event's; history framed by حتى/مع/ضمن takes no place named before it.


@pytest.mark.parametrize(
    "body, type_",
    [
        ("وبعد اغتيال قائد عسكري بارز قرب مطار بغداد، صوت البرلمان في كانون الثاني 2020 على قرار بإخراج القوات.", "vote"),
        ("وتقع القاعدة جنوب غرب الناصرية، واستخدمها التحالف في عمليات الإسناد خلال الحرب على داعش بين 2014 و2017.", "war"),
    ],
    ids=["vote-after-a-killing", "war-after-a-base"],
)
def test_a_landmark_before_a_vote_or_a_war_is_not_its_place(tmp_path, body, type_):
    assert _places(tmp_path, f"{body}\n\n{IRAQ}", type_) == ["العراق"]


@pytest.mark.parametrize(
    "body",
    [
        "واستخدمت القوات الأمريكية قاعدة بلد الجوية بعد عام 2003 حتى انسحاب تلك القوات أواخر 2011.",
        "وكانت القاعدة مقرا للقوات الأمريكية في قاعدة الصقر، ثم سلمتها للجيش ضمن الانسحاب الأمريكي نهاية 2011.",
    ],
    ids=["until-the-withdrawal", "within-the-withdrawal"],
)
def test_a_framing_withdrawal_takes_no_base_named_before_it(tmp_path, body):
    assert _places(tmp_path, f"{body}\n\n{IRAQ}", "withdrawal", "2011")[-1] == "العراق"


# ---------------------------------------------------------------------------------------------
# الإقليم is the Kurdistan Region; a foreign legislature's vote or hearing is in its country.


def test_the_region_is_the_kurdistan_region():
    assert place_by_name()[normalize("الإقليم")].canonical == "إقليم كردستان"


def test_a_region_alone_is_the_kurdistan_region(tmp_path):
    body = "ومن المقرر أن تنتهي مهمة التحالف في الإقليم في أيلول المقبل وفق الجدول المعلن."
    assert _places(tmp_path, body, "mission_end") == ["إقليم كردستان"]


def test_a_foreign_legislature_votes_in_its_country_before_any_listed_place(tmp_path):
    body = f"ويأتي الانسحاب بعد تصويت البوندستاغ في تشرين الأول الماضي، بالتوازي مع تقليص دول أخرى، بينها فرنسا وبلجيكا، وجودها.\n\n{IRAQ}"
    assert _places(tmp_path, body, "vote") == ["ألمانيا"]


def test_the_base_a_speaker_left_is_not_the_speaker(tmp_path):
    body = ("انسحبت القوات من قاعدة حرير قبل أيام.\n\n"
            "وقالت السفارة الأمريكية في بيان إن المستشارين العسكريين غادروا القاعدة صباح اليوم بعد إكمال نقل المسؤولية.")
    assert _places(tmp_path, body, "withdrawal", "المستشارين") == ["حرير"]
