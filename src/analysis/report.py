"""Every figure of the study, made from a corpus without Jupyter (``analysis figures``).

The notebooks call the same functions one by one; ``make_all_figures`` runs them all so the
paper's figures can be regenerated from the command line. Each figure is saved with the table
behind it (``figures/NAME.csv``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from analysis import figures
from analysis.corpus import load_corpus

FigureMaker = Callable[[pd.DataFrame, "str | Path | None"], list[Path]]


def corpus_overview(corpus: pd.DataFrame, directory: str | Path | None = None) -> list[Path]:
    """Notebook 01: articles per year and per source."""
    from analysis.overview import corpus_overview_figure

    fig, data = corpus_overview_figure(corpus)
    return _save(fig, "corpus_overview", data, directory)


def top_words(corpus: pd.DataFrame, directory: str | Path | None = None) -> list[Path]:
    """Notebook 02: the top content words."""
    from analysis.vocabulary import corpus_tokens, top_content_words, top_words_figure

    table = top_content_words(corpus_tokens(corpus))
    return _save(top_words_figure(table), "top_words", table, directory)


def entities_top(corpus: pd.DataFrame, directory: str | Path | None = None) -> list[Path]:
    """Notebook 03: the most mentioned canonical entities of each type."""
    from analysis.entities import entities_frame
    from analysis.entities.plots import top_entities_figure

    fig, data = top_entities_figure(entities_frame(corpus))
    return _save(fig, "entities_top", data, directory)


def withdrawal_timeline(corpus: pd.DataFrame, directory: str | Path | None = None) -> list[Path]:
    """Notebook 04: dated events from every article, merged across outlets, on one time axis."""
    from analysis.corpus import articles_from_frame
    from analysis.events import extract_events, merge_events
    from analysis.timeline import save_timeline

    events = [event for article in articles_from_frame(corpus) for event in extract_events(article)]
    fig, _, written = save_timeline(merge_events(events), directory=directory)
    plt.close(fig)
    return list(written.values())


def _save(fig, name: str, data: pd.DataFrame, directory: str | Path | None) -> list[Path]:
    try:
        return list(figures.save(fig, name, data=data, directory=directory).values())
    finally:
        plt.close(fig)


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
    """Load the corpus at ``paths`` and write every figure (PNG, SVG, CSV) to ``directory``."""
    corpus = load_corpus(paths)
    written: list[Path] = []
    for name, maker in FIGURE_MAKERS:
        if not quiet:
            print(f"figure {name}")
        written.extend(maker(corpus, directory))
    return written
