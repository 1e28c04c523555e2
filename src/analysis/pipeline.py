"""Run the per-article stages (tokens, entities, timexes, events) over a corpus, incrementally.

Each stage's result for an article is cached on disk (``analysis.cache``) under the article's
content hash and the stage's *version*: a hash of the code that computes it (the stage's modules,
``corpus.py``, ``text.py``) and of the package data it reads (lexicons, the NER model). Adding one
article to a corpus recomputes that article only; editing a lexicon or retraining the model
recomputes that stage (and the stages built on it) for every article.

Articles are streamed (``iter_articles``): one batch at a time is in memory, whatever the corpus
size. With ``collect=False`` nothing else accumulates; with ``collect=True`` (the default) the
returned DataFrames hold every result row, read back from the cache in one pass per stage.
A stage whose module is not importable (not written yet, or broken) is skipped with a warning.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import hashlib
import importlib
import importlib.util
import inspect
import json
import multiprocessing
import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis import __version__
from analysis.cache import StageCache, concat, default_cache_dir
from analysis.corpus import Article, Problem, iter_article_paths, iter_articles
from analysis.errors import AnalysisError, CorpusError
from analysis.progress import progress as progress_bar

STAGE_NAMES = ("tokens", "entities", "timexes", "events")
#: Articles sent to the workers at a time (bounds memory; a pool starts only for a full batch).
BATCH = 64


@dataclasses.dataclass(frozen=True)
class Stage:
    """One per-article stage: its function and the code and data its results depend on."""

    name: str
    module: str  # the module that must import for the stage to run
    function: str  # ... and the function it must offer
    code: tuple[str, ...]  # modules (or packages) whose source is part of the version
    data: bool  # whether the package data folder (lexicons, model) is part of the version
    after: tuple[str, ...] = ()  # earlier stages whose records the function may reuse
    uses_ner: bool = False  # results depend on the NER backend in use (CRF, or an installed CAMeL model)


STAGES: dict[str, Stage] = {
    "tokens": Stage("tokens", "analysis.text", "tokens", ("analysis.text", "analysis.corpus"), data=False),
    "entities": Stage(
        "entities", "analysis.entities", "tag_entities", ("analysis.entities", "analysis.text", "analysis.corpus"), data=True,
        uses_ner=True,
    ),
    "timexes": Stage("timexes", "analysis.timex", "find_timexes", ("analysis.timex", "analysis.text", "analysis.corpus"), data=True),
    "events": Stage(
        "events",
        "analysis.events",
        "extract_events",
        ("analysis.events", "analysis.timex", "analysis.entities", "analysis.text", "analysis.corpus"),
        data=True,
        after=("entities", "timexes"),
        uses_ner=True,
    ),
}


# ---------------------------------------------------------------------------------------------
# Stage functions: Article -> list of records (dataclasses or dicts)


def _run_tokens(article: Article, earlier: dict[str, list]) -> list:
    from analysis.text import tokens

    return tokens(article.analysis_text)


def _run_entities(article: Article, earlier: dict[str, list]) -> list:
    from analysis.entities import tag_entities

    return tag_entities(article.analysis_text)


def _run_timexes(article: Article, earlier: dict[str, list]) -> list:
    from analysis.timex import find_timexes

    return find_timexes(article.analysis_text, article.date)


def _run_events(article: Article, earlier: dict[str, list]) -> list:
    from analysis.events import extract_events

    params = _parameters(extract_events)
    kwargs = {}
    # Reuse the records computed in this same call rather than computing them twice.
    for stage, names in (("timexes", ("timexes",)), ("entities", ("entities",))):
        for name in names:
            if name in params and stage in earlier:
                kwargs[name] = earlier[stage]
    return extract_events(article, **kwargs)


@functools.lru_cache(maxsize=None)
def _parameters(func: Callable) -> frozenset[str]:
    try:
        return frozenset(inspect.signature(func).parameters)
    except (TypeError, ValueError):
        return frozenset()


RUNNERS: dict[str, Callable[[Article, dict[str, list]], list]] = {
    "tokens": _run_tokens,
    "entities": _run_entities,
    "timexes": _run_timexes,
    "events": _run_events,
}


# ---------------------------------------------------------------------------------------------
# Versions


@functools.lru_cache(maxsize=None)
def _module_files(module: str) -> tuple[Path, ...]:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return ()
    origin = Path(spec.origin)
    if spec.submodule_search_locations:  # a package: every .py file under it
        return tuple(sorted(p for d in spec.submodule_search_locations for p in Path(d).rglob("*.py")))
    return (origin,)


def _data_files() -> tuple[Path, ...]:
    data = Path(__file__).resolve().parent / "data"
    return tuple(sorted(p for p in data.rglob("*") if p.is_file() and "__pycache__" not in p.parts))


@functools.lru_cache(maxsize=None)
def stage_version(name: str) -> str:
    """A short hash of everything the stage's results depend on (code, data, package version)."""
    stage = STAGES[name]
    files = [f for m in stage.code for f in _module_files(m)] + (list(_data_files()) if stage.data else [])
    salt = f"{name}\0{__version__}" + (f"\0{_ner_backend_key()}" if stage.uses_ner else "")
    return files_digest(salt, files)


