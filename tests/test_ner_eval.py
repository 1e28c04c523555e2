"""NER scoring: exact and relaxed span matching, conlleval-style CoNLL scoring, the CLI."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from seqeval.metrics import f1_score, precision_score, recall_score

from analysis.cli import main
from analysis.entities.spans import bio_spans
from analysis.evaluation.ner_eval import score_conll, score_exact, score_relaxed

NER = Path(__file__).resolve().parent / "fixtures" / "ner"


def test_exact_needs_same_offsets_and_type():
    gold = [(0, 5, "LOC"), (10, 20, "ORG")]
    pred = [(0, 5, "LOC"), (10, 19, "ORG"), (30, 35, "PERS")]
    s = score_exact(gold, pred)
    assert (s["micro"].tp, s["micro"].pred, s["micro"].gold) == (1, 3, 2)
    assert s["LOC"].f1 == 1.0 and s["ORG"].tp == 0 and s["PERS"].pred == 1


def test_relaxed_is_overlap_same_type_one_to_one():
    gold = [(0, 10, "ORG"), (12, 15, "LOC")]
    # two predictions overlap the first gold span: only one may count
    pred = [(0, 4, "ORG"), (5, 10, "ORG"), (12, 15, "PERS")]
    s = score_relaxed(gold, pred)
    assert s["micro"].tp == 1
    assert s["ORG"].p == 0.5 and s["ORG"].r == 1.0
    assert s["LOC"].r == 0.0  # overlapping but of another type


def test_relaxed_prefers_largest_overlap():
    gold = [(0, 10, "ORG"), (11, 20, "ORG")]
    pred = [(0, 20, "ORG")]
    s = score_relaxed(gold, pred)
    assert s["micro"].tp == 1 and s["micro"].pred == 1


def _random_tags(rng: random.Random, n: int) -> list[str]:
    return [rng.choice(["O", "O", "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]) for _ in range(n)]


def test_conll_scores_agree_with_seqeval():
    rng = random.Random(7)
    gold = [_random_tags(rng, rng.randint(1, 15)) for _ in range(300)]
    pred = [[t if rng.random() < 0.7 else rng.choice(["O", "B-LOC", "I-ORG", "B-PERS"]) for t in g] for g in gold]
    ours = score_conll(gold, pred)["micro"]
    assert ours.p == pytest.approx(precision_score(gold, pred))
    assert ours.r == pytest.approx(recall_score(gold, pred))
    assert ours.f1 == pytest.approx(f1_score(gold, pred))


def test_bio_spans_conlleval_rules():
    assert bio_spans(["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PERS"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG"),
    ]


def test_cli_evaluate_conll(capsys):
    assert main(["evaluate", "ner", str(NER / "tiny_test.conll"), "--backend", "crf"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1].startswith("micro-F1 ") and len(out[-1].split()[1]) == 5
    assert any(line.startswith("PERS") for line in out)


def test_cli_evaluate_spans(capsys):
    code = main(["evaluate", "ner", str(NER / "gold"), str(NER / "articles"), "--backend", "crf"])
    assert code == 0
    out = capsys.readouterr().out
    assert "exact match" in out and "relaxed match" in out
    f1 = float(out.strip().splitlines()[-1].split()[1])
    assert f1 >= 0.7  # the fixture article is plain coalition news; the shipped model must do well


def test_cli_evaluate_missing_articles(capsys, tmp_path):
    assert main(["evaluate", "ner", str(NER / "gold"), str(tmp_path)]) == 2
    assert "no gold file" in capsys.readouterr().err
