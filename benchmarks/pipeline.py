"""Pipeline speed and memory on synthetic corpora of 100, 1,000 and 10,000 articles.

    python benchmarks/pipeline.py [CORPUS] [--sizes 100 1000 10000] [--workers 2]

CORPUS (default ``../shared/devcorpus`` next to the repository) is resampled to each size: article
``i`` is dev article ``i mod n`` with a distinct URL (``?copy=i``) and one varied sentence appended
to its body, so the loader sees no duplicates. Each measurement runs in its own subprocess, so the
peak memory (``ru_maxrss``) of one size does not leak into the next. Printed:

1. articles/second per stage (one process, no cache): load, tokens, entities, timexes, events;
2. end to end per size: the cached pipeline from a cold cache with ``--workers`` processes (wall
   time, peak RSS of the main process and of the largest worker), then, in a fresh process, the
   timeline from the cached events (merge the events of every article, build the timeline table);
3. the incremental ratio: 1,000 articles cached + 1 new article, against the cold run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "devcorpus"
VARIATIONS = ["وأضاف المصدر أن الاجتماع رقم {i} عقد في بغداد.", "وذكر التقرير {i} أن المفاوضات مستمرة.",
              "ونقلت الوكالة عن مسؤول قوله إن الخطوة {i} تمت بنجاح."]


# ---------------------------------------------------------------------------------------------
# The synthetic corpus


def synthesize(dev: Path, size: int, folder: Path) -> Path:
    """Write ``size`` distinct articles resampled from the dev corpus into ``folder``."""
    from analysis.corpus import iter_articles

    articles = sorted(iter_articles(dev), key=lambda a: a.path)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(size):
        a = articles[i % len(articles)]
        sep = "&" if "?" in a.url else "?"
        extra = VARIATIONS[i % len(VARIATIONS)].format(i=i)
        text = f" date {a.date.isoformat()} {a.url}{sep}copy={i}\n\n{a.title}\n\n{a.body}\n\n{extra}\n"
        (folder / f"{i:05d}_{Path(a.path).stem[:40]}.txt").write_text(text, encoding="utf-8")
    return folder


# ---------------------------------------------------------------------------------------------
# Children: one measurement each, results as JSON on stdout


def _peak() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"rss_main_mb": round(own, 1), "rss_worker_mb": round(children, 1)}


def working_stages(folder: Path) -> list[str]:
    """The stages that import and run on one article (a model being retrained is left out)."""
    from analysis.corpus import iter_articles
    from analysis.errors import AnalysisError
    from analysis.pipeline import STAGES, available_stages

    article = next(iter(iter_articles(folder)))
    ok, earlier = [], {}
    for name in available_stages():
        try:
            earlier[name] = STAGES[name].run(article, earlier)  # also loads models, outside any timing
        except AnalysisError as err:
            print(f"stage {name} left out: {err}", file=sys.stderr)
            continue
        ok.append(name)
    return ok


def child_stages(folder: Path) -> dict:
    """Seconds per stage over every article of ``folder``, one process, no cache."""
    from analysis.corpus import iter_articles
    from analysis.pipeline import STAGES

    stages = working_stages(folder)
    t = time.perf_counter()
    articles = list(iter_articles(folder))
    seconds = {"load": time.perf_counter() - t}
    for name in stages:
        seconds[name] = 0.0
    kept = []
    for article in articles:
        earlier: dict = {}
        for name in stages:
            t = time.perf_counter()
            earlier[name] = STAGES[name].run(article, earlier)
            seconds[name] += time.perf_counter() - t
        kept.append(earlier)
    if "events" in stages:  # the same stage without the learned trigger tagger: what the CRF costs
        from analysis.events import learned

        seconds["events, rules only"] = 0.0
        with learned.use_model(None):
            for article, earlier in zip(articles, kept):
                t = time.perf_counter()
                STAGES["events"].run(article, earlier)
                seconds["events, rules only"] += time.perf_counter() - t
    return {"n": len(articles), "seconds": seconds}


def child_pipeline(folder: Path, cache: Path, workers: int) -> dict:
    """The cached pipeline from a cold cache (every stage that runs), with its peak memory."""
    from analysis.pipeline import RunStats, process_corpus

    stages = working_stages(folder)
    stats = RunStats()
    t0 = time.perf_counter()
    process_corpus(folder, stages=stages, cache_dir=cache, collect=False, workers=workers, progress=False,
                   stats=stats)
    return {"n": stats.articles, "seconds": time.perf_counter() - t0, "stages": list(stats.stages), **_peak()}


def child_timeline(folder: Path, cache: Path) -> dict:
    """From the cached events: merge every article's events into entries, then the timeline table."""
    from analysis.events import merge_events
    from analysis.pipeline import process_corpus
    from analysis.timeline import timeline_table

    t0 = time.perf_counter()
    events = process_corpus(folder, stages=("events",), cache_dir=cache, progress=False)["events"]
    t1 = time.perf_counter()
    entries = merge_events(events)
    t2 = time.perf_counter()
    table = timeline_table(entries)
    t3 = time.perf_counter()
    return {"n_events": len(events), "read_s": t1 - t0, "merge_s": t2 - t1, "table_s": t3 - t2,
            "seconds": t3 - t0, "entries": len(entries), "rows": len(table), **_peak()}


