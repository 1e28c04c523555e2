"""The review table: the researcher drops, corrects and confirms timeline entries, and the decisions persist.

Entries are built by hand here (with the stable ``id`` the merge gives each entry), so these tests
say what the review does whatever the extraction finds; ``test_review_cli.py`` runs it end to end.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from pathlib import Path

import pandas as pd
import pytest

from analysis.review import (
    COLUMNS,
    ReviewError,
    apply_review,
    read_review,
    update_review,
)
from analysis.study import Study

D = dt.date


def entry(entry_id: str, date: str | None, start: D | None, end: D | None, type_: str, status: str,
          place: str | None, n: int = 1, dct: D = D(2025, 12, 31)) -> dict:
    sources = [{"file": f"{entry_id}_{k}.txt", "sentence_start": 10 * k, "sentence_end": 10 * k + 8} for k in range(n)]
    return {"date": date, "date_mod": None, "start": start, "end": end, "type": type_, "status": status,
            "place": place, "actors": [], "summary": f"ملخص {entry_id}", "n_sources": n, "sources": sources,
            "dct_max": dct, "id": entry_id}


def entries_frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


WAR = entry("aaaaaaaaaaa1", "2014/2017", D(2014, 1, 1), D(2017, 12, 31), "war", "occurred", "العراق", n=2)
HANDOVER = entry("bbbbbbbbbbb2", "2026", D(2026, 1, 1), D(2026, 12, 31), "handover", "planned", "عين الأسد")
PHASE_ONE = entry("ccccccccccc3", "2025-09", D(2025, 9, 1), D(2025, 9, 30), "withdrawal", "planned", "بغداد")
ERBIL = entry("ddddddddddd4", "2026-09", D(2026, 9, 1), D(2026, 9, 30), "withdrawal", "planned", "أربيل",
              dct=D(2026, 1, 20))


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def edit(path: Path, entry_id: str, **values: str) -> None:
    """Change cells of one row, as a researcher does in a spreadsheet (the rest of the file untouched)."""
    rows = read_rows(path)
    columns = list(rows[0])
    for row in rows:
        if row["id"] == entry_id:
            row.update(values)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "reviews" / "timeline.csv"
    update_review(entries_frame(WAR, HANDOVER, PHASE_ONE), path)
    return path


def test_a_new_table_lists_every_entry_unreviewed_with_its_context(table: Path) -> None:
    rows = read_rows(table)
    assert list(rows[0]) == list(COLUMNS)
    assert [r["id"] for r in rows] == [WAR["id"], HANDOVER["id"], PHASE_ONE["id"]]
    assert all(r["keep"] == r["date"] == r["status"] == r["place"] == "" for r in rows)
    assert rows[0]["extracted_date"] == "2014/2017" and rows[0]["type"] == "war" and rows[0]["n_sources"] == "2"
    assert rows[0]["sources"] == f"{WAR['id']}_0.txt:0-8; {WAR['id']}_1.txt:10-18"
    applied = apply_review(entries_frame(WAR, HANDOVER, PHASE_ONE), read_review(table))
    assert applied.unreviewed == 3 and applied.reviewed == 0 and not applied.orphans
    assert list(applied.entries["reviewed"]) == [False, False, False]


def test_drop_an_entry(table: Path) -> None:
    edit(table, HANDOVER["id"], keep="no", note="the article speaks of another base")
    applied = apply_review(entries_frame(WAR, HANDOVER, PHASE_ONE), read_review(table))
    assert HANDOVER["id"] not in set(applied.entries["id"])
    assert list(applied.dropped["id"]) == [HANDOVER["id"]]
    assert applied.unreviewed == 2 and len(applied.entries) == 2


def test_correct_a_date(table: Path) -> None:
    edit(table, HANDOVER["id"], keep="yes", date="2026-03", date_mod="END")
    applied = apply_review(entries_frame(WAR, HANDOVER, PHASE_ONE), read_review(table))
    row = applied.entries.set_index("id").loc[HANDOVER["id"]]
    assert (row["date"], row["date_mod"]) == ("2026-03", "END")
    assert (row["start"], row["end"]) == (D(2026, 3, 21), D(2026, 3, 31))  # the last third of March
    assert row["reviewed"] and row["corrected"] == "date,date_mod"
    # the entries are in date order again: the corrected date moved the entry after phase one
    assert list(applied.entries["id"]) == [WAR["id"], PHASE_ONE["id"], HANDOVER["id"]]


def test_correct_a_status_a_place_and_a_label(table: Path) -> None:
    edit(table, PHASE_ONE["id"], keep="Yes", status="occurred", place="-", label="نهاية المرحلة الأولى")
    applied = apply_review(entries_frame(WAR, HANDOVER, PHASE_ONE), read_review(table))
    row = applied.entries.set_index("id").loc[PHASE_ONE["id"]]
    assert row["status"] == "occurred" and pd.isna(row["place"]) and row["label"] == "نهاية المرحلة الأولى"
    assert row["corrected"] == "status,place" and row["reviewed"]
    assert applied.unreviewed == 2


def test_confirming_without_a_correction_marks_the_entry_reviewed(table: Path) -> None:
    edit(table, WAR["id"], keep="yes")
    applied = apply_review(entries_frame(WAR, HANDOVER, PHASE_ONE), read_review(table))
    row = applied.entries.set_index("id").loc[WAR["id"]]
    assert row["reviewed"] and row["corrected"] == "" and row["date"] == "2014/2017"


def test_decisions_persist_when_articles_are_added(table: Path) -> None:
    edit(table, HANDOVER["id"], keep="no")
    edit(table, PHASE_ONE["id"], keep="yes", status="occurred", note="confirmed by the ministry")
    edit(table, WAR["id"], keep="yes", date="2014/2017", date_mod="")
    # New articles: a new entry, and phase one is now reported by two outlets.
    phase_one_now = PHASE_ONE | {"n_sources": 2, "sources": PHASE_ONE["sources"] * 2, "summary": "ملخص جديد"}
    summary = update_review(entries_frame(WAR, HANDOVER, phase_one_now, ERBIL), table)
    assert (summary.rows, summary.new, summary.reviewed, summary.orphans) == (4, 1, 3, ())
    rows = read_rows(table)
    assert [r["id"] for r in rows] == [WAR["id"], HANDOVER["id"], PHASE_ONE["id"], ERBIL["id"]]  # appended
    by_id = {r["id"]: r for r in rows}
    assert by_id[PHASE_ONE["id"]]["keep"] == "yes" and by_id[PHASE_ONE["id"]]["status"] == "occurred"
    assert by_id[PHASE_ONE["id"]]["note"] == "confirmed by the ministry"
    assert by_id[PHASE_ONE["id"]]["n_sources"] == "2" and by_id[PHASE_ONE["id"]]["summary"] == "ملخص جديد"
    assert by_id[HANDOVER["id"]]["keep"] == "no"
    assert by_id[ERBIL["id"]]["keep"] == "" and by_id[ERBIL["id"]]["extracted_date"] == "2026-09"
    applied = apply_review(entries_frame(WAR, HANDOVER, phase_one_now, ERBIL), read_review(table))
    assert list(applied.entries["id"]) == [WAR["id"], PHASE_ONE["id"], ERBIL["id"]]
    assert list(applied.entries["reviewed"]) == [True, True, False] and applied.unreviewed == 1
    # a second update changes nothing
    before = table.read_bytes()
    update_review(entries_frame(WAR, HANDOVER, phase_one_now, ERBIL), table)
    assert table.read_bytes() == before


def test_a_row_whose_entry_is_gone_is_reported_and_kept(table: Path) -> None:
    edit(table, HANDOVER["id"], keep="yes", date="2026-04")
    summary = update_review(entries_frame(WAR, PHASE_ONE), table)
    assert [d.id for d in summary.orphans] == [HANDOVER["id"]]
    assert any(f"{table}:3: entry {HANDOVER['id']}" in line for line in summary.lines())
    row = {r["id"]: r for r in read_rows(table)}[HANDOVER["id"]]
    assert row["in_corpus"] == "no" and row["date"] == "2026-04" and row["extracted_date"] == "2026"
    applied = apply_review(entries_frame(WAR, PHASE_ONE), read_review(table))
    assert [d.id for d in applied.orphans] == [HANDOVER["id"]]
    assert applied.warnings() == [f"{table}:3: entry {HANDOVER['id']} is not in this corpus; its decision is kept "
                                  "in the table but applies to nothing"]
    # the entry comes back (the article is restored): the decision applies again
    update_review(entries_frame(WAR, HANDOVER, PHASE_ONE), table)
    assert {r["id"]: r for r in read_rows(table)}[HANDOVER["id"]]["in_corpus"] == "yes"
    applied = apply_review(entries_frame(WAR, HANDOVER, PHASE_ONE), read_review(table))
    assert not applied.orphans and applied.entries.set_index("id").loc[HANDOVER["id"], "date"] == "2026-04"


def test_columns_the_researcher_adds_are_kept(table: Path) -> None:
    text = table.read_text(encoding="utf-8").splitlines()
    text = [text[0] + ",checked_by"] + [line + ",ر.ع" for line in text[1:]]
    table.write_text("\n".join(text) + "\n", encoding="utf-8")
    update_review(entries_frame(WAR, HANDOVER, PHASE_ONE, ERBIL), table)
    rows = read_rows(table)
    assert [r["checked_by"] for r in rows] == ["ر.ع", "ر.ع", "ر.ع", ""]


def test_a_spreadsheet_saved_table_reads_the_same(table: Path) -> None:
    """Spreadsheets save a BOM and CRLF line ends; some locales use semicolons."""
    edit(table, WAR["id"], keep="no")
    text = table.read_text(encoding="utf-8")
    table.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert read_review(table).decisions[WAR["id"]].keep is False
    semicolons = "\n".join(";".join(line.split(",")[:8]) for line in text.splitlines()) + "\n"
    table.write_text(semicolons, encoding="utf-8")
    assert read_review(table).decisions[WAR["id"]].keep is False


BAD_CELLS = [
    ({"keep": "maybe"}, "keep must be yes, no or empty, not 'maybe'"),
    ({"date": "2026-13"}, "date '2026-13' is not a date the timeline can place"),
    ({"date": "next spring"}, "date 'next spring' is not a date the timeline can place"),
    ({"date_mod": "LATE"}, "date_mod must be one of START, MID, END, APPROX, - or empty, not 'LATE'"),
    ({"status": "done"}, "status must be one of occurred, ongoing, planned or empty, not 'done'"),
    ({"id": ""}, "empty id"),
]


@pytest.mark.parametrize(("cells", "message"), BAD_CELLS, ids=[m.split()[0] for _, m in BAD_CELLS])
def test_a_bad_cell_names_the_file_and_line(table: Path, cells: dict, message: str) -> None:
    edit(table, HANDOVER["id"], **cells)
    with pytest.raises(ReviewError) as err:
        read_review(table)
    assert str(err.value).startswith(f"{table}:3: {message}")
    assert "\n" not in str(err.value)


def test_bad_tables_name_the_file_and_line(table: Path) -> None:
    lines = table.read_text(encoding="utf-8").splitlines()
    cases = {
        "missing": ("id,date,note\nx,2025,\n", 1, "missing column(s) keep, date_mod, status, place, label"),
        "duplicate": ("\n".join([lines[0], lines[1], lines[2], lines[1]]) + "\n", 4, f"id {WAR['id']} is already on line 2"),
        "fields": ("\n".join([lines[0], lines[1], "x,yes"]) + "\n", 3, "2 fields where the header has"),
        "empty": ("", 1, "no header line"),
    }
    for name, (text, line, message) in cases.items():
        table.write_text(text, encoding="utf-8")
        with pytest.raises(ReviewError) as err:
            read_review(table)
        assert str(err.value).startswith(f"{table}:{line}: {message}"), name
    table.write_bytes(("\n".join(lines[:3]) + "\n").encode("utf-8") + "x,نعم\n".encode("cp1256"))
    with pytest.raises(ReviewError, match=rf"^{table}:4: not UTF-8 text"):
        read_review(table)


def test_a_missing_table_reviews_nothing(tmp_path: Path) -> None:
    applied = apply_review(entries_frame(WAR, HANDOVER), read_review(tmp_path / "none.csv"))
    assert applied.unreviewed == 2 and not applied.orphans and len(applied.dropped) == 0


def test_the_table_is_written_atomically(table: Path, monkeypatch) -> None:
    before = table.read_bytes()

    def failing_replace(src, dst):
        raise KeyboardInterrupt  # Ctrl-C at the worst moment

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(KeyboardInterrupt):
        update_review(entries_frame(WAR, HANDOVER, PHASE_ONE, ERBIL), table)
    assert table.read_bytes() == before
    assert [p.name for p in table.parent.iterdir()] == [table.name]  # no temporary file left


def test_the_study_hands_every_route_the_reviewed_entries(table: Path) -> None:
    """``Study.entries`` applies the review: the figures, CSVs and notebooks all read it."""
    edit(table, HANDOVER["id"], keep="no")
    edit(table, PHASE_ONE["id"], keep="yes", status="occurred")
    empty = pd.DataFrame()
    study = Study(corpus=empty, tokens=empty, entities=empty, timexes=empty, events=empty, review_path=table)
    study.__dict__["extracted_entries"] = entries_frame(WAR, HANDOVER, PHASE_ONE)  # as the merge would give
    assert list(study.entries["id"]) == [WAR["id"], PHASE_ONE["id"]]
    assert study.entries.set_index("id").loc[PHASE_ONE["id"], "status"] == "occurred"
    assert study.review.unreviewed == 1 and list(study.review.dropped["id"]) == [HANDOVER["id"]]
