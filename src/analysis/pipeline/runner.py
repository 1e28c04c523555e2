"""The run loop: every article of a corpus through the stages, each result cached, incrementally.

Each stage's result for an article is cached on disk (``analysis.cache``) under the article's
content hash and the stage's version (``analysis.pipeline.stages.stage_version``). Adding one
article to a corpus recomputes that article only; editing a lexicon or retraining the model
recomputes that stage (and the stages built on it) for every article.

Articles are streamed (``iter_articles``): one batch at a time is in memory, whatever the corpus
size. With ``collect=False`` nothing else accumulates; with ``collect=True`` (the default) the
returned DataFrames hold every result row (the cached columns of ``SCHEMAS[stage]``), read back
from the cache in one pass per stage. ``analysis.study.Study`` completes them into the full schema.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol

import pandas as pd
import pyarrow as pa

from analysis.cache import StageCache, concat
from analysis.corpus import Article, Problem, iter_article_paths, iter_articles
from analysis.errors import AnalysisError, CorpusError
from analysis.ingest.archive import count_rows, is_archive
from analysis.paths import study_paths
from analysis.pipeline.records import KEY_COLUMNS, SCHEMAS, records_columns, records_table, to_frame
from analysis.pipeline.stages import STAGE_NAMES, STAGES, available_stages, stage_version
from analysis.progress import progress as progress_bar

#: Articles sent to the workers at a time (bounds memory; a pool starts only for a full batch).
BATCH = 64


#: Key of a stage's failure message in ``compute_article``'s result (a stage name never starts with "!").
FAILED = "!failed"
#: One unit of work: an article, the stages it needs, whether a stage's failure is caught.
Job = tuple[Article, tuple[str, ...], bool]


class Executor(Protocol):
    """Where cache misses are computed when not in this process's pool (``analysis.pipeline.dask_runner``).

    ``start`` is told the cache folder (None without a cache) and the stage versions; ``submit``
    takes jobs and yields the ``(jobs, results)`` that are done (every one when ``final``), each
    result as ``compute_article`` returns it, except that a stage's columns may be None: the
    executor's worker wrote them to the cache itself. ``close`` frees the executor's resources.
    """

    def start(self, cache_root: Path | None, versions: dict[str, str]) -> None: ...

    def submit(self, jobs: list[Job], final: bool = False) -> Iterator[tuple[list[Job], list[dict[str, Any]]]]: ...

    def close(self) -> None: ...


def compute_article(article: Article, stages: tuple[str, ...], catch: bool = False) -> dict[str, Any]:
    """Run ``stages`` (in pipeline order) on one article; returns the columns of each stage's records.

    With ``catch``, a stage that raises anything but ``AnalysisError`` (which names a problem of
    set-up, e.g. a missing model, and always propagates) is left out of the result and its error
    recorded under ``FAILED``; the later stages still run.
    """
    earlier: dict[str, list] = {}
    failed: dict[str, str] = {}
    for name in stages:
        try:
            earlier[name] = STAGES[name].run(article, earlier)
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


def _compute_job(job: Job) -> dict[str, Any]:
    return compute_article(*job)


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
    articles: list[Article] | None = None,
    executor: Executor | None = None,
) -> dict[str, pd.DataFrame]:
    """Run ``stages`` on every article of ``paths``; returns one DataFrame per stage.

    Each frame has ``article_id`` and ``path`` columns, then the stage's record fields (the cached
    columns of ``SCHEMAS[stage]``; ``Study.from_run`` adds the derived ones), rows in corpus order
    (files sorted by path) and, within an article, in the stage's order.
    ``use_cache=False`` recomputes everything and leaves the cache alone. ``progress``: None =
    the package default (a bar in a terminal only; see ``analysis.progress``), True/False forces.
    ``workers > 1`` computes cache misses in that many processes. ``collect=False`` returns empty
    frames and keeps memory flat (for warming the cache). ``errors``/``problems`` as in
    ``iter_articles``. ``stats``, if given, is filled with counts; ``articles``, if given, with
    every article processed, in corpus order (what ``analysis.study.Study`` is built from).
    ``executor``, if given, computes the cache misses instead of ``workers`` (a Dask cluster:
    ``analysis.pipeline.dask_runner.DaskExecutor``); the results are the same.
    """
    stats = stats if stats is not None else RunStats()
    problems = problems if problems is not None else stats.problems
    names = tuple(available_stages(stages))
    stats.stages = names
    root = study_paths(cache=cache_dir).cache
    caches = {n: StageCache(root, n, stage_version(n)) for n in names} if use_cache else {}
    kept: dict[str, list[pa.Table]] = {n: [] for n in names}  # only without a cache, for collect
    order: dict[str, tuple[int, str, str]] = {}  # content hash -> (position, article id, path)
    stats.computed = {n: 0 for n in names}
    stats.cached = {n: 0 for n in names}

    try:
        total = count_articles(paths)
    except CorpusError:
        total = None
    pool = None
    batch: list[Job] = []
    if executor is not None:
        executor.start(root if use_cache else None, {n: stage_version(n) for n in names})
    catch = errors == "skip"

    pending: tuple[Any, list] | None = None  # the batch the workers are computing now

    def store(jobs: list, results: list[dict[str, Any]]) -> None:
        for (article, _, _), records in zip(jobs, results):
            for name, why in records.pop(FAILED, {}).items():
                problems.append(Problem(article.path, None, f"stage {name} failed: {why}"))
                stats.failed[name] = stats.failed.get(name, 0) + 1
            for name, rows in records.items():
                stats.computed[name] += 1
                if rows is None:  # written to the cache by the executor's worker
                    continue
                table = records_table(rows, article.content_hash)
                if use_cache:
                    caches[name].add(article.content_hash, table)
                elif collect:
                    kept[name].append(table)

    def run_batch(final: bool = False) -> None:
        """Compute the queued articles; with workers, while they compute the parent reads on."""
        nonlocal pool, batch, pending
        jobs, batch = batch, []
        if executor is not None:
            for done, results in executor.submit(jobs, final=final):
                store(done, results)
            return
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
            if articles is not None:
                articles.append(article)
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
            if executor is not None:
                cache.refresh()  # the executor's workers wrote segments of their own
    for cache in caches.values():
        cache.compact()

    frames: dict[str, pd.DataFrame] = {}
    for name in names:
        if not collect:
            frames[name] = pd.DataFrame(columns=list(KEY_COLUMNS))
            continue
        table = caches[name].read(order) if use_cache else concat(kept[name])
        frames[name] = to_frame(table, order, SCHEMAS[name].fields)
    return frames


def iter_processed(
    paths: str | Path | Iterable[str | Path],
    stages: Sequence[str] = STAGE_NAMES,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    errors: Literal["raise", "skip"] = "raise",
    problems: list[Problem] | None = None,
) -> Iterator[tuple[Article, dict[str, pd.DataFrame]]]:
    """Yield ``(article, {stage: frame})`` one article at a time (memory flat; cache used and filled)."""
    names = tuple(available_stages(stages))
    root = study_paths(cache=cache_dir).cache
    caches = {n: StageCache(root, n, stage_version(n)) for n in names} if use_cache else {}
    try:
        for article in iter_articles(paths, errors=errors, problems=problems):
            h = article.content_hash
            missing = tuple(n for n in names if not (use_cache and h in caches[n]))
            fresh = compute_article(article, missing, catch=errors == "skip") if missing else {}
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
                out[n] = to_frame(table, {h: (0, article.id, article.path)}, SCHEMAS[n].fields)
            yield article, out
    finally:
        for cache in caches.values():
            cache.flush()


def count_articles(paths: str | Path | Iterable[str | Path]) -> int | None:
    """How many articles ``paths`` hold, before reading them (for the progress bar); None when an
    archive cannot tell cheaply (CSV)."""
    total = 0
    for path in iter_article_paths(paths):
        rows = count_rows(path) if is_archive(path) else 1
        if rows is None:
            return None
        total += rows
    return total


def default_workers() -> int:
    """Processes for a cold run: the machine's cores (at most 4), 1 where fork is not available."""
    return max(1, min(4, os.cpu_count() or 1))

