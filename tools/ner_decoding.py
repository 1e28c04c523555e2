"""Recall-oriented decoding of the NER CRF on a tuning slice (never the test): fifth round, docs/NER.md.

Three decoders trade the tagger's precision for recall, each swept over its setting and scored as
the CoNLL evaluation scores (25-sentence documents, the rules and the consistency pass, conlleval
exact match):
- ``theta``: after Viterbi, a token tagged O whose marginal P(O) is below θ takes its most probable
  other label;
- ``alpha``: posterior decoding, the IOB-valid path with the largest sum of log marginals, P(O)
  multiplied by α;
- ``bias``: Viterbi over the model's own state and transition weights with the O label's state score
  lowered by b (b = 0 is crfsuite's Viterbi: the tool checks that it agrees on every sentence).
It also prints where the entity tokens Viterbi misses stand: their P(O) by tenth. Usage, after
``tools/ner_slice.py ... --keep MODEL --dump DIR``:
    python tools/ner_decoding.py MODEL DIR
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from analysis.entities.conll import read_conll
from analysis.entities.crf import CRFModel
from analysis.evaluation.ner_eval import DOC_SENTENCES, score_conll

THETAS = (0.5, 0.6, 0.7, 0.8, 0.9)
ALPHAS = (1.0, 0.8, 0.6, 0.4, 0.2)
BIASES = (0.25, 0.5, 1.0, 1.5)

Marginals = list[dict[str, float]]


def marginals(tagger, xseq: list[list[str]]) -> tuple[list[str], Marginals]:
    """Viterbi tags and every label's marginal probability at every position of one sentence."""
    tags = tagger.tag(xseq)
    labels = tagger.labels()
    return tags, [{lab: tagger.marginal(lab, t) for lab in labels} for t in range(len(xseq))]


def relabel_unsure(tags: Sequence[str], marg: Marginals, theta: float) -> list[str]:
    """Tokens tagged O with P(O) < θ take their most probable non-O label (an ``I-`` label after O
    or another type starts a new entity, as ``bio_spans`` reads it)."""
    out = list(tags)
    for t, probs in enumerate(marg):
        if out[t] == "O" and probs["O"] < theta:
            out[t] = max((lab for lab in probs if lab != "O"), key=lambda lab: (probs[lab], lab))
    return out


