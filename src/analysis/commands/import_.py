"""``analysis import ARCHIVE... --out DIR [--columns ...] [--skip-errors]``: archive rows as article files.

Each good row is written as an article file (the same text its row renders to, so offsets and
citations stay the same) under ``DATE_SLUG.txt`` in ``DIR``, as ``analysis add`` names files;
a row that duplicates an article already in ``DIR`` (same URL or same text) is left out with a
warning. Bad rows are reported one line each (archive, row, problem), as bad files are; without
``--skip-errors`` nothing is written when any row is bad.
"""

from __future__ import annotations

import argparse
import sys

from analysis.commands.columns import add_column_options, apply_column_options


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("import", help="write the rows of an archive (JSONL, CSV, Parquet) as article files")
    parser.add_argument("archives", nargs="+", metavar="ARCHIVE", help="archive files (.jsonl, .csv, .parquet)")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder to write the article files into")
    parser.add_argument("--skip-errors", action="store_true", help="write the good rows, report the bad ones")
    parser.add_argument("--quiet", action="store_true", help="print nothing but problems")
    add_column_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from analysis.commands.add import CorpusIndex, canonical_name, write_new
    from analysis.corpus import Problem, iter_articles
    from analysis.errors import AnalysisError
    from analysis.ingest.archive import is_archive

    for name in args.archives:
        if not is_archive(name):
            raise AnalysisError(f"{name}: not an archive (expected .jsonl, .csv or .parquet)")
        if not Path(name).is_file():
            raise AnalysisError(f"{name}: no such file")
    apply_column_options(args, args.archives)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise AnalysisError(f"{out}: --out must be a folder")
    problems: list[Problem] = []
    # First pass: check every row, so that a bad archive writes nothing unless --skip-errors.
    n_good = sum(1 for _ in iter_articles(args.archives, errors="skip", problems=problems))
    errors = [p for p in problems if p.severity == "error"]
    for problem in problems:
        print(f"analysis import: {problem}", file=sys.stderr)
    if errors and not args.skip_errors:
        print(f"analysis import: {len(errors)} row(s) could not be read; nothing written "
              "(use --skip-errors to import the good rows)", file=sys.stderr)
        return 2
    if n_good == 0:
        raise AnalysisError("no row could be read")
    known = CorpusIndex.of(out)
    written = refused = 0
    for article in iter_articles(args.archives, errors="skip"):
        why = known.duplicate_of(article)
        if why is not None:
            refused += 1
            print(f"analysis import: {article.path}: warning: already in {out} ({why}); not written", file=sys.stderr)
            continue
        target = write_new(out, canonical_name(article.date, article.url), article.content)
        known.note(article)
        written += 1
        if not args.quiet:
            print(f"{article.path} -> {target}")
    if not args.quiet:
        print(f"{written} article file(s) written to {out}" + (f", {refused} already there" if refused else ""))
    return 0
