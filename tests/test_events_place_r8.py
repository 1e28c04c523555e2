"""Event places by class, round 8 (issue 8; docs/ANNOTATION.md, "Events": place).

Sentences are written for these tests. Extraction runs without the entity tagger (the gazetteers only).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.events.attributes import is_month_name, sentence_places_actors
from analysis.events.places import hierarchy
from analysis.text import tokens
from helpers import body_events, events_of


def _place(tmp_path: Path, body: str, type_: str, word: str | None = None) -> str | None:
    found = events_of(body_events(tmp_path, body), type_, word)
    assert len(found) == 1, [(e.type, e.trigger, e.place) for e in body_events(tmp_path, body)]
    return found[0].place


# ---------------------------------------------------------------------------------------------
# A visit is where it goes: the place it governs (``زار بغداد``, ``يزور أربيل``, ``زيارة إلى``).


@pytest.mark.parametrize(
    "body, place",
    [
        ("زار وزير الدفاع الأمريكي بغداد أمس الأحد لبحث مستقبل مهمة التحالف.", "بغداد"),
        ("ومن المقرر أن يزور قائد القيادة المركزية أربيل الأسبوع المقبل لبحث انسحاب القوات الأمريكية.", "أربيل"),
        ("وكانت وزيرة الدفاع الألمانية قد زارت أربيل الشهر الماضي، حيث بحثت مستقبل مهمة التحالف.", "أربيل"),
    ],
    ids=["visited-object", "planned-visit-object", "past-visit-object"],
)
def test_a_visit_takes_the_place_it_governs(tmp_path, body, place):
    assert _place(tmp_path, body, "other") == place


# ---------------------------------------------------------------------------------------------
# A generic ``الإقليم``/``المدينة`` with nothing of its kind before it in the sentence stands for the one the
# article named before (a region also through a place inside it: ``حرير`` lies in ``إقليم كردستان``).


@pytest.mark.parametrize(
    "body, type_, place",
    [
        ("غادرت القوات الأمريكية قاعدة حرير أمس.\n\nوقال مسؤول إن مهمة التحالف في الإقليم ستنتهي في أيلول المقبل.",
         "mission_end", "إقليم كردستان"),
        ("سقطت ثلاثة صواريخ على مطار أربيل الدولي أمس.\n\nوأكد المسؤول أن التحالف سيكمل سحب قواته من الإقليم في أيلول المقبل.",
         "withdrawal", "إقليم كردستان"),
        ("وصلت تعزيزات عسكرية إلى إقليم كردستان أمس.\n\nوأضاف أن مهمة التحالف في الإقليم ستنتهي العام المقبل.",
         "mission_end", "إقليم كردستان"),
    ],
    ids=["region-of-a-base", "region-of-an-airport", "region-named"],
)
def test_a_generic_region_points_back_to_the_articles_region(tmp_path, body, type_, place):
    assert _place(tmp_path, body, type_, "الإقليم") == place


def test_a_generic_region_with_no_region_in_the_article_is_the_kurdistan_region(tmp_path):
    # round 11: ``الإقليم`` alone is the Kurdistan Region (the writers T, Y, Z, N, O write the gold place so)
    body = "وقال مسؤول إن مهمة التحالف في الإقليم ستنتهي في أيلول المقبل."
    assert _place(tmp_path, body, "mission_end") == "إقليم كردستان"


def test_the_country_noun_takes_no_country_from_an_earlier_sentence(tmp_path):
    """``في البلاد`` with no country before it in its sentence is left to the country guess: a site listed
    after it (``أبرزها قاعدة الشدادي``) stays the place."""
    body = ("وكانت القوات الأمريكية قد انسحبت من دير الزور في سوريا العام الماضي.\n\n"
            "وقال المتحدث إن الجنود سيتجمعون في البلاد في مواقع محدودة، أبرزها قاعدة الشدادي، خلال الشهر المقبل.")
    assert _place(tmp_path, body, "redeployment", "سيتجمعون") == "الشدادي"


# ---------------------------------------------------------------------------------------------
# An object pronoun on the trigger (``أخلاها``, ``تحريرها``) stands for the place named before it in the sentence.


@pytest.mark.parametrize(
    "body, type_, place",
    [
        ("وتقع بلدة القائم على الحدود مع سوريا، وقد شهدت معارك عنيفة قبل تحريرها في تشرين الثاني 2017.", "war", "القائم"),
        ("تسلم الجيش العراقي أمس الموقع الذي كان يشغله التحالف في سنجار، بعد أن أخلاها المستشارون الأجانب الأسبوع الماضي.",
         "withdrawal", "سنجار"),
    ],
    ids=["liberated-town", "vacated-site"],
)
def test_an_object_pronoun_stands_for_the_place_before(tmp_path, body, type_, place):
    assert _place(tmp_path, body, type_) == place


def test_the_pronoun_of_a_meeting_is_its_subject_not_a_place(tmp_path):
    """``اجتماعها``: the committee's meeting (a verbal noun that locates nothing), not a meeting in ``بغداد``;
    since round 9 it happens in the article's country (docs/ANNOTATION.md)."""
    body = "وقال إن اللجنة العسكرية العليا في بغداد ستعقد اجتماعها المقبل الأسبوع القادم لبحث انسحاب القوات."
    assert _place(tmp_path, body, "other") == "العراق"


