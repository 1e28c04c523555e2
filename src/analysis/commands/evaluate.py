"""``analysis evaluate timex|timex-set|ner|timeline GOLD ...``: score the pipeline against gold annotations."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("evaluate", help="score timexes/events or entities against gold files")
    kinds = parser.add_subparsers(dest="kind", required=True, metavar="KIND")

    timex = kinds.add_parser("timex", help="timex spans, types, values and event recall vs gold/timex/*.json")
    timex.add_argument("gold_dir", help="folder of gold timex JSON files (docs/ANNOTATION.md)")
    timex.add_argument("corpus", nargs="+", help="article files or folders the gold files describe")
    timex.add_argument("--details", action="store_true", help="print every mismatch")
    timex.set_defaults(func=_run_timex)

    tset = kinds.add_parser("timex-set", help="timexes vs a JSONL challenge set, overall and per class")
    tset.add_argument("path", help="JSONL file: one row per line with id, dct, text, timexes, classes")
    tset.add_argument("--details", action="store_true", help="list every error under each class of its row")
    tset.add_argument("--class", dest="only", default=None, metavar="NAME", help="show only this class")
    tset.add_argument("--json", action="store_true", help="print the scores and problems as JSON")
    tset.set_defaults(func=_run_timex_set)

    ner = kinds.add_parser("ner", help="entities vs a CoNLL file or a folder of gold/ner/*.json")
    ner.add_argument("gold", help="CoNLL file (token TAG per line) or folder of span JSON files")
    ner.add_argument("paths", nargs="*", help="article files or folders (for span JSON gold)")
    ner.add_argument("--backend", default="auto", choices=["auto", "crf", "camel"])
    ner.add_argument("--model", default=None, help="path of an offline model (default: the shipped one)")
    ner.add_argument("--details", action="store_true", help="print every mismatch")
    ner.set_defaults(func=_run_ner)

    timeline = kinds.add_parser("timeline", help="a timeline table vs a canonical list of real-world events")
    timeline.add_argument("gold", help="canonical list (timeline.json, docs/TIMELINE_EVAL.md) or the folder holding it")
    timeline.add_argument("csv", nargs="?", help="timeline table: withdrawal_timeline.csv or `analysis events --csv` output")
    timeline.add_argument("--gold-events", metavar="DIR", help="gold event files linking reports to milestones (default: GOLD's folder)")
    timeline.add_argument("--merge-gold", action="store_true", help="score the merge of the gold reports instead of a CSV")
    timeline.add_argument("--corpus", metavar="DIR", help="articles of the gold reports, for --merge-gold (default: their folder)")
    timeline.add_argument("--details", action="store_true", help="rows per milestone, false rows")
    timeline.set_defaults(func=_run_timeline)


def _run_timex(args: argparse.Namespace) -> int:
    from analysis.evaluation import timex_eval

    return timex_eval.run(args)


def _run_timex_set(args: argparse.Namespace) -> int:
    from analysis.evaluation import timex_set

    return timex_set.run(args)


def _run_ner(args: argparse.Namespace) -> int:
    from analysis.evaluation import ner_eval

    return ner_eval.run(args)


def _run_timeline(args: argparse.Namespace) -> int:
    from analysis.evaluation import timeline_eval

    return timeline_eval.run(args)
