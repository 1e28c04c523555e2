"""Cache compaction is streamed (one segment in memory at a time) and reads back the same rows."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis.cache import StageCache


def test_streamed_compaction_keeps_every_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("analysis.cache.COMPACT_ABOVE", 3)
    cache = StageCache(tmp_path, "events", "v1", flush_every=1)
    tables = {
        "a": pa.table({"content_hash": ["a", "a"], "start": [1, 5], "place": ["بغداد", None]}),
        "b": pa.table({"content_hash": ["b"], "start": [2], "place": pa.nulls(1)}),  # an all-null column
        "c": pa.table({"content_hash": ["c"], "start": [3]}),  # a column missing
        "d": pa.table({"content_hash": pa.array([], pa.string()), "start": pa.array([], pa.int64())}),  # no rows
        "e": pa.table({"content_hash": ["e"], "start": [4], "place": ["أربيل"], "actors": [["التحالف"]]}),
    }
    for h, table in tables.items():
        cache.add(h, table)
    before = cache.read(tables).sort_by("content_hash").to_pylist()
    assert len(list(cache.dir.glob("seg-*.parquet"))) == 5
    cache.compact()
    (segment,) = cache.dir.glob("seg-*.parquet")
    assert pq.ParquetFile(segment).num_row_groups == 4  # one per non-empty segment
    fresh = StageCache(tmp_path, "events", "v1")
    assert all(h in fresh for h in tables)  # "d" had no rows and is still a hit
    assert fresh.read(tables).sort_by("content_hash").to_pylist() == before
