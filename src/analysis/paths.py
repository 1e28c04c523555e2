"""Where a study reads and writes by default: the corpus, the figures folder and the cache folder.

``study_paths`` is the one function that decides, for every entry point (``analysis run``,
``analysis figures``, the notebooks, the report): an explicit argument wins, else the environment
variable ($ANALYSIS_CORPUS, $ANALYSIS_FIGURES_DIR, $ANALYSIS_CACHE_DIR), else a folder at the
repository root (``seeds/``, ``figures/``, ``.cache/analysis/``), else the same folder under the
current directory when the package is not run from a checkout.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

CORPUS_ENV = "ANALYSIS_CORPUS"
FIGURES_ENV = "ANALYSIS_FIGURES_DIR"
CACHE_ENV = "ANALYSIS_CACHE_DIR"

PathLike = str | Path


@dataclass(frozen=True)
class StudyPaths:
    """The corpus files or folders, the figures folder and the cache folder of one study."""

    corpus: tuple[Path, ...]
    figures: Path
    cache: Path


def repo_root() -> Path | None:
    """The checkout this package runs from (the folder with ``pyproject.toml`` and ``src/analysis``), if any."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").exists() and (parent / "src" / "analysis").is_dir():
            return parent
    return None


def study_paths(
    corpus: PathLike | Iterable[PathLike] | None = None,
    figures: PathLike | None = None,
    cache: PathLike | None = None,
) -> StudyPaths:
    """Resolve the three folders: the argument, else the environment variable, else the default folder."""
    base = repo_root() or Path.cwd()
    if corpus is not None:
        corpus_paths = (Path(corpus),) if isinstance(corpus, (str, Path)) else tuple(Path(p) for p in corpus)
    else:
        corpus_paths = (_from_env(CORPUS_ENV) or base / "seeds",)
    return StudyPaths(
        corpus=corpus_paths,
        figures=Path(figures) if figures is not None else _from_env(FIGURES_ENV) or base / "figures",
        cache=Path(cache) if cache is not None else _from_env(CACHE_ENV) or base / ".cache" / "analysis",
    )


def default_corpus() -> list[Path]:
    """The corpus used when none is given: $ANALYSIS_CORPUS, else ``seeds/`` at the repository root."""
    return list(study_paths().corpus)


def figures_dir(directory: PathLike | None = None) -> Path:
    """The figures folder: ``directory``, else $ANALYSIS_FIGURES_DIR, else ``figures/`` at the repository root."""
    return study_paths(figures=directory).figures


def cache_dir(directory: PathLike | None = None) -> Path:
    """The cache folder: ``directory``, else $ANALYSIS_CACHE_DIR, else ``.cache/analysis`` at the repository root."""
    return study_paths(cache=directory).cache


def _from_env(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value else None
