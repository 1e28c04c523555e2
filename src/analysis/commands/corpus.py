"""``analysis corpus PATH... [--json] [--skip-errors]``: check and summarize a corpus."""

from __future__ import annotations

import argparse
import json
import sys

from analysis.commands.columns import add_column_options, apply_column_options
from analysis.errors import AnalysisError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("corpus", help="load articles, report problems, print a summary")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="article files, folders of *.txt, or archives (.jsonl, .csv, .parquet)")
    parser.add_argument("--json", action="store_true", help="one JSON object per article per line")
    parser.add_argument("--skip-errors", action="store_true", help="load the good files, report the bad ones")
    add_column_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from analysis.corpus import Problem, iter_articles

    apply_column_options(args, args.paths)
    problems: list[Problem] = []
    # Collect every problem first, so a folder of broken files gets one line per file.
    articles = sorted(iter_articles(args.paths, errors="skip", problems=problems), key=lambda a: (a.date, a.id))
    errors = [p for p in problems if p.severity == "error"]
    for problem in problems:
        print(f"analysis corpus: {problem}", file=sys.stderr)
    if errors and not args.skip_errors:
        print(f"analysis corpus: {len(errors)} file(s) could not be loaded (use --skip-errors to load the rest)",
              file=sys.stderr)
        return 2
    if not articles:
        raise AnalysisError("no article could be loaded")
    if args.json:
        for a in articles:
            record = {"id": a.id, "path": a.path, "date": a.date.isoformat(), "url": a.url, "source": a.source,
                      "title": a.title, "n_chars": len(a.content), "title_start": a.title_start,
                      "body_start": a.body_start}
            print(json.dumps(record, ensure_ascii=False))
        return 0
    print(f"{len(articles)} articles, {articles[0].date} to {articles[-1].date}, "
          f"{len({a.source for a in articles})} sources" + (f", {len(errors)} skipped" if errors else ""))
    for a in articles:
        title = a.title if len(a.title) <= 70 else a.title[:69] + "…"
        print(f"{a.date}  {a.source:<24}  {title}")
    return 0
