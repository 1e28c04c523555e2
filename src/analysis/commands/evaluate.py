"""``analysis evaluate timex|ner GOLD PATH...``: score the pipeline against gold annotations."""

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

    ner = kinds.add_parser("ner", help="entities vs a CoNLL file or a folder of gold/ner/*.json")
    ner.add_argument("gold", help="CoNLL file (token TAG per line) or folder of span JSON files")
    ner.add_argument("paths", nargs="*", help="article files or folders (for span JSON gold)")
    ner.add_argument("--backend", default="auto", choices=["auto", "crf", "camel"])
    ner.add_argument("--model", default=None, help="path of an offline model (default: the shipped one)")
    ner.add_argument("--details", action="store_true", help="print every mismatch")
    ner.set_defaults(func=_run_ner)


def _run_timex(args: argparse.Namespace) -> int:
    from analysis.evaluation import timex_eval

    return timex_eval.run(args)


def _run_ner(args: argparse.Namespace) -> int:
    from analysis.evaluation import ner_eval

    return ner_eval.run(args)
