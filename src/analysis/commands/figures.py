"""``analysis figures [--corpus PATH...] [--out DIR]``: regenerate every figure without Jupyter."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("figures", help="regenerate every figure (PNG, SVG and the CSV behind it)")
    parser.add_argument("--corpus", nargs="+", default=None, metavar="PATH",
                        help="article files or folders (default: $ANALYSIS_CORPUS, else seeds/)")
    parser.add_argument("--out", default=None, help="output folder (default: $ANALYSIS_FIGURES_DIR, else figures/)")
    parser.add_argument("--no-cache", action="store_true", help="recompute every article's results")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from analysis.report import make_all_figures
    from analysis.study import Study

    study = Study.load(args.corpus, use_cache=not args.no_cache, progress=False if args.quiet else None)
    written = make_all_figures(study, directory=args.out, quiet=args.quiet)
    if not args.quiet:
        for path in written:
            print(path)
    return 0
