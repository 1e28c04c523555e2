"""``make figures``: execute the notebooks in order with papermill, then replace notebooks/ and figures/ together.

The Makefile calls ``python -m analysis.notebooks_run`` with its variables (CORPUS, LABELS, FROM,
TO, TYPES, MIN_SOURCES, PLACE, SKIP_ERRORS). The run:

1. checks the options and loads every corpus file: a bad file stops the run with one line naming
   the file and the problem (exit 2), unless ``--skip-errors`` (``SKIP_ERRORS=1``), which lists the
   skipped files and lets notebook 01 record them;
2. executes each ``notebooks/NN_*.ipynb`` with papermill into a staging folder, injecting the
   parameters each notebook declares (``PARAMETERS``) in a cell of its own, and the figures it saves
   go to the staging folder too ($ANALYSIS_FIGURES_DIR);
3. only when every notebook ran: moves the executed notebooks and the figures over the old ones
   (``analysis.staging``). A failure, Ctrl-C or a kill leaves the previous notebooks and figures.

Kernels get CurveZMQ keys from their manager (``transport_encryption="auto"``): ipykernel then has
no reason to warn that it "is running over TCP without encryption", and nothing in the committed
outputs is a kernel or transport warning. Every expected problem is one line on stderr, no traceback.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import os
import re
import signal
import sys
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import nbformat
import papermill
from jupyter_client.manager import AsyncKernelManager

from analysis.corpus import Problem, iter_articles
from analysis.errors import AnalysisError
from analysis.paths import project_root, study_paths
from analysis.staging import Stage, recover
from analysis.timeline import EntryFilter

PROG = "make figures"
#: The papermill parameters of the notebooks (a notebook receives those its parameters cell declares).
PARAMETERS = ("corpus", "labels", "date_from", "date_to", "types", "min_sources", "place", "skip_errors")
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
#: Seconds a cell may run (a cold run over a large corpus computes every stage in notebook 01).
CELL_TIMEOUT = 3600
KERNEL = "python3"
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
FALSE_WORDS = ("", "0", "no", "false", "off")


class Interrupted(Exception):
    """Ctrl-C or SIGTERM during a run."""


@dataclass(frozen=True)
class Parameters:
    """The values injected into the notebooks (papermill parameters, names shared with the notebooks)."""

    corpus: str
    labels: str = "ar"
    date_from: str | None = None
    date_to: str | None = None
    types: str | None = None
    min_sources: int = 1
    place: str | None = None
    skip_errors: bool = False


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="", help="article files or folder (default: $ANALYSIS_CORPUS, else seeds/)")
    parser.add_argument("--labels", default="", help="ar or en: the language of every figure (default ar)")
    parser.add_argument("--from", dest="date_from", default="", help="timeline from YYYY[-MM[-DD]]")
    parser.add_argument("--to", dest="date_to", default="", help="timeline up to YYYY[-MM[-DD]]")
    parser.add_argument("--types", default="", help="event types of the timeline, comma-separated")
    parser.add_argument("--min-sources", default="", help="timeline entries reported by at least N articles")
    parser.add_argument("--place", default="", help="timeline entries at this place")
    parser.add_argument("--skip-errors", default="", help="1: go on without the bad files (listed, and in notebook 01)")
    parser.add_argument("--project", default=None, help="the project folder (default: found from the current folder)")
    parser.add_argument("--timeout", type=int, default=CELL_TIMEOUT, help="seconds a cell may run")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``make figures``; returns the exit status (0, 2 for bad input, 1 for a failed notebook, 130 interrupted)."""
    args = parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _raise_interrupted)  # restored on return (forked workers inherit it)
    stage: Stage | None = None
    try:
        project = Path(args.project).absolute() if args.project else project_root()
        for line in recover(project):
            print(f"{PROG}: {line}")
        notebooks = sorted((project / "notebooks").glob(NOTEBOOK_GLOB))
        if not notebooks:
            raise AnalysisError(f"{project / 'notebooks'}: no notebook NN_name.ipynb to run")
        params = check_parameters(args, project)
        check_corpus(params, project)
        stage = Stage.create(project)
        staged_notebooks = stage.folder("notebooks", project / "notebooks")
        staged_figures = stage.folder("figures", study_paths(project=project).figures)
        for path in notebooks:
            print(f"executing {path.relative_to(project)}", flush=True)
            execute(path, staged_notebooks / path.name, params, staged_figures, args.timeout)
        written = stage.commit()
        stage = None
        n_figures = sum(1 for p in written if p.parent != project / "notebooks")
        print(f"notebooks/ and figures/ updated together: {len(notebooks)} notebooks, {n_figures} figure files")
        return 0
    except (KeyboardInterrupt, Interrupted):
        done = stage is not None and stage.committed  # Ctrl-C held off during the moves arrives after them
        state = "the new notebooks and figures are in place" if done else "the previous notebooks and figures are unchanged"
        print(f"{PROG}: interrupted; {state}", file=sys.stderr)
        return 130
    except AnalysisError as err:
        print(f"{PROG}: error: {err}", file=sys.stderr)
        return 2
    except NotebookFailed as err:
        print(f"{PROG}: error: {err}", file=sys.stderr)
        return 1
    finally:
        if stage is not None:
            stage.discard()
        signal.signal(signal.SIGTERM, previous)


