"""Round 4 (issue 8), helper r-place: place and status classes, and the timeline's weak rows.

Sentences are written for these tests (several wordings a class, none copied from an article set).
Extraction runs without the tagger (the gazetteers only).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.evaluation.events_eval import canonical_place as scored_place
from analysis.events import extract_events, lexicon, merge_events
from analysis.events.places import hierarchy, place_cues
from analysis.text import normalize
from helpers import body_events, report


def _events(tmp_path: Path, body: str, dct: str = "2025-12-31", title: str = "تقرير إخباري"):
    return body_events(tmp_path, body, dct, title)


def _one(tmp_path: Path, body: str, type_: str, **kw):
    found = [e for e in _events(tmp_path, body, **kw) if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger, e.place, e.status) for e in _events(tmp_path, body, **kw)]
    return found[0]


# ---------------------------------------------------------------------------------------------
# Variant spellings: every spelling the place tree knows is one the extraction gazetteer knows,
# so a place is scored and merged as one place however a desk spells it.


@pytest.mark.parametrize(
    "written, canonical",
    [("فكتوري", "فيكتوريا"), ("قاعدة فكتوريا", "فيكتوريا"), ("جرف النصر", "جرف الصخر"), ("قصرك", "قسرك"),
     ("إقليم كوردستان العراق", "إقليم كردستان"), ("مطار هولير", "مطار أربيل الدولي"), ("دولة الكويت", "الكويت")],
    ids=["victory-short", "victory-headed", "jurf-renamed", "qasrak-sad", "kurdistan-of-iraq", "erbil-kurdish", "state-of"],
)  # fmt: skip
def test_variant_spellings_name_one_place(written, canonical):
    assert scored_place(written) == canonical


def test_every_tree_variant_of_a_gazetteer_place_is_in_the_gazetteer():
    """A place of the extraction gazetteer is known there by every spelling the tree lists (head nouns aside)."""
    tree = hierarchy()
    by_name = lexicon.place_by_name()
    heads = lexicon.cues()["place_heads"] | place_cues()["area_heads"] | {normalize("معمل"), normalize("مطار")}
    common_words = {"التقدم", "العمر", "الحرير", "معمل الإسمنت"}  # ordinary words as well: kept out of the gazetteer
    for words, place in lexicon.places().items():
        node = tree.node(" ".join(words))
        for variant in tree.variants(node.name):
            if variant in common_words:
                continue
            words = variant.split()
            while len(words) > 1 and normalize(words[-1]) in place_cues()["descriptors"]:
                words = words[:-1]  # ``قاعدة القيارة الجوية``: the descriptor is dropped when a name is looked up
            if normalize(words[0]) in heads and by_name.get(normalize(" ".join(words[1:]))) is not None:
                continue  # ``قاعدة حرير``: found by its name after the head noun
            if by_name.get(normalize(" ".join(words))) is not None:
                continue
            assert by_name.get(normalize(variant)) is not None, (place.canonical, variant)


@pytest.mark.parametrize(
    "body",
    [
        "وأكدت الحكومة أن مهمة التحالف في العراق الاتحادي ستنتهي في أيلول المقبل.",
        "وقال المتحدث إن مهمة التحالف ستنتهي في العراق الاتحادي بحلول نهاية العام المقبل.",
    ],
    ids=["before-verb", "after-verb"],
)
def test_federal_iraq_is_iraq(tmp_path, body):
    """``العراق الاتحادي`` is the country named with the adjective of its government, not a region of it."""
    assert _one(tmp_path, body, "mission_end").place == "العراق"


# ---------------------------------------------------------------------------------------------
# A definite site noun with no known name after it points back to the base the article named
# (``القاعدة``, ``المقر``, ``المجمع``); with a relative clause, to the site that clause names.


@pytest.mark.parametrize(
    "body, type_, place",
    [
        ("انسحبت القوات الأمريكية أمس من قاعدة حرير شمال أربيل. وقالت الوزارة إن البيشمركة تسلمت القاعدة بكامل معداتها صباح اليوم.",
         "handover", "حرير"),
        ("يقع مقر التحالف في قاعدة القائم غرب الأنبار. وغادرت آخر عناصر التحالف المقر يوم الأحد الماضي.",
         "withdrawal", "القائم"),
        ("نقلت القوات المستشارين أمس من مجمع يونيون 3 إلى قاعدة أخرى. وأكدت القيادة أن الجيش سيتسلم المجمع خلال أيام.",
         "handover", "يونيون 3"),
        ("وصلت قوات إضافية إلى قاعدة حرير الأسبوع الماضي. وتسلم الجيش أمس المقر الذي كان يشغله التحالف في مطار أربيل الدولي.",
         "handover", "مطار أربيل الدولي"),
    ],
    ids=["base-then-prepositional-word", "headquarters", "compound", "relative-clause-names-the-site"],
)  # fmt: skip
def test_a_definite_site_noun_points_back(tmp_path, body, type_, place):
    second = body.split(". ")[1]
    assert [e.place for e in _events(tmp_path, body) if e.type == type_ and e.sentence in second] == [place]


# ---------------------------------------------------------------------------------------------
# ``بما في ذلك`` / ``بما فيها`` lists members of the place named before: examples, not the place.


@pytest.mark.parametrize(
    "body, place",
    [
        ("وقال البيان إن مهمة التحالف ستنتهي في العراق، بما في ذلك بغداد وقاعدة عين الأسد في الأنبار، بحلول نهاية العام المقبل.", "العراق"),
        ("وأكد الوزير أن مهمة التحالف ستنتهي في إقليم كردستان بما فيها قاعدة حرير في موعد أقصاه أيلول المقبل.", "إقليم كردستان"),
    ],
    ids=["bima-fi-dhalik", "bima-fiha"],
)  # fmt: skip
def test_places_after_an_inclusion_are_members(tmp_path, body, place):
    assert _one(tmp_path, body, "mission_end").place == place


def test_a_compound_in_a_district_is_the_compound(tmp_path):
    """A district (``المنطقة الخضراء``) is no base: the compound named in it is what ``المجمع`` points back to."""
    body = "ونقلت القوات مستشاريها أمس من مجمع يونيون 3 في المنطقة الخضراء. وقال المسؤول إن المجمع سيسلم إلى الجيش خلال أيام."
    second = body.split(". ")[1]
    assert [e.place for e in _events(tmp_path, body) if e.type == "handover" and e.sentence in second] == ["يونيون 3"]


# ---------------------------------------------------------------------------------------------
# Status: a trigger that names the point where something else began is over (occurred), whatever
# the start verb says of the period it opened; ``بدأت بنقل`` (began doing it) still goes on.


@pytest.mark.parametrize(
    "body, type_, status",
    [
        ("ويرى محللون أن الاتفاق حلقة في سلسلة طويلة بدأت مع الغزو الأمريكي للعراق في آذار 2003.", "war", "occurred"),
        ("وتعقد اللجنة اجتماعاتها كل شهر منذ انطلاق الحوار الثنائي في كانون الثاني 2024.", "other", "occurred"),
        ("ويستعد العراق لطي صفحة بدأت قبل خمسة عشر عاماً، حين انسحبت القوات الأمريكية من البلاد في كانون الأول 2011.", "withdrawal", "occurred"),
        ("وقال المصدر إن القوات الأمريكية بدأت بالفعل بنقل عناصرها من عين الأسد إلى أربيل.", "redeployment", "ongoing"),
        ("وأنهى الانسحاب سنوات من الوجود العسكري الذي بدأ بغزو العراق عام 2003.", "war", "occurred"),
    ],
    ids=["began-with", "since-the-start", "when-clause", "began-doing-it", "relative-began-with"],
)  # fmt: skip
def test_a_starting_point_is_over(tmp_path, body, type_, status):
    found = [e for e in _events(tmp_path, body) if e.type == type_]
    assert found and all(e.status == status for e in found), [(e.type, e.trigger, e.status) for e in _events(tmp_path, body)]


@pytest.mark.parametrize(
    "body, type_, status",
    [
        ("وقال المسؤول إن انسحاب القوات الأمريكية من قاعدة حرير بدأ فعلاً قبل أيام.", "withdrawal", "ongoing"),
        ("وأوضح المصدر أن تسليم مقرات التحالف في القائم بدأ بالفعل الأسبوع الماضي.", "handover", "ongoing"),
        ("وذكّر الكاتب بأن الغزو الذي بدأ في آذار 2003 أطاح بالنظام السابق.", "war", "occurred"),
    ],
    ids=["withdrawal-has-begun", "handover-has-begun", "relative-when-it-began"],
)  # fmt: skip
def test_a_verbal_noun_whose_verb_is_began_goes_on(tmp_path, body, type_, status):
    """``أن انسحاب ... بدأ فعلاً``: the happening is the subject of ``بدأ`` after it, under way; ``الذي بدأ`` dates it."""
    found = [e for e in _events(tmp_path, body) if e.type == type_]
    assert found and all(e.status == status for e in found), [(e.type, e.trigger, e.status) for e in _events(tmp_path, body)]


@pytest.mark.parametrize(
    "body",
    [
        "وأكد المسؤول أن وجود قوات التحالف في الإقليم سيستمر حتى نهاية مهمة التحالف في أيلول 2027.",
        "ورجح الباحث أن يتواصل هذا الانتشار لغاية انتهاء مهمة التحالف في آذار 2027.",
    ],
    ids=["will-continue-until", "goes-on-until"],
)
def test_what_goes_on_until_an_end_leaves_the_end_planned(tmp_path, body):
    """``سيستمر ... حتى نهاية المهمة في أيلول``: the continuing verb is the presence's; the end is planned."""
    assert _one(tmp_path, body, "mission_end").status == "planned"


