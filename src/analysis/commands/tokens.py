"""``analysis tokens FILE [--json]``: tokens with offsets into the file's content."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("tokens", help="tokenize an article (offsets into the file content)")
    parser.add_argument("file", help="an article file")
    parser.add_argument("--json", action="store_true", help="a JSON array of {start, end, text, norm, sentence}")
    parser.add_argument("--all", action="store_true", help="include the header line")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from analysis.corpus import load_article
    from analysis.text import sentences, tokens

    article = load_article(args.file)
    text = article.content if args.all else article.analysis_text
    sents = sentences(text)
    rows, s = [], 0
    for tok in tokens(text):
        while s < len(sents) - 1 and tok.start >= sents[s].end:
            s += 1
        rows.append({"start": tok.start, "end": tok.end, "text": article.content[tok.start:tok.end],
                     "norm": tok.norm, "sentence": s})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        for r in rows:
            print(f"{r['start']}\t{r['end']}\t{r['text']}\t{r['norm']}")
    return 0
