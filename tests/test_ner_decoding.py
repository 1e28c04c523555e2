"""tools/ner_decoding.py: the recall-oriented decoders of the fifth NER round, on a tiny trained model."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from analysis.cli import main
from analysis.entities.conll import read_conll
from analysis.entities.crf import CRFModel

ROOT = Path(__file__).resolve().parents[1]
NER = ROOT / "tests" / "fixtures" / "ner"


def _tool():
    spec = importlib.util.spec_from_file_location("ner_decoding", ROOT / "tools" / "ner_decoding.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    out = tmp_path_factory.mktemp("model")
    args = ["train-ner", "--train", str(NER / "tiny_train.txt"), "--out", str(out), "--iterations", "40"]
    assert main(args) == 0
    return CRFModel(out)


SENTENCES = [["قال", "سارة", "حسن", "في", "أربيل", "."], ["أعلنت", "وزارة", "الدفاع", "ذلك", "."],
             ["وصل", "كريم", "إلى", "الموصل", "أمس", "."]]


def test_own_viterbi_matches_crfsuite_and_the_bias_removes_o(tiny):
    tool = _tool()
    dec = tool.WeightViterbi(tiny.tagger)
    for words in SENTENCES:
        x = tiny.featurizer.sentence(words)
        scores = dec.state_scores(x)
        assert dec.decode(scores) == tiny.tagger.tag(x)
        assert "O" not in dec.decode(scores, bias=1e6)  # O made impossible
        assert dec.decode(scores, bias=-1e6) == ["O"] * len(words)  # O made certain


def test_marginals_sum_to_one_and_agree_with_viterbi(tiny):
    tool = _tool()
    x = tiny.featurizer.sentence(SENTENCES[0])
    tags, marg = tool.marginals(tiny.tagger, x)
    assert tags == tiny.tagger.tag(x)
    for probs in marg:
        assert sum(probs.values()) == pytest.approx(1.0, abs=1e-6)
    labels = tiny.tagger.labels()
    # α = 1 keeps the most probable IOB-valid path of marginals: here the Viterbi path
    assert tool.posterior_decode(marg, labels, 1.0) == tags
    assert "O" not in tool.posterior_decode(marg, labels, 1e-30)


def test_relabel_unsure_only_touches_o_below_theta():
    tool = _tool()
    marg = [
        {"O": 0.9, "B-PERS": 0.1, "I-PERS": 0.0},
        {"O": 0.4, "B-PERS": 0.2, "I-PERS": 0.4},
        {"O": 0.6, "B-PERS": 0.1, "I-PERS": 0.3},
        {"O": 0.1, "B-PERS": 0.9, "I-PERS": 0.0},
    ]
    tags = ["O", "O", "O", "B-PERS"]
    assert tool.relabel_unsure(tags, marg, 0.0) == tags
    assert tool.relabel_unsure(tags, marg, 0.5) == ["O", "I-PERS", "O", "B-PERS"]
    assert tool.relabel_unsure(tags, marg, 0.95) == ["B-PERS", "I-PERS", "I-PERS", "B-PERS"]


def test_iob_constraints_of_posterior_decoding():
    tool = _tool()
    labels = ["O", "B-LOC", "I-LOC", "B-PERS", "I-PERS"]
    # I-PERS is the most probable label at 1 but cannot follow B-LOC: the path must stay valid
    marg = [dict(zip(labels, p)) for p in ([0.0, 0.9, 0.0, 0.1, 0.0], [0.1, 0.0, 0.4, 0.0, 0.5])]
    path = tool.posterior_decode(marg, labels, 1.0)
    assert path in (["B-LOC", "I-LOC"], ["B-PERS", "I-PERS"])
    assert path == ["B-LOC", "I-LOC"]  # 0.9 * 0.4 > 0.1 * 0.5
    allowed, start = tool.iob_allowed(labels)
    assert not allowed[labels.index("O"), labels.index("I-LOC")] and not start[labels.index("I-PERS")]
    assert tool.best_path(np.log(np.array([[0.2, 0.8], [0.7, 0.3]])), np.zeros((2, 2))) == [1, 0]


def test_sweep_scores_every_setting(tiny):
    tool = _tool()
    lines: list[str] = []
    results = tool.sweep(tiny, read_conll(NER / "tiny_test.conll"), lines.append)
    assert lines[0].startswith("own Viterbi (bias 0) agrees with crfsuite on 2 of 2")
    expected = {"viterbi", *(f"theta {t}" for t in tool.THETAS), *(f"alpha {a}" for a in tool.ALPHAS),
                *(f"bias {b}" for b in tool.BIASES)}
    assert set(results) == expected and all(0.0 <= f <= 1.0 for f in results.values())
    assert lines[-1].startswith("missed entity tokens by P(O)")
