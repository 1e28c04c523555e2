"""Every figure of the study, made from a corpus without Jupyter (``analysis figures``/``analysis run``).

Per-article results come from the cached pipeline (``analysis.pipeline.process_corpus``), so
regenerating the figures after adding one article recomputes that article only. The notebooks
draw the same figures with the same plotting functions; each figure is saved with the table
behind it (``figures/NAME.csv``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from analysis import figures
from analysis.corpus import load_corpus


@dataclass
class StudyData:
    """What the figures are drawn from: the corpus and each stage's per-article results."""

    corpus: pd.DataFrame
    tokens: pd.DataFrame
    entities: pd.DataFrame
    events: pd.DataFrame


def study_data(
    paths: str | Path | Iterable[str | Path], use_cache: bool = True, quiet: bool = False
) -> StudyData:
    """Load the corpus and run (or read from the cache) tokens, entities, timexes and events."""
    from analysis.pipeline import process_corpus

    corpus = load_corpus(paths)
    frames = process_corpus(
        list(corpus["path"]), stages=("tokens", "entities", "timexes", "events"),
        use_cache=use_cache, progress=False if quiet else None,
    )
    return StudyData(corpus, frames["tokens"], frames["entities"], frames["events"])


def corpus_overview(data: StudyData, directory: str | Path | None = None) -> list[Path]:
    """Notebook 01: articles per year and per source."""
    from analysis.overview import corpus_overview_figure

    fig, table = corpus_overview_figure(data.corpus)
    return _save(fig, "corpus_overview", table, directory)


def top_words(data: StudyData, directory: str | Path | None = None) -> list[Path]:
    """Notebook 02: the top content words."""
    from analysis.vocabulary import top_content_words, top_words_figure, with_word_columns

    table = top_content_words(with_word_columns(data.tokens))
    return _save(top_words_figure(table), "top_words", table, directory)


def entities_top(data: StudyData, directory: str | Path | None = None) -> list[Path]:
    """Notebook 03: the most mentioned canonical entities of each type."""
    from analysis.entities.canonical import group_canonicals
    from analysis.entities.plots import top_entities_figure

    mentions = data.entities.copy()
    if len(mentions):
        groups = group_canonicals(list(zip(mentions["type"], mentions["canonical"])))
        mentions["entity"] = [groups[(t, c)] for t, c in zip(mentions["type"], mentions["canonical"])]
    else:
        mentions["entity"] = pd.Series(dtype=object)
    fig, table = top_entities_figure(mentions)
    return _save(fig, "entities_top", table, directory)


def withdrawal_timeline(data: StudyData, directory: str | Path | None = None) -> list[Path]:
    """Notebook 04: dated events from every article, merged across outlets, on one time axis."""
    from analysis.events import merge_events
    from analysis.timeline import save_timeline

    fig, _, written = save_timeline(merge_events(data.events), directory=directory)
    plt.close(fig)
    return list(written.values())


def _save(fig, name: str, table: pd.DataFrame, directory: str | Path | None) -> list[Path]:
    try:
        return list(figures.save(fig, name, data=table, directory=directory).values())
    finally:
        plt.close(fig)


FigureMaker = Callable[[StudyData, "str | Path | None"], list[Path]]

#: The study's figures in notebook order: (name, maker).
FIGURE_MAKERS: list[tuple[str, FigureMaker]] = [
    ("corpus_overview", corpus_overview),
    ("top_words", top_words),
    ("entities_top", entities_top),
    ("withdrawal_timeline", withdrawal_timeline),
]


def make_all_figures(
    paths: str | Path | Iterable[str | Path],
    directory: str | Path | None = None,
    quiet: bool = False,
    use_cache: bool = True,
) -> list[Path]:
    """Write every figure (PNG, SVG, CSV) of the corpus at ``paths`` to ``directory``."""
    data = study_data(paths, use_cache=use_cache, quiet=quiet)
    written: list[Path] = []
    for name, maker in FIGURE_MAKERS:
        if not quiet:
            print(f"figure {name}")
        written.extend(maker(data, directory))
    return written
