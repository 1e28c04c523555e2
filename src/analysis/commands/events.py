"""``analysis events PATH... [--json|--csv]``: the merged timeline entries of a corpus, with sources."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any

from analysis.commands.columns import add_column_options, apply_column_options

JSON_KEYS = (
    "date", "date_mod", "start", "end", "type", "status", "place", "actors", "summary", "n_sources", "sources",
    "id", "planned_dates", "status_counts",
)  # fmt: skip
SOURCE_KEYS = ("file", "sentence_start", "sentence_end", "trigger", "timex")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("events", help="dated events merged across articles (the timeline entries)")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="article files, folders of *.txt, or archives (.jsonl, .csv, .parquet)")
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="a JSON array of entries (default)")
    fmt.add_argument("--csv", action="store_true", help="CSV, one row per entry (sources as JSON)")
    parser.add_argument("--no-ner", action="store_true", help="places/actors from the built-in gazetteer only")
    parser.add_argument("--dated-only", action="store_true", help="leave out entries without a date")
    add_column_options(parser)
    parser.set_defaults(func=run)


def _entry(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in JSON_KEYS:
        value = row.get(key)
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        elif value is not None and not isinstance(value, (list, str, int, float)):
            value = None  # NaN/NaT from pandas
        elif isinstance(value, float) and value != value:
            value = None
        out[key] = value
    out["actors"] = list(row.get("actors") or [])
    out["planned_dates"] = list(row.get("planned_dates") or [])
    out["sources"] = [{k: s.get(k) for k in SOURCE_KEYS} for s in row.get("sources") or []]
    return out


def run(args: argparse.Namespace) -> int:
    from analysis.corpus import iter_articles
    from analysis.events import extract_events, merge_events

    apply_column_options(args, args.paths)
    events = [e for a in iter_articles(args.paths) for e in extract_events(a, use_ner=not args.no_ner)]
    entries = [_entry(r) for r in merge_events(events).to_dict("records")]
    if args.dated_only:
        entries = [e for e in entries if e["date"] is not None]
    if args.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(JSON_KEYS), lineterminator="\n")
        writer.writeheader()
        for e in entries:
            writer.writerow(
                {**e, "actors": "; ".join(e["actors"]), "planned_dates": "; ".join(e["planned_dates"]),
                 "sources": json.dumps(e["sources"], ensure_ascii=False)}  # fmt: skip
            )
        return 0
    json.dump(entries, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0