# ---------------------------------------------------------------------------------------------
# The timeline leaves out entries backed only by weak reports: one article, no date, no place
# (for a type that has one). Since round 11 an agreement has one too (its country when dated, where it was
# signed: role ``at``), so its undated placeless report from one article is weak like any other.


def _rows(*events, **kw):
    return merge_events(list(events), **kw).to_dict("records")


def test_an_entry_of_one_undated_placeless_report_is_left_out():
    rows = _rows(
        report("withdrawal", "حرير", "2026-09", "occurred", "2026-10-01", "a.txt"),
        report("announcement", None, None, "occurred", "2026-03-02", "b.txt"),
        report("deployment", None, None, "occurred", "2026-03-05", "c.txt"),
        report("agreement", None, None, "planned", "2026-03-06", "d.txt"),
    )
    assert [(r["type"], r["place"]) for r in rows] == [("withdrawal", "حرير")]
    kept = _rows(report("announcement", None, None, "occurred", "2026-03-02", "b.txt"), keep_weak=True)
    assert [r["type"] for r in kept] == ["announcement"]


@pytest.mark.parametrize(
    "events",
    [
        [report("announcement", "بغداد", None, "occurred", "2026-03-02", "b.txt")],
        [report("announcement", None, "2026-03-01", "occurred", "2026-03-02", "b.txt")],
        [report("other", None, "2026-03-01", "occurred", "2026-03-02", "b.txt"), report("other", None, None, "occurred", "2026-03-04", "c.txt")],
    ],
    ids=["placed", "dated", "joins-a-dated-entry"],
)  # fmt: skip
def test_what_is_not_weak_stays(events):
    assert len(_rows(*events)) == 1


