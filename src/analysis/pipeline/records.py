"""One column schema per stage, and the conversions records → Arrow (the cache) → DataFrame.

Every per-article stage frame, whichever route made it (the cached pipeline, ``analysis.study.Study``,
or a stage package's ``*_frame`` helper), has the columns ``SCHEMAS[stage].columns``: the article key
(``article_id``, ``path``), the stage record's fields as cached, and a few columns derived from the
article (a timex's ``dct`` and ``line``, an entity's ``date``, ``sentence`` and ``entity``).
Offsets are into the article file's content (see docs/ANNOTATION.md, "Common ground").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import json
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.cache import concat
from analysis.corpus import Article
from analysis.text import sentences

#: The first two columns of every stage frame: which article a row belongs to (today's file).
KEY_COLUMNS = ("article_id", "path")

#: Article key → (position in corpus order, article id, path): the row order and key of a frame.
Order = Mapping[str, tuple[int, str, str]]


@dataclasses.dataclass(frozen=True)
class Schema:
    """The columns of one stage's frame: the record fields (cached as they are) and the derived ones."""

    fields: tuple[str, ...]  # the stage record's fields, in record order: one cached Arrow column each
    columns: tuple[str, ...]  # the frame's columns in order: KEY_COLUMNS, fields and derived columns

    @property
    def derived(self) -> tuple[str, ...]:
        """Columns computed from the article when a frame is completed, never cached."""
        return tuple(c for c in self.columns if c not in KEY_COLUMNS and c not in self.fields)


EVENT_FIELDS = (
    "file", "article_id", "dct", "sentence_start", "sentence_end", "sentence", "trigger_start", "trigger_end",
    "trigger", "type", "date", "date_mod", "timex_text", "timex_start", "timex_end", "status", "place", "actors",
    "summary", "mentions", "news_statement",
)  # fmt: skip

#: The one schema of each stage (fields: ``text.Token``, ``entities.Entity``, ``timex.Timex``, ``events.Event``).
SCHEMAS: dict[str, Schema] = {
    "tokens": Schema(("text", "start", "end", "norm"), (*KEY_COLUMNS, "text", "start", "end", "norm")),
    "entities": Schema(
        ("start", "end", "text", "type", "canonical", "backend"),
        (*KEY_COLUMNS, "date", "sentence", "start", "end", "text", "type", "canonical", "entity", "backend"),
    ),
    "timexes": Schema(
        ("start", "end", "text", "type", "value", "mod", "calendar"),
        (*KEY_COLUMNS, "dct", "start", "end", "text", "type", "value", "mod", "calendar", "line"),
    ),
    "events": Schema(EVENT_FIELDS, (*KEY_COLUMNS, *(f for f in EVENT_FIELDS if f != "article_id"))),
}


# ---------------------------------------------------------------------------------------------
# Records -> Arrow


_SCALARS = (str, int, float, bool, type(None), dt.date)


def plain(value: Any) -> Any:
    """A value Arrow can store: dataclasses to dicts, tuples/sets to lists, enums to values."""
    if isinstance(value, _SCALARS):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(plain(v) for v in value)
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if isinstance(value, Path):
        return str(value)
    return value


def records_columns(records: Sequence[Any]) -> dict[str, list]:
    """Records (dataclasses or dicts) as columns of plain values, in the records' field order.

    Column-wise so the common case (scalar fields) costs one ``getattr`` per value.
    """
    if not records:
        return {}
    first = records[0]
    if dataclasses.is_dataclass(first):
        names = [f.name for f in dataclasses.fields(first)]
        columns = {n: [getattr(r, n) for r in records] for n in names}
    else:
        rows = [r if isinstance(r, dict) else {"value": r} for r in records]
        names = list(dict.fromkeys(k for row in rows for k in row))
        columns = {n: [row.get(n) for row in rows] for n in names}
    for name, values in columns.items():
        if not all(isinstance(v, _SCALARS) for v in values):
            columns[name] = [plain(v) for v in values]
    return columns


def records_table(columns: dict[str, list] | Sequence[Any], content_hash: str) -> pa.Table:
    """One article's results as an Arrow table with a ``content_hash`` column first.

    ``columns`` comes from ``records_columns`` (records are accepted too). Columns Arrow cannot
    type (mixed kinds of values) are stored as JSON text.
    """
    if not isinstance(columns, dict):
        columns = records_columns(list(columns))
    n = len(next(iter(columns.values()))) if columns else 0
    arrays = {"content_hash": pa.array([content_hash] * n, pa.string())}
    for key, values in columns.items():
        try:
            arrays[key] = pa.array(values) if values else pa.array([], pa.string())
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, OverflowError):
            arrays[key] = pa.array([None if v is None else json.dumps(v, ensure_ascii=False, default=str)
                                    for v in values], pa.string())
    return pa.table(arrays)