def _ner_backend_key() -> str:
    """Which NER backend ``tag_entities(backend="auto")`` runs, and which installed model (if CAMeL)."""
    try:
        from analysis.entities import resolve_backend

        backend = resolve_backend("auto")
        if backend != "camel":
            return backend
        from analysis.entities.camel import camel_model_path

        path = camel_model_path()
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path else []
        return "camel:" + ";".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in files)
    except Exception as err:  # noqa: BLE001 - a broken backend must not stop the other stages
        return f"unavailable:{type(err).__name__}"


def files_digest(salt: str, files: Iterable[Path]) -> str:
    """Hash of ``salt`` and the names (relative to the package) and bytes of ``files``."""
    digest = hashlib.sha256(salt.encode() + b"\0")
    root = Path(__file__).resolve().parent
    for path in sorted(set(files)):
        try:
            rel = path.resolve().relative_to(root)
        except ValueError:
            rel = Path(path.name)
        digest.update(str(rel).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def available_stages(stages: Iterable[str] = STAGE_NAMES) -> list[str]:
    """The requested stages whose module imports; the others are skipped with a warning."""
    ok = []
    for name in stages:
        if name not in STAGES:
            raise AnalysisError(f"unknown stage {name!r}: choose from {', '.join(STAGE_NAMES)}")
        stage = STAGES[name]
        try:
            module = importlib.import_module(stage.module)
            getattr(module, stage.function)
        except (ImportError, AttributeError) as err:
            warnings.warn(f"stage {name!r} skipped: {stage.module}.{stage.function} is not available ({err})",
                          stacklevel=2)
            continue
        ok.append(name)
    return ok


# ---------------------------------------------------------------------------------------------
# Records -> Arrow


_SCALARS = (str, int, float, bool, type(None), dt.date)


def _plain(value: Any) -> Any:
    """A value Arrow can store: dataclasses to dicts, tuples/sets to lists, enums to values."""
    if isinstance(value, _SCALARS):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, enum.Enum):
        return _plain(value.value)
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
            columns[name] = [_plain(v) for v in values]
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
# Running


#: Key of a stage's failure message in ``_compute``'s result (a stage name never starts with "!").
FAILED = "!failed"


def _compute(article: Article, stages: tuple[str, ...], catch: bool = False) -> dict[str, Any]:
    """Run ``stages`` (in pipeline order) on one article; returns the columns of each stage's records.

    With ``catch``, a stage that raises anything but ``AnalysisError`` (which names a problem of
    set-up, e.g. a missing model, and always propagates) is left out of the result and its error
    recorded under ``FAILED``; the later stages still run.
    """
    earlier: dict[str, list] = {}
    failed: dict[str, str] = {}
    for name in stages:
        try:
            earlier[name] = RUNNERS[name](article, earlier)
        except AnalysisError:
            raise
        except Exception as err:  # noqa: BLE001 - one article's failure is reported, not fatal
            if not catch:
                raise
            failed[name] = f"{type(err).__name__}: {err}"
    out: dict[str, Any] = {name: records_columns(list(records)) for name, records in earlier.items()}
    if failed:
        out[FAILED] = failed
    return out