@pytest.mark.parametrize(
    "body, type_, place",
    [
        ("وشنت الطائرات الأمريكية أمس غارات على مخازن لفصائل في جرف الصخر والقائم.", "attack", "جرف الصخر"),
        ("وانسحبت القوات الأجنبية الشهر الماضي من قاعدة التاجي وبسماية بعد تسليمهما.", "withdrawal", "التاجي"),
    ],
    ids=["fi-coordinated", "min-coordinated"],
)  # fmt: skip
def test_a_place_joined_by_wa_shares_the_preposition(tmp_path, body, type_, place):
    """``في جرف الصخر والقائم``: the second place is governed by the same ``في``, not an object of its own."""
    assert [e.place for e in _events(tmp_path, body) if e.type == type_] == [place]


# ---------------------------------------------------------------------------------------------
# A handover, attack or withdrawal whose clause names no place is at the base named before it in
# its sentence (not a destination named there, nor a base named after it).


@pytest.mark.parametrize(
    "body, type_, place",
    [
        ("وغادرت آخر القوات قاعدة القيارة أمس، بعد أن سلمت المعدات الثقيلة للجيش العراقي قبل أيام.", "handover", "القيارة"),
        ("ويعد هذا أول هجوم على قاعدة الحبانية منذ أن جرى تسليمها إلى القوات العراقية في تموز الماضي.", "handover", "الحبانية"),
    ],
    ids=["after-leaving-the-base", "handed-over-since"],
)  # fmt: skip
def test_a_placeless_clause_takes_the_base_named_before(tmp_path, body, type_, place):
    assert [e.place for e in _events(tmp_path, body) if e.type == type_] == [place]


def test_a_destination_named_before_is_not_the_place(tmp_path):
    body = "ونقلت القوات معداتها إلى قاعدة حرير الأسبوع الماضي، فيما تسلم الجيش العراقي المقرات المتبقية أمس."
    assert [e.place for e in _events(tmp_path, body) if e.type == "handover"] != ["حرير"]


# ---------------------------------------------------------------------------------------------
# Dates: a day or month written without its year takes the year the sentence named before it.


@pytest.mark.parametrize(
    "body, date",
    [
        ("وفي عام 2020، ومع تصاعد الضغوط، سلّم التحالف قاعدة التاجي للقوات العراقية في 23 آب/أغسطس.", "2020-08-23"),
        ("وخلال عام 2019 شهدت البلاد احتجاجات واسعة، قبل أن تسلم القوات الأجنبية قاعدة القيارة في آذار.", "2019-03"),
        ("وتأسست البعثة عام 2003، ومن المقرر أن تسلم القوات مقرها في بغداد في 31 كانون الأول الجاري.", "2025-12-31"),
    ],
    ids=["day-month", "month", "current-month-keeps-its-year"],
)  # fmt: skip
def test_a_date_without_its_year_takes_the_sentence_year(tmp_path, body, date):
    assert [e.date for e in _events(tmp_path, body, dct="2025-12-20") if e.type == "handover"] == [date]


def test_the_cue_tables_have_no_key_twice():
    """A key written twice in a JSON table silently replaces the first list (``json`` keeps the last)."""
    for name in ("event_cues.json", "place_cues.json"):
        pairs = json.loads((Path(lexicon.__file__).parents[1] / "data" / name).read_text(encoding="utf-8"), object_pairs_hook=list)
        keys = [k for k, _ in pairs]
        assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]


def test_where_stands_for_the_place_before_it(tmp_path):
    """``حيث`` after a place is that place: the most precise of those just before it."""
    body = "وسينتقل عدد من المستشارين إلى أربيل في إقليم كردستان، حيث تستمر مهمة التحالف حتى أيلول 2027."
    assert _one(tmp_path, body, "mission_end").place == "أربيل"
