"""The seams of the timex package: value regexes, day intervals, dates, lookups, data tables, registry."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import numpy as np
import pandas as pd
import pytest

from analysis import resources

from analysis.errors import AnalysisError
from analysis.timex import Timex, as_date, day_interval, find_timexes
from analysis.timex import lexicon as lx
from analysis.timex import patterns as P
from analysis.timex.engine import Candidate, Rule, register
from analysis.timex.grammar import select
from analysis.timex.rules import FAMILIES, RULES
from analysis.timex.values import DAY_TIME_VALUE, DAY_VALUE, DURATION_VALUE, VAGUE_REF_DAYS

D = dt.date
DCT = D(2025, 12, 31)


@pytest.mark.parametrize(
    ("value", "mod", "expected"),
    [
        ("2025", None, (D(2025, 1, 1), D(2025, 12, 31))),
        ("2024-02", None, (D(2024, 2, 1), D(2024, 2, 29))),
        ("2025-09-27", None, (D(2025, 9, 27), D(2025, 9, 27))),
        ("2025-12-31TEV", None, (D(2025, 12, 31), D(2025, 12, 31))),
        ("2025-12-31T13:48", None, (D(2025, 12, 31), D(2025, 12, 31))),
        ("2025-W01", None, (D(2024, 12, 30), D(2025, 1, 5))),
        ("2025-Q2", None, (D(2025, 4, 1), D(2025, 6, 30))),
        ("2014/2017", None, (D(2014, 1, 1), D(2017, 12, 31))),
        ("2025-05-20/2025-05-25", None, (D(2025, 5, 20), D(2025, 5, 25))),
        ("2026", "START", (D(2026, 1, 1), D(2026, 4, 30))),
        ("2026", "MID", (D(2026, 5, 1), D(2026, 8, 31))),
        ("2026", "END", (D(2026, 9, 1), D(2026, 12, 31))),
        ("2025-09", "START", (D(2025, 9, 1), D(2025, 9, 10))),
        ("2025-09", "MID", (D(2025, 9, 11), D(2025, 9, 20))),
        ("2025-09", "END", (D(2025, 9, 21), D(2025, 9, 30))),
        ("2025-Q1", "START", (D(2025, 1, 1), D(2025, 1, 30))),  # a third of 90 days
        ("2025-09", "APPROX", (D(2025, 8, 29), D(2025, 10, 3))),
        ("2025-09-27", "END", (D(2025, 9, 27), D(2025, 9, 27))),  # one day: mods change nothing
        ("2017/2014", None, None),
        ("2025-H1", None, None),
        ("2025-SU", None, None),
        ("199X", None, None),
        ("P3M", None, None),
        ("XXXX-09", None, None),
        ("2025-13", None, None),
        ("", None, None),
        (None, None, None),
    ],
)
def test_day_interval(value: str | None, mod: str | None, expected: tuple | None) -> None:
    assert day_interval(value, mod) == expected


def test_vague_references_need_the_dct() -> None:
    days = dt.timedelta(days=VAGUE_REF_DAYS)
    assert day_interval("PAST_REF") is None
    assert day_interval("PAST_REF", dct=DCT) == (DCT - days, DCT - dt.timedelta(days=1))
    assert day_interval("FUTURE_REF", dct=DCT) == (DCT + dt.timedelta(days=1), DCT + days)
    assert day_interval("PRESENT_REF", dct=DCT) == (DCT, DCT)


def test_each_timex_carries_its_days() -> None:
    first, second, third = find_timexes("في مطلع عام 2026 ثم في سبتمبر 2025 وحاليا", DCT)
    assert (first.value, first.mod, first.interval) == ("2026", "START", (D(2026, 1, 1), D(2026, 4, 30)))
    assert (second.first_day, second.last_day) == (D(2025, 9, 1), D(2025, 9, 30))
    assert (third.value, third.interval, third.first_day, third.last_day) == ("PRESENT_REF", None, None, None)


def test_the_interval_is_not_a_stored_field() -> None:
    """The pipeline stores every dataclass field as a column: the interval must not add any."""
    names = [f.name for f in dataclasses.fields(Timex)]
    assert names == ["start", "end", "text", "type", "value", "mod", "calendar"]


def test_value_regexes() -> None:
    assert DAY_VALUE.match("2025-12-31") and not DAY_VALUE.match("2025-12-31T10:00")
    assert DAY_TIME_VALUE.match("2025-12-31") and DAY_TIME_VALUE.match("2025-12-31TMO")
    assert DURATION_VALUE.match("P1Y6M").groups() == ("1", "6", None, None)
    assert not DURATION_VALUE.match("PXY")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, None),
        (D(2025, 1, 2), D(2025, 1, 2)),
        (dt.datetime(2025, 1, 2, 23, 5), D(2025, 1, 2)),
        (pd.Timestamp("2025-01-02 10:00"), D(2025, 1, 2)),
        (np.datetime64("2025-01-02"), D(2025, 1, 2)),
        (" 2025-01-02 ", D(2025, 1, 2)),
        ("2025-01-02T23:00", D(2025, 1, 2)),
        (float("nan"), None),
        (pd.NaT, None),
        (pd.NA, None),
    ],
)
def test_as_date(raw: object, expected: dt.date | None) -> None:
    assert as_date(raw) == expected


def test_as_date_rejects_what_is_not_an_iso_date() -> None:
    for raw in ("2025-13-45", "bad", "2025/01/02"):
        with pytest.raises(ValueError):
            as_date(raw)


@pytest.mark.parametrize("dct", ["2025-13-45", float("nan"), pd.NaT])
def test_a_bad_or_missing_document_date_is_an_analysis_error(dct: object) -> None:
    with pytest.raises(AnalysisError):
        find_timexes("اليوم", dct)  # type: ignore[arg-type]


def test_lookup_takes_an_explicit_direction() -> None:
    # a table whose values are tuples: the words are the keys
    assert P.lookup({"نصف": (1, 2), "ثلاثة أرباع": (3, 4)}, words="keys") == {"نصف": (1, 2), "ثلاثه ارباع": (3, 4)}
    assert P.lookup({3: ("آذار", "اذار"), 4: ("نيسان",)}, words="values") == {"اذار": 3, "نيسان": 4}
    assert P.lookup({"كانون  الأول": 12}, words="keys") == {"كانون الاول": 12}
    with pytest.raises(ValueError):
        P.lookup({"نصف": (1, 2)}, words="both")  # type: ignore[arg-type]
    assert P.FRACTION_UNIT_OF["ربع"] == (1, 4)


def test_month_and_number_tables_come_from_the_data_files() -> None:
    for table in (lx.GREGORIAN_MONTHS, lx.LEVANTINE_MONTHS, lx.HIJRI_MONTHS):
        assert list(table) == list(range(1, 13))
    assert lx.LEVANTINE_MONTHS[1][0] == "كانون الثاني"
    assert "صفر" in lx.STRICT_HIJRI <= lx.AMBIGUOUS_HIJRI
    assert {"مارس", "آب", "تموز"} <= lx.AMBIGUOUS_MONTHS
    assert lx.UNIT_NUMBERS["ثلاثة"] == 3 and lx.TENS_NUMBERS["مئة"] == 100 and lx.TEEN_HEADS["اثنا"] == 2
    assert lx.ORDINAL_UNITS["العاشر"] == 10 and lx.ORDINAL_TEN_HEADS["الحادي"] == 1 and lx.ORDINAL_TENS["الثلاثين"] == 30


def test_a_malformed_data_row_names_its_file_and_line(tmp_path, monkeypatch) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "bad.tsv").write_text("# comment\nword\tvalue\nواحد\t1\nاثنان\n", encoding="utf-8")
    monkeypatch.setattr(resources, "DATA_DIR", tmp_path / "data")
    with pytest.raises(ValueError, match=r"bad\.tsv:4: expected 2 tab-separated fields"):
        resources.read_dicts("bad.tsv")


def test_rules_are_in_priority_order_and_every_family_registers() -> None:
    priorities = [r.priority for r in RULES.values()]
    assert priorities == sorted(priorities) and len(set(priorities)) == len(priorities)
    for family in FAMILIES:
        assert any(r.build.__module__ == family.__name__ for r in RULES.values()), family.__name__


def test_a_name_or_priority_used_twice_is_refused() -> None:
    some = next(iter(RULES.values()))
    before = list(RULES)
    with pytest.raises(ValueError, match="priority"):
        register(Rule("new_rule", re.compile("x"), some.build, frozenset({"x"}), some.priority))
    with pytest.raises(ValueError, match="twice"):
        register(Rule(some.name, re.compile("x"), some.build, frozenset({"x"}), 99_999))
    assert list(RULES) == before


def test_equal_length_candidates_go_to_the_lower_priority() -> None:
    low, high = RULES["day_month_year"], RULES["hijri"]
    assert low.priority < high.priority
    cands = [Candidate(0, 5, "DATE", "B", rule=high.name), Candidate(0, 5, "DATE", "A", rule=low.name)]
    assert [c.value for c in select(cands, 5)] == ["A"]
