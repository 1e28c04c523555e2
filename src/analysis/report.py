"""Every figure of the study: one function per figure, drawn from a ``Study``, saved one way.

``FIGURES`` lists the figures in notebook order: each draws from an ``analysis.study.Study`` in
one language (``labels``: ``ar`` or ``en``) and returns the figure and the table behind it.
``make_figure`` draws one and saves it (PNG, SVG and the table as CSV, through
``analysis.figures.save``); the notebooks call it for the figure they show, ``analysis figures``
and ``analysis run`` call ``make_all_figures``, so both write the same bytes. The timeline also
takes ``filters`` (``EntryFilter``) and ``width``, and ``make_all_figures`` writes its interactive
HTML view (``withdrawal_timeline.html``). To add a figure: write its function here and add it to
``FIGURES``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis import figures
from analysis.entities.plots import top_entities_figure
from analysis.io import atomic_write
from analysis.overview import corpus_overview_figure
from analysis.paths import figures_dir
from analysis.study import Study
from analysis.timeline import EntryFilter, plot_timeline, timeline_table
from analysis.timeline.interactive import TimelineView, timeline_figure, timeline_html
from analysis.vocabulary import top_content_words, top_words_figure, with_word_columns

#: Entities per type in ``entities_top``.
TOP_ENTITIES = 8
#: The interactive timeline's file name (without ``.html``).
HTML_NAME = "withdrawal_timeline"


Labels = Literal["ar", "en"]


def corpus_overview(study: Study, labels: Labels = "ar") -> tuple[Figure, pd.DataFrame]:
    """Notebook 01: articles per year and per source."""
    return corpus_overview_figure(study.corpus, labels=labels)


def top_words(study: Study, labels: Labels = "ar", top: int = 20) -> tuple[Figure, pd.DataFrame]:
    """Notebook 02: the ``top`` most frequent content words."""
    table = top_content_words(with_word_columns(study.tokens, study.entities), top=top)
    return top_words_figure(table, labels=labels), table


def entities_top(study: Study, labels: Labels = "ar", n: int = TOP_ENTITIES) -> tuple[Figure, pd.DataFrame]:
    """Notebook 03: the ``n`` most mentioned (grouped) entities of each type."""
    return top_entities_figure(study.entities, n=n, labels=labels)


def newest_article(study: Study) -> dt.date | None:
    """The newest article date of the study: the timeline's "as of" date."""
    dates = study.corpus["date"].dropna() if len(study.corpus) else pd.Series(dtype="datetime64[ns]")
    return dates.max().date() if len(dates) else None


def withdrawal_timeline(
    study: Study,
    labels: Labels = "ar",
    lanes: Literal["type", "place"] = "type",
    width: float | str = "column",
    filters: EntryFilter | None = None,
) -> tuple[Figure, pd.DataFrame]:
    """Notebook 04: the dated entries (events merged across outlets) on one time axis, numbered as in the table."""
    today = newest_article(study)
    fig = plot_timeline(study.entries, today=today, labels=labels, lanes=lanes, width=width, filters=filters)
    return fig, timeline_table(study.entries, filters=filters, lanes=lanes, labels=labels)


def withdrawal_timeline_interactive(
    study: Study,
    labels: Labels = "ar",
    lanes: Literal["type", "place"] = "type",
    filters: EntryFilter | None = None,
) -> TimelineView:
    """The same entries to explore (hover for the sources' sentences, zoom): shows inline in JupyterLab."""
    fig = timeline_figure(study.entries, corpus=study.corpus, events=study.events, labels=labels, lanes=lanes,
                          filters=filters, today=newest_article(study))  # fmt: skip
    return TimelineView(fig)


def save_timeline_html(view: TimelineView, directory: str | Path | None = None) -> Path:
    """Write ``withdrawal_timeline.html`` (self-contained, byte-stable) atomically; returns its path."""
    path = figures_dir(directory) / f"{HTML_NAME}.html"
    with atomic_write(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(timeline_html(view.figure))
    return path


FigureFunction = Callable[..., tuple[Figure, pd.DataFrame]]
#: Figures laid out at an exact print width (saved without cropping).
EXACT_SIZE = frozenset({"withdrawal_timeline"})

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

    ``options`` go to the figure's function (``labels="en"``; for the timeline also ``filters``,
    ``width``, ``lanes``); ``directory`` defaults to ``analysis.paths.figures_dir()``.
    """
    if name not in FIGURES:
        raise KeyError(f"unknown figure {name!r}: choose from {', '.join(FIGURES)}")
    fig, table = FIGURES[name](study, **options)
    try:
        # the timeline is laid out at its print width: saved uncropped
        written = figures.save(fig, name, data=table, directory=directory, tight=name not in EXACT_SIZE)
    except BaseException:
        plt.close(fig)
        raise
    return MadeFigure(name, fig, table, written)


def make_all_figures(
    study: Study,
    directory: str | Path | None = None,
    quiet: bool = False,
    labels: Labels = "ar",
    filters: EntryFilter | None = None,
    width: float | str = "column",
) -> list[Path]:
    """Write every figure of ``FIGURES`` (PNG, SVG, CSV) in ``labels`` to ``directory``, and the
    interactive timeline (HTML); ``filters`` and ``width`` are the timeline's. Returns the files written."""
    written: list[Path] = []
    for name in FIGURES:
        if not quiet:
            print(f"figure {name}")
        options: dict[str, Any] = {"labels": labels}
        if name == "withdrawal_timeline":
            options.update(filters=filters, width=width)
        made = make_figure(name, study, directory, **options)
        plt.close(made.figure)
        written.extend(made.paths.values())
    if not quiet:
        print(f"figure {HTML_NAME} (interactive)")
    written.append(save_timeline_html(withdrawal_timeline_interactive(study, labels=labels, filters=filters), directory))
    return written
