"""Synthetic corpora for the benchmarks: the dev corpus resampled to any size, as files or archive rows.

Article ``i`` is dev article ``i mod n`` with a distinct URL (``?copy=i``) and one varied sentence
appended to its body (as ``benchmarks/pipeline.py`` builds them), so the loader sees no duplicates.
The same article ``i`` is the same text whether written as a file or as a row of an archive.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "devcorpus"
VARIATIONS = ["وأضاف المصدر أن الاجتماع رقم {i} عقد في بغداد.", "وذكر التقرير {i} أن المفاوضات مستمرة.",
              "ونقلت الوكالة عن مسؤول قوله إن الخطوة {i} تمت بنجاح."]
COLUMNS = ["id", "date", "url", "title", "body"]


def dev_articles(dev: Path) -> list:
    """The dev corpus's articles, sorted by path."""
    from analysis.corpus import iter_articles

    if not dev.is_dir():
        sys.exit(f"{dev}: no such corpus folder (give the dev corpus path with --dev)")
    return sorted(iter_articles(dev), key=lambda a: a.path)


def rows(dev: list, size: int) -> Iterator[dict[str, str]]:
    """``size`` synthetic articles as archive rows (id, date, url, title, body)."""
    for i in range(size):
        a = dev[i % len(dev)]
        sep = "&" if "?" in a.url else "?"
        extra = VARIATIONS[i % len(VARIATIONS)].format(i=i)
        yield {"id": f"{i:07d}", "date": a.date.isoformat(), "url": f"{a.url}{sep}copy={i}", "title": a.title,
               "body": f"{a.body}\n\n{extra}"}


def write_folder(dev: list, size: int, folder: Path) -> Path:
    """The articles as files ``NNNNNNN.txt`` (the article-file layout)."""
    from analysis.ingest.layout import render_article

    folder.mkdir(parents=True, exist_ok=True)
    for row in rows(dev, size):
        text = render_article(row["date"], row["url"], row["title"], row["body"])
        (folder / f"{row['id']}.txt").write_text(text, encoding="utf-8")
    return folder


def write_parquet(dev: list, size: int, path: Path, chunk: int = 10_000) -> Path:
    """The articles as a Parquet archive, written ``chunk`` rows at a time (row groups of that size)."""
    schema = pa.schema([(c, pa.string()) for c in COLUMNS])
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        batch: list[dict[str, str]] = []
        for row in rows(dev, size):
            batch.append(row)
            if len(batch) == chunk:
                writer.write_table(pa.Table.from_pylist(batch, schema))
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema))
    return path
