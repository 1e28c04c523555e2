"""The place an event's trigger governs, by class (issue 8; docs/ANNOTATION.md, "Events": place).

Sentences are written for these tests, several wordings a class. Extraction runs without the
tagger (the gazetteers only); where a class is about what the tagger hands over (a force's name
read as a place, a head noun alone), ``sentence_places`` gets those spans directly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.events import extract_events, lexicon
from analysis.events.location import canonical_place, place_info, sentence_places
from analysis.events.places import compatible, hierarchy
from analysis.text import Token, normalize, tokens

from helpers import body_events


def _events(tmp_path: Path, body: str, dct: str = "2025-12-31"):
    return body_events(tmp_path, body, dct)


def _place(tmp_path: Path, body: str, type_: str) -> str | None:
    found = [e for e in _events(tmp_path, body) if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger, e.place) for e in _events(tmp_path, body)]
    return found[0].place


def _toks(text: str) -> list[Token]:
    return list(tokens(text))


def _index(toks: list[Token], word: str) -> int:
    return next(i for i, t in enumerate(toks) if t.text == word)


# ---------------------------------------------------------------------------------------------
# Compass words after a preposition: a region of a country, or the province or city itself.


@pytest.mark.parametrize(
    "body, type_, place",
    [
        ("وسحبت واشنطن أمس مئات الجنود من شمال سوريا باتجاه الحدود.", "withdrawal", "شمال سوريا"),
        ("وانسحبت القوات الأجنبية الشهر الماضي من جنوب العراق بالكامل.", "withdrawal", "جنوب العراق"),
        ("وقصفت طائرة مسيرة أمس سيارة في شرق العاصمة العراقية بغداد.", "attack", "بغداد"),
        ("وسلمت القوات الأمريكية أمس موقعا عسكريا في غرب الأنبار إلى الجيش.", "handover", "الأنبار"),
    ],
    ids=["north-of-country", "south-of-country", "east-of-capital", "west-of-province"],
)
def test_compass_words_after_a_preposition_name_a_region(tmp_path, body, type_, place):
    assert _place(tmp_path, body, type_) == place


def test_a_compass_region_lies_in_its_country():
    tree = hierarchy()
    assert tree.chain("شمال سوريا") == ("شمال سوريا", "سوريا")
    assert compatible("شمال سوريا", "سوريا") and not compatible("شمال سوريا", "العراق")
    assert place_info("شمال سوريا").level == 2 and place_info("شمال سوريا").country == "سوريا"


# ---------------------------------------------------------------------------------------------
# Places listed as examples (بينها, ومنها) are not the governed place.


@pytest.mark.parametrize(
    "body, place",
    [
        ("وأكملت القوات الأمريكية أمس انسحابها من مواقعها في جنوب سوريا، بينها قاعدة التنف.", "جنوب سوريا"),
        ("وأنهت القوات أمس سحب معداتها من قواعد في إقليم كردستان، ومنها قاعدة حرير وقاعدة أخرى قرب دهوك.", "إقليم كردستان"),
    ],
    ids=["bainaha", "waminha"],
)
def test_a_place_listed_as_an_example_is_not_the_place(tmp_path, body, place):
    assert _place(tmp_path, body, "withdrawal") == place


def test_an_example_is_the_place_when_nothing_else_is_named(tmp_path):
    body = "وأخلت القوات الأمريكية أمس ثلاثة مواقع، بينها قاعدة الشدادي."
    assert _place(tmp_path, body, "withdrawal") == "الشدادي"


# ---------------------------------------------------------------------------------------------
# A force's name is no place; a base of a force is placed where it stands.


def test_a_forces_base_is_placed_where_it_stands(tmp_path):
    body = "واستهدفت طائرة مسيرة فجر أمس قاعدة قوات التحالف في مطار أربيل الدولي."
    assert _place(tmp_path, body, "attack") == "مطار أربيل الدولي"


def test_a_name_after_a_forces_head_is_no_place():
    text = "وتسلمت قوات سوريا الديمقراطية الموقع من قوات التحالف الدولي في الحسكة."
    toks = _toks(text)
    s = _index(toks, "سوريا")
    t = _index(toks, "التحالف")
    h = _index(toks, "الحسكة")
    located = [(s, s + 1, "سوريا الديمقراطية"), (t - 1, t + 1, "قوات التحالف الدولي"), (h, h, "الحسكة")]
    assert [m.name for m in sentence_places(toks, located)] == ["الحسكة"]


def test_a_head_noun_alone_is_no_place():
    text = "وتدور معارك في ريف دير الزور الشرقي."
    toks = _toks(text)
    r = _index(toks, "ريف")
    mentions = sentence_places(toks, [(r, r, "ريف"), (r + 1, r + 2, "دير الزور")])
    assert [(m.name, m.role) for m in mentions] == [("دير الزور", "في")]


def test_a_verb_read_as_a_name_after_a_site_head_is_no_place():
    text = "وهذا أعنف هجوم على قاعدة تستضيف قوات أمريكية منذ بداية العام."
    toks = _toks(text)
    v = _index(toks, "تستضيف")
    assert sentence_places(toks, [(v, v, "تستضيف")]) == []


# ---------------------------------------------------------------------------------------------
# Objects: a place named with its head noun is the object wherever it stands in the clause; a
# preposition with a pronoun points back to the base named before; a generic noun to its kind.


@pytest.mark.parametrize(
    "body",
    [
        "وغادر آخر الجنود الإيطاليين المنتشرين منذ سنوات مدينة أربيل أمس.",
        "وغادرت الوحدات الهندسية التابعة للتحالف الدولي محافظة أربيل أمس.",
    ],
    ids=["city", "province"],
)
def test_a_place_with_its_head_noun_is_an_object_at_any_distance(tmp_path, body):
    assert _place(tmp_path, body, "withdrawal") == "أربيل"


@pytest.mark.parametrize(
    "body, place",
    [
        ("وتسلم الجيش أمس قاعدة التنف بعد أن أكملت القوات الأمريكية انسحابها منها.", "التنف"),
        ("ورفع الجيش العلم فوق قاعدة الشدادي التي كانت القوات الأجنبية قد انسحبت منها أمس.", "الشدادي"),
    ],
    ids=["minha-after-verbal-noun", "minha-after-verb"],
)
def test_a_pronoun_object_points_back_to_the_base(tmp_path, body, place):
    assert _place(tmp_path, body, "withdrawal") == place


def test_a_generic_region_points_back_to_the_region_named(tmp_path):
    body = "وستواصل قوات التحالف عملها من إقليم كردستان حتى أيلول المقبل، على أن تغادر الإقليم بعد ذلك."
    assert _place(tmp_path, body, "withdrawal") == "إقليم كردستان"


def test_a_known_base_after_its_head_whatever_its_words_look_like():
    text = "وانتقلت الدفعة الأولى إلى قاعدة علي السالم أواخر الشهر."
    toks = _toks(text)
    (mention,) = sentence_places(toks, [])  # no gazetteer or tagger spans: the head noun finds it
    assert (mention.name, mention.level, mention.role) == ("علي السالم", 3, "إلى")


# ---------------------------------------------------------------------------------------------
# Landmarks, prepositions and descriptors.


def test_a_landmark_before_the_trigger_places_it_when_nothing_else_does(tmp_path):
    body = "وتعرضت دورية أمريكية قرب كوباني لقصف مدفعي ليل أمس."
    assert _place(tmp_path, body, "attack") == "عين العرب"


def test_a_war_on_a_place_is_placed_there(tmp_path):
    body = "وتتواصل منذ أسابيع الحرب على قطاع غزة وسط تحذيرات من توسعها."
    assert _place(tmp_path, body, "war") == "قطاع غزة"


def test_ala_governs_its_place():
    toks = _toks("وأعلنت الوزارة نشر بطاريات دفاع جوي على الأراضي الكويتية.")
    k = _index(toks, "الأراضي")
    assert [(m.name, m.role) for m in sentence_places(toks, [(k, k + 1, "الكويت")])] == [("الكويت", "على")]


@pytest.mark.parametrize(
    "written, canonical",
    [("حقل العمر النفطي", "حقل العمر"), ("قاعدة بلد الجوية", "بلد"), ("جيب هجين", "هجين"),
     ("العراق الاتحادي", "العراق"), ("المحافظات الاتحادية", "المناطق الاتحادية"), ("مطار هولير الدولي", "مطار أربيل الدولي")],
    ids=["oil-field", "air-base", "pocket", "federal-iraq", "federal-provinces", "airport-kurdish-name"],
)  # fmt: skip
def test_head_nouns_and_descriptors_do_not_change_the_place(written, canonical):
    assert canonical_place(written) == canonical


def test_the_extraction_gazetteer_and_the_place_tree_agree():
    """Every name extraction finds is in the tree, as the same place, at the same level, in the same country."""
    tree = hierarchy()
    kinds = {1: {"country"}, 2: {"region", "province", "city"}, 3: {"base", "airport", "field", "site", "crossing"}}
    for words, place in lexicon.places().items():
        node = tree.node(" ".join(words))
        assert node is not None, words
        assert normalize(node.name) == normalize(place.canonical) or tree.node(place.canonical) is node, (words, node.name)
        assert node.kind in kinds[place.level], (words, node.kind)
        assert tree.root(node.name) == place.country, words


@pytest.mark.parametrize(
    "body, type_, place",
    [
        ("وبدأ أمس انسحاب القوات الأمريكية من قاعدة حرير في أربيل نحو الحدود.", "withdrawal", "حرير"),
        ("وسلمت القوات الأمريكية أمس قاعدة الشدادي في ريف الحسكة إلى الجيش.", "handover", "الشدادي"),
        ("ووصلت أمس قوة أمريكية إلى معسكر بيورنغ في الكويت قادمة من العراق.", "redeployment", "بيورينغ"),
    ],
    ids=["base-in-province", "base-in-rural-province", "camp-spelling-variant"],
)
def test_a_base_beats_its_province_and_country_in_a_nominal_chain(tmp_path, body, type_, place):
    assert _place(tmp_path, body, type_) == place


def test_a_known_place_the_tagger_read_as_a_person_is_still_a_place():
    toks = _toks("وأخلت القوات الأمريكية أمس قاعدتها قرب بلدة عين عيسى.")
    # the tagger gave ``عين عيسى`` as a person: no located span reaches sentence_places
    assert [(m.name, m.role) for m in sentence_places(toks, [])] == [("عين عيسى", "near")]


def test_a_one_word_name_without_a_head_is_left_to_the_tagger():
    toks = _toks("وقال سوران إن الاجتماع انتهى.")
    assert sentence_places(toks, []) == []


# ---------------------------------------------------------------------------------------------
# Where the troops come from or are stationed (``القادمة من``, ``المتمركزة في``) describes them:
# what a withdrawal leaves, never where a redeployment goes.


@pytest.mark.parametrize(
    "body, type_, place",
    [
        ("وسيعاد نشر الجنود المتمركزين في قاعدة الشدادي في قواعد داخل الكويت الشهر المقبل.", "redeployment", "الكويت"),
        ("وانتقلت أمس القوة القادمة من قاعدة حرير إلى مطار أربيل الدولي.", "redeployment", "مطار أربيل الدولي"),
        ("وبدأ أمس سحب القوات المتمركزة في قاعدة عين الأسد بشكل كامل.", "withdrawal", "عين الأسد"),
        ("واستهدفت طائرة مسيرة أمس القوات المنتشرة في قاعدة حرير.", "attack", "حرير"),
    ],
    ids=["stationed-is-not-the-destination", "coming-from-is-not-the-destination", "stationed-is-what-is-left", "stationed-is-what-is-hit"],
)
def test_where_the_troops_are_is_not_where_they_are_redeployed(tmp_path, body, type_, place):
    assert _place(tmp_path, body, type_) == place


def test_a_place_the_troops_come_from_before_a_redeployment_is_not_its_place():
    toks = _toks("وقالت المصادر إن القوة القادمة من قاعدة حرير نقلت برا أمس.")
    assert [(m.name, m.role) for m in sentence_places(toks, [])] == [("حرير", "origin")]


def test_compass_words_and_a_name_the_tree_knows_together_are_that_place():
    toks = _toks("وقالت أنقرة إنها ستطلق عملية عسكرية ضد الوحدات الكردية شرق الفرات قريبا.")
    river = _index(toks, "الفرات")
    # the tagger hands over the river alone; with its compass word it is a region of Syria the tree knows
    found = [(m.name, m.first, m.role) for m in sentence_places(toks, [(river, river, "الفرات")])]
    # without a preposition it places the event as a landmark does (``near``): when nothing else is named
    assert found == [("شمال شرق سوريا", river - 1, "near")]


@pytest.mark.parametrize(
    "body, place",
    [
        ("وتنتهي مهمة التحالف انطلاقا من إقليم كردستان لمساندة القوات الكردية في سوريا بحلول نهاية عام 2026.", "إقليم كردستان"),
        ("وتنتهي مهمة التحالف انطلاقا من مطار أربيل الدولي بهدف دعم العمليات في سوريا بحلول نهاية عام 2026.", "مطار أربيل الدولي"),
    ],
    ids=["li-musanada", "bi-hadaf"],
)
def test_a_place_in_the_purpose_of_an_event_is_not_its_place(tmp_path, body, place):
    # ``لدعم جهود مكافحة التنظيم في سوريا``: the purpose is a clause of its own
    assert _place(tmp_path, body, "mission_end") == place