def iob_allowed(labels: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(previous x current) matrix of allowed IOB2 transitions, and the labels a sentence may start with."""
    allowed = np.array([[not (c.startswith("I-") and p[2:] != c[2:]) for c in labels] for p in labels])
    start = np.array([not lab.startswith("I-") for lab in labels])
    return allowed, start


def best_path(scores: np.ndarray, transitions: np.ndarray, start: np.ndarray | None = None) -> list[int]:
    """Label indices of the path with the largest sum of position scores and transition scores."""
    n = len(scores)
    score = scores[0] if start is None else np.where(start, scores[0], -math.inf)
    back = np.zeros((n, scores.shape[1]), dtype=int)
    for t in range(1, n):
        cand = score[:, None] + transitions
        back[t] = cand.argmax(0)
        score = cand.max(0) + scores[t]
    path = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        path.append(int(back[t][path[-1]]))
    return path[::-1]


def posterior_decode(marg: Marginals, labels: Sequence[str], alpha: float) -> list[str]:
    """The IOB-valid path with the largest sum of log marginals, P(O) scaled by α."""
    probs = np.array([[m[lab] for lab in labels] for m in marg])
    probs[:, list(labels).index("O")] *= alpha
    allowed, start = iob_allowed(labels)
    path = best_path(np.log(np.maximum(probs, 1e-300)), np.where(allowed, 0.0, -math.inf), start)
    return [labels[k] for k in path]


class WeightViterbi:
    """Viterbi from the model's own weights (``Tagger.info()``), the O state score lowered by ``bias``."""

    def __init__(self, tagger):
        info = tagger.info()
        self.labels = tagger.labels()
        index = {lab: i for i, lab in enumerate(self.labels)}
        self.o = index["O"]
        self.weights: dict[str, np.ndarray] = {}
        for (attr, lab), w in info.state_features.items():
            self.weights.setdefault(attr, np.zeros(len(self.labels)))[index[lab]] += w
        self.transitions = np.zeros((len(self.labels), len(self.labels)))
        for (a, b), w in info.transitions.items():
            self.transitions[index[a], index[b]] = w

    def state_scores(self, xseq: list[list[str]]) -> np.ndarray:
        """Position x label state scores of one featurized sentence (features of value 1)."""
        zero = np.zeros(len(self.labels))
        return np.array([sum((self.weights.get(f, zero) for f in feats), zero.copy()) for feats in xseq])

    def decode(self, scores: np.ndarray, bias: float = 0.0) -> list[str]:
        scores = scores.copy()
        scores[:, self.o] -= bias
        return [self.labels[k] for k in best_path(scores, self.transitions)]


def score_tags(model: CRFModel, sents, tag_lists: list[list[str]]):
    """CoNLL-evaluation scores of given tagger outputs: 25-sentence documents, rules and consistency."""
    preds: list[list[str]] = []
    for a in range(0, len(sents), DOC_SENTENCES):
        words = [w for w, _ in sents[a : a + DOC_SENTENCES]]
        cores = [[model.featurizer.core_of(w) for w in ws] for ws in words]
        tags = [list(t) for t in tag_lists[a : a + DOC_SENTENCES]]
        preds.extend(model.rules.apply(words, cores, tags, articles=False).tags)
    return score_conll([t for _, t in sents], preds)


def line(name: str, scores) -> str:
    mi = scores["micro"]
    per = " ".join(f"{k} {scores[k].f1:.3f}" for k in ("PERS", "LOC", "ORG", "MISC") if k in scores)
    return f"{name:<14} F1 {mi.f1:.4f}  P {mi.p:.3f}  R {mi.r:.3f}   {per}"


def sweep(model: CRFModel, sents, out: Callable[[str], None] = print) -> dict[str, float]:
    """Score every decoder setting on the sentences; returns micro-F1 by setting name."""
    xs = [model.featurizer.sentence(w) if w else [] for w, _ in sents]
    vit, marg = [], []
    for x in xs:
        tags, m = marginals(model.tagger, x) if x else ([], [])
        vit.append(tags)
        marg.append(m)
    labels = model.tagger.labels()
    weights = WeightViterbi(model.tagger)
    states = [weights.state_scores(x) if x else None for x in xs]
    own = [weights.decode(s) if s is not None else [] for s in states]
    agree = sum(a == b for a, b in zip(own, vit))
    out(f"own Viterbi (bias 0) agrees with crfsuite on {agree} of {len(vit)} sentences")
    results: dict[str, float] = {}

    def report(name: str, tag_lists: list[list[str]]) -> None:
        scores = score_tags(model, sents, tag_lists)
        results[name] = scores["micro"].f1
        out(line(name, scores))

    report("viterbi", vit)
    for theta in THETAS:
        report(f"theta {theta}", [relabel_unsure(v, m, theta) for v, m in zip(vit, marg)])
    for alpha in ALPHAS:
        report(f"alpha {alpha}", [posterior_decode(m, labels, alpha) if m else [] for m in marg])
    for bias in BIASES:
        report(f"bias {bias}", [weights.decode(s, bias) if s is not None else [] for s in states])
    missed: Counter = Counter()
    for (_, gold), tags, m in zip(sents, vit, marg):
        for t, g in enumerate(gold):
            if g != "O" and tags[t] == "O":
                missed[min(9, int(m[t]["O"] * 10))] += 1
    total = sum(missed.values()) or 1
    out("missed entity tokens by P(O): " + ", ".join(
        f"{k / 10:.1f}-{(k + 1) / 10:.1f}: {missed[k]}" for k in range(10) if missed[k]
    ) + f" ({missed[9] / total:.0%} at 0.9 or more)")
    return results


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model")
    ap.add_argument("dump", help="folder with slice_dev.txt (ner_slice.py --dump)")
    args = ap.parse_args(argv)
    sweep(CRFModel(Path(args.model)), read_conll(Path(args.dump) / "slice_dev.txt"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
