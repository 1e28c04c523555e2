"""Archive corpora: a Parquet archive against a folder of files, and memory from 10,000 to 100,000 rows.

    python benchmarks/archive.py [--dev ../shared/devcorpus] [--size 10000] [--curve 10000 25000 50000 100000]
                                 [--stages tokens] [--workers 2]

The same synthetic articles (``benchmarks/synthetic_corpus.py``) as files, as a Parquet archive (and
as JSONL and CSV for the loading rates). Each measurement runs in its own interpreter, so its peak
memory (``ru_maxrss``) is its own. Printed:

1. loading (``iter_articles``: read, render, check, duplicate detection) at ``--size``: articles/s
   and peak memory per format, and the ratio to the folder;
2. the cached pipeline from a cold cache (``--stages``, ``--workers`` processes, nothing kept in
   memory) on the folder and on the Parquet archive, and their ratio;
3. the memory curve: peak memory of loading, and of the pipeline, for each ``--curve`` size of
   Parquet archive (rows read 1,024 at a time), and the memory still held after loading over the
   baseline after imports (the peak of importing CAMeL Tools would hide a small growth), with the
   growth per 1,000 rows. ``--curve-only`` runs part 3 alone.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _synthetic():
    spec = importlib.util.spec_from_file_location("synthetic_corpus", HERE / "synthetic_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _peak() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"rss_main_mb": round(own, 1), "rss_worker_mb": round(children, 1), "rss_end_mb": round(_current(), 1)}


def _current() -> float:
    """Resident memory now (MB): what the process holds after the run, under the peak of its imports."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def child_load(corpus: Path) -> dict:
    from analysis.corpus import iter_articles

    import analysis.text  # noqa: F401 - imported before timing (duplicate detection normalizes bodies)

    base = _current()
    t0 = time.perf_counter()
    n = sum(1 for _ in iter_articles(corpus))
    return {"n": n, "seconds": time.perf_counter() - t0, "rss_before_mb": round(base, 1), **_peak()}


def child_pipeline(corpus: Path, cache: Path, stages: list[str], workers: int) -> dict:
    from analysis.pipeline import RunStats, process_corpus

    stats = RunStats()
    t0 = time.perf_counter()
    process_corpus(corpus, stages=stages, cache_dir=cache, collect=False, workers=workers, progress=False,
                   stats=stats)
    return {"n": stats.articles, "seconds": time.perf_counter() - t0, **_peak()}


