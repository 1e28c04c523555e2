"""``analysis figures [--corpus PATH...] [--out DIR] [--labels ar|en] [filters]``: every figure without Jupyter.

Writes each figure as PNG + SVG with the CSV behind it, and the interactive timeline
(``withdrawal_timeline.html``); every word in the language of ``--labels``.
"""

from __future__ import annotations

import argparse
import sys

from analysis.commands.columns import add_column_options, apply_column_options
from analysis.commands.figure_options import add_figure_options, figure_options


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("figures", help="regenerate every figure (PNG, SVG, the CSV behind it, the HTML timeline)")
    parser.add_argument("--corpus", nargs="+", default=None, metavar="PATH",
                        help="article files, folders or archives (.jsonl, .csv, .parquet) (default: $ANALYSIS_CORPUS, "
                             "else seeds/)")
    add_figure_options(parser)
    parser.add_argument("--no-cache", action="store_true", help="recompute every article's results")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")
    add_column_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from analysis.report import make_all_figures
    from analysis.study import Study

    options = figure_options(args)  # a bad filter stops here, before the corpus is read
    apply_column_options(args, args.corpus)
    study = Study.load(args.corpus, use_cache=not args.no_cache, progress=False if args.quiet else None)
    written = make_all_figures(study, directory=args.out, quiet=args.quiet, **options)
    for line in study.review.warnings():  # a reviewer's decision that applies to nothing is never silent
        print(f"analysis figures: warning: {line}", file=sys.stderr)
    if not args.quiet:
        for path in written:
            print(path)
    return 0