# ---------------------------------------------------------------------------------------------
# A war (a battle, an operation) is at the place it names right after it (its genitive), whatever its level;
# a place farther on in its clause is not its place.


@pytest.mark.parametrize(
    "body, place",
    [
        ("وشاركت القوات الأمريكية عام 2019 في معركة الباغوز ضد تنظيم داعش.", "الباغوز"),
        ("وتتواصل منذ مطلع الشهر معارك الباغوز ضد التنظيم.", "الباغوز"),
        ("وكانت المدينة مسرحا لمعارك الموصل عام 2017.", "الموصل"),
    ],
    ids=["battle-of-town", "battles-of-town", "battles-of-city"],
)
def test_a_war_is_at_the_place_it_names(tmp_path, body, place):
    assert _place(tmp_path, body, "war") == place


def test_a_site_far_after_a_war_is_not_its_place(tmp_path):
    body = "وخلال الحرب على التنظيم بين 2014 و2017 تحولت قاعدة عين الأسد إلى مركز رئيسي للإسناد الجوي."
    assert _place(tmp_path, body, "war") == "العراق"


# ---------------------------------------------------------------------------------------------
# What a leave verb leaves is its object, even a country, before where the troops were stationed or go.


@pytest.mark.parametrize(
    "body, place",
    [
        ("وقال المتحدث إن ما تبقى من المستشارين في قاعدة حرير سيغادر العراق خلال تشرين الثاني المقبل.", "العراق"),
        ("وتستعد الوحدة الإسبانية المتمركزة في قاعدة بسماية لمغادرة العراق قبل نهاية الشهر الجاري.", "العراق"),
        ("وأضاف أن أفراد القوة سيغادرون العراق خلال أسبوع عائدين إلى أستراليا.", "العراق"),
        ("وغادرت القوات الأمريكية قاعدة حرير أمس متجهة إلى الكويت.", "حرير"),
    ],
    ids=["stationed-before", "stationed-participle", "returning-home", "base-left"],
)
def test_a_leave_verb_is_at_what_it_leaves(tmp_path, body, place):
    assert _place(tmp_path, body, "withdrawal") == place


# ---------------------------------------------------------------------------------------------
# ``إليه``/``منها`` after a trigger point back to the base named before it, else to the place named before.


@pytest.mark.parametrize(
    "body, word, place",
    [
        ("وكانت القوات الأمريكية قد دخلت العراق عام 2003، ثم انسحبت نهاية 2011، قبل أن تعود إليه عام 2014 على رأس التحالف الدولي.",
         "تعود", "العراق"),
        ("وانسحبت القوات الأمريكية من قاعدة التنف في سوريا ثم عادت إليها بعد أسبوع.", "عادت", "التنف"),
    ],
    ids=["country-named-before", "base-before-its-country"],
)
def test_a_pronoun_object_points_back_to_the_place_named_before(tmp_path, body, word, place):
    found = [e for e in body_events(tmp_path, body) if e.trigger.endswith(word)]
    assert [e.place for e in found] == [place]


# ---------------------------------------------------------------------------------------------
# A site acted on that a relative clause describes is where that clause puts it (up to the next comma).


@pytest.mark.parametrize(
    "body, place",
    [
        ("تسلم الجيش العراقي أمس مقر التنسيق الحدودي الذي كان يشغله التحالف الدولي بقيادة الولايات المتحدة في قضاء القائم "
         "بمحافظة الأنبار، في مراسم رسمية.", "القائم"),
        ("تسلمت قوات حرس الحدود أمس الموقع العسكري الذي كانت تشغله قوات التحالف الدولي قرب قضاء سنجار على الحدود مع سوريا.",
         "سنجار"),
    ],
    ids=["in-district", "near-district"],
)
def test_a_site_is_where_its_relative_clause_puts_it(tmp_path, body, place):
    assert _place(tmp_path, body, "handover") == place


def test_a_place_after_the_relative_clause_ends_is_not_the_sites(tmp_path):
    body = "تسلمت قيادة التدريب أمس مركز التدريب الذي كانت تديره بعثة حلف شمال الأطلسي، وقالت إن المدربين سيبقون في بغداد."
    assert _place(tmp_path, body, "handover") == "العراق"


# ---------------------------------------------------------------------------------------------
# A capital that usually stands for its government (``قررت واشنطن``) is a place after في/إلى.


@pytest.mark.parametrize(
    "body",
    [
        "سيبدأ وزير الدفاع الأسبوع المقبل زيارة رسمية إلى واشنطن لبحث التعاون بعد انتهاء مهمة التحالف.",
        "ومن المقرر أن يتوجه رئيس الوزراء إلى واشنطن الأسبوع المقبل في زيارة لبحث مهمة التحالف.",
    ],
    ids=["visit-to", "travel-to"],
)
def test_a_capital_after_a_preposition_is_a_place(tmp_path, body):
    (event,) = events_of(body_events(tmp_path, body), "other")
    assert event.place == "واشنطن"
    assert "الولايات المتحدة" not in event.actors


