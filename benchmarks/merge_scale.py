"""Merging the events of 1,000,000 synthetic articles into timeline entries, within 8 GB.

    python benchmarks/merge_scale.py [--dev ../shared/devcorpus] [--articles 1000000] [--limit-gb 8]
                                     [--sizes 100000 1000000]

Events "as the pipeline emits them": the events stage is run on real articles (the dev corpus and the
repository's own event fixtures, not the locked test sets) and its cached rows are the templates.
Synthetic article ``i`` takes the rows of a template article, shifted in time by a random number
of days (0 to 10 years back): its date (``dct``) and every TIMEX value at its own granularity
(``2024-09-14`` by days, ``2024-09`` by months, ``2024`` by years, both ends of an interval), with
its own file name and article id. The rows are written as cache segments (Parquet, 20,000 articles
each), as ``analysis run`` leaves them.

Two merges of the same rows, each in its own interpreter with an address-space limit of
``--limit-gb`` (an allocation past it fails the run), printing its peak memory (``ru_maxrss``), its
peak address space (``VmPeak``, what the limit bounds) and its time (reading the segments, merging,
building the timeline table):

- ``objects``: the events frame as the Study reads it, merged by ``analysis.events.merge_events``
  (one ``Event`` object per report) — run up to ``--objects-max`` articles;
- ``lean``: only the columns the merge reads (no sentence, no mentions), dictionary-encoded, turned
  into ``Event`` records whose repeated strings, dates and actor tuples are shared objects, merged
  by the same ``merge_events`` (same entries: the benchmark checks the counts).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "devcorpus"
TEMPLATE_FIXTURES = ["events", "events_challenge", "events_v2/writer_a"]  # not the locked test sets
SEGMENT_ARTICLES = 20_000
MAX_SHIFT_DAYS = 3650

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_YEAR = re.compile(r"^(\d{4})(.*)$")


def shift_value(value: str | None, days: int) -> str | None:
    """A TIMEX value moved back ``days`` days at its own granularity (REF values and None unchanged)."""
    if value is None:
        return None
    parts = []
    for part in value.split("/"):
        if m := _DAY.match(part):
            day = dt.date(int(m[1]), int(m[2]), int(m[3])) - dt.timedelta(days=days)
            parts.append(day.isoformat() + (m[4] or ""))
        elif m := _MONTH.match(part):
            months = int(m[1]) * 12 + int(m[2]) - 1 - round(days / 30.44)
            parts.append(f"{months // 12:04d}-{months % 12 + 1:02d}")
        elif m := _WEEK.match(part):
            monday = dt.date.fromisocalendar(int(m[1]), min(int(m[2]), 52), 1) - dt.timedelta(weeks=days // 7)
            year, week, _ = monday.isocalendar()
            parts.append(f"{year:04d}-W{week:02d}")
        elif m := _YEAR.match(part):
            parts.append(f"{int(m[1]) - round(days / 365.25):04d}{m[2]}")
        else:
            parts.append(part)
    return "/".join(parts)


def template_events(dev: Path, cache: Path) -> pa.Table:
    """The events stage's cached rows for the template articles (run through the pipeline)."""
    from analysis.pipeline import process_corpus
    from analysis.pipeline.stages import stage_version

    paths = [dev] if dev.is_dir() else []
    paths += [REPO / "tests" / "fixtures" / name for name in TEMPLATE_FIXTURES]
    process_corpus(paths, stages=("entities", "timexes", "events"), cache_dir=cache, collect=False, progress=False,
                   workers=2, errors="skip")
    segments = sorted((cache / "events" / stage_version("events")).glob("seg-*.parquet"))
    return pa.concat_tables([pq.read_table(s) for s in segments], promote_options="permissive")


