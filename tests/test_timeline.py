"""The timeline table and figure: numbered rows, spans by precision, one channel per meaning, one language."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.legend import Legend  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from analysis.corpus import load_article  # noqa: E402
from analysis.events import extract_events, merge_events  # noqa: E402
from analysis.events.types import DEFAULT_TYPES, TYPES  # noqa: E402
from analysis.timeline import EntryFilter, date_text, numbered_table, plot_timeline, timeline_table  # noqa: E402
from analysis.wording import word  # noqa: E402
from timeline_entries import dense_entries, entry, frame  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed_000.txt"
ARABIC = re.compile(r"[\u0600-\u06ff]")
LATIN = re.compile(r"[A-Za-z]")
ALL = EntryFilter(types=None)


@pytest.fixture(scope="module")
def seed_entries() -> pd.DataFrame:
    return merge_events(extract_events(load_article(SEED), use_ner=False))


def _texts(fig) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def _marks(fig) -> list:
    return [a for ax in fig.axes for a in [*ax.lines, *ax.patches] if re.match(r"^(occurred|planned|ongoing)-", str(a.get_gid()))]


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
    assert rows[("withdrawal", "FUTURE_REF")]["kind"] == "vague"
    assert all(":" in s for s in table["sources"])  # file:sentence_start-sentence_end


def test_rows_are_numbered_by_date_and_vague_ones_last(seed_entries):
    table = timeline_table(seed_entries)
    assert list(table["n"]) == list(range(1, len(table) + 1))
    drawn = table[table["kind"] != "vague"]
    assert list(drawn["start"]) == sorted(drawn["start"])
    assert (table["kind"] == "vague").sum() >= 1
    assert table["kind"].tolist()[-1] == "vague"
    assert set(table[table["kind"] == "vague"]["n"]) == set(range(len(drawn) + 1, len(table) + 1))


def test_csv_keeps_its_columns_and_adds_n_and_id(seed_entries):
    old = ["lane", "label", "type", "place", "date", "date_mod", "start", "end", "kind", "status", "n_sources",
           "summary", "sources"]  # fmt: skip
    table = timeline_table(seed_entries)
    assert list(table.columns[:2]) == ["n", "id"]
    assert all(c in table.columns for c in old)
    assert table["id"].str.len().gt(0).all()  # the merge's stable ids
    assert {"planned_dates", "status_counts"} <= set(table.columns)  # the merge's other columns pass through
    no_ids = timeline_table(seed_entries.drop(columns=["id"]))
    assert (no_ids["id"] == "").all()  # entries without ids: the column stays empty, never invented
    counts = seed_entries.assign(status_counts=[{"planned": 1, "occurred": 2}] * len(seed_entries),
                                 planned_dates=[["2025-12", "2026-01"]] * len(seed_entries))  # fmt: skip
    table = timeline_table(counts)
    assert table["status_counts"].iloc[0] == '{"occurred": 2, "planned": 1}'  # JSON, keys sorted
    assert table["planned_dates"].iloc[0] == "2025-12; 2026-01"


def test_table_filters_types_and_undated(seed_entries):
    everything = timeline_table(seed_entries, filters=ALL)
    default = timeline_table(seed_entries)
    assert set(default["type"]) <= set(DEFAULT_TYPES)
    assert len(everything) >= len(default)
    assert len(everything) == seed_entries["start"].notna().sum()


def test_lanes_and_labels(seed_entries):
    ar = timeline_table(seed_entries, labels="ar")
    en = timeline_table(seed_entries, labels="en")
    assert "base handover" in set(en["lane"]) and "تسليم قاعدة" in set(ar["lane"])
    assert "Ain al-Asad" in set(en["label"]) and "عين الأسد" in set(ar["label"])
    by_place = timeline_table(seed_entries, lanes="place", labels="en")
    assert "Ain al-Asad" in set(by_place["lane"])
    assert "عين الأسد" in set(timeline_table(seed_entries, lanes="place")["lane"])
    with pytest.raises(ValueError):
        timeline_table(seed_entries, labels="fr")


def test_lanes_labels_and_colours_come_from_the_type_table(seed_entries):
    table = timeline_table(seed_entries, filters=ALL, labels="en")
    assert list(table["lane"]) == [TYPES[t].label_en for t in table["type"]]
    fig = plot_timeline(seed_entries, filters=ALL)
    try:
        drawn = {a.get_edgecolor()[:3] for a in _marks(fig) if isinstance(a, Rectangle)}
        expected = {matplotlib.colors.to_rgb(TYPES[t].colour) for t, k in zip(table["type"], table["kind"]) if k == "span"}
        assert drawn and drawn <= expected
    finally:
        plt.close(fig)


def test_every_mark_carries_its_table_number():
    entries = dense_entries()
    table = timeline_table(entries)
    fig = plot_timeline(entries)
    try:
        numbers = {int(t.get_text()) for t in _texts(fig) if str(t.get_gid()).startswith("n-")}
        drawn = set(table[table["kind"] != "vague"]["n"])
        assert numbers == drawn
        marks = _marks(fig)
        assert len({id(m) for m in marks}) >= len(drawn)
    finally:
        plt.close(fig)


def test_one_visual_channel_per_meaning():
    """Status is fill (filled / hollow / lower half), precision is shape (point / bar); nothing is dashed."""
    entries = dense_entries()
    fig = plot_timeline(entries, labels="en")
    try:
        marks = _marks(fig)
        points = [m for m in marks if isinstance(m, Line2D)]
        bars = [m for m in marks if isinstance(m, Rectangle)]
        assert {m.get_gid() for m in points} == {"occurred-point", "planned-point", "ongoing-point"}
        assert {m.get_gid() for m in bars} == {"occurred-span", "planned-span", "ongoing-span"}
        for m in points:
            status = m.get_gid().split("-")[0]
            face = matplotlib.colors.to_rgb(m.get_markerfacecolor())
            edge = matplotlib.colors.to_rgb(m.get_markeredgecolor())
            assert m.get_marker() == "o"
            if status == "occurred":
                assert m.get_fillstyle() == "full" and face == edge
            elif status == "planned":
                assert m.get_fillstyle() == "full" and face == (1.0, 1.0, 1.0)
            else:
                assert m.get_fillstyle() == "bottom"
                assert matplotlib.colors.to_rgb(m.get_markerfacecoloralt()) == (1.0, 1.0, 1.0)
        for m in bars:
            assert m.get_linestyle() == "solid"
        hollow = [m for m in bars if m.get_gid() == "planned-span"]
        assert all(m.get_facecolor()[:3] == (1.0, 1.0, 1.0) for m in hollow)
        half = [m for m in bars if m.get_gid() == "ongoing-span"]
        heights = sorted({round(m.get_height(), 6) for m in half})
        assert len(heights) == 2 and heights[0] * 2 == pytest.approx(heights[1])  # a hollow bar, its lower half filled
        assert not [a for ax in fig.axes for a in ax.lines if a.get_linestyle() == "--"]
    finally:
        plt.close(fig)


def test_vague_dates_are_not_drawn_but_listed():
    entries = dense_entries()
    table = timeline_table(entries)
    vague = table[table["kind"] == "vague"]
    assert len(vague) == 3
    fig = plot_timeline(entries, labels="en")
    try:
        numbers = {int(t.get_text()) for t in _texts(fig) if str(t.get_gid()).startswith("n-")}
        assert not numbers & set(vague["n"])
        notes = [t.get_text() for t in _texts(fig) if t.get_text().startswith("vague dates")]
        assert notes == [word("vague_note", "en", list="46–48")]
    finally:
        plt.close(fig)


@pytest.mark.parametrize("labels", ["ar", "en"])
def test_legend_covers_every_encoding_and_the_reference_line(seed_entries, labels):
    fig = plot_timeline(seed_entries, labels=labels, today=dt.date(2025, 12, 31))
    try:
        legend = [t.get_text() for lg in fig.legends if isinstance(lg, Legend) for t in lg.get_texts()]
        for key in ("occurred", "planned", "ongoing", "day", "span", "number", "as_of_legend"):
            assert word(key, labels) in legend
        texts = [t.get_text() for t in _texts(fig)]
        assert any(re.fullmatch(word("as_of", labels, date=r"\W?2025-12-31\W?"), t) for t in texts)
        assert not any(t in ("today", "اليوم") for t in texts)
        lines = [a for ax in fig.axes for a in ax.lines if a.get_gid() == "as-of"]
        assert len(lines) == 1 and lines[0].get_linestyle() == ":"
    finally:
        plt.close(fig)


def test_place_lanes_have_a_colour_legend_for_the_types(seed_entries):
    fig = plot_timeline(seed_entries, labels="en", lanes="place")
    try:
        legend = [t.get_text() for lg in fig.legends for t in lg.get_texts()]
        table = timeline_table(seed_entries, labels="en", lanes="place")
        assert {TYPES[t].label_en for t in table[table["kind"] != "vague"]["type"]} <= set(legend)
        assert "Ain al-Asad" in [t.get_text() for t in _texts(fig)]
    finally:
        plt.close(fig)


@pytest.mark.parametrize("width", ["column", "page"])
def test_one_language_per_figure(seed_entries, width):
    """English: no Arabic letter anywhere; Arabic: no Latin letter anywhere (digits are shared)."""
    for labels, foreign in (("en", ARABIC), ("ar", LATIN)):
        for entries in (seed_entries, dense_entries()):
            fig = plot_timeline(entries, labels=labels, width=width)
            try:
                bad = [t.get_text() for t in _texts(fig) if foreign.search(t.get_text())]
                assert not bad, f"{labels}: {bad}"
            finally:
                plt.close(fig)


def test_numbered_table_for_the_notebook(seed_entries):
    en = numbered_table(seed_entries, labels="en")
    assert list(en.columns) == ["id", "date", "status", "place", "what happened", "sources", "excerpt"]
    assert en.index.name == "no." and list(en.index) == list(range(1, len(en) + 1))
    handover = en[en["what happened"] == "base handover"].iloc[0]
    assert handover["date"] == "early 2026" and handover["place"] == "Ain al-Asad" and handover["status"] == "planned"
    assert handover["sources"] == "1: seed_000.txt:906-1084"
    ar = numbered_table(timeline_table(seed_entries), labels="ar")  # from the figure's own table: same numbers
    assert ar.index.name == "رقم" and "مطلع 2026" in set(ar["التاريخ"])
    assert list(ar.index) == list(en.index)


def test_date_text():
    day = dt.date
    assert date_text("2014/2017", None, day(2014, 1, 1), day(2017, 12, 31), "en") == "2014–2017"
    assert date_text("2026-03-04TMO", None, day(2026, 3, 4), day(2026, 3, 4), "en") == "2026-03-04"
    assert date_text("2025-09", "END", day(2025, 9, 21), day(2025, 9, 30), "ar") == "أواخر 2025-09"
    assert date_text("FUTURE_REF", None, day(2026, 1, 1), day(2026, 1, 30), "en") == "shortly after 2025-12-31"
    assert date_text("PAST_REF", None, day(2025, 12, 1), day(2025, 12, 30), "en") == "shortly before 2025-12-31"


def test_review_columns_show_in_the_note():
    """Entries that carry a ``reviewed`` flag (analysis review): the figure counts the unreviewed ones."""
    rows = [entry("2025-09", "withdrawal", reviewed=True, number=1), entry("2026-01-18", "handover", reviewed=False, number=2),
            entry("2026-02", "mission_end", reviewed=False, label="phase two ends", number=3)]  # fmt: skip
    entries = frame(rows)
    table = timeline_table(entries, labels="en")
    assert table.set_index("n").loc[3, "what"] == "phase two ends"
    fig = plot_timeline(entries, labels="en")
    try:
        assert word("unreviewed_note", "en", n=2, total=3) in [t.get_text() for t in _texts(fig)]
    finally:
        plt.close(fig)


def test_empty_entries_still_draw():
    empty = merge_events([])
    fig = plot_timeline(empty, today=dt.date(2026, 1, 1), labels="en")
    try:
        assert word("no_entries", "en") in [t.get_text() for t in _texts(fig)]
    finally:
        plt.close(fig)