def run_child(*argv: str) -> dict:
    env = {**os.environ, "ANALYSIS_QUIET": "1", "PYTHONWARNINGS": "ignore"}
    done = subprocess.run([sys.executable, __file__, *argv], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"child {argv} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def curve(args: argparse.Namespace, syn, dev: list, work: Path) -> int:  # noqa: ANN001
    """Part 3: peak memory (and memory held at the end) against the size of a Parquet archive."""
    print("\n3. Memory against archive size (Parquet; peak RSS of the reading process)")
    print(f"   {'rows':>8} {'load s':>7} {'load MB':>8} {'held MB':>8}" + ("" if args.no_curve_pipeline else
                                                        f" {'pipeline s':>10} {'pipeline MB':>11} {'worker MB':>9} {'end MB':>8}"))
    curve = []
    for size in sorted(args.curve):
        path = work / f"a{size}.parquet"
        if not path.exists():
            syn.write_parquet(dev, size, path)
        load = run_child("--child", "load", "--corpus", str(path))
        line = (f"   {size:>8,} {load['seconds']:>7.1f} {load['rss_main_mb']:>8.0f} "
                f"{load['rss_end_mb'] - load['rss_before_mb']:>8.1f}")
        pipe = None
        if not args.no_curve_pipeline:
            pipe = run_child("--child", "pipeline", "--corpus", str(path), "--cache", str(work / "cache-curve"),
                             "--workers", str(args.workers), "--stages", *args.stages)
            shutil.rmtree(work / "cache-curve", ignore_errors=True)
            line += f" {pipe['seconds']:>10.1f} {pipe['rss_main_mb']:>11.0f} {pipe['rss_worker_mb']:>9.0f} {pipe['rss_end_mb']:>8.0f}"
        print(line)
        curve.append((size, load, pipe))
        path.unlink()
    (lo, l0, p0), (hi, l1, p1) = curve[0], curve[-1]
    per_k = lambda a, b: (b - a) / ((hi - lo) / 1000)  # noqa: E731 - MB per 1,000 rows
    held0, held1 = l0["rss_end_mb"] - l0["rss_before_mb"], l1["rss_end_mb"] - l1["rss_before_mb"]
    print(f"\n   from {lo:,} to {hi:,} rows: loading peak {l0['rss_main_mb']:.0f} -> {l1['rss_main_mb']:.0f} MB, "
          f"held after loading {held0:.1f} -> {held1:.1f} MB ({per_k(held0, held1):+.2f} MB per 1,000 rows)" +
          ("" if p0 is None else f"; pipeline {p0['rss_main_mb']:.0f} -> {p1['rss_main_mb']:.0f} MB "
           f"({per_k(p0['rss_main_mb'], p1['rss_main_mb']):+.2f} MB per 1,000 rows), workers "
           f"{p0['rss_worker_mb']:.0f} -> {p1['rss_worker_mb']:.0f} MB"))
    return 0


def main() -> int:
    syn = _synthetic()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", default=str(syn.DEFAULT_DEV), help="dev corpus folder to resample")
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--curve", type=int, nargs="+", default=[10_000, 25_000, 50_000, 100_000])
    parser.add_argument("--stages", nargs="+", default=["tokens"], help="pipeline stages to run (all: the four)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-curve-pipeline", action="store_true", help="the curve for loading only")
    parser.add_argument("--curve-only", action="store_true", help="only part 3, the memory curve")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--cache", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "load":
        print(json.dumps(child_load(Path(args.corpus))))
        return 0
    if args.child == "pipeline":
        print(json.dumps(child_pipeline(Path(args.corpus), Path(args.cache), args.stages, args.workers)))
        return 0

    sys.stdout.reconfigure(line_buffering=True)
    work = Path(tempfile.mkdtemp(prefix="arnews-archive-bench-"))
    try:
        import pyarrow.parquet as pq

        dev = syn.dev_articles(Path(args.dev))
        n = args.size
        if args.curve_only:
            return curve(args, syn, dev, work)
        corpora = {"folder": syn.write_folder(dev, n, work / "folder"),
                   "parquet": syn.write_parquet(dev, n, work / f"a{n}.parquet")}
        table = pq.read_table(corpora["parquet"]).to_pandas()
        corpora["jsonl"] = work / f"a{n}.jsonl"
        table.to_json(corpora["jsonl"], orient="records", lines=True, force_ascii=False)
        corpora["csv"] = work / f"a{n}.csv"
        table.to_csv(corpora["csv"], index=False)
        del table
        print(f"{n:,} synthetic articles from {args.dev}; {os.cpu_count()} cores\n")

        print(f"1. Loading {n:,} articles (iter_articles), one process")
        print(f"   {'corpus':<8} {'seconds':>8} {'art/s':>7} {'vs folder':>9} {'peak MB':>8}")
        loads = {kind: run_child("--child", "load", "--corpus", str(path)) for kind, path in corpora.items()}
        for kind, r in loads.items():
            assert r["n"] == n, (kind, r)
            print(f"   {kind:<8} {r['seconds']:>8.2f} {n / r['seconds']:>7.0f} "
                  f"{r['seconds'] / loads['folder']['seconds']:>8.2f}x {r['rss_main_mb']:>8.0f}")

        print(f"\n2. Cached pipeline from a cold cache, stages {' '.join(args.stages)}, {args.workers} workers")
        print(f"   {'corpus':<8} {'seconds':>8} {'art/s':>7} {'vs folder':>9} {'peak MB':>8} {'worker MB':>9}")
        runs = {}
        for kind in ("folder", "parquet"):
            runs[kind] = run_child("--child", "pipeline", "--corpus", str(corpora[kind]), "--cache",
                                   str(work / f"cache-{kind}"), "--workers", str(args.workers), "--stages", *args.stages)
            shutil.rmtree(work / f"cache-{kind}", ignore_errors=True)
            r = runs[kind]
            print(f"   {kind:<8} {r['seconds']:>8.1f} {n / r['seconds']:>7.0f} "
                  f"{r['seconds'] / runs['folder']['seconds']:>8.2f}x {r['rss_main_mb']:>8.0f} {r['rss_worker_mb']:>9.0f}")
        shutil.rmtree(work / "folder", ignore_errors=True)

        curve(args, syn, dev, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
