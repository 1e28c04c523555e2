"""The timeline at a paper's column width (3.5 in) and page width (7 in): nothing overlaps, nothing is
too small to read, every mark's date can be read off a labelled axis.

Checked on the rendered figure (``fig.canvas.draw()``, then each artist's window extent): the seed,
the entries of the event fixtures (crowded lanes, 2003-2026) and a dense synthetic corpus of 48
entries (``timeline_entries.dense_entries``).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from PIL import Image  # noqa: E402

from analysis import figures  # noqa: E402
from analysis.corpus import load_article  # noqa: E402
from analysis.events import extract_events, merge_events  # noqa: E402
from analysis.timeline import WIDTHS, figure_width, plot_timeline, timeline_table  # noqa: E402
from analysis.timeline.axis import TEXT_PT, day_of  # noqa: E402
from analysis.wording import month_name  # noqa: E402
from timeline_entries import dense_entries  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
MARK = re.compile(r"^(occurred|planned|ongoing)-(point|span)$")


def _seed() -> pd.DataFrame:
    return merge_events(extract_events(load_article(FIXTURES / "seed_000.txt"), use_ner=False))


def _fixtures() -> pd.DataFrame:
    paths = [FIXTURES / "seed_000.txt", *sorted((FIXTURES / "events").glob("*.txt"))]
    return merge_events([e for p in paths for e in extract_events(load_article(p), use_ner=False)])


CORPORA = {"seed": _seed, "fixtures": _fixtures, "dense": dense_entries}


@pytest.fixture(scope="module")
def corpora() -> dict[str, pd.DataFrame]:
    return {name: make() for name, make in CORPORA.items()}


def _texts(fig) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def _marks(fig) -> list:
    return [a for ax in fig.axes for a in [*ax.lines, *ax.patches] if MARK.match(str(a.get_gid()))]


def test_named_widths():
    assert figure_width("column") == WIDTHS["column"] == 3.5
    assert figure_width("page") == 7.0
    assert figure_width(5) == 5.0
    with pytest.raises(ValueError):
        figure_width("poster")
    with pytest.raises(ValueError):
        figure_width(0)


def test_dense_corpus_is_dense():
    entries = dense_entries()
    table = timeline_table(entries)
    assert len(entries) >= 40 and (table["kind"] != "vague").sum() >= 40
    busy = table[(table["start"] >= pd.Timestamp("2025-06-01").date())]
    assert busy.groupby("lane").size().max() >= 8  # many marks in one lane within a year


@pytest.mark.parametrize("labels", ["ar", "en"])
@pytest.mark.parametrize("width", ["column", "page"])
@pytest.mark.parametrize("corpus", list(CORPORA))
def test_no_label_overlaps_a_label_or_a_mark(corpora, corpus, width, labels):
    fig = plot_timeline(corpora[corpus], labels=labels, width=width)
    try:
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        texts = [(t.get_text(), t.get_window_extent(renderer)) for t in _texts(fig)]
        marks = [(m.get_gid(), m.get_window_extent(renderer)) for m in _marks(fig)]
        assert len(marks) >= 5 and len(texts) >= 10
        for (a, box_a), (b, box_b) in itertools.combinations(texts, 2):
            assert not box_a.overlaps(box_b), f"labels {a!r} and {b!r} overlap"
        for (a, box_a), (b, box_b) in itertools.product(texts, marks):
            assert not box_a.overlaps(box_b), f"label {a!r} overlaps a mark ({b})"
        page = fig.bbox
        for text, box in texts:
            assert page.x0 <= box.x0 and box.x1 <= page.x1 and page.y0 <= box.y0 and box.y1 <= page.y1, (
                f"{text!r} is cut by the figure's edge")
    finally:
        plt.close(fig)


@pytest.mark.parametrize("width, inches", [("column", 3.5), ("page", 7.0)])
def test_every_text_is_at_least_7_points_and_the_file_is_the_print_width(corpora, tmp_path, width, inches):
    fig = plot_timeline(corpora["dense"], labels="en", width=width)
    try:
        assert fig.get_figwidth() == pytest.approx(inches)
        sizes = {t.get_text(): t.get_fontsize() for t in _texts(fig)}
        small = {t: s for t, s in sizes.items() if s < TEXT_PT}
        assert not small, small
        written = figures.save(fig, "timeline", directory=tmp_path, tight=False)
        with Image.open(written["png"]) as image:
            assert image.size[0] == round(inches * figures.DPI)  # printed at its width, not cropped
    finally:
        plt.close(fig)


@pytest.mark.parametrize("labels", ["ar", "en"])
@pytest.mark.parametrize("width", ["column", "page"])
@pytest.mark.parametrize("corpus", list(CORPORA))
def test_every_mark_can_be_read_off_a_labelled_axis(corpora, corpus, width, labels):
    """Each panel has at least two labelled ticks whose labels do not touch; each mark lies in its panel;
    the busiest panel of the dense corpus has month ticks."""
    fig = plot_timeline(corpora[corpus], labels=labels, width=width)
    try:
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        for ax in fig.axes:
            ticks = [t for t in ax.get_xticklabels() if t.get_text()]
            assert len(ticks) >= 2, f"a panel with {len(ticks)} labelled tick(s): an unlabelled squeeze"
            boxes = [t.get_window_extent(renderer) for t in ticks]
            for a, b in itertools.pairwise(boxes):
                assert a.x1 < b.x0, "tick labels touch"
            months = {month_name(m, labels) for m in range(1, 13)}
            if any(t.get_text() in months for t in ticks):  # month ticks: a row of years under them
                years = [t.get_text() for t in ax.texts if t.get_gid() == "year"]
                assert years and all(re.fullmatch(r"\d{4}", y) for y in years)
            lo, hi = ax.get_xlim()
            for mark in _marks(fig):
                if mark.axes is ax:
                    x = mark.get_xdata()[0] if hasattr(mark, "get_xdata") else mark.get_x() + mark.get_width() / 2
                    assert lo <= x <= hi
        if corpus == "dense":
            busiest = max(fig.axes, key=lambda ax: sum(m.axes is ax for m in _marks(fig)))
            months = {month_name(m, labels) for m in range(1, 13)}
            firsts = [t.get_text() for t in busiest.get_xticklabels() if t.get_text()]
            assert sum(f in months for f in firsts) >= 3
            assert len(fig.axes) >= 2  # the quiet years before 2025 are a labelled break, not a squeeze
    finally:
        plt.close(fig)


def test_breaks_have_dates_on_both_sides(corpora):
    fig = plot_timeline(corpora["dense"], labels="en", width="column")
    try:
        panels = sorted(fig.axes, key=lambda ax: ax.get_position().x0)
        assert len(panels) >= 2
        for left, right in itertools.pairwise(panels):
            assert day_of(left.get_xlim()[1]) < day_of(right.get_xlim()[0])  # no day shown twice
            assert [t for t in left.get_xticklabels() if t.get_text()] and [t for t in right.get_xticklabels() if t.get_text()]
        assert len([a for a in fig.artists if a.get_gid() == "break"]) == 2 * (len(panels) - 1)
    finally:
        plt.close(fig)