def generate(templates: pa.Table, articles: int, out: Path, seed: int = 11) -> dict:
    """Write the synthetic articles' event rows as cache segments; returns counts."""
    rows = templates.to_pylist()
    by_article: dict[str, list[dict]] = {}
    for row in rows:
        by_article.setdefault(row["content_hash"], []).append(row)
    groups = list(by_article.values())
    rng = random.Random(seed)
    schema = templates.schema.remove_metadata()
    out.mkdir(parents=True, exist_ok=True)
    n_events = 0
    batch: list[dict] = []
    for i in range(articles):
        group = groups[rng.randrange(len(groups))]
        days = rng.randrange(MAX_SHIFT_DAYS + 1)
        name = f"synthetic/{i:07d}.txt"
        content_hash = f"{i:064x}"
        for row in group:
            new = dict(row)
            new["content_hash"] = content_hash
            new["file"] = name
            new["article_id"] = f"{i:07d}"
            new["dct"] = row["dct"] - dt.timedelta(days=days)
            new["date"] = shift_value(row["date"], days)
            batch.append(new)
        n_events += len(group)
        if (i + 1) % SEGMENT_ARTICLES == 0 or i + 1 == articles:
            pq.write_table(pa.Table.from_pylist(batch, schema), out / f"seg-{i // SEGMENT_ARTICLES:05d}.parquet",
                           compression="zstd")
            batch = []
    return {"articles": articles, "events": n_events, "templates": len(groups), "template_events": len(rows)}


#: What ``merge_events`` reads of a report (not the sentence, not the mentions).
MERGE_COLUMNS = ["file", "article_id", "dct", "sentence_start", "sentence_end", "trigger", "trigger_start",
                 "trigger_end", "type", "date", "date_mod", "timex_text", "status", "place", "actors", "summary"]
STRING_COLUMNS = ["file", "article_id", "trigger", "type", "date", "date_mod", "timex_text", "status", "place",
                  "summary", "actors"]


def lean_events(files: list[Path]):
    """``Event`` records from cache segments, one segment at a time, sharing every repeated value."""
    from analysis.events.records import Event

    shared: dict = {}

    def share(value):
        return shared.setdefault(value, value)

    for path in files:
        table = pq.read_table(path, columns=MERGE_COLUMNS, read_dictionary=STRING_COLUMNS)
        columns = {}
        for name in MERGE_COLUMNS:
            column = table.column(name)
            if name == "actors":
                columns[name] = [share(tuple(share(a) for a in v or ())) for v in column.to_pylist()]
            elif name in STRING_COLUMNS and pa.types.is_dictionary(column.type):
                column = column.unify_dictionaries()
                values = [share(v) for v in column.chunk(0).dictionary.to_pylist()] if column.num_chunks else []
                codes = [i for chunk in column.chunks for i in chunk.indices.to_pylist()]
                columns[name] = [None if i is None else values[i] for i in codes]
            else:
                columns[name] = [share(v) for v in column.to_pylist()]
        del table
        n = len(columns["file"])
        constant = {"sentence": "", "timex_start": None, "timex_end": None, "mentions": ()}
        fields = [columns[f] if f in columns else itertools.repeat(constant[f], n) for f in Event.__dataclass_fields__]
        yield from itertools.starmap(Event, zip(*fields))  # positional: no dict per row


def child_merge(segments: Path, articles: int, engine: str) -> dict:
    """Read the segments, merge them (``engine``: objects or lean), build the timeline table."""
    from analysis.events import merge_events
    from analysis.pipeline.records import SCHEMAS, to_frame
    from analysis.timeline import timeline_table

    t0 = time.perf_counter()
    files = sorted(segments.glob("seg-*.parquet"))
    if engine == "objects":  # as the Study reads the cache: every column, one frame, rows in corpus order
        table = pa.concat_tables([pq.read_table(s) for s in files], promote_options="permissive")
        order = {f"{i:064x}": (i, f"{i:07d}", f"synthetic/{i:07d}.txt") for i in range(articles)}
        events = to_frame(table, order, SCHEMAS["events"].fields)
        del table, order
    else:
        events = list(lean_events(files))
    n_events = len(events)
    t1 = time.perf_counter()
    entries = merge_events(events)
    t2 = time.perf_counter()
    del events
    rows = timeline_table(entries)
    t3 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    status = Path("/proc/self/status").read_text() if Path("/proc/self/status").exists() else ""
    vm_peak = re.search(r"VmPeak:\s+(\d+) kB", status)
    return {"events": n_events, "entries": len(entries), "timeline_rows": len(rows), "read_s": t1 - t0,
            "merge_s": t2 - t1, "timeline_s": t3 - t2, "seconds": t3 - t0, "peak_gb": peak,
            "vm_peak_gb": int(vm_peak[1]) / 2**20 if vm_peak else float("nan"),
            "max_sources": int(entries["n_sources"].max()) if len(entries) else 0}


