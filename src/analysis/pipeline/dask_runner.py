"""The per-article stages as Dask tasks on a cluster: ``analysis run --scheduler tcp://HOST:8786 | local:N``.

The run loop (``analysis.pipeline.runner.process_corpus``) is the same as on one machine: it reads
the corpus, looks each article up in the cache and hands the misses to a ``DaskExecutor``, which
sends them to the cluster in chunks (one task per ``chunk`` articles; the articles travel inside
the task, so workers need not see the corpus). A worker runs the stages (``compute_article``) and
writes each stage's results as one cache segment, named after the chunk's content, into the cache
folder, which must be a path every worker sees (a shared file system). The task returns only what
was computed and what failed.

Why a killed worker loses nothing and counts nothing twice: the scheduler (``distributed``, not a
scheduler of our own) runs a lost task again on another worker; the segment it writes has the
same name, written atomically (temporary file, rename), so a second write replaces the first with
the same rows; and the run counts a chunk when its task's result arrives, which happens once per
task key. Results and figures are byte-identical to a local run: the cache is keyed the same way
(content hash, stage version) and the frames are read back from it in corpus order.

Workers must run the same code and data as the client: each task checks its stage versions.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import platform
import re
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from distributed import Client, Future, LocalCluster, wait

from analysis.cache import StageCache
from analysis.errors import AnalysisError
from analysis.pipeline.records import records_table
from analysis.pipeline.runner import FAILED, Job, compute_article
from analysis.pipeline.stages import stage_version
from analysis.progress import progress as progress_bar
from analysis.progress import resolve

#: Articles per task: large enough that the scheduler's overhead per task is small, small enough
#: that a lost task costs little and the workers stay evenly loaded.
CHUNK = 128
#: Tasks in flight per worker thread: enough to keep every worker busy, few enough to bound memory.
IN_FLIGHT_PER_THREAD = 3
_LOCAL = re.compile(r"^local(?::(\d+))?$")
SCHEDULER_HELP = ("a Dask scheduler: tcp://HOST:8786 (a running cluster), or local:N (a LocalCluster of N "
                  "worker processes on this machine)")


def connect(scheduler: str, dashboard: bool = False) -> tuple[Client, LocalCluster | None]:
    """A client for ``tcp://HOST:PORT`` (an existing scheduler) or ``local:N`` (a new LocalCluster).

    A LocalCluster serves its dashboard (on 127.0.0.1) only with ``dashboard``: it costs CPU.
    """
    match = _LOCAL.match(scheduler.strip())
    if match is not None:
        n = int(match.group(1) or os.cpu_count() or 1)
        if n < 1:
            raise AnalysisError(f"--scheduler {scheduler}: at least one worker")
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address="127.0.0.1:0" if dashboard else None,
                               silence_logs=logging.ERROR)
        return Client(cluster), cluster
    if not re.match(r"^(tcp|tls|ucx|inproc)://\S+$", scheduler.strip()):
        raise AnalysisError(f"--scheduler {scheduler!r}: expected tcp://HOST:PORT or local:N")
    try:
        return Client(scheduler.strip(), timeout="20s"), None
    except (OSError, TimeoutError) as err:
        raise AnalysisError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None


def chunk_key(jobs: list[Job], versions: dict[str, str]) -> str:
    """A name for a chunk from its content: the same articles and stages give the same task and segment."""
    digest = hashlib.sha256()
    for name in sorted(versions):
        digest.update(f"{name}={versions[name]};".encode())
    for article, stages, catch in jobs:
        digest.update(f"{article.content_hash}:{','.join(stages)}:{int(catch)};".encode())
    return digest.hexdigest()[:32]


def compute_chunk(jobs: list[Job], cache_root: str | None, versions: dict[str, str], key: str) -> list[dict[str, Any]]:
    """Run on a worker: the stages of every job; with a cache, each stage's rows written as one segment.

    Returns one result per job (``compute_article``'s, the columns replaced by None once written).
    """
    for name, version in versions.items():
        if stage_version(name) != version:
            raise AnalysisError(f"worker {platform.node()} has other code or data for stage {name} "
                                f"(version {stage_version(name)}, the client's {version}): install the same "
                                "version of the package on every worker")
    results = [compute_article(*job) for job in jobs]
    if cache_root is None:
        return results
    caches = {name: StageCache(cache_root, name, version, flush_every=len(jobs) + 1)
              for name, version in versions.items()}
    for (article, _, _), result in zip(jobs, results):
        for name, columns in result.items():
            if name != FAILED:
                caches[name].add(article.content_hash, records_table(columns, article.content_hash))
                result[name] = None
    for cache in caches.values():
        cache.flush(segment=f"seg-{key}.parquet")
    return results


class DaskExecutor:
    """Computes the run loop's cache misses on a Dask cluster (see the module docstring)."""

    def __init__(self, scheduler: str | Client, chunk: int = CHUNK, progress: bool | None = None,
                 quiet: bool = False) -> None:
        if chunk < 1:
            raise AnalysisError(f"chunk must be at least 1, not {chunk}")
        self.chunk = chunk
        self.quiet = quiet
        if isinstance(scheduler, Client):
            self.client, self.cluster, self._own = scheduler, None, False
        else:
            self.client, self.cluster = connect(scheduler, dashboard=resolve(progress) and not quiet)
            self._own = True
        self._progress = progress
        self._bar: Any = None
        self._cache_root: str | None = None
        self._versions: dict[str, str] = {}
        self._queue: list[Job] = []
        self._running: dict[Future, list[Job]] = {}

    # -- the Executor protocol ------------------------------------------------------------------
    def start(self, cache_root: Path | None, versions: dict[str, str]) -> None:
        """Check that every worker sees the cache folder; open the progress bar."""
        self._versions = dict(versions)
        if cache_root is not None:
            root = Path(cache_root).resolve()
            root.mkdir(parents=True, exist_ok=True)
            probe = root / f".probe-{uuid.uuid4().hex}"
            probe.write_text("the cache folder as this client sees it\n", encoding="utf-8")
            try:
                seen = self.client.run(os.path.exists, str(probe))
            finally:
                probe.unlink(missing_ok=True)
            blind = sorted(worker for worker, ok in seen.items() if not ok)
            if blind:
                raise AnalysisError(f"{len(blind)} Dask worker(s) cannot see the cache folder {root} "
                                    f"(e.g. {blind[0]}): put it on a file system every worker mounts "
                                    "($ANALYSIS_CACHE_DIR)")
            self._cache_root = str(root)
        show = resolve(self._progress) and not self.quiet
        if show and self.client.dashboard_link:
            print(f"Dask dashboard (progress per task and worker): {self.client.dashboard_link}", file=sys.stderr)
        self._bar = progress_bar(total=None, desc="computed on the cluster", unit="article", disable=not show)

    def submit(self, jobs: list[Job], final: bool = False) -> Iterator[tuple[list[Job], list[dict[str, Any]]]]:
        """Queue ``jobs``; send full chunks; yield finished chunks (all of them when ``final``)."""
        self._queue.extend(jobs)
        while len(self._queue) >= self.chunk or (final and self._queue):
            part, self._queue = self._queue[: self.chunk], self._queue[self.chunk :]
            self._send(part)
            yield from self._collect(block=len(self._running) > self._window())
        if final:
            while self._running:
                yield from self._collect(block=True)

    def close(self) -> None:
        """Cancel what is left, close the bar, and shut down a cluster this executor started."""
        if self._running:
            self.client.cancel(list(self._running))
            self._running.clear()
        if self._bar is not None:
            self._bar.close()
        if self._own:
            with contextlib.suppress(Exception):
                self.client.close()
            if self.cluster is not None:
                with contextlib.suppress(Exception):
                    self.cluster.close()

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals ------------------------------------------------------------------------------
    def _window(self) -> int:
        threads = sum(w.get("nthreads", 1) for w in self.client.scheduler_info().get("workers", {}).values())
        return max(2, IN_FLIGHT_PER_THREAD * max(threads, 1))

    def _send(self, jobs: list[Job]) -> None:
        key = chunk_key(jobs, self._versions)
        future = self.client.submit(compute_chunk, jobs, self._cache_root, self._versions, key,
                                    key=f"analysis-chunk-{key}", retries=0)
        self._running[future] = jobs

    def _collect(self, block: bool) -> Iterator[tuple[list[Job], list[dict[str, Any]]]]:
        """Yield the chunks that are done; with ``block``, wait for at least one."""
        if not self._running:
            return
        if block:
            wait(list(self._running), return_when="FIRST_COMPLETED")
        for future in list(self._running):
            if future.done():
                jobs = self._running.pop(future)
                try:
                    results = future.result()
                except AnalysisError:
                    raise
                except Exception as err:  # noqa: BLE001 - e.g. KilledWorker after too many lost workers
                    raise AnalysisError(f"a Dask task failed: {type(err).__name__}: {err}") from None
                if self._bar is not None:
                    self._bar.update(len(jobs))
                yield jobs, results
