"""``analysis figures [--corpus DIR] [--out DIR]``: regenerate every figure without Jupyter."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("figures", help="regenerate every figure (PNG, SVG and the CSV behind it)")
    parser.add_argument("--corpus", nargs="+", default=["seeds"], metavar="PATH", help="article files/folders (default: seeds)")
    parser.add_argument("--out", default=None, help="output folder (default: figures/ or $ANALYSIS_FIGURES_DIR)")
    parser.add_argument("--no-cache", action="store_true", help="recompute every article's results")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from analysis.report import make_all_figures

    written = make_all_figures(args.corpus, directory=args.out, quiet=args.quiet, use_cache=not args.no_cache)
    if not args.quiet:
        for path in written:
            print(path)
    return 0
