"""Dask LocalCluster (2 workers) against the process pool (2 workers) on the same synthetic corpus.

    python benchmarks/dask.py [--dev ../shared/devcorpus] [--size 10000] [--workers 2] [--chunk 128] [--repeat 1]

Each run is the cached pipeline from a cold cache (every stage, nothing kept in memory:
``process_corpus(collect=False)``), in its own interpreter. The Dask run includes starting the
LocalCluster (worker processes are spawned and import the package themselves; the pool forks).
Printed: wall time of each, the ratio Dask / pool (target: at most 1.25), and the measured
throughput per worker, from which docs/INGEST.md projects 1M and 10M articles on N workers.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]  # this file is not the `dask` package

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402


def _synthetic():
    spec = importlib.util.spec_from_file_location("synthetic_corpus", HERE / "synthetic_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def child(kind: str, folder: Path, cache: Path, workers: int, chunk: int) -> dict:
    from analysis.pipeline import RunStats, process_corpus

    stats = RunStats()
    t0 = time.perf_counter()
    if kind == "pool":
        process_corpus(folder, cache_dir=cache, collect=False, workers=workers, progress=False, stats=stats)
        startup = 0.0
    else:
        from analysis.pipeline.dask_runner import DaskExecutor

        with DaskExecutor(f"local:{workers}", chunk=chunk, progress=False, quiet=True) as executor:
            startup = time.perf_counter() - t0
            process_corpus(folder, cache_dir=cache, collect=False, progress=False, stats=stats, executor=executor)
    seconds = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"n": stats.articles, "seconds": seconds, "startup": startup, "computed": stats.computed,
            "rss_main_mb": round(rss, 1)}


def run_child(kind: str, folder: Path, cache: Path, workers: int, chunk: int) -> dict:
    command = [sys.executable, __file__, "--child", kind, "--folder", str(folder), "--cache", str(cache),
               "--workers", str(workers), "--chunk", str(chunk)]
    env = {**os.environ, "ANALYSIS_QUIET": "1", "PYTHONWARNINGS": "ignore"}
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"child {kind} failed:\n{done.stderr[-3000:]}")
    shutil.rmtree(cache, ignore_errors=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    syn = _synthetic()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", default=str(syn.DEFAULT_DEV), help="dev corpus folder to resample")
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=128, help="articles per Dask task")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each (pool, Dask alternating); best kept")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--folder", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--cache", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, Path(args.folder), Path(args.cache), args.workers, args.chunk)))
        return 0
    sys.stdout.reconfigure(line_buffering=True)
    work = Path(tempfile.mkdtemp(prefix="arnews-dask-bench-"))
    try:
        folder = syn.write_folder(syn.dev_articles(Path(args.dev)), args.size, work / "corpus")
        print(f"{args.size:,} synthetic articles from {args.dev}; {os.cpu_count()} cores; {args.workers} workers; "
              f"Dask chunk {args.chunk} articles\n")
        print(f"   {'run':<22} {'wall s':>7} {'startup s':>9} {'art/s':>6} {'art/s/worker':>12} {'peak MB':>7}")
        best: dict[str, dict] = {}
        for rep in range(args.repeat):
            for kind in ("pool", "dask"):
                r = run_child(kind, folder, work / f"cache-{kind}-{rep}", args.workers, args.chunk)
                assert r["n"] == args.size and all(v == args.size for v in r["computed"].values()), r
                label = "process pool" if kind == "pool" else "Dask LocalCluster"
                print(f"   {label + f' #{rep + 1}':<22} {r['seconds']:>7.1f} {r['startup']:>9.1f} "
                      f"{r['n'] / r['seconds']:>6.0f} {r['n'] / r['seconds'] / args.workers:>12.1f} "
                      f"{r['rss_main_mb']:>7.0f}")
                if kind not in best or r["seconds"] < best[kind]["seconds"]:
                    best[kind] = r
        pool, dask = best["pool"], best["dask"]
        ratio = dask["seconds"] / pool["seconds"]
        per_worker = dask["n"] / (dask["seconds"] - dask["startup"]) / args.workers
        print(f"\nDask / pool wall time: {ratio:.3f}x (target <= 1.25: {'met' if ratio <= 1.25 else 'NOT met'}); "
              f"without the cluster start-up: {(dask['seconds'] - dask['startup']) / pool['seconds']:.3f}x")
        print(f"per-worker throughput on the cluster (start-up excluded): {per_worker:.1f} articles/s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
