"""One filter for the CLI, the report and the notebooks: date range, types, minimum sources, place."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.cli import main
from analysis.events.types import DEFAULT_TYPES, TYPES
from analysis.timeline import EntryFilter, FilterError, filter_entries, timeline_table
from timeline_entries import entry, frame


@pytest.fixture(scope="module")
def entries():
    return frame([
        entry("2014/2017", "war", place="العراق", n_sources=2, number=1),
        entry("2024-09-27", "agreement", place="العراق", n_sources=4, number=2),
        entry("2025-09", "withdrawal", place="عين الأسد", n_sources=1, number=3),
        entry("2026-01-18", "handover", place="حرير", n_sources=3, number=4),
        entry("2026-02-23", "withdrawal", place="قسرك", n_sources=1, number=5),
        entry("2026-03-01", "announcement", place=None, number=6),
        entry(None, "withdrawal", place="أربيل", number=7),
    ])  # fmt: skip


def _types(flt: EntryFilter, entries) -> list[str]:
    return list(filter_entries(entries, flt)["type"])


def test_parse_dates_types_and_counts():
    flt = EntryFilter.parse("2025", "2026-02", "withdrawal, handover", "2", "Ain al-Asad")
    assert flt.date_from == dt.date(2025, 1, 1) and flt.date_to == dt.date(2026, 2, 28)
    assert flt.types == ("withdrawal", "handover") and flt.min_sources == 2 and flt.place == "Ain al-Asad"
    assert EntryFilter.parse() == EntryFilter() and EntryFilter().is_default
    assert EntryFilter.parse(types="all").types is None
    assert EntryFilter.parse(types=["vote"]).types == ("vote",)
    assert EntryFilter.parse(date_to="2024-02-10").date_to == dt.date(2024, 2, 10)


@pytest.mark.parametrize("kwargs, problem", [
    ({"date_from": "2025-13"}, "not a calendar date"),
    ({"date_from": "25-01"}, "not YYYY"),
    ({"date_from": "2026", "date_to": "2025"}, "after"),
    ({"types": "withdrawal,parade"}, "unknown event type"),
    ({"min_sources": "two"}, "not a whole number"),
    ({"min_sources": 0}, "at least 1"),
])  # fmt: skip
def test_bad_filters_say_what_is_wrong(kwargs, problem):
    with pytest.raises(FilterError, match=problem):
        EntryFilter.parse(**kwargs)


def test_default_filter_keeps_the_shown_types(entries):
    kept = _types(EntryFilter(), entries)
    assert "announcement" not in kept and set(kept) <= set(DEFAULT_TYPES)
    assert "announcement" in _types(EntryFilter(types=None), entries)


def test_date_range_keeps_overlapping_entries(entries):
    kept = filter_entries(entries, EntryFilter.parse(date_from="2016", date_to="2025-09"))
    assert list(kept["type"]) == ["war", "agreement", "withdrawal"]  # the 2014-2017 war reaches 2016
    assert len(filter_entries(entries, EntryFilter.parse(date_from="2026-02"))) == 1  # undated ones drop out too


def test_min_sources_and_place(entries):
    assert _types(EntryFilter.parse(min_sources=3), entries) == ["agreement", "handover"]
    assert _types(EntryFilter.parse(place="عين الاسد"), entries) == ["withdrawal"]  # spelling normalized
    assert _types(EntryFilter.parse(place="harir"), entries) == ["handover"]  # English name, any case
    in_iraq = filter_entries(entries, EntryFilter.parse(place="Iraq"))
    assert set(in_iraq["place"]) == {"العراق", "عين الأسد", "حرير", "أربيل"}  # a country holds its places
    assert "قسرك" not in set(in_iraq["place"])  # Qasrak is in Syria


def test_the_table_and_the_figure_note_follow_the_filter(entries):
    flt = EntryFilter.parse(date_from="2025", types="withdrawal,handover", min_sources=1)
    table = timeline_table(entries, filters=flt, labels="en")
    assert list(table["n"]) == [1, 2, 3] and set(table["type"]) == {"withdrawal", "handover"}
    assert flt.describe("en") == "from 2025-01-01, types: withdrawal, base handover"
    assert flt.describe("ar").startswith("من ")
    assert TYPES["handover"].label_ar in flt.describe("ar")


def test_cli_rejects_a_bad_filter_in_one_line(capsys, tmp_path):
    code = main(["figures", "--corpus", str(tmp_path), "--from", "2025-13", "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "2025-13" in err[0]
    assert not (tmp_path / "out").exists()  # stopped before reading the corpus
