"""Place containment for the merge (``data/place_hierarchy.tsv``): base ⊂ province ⊂ region ⊂ country."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.errors import AnalysisError
from analysis.events import lexicon
from analysis.events.places import PlaceHierarchy, compatible, hierarchy
from analysis.resources import NumberedRow as Row

WRITER_A = Path(__file__).parent / "fixtures" / "events_v2" / "writer_a"


def test_chains_run_from_the_base_to_the_country():
    tree = hierarchy()
    assert tree.chain("قاعدة عين الأسد") == ("عين الأسد", "البغدادي", "الأنبار", "العراق")
    assert tree.chain("حرير") == ("حرير", "أربيل", "إقليم كردستان", "العراق")
    assert tree.chain("الشدادي")[-1] == "سوريا" and tree.root("البرج 22") == "الأردن"
    assert tree.depth("العراق") == 0 and tree.depth("عين الأسد") > tree.depth("الأنبار") > 0
    assert tree.chain(None) == () and tree.root(None) == ""


@pytest.mark.parametrize(
    "a, b",
    [("عين الأسد", "الأنبار"), ("عين الأسد", "العراق"), ("حرير", "إقليم كوردستان"), ("حرير", "اربيل"),
     ("فكتوريا", "فيكتوريا"), ("كامب فيكتوري", "بغداد"), ("مطار أربيل الدولي", "كردستان العراق"),
     ("الشدادي", "الحسكة"), ("التنف", "سورية"), ("عين الأسد", None), (None, None), ("مكان ما", "مكان ما")],
)  # fmt: skip
def test_compatible_places(a, b):
    assert compatible(a, b) and compatible(b, a)


@pytest.mark.parametrize(
    "a, b",
    [("عين الأسد", "حرير"), ("عين الأسد", "فكتوريا"), ("التاجي", "فكتوريا"), ("حرير", "مطار أربيل الدولي"),
     ("حرير", "الأنبار"), ("الشدادي", "العراق"), ("إقليم كردستان", "بغداد"), ("سوريا", "العراق"),
     ("مكان ما", "العراق"), ("مكان ما", "مكان آخر")],
)  # fmt: skip
def test_incompatible_places(a, b):
    assert not compatible(a, b) and not compatible(b, a)


def test_every_place_extraction_knows_lies_in_the_tree_in_its_country():
    tree = hierarchy()
    for words, place in lexicon.places().items():
        node = tree.node(" ".join(words)) or tree.node(place.canonical)
        assert node is not None, place
        assert tree.root(place.canonical) == place.country, place


def test_the_development_milestones_places_are_known():
    milestones = json.loads((WRITER_A / "timeline.json").read_text(encoding="utf-8"))["milestones"]
    unknown = {m["place"] for m in milestones if m["place"] and hierarchy().node(m["place"]) is None}
    assert not unknown


@pytest.mark.parametrize(
    "rows, problem",
    [([("ا", "base", "ب", [])], "places.tsv:2: ا: parent 'ب' is not a place"),
     ([("ا", "planet", "", [])], "unknown kind 'planet'"),
     ([("ا", "base", "ب", []), ("ب", "city", "ا", [])], "containment loops"),
     ([("ا", "country", "", ["س"]), ("ب", "country", "", ["س"])], "'س' already names 'ا'")],
)  # fmt: skip
def test_bad_tables_are_refused(rows, problem):
    table = [Row(k + 2, [name, kind, parent, ",".join(variants)]) for k, (name, kind, parent, variants) in enumerate(rows)]
    with pytest.raises(AnalysisError, match=problem):
        PlaceHierarchy(table, "places.tsv")
    with pytest.raises(AnalysisError, match=r"places.tsv:2: needs 4 tab-separated fields"):
        PlaceHierarchy([Row(2, ["ا", "country"])], "places.tsv")
