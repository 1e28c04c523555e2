"""``analysis review [--corpus PATH...] [--review FILE]``: write or update the timeline's review table.

One row per timeline entry, by its stable id (``analysis.review``): earlier decisions are kept,
new entries appended unreviewed, rows whose entry is gone kept and reported. Edit the table in a
spreadsheet or text editor, then ``analysis figures`` or ``make figures`` draw the reviewed timeline.
"""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("review", help="write or update the timeline review table (reviews/timeline.csv)")
    parser.add_argument("--corpus", nargs="+", default=None, metavar="PATH",
                        help="article files or folders (default: $ANALYSIS_CORPUS, else seeds/)")
    parser.add_argument("--review", default=None, metavar="FILE",
                        help="the review table (default: $ANALYSIS_REVIEW, else reviews/timeline.csv)")
    parser.add_argument("--skip-errors", action="store_true", help="process the good files, report the bad ones")
    parser.add_argument("--no-cache", action="store_true", help="recompute every article's results")
    parser.add_argument("--quiet", action="store_true", help="print nothing but warnings and errors")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from analysis.corpus import Problem
    from analysis.review import update_review
    from analysis.study import Study

    study = Study.load(args.corpus, use_cache=not args.no_cache, errors="skip" if args.skip_errors else "raise",
                       progress=False if args.quiet else None, review=args.review)  # fmt: skip
    for problem in study.problems.to_dict("records"):
        line = problem["line"] if problem["line"] == problem["line"] and problem["line"] else None  # NaN: none
        print(f"analysis review: {Problem(**problem | {'line': line and int(line)})}", file=sys.stderr)
    summary = update_review(study.extracted_entries, study.review_path)
    first, *warnings = summary.lines()
    if not args.quiet:
        print(first)
    for line in warnings:
        print(f"analysis review: {line}", file=sys.stderr)
    return 0
