"""The timeline table and figure: spans by granularity, planned vs occurred styles, files written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.corpus import load_article  # noqa: E402
from analysis.events import extract_events, merge_events  # noqa: E402
from analysis.events.types import TYPES  # noqa: E402
from analysis.timeline import plot_timeline, timeline_table  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed_000.txt"
EVENTS = FIXTURES / "events"


@pytest.fixture(scope="module")
def seed_entries() -> pd.DataFrame:
    return merge_events(extract_events(load_article(SEED), use_ner=False))


def test_table_has_dated_entries_with_their_spans(seed_entries):
    table = timeline_table(seed_entries)
    assert table["start"].notna().all()
    rows = {(r["type"], r["date"]): r for r in table.to_dict("records")}
    handover = rows[("handover", "2026")]
    assert (handover["start"], handover["end"]) == (dt.date(2026, 1, 1), dt.date(2026, 4, 30))
    assert handover["kind"] == "span" and handover["status"] == "planned"
    war = rows[("war", "2014/2017")]
    assert (war["start"], war["end"]) == (dt.date(2014, 1, 1), dt.date(2017, 12, 31))
    assert rows[("agreement", "2024-09")]["kind"] == "span"
    assert all(":" in s for s in table["sources"])  # file:sentence_start-sentence_end


def test_table_filters_types_and_undated(seed_entries):
    everything = timeline_table(seed_entries, types=None)
    default = timeline_table(seed_entries)
    assert "announcement" not in set(default["type"])
    assert len(everything) >= len(default)
    assert len(everything) == seed_entries["start"].notna().sum()


def test_lanes_and_labels(seed_entries):
    ar = timeline_table(seed_entries, labels="ar")
    en = timeline_table(seed_entries, labels="en")
    assert "base handover" in set(en["lane"]) and "تسليم قاعدة" in set(ar["lane"])
    by_place = timeline_table(seed_entries, lanes="place")
    assert "عين الأسد" in set(by_place["lane"])
    with pytest.raises(ValueError):
        timeline_table(seed_entries, labels="fr")


def test_lanes_labels_and_colours_come_from_the_type_table(seed_entries):
    table = timeline_table(seed_entries, types=None, labels="en")
    assert list(table["lane"]) == [TYPES[t].label_en for t in table["type"]]
    orders = [TYPES[t].order for t in table["type"]]
    assert orders == sorted(orders)  # lanes top to bottom in the table's order
    fig = plot_timeline(seed_entries, types=None)
    try:
        drawn = {a.get_edgecolor()[:3] for ax in fig.axes for a in ax.patches if a.get_gid()}
        expected = {matplotlib.colors.to_rgb(TYPES[t].colour) for t, k in zip(table["type"], table["kind"]) if k != "point"}
        assert drawn and drawn <= expected
    finally:
        plt.close(fig)


def test_figure_styles_planned_and_occurred_differently(seed_entries):
    fig = plot_timeline(seed_entries, today=dt.date(2025, 12, 31))
    try:
        artists = [a for ax in fig.axes for a in list(ax.patches) + list(ax.lines)]
        planned = [a for a in artists if (a.get_gid() or "").startswith("planned")]
        occurred = [a for a in artists if (a.get_gid() or "").startswith("occurred")]
        assert planned and occurred
        # planned spans are hollow and dashed; occurred spans are filled and solid
        p_span = next(a for a in planned if a.get_gid() == "planned-span")
        o_span = next(a for a in occurred if a.get_gid() == "occurred-span")
        assert p_span.get_facecolor()[:3] == (1.0, 1.0, 1.0)
        assert o_span.get_facecolor()[:3] != (1.0, 1.0, 1.0)
        assert p_span.get_linestyle() != o_span.get_linestyle()
        # the today line is drawn and labelled
        texts = [t.get_text() for ax in fig.axes for t in ax.texts]
        assert any("2025-12-31" in t for t in texts)
    finally:
        plt.close(fig)


def test_figure_labels_do_not_overlap(seed_entries):
    fig = plot_timeline(seed_entries)
    try:
        renderer = fig.canvas.get_renderer()
        boxes = [t.get_window_extent(renderer) for ax in fig.axes for t in ax.texts]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not a.overlaps(b)
    finally:
        plt.close(fig)


def test_figure_with_english_labels_and_place_lanes(seed_entries):
    fig = plot_timeline(seed_entries, labels="en", lanes="place")
    try:
        ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
        assert "عين الأسد" in ticks
    finally:
        plt.close(fig)


def test_empty_entries_still_draw():
    empty = merge_events([])
    fig = plot_timeline(empty, today=dt.date(2026, 1, 1))
    plt.close(fig)