def _raise_interrupted(signum: int, frame: Any) -> None:
    raise Interrupted(signal.Signals(signum).name)


# ---------------------------------------------------------------------------------------------
# Options and corpus


def check_parameters(args: argparse.Namespace, project: Path) -> Parameters:
    """The notebook parameters from the command line; ``AnalysisError`` naming the variable when one is wrong."""
    labels = args.labels.strip() or "ar"
    if labels not in ("ar", "en"):
        raise AnalysisError(f"LABELS={args.labels}: choose ar or en")
    for name, value in (("FROM", args.date_from), ("TO", args.date_to)):
        if value.strip() and not _PARTIAL_DATE.match(value.strip()):
            raise AnalysisError(f"{name}={value}: not a date YYYY, YYYY-MM or YYYY-MM-DD")
    min_sources = args.min_sources.strip() or "1"
    if not min_sources.isdigit() or int(min_sources) < 1:
        raise AnalysisError(f"MIN_SOURCES={args.min_sources}: not a whole number of at least 1")
    # the timeline's own check (unknown event types, FROM after TO), before any notebook runs
    EntryFilter.parse(args.date_from.strip() or None, args.date_to.strip() or None, args.types.strip() or None,
                      min_sources, args.place.strip() or None)  # fmt: skip
    corpus = args.corpus.strip()
    paths = [Path(corpus)] if corpus else list(study_paths(project=project).corpus)
    for path in paths:
        if not path.exists():
            raise AnalysisError(f"CORPUS={path}: no such file or folder")
    return Parameters(
        corpus=notebook_path(paths[0], project), labels=labels,
        date_from=args.date_from.strip() or None, date_to=args.date_to.strip() or None,
        types=",".join(t.strip() for t in args.types.split(",") if t.strip()) or None,
        min_sources=int(min_sources), place=args.place.strip() or None,
        skip_errors=args.skip_errors.strip().lower() not in FALSE_WORDS,
    )  # fmt: skip


def notebook_path(path: Path, project: Path) -> str:
    """``path`` as the notebooks (run in ``notebooks/``) should see it: relative inside the project."""
    path = path.absolute()
    try:
        return os.path.relpath(path, project / "notebooks") if path.is_relative_to(project) else str(path)
    except ValueError:
        return str(path)


def check_corpus(params: Parameters, project: Path) -> list[Problem]:
    """Load every corpus file; a bad one stops the run (one line each) unless ``skip_errors``.

    Returns the problems (files skipped, warnings), each printed as one line.
    """
    corpus = (project / "notebooks" / params.corpus).resolve()
    problems: list[Problem] = []
    loaded = sum(1 for _ in iter_articles([corpus], errors="skip", problems=problems))
    errors = [p for p in problems if p.severity == "error"]
    for problem in problems:
        if problem.severity == "warning":
            print(f"{PROG}: warning: {_where(problem)}: {problem.problem}", file=sys.stderr)
    if errors and not params.skip_errors:
        for problem in errors[:-1]:
            print(f"{PROG}: error: {_where(problem)}: {problem.problem}", file=sys.stderr)
        last = errors[-1]
        raise AnalysisError(f"{_where(last)}: {last.problem} (SKIP_ERRORS=1 goes on without the bad files)")
    for problem in errors:
        print(f"{PROG}: skipped {_where(problem)}: {problem.problem}", file=sys.stderr)
    if not loaded:
        raise AnalysisError(f"CORPUS={params.corpus}: no article could be loaded")
    return problems


def _where(problem: Problem) -> str:
    return f"{problem.path}:{problem.line}" if problem.line else problem.path


# ---------------------------------------------------------------------------------------------
# Executing one notebook


class NotebookFailed(Exception):
    """A notebook raised: the message names the notebook, the cell and the error in one line."""


