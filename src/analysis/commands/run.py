"""``analysis run [--corpus PATH...] [--no-cache] [--quiet] [--out DIR] [--labels ar|en] [filters] [--scheduler ADDRESS]``: the pipeline, then every figure.

One pass over the corpus: per-article results are cached (``.cache/analysis/`` or $ANALYSIS_CACHE_DIR),
so a re-run after adding one article computes that article only (``--no-cache`` recomputes
everything); the figures are drawn from the same pass (``analysis.study.Study``). With
``--scheduler`` the per-article stages run as Dask tasks (``analysis.pipeline.dask_runner``).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import warnings

from analysis.commands.columns import add_column_options, apply_column_options
from analysis.commands.figure_options import add_figure_options, figure_options


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("run", help="process the corpus (cached, incremental) and write every figure")
    parser.add_argument("--corpus", nargs="+", default=None, metavar="PATH",
                        help="article files, folders or archives (.jsonl, .csv, .parquet) (default: $ANALYSIS_CORPUS, "
                             "else seeds/)")
    parser.add_argument("--no-cache", action="store_true", help="recompute every stage for every article")
    parser.add_argument("--quiet", action="store_true", help="no progress bars, no per-figure lines")
    parser.add_argument("--skip-errors", action="store_true", help="process the good files, report the bad ones")
    parser.add_argument("--workers", type=int, default=None,
                        help="processes for articles not in the cache (default: up to 4, one per core)")
    parser.add_argument("--stages", nargs="+", default=None, metavar="STAGE",
                        help="with --no-figures, the stages to run (default: every stage, which the figures "
                             "need; an unknown name lists them)")
    add_figure_options(parser)
    parser.add_argument("--figures-dir", dest="out", default=None, help=argparse.SUPPRESS)  # the old name of --out
    parser.add_argument("--no-figures", action="store_true", help="only fill the cache, write no figure")
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS",
                        help="run the per-article stages on Dask: tcp://HOST:8786 (a running cluster; the cache "
                             "folder must be on a file system every worker sees) or local:N (N local worker processes)")
    parser.add_argument("--chunk", type=int, default=None, metavar="N",
                        help="with --scheduler, articles per Dask task (default 128)")
    add_column_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from analysis.corpus import Article, Problem
    from analysis.errors import AnalysisError
    from analysis.paths import study_paths
    from analysis.pipeline import STAGE_NAMES, RunStats, default_workers, process_corpus
    from analysis.progress import quiet
    from analysis.report import make_all_figures
    from analysis.study import Study

    options = figure_options(args)  # a bad filter stops here, before any work
    paths = study_paths(corpus=args.corpus).corpus
    apply_column_options(args, paths)
    problems: list[Problem] = []
    stats = RunStats()
    articles: list[Article] = []
    workers = args.workers if args.workers is not None else default_workers()
    if workers < 1:
        raise AnalysisError(f"--workers must be at least 1, not {workers}")
    # The figures need every stage; without them, the cache is filled and nothing is kept in memory.
    stages = list(STAGE_NAMES) if args.stages is None or not args.no_figures else args.stages
    if args.chunk is not None and args.scheduler is None:
        raise AnalysisError("--chunk goes with --scheduler")
    with quiet(args.quiet), contextlib.ExitStack() as stack:
        executor = None
        if args.scheduler is not None:
            from analysis.pipeline.dask_runner import CHUNK, DaskExecutor

            executor = stack.enter_context(DaskExecutor(args.scheduler, chunk=args.chunk or CHUNK, quiet=args.quiet))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            frames = process_corpus(paths, stages=stages, use_cache=not args.no_cache, collect=not args.no_figures,
                                    workers=workers, errors="skip", problems=problems, stats=stats,
                                    articles=None if args.no_figures else articles, executor=executor)
        seen: dict[str, int] = {}
        for warning in caught:  # a stage may warn once per article: one line per distinct message
            seen[str(warning.message)] = seen.get(str(warning.message), 0) + 1
        for message, count in seen.items():
            times = f" ({count} times)" if count > 1 else ""
            print(f"analysis run: warning: {message}{times}", file=sys.stderr)
        for problem in problems:
            print(f"analysis run: {problem}", file=sys.stderr)
        errors = [p for p in problems if p.severity == "error"]
        if errors and not args.skip_errors:
            print(f"analysis run: {len(errors)} file(s) could not be loaded or processed "
                  "(use --skip-errors to go on without them)", file=sys.stderr)
            return 2
        if not stats.paths:
            raise AnalysisError("no article could be loaded")
        if not args.quiet:
            computed = ", ".join(f"{n} {stats.computed[n]}" for n in stats.stages)
            print(f"{stats.articles} articles; computed: {computed} (the rest from the cache)")
        if args.no_figures:
            return 0
        # Only the files that loaded: the bad ones were reported above.
        study = Study.from_run(articles, frames, problems, stages=stats.stages)
        written = make_all_figures(study, directory=args.out, quiet=args.quiet, **options)
        for line in study.review.warnings():  # a reviewer's decision that applies to nothing is never silent
            print(f"analysis run: warning: {line}", file=sys.stderr)
        if not args.quiet:
            print(f"{len(written)} figure files written")
    return 0
