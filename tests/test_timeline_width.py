"""The timeline at a paper's column width (3.5 in) and page width (7 in): size, ticks and labels readable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from analysis.corpus import load_article  # noqa: E402
from analysis.events import extract_events, merge_events  # noqa: E402
from analysis.timeline import WIDTHS, figure_width, plot_timeline  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def many_entries():
    """Entries from the seed, the events fixtures and the challenge set: crowded lanes, 2003-2026."""
    paths = [FIXTURES / "seed_000.txt", *sorted((FIXTURES / "events").glob("*.txt"))]
    paths += sorted((FIXTURES / "events_challenge").glob("*.txt"))
    return merge_events([e for p in paths for e in extract_events(load_article(p), use_ner=False)])


def _boxes(fig, texts):
    renderer = fig.canvas.get_renderer()
    return [t.get_window_extent(renderer) for t in texts if t.get_visible() and t.get_text()]


def test_named_widths():
    assert figure_width("column") == WIDTHS["column"] == 3.5
    assert figure_width("page") == 7.0
    assert figure_width(5) == 5.0
    with pytest.raises(ValueError):
        figure_width("poster")
    with pytest.raises(ValueError):
        figure_width(0)


@pytest.mark.parametrize("width, inches", [("column", 3.5), ("page", 7.0)])
def test_labels_and_ticks_do_not_overlap(many_entries, width, inches):
    fig = plot_timeline(many_entries, width=width)
    try:
        fig.canvas.draw()
        assert fig.get_figwidth() == pytest.approx(inches)
        notes = _boxes(fig, [t for ax in fig.axes for t in ax.texts])
        assert len(notes) >= 5
        for i, a in enumerate(notes):
            for b in notes[i + 1 :]:
                assert not a.overlaps(b)
        for ax in fig.axes:
            ticks = _boxes(fig, ax.get_xticklabels())
            assert ticks, "every panel has dated ticks"
            for a, b in zip(ticks, ticks[1:]):
                assert a.x1 < b.x0, "tick labels touch"
    finally:
        plt.close(fig)


def test_column_width_keeps_the_seed_marks(many_entries):
    fig = plot_timeline(many_entries, width="column", today=dt.date(2026, 2, 15))
    try:
        marks = [a for ax in fig.axes for a in list(ax.lines) + list(ax.patches) if a.get_gid()]
        assert any(str(m.get_gid()).startswith("planned") for m in marks)
        assert any(str(m.get_gid()).startswith("occurred") for m in marks)
    finally:
        plt.close(fig)
