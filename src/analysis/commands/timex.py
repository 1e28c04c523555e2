"""``analysis timex FILE [--dct YYYY-MM-DD] [--json]``: the temporal expressions of one article."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from analysis.errors import AnalysisError, CorpusError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("timex", help="temporal expressions of an article (TIMEX3 values, offsets into the file)")
    parser.add_argument("file", help="article file (' date YYYY-MM-DD URL' header), or any UTF-8 text with --dct")
    parser.add_argument("--dct", default=None, help="document date YYYY-MM-DD (default: the header date)")
    parser.add_argument("--json", action="store_true", help="print a JSON array of {start,end,text,type,value,mod}")
    parser.set_defaults(func=run)


def _parse_dct(raw: str | None) -> dt.date | None:
    if raw is None:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise AnalysisError(f"--dct {raw!r}: expected a date YYYY-MM-DD") from None


def run(args: argparse.Namespace) -> int:
    from analysis.corpus import load_article, read_text
    from analysis.timex import find_timexes

    dct = _parse_dct(args.dct)
    try:
        article = load_article(args.file)
        text, dct = article.analysis_text, dct or article.date
    except CorpusError:
        if dct is None:
            raise
        text = read_text(args.file)  # no article header: the whole file, dated by --dct
    timexes = find_timexes(text, dct)
    if args.json:
        print(json.dumps([t.to_dict() for t in timexes], ensure_ascii=False, indent=1))
        return 0
    print(f"{len(timexes)} timexes (dct {dct.isoformat()})")
    for t in timexes:
        extra = " ".join(x for x in (t.mod or "", f"calendar={t.calendar}" if t.calendar else "") if x)
        print(f"{t.start:6d}-{t.end:<6d} {t.type:8} {t.value:24} {t.text}" + (f"  [{extra}]" if extra else ""))
    return 0