def declared_parameters(path: Path) -> set[str]:
    """The names the notebook's ``parameters`` cell assigns (only those are injected).

    Read with ``ast``, not papermill's line parser, which gives up on a comment holding ``=``.
    """
    notebook = nbformat.read(path, as_version=4)
    names: set[str] = set()
    for cell in notebook.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", ()):
            try:
                tree = ast.parse(cell.source)
            except SyntaxError as err:
                raise AnalysisError(f"{path}: the parameters cell is not valid Python ({err.msg})") from None
            for node in tree.body:
                targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
                names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def execute(source: Path, target: Path, params: Parameters, figures: Path, timeout: int) -> None:
    """Execute ``source`` with papermill into ``target``, its figures into ``figures``; strip volatile metadata.

    The execution runs in a worker thread so that Ctrl-C reaches this (main) thread, which then
    kills the kernel; the kernel runs in its own session and exits too if this process is killed.
    """
    wanted = declared_parameters(source)
    parameters = {k: v for k, v in asdict(params).items() if k in wanted}
    manager = kernel_manager()
    outcome: dict[str, BaseException] = {}

    def run() -> None:
        try:
            papermill.execute_notebook(
                str(source), str(target), parameters=parameters, kernel_name=KERNEL, km=manager,
                cwd=str(source.parent), progress_bar=False, log_output=False, execution_timeout=timeout,
                request_save_on_cell_execute=False,
            )  # fmt: skip
        except BaseException as err:  # reported by the main thread
            outcome["error"] = err

    env = {"ANALYSIS_FIGURES_DIR": str(figures), "ANALYSIS_QUIET": "1"}
    with _environment(env, drop=("MPLBACKEND",)):
        worker = threading.Thread(target=run, name=f"papermill {source.name}", daemon=True)
        worker.start()
        try:
            while worker.is_alive():
                worker.join(0.2)
        finally:
            _stop_kernel(manager)
    if "error" in outcome:
        raise NotebookFailed(describe_failure(source, outcome["error"], target))
    clean_notebook(target)


def _stop_kernel(manager: Any) -> None:
    """End the kernel's process group (SIGTERM, then SIGKILL) if it still runs, and remove its connection file."""
    process = getattr(getattr(manager, "provisioner", None), "process", None)
    if process is not None and process.poll() is None:
        for signum, wait in ((signal.SIGTERM, 5), (signal.SIGKILL, 10)):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signum)  # the kernel leads its own session
            with contextlib.suppress(Exception):
                process.wait(timeout=wait)
            if process.poll() is not None:
                break
    with contextlib.suppress(Exception):
        manager.cleanup_connection_file()


def kernel_manager() -> Any:
    """A kernel manager that gives the kernel CurveZMQ keys, so ipykernel has no transport warning to print."""
    if "transport_encryption" in AsyncKernelManager.class_trait_names():  # jupyter_client >= 8.10
        return AsyncKernelManager(kernel_name=KERNEL, transport_encryption="auto")
    return AsyncKernelManager(kernel_name=KERNEL)


@contextlib.contextmanager
def _environment(values: dict[str, str], drop: Sequence[str] = ()):
    """Set (and unset) environment variables for the kernels started inside the block."""
    saved = {k: os.environ.get(k) for k in (*values, *drop)}
    os.environ.update(values)
    for key in drop:
        os.environ.pop(key, None)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def describe_failure(source: Path, error: BaseException, executed: Path) -> str:
    """One line: which notebook, which cell, which error (the executed notebook keeps the traceback)."""
    name = f"notebooks/{source.name}"
    ename, evalue = type(error).__name__, str(error).strip().splitlines()[-1:] or [""]
    cell = None
    if hasattr(error, "ename"):  # papermill.PapermillExecutionError
        ename, evalue, cell = error.ename, [str(error.evalue)], getattr(error, "exec_count", None)
    where = f"{name}, cell [{cell}]" if cell else name
    message = " ".join(evalue[0].split()) if evalue else ""
    return f"{where}: {ename}: {message}".rstrip(": ")


#: Metadata papermill and nbclient add that changes on every run (times, temporary paths).
VOLATILE_CELL_KEYS = ("papermill", "execution")


def clean_notebook(path: Path) -> None:
    """Keep what a reader needs (the injected parameters), drop run times and staging paths: stable diffs."""
    notebook = nbformat.read(path, as_version=4)
    run = notebook.metadata.pop("papermill", {})
    notebook.metadata["parameters"] = dict(run.get("parameters") or {})
    for cell in notebook.cells:
        for key in VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", ()):
            cell["id"] = "injected-parameters"  # papermill gives it a new random id on every run
    nbformat.write(notebook, path)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
