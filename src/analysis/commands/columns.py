"""``--columns`` and ``--columns-file``: which archive columns hold the date, URL, title, body and id.

Shared by the commands that read a corpus (``run``, ``corpus``, ``events``, ``figures``, ``import``).
Not a sub-command itself (no ``register``). See ``analysis.ingest.archive`` for the defaults and the
``NAME.columns.json`` file beside an archive.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path


def add_column_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--columns FIELD=COLUMN,...`` and ``--columns-file FILE`` to a command's parser."""
    parser.add_argument("--columns", default=None, metavar="FIELD=COLUMN,...",
                        help="for an archive corpus (.jsonl, .csv, .parquet): its columns, e.g. "
                             "date=published,url=link,title=headline,body=text,id=guid "
                             "(default: NAME.columns.json beside the archive, else date,url,title,body,id)")
    parser.add_argument("--columns-file", default=None, metavar="FILE",
                        help='for an archive corpus: a JSON mapping like {"date": "published", "body": "text"}')


def apply_column_options(args: argparse.Namespace, paths: Iterable[str | Path] | None) -> None:
    """Record the mapping for every archive among ``paths`` (it then applies wherever they are read)."""
    from analysis.ingest.archive import Columns, is_archive, use_columns

    if args.columns is None and args.columns_file is None:
        return
    columns = Columns.from_file(args.columns_file) if args.columns_file else Columns()
    if args.columns is not None:
        columns = Columns.parse(args.columns, base=columns)
    for path in paths or ():
        if is_archive(path):
            use_columns(path, columns)