def test_a_capital_as_subject_stays_an_actor(tmp_path):
    (event,) = events_of(body_events(tmp_path, "قررت واشنطن أمس سحب قواتها من سوريا خلال شهر."), "withdrawal")
    assert (event.place, event.actors) == ("سوريا", ("الولايات المتحدة",))


# ---------------------------------------------------------------------------------------------
# Gazetteer rows added in round 8 (data/event_places.tsv, place_hierarchy.tsv): districts of Baghdad, a
# spelling of the Anbar desert.


@pytest.mark.parametrize(
    "body, place",
    [
        ("سقطت ثلاثة صواريخ أمس على منطقة الرضوانية قرب مطار بغداد الدولي.", "الرضوانية"),
        ("ونفذت طائرات التحالف أمس ضربات على مخابئ للتنظيم في صحراء الأنبار الغربية.", "صحراء الأنبار"),
    ],
    ids=["district", "desert-spelling"],
)
def test_new_gazetteer_rows(tmp_path, body, place):
    assert _place(tmp_path, body, "attack") == place


def test_new_gazetteer_rows_lie_in_their_province():
    assert hierarchy().chain("الكرخ") == ("الكرخ", "بغداد", "العراق")
    assert hierarchy().contains("الأنبار", "صحراء الأنبار الغربية")


# ---------------------------------------------------------------------------------------------
# A light verb the tagger proposes (``شنت``, an attack) before an event noun of another type (``ضربات``, a war)
# has the noun's place: the noun ends the verb's clause, but both report one happening.


@pytest.mark.parametrize(
    "body, place",
    [
        ("وقالت خلية الإعلام الأمني إن طائرات التحالف الدولي شنت أمس ضربات على مخابئ للتنظيم في صحراء الأنبار قرب الرمادي.",
         "صحراء الأنبار"),
        ("وقال الجيش إن مقاتلاته شنت فجر اليوم ضربات جوية على مواقع للتنظيم في جبال حمرين.", "جبال حمرين"),
    ],
    ids=["strikes-in-desert", "air-strikes-in-mountains"],
)
def test_a_light_verb_has_the_place_of_its_event_noun(tmp_path, body, place):
    assert {e.type: e.place for e in body_events(tmp_path, body)} == {"attack": place, "war": place}


# ---------------------------------------------------------------------------------------------
# A vote by a foreign legislature is in its country (data/legislatures.tsv), not the article's country.


@pytest.mark.parametrize(
    "body, place",
    [
        ("صوت مجلس النواب الهولندي أمس بأغلبية مريحة لصالح مقترح حكومي يقضي بإنهاء المساهمة العسكرية لهولندا في التحالف الدولي.",
         "هولندا"),
        ("ومن المقرر أن يصوت البوندستاغ على تمديد التفويض للجيش الألماني في التحالف نهاية الشهر الجاري.", "ألمانيا"),
    ],
    ids=["nationality-after-parliament", "named-legislature"],
)
def test_a_foreign_legislatures_vote_is_in_its_country(tmp_path, body, place):
    assert _place(tmp_path, body, "vote") == place


def test_the_iraqi_parliaments_vote_takes_no_foreign_country(tmp_path):
    body = "صوت مجلس النواب العراقي أمس على قرار يلزم الحكومة بإنهاء وجود القوات الأجنبية من العراق."
    assert _place(tmp_path, body, "vote") in (None, "العراق")


def test_a_capital_after_fi_is_where_it_happened(tmp_path):
    body = "سيبدأ وزير الدفاع الأسبوع المقبل زيارة رسمية في واشنطن لبحث التعاون بعد انتهاء مهمة التحالف."
    (event,) = events_of(body_events(tmp_path, body), "other")
    assert event.place == "واشنطن"
    assert "الولايات المتحدة" not in event.actors


# ---------------------------------------------------------------------------------------------
# Round 9: a month name the entity tagger takes for a place (ANERcorp has few months) is no place.


@pytest.mark.parametrize("word", ["حزيران", "وحزيران", "يونيو", "تشرين الأول", "كانون الثاني"])
def test_a_month_name_is_no_place(word):
    assert is_month_name(word)


@pytest.mark.parametrize("word", ["بغداد", "حرير", "آب", "مارس", "أربيل"])
def test_a_place_or_an_ambiguous_month_word_is_not_a_month_name(word):
    assert not is_month_name(word)


def test_a_loc_entity_that_is_a_month_does_not_place_the_event():
    from types import SimpleNamespace

    text = "وأقر البرلمان القانون في حزيران/يونيو الماضي."
    toks = tokens(text)
    month = SimpleNamespace(start=text.index("حزيران"), end=text.index("حزيران") + len("حزيران"), type="LOC", text="حزيران")
    places, _ = sentence_places_actors(toks, [month], 0, len(text), text)
    assert all(p.name != "حزيران" for p in places)