# ---------------------------------------------------------------------------------------------
# Arrow -> DataFrame


def to_frame(table: pa.Table | None, order: Order, fields: Sequence[str] = ()) -> pd.DataFrame:
    """Arrow rows → DataFrame with article_id/path first, rows in ``order`` (vectorized).

    ``table`` holds many articles' rows keyed by ``content_hash``; ``order`` maps each key to the
    article's position, id and path. ``fields`` are the columns an empty frame gets.
    """
    if table is None or table.num_rows == 0:
        columns = list(fields) if table is None else [c for c in table.column_names if c != "content_hash"]
        columns = [c for c in columns if c not in KEY_COLUMNS]
        return pd.DataFrame(columns=[*KEY_COLUMNS, *columns])
    # Which article each row belongs to, as an index into ``order`` (computed in Arrow, not Python).
    keys = pa.array(list(order), pa.string())
    row_article = pc.index_in(table["content_hash"], value_set=keys).to_numpy(zero_copy_only=False)
    info = list(order.values())
    position = np.array([v[0] for v in info])[row_article]
    rows = np.argsort(position, kind="stable")
    article_of_row = row_article[rows]  # one small array per article, gathered per row (no Python loop)
    ids = pd.array([v[1] for v in info], dtype=_string_dtype()).take(article_of_row)
    paths = pd.array([v[2] for v in info], dtype=_string_dtype()).take(article_of_row)
    table = table.take(pa.array(rows)).drop_columns(["content_hash"])
    # List columns (event actors, mentions) as Python lists, as the stage's records have them.
    nested = [f.name for f in table.schema if pa.types.is_list(f.type) or pa.types.is_large_list(f.type)]
    frame = table.drop_columns(nested).to_pandas()
    for name in nested:
        frame[name] = pd.Series(table.column(name).to_pylist(), index=frame.index, dtype=object)
    # Results are cached by content: the article's identity is today's file, not the cached one.
    frame = frame[[c for c in table.column_names if c not in KEY_COLUMNS]]
    if "file" in frame.columns:
        frame["file"] = paths
    frame.insert(0, "article_id", ids)
    frame.insert(1, "path", paths)
    return frame


@functools.lru_cache(maxsize=1)
def _string_dtype() -> Any:
    """The dtype pandas gives strings by default (``str`` in pandas 3, object before)."""
    return pd.Series(["x"]).dtype


def complete(stage: str, frame: pd.DataFrame, articles: Mapping[str, Article]) -> pd.DataFrame:
    """Add the stage's derived columns to a frame of cached columns; columns as ``SCHEMAS[stage]``.

    ``articles`` maps each row's ``path`` to its ``Article``. An entity's ``entity`` is its
    ``canonical`` form here; ``analysis.entities.frame.group_entities`` regroups it over a whole corpus.
    """
    frame = frame.copy()
    if stage == "timexes":
        frame["dct"] = [articles[p].date.isoformat() for p in frame["path"]]
        frame["line"] = [articles[p].content.count("\n", 0, s) + 1 for p, s in zip(frame["path"], frame["start"])]
    elif stage == "entities":
        dates = pd.Series([articles[p].date for p in frame["path"]], index=frame.index, dtype=object)
        frame["date"] = pd.to_datetime(dates) if len(frame) else dates
        frame["sentence"] = _sentence_numbers(frame, articles)
        frame["entity"] = frame["canonical"] if "canonical" in frame.columns else pd.Series(dtype=object)
    return frame.reindex(columns=list(SCHEMAS[stage].columns))


def _sentence_numbers(frame: pd.DataFrame, articles: Mapping[str, Article]) -> list[int]:
    """The index of the sentence (``analysis.text.sentences`` of the analysed text) holding each row's start."""
    starts: dict[str, list[int]] = {}
    numbers = []
    for path, start in zip(frame["path"], frame["start"]):
        if path not in starts:
            starts[path] = [s.start for s in sentences(articles[path].analysis_text)]
        numbers.append(max(0, bisect_right(starts[path], start) - 1))
    return numbers


def stage_frame(stage: str, results: Iterable[tuple[Article, Sequence[Any]]]) -> pd.DataFrame:
    """One stage's frame (``SCHEMAS[stage]``) from records computed outside the cache, article by article.

    The records go through the same Arrow conversion as the cached pipeline's, so the frame equals
    the one ``analysis.study.Study`` reads from the cache for the same articles.
    """
    tables: list[pa.Table] = []
    order: dict[str, tuple[int, str, str]] = {}
    articles: dict[str, Article] = {}
    for position, (article, records) in enumerate(results):
        key = str(position)  # not the content hash: every article passed gets its own rows
        order[key] = (position, article.id, article.path)
        articles[article.path] = article
        tables.append(records_table(records_columns(list(records)), key))
    return complete(stage, to_frame(concat(tables), order, SCHEMAS[stage].fields), articles)
