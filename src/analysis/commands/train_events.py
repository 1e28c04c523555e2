"""``analysis train-events SET... --out DIR``: train the learned event trigger tagger (CRF).

Rebuilds the shipped model (``src/analysis/data/events/trigger_crf``) from the annotated writer
sets; the run is deterministic. See docs/TIMELINE_EVAL.md, "The learned trigger tagger".
"""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("train-events", help="train the learned event trigger tagger (CRF)")
    parser.add_argument("sets", nargs="+", metavar="SET",
                        help="a gold event folder (articles beside it) or GOLD_DIR=CORPUS[,CORPUS...]")
    parser.add_argument("--out", required=True, help="model folder to write (model.crfsuite, meta.json)")
    parser.add_argument("--min-marginal", type=float, default=None,
                        help="smallest CRF marginal a proposed trigger needs on each token (default 0.5)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from analysis.events.learned_train import EventSet, TriggerTrainConfig, train_trigger_model

    config = TriggerTrainConfig()
    if args.min_marginal is not None:
        config.min_marginal = args.min_marginal
    out = train_trigger_model([EventSet.parse(s) for s in args.sets], Path(args.out), config)
    print(f"wrote {out / 'model.crfsuite'} and {out / 'meta.json'}")
    return 0
