"""Leave-one-set-out test of extraction with the learned trigger tagger, scored like ``evaluate timex``.

For each held-out set S, a CRF (``events.learned``) is trained on the other sets and extraction is
run on S with the rules alone and with rules + CRF at each ``--thresholds`` value (the smallest
marginal a proposed span needs). The score is the full event score of ``analysis evaluate timex``
(type, sentence and date; place and status accuracy on found events), so the CRF's proposals are
judged after the same modality, dating and status rules as the lexicon's.

Usage: python tools/event_learned_cv.py SET... [--thresholds 0.5 0.7 0.9]
where SET is GOLD_DIR or GOLD_DIR=CORPUS[,CORPUS...]. ``--score-only SET...`` names sets that are
scored but never trained on (e.g. a locked test set, scored once).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from functools import lru_cache
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from analysis.errors import AnalysisError
from analysis.evaluation.events_eval import event_recall
from analysis.events import learned
from analysis.events.learned_train import EventSet, TriggerTrainConfig, set_documents, set_sequences, train_sequences


@lru_cache(maxsize=None)
def gold_and_articles(event_set: EventSet) -> tuple[list[dict], list]:
    """The gold documents of one set that name an article, and those articles (read once per set)."""
    docs = set_documents(event_set)
    return [gold for _, gold, _ in docs], [article for _, _, article in docs]


def score(event_set: EventSet, model: learned.TriggerModel | None) -> dict:
    """``event_recall`` of one set with ``model`` (None: the rules alone)."""
    docs, articles = gold_and_articles(event_set)
    with learned.use_model(model):
        return event_recall(docs, articles)


def cell(r: dict) -> str:
    return f"{r['recall']:.3f}/{r['precision']:.3f}/{r['f1']:.3f} pl {r['place_acc']:.3f} st {r['status_acc']:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", help="GOLD_DIR or GOLD_DIR=CORPUS[,CORPUS...]")
    parser.add_argument("--thresholds", nargs="+", type=float, default=[0.5, 0.6, 0.7, 0.8, 0.9])
    parser.add_argument("--rescue", nargs="+", type=int, default=[0, 1], help="variants without (0) and with (1) rescue")
    parser.add_argument("--score-only", nargs="*", default=[], help="sets scored with a model trained on all SETs")
    parser.add_argument("--iterations", type=int, default=None, help="L-BFGS iterations (default: the shipped setting)")
    parser.add_argument("--c1", type=float, default=None)
    parser.add_argument("--c2", type=float, default=None)
    args = parser.parse_args(argv)
    cfg = TriggerTrainConfig()
    cfg.max_iterations = args.iterations or cfg.max_iterations
    cfg.c1 = cfg.c1 if args.c1 is None else args.c1
    cfg.c2 = cfg.c2 if args.c2 is None else args.c2
    try:
        sets = [EventSet.parse(s) for s in args.sets]
        seqs = {s: set_sequences(s) for s in sets}
        tests = [(s, [o for o in sets if o != s]) for s in sets] + [(EventSet.parse(s), sets) for s in args.score_only]
        print("held out | rules R/P/F1 place status | " + " | ".join(f"tau {t} rescue {r}" for t in args.thresholds for r in args.rescue))
        with tempfile.TemporaryDirectory() as tmp:
            for test, train in tests:
                path = Path(tmp) / "fold.crfsuite"
                train_sequences([q for s in train for q in seqs[s]], path, cfg)
                tagger = pycrfsuite.Tagger()
                tagger.open(str(path))
                row = [cell(score(test, None))]
                row += [cell(score(test, learned.TriggerModel(tagger, t, rescue))) for t in args.thresholds
                        for rescue in args.rescue]
                print(f"{test.gold.name} | " + " | ".join(row), flush=True)
    except AnalysisError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