def _compute_job(job: tuple[Article, tuple[str, ...], bool]) -> dict[str, Any]:
    return _compute(*job)


def _pool_context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


@dataclasses.dataclass
class RunStats:
    """What a run did: articles seen, stage results computed and reused."""

    articles: int = 0
    computed: dict[str, int] = dataclasses.field(default_factory=dict)
    cached: dict[str, int] = dataclasses.field(default_factory=dict)
    stages: tuple[str, ...] = ()
    paths: list[str] = dataclasses.field(default_factory=list)  # the articles processed, corpus order
    problems: list[Problem] = dataclasses.field(default_factory=list)
    failed: dict[str, int] = dataclasses.field(default_factory=dict)  # stage -> articles it failed on


def process_corpus(
    paths: str | Path | Iterable[str | Path],
    stages: Sequence[str] = STAGE_NAMES,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    progress: bool | None = None,
    *,
    collect: bool = True,
    workers: int = 1,
    errors: Literal["raise", "skip"] = "raise",
    problems: list[Problem] | None = None,
    stats: RunStats | None = None,
) -> dict[str, pd.DataFrame]:
    """Run ``stages`` on every article of ``paths``; returns one DataFrame per stage.

    Each frame has ``article_id`` and ``path`` columns, then the stage's record fields, rows in
    corpus order (files sorted by path) and, within an article, in the stage's order.
    ``use_cache=False`` recomputes everything and leaves the cache alone. ``progress``: None =
    the package default (a bar in a terminal only; see ``analysis.progress``), True/False forces.
    ``workers > 1`` computes cache misses in that many processes. ``collect=False`` returns empty
    frames and keeps memory flat (for warming the cache). ``errors``/``problems`` as in
    ``iter_articles``. ``stats``, if given, is filled with counts.
    """
    stats = stats if stats is not None else RunStats()
    problems = problems if problems is not None else stats.problems
    names = tuple(n for n in STAGE_NAMES if n in available_stages(stages))
    stats.stages = names
    root = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    caches = {n: StageCache(root, n, stage_version(n)) for n in names} if use_cache else {}
    kept: dict[str, list[pa.Table]] = {n: [] for n in names}  # only without a cache, for collect
    order: dict[str, tuple[int, str, str]] = {}  # content hash -> (position, article id, path)
    stats.computed = {n: 0 for n in names}
    stats.cached = {n: 0 for n in names}

    try:
        total = sum(1 for _ in iter_article_paths(paths))
    except CorpusError:
        total = None
    pool = None
    batch: list[tuple[Article, tuple[str, ...], bool]] = []
    catch = errors == "skip"

    pending: tuple[Any, list] | None = None  # the batch the workers are computing now

    def store(jobs: list, results: list[dict[str, Any]]) -> None:
        for (article, _, _), records in zip(jobs, results):
            for name, why in records.pop(FAILED, {}).items():
                problems.append(Problem(article.path, None, f"stage {name} failed: {why}"))
                stats.failed[name] = stats.failed.get(name, 0) + 1
            for name, rows in records.items():
                table = records_table(rows, article.content_hash)
                stats.computed[name] += 1
                if use_cache:
                    caches[name].add(article.content_hash, table)
                elif collect:
                    kept[name].append(table)

    def run_batch(final: bool = False) -> None:
        """Compute the queued articles; with workers, while they compute the parent reads on."""
        nonlocal pool, batch, pending
        jobs, batch = batch, []
        if jobs and workers > 1 and pool is None and len(jobs) >= BATCH:
            pool = _pool_context().Pool(workers)
        if pool is None:
            store(jobs, [_compute_job(job) for job in jobs])
            return
        submitted = pool.map_async(_compute_job, jobs, chunksize=max(1, len(jobs) // (workers * 4))) if jobs else None
        if pending is not None:  # at most two batches in flight: memory stays bounded
            store(pending[1], pending[0].get())
            pending = None
        if submitted is not None:
            pending = (submitted, jobs)
        if final and pending is not None:
            store(pending[1], pending[0].get())
            pending = None

    bar = progress_bar(total=total, desc="articles", disable=None if progress is None else not progress,
                       unit="article")
    try:
        for article in iter_articles(paths, errors=errors, problems=problems):
            h = article.content_hash
            order.setdefault(h, (len(order), article.id, article.path))
            stats.articles += 1
            stats.paths.append(article.path)
            missing = tuple(n for n in names if not (use_cache and h in caches[n]))
            for n in names:
                if n not in missing:
                    stats.cached[n] += 1
            if missing:
                batch.append((article, missing, catch))
                if len(batch) >= BATCH:
                    run_batch()
            bar.update(1)
        run_batch(final=True)
    finally:
        bar.close()
        if pool is not None:
            pool.terminate()
            pool.join()
        for cache in caches.values():
            cache.flush()
    for cache in caches.values():
        cache.compact()

    frames: dict[str, pd.DataFrame] = {}
    for name in names:
        if not collect:
            frames[name] = pd.DataFrame(columns=["article_id", "path"])
            continue
        table = caches[name].read(order) if use_cache else concat(kept[name])
        frames[name] = _frame(table, order)
    return frames


def _frame(table: pa.Table | None, order: dict[str, tuple[int, str, str]]) -> pd.DataFrame:
    """Arrow rows → DataFrame with article_id/path first, rows in corpus order (vectorized)."""
    if table is None or table.num_rows == 0:
        columns = [] if table is None else [c for c in table.column_names if c != "content_hash"]
        columns = [c for c in columns if c not in ("article_id", "path")]
        return pd.DataFrame(columns=["article_id", "path", *columns])
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
    frame = frame[[c for c in table.column_names if c not in ("article_id", "path")]]
    if "file" in frame.columns:
        frame["file"] = paths
    frame.insert(0, "article_id", ids)
    frame.insert(1, "path", paths)
    return frame


@functools.lru_cache(maxsize=1)
def _string_dtype() -> Any:
    """The dtype pandas gives strings by default (``str`` in pandas 3, object before)."""
    return pd.Series(["x"]).dtype


def iter_processed(
    paths: str | Path | Iterable[str | Path],
    stages: Sequence[str] = STAGE_NAMES,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    errors: Literal["raise", "skip"] = "raise",
    problems: list[Problem] | None = None,
) -> Iterator[tuple[Article, dict[str, pd.DataFrame]]]:
    """Yield ``(article, {stage: frame})`` one article at a time (memory flat; cache used and filled)."""
    names = tuple(n for n in STAGE_NAMES if n in available_stages(stages))
    root = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    caches = {n: StageCache(root, n, stage_version(n)) for n in names} if use_cache else {}
    try:
        for article in iter_articles(paths, errors=errors, problems=problems):
            h = article.content_hash
            missing = tuple(n for n in names if not (use_cache and h in caches[n]))
            fresh = _compute(article, missing, catch=errors == "skip") if missing else {}
            for name, why in fresh.pop(FAILED, {}).items():
                if problems is not None:
                    problems.append(Problem(article.path, None, f"stage {name} failed: {why}"))
            out: dict[str, pd.DataFrame] = {}
            for n in names:
                if n in fresh:
                    table = records_table(fresh[n], h)
                    if use_cache:
                        caches[n].add(h, table)
                elif use_cache and h in caches[n]:
                    caches[n].flush()
                    table = caches[n].read([h])
                else:  # the stage failed on this article (reported in ``problems``)
                    table = None
                out[n] = _frame(table, {h: (0, article.id, article.path)})
            yield article, out
    finally:
        for cache in caches.values():
            cache.flush()


def default_workers() -> int:
    """Processes for a cold run: the machine's cores (at most 4), 1 where fork is not available."""
    return max(1, min(4, os.cpu_count() or 1))