def run_child(segments: Path, articles: int, limit_gb: float, engine: str) -> dict | str:
    def limit() -> None:
        cap = int(limit_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    command = [sys.executable, __file__, "--child", str(segments), "--articles", str(articles), "--engine", engine]
    env = {**os.environ, "ANALYSIS_QUIET": "1", "PYTHONWARNINGS": "ignore", "OMP_NUM_THREADS": "1",
           "OPENBLAS_NUM_THREADS": "1", "ARROW_DEFAULT_MEMORY_POOL": "system"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, preexec_fn=limit)
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        return f"failed within {limit_gb:g} GB: {tail[0][:200]}"
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", default=str(DEFAULT_DEV), help="dev corpus folder (templates; optional)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000], help="articles per merge")
    parser.add_argument("--limit-gb", type=float, default=8.0, help="address-space limit of each merge")
    parser.add_argument("--objects-max", type=int, default=100_000,
                        help="largest size merged with merge_events too (it holds one object per report)")
    parser.add_argument("--engine", default="lean", help=argparse.SUPPRESS)
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--articles", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child_merge(Path(args.child), args.articles, args.engine)))
        return 0
    sys.stdout.reconfigure(line_buffering=True)
    work = Path(tempfile.mkdtemp(prefix="arnews-merge-bench-"))
    try:
        t = time.perf_counter()
        templates = template_events(Path(args.dev), work / "cache")
        print(f"templates: {templates.num_rows} events from {len(set(templates['content_hash'].to_pylist()))} "
              f"articles run through the pipeline ({time.perf_counter() - t:.0f} s)")
        print(f"limit per merge: {args.limit_gb:g} GB of address space\n")
        print(f"   {'articles':>9} {'engine':>8} {'events':>9} {'entries':>8} {'max srcs':>8} {'read s':>7} "
              f"{'merge s':>8} {'timeline s':>10} {'total s':>8} {'peak GB':>8} {'VM GB':>6}")
        for size in sorted(args.sizes):
            t = time.perf_counter()
            counts = generate(templates, size, work / f"events-{size}")
            print(f"   {size:>9,} articles, {counts['events']:,} events generated in {time.perf_counter() - t:.0f} s")
            results = {}
            for engine in ("objects", "lean"):
                if engine == "objects" and size > args.objects_max:
                    continue
                r = results[engine] = run_child(work / f"events-{size}", size, args.limit_gb, engine)
                if isinstance(r, str):
                    print(f"   {size:>9,} {engine:>8}  {r}")
                    continue
                print(f"   {size:>9,} {engine:>8} {r['events']:>9,} {r['entries']:>8,} {r['max_sources']:>8,} "
                      f"{r['read_s']:>7.1f} {r['merge_s']:>8.1f} {r['timeline_s']:>10.1f} {r['seconds']:>8.1f} "
                      f"{r['peak_gb']:>8.2f} {r['vm_peak_gb']:>6.2f}")
            if all(isinstance(results.get(e), dict) for e in ("objects", "lean")):
                o, c = results["objects"], results["lean"]
                assert (o["entries"], o["timeline_rows"]) == (c["entries"], c["timeline_rows"])
                print(f"   {size:>9,} lean / objects: time {c['seconds'] / o['seconds']:.2f}x, "
                      f"peak memory {c['peak_gb'] / o['peak_gb']:.2f}x (same entries)")
            shutil.rmtree(work / f"events-{size}", ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
