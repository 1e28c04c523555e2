"""On-disk cache of per-article stage results, keyed by content hash and stage version.

Layout: ``<cache_dir>/<stage>/<version>/seg-*.parquet``. A *segment* holds the result rows of
many articles (column ``content_hash`` + the stage's columns) and lists in its Parquet metadata
every article hash it covers, so an article with no result rows (no entity found) is a hit too.
A changed stage version is a new folder: old results are never read again.

Segments are written with ``analysis.io.atomic_write`` (temp file + rename): a killed run leaves
whole segments or nothing, never a truncated file. Memory stays bounded: a writer flushes a
segment every ``flush_every`` articles.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from analysis.io import atomic_write

HASHES_KEY = b"analysis.content_hashes"
#: Merge a version's segments into one when there are more than this many (many small re-runs).
COMPACT_ABOVE = 64


class StageCache:
    """The cached results of one stage at one version: lookup, read, append."""

    def __init__(self, root: str | Path, stage: str, version: str, flush_every: int = 256):
        self.dir = Path(root) / stage / version
        self.stage = stage
        self.version = version
        self.flush_every = flush_every
        self._index: dict[str, Path] | None = None
        self._pending: list[pa.Table] = []
        self._pending_hashes: list[str] = []

    # -- reading --------------------------------------------------------------------------------
    def index(self) -> dict[str, Path]:
        """Content hash → segment file, for every article this version has results for."""
        if self._index is None:
            index: dict[str, Path] = {}
            for seg in sorted(self.dir.glob("seg-*.parquet")) if self.dir.is_dir() else []:
                for h in _segment_hashes(seg):
                    index.setdefault(h, seg)
            self._index = index
        return self._index

    def refresh(self) -> None:
        """Forget the index: segments written meanwhile by other processes (Dask workers) are found next time."""
        self._index = None

    def __contains__(self, content_hash: str) -> bool:
        return content_hash in self.index() or content_hash in self._pending_hashes

    def read(self, content_hashes: Iterable[str]) -> pa.Table | None:
        """The result rows of the given articles (one read per segment, filtered), or None."""
        wanted = set(content_hashes)
        by_segment: dict[Path, set[str]] = {}
        for h in wanted:
            seg = self.index().get(h)
            if seg is not None:
                by_segment.setdefault(seg, set()).add(h)
        tables = []
        for seg, hashes in sorted(by_segment.items()):
            table = _read_segment(seg)
            if table is None:
                continue
            if table.num_rows:
                mask = pc.is_in(table["content_hash"], value_set=pa.array(sorted(hashes), pa.string()))
                table = table.filter(mask)
            tables.append(table)
        return concat(tables)

    # -- writing --------------------------------------------------------------------------------
    def add(self, content_hash: str, table: pa.Table) -> None:
        """Queue one article's rows (``table`` has a ``content_hash`` column); flushes when due."""
        self._pending.append(table)
        self._pending_hashes.append(content_hash)
        if len(self._pending_hashes) >= self.flush_every:
            self.flush()

    def flush(self, segment: str | None = None) -> None:
        """Write the queued articles as one segment (atomically), named ``segment`` if given.

        A given name is for a writer that may write the same rows again (a retried Dask task):
        the second write replaces the first, so no article is ever in two segments.
        """
        if not self._pending_hashes:
            return
        table = concat(self._pending)
        assert table is not None
        meta = dict(table.schema.metadata or {})
        meta[HASHES_KEY] = json.dumps(sorted(set(self._pending_hashes))).encode()
        table = table.replace_schema_metadata(meta)
        self.dir.mkdir(parents=True, exist_ok=True)
        path = self.dir / (segment or f"seg-{uuid.uuid4().hex}.parquet")
        with atomic_write(path, "wb") as handle:
            pq.write_table(table, handle, compression="zstd")
        if self._index is not None:
            for h in self._pending_hashes:
                self._index.setdefault(h, path)
        self._pending, self._pending_hashes = [], []

    def compact(self) -> None:
        """Merge the segments into one when there are many (keeps lookups fast after many runs).

        Streamed: one segment in memory at a time (each becomes a row group of the new segment),
        so compacting a million articles' results needs no more memory than one segment.
        """
        segments = sorted(self.dir.glob("seg-*.parquet")) if self.dir.is_dir() else []
        if len(segments) <= COMPACT_ABOVE:
            return
        self._index = None
        hashes = sorted(self.index())
        schemas = []
        for seg in segments:
            try:
                schemas.append(pq.read_schema(seg).remove_metadata())
            except (OSError, ValueError, pa.ArrowException):
                continue  # unreadable: left out, as a miss
        if not schemas:
            return
        schema = pa.unify_schemas(schemas, promote_options="permissive")
        schema = schema.with_metadata({HASHES_KEY: json.dumps(hashes).encode()})
        path = self.dir / f"seg-{uuid.uuid4().hex}.parquet"
        with atomic_write(path, "wb") as handle, pq.ParquetWriter(handle, schema, compression="zstd") as writer:
            for seg in segments:
                table = _read_segment(seg)
                if table is not None and table.num_rows:
                    writer.write_table(_conform(table, schema))
        for seg in segments:
            seg.unlink(missing_ok=True)
        self._index = None


def _conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """``table`` with ``schema``'s columns, in its order (missing ones all null), cast to its types."""
    n = table.num_rows
    arrays = [table.column(f.name).cast(f.type) if f.name in table.column_names else pa.nulls(n, f.type)
              for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


def concat(tables: list[pa.Table]) -> pa.Table | None:
    """Concatenate tables whose columns may differ (a column missing or all-null in some)."""
    tables = [t for t in tables if t is not None]
    if not tables:
        return None
    if len(tables) == 1:
        return tables[0]
    return pa.concat_tables(tables, promote_options="permissive")


def _segment_hashes(path: Path) -> list[str]:
    try:
        meta = pq.read_schema(path).metadata or {}
        return json.loads(meta.get(HASHES_KEY, b"[]"))
    except (OSError, ValueError, pa.ArrowException):
        return []  # an unreadable segment is a miss, never a crash


def _read_segment(path: Path) -> pa.Table | None:
    try:
        return pq.read_table(path)
    except (OSError, ValueError, pa.ArrowException):
        return None
