"""Every figure of the study: one function per figure, drawn from a ``Study``, saved one way.

``FIGURES`` lists the figures in notebook order: each draws from an ``analysis.study.Study`` and
returns the figure and the table behind it. ``make_figure`` draws one and saves it (PNG, SVG and
the table as CSV, through ``analysis.figures.save``); the notebooks call it for the figure they
show, ``analysis figures`` and ``analysis run`` call ``make_all_figures``, so both write the same
bytes. To add a figure: write its function here and add it to ``FIGURES``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis import figures
from analysis.entities.plots import top_entities_figure
from analysis.overview import corpus_overview_figure
from analysis.study import Study
from analysis.timeline import plot_timeline, timeline_table
from analysis.vocabulary import top_content_words, top_words_figure, with_word_columns

#: Entities per type in ``entities_top``.
TOP_ENTITIES = 8


def corpus_overview(study: Study) -> tuple[Figure, pd.DataFrame]:
    """Notebook 01: articles per year and per source."""
    return corpus_overview_figure(study.corpus)


def top_words(study: Study, top: int = 20) -> tuple[Figure, pd.DataFrame]:
    """Notebook 02: the ``top`` most frequent content words."""
    table = top_content_words(with_word_columns(study.tokens), top=top)
    return top_words_figure(table), table


def entities_top(study: Study, n: int = TOP_ENTITIES) -> tuple[Figure, pd.DataFrame]:
    """Notebook 03: the ``n`` most mentioned (grouped) entities of each type."""
    return top_entities_figure(study.entities, n=n)


def withdrawal_timeline(
    study: Study,
    labels: Literal["ar", "en"] = "ar",
    lanes: Literal["type", "place"] = "type",
    width: float | str = "column",
) -> tuple[Figure, pd.DataFrame]:
    """Notebook 04: the dated entries (events merged across outlets) on one time axis."""
    fig = plot_timeline(study.entries, labels=labels, lanes=lanes, width=width)
    return fig, timeline_table(study.entries, lanes=lanes, labels=labels)


FigureFunction = Callable[..., tuple[Figure, pd.DataFrame]]

#: The study's figures in notebook order: file name → the function that draws it from a Study.
FIGURES: dict[str, FigureFunction] = {
    "corpus_overview": corpus_overview,
    "top_words": top_words,
    "entities_top": entities_top,
    "withdrawal_timeline": withdrawal_timeline,
}


@dataclass
class MadeFigure:
    """One figure drawn and saved: the open figure (the caller shows or closes it), its table, its files."""

    name: str
    figure: Figure
    table: pd.DataFrame
    paths: dict[str, Path]


def make_figure(name: str, study: Study, directory: str | Path | None = None, **options: Any) -> MadeFigure:
    """Draw figure ``name`` of ``FIGURES`` from ``study`` and save NAME.png/.svg/.csv in ``directory``.

    ``options`` go to the figure's function (e.g. ``labels="en"`` for the timeline); ``directory``
    defaults to ``analysis.paths.figures_dir()``.
    """
    if name not in FIGURES:
        raise KeyError(f"unknown figure {name!r}: choose from {', '.join(FIGURES)}")
    fig, table = FIGURES[name](study, **options)
    try:
        written = figures.save(fig, name, data=table, directory=directory)
    except BaseException:
        plt.close(fig)
        raise
    return MadeFigure(name, fig, table, written)


def make_all_figures(study: Study, directory: str | Path | None = None, quiet: bool = False) -> list[Path]:
    """Write every figure of ``FIGURES`` (PNG, SVG, CSV) to ``directory``; returns the files written."""
    written: list[Path] = []
    for name in FIGURES:
        if not quiet:
            print(f"figure {name}")
        made = make_figure(name, study, directory)
        plt.close(made.figure)
        written.extend(made.paths.values())
    return written
