"""Entities with the shipped offline model: offsets, proclitics, canonical forms, robustness, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.entities import Entity, canonical_form, entity_column, group_canonicals, tag_entities
from analysis.entities.clitics import proclitic_length
from analysis.entities.crf import default_model_dir, load_model
from analysis.entities.normalize import core, norm
from analysis.entities.spans import longest_matches, mark_spans

NER = Path(__file__).resolve().parent / "fixtures" / "ner"
ARTICLE = NER / "articles" / "100_coalition_test.txt"


@pytest.fixture(autouse=True)
def _no_camel(monkeypatch, tmp_path):
    """No CAMeL model anywhere: "auto" must fall back to the offline CRF."""
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path / "camel"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


def _check_offsets(text: str, ents: list[Entity]) -> None:
    for e in ents:
        assert text[e.start:e.end] == e.text
        assert e.type in {"PERS", "LOC", "ORG", "MISC"}
        assert e.text == e.text.strip() and "\n" not in e.text
    assert [e.start for e in ents] == sorted(e.start for e in ents)


def test_article_entities_offsets_and_backend():
    content = ARTICLE.read_text(encoding="utf-8")
    header = content.index("\n")
    text = " " * header + content[header:]
    ents = tag_entities(text)
    _check_offsets(content, ents)
    assert ents and all(e.backend == "crf" for e in ents)
    assert all(e.start > header for e in ents)
    found = {(e.text, e.type) for e in ents}
    for expected in [("العراق", "LOC"), ("الأنبار", "LOC"), ("واشنطن", "LOC"), ("التحالف الدولي", "ORG")]:
        assert expected in found


def test_proclitics_stay_outside():
    text = "وصل الوفد الأمريكي إلى بغداد ثم بالأنبار قبل أن يعود إلى وواشنطن."
    ents = tag_entities(text, backend="crf")
    _check_offsets(text, ents)
    texts = {e.text for e in ents}
    assert "الأنبار" in texts and "بالأنبار" not in texts
    assert not any(t.startswith("وواشنطن") for t in texts)


@pytest.mark.parametrize(
    "word, known, stripped",
    [
        ("وواشنطن", {"واشنطن": 5}, "واشنطن"),
        ("واشنطن", {"واشنطن": 5}, "واشنطن"),
        ("بالأنبار", {}, "الأنبار"),
        ("للقوات", {}, "لقوات"),
        ("وبغداد", {"بغداد": 3}, "بغداد"),
        ("لبنان", {"لبنان": 3}, "لبنان"),
        ("فبالأنبار", {}, "الأنبار"),
        ("وَبِغداد", {"بغداد": 3}, "بِغداد"),
    ],
)
def test_proclitic_length(word, known, stripped):
    assert word[proclitic_length(word, known):] == stripped


def test_canonical_forms():
    assert canonical_form("قاعدة عين الأسد", "LOC") == "عين الأسد"
    assert canonical_form("لقوات الأميركية", "ORG", elided_alef=True) == "القوات الأمريكية"
    assert canonical_form("الجيشُ العراقي", "ORG") == "الجيش العراقي"


def test_grouping_merges_variants():
    mentions = [("ORG", "التحالف"), ("ORG", "التحالف الدولي"), ("ORG", "التحالف الدولي"),
                ("LOC", "عين الأسد"), ("LOC", "عين الاسد"), ("PERS", "جونسون"), ("PERS", "باري جونسون"),
                ("ORG", "الجيش"), ("ORG", "الجيش العراقي"), ("ORG", "الجيش الأمريكي")]
    g = group_canonicals(mentions)
    assert g[("ORG", "التحالف")] == "التحالف الدولي"
    assert g[("LOC", "عين الاسد")] == g[("LOC", "عين الأسد")]
    assert g[("PERS", "جونسون")] == "باري جونسون"
    assert g[("ORG", "الجيش")] == "الجيش"  # two different armies: not merged


def test_entity_column_groups_a_mention_table():
    mentions = {"type": ["ORG", "ORG", "ORG", "LOC"], "canonical": ["التحالف", "التحالف الدولي", "التحالف الدولي", "عين الاسد"]}
    assert entity_column(mentions) == ["التحالف الدولي", "التحالف الدولي", "التحالف الدولي", "عين الاسد"]
    assert entity_column({"type": [], "canonical": []}) == []


@pytest.mark.parametrize(("word", "normal", "core_"), [
    ("وبالعراق", "وبالعراق", "عراق"), ("للقوات", "للقوات", "قوات"), ("الحكومةُ", "الحكومه", "حكومه"),
    ("مسؤول", "مسوول", "مسوول"), ("٢٠٢٤", "2024", "2024"), ("ولد", "ولد", "ولد"), ("والد", "والد", "الد"),
    ("ببغداد", "ببغداد", "ببغداد"), ("\u200fبغداد", "بغداد", "بغداد"),
])
def test_entity_word_forms(word, normal, core_):
    assert norm(word) == normal
    assert core(norm(word)) == core_


def test_longest_matches_and_bio_marks():
    table = {("عين", "الاسد"): "LOC", ("عين",): "MISC", ("التحالف", "الدولي"): "ORG"}
    keys = ["في", "عين", "الاسد", "و", "عين", "التحالف", "الدولي"]
    spans = longest_matches(keys, table, 2, {"عين", "التحالف"})
    assert spans == [(1, 3, "LOC"), (4, 5, "MISC"), (5, 7, "ORG")]
    assert mark_spans([""] * 7, spans) == ["", "B-LOC", "I-LOC", "", "B-MISC", "B-ORG", "I-ORG"]
    free = [True, True, False, True, True, True, True]  # a match may not cover a taken position
    assert longest_matches(keys, table, 2, {"عين", "التحالف"}, free=free)[0] == (1, 2, "MISC")


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n ", "The US-led coalition will leave Iraq by September 2026.", "123 4567 ٢٠٢٤ 3.14",
     "..!!؟؟،،", "بغداد " * 20000],
)
def test_robust_inputs(text):
    ents = tag_entities(text, backend="crf")
    _check_offsets(text, ents)
    if not text.strip() or not any(c.isalpha() for c in text):
        assert ents == []


def test_hundred_thousand_character_line():
    text = ("قال وزير الدفاع الأمريكي في واشنطن إن القوات ستغادر العراق " * 2000)[:100_000]
    ents = tag_entities(text, backend="crf")
    _check_offsets(text, ents)
    assert sum(e.text == "واشنطن" for e in ents) > 1000


def test_shipped_model_is_small_and_loads():
    """Size limit of the package; load time is measured by benchmarks/ner.py, not here."""
    folder = default_model_dir()
    size = sum(p.stat().st_size for p in folder.iterdir())
    assert size < 25_000_000
    load_model.cache_clear()
    assert load_model() is not None


def test_unknown_backend_is_an_expected_error():
    from analysis.errors import AnalysisError

    with pytest.raises(AnalysisError):
        tag_entities("بغداد", backend="spacy")
    with pytest.raises(AnalysisError):
        tag_entities("بغداد", backend="camel")  # none installed here


def test_cli_entities_json(capsys):
    assert main(["entities", str(ARTICLE), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    content = ARTICLE.read_text(encoding="utf-8")
    header = content.index("\n")
    assert rows and set(rows[0]) == {"start", "end", "text", "type", "canonical"}
    for r in rows:
        assert content[r["start"]:r["end"]] == r["text"] and r["start"] > header


def test_cli_entities_missing_file(capsys, tmp_path):
    assert main(["entities", str(tmp_path / "nope.txt")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_entities_frame_and_counts():
    from analysis.corpus import load_corpus
    from analysis.entities import entities_frame, entity_counts
    from analysis.entities.frame import cooccurrences, top_entities

    corpus = load_corpus([NER / "articles"])
    df = entities_frame(corpus, backend="crf")
    assert {"article_id", "path", "sentence", "start", "end", "text", "type", "canonical", "entity", "backend"} <= set(df.columns)
    content = ARTICLE.read_text(encoding="utf-8")
    for r in df.itertuples():
        assert content[r.start:r.end] == r.text
    counts = entity_counts(df)
    assert counts["mentions"].sum() == len(df)
    iraq = counts[(counts["entity"] == "العراق") & (counts["type"] == "LOC")]
    assert int(iraq["mentions"].iloc[0]) == 2
    assert len(top_entities(df, n=2)) <= 8
    co = cooccurrences(df)
    assert (co["sentences"] >= 1).all() and (co["entity_a"] != co["entity_b"]).all()
    per_article = entity_counts(df, by_article=True)
    assert per_article["mentions"].sum() == len(df)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = ["بغداد", "وواشنطن", "بالأنبار", "للقوات", "الأمريكية", "التحالف", "الدولي", "قال", "في", "،", ".",
          "\n", "  ", "2024", "٢٠٢٤", "Iraq", "😀", "\u200f", "ـ", "وَ", "ل", "و"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), max_size=40))
def test_offsets_always_slice_back(parts):
    text = " ".join(parts)
    ents = tag_entities(text, backend="crf")
    _check_offsets(text, ents)
    assert all(e.start < e.end for e in ents)
