"""Where a study reads and writes by default: the corpus, the figures, the cache and the review table.

``study_paths`` is the one function that decides, for every entry point (``analysis run``,
``analysis figures``, ``analysis review``, ``analysis add``, the notebooks, ``make figures``): an
explicit argument wins, else the environment variable ($ANALYSIS_CORPUS, $ANALYSIS_FIGURES_DIR,
$ANALYSIS_CACHE_DIR, $ANALYSIS_REVIEW), else a folder of the project: ``seeds/``, ``figures/``,
``.cache/analysis/`` and ``reviews/timeline.csv``.

The project is found from the current directory: the nearest folder (the current one or a parent)
holding ``pyproject.toml`` and ``notebooks/``, so ``analysis figures`` run in a checkout (or in
its ``notebooks/`` folder) uses that checkout's folders, whichever copy of the package is
installed. Only when the current directory is in no project does the installed package's own
checkout count, and failing that the current directory itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

CORPUS_ENV = "ANALYSIS_CORPUS"
FIGURES_ENV = "ANALYSIS_FIGURES_DIR"
CACHE_ENV = "ANALYSIS_CACHE_DIR"
REVIEW_ENV = "ANALYSIS_REVIEW"

#: The review table of the timeline, relative to the project folder (versioned with the project).
REVIEW_FILE = Path("reviews") / "timeline.csv"

PathLike = str | Path


@dataclass(frozen=True)
class StudyPaths:
    """The corpus files or folders, the figures folder, the cache folder and the review table of one study."""

    corpus: tuple[Path, ...]
    figures: Path
    cache: Path
    review: Path


def is_project(folder: Path) -> bool:
    """A project folder holds ``pyproject.toml`` and a ``notebooks/`` folder."""
    return (folder / "pyproject.toml").is_file() and (folder / "notebooks").is_dir()


def project_from(start: PathLike) -> Path | None:
    """The nearest folder at or above ``start`` that is a project (``is_project``), if any."""
    start = Path(start).absolute()
    for folder in (start, *start.parents):
        if is_project(folder):
            return folder
    return None


def repo_root() -> Path | None:
    """The checkout this package runs from (the folder with ``pyproject.toml`` and ``src/analysis``), if any."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").exists() and (parent / "src" / "analysis").is_dir():
            return parent
    return None


def project_root() -> Path:
    """The project of the current directory, else the package's checkout, else the current directory."""
    return project_from(Path.cwd()) or repo_root() or Path.cwd()


def study_paths(
    corpus: PathLike | Iterable[PathLike] | None = None,
    figures: PathLike | None = None,
    cache: PathLike | None = None,
    review: PathLike | None = None,
    project: PathLike | None = None,
) -> StudyPaths:
    """Resolve the four locations: the argument, else the environment variable, else the project's.

    ``project``: the project folder (default: ``project_root()``, found from the current directory).
    """
    base = Path(project) if project is not None else project_root()
    if corpus is not None:
        corpus_paths = (Path(corpus),) if isinstance(corpus, (str, Path)) else tuple(Path(p) for p in corpus)
    else:
        corpus_paths = (from_env(CORPUS_ENV) or base / "seeds",)
    return StudyPaths(
        corpus=corpus_paths,
        figures=Path(figures) if figures is not None else from_env(FIGURES_ENV) or base / "figures",
        cache=Path(cache) if cache is not None else from_env(CACHE_ENV) or base / ".cache" / "analysis",
        review=Path(review) if review is not None else from_env(REVIEW_ENV) or base / REVIEW_FILE,
    )


def default_corpus() -> list[Path]:
    """The corpus used when none is given: $ANALYSIS_CORPUS, else the project's ``seeds/``."""
    return list(study_paths().corpus)


def figures_dir(directory: PathLike | None = None) -> Path:
    """The figures folder: ``directory``, else $ANALYSIS_FIGURES_DIR, else the project's ``figures/``."""
    return study_paths(figures=directory).figures


def cache_dir(directory: PathLike | None = None) -> Path:
    """The cache folder: ``directory``, else $ANALYSIS_CACHE_DIR, else the project's ``.cache/analysis``."""
    return study_paths(cache=directory).cache


def review_file(path: PathLike | None = None) -> Path:
    """The review table: ``path``, else $ANALYSIS_REVIEW, else the project's ``reviews/timeline.csv``."""
    return study_paths(review=path).review


def from_env(name: str) -> Path | None:
    """The path in environment variable ``name``, or None when it is unset or empty."""
    value = os.environ.get(name)
    return Path(value) if value else None
