"""The learned trigger tagger: it proposes triggers the lexicon lacks, and the rules still judge them.

A tiny CRF is trained here on sentences written for the test, around a verb no lexicon row has
(``زحزح``, "to shift"), so that each test can fail: without the model the verb is no event.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.corpus import load_article
from analysis.events import extract_events, learned, lexicon
from analysis.events.learned_train import EventSet, TriggerTrainConfig, train_trigger_model
from analysis.text import tokens
from helpers import article_text, body_events, write_article

SUBJECTS = ["القوات الأمريكية", "قوات التحالف", "الجيش الأمريكي", "الوحدات الأجنبية", "القوات البريطانية"]
PLACES = ["قاعدة حرير", "قاعدة عين الأسد", "مطار أربيل", "قاعدة فكتوريا", "معسكر التاجي"]
DAYS = ["الثالث من آذار", "العاشر من نيسان", "منتصف أيار", "الخامس من حزيران", "مطلع تموز"]
FORMS = ["زحزحت", "وزحزحت", "زحزحة", "بزحزحة", "تزحزح"]
FILLER = ["وقال مسؤول عسكري إن الأجواء هادئة في المدينة.", "وأضاف أن الاجتماع ناقش ملفات الخدمات والكهرباء."]


def _training_set(folder: Path) -> Path:
    """Twenty-five short articles, each with one ``زحزح`` redeployment annotated as gold."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(25):
        form = FORMS[k % 5]
        body = f"{FORMS[k % 5]} {SUBJECTS[k % 5]} معداتها من {PLACES[(k // 5) % 5]} في {DAYS[(k + k // 5) % 5]} 2025. {FILLER[k % 2]}"
        text = article_text("2025-12-31", f"https://example.org/{k}", "تقرير", body)
        name = f"T{k:02d}_case.txt"
        write_article(folder, name, text)
        start = text.index(body)
        gold = {"file": name, "dct": "2025-12-31", "events": [{
            "trigger": {"start": start, "end": start + len(form), "text": form}, "type": "redeployment",
            "date": None, "status": "occurred", "place": None, "actors": []}]}
        (folder / f"T{k:02d}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("learned")
    sets = [EventSet.parse(str(_training_set(root / "set")))]
    return train_trigger_model(sets, root / "model", TriggerTrainConfig(max_iterations=40))


@pytest.fixture(scope="module")
def model(model_dir: Path) -> learned.TriggerModel:
    return learned.open_model(model_dir)


SENTENCE = "وزحزحت القوات الأمريكية معداتها من قاعدة حرير في الثالث من آذار 2025."


def test_the_verb_is_not_in_the_lexicon() -> None:
    assert not lexicon.find_triggers(list(tokens("زحزحت القوات معداتها")))


def test_without_a_model_the_verb_is_no_event(tmp_path: Path, model: learned.TriggerModel) -> None:
    with learned.use_model(None):
        assert not [e for e in body_events(tmp_path, SENTENCE) if e.type == "redeployment"]


def test_a_learned_trigger_goes_through_dating_status_and_place(tmp_path: Path, model: learned.TriggerModel) -> None:
    with learned.use_model(model):
        events = [e for e in body_events(tmp_path, SENTENCE) if e.type == "redeployment"]
    assert len(events) == 1
    e = events[0]
    assert e.trigger == "وزحزحت"
    assert (e.date, e.status, e.place) == ("2025-03-03", "occurred", "حرير")
    content = Path(e.file).read_text(encoding="utf-8")
    assert content[e.trigger_start : e.trigger_end] == e.trigger


def test_a_learned_trigger_is_planned_under_future_words(tmp_path: Path, model: learned.TriggerModel) -> None:
    body = "ومن المقرر أن تتم زحزحة القوات الأمريكية من قاعدة حرير في الثالث من آذار 2026."
    with learned.use_model(model):
        events = [e for e in body_events(tmp_path, body) if e.type == "redeployment"]
    assert [(e.date, e.status) for e in events] == [("2026-03-03", "planned")]


def test_a_denied_learned_trigger_is_dropped_by_the_modality_rules(tmp_path: Path, model: learned.TriggerModel) -> None:
    body = "ونفت وزارة الدفاع زحزحة القوات الأمريكية من قاعدة حرير في الثالث من آذار 2025."
    with learned.use_model(model):
        proposed = learned.learned_matches(list(tokens(body)), [], True)
        events = [e for e in body_events(tmp_path, body) if e.type == "redeployment"]
    assert proposed, "the CRF proposes the verb; the modality rules must drop it"
    assert events == []


def test_lexicon_forms_are_never_overridden(model: learned.TriggerModel) -> None:
    toks = list(tokens("انسحبت القوات الأمريكية من قاعدة حرير"))
    matches = lexicon.find_triggers(toks)
    assert matches
    learned_spans = learned.learned_matches(toks, matches, False, model)
    taken = {i for m in matches for i in range(m.first, m.last + 1)}
    assert all(i not in taken for m in learned_spans for i in range(m.first, m.last + 1))


def test_the_threshold_filters_proposals(model_dir: Path) -> None:
    toks = list(tokens(SENTENCE))
    loose = learned.open_model(model_dir)
    strict = learned.TriggerModel(loose.tagger, 1.01)
    assert learned.learned_matches(toks, [], True, loose)
    assert learned.learned_matches(toks, [], True, strict) == []


def test_training_is_deterministic(tmp_path: Path) -> None:
    sets = [EventSet.parse(str(_training_set(tmp_path / "set")))]
    a = train_trigger_model(sets, tmp_path / "a", TriggerTrainConfig(max_iterations=20))
    b = train_trigger_model(sets, tmp_path / "b", TriggerTrainConfig(max_iterations=20))
    assert (a / "model.crfsuite").read_bytes() == (b / "model.crfsuite").read_bytes()
    assert (a / "meta.json").read_text() == (b / "meta.json").read_text()


def test_bio_round_trip() -> None:
    toks = list(tokens("بدأت القوات إعادة تموضع واسعة"))
    spans = [(toks[2].start, toks[3].end, "redeployment")]
    tags = learned.bio_tags(toks, spans)
    assert tags == ["O", "O", "B-redeployment", "I-redeployment", "O"]
    assert learned.bio_spans(tags) == [(2, 3, "redeployment")]


def test_the_shipped_model_fits_the_installed_features() -> None:
    meta = json.loads((learned.MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["features"] == learned.feature_hash(), "retrain: analysis train-events (docs/TIMELINE_EVAL.md)"


def test_train_events_on_a_missing_folder_is_one_clear_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    proc = subprocess.run([sys.executable, "-m", "analysis.cli", "train-events", str(missing), "--out", str(tmp_path / "m")],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert str(missing) in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "m").exists()


def _match(text: str, word: str) -> tuple[list, lexicon.TriggerMatch]:
    toks = list(tokens(text))
    return toks, next(m for m in lexicon.find_triggers(toks) if toks[m.first].text == word)


@pytest.mark.parametrize("text, word, expected", [
    ("وقالت الحكومة إنها ستخفض الضرائب على الشركات الصغيرة", "ستخفض", False),  # not about the story
    ("وقالت الحكومة إنها ستخفض الضرائب على الشركات قرب القواعد النفطية", "ستخفض", False),  # another object
    ("وأكد المتحدث أن واشنطن ستخفض عدد جنودها في البلاد", "ستخفض", True),
    ("وتحدث التقرير عن خفض القوات في قاعدة حرير", "خفض", True),
])
def test_the_tagger_stands_in_for_a_failed_rule_only_in_the_story(text: str, word: str, expected: bool) -> None:
    from analysis.events.triggers import rescuable
    toks, m = _match(text, word)
    assert rescuable(toks, m) is expected


def test_a_rescue_takes_the_lexicon_row_of_the_tagged_type(model: learned.TriggerModel) -> None:
    toks, m = _match("وأكد المتحدث أن واشنطن ستخفض عدد جنودها", "ستخفض")
    row = learned.rescue(m, [(m.first, m.last, "withdrawal")], model)
    assert row is not None and row.type == "withdrawal" and row in lexicon.alternatives(m)
    assert row.rule != learned.LEARNED_RULE  # the row's own rule name: later screens still apply
    assert learned.rescue(m, [(m.first, m.last, "vote")], model) is None  # a type the lexicon does not list
    assert learned.rescue(m, [], model) is None  # not tagged
    off = learned.TriggerModel(model.tagger, model.min_marginal, rescue=False)
    assert learned.rescue(m, [(m.first, m.last, "withdrawal")], off) is None


@pytest.mark.parametrize("word, expected", [
    ("كان", False), ("وكان", False), ("كأن", False),
    ("أن", True), ("وأن", True), ("بأن", True), ("لأن", True), ("فإن", True), ("وإنها", True),
])
def test_complementizers_are_read_as_written(word: str, expected: bool) -> None:
    tok = list(tokens(word))
    assert lexicon.is_cue(tok[0], "complementizers") is expected
    assert lexicon.has_complementizer(tok, 0, 1) is expected


def test_the_evidence_lists_the_events_only_the_tagger_gives(tmp_path: Path, model: learned.TriggerModel) -> None:
    from analysis.evidence import learned_events
    from analysis.study import Study

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = SENTENCE + "\n\nوانسحبت القوات البريطانية من قاعدة التاجي في العاشر من نيسان 2025."
    write_article(corpus, "001_case.txt", article_text("2025-12-31", "https://example.org/case", "تقرير", body))
    with learned.use_model(model):
        study = Study.load(corpus, use_cache=False, review=tmp_path / "review.csv")
        found = learned_events(study)
    assert set(study.events["type"]) >= {"redeployment", "withdrawal"}
    assert found["trigger"].tolist() == ["وزحزحت"]  # the lexicon's withdrawal is not listed
    with learned.use_model(None):
        assert learned_events(Study.load(corpus, use_cache=False, review=tmp_path / "review.csv")).empty