def child_incremental(folder: Path, cache: Path, workers: int) -> dict:
    """Cold run, then the same corpus + 1 new article: how much of the cold time is paid again."""
    from analysis.pipeline import RunStats, process_corpus

    stages = working_stages(folder)
    out = {}
    for collect in (False, True):
        root = cache / f"collect-{collect}"
        t = time.perf_counter()
        process_corpus(folder, stages=stages, cache_dir=root, collect=collect, workers=workers, progress=False)
        cold = time.perf_counter() - t
        new = folder / f"zz_new_{collect}.txt"
        new.write_text(" date 2026-02-01 https://example.com/new/" + str(collect) + "\n\nخبر جديد\n\n"
                       "أعلن الجيش العراقي في الأول من شباط 2026 تسلم قاعدة حرير من قوات التحالف.\n",
                       encoding="utf-8")
        stats = RunStats()
        t = time.perf_counter()
        process_corpus(folder, stages=stages, cache_dir=root, collect=collect, workers=workers, progress=False,
                       stats=stats)
        warm = time.perf_counter() - t
        new.unlink()
        out[f"collect={collect}"] = {"cold_s": cold, "incremental_s": warm, "ratio": warm / cold,
                                     "computed": stats.computed, "n": stats.articles}
    return out


def run_child(kind: str, *args: str, timeout: float | None = None) -> dict | None:
    """Run one measurement in a fresh interpreter; None if it ran past ``timeout`` seconds."""
    command = [sys.executable, __file__, "--child", kind, *args]
    env = {**os.environ, "ANALYSIS_QUIET": "1", "PYTHONWARNINGS": "ignore"}
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise SystemExit(f"child {kind} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS), help="dev corpus folder to resample")
    parser.add_argument("--sizes", nargs="+", type=int, default=[100, 1000, 10000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--stage-size", type=int, default=1000, help="articles for the per-stage rates")
    parser.add_argument("--incremental-size", type=int, default=1000)
    parser.add_argument("--timeline-timeout", type=float, default=900,
                        help="seconds after which the timeline step is reported as too slow (0: skip it)")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--folder", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--cache", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    sys.stdout.reconfigure(line_buffering=True)  # each table row as soon as it is measured

    if args.child:
        folder = Path(args.folder)
        if args.child == "stages":
            result = child_stages(folder)
        elif args.child == "pipeline":
            result = child_pipeline(folder, Path(args.cache), args.workers)
        elif args.child == "timeline":
            result = child_timeline(folder, Path(args.cache))
        else:
            result = child_incremental(folder, Path(args.cache), args.workers)
        print(json.dumps(result))
        return 0

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        raise SystemExit(f"{corpus}: no such corpus folder (give the dev corpus path as the first argument)")
    work = Path(tempfile.mkdtemp(prefix="arnews-bench-"))
    try:
        sizes = sorted(set(args.sizes) | {args.stage_size, args.incremental_size})
        folders = {n: synthesize(corpus, n, work / f"corpus-{n}") for n in sizes}
        print(f"corpus: {corpus} resampled to {', '.join(f'{n:,}' for n in sizes)} articles; "
              f"{os.cpu_count()} cores; workers={args.workers}\n")

        rates = run_child("stages", "--folder", str(folders[args.stage_size]))
        print(f"1. Throughput per stage (one process, no cache, {rates['n']:,} articles)")
        print(f"   {'stage':<10} {'articles/s':>11} {'ms/article':>11}")
        for name, seconds in rates["seconds"].items():
            if name == "events, rules only":
                continue
            print(f"   {name:<10} {rates['n'] / seconds:>11,.0f} {1000 * seconds / rates['n']:>11.2f}")
        rules_only = rates["seconds"].pop("events, rules only", None)
        total = sum(v for k, v in rates["seconds"].items() if k != "events, rules only")
        print(f"   {'all':<10} {rates['n'] / total:>11,.0f} {1000 * total / rates['n']:>11.2f}")
        if rules_only:
            print(f"   events without the learned trigger tagger: {1000 * rules_only / rates['n']:.2f} ms/article; "
                  f"the tagger costs x{rates['seconds']['events'] / rules_only:.2f} on the events stage")
        print()

        print(f"2. End to end from a cold cache ({args.workers} workers): pipeline, then timeline "
              "(each in its own process)")
        print(f"   {'articles':>8} {'pipeline s':>10} {'art/s':>6} {'peak MB':>7} {'worker MB':>9} | "
              f"{'events':>7} {'timeline s':>10} {'(merge s)':>9} {'peak MB':>7} | {'total s':>7} {'art/s':>6}")
        for n in sorted(args.sizes):
            cache = work / f"cache-{n}"
            p = run_child("pipeline", "--folder", str(folders[n]), "--cache", str(cache), "--workers", str(args.workers))
            t = (run_child("timeline", "--folder", str(folders[n]), "--cache", str(cache), timeout=args.timeline_timeout)
                 if args.timeline_timeout > 0 else None)
            line = (f"   {p['n']:>8,} {p['seconds']:>10.1f} {p['n'] / p['seconds']:>6,.0f} {p['rss_main_mb']:>7,.0f} "
                    f"{p['rss_worker_mb']:>9,.0f} | ")
            if t is None:
                line += f"{'?':>7} {'> ' + str(int(args.timeline_timeout)):>10} {'':>9} {'':>7} | {'-':>7} {'-':>6}"
            else:
                total = p["seconds"] + t["seconds"]
                line += (f"{t['n_events']:>7,} {t['seconds']:>10.1f} {t['merge_s']:>9.1f} {t['rss_main_mb']:>7,.0f} | "
                         f"{total:>7.1f} {p['n'] / total:>6,.0f}")
            print(line, flush=True)
            shutil.rmtree(cache, ignore_errors=True)
        print()

        n = args.incremental_size
        inc = run_child("incremental", "--folder", str(folders[n]), "--cache", str(work / "cache-inc"),
                        "--workers", str(args.workers))
        print(f"3. Incremental re-run: {n:,} articles cached + 1 new, against the cold run")
        for mode, r in inc.items():
            print(f"   {mode:<14} cold {r['cold_s']:6.2f} s   +1 article {r['incremental_s']:5.2f} s   "
                  f"ratio {100 * r['ratio']:4.1f} %   computed {r['computed']}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
