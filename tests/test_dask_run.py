"""``analysis run --scheduler``: the per-article stages as Dask tasks on a LocalCluster of processes.

Small on purpose (a few articles, 2 workers): the same results and figures as a local run, byte
for byte; and a worker killed (SIGKILL) while it holds tasks does not fail the run: its chunks are
computed again elsewhere, nothing is lost, nothing is counted twice, no article is cached twice.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from distributed import Client, LocalCluster

from analysis.cache import HASHES_KEY
from analysis.cli import main
from analysis.pipeline import STAGE_NAMES, RunStats, process_corpus
from analysis.pipeline.dask_runner import DaskExecutor
from analysis.study import Study

from netguard import Guard, loopback_only  # noqa: F401 - the fixture

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted((FIXTURES / "events_challenge").glob("10*.txt"))[:6]:
        shutil.copy(path, folder / path.name)
    return folder


def segment_hashes(cache: Path) -> dict[str, list[str]]:
    """Every article hash of every cache segment, per stage (a hash twice = cached twice)."""
    out: dict[str, list[str]] = {}
    for seg in sorted(cache.glob("*/*/seg-*.parquet")):
        stage = seg.parent.parent.name
        out.setdefault(stage, []).extend(json.loads(pq.read_schema(seg).metadata[HASHES_KEY]))
    return out


def test_local_cluster_gives_the_same_results_and_figures(tmp_path: Path, corpus: Path, loopback_only: Guard,  # noqa: F811
                                                          monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    runs = {}
    for name, extra in (("local", []), ("dask", ["--scheduler", "local:2", "--chunk", "2"])):
        monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / f"cache-{name}"))
        code = main(["run", "--corpus", str(corpus), "--figures-dir", str(tmp_path / f"fig-{name}"), "--quiet", *extra])
        assert code == 0, capsys.readouterr().err
        runs[name] = tmp_path / f"fig-{name}"
    local = sorted(p.name for p in runs["local"].iterdir())
    assert local and local == sorted(p.name for p in runs["dask"].iterdir())
    for name in local:
        assert (runs["local"] / name).read_bytes() == (runs["dask"] / name).read_bytes(), name
    a = Study.load(corpus, cache_dir=tmp_path / "cache-local")
    b = Study.load(corpus, cache_dir=tmp_path / "cache-dask")
    for stage in STAGE_NAMES:
        pd.testing.assert_frame_equal(a.frame(stage), b.frame(stage))
    hashes = segment_hashes(tmp_path / "cache-dask")
    assert {stage: sorted(h) for stage, h in hashes.items()} == {
        stage: sorted(h) for stage, h in segment_hashes(tmp_path / "cache-local").items()}


def test_killed_worker_mid_run_loses_nothing_and_counts_nothing_twice(tmp_path: Path, corpus: Path,
                                                                      loopback_only: Guard) -> None:  # noqa: F811
    expected = process_corpus(corpus, cache_dir=tmp_path / "cache-local", progress=False)
    killed: list[tuple[str, list[str]]] = []

    def kill_a_busy_worker(client: Client, stop: threading.Event) -> None:
        while not stop.is_set():
            busy = {w: keys for w, keys in client.processing().items() if keys}
            if busy:
                worker, keys = sorted(busy.items())[0]
                pid = client.run(os.getpid, workers=[worker])[worker]
                os.kill(pid, signal.SIGKILL)
                killed.append((worker, list(keys)))
                return
            time.sleep(0.01)

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
                      silence_logs=50) as cluster, Client(cluster) as client:
        stop = threading.Event()
        killer = threading.Thread(target=kill_a_busy_worker, args=(client, stop), daemon=True)
        killer.start()
        stats = RunStats()
        with DaskExecutor(client, chunk=1) as executor:
            frames = process_corpus(corpus, cache_dir=tmp_path / "cache-dask", progress=False, executor=executor,
                                    stats=stats)
        stop.set()
        killer.join(10)
        assert killed, "no worker was killed while holding tasks"
        worker, keys = killed[0]
        assert keys and all(k.startswith("analysis-chunk-") for k in keys)
        # The scheduler sent the killed worker's tasks to a worker again (its story: processing twice).
        starts = {k: [t[2] for t in cluster.scheduler.story(k) if len(t) > 2].count("processing") for k in keys}
        assert max(starts.values()) >= 2, starts
    assert stats.articles == 6 and stats.computed == {stage: 6 for stage in STAGE_NAMES} and not stats.failed
    for stage in STAGE_NAMES:
        pd.testing.assert_frame_equal(frames[stage], expected[stage])
    hashes = segment_hashes(tmp_path / "cache-dask")
    for stage in STAGE_NAMES:
        assert len(hashes[stage]) == len(set(hashes[stage])) == 6, stage  # each article cached once
