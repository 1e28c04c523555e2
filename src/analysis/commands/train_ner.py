"""``analysis train-ner --train FILE... --out DIR [--gold DIR --corpus DIR...]``: train the offline CRF.

Rebuilds the shipped model (``src/analysis/data/ner/crf``) from ANERcorp's CAMeL Lab train split
plus the domain gold; the run is deterministic (fixed seed, fixed data order). See docs/NER.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("train-ner", help="train the offline NER model (CRF)")
    parser.add_argument("--train", nargs="+", required=True, metavar="FILE",
                        help="CoNLL files (token TAG per line, IOB2), e.g. ANERCorp_CamelLab_train.txt")
    parser.add_argument("--out", required=True, help="model folder to write")
    parser.add_argument("--gold", default=None, help="folder of span JSON gold (docs/ANNOTATION.md) to add")
    parser.add_argument("--corpus", nargs="*", default=[], help="article files/folders the gold describes")
    parser.add_argument("--exclude", nargs="*", default=None,
                        help="gold file stems held out from training (default: the documented held-out list)")
    parser.add_argument("--lexicon-conll", nargs="*", default=[], metavar="PATH",
                        help="CoNLL files or folders used only as a name lexicon (e.g. AQMAR articles/)")
    parser.add_argument("--domain-weight", type=int, default=None, help="times each gold sentence is repeated")
    parser.add_argument("--c1", type=float, default=None, help="L1 regularisation")
    parser.add_argument("--c2", type=float, default=None, help="L2 regularisation")
    parser.add_argument("--iterations", type=int, default=None, help="L-BFGS iterations")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default 13)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from analysis.entities.train import HELD_OUT, TrainConfig, train_model
    from analysis.errors import AnalysisError

    cfg = TrainConfig()
    for name, attr in (("domain_weight", "domain_weight"), ("c1", "c1"), ("c2", "c2"),
                       ("iterations", "max_iterations"), ("seed", "seed")):
        value = getattr(args, name)
        if value is not None:
            setattr(cfg, attr, value)
    for f in args.train:
        if not Path(f).is_file():
            raise AnalysisError(f"{f}: no such training file")
    if args.gold and not args.corpus:
        raise AnalysisError("--gold needs --corpus (the article files the gold describes)")
    for f in args.lexicon_conll:
        if not Path(f).exists():
            raise AnalysisError(f"{f}: no such lexicon file or folder")
    cfg.lexicon_files = [Path(f) for f in args.lexicon_conll]
    exclude = set(HELD_OUT if args.exclude is None else args.exclude)
    train_model([Path(f) for f in args.train], Path(args.out), gold_dir=Path(args.gold) if args.gold else None,
                corpus=[Path(c) for c in args.corpus], exclude=exclude, config=cfg)
    return 0
