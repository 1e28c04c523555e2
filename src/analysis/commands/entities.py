"""``analysis entities FILE [--backend auto|crf|camel] [--json]``: named entities of an article.

Offsets are into the file's content as read with UTF-8 (header line included); the header line
itself yields nothing.
"""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("entities", help="named entities (PERS, LOC, ORG, MISC) of an article")
    parser.add_argument("file", help="an article file")
    parser.add_argument("--backend", default="auto", choices=["auto", "crf", "camel"],
                        help="auto = CAMeL BERT when installed, else the offline CRF")
    parser.add_argument("--model", default=None, help="folder of another offline CRF model")
    parser.add_argument("--json", action="store_true", help="a JSON array of {start, end, text, type, canonical}")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from analysis.corpus import load_article
    from analysis.entities import tag_entities

    article = load_article(args.file)
    ents = tag_entities(article.analysis_text, backend=args.backend, model=args.model)
    rows = [{"start": e.start, "end": e.end, "text": article.content[e.start:e.end], "type": e.type,
             "canonical": e.canonical} for e in ents]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        backend = ents[0].backend if ents else None
        for r in rows:
            print(f"{r['start']}\t{r['end']}\t{r['type']}\t{r['text']}\t{r['canonical']}")
        print(f"{len(rows)} entities" + (f" (backend {backend})" if backend else ""), file=sys.stderr)
    return 0
