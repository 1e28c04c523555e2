"""The event-type table (``data/event_types.tsv``): what it holds, and a bad row failing at load time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.errors import AnalysisError
from analysis.events.lexicon import load_trigger_rules, trigger_rules
from analysis.resources import DataTableError, data_path
from analysis.events.types import (
    COLOURS, COLUMNS, DEFAULT_TYPES, EVENT_TYPES, LABELS, LANE_ORDER, TYPES, load_event_types,
)  # fmt: skip

PACKAGED = data_path("event_types.tsv").read_text(encoding="utf-8")
HEADER = "\t".join(COLUMNS)


def _table(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    """A table file: a comment line, the header and ``rows`` (the first row is on line 3)."""
    path = tmp_path / "event_types.tsv"
    path.write_text("# a test table\n" + header + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


GOOD = "1\twithdrawal\tانسحاب\twithdrawal\t#ff7f0e\tno\tno\tyes\tno\tyes\tمن obj"


def _with(**cells: str) -> str:
    """``GOOD`` with some cells replaced."""
    row = dict(zip(COLUMNS, GOOD.split("\t")))
    row.update(cells)
    return "\t".join(row[c] for c in COLUMNS)


def test_packaged_table_covers_the_lexicon_and_the_figure():
    assert set(EVENT_TYPES) == set(TYPES) == set(LANE_ORDER) == set(COLOURS)
    assert {r.type for rules in trigger_rules().values() for r in rules} <= set(EVENT_TYPES)
    assert sorted(TYPES[t].order for t in LANE_ORDER) == list(range(1, len(TYPES) + 1))
    for language in ("ar", "en"):
        assert set(LABELS[language]) == set(EVENT_TYPES)
    assert set(DEFAULT_TYPES) == {t for t in EVENT_TYPES if TYPES[t].shown}
    assert list(DEFAULT_TYPES) == [t for t in LANE_ORDER if t in DEFAULT_TYPES]


def test_a_new_row_is_a_new_type_with_its_lane_label_and_colour(tmp_path):
    rows = [ln for ln in PACKAGED.splitlines() if ln and not ln.startswith("#")][1:]
    extra = f"{len(rows) + 1}\tsanctions\tعقوبات\tsanctions\t#123456\tno\tno\tyes\tno\tyes\tفي before"
    types = load_event_types(_table(tmp_path, *rows, extra))
    assert list(types)[-1] == "sanctions"
    new = types["sanctions"]
    assert (new.order, new.label("ar"), new.label("en"), new.colour, new.shown) == (len(rows) + 1, "عقوبات", "sanctions", "#123456", True)
    assert new.reported is None and new.purpose and not new.unplaced and new.in_country
    assert new.place_roles == ("في", "before")


@pytest.mark.parametrize(
    "value, unplaced, in_country, if_dated",
    [("yes", True, False, False), ("no", False, True, False), ("country", True, True, False), ("dated", True, True, True)],
)
def test_unplaced_says_whether_a_type_locates_itself_and_whether_it_takes_the_country(tmp_path, value, unplaced, in_country, if_dated):
    new = load_event_types(_table(tmp_path, _with(unplaced=value)))[dict(zip(COLUMNS, GOOD.split("\t")))["type"]]
    assert (new.unplaced, new.in_country, new.country_if_dated) == (unplaced, in_country, if_dated)


def test_the_packaged_types_that_take_the_article_country():
    assert {t for t in EVENT_TYPES if TYPES[t].in_country} == {
        "vote", "mission_end", "withdrawal", "handover", "attack", "war", "other", "deployment", "agreement"}
    assert TYPES["other"].unplaced and TYPES["agreement"].country_if_dated and not TYPES["announcement"].in_country


@pytest.mark.parametrize(
    "row, problem",
    [
        (_with(colour="orange"), "colour 'orange' is not #rrggbb"),
        (_with(colour="#ff7f0"), "colour '#ff7f0' is not #rrggbb"),
        (_with(shown="true"), "shown 'true' is neither 'yes' nor 'no'"),
        (_with(purpose=""), "purpose '' is neither 'yes' nor 'no'"),
        (_with(unplaced="maybe"), "unplaced 'maybe' is not one of yes no country dated"),
        (_with(reported="speech"), "reported 'speech' is neither 'no' nor a cue list of event_cues.json"),
        (_with(order="first"), "order 'first' is not a positive whole number"),
        (_with(order="0"), "order '0' is not a positive whole number"),
        (_with(type="Withdrawal"), "type 'Withdrawal' is not a name of lower-case letters and _"),
        (_with(label_ar=""), "label_ar is empty"),
        (_with(place_roles="من subject"), "place_roles 'من subject' may only list obj named at من إلى في على ب origin before"),
        (GOOD + "\textra", "12 fields, expected 11"),
    ],
    ids=["colour-name", "colour-short", "shown", "purpose", "unplaced", "reported", "order-word", "order-zero", "type-case", "label", "roles", "fields"],
)
def test_a_bad_row_fails_at_load_time_naming_file_and_line(tmp_path, row, problem):
    other = "2\tvote\tتصويت\tvote\t#9467bd\tno\tno\tno\tyes\tyes\tفي"
    path = _table(tmp_path, other, row)
    with pytest.raises(DataTableError) as err:
        load_event_types(path)
    message = str(err.value)
    assert message.startswith(f"{path}:4: {problem}")
    assert "\n" not in message
    assert (err.value.path, err.value.line) == (str(path), 4)


@pytest.mark.parametrize(
    "second, problem",
    [
        (_with(order="2"), "type 'withdrawal' is listed twice"),
        (_with(type="handover", label_ar="تسليم", label_en="handover"), "order 1 is already the lane of 'withdrawal'"),
        (_with(type="handover", order="2", label_en="handover"), "label_ar 'انسحاب' is already the label of 'withdrawal'"),
    ],
    ids=["type", "order", "label"],
)
def test_a_type_lane_or_label_given_twice_fails(tmp_path, second, problem):
    path = _table(tmp_path, GOOD, second)
    with pytest.raises(DataTableError, match=f"^{re.escape(f'{path}:4: {problem}')}$"):
        load_event_types(path)


def test_a_wrong_header_fails(tmp_path):
    path = _table(tmp_path, GOOD, header="type\torder")
    with pytest.raises(DataTableError, match="the header must be order type label_ar"):
        load_event_types(path)


def test_table_errors_are_analysis_errors_that_the_cli_prints_as_one_line():
    assert issubclass(DataTableError, AnalysisError) and issubclass(DataTableError, ValueError)


def test_a_trigger_lexicon_naming_an_unknown_type_fails_naming_file_and_line(tmp_path):
    path = tmp_path / "event_triggers.tsv"
    path.write_text(
        "# comment\ntype\trule\tforms\nwithdrawal\t-\tانسحاب\nsanctions\t-\tعقوبات\n", encoding="utf-8"
    )  # fmt: skip
    with pytest.raises(DataTableError) as err:
        load_trigger_rules(path)
    assert str(err.value) == f"{path}:4: unknown event type 'sanctions' (the types are listed in event_types.tsv)"


def test_a_trigger_row_with_missing_fields_fails_naming_the_line(tmp_path):
    path = tmp_path / "event_triggers.tsv"
    path.write_text("type\trule\tforms\nwithdrawal\tانسحاب\n", encoding="utf-8")
    with pytest.raises(DataTableError, match=f"^{re.escape(str(path))}:2: 2 fields, expected 3"):
        load_trigger_rules(path)


def test_the_packaged_trigger_lexicon_loads():
    assert load_trigger_rules() == trigger_rules()
