"""The researcher's review of the timeline: one row per entry, by its stable ``id``, with the last word.

The review table (``reviews/timeline.csv``, ``analysis.paths.review_file``; versioned with the
project) has one row per timeline entry. The researcher edits seven columns:

- ``keep``: empty while the entry is unreviewed; ``yes`` to keep it (with any corrections below),
  ``no`` to drop it from the figures, the CSVs and notebook 04;
- ``date``, ``date_mod``, ``status``, ``place``: a correction of the extracted value (empty: keep the
  extracted value; ``-`` clears ``date_mod`` or ``place``). ``date`` is a TIMEX value (``2026-01``,
  ``2026-01-15``, ``2026``, ``2014/2017``; docs/ANNOTATION.md) and ``date_mod`` one of START, MID,
  END, APPROX; ``status`` is occurred, ongoing or planned;
- ``label``: the text to print beside the mark instead of the place; ``note``: free text.

The other columns (``type``, ``extracted_*``, ``n_sources``, ``summary``, ``sources``, ``in_corpus``)
say what the row is; ``update_review`` refreshes them and never touches an edited column. A row
whose entry is no longer extracted stays in the table (``in_corpus`` = ``no``) and is reported.
``apply_review`` gives the entries a ``Study`` hands to every figure, CSV and notebook.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.errors import AnalysisError, FileLineError
from analysis.events.lifecycle import report_span
from analysis.io import atomic_write

#: The columns the researcher edits.
EDITABLE = ("keep", "date", "date_mod", "status", "place", "label", "note")
#: Read-only columns that say what a row is (refreshed on every update).
CONTEXT = (
    "type", "extracted_date", "extracted_date_mod", "extracted_status", "extracted_place", "n_sources",
    "status_counts", "planned_dates", "summary", "sources", "in_corpus",
)  # fmt: skip
COLUMNS = ("id", *EDITABLE, *CONTEXT)
#: Written in ``date_mod`` or ``place``: no value (rather than "keep the extracted one").
CLEAR = "-"
STATUSES = ("occurred", "ongoing", "planned")
DATE_MODS = ("START", "MID", "END", "APPROX")
#: Spellings accepted in ``keep`` (lower-cased).
YES = ("yes", "y", "true", "1", "نعم")
NO = ("no", "n", "false", "0", "لا")
#: Columns ``apply_review`` adds to the entries.
REVIEW_COLUMNS = ("reviewed", "label", "note", "corrected")


class ReviewError(FileLineError):
    """A review table that cannot be read; names the file and the line."""


@dataclass(frozen=True)
class Decision:
    """One row of the review table: the researcher's decision on the entry ``id``.

    ``keep`` is None while unreviewed; a correction is None when the extracted value stands and
    ``CLEAR`` when the researcher removed the value. ``line`` is the row's line in the file.
    """

    id: str
    keep: bool | None = None
    date: str | None = None
    date_mod: str | None = None
    status: str | None = None
    place: str | None = None
    label: str | None = None
    note: str | None = None
    line: int = 0

    @property
    def reviewed(self) -> bool:
        """The researcher has kept or dropped the entry."""
        return self.keep is not None

    def corrections(self) -> dict[str, str]:
        """The extracted values this decision replaces: column → new value (``CLEAR`` = none)."""
        return {k: v for k in ("date", "date_mod", "status", "place") if (v := getattr(self, k)) is not None}


@dataclass
class ReviewTable:
    """A review table as read: its rows (every column as text, file order) and a decision per id."""

    path: Path
    columns: list[str] = field(default_factory=lambda: list(COLUMNS))
    rows: list[dict[str, str]] = field(default_factory=list)
    decisions: dict[str, Decision] = field(default_factory=dict)

    @property
    def exists(self) -> bool:
        return self.path.is_file()


@dataclass
class AppliedReview:
    """The entries after the review, and what the review did.

    ``entries`` are the kept entries with their corrections and the columns ``reviewed`` (bool),
    ``label`` and ``note`` (the researcher's, or None) and ``corrected`` (the corrected columns,
    comma-separated, or ""); ``dropped`` the entries the researcher dropped, as extracted;
    ``orphans`` the decisions whose entry is not among the extracted entries.
    """

    entries: pd.DataFrame
    dropped: pd.DataFrame
    orphans: list[Decision]
    path: Path | None = None

    @property
    def unreviewed(self) -> int:
        """How many kept entries nobody has reviewed yet."""
        return int((~self.entries["reviewed"].astype(bool)).sum()) if len(self.entries) else 0

    @property
    def reviewed(self) -> int:
        return len(self.entries) - self.unreviewed

    def warnings(self) -> list[str]:
        """One line per review row whose entry no longer exists (a reviewer's decision is never lost silently)."""
        where = str(self.path) if self.path is not None else "review"
        return [
            f"{where}:{d.line}: entry {d.id} is not in this corpus; its decision is kept in the table but applies to nothing"
            for d in self.orphans
        ]

    def summary(self) -> str:
        """One line: reviewed, unreviewed, dropped and orphaned rows."""
        text = (f"{self.reviewed} reviewed, {self.unreviewed} unreviewed, {len(self.dropped)} dropped by the review")
        if self.orphans:
            text += f", {len(self.orphans)} review row(s) without an entry"
        return text


# ---------------------------------------------------------------------------------------------
# Reading


def read_review(path: str | Path) -> ReviewTable:
    """Read and check the review table at ``path``; an empty table when the file does not exist.

    Raises ``ReviewError`` naming the file and line of the first problem.
    """
    path = Path(path)
    if not path.exists():
        return ReviewTable(path)
    if path.is_dir():
        raise ReviewError(path, None, "is a folder, not a review table (a CSV file)")
    text = _decode(path, path.read_bytes())
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise ReviewError(path, 1, f"no header line (expected the columns {', '.join(COLUMNS)})")
    try:
        delimiter = csv.Sniffer().sniff(lines[0], delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
        missing = [c for c in ("id", *EDITABLE) if c not in header]
        if missing:
            raise ReviewError(path, 1, f"missing column(s) {', '.join(missing)} (expected {', '.join(COLUMNS)})")
        twice = sorted({h for h in header if header.count(h) > 1})
        if twice:
            raise ReviewError(path, 1, f"column(s) {', '.join(twice)} appear twice")
        table = ReviewTable(path, columns=header + [c for c in COLUMNS if c not in header])
        first_line = reader.line_num + 1
        for values in reader:
            line, first_line = first_line, reader.line_num + 1
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                raise ReviewError(path, line, f"{len(values)} fields where the header has {len(header)}")
            row = {c: "" for c in table.columns} | dict(zip(header, values))
            decision = parse_decision(row, line, path)
            if decision.id in table.decisions:
                raise ReviewError(path, line, f"id {decision.id} is already on line {table.decisions[decision.id].line}")
            table.decisions[decision.id] = decision
            table.rows.append(row)
    except csv.Error as err:
        raise ReviewError(path, reader.line_num, f"not valid CSV ({err})") from None
    return table


def _decode(path: Path, data: bytes) -> str:
    """The file's text (UTF-8, with or without the BOM spreadsheets write); a bad byte names its line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ReviewError(path, line, "not UTF-8 text (save the table as CSV with UTF-8 encoding)") from None


def parse_decision(row: Mapping[str, str], line: int, path: str | Path = "review") -> Decision:
    """Check one row's editable columns and turn them into a ``Decision``; ``ReviewError`` when one is wrong."""
    value = {c: (row.get(c) or "").strip() for c in ("id", *EDITABLE)}
    if not value["id"]:
        raise ReviewError(path, line, "empty id (every row names the entry it reviews)")
    keep_text = value["keep"].lower()
    if keep_text and keep_text not in YES + NO:
        raise ReviewError(path, line, f"keep must be yes, no or empty, not {value['keep']!r}")
    keep = None if not keep_text else keep_text in YES
    date = value["date"] or None
    if date is not None and report_span(date, None, None) is None:
        raise ReviewError(path, line, f"date {date!r} is not a date the timeline can place "
                                      "(YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-SU or FIRST/LAST)")  # fmt: skip
    date_mod = value["date_mod"].upper() or None
    if date_mod is not None and date_mod != CLEAR and date_mod not in DATE_MODS:
        raise ReviewError(path, line, f"date_mod must be one of {', '.join(DATE_MODS)}, - or empty, not {value['date_mod']!r}")
    status = value["status"].lower() or None
    if status is not None and status not in STATUSES:
        raise ReviewError(path, line, f"status must be one of {', '.join(STATUSES)} or empty, not {value['status']!r}")
    return Decision(
        id=value["id"], keep=keep, date=date, date_mod=date_mod, status=status,
        place=value["place"] or None, label=value["label"] or None, note=value["note"] or None, line=line,
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Applying


def apply_review(entries: pd.DataFrame, table: ReviewTable | None) -> AppliedReview:
    """The entries with the review applied: dropped ones removed, corrections made, review columns added.

    Entries without a decision (or without an ``id`` column) are kept as extracted and unreviewed.
    A corrected date or mod recomputes ``start``/``end`` (vague values against the entry's newest
    report date); the entries are re-sorted by date as ``merge_events`` sorts them.
    """
    decisions = table.decisions if table is not None else {}
    path = table.path if table is not None else None
    columns = list(entries.columns) + [c for c in REVIEW_COLUMNS if c not in entries.columns]
    kept, dropped = [], []
    for record in entries.to_dict("records"):
        decision = decisions.get(str(record.get("id")))
        if decision is not None and decision.keep is False:
            dropped.append(record)
            continue
        kept.append(reviewed_record(record, decision))
    present = {str(i) for i in entries["id"]} if "id" in entries.columns else set()
    orphans = [d for i, d in decisions.items() if i not in present]
    return AppliedReview(
        sort_entries(pd.DataFrame(kept, columns=columns)), pd.DataFrame(dropped, columns=list(entries.columns)),
        orphans, path,
    )  # fmt: skip


def reviewed_record(record: Mapping[str, Any], decision: Decision | None) -> dict[str, Any]:
    """One entry (a ``merge_events`` row as a dict) with ``decision`` applied and the review columns set."""
    out = dict(record) | {"reviewed": False, "label": None, "note": None, "corrected": ""}
    if decision is None:
        return out
    out |= {"reviewed": decision.reviewed, "label": decision.label, "note": decision.note}
    changed = []
    for column, new in decision.corrections().items():
        value = None if new == CLEAR else new
        if _text(out.get(column)) != value:
            changed.append(column)
        out[column] = value
    if decision.date is not None or decision.date_mod is not None:
        span = report_span(_text(out.get("date")), _text(out.get("date_mod")), _as_day(out.get("dct_max")))
        out["start"], out["end"] = span if span is not None else (None, None)
    out["corrected"] = ",".join(changed)
    return out


def sort_entries(entries: pd.DataFrame) -> pd.DataFrame:
    """Entries by date (undated last), then type and place: the order of ``merge_events``."""
    if not len(entries):
        return entries.reset_index(drop=True)
    keys = pd.DataFrame({
        "undated": entries["start"].isna().to_numpy(),
        "start": [d if isinstance(d, dt.date) else dt.date.max for d in entries["start"]],
        "type": entries["type"].astype(str).to_numpy(),
        "place": entries["place"].fillna("").astype(str).to_numpy(),
    })  # fmt: skip
    order = keys.sort_values(["undated", "start", "type", "place"], kind="stable").index
    return entries.iloc[order].reset_index(drop=True)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _as_day(value: Any) -> dt.date | None:
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):
        return None
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else pd.Timestamp(value).date()


# ---------------------------------------------------------------------------------------------
# Writing


@dataclass(frozen=True)
class UpdateSummary:
    """What ``update_review`` did: rows in the table, new (unreviewed) rows, rows without an entry."""

    path: Path
    rows: int
    new: int
    reviewed: int
    orphans: tuple[Decision, ...]

    def lines(self) -> list[str]:
        """The summary line, then one warning line per row without an entry."""
        out = [f"{self.path}: {self.rows} rows ({self.new} new, unreviewed; {self.reviewed} reviewed; "
               f"{self.rows - self.reviewed} to review)"]  # fmt: skip
        out += [f"warning: {self.path}:{d.line}: entry {d.id} is no longer extracted from this corpus "
                "(row kept, in_corpus=no)" for d in self.orphans]  # fmt: skip
        return out


def context_row(entry: Mapping[str, Any]) -> dict[str, str]:
    """The read-only columns of one entry's row: what it is, as extracted, and where it comes from."""
    sources = _items(entry.get("sources"))
    return {
        "type": _cell(entry.get("type")),
        "extracted_date": _cell(entry.get("date")),
        "extracted_date_mod": _cell(entry.get("date_mod")),
        "extracted_status": _cell(entry.get("status")),
        "extracted_place": _cell(entry.get("place")),
        "n_sources": _cell(entry.get("n_sources")),
        "status_counts": _cell(entry.get("status_counts")),
        "planned_dates": "; ".join(map(str, _items(entry.get("planned_dates")))),
        "summary": _cell(entry.get("summary")),
        "sources": "; ".join(f"{s['file']}:{s['sentence_start']}-{s['sentence_end']}" for s in sources),
        "in_corpus": "yes",
    }


def _items(value: Any) -> list[Any]:
    """A list column's value as a list (None, NaN or a string: no items)."""
    return list(value) if isinstance(value, Iterable) and not isinstance(value, (str, dict)) else []


def _cell(value: Any) -> str:
    if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
        return ""
    return " ".join(str(value).split())  # one line per cell: a summary's line breaks would split the row


def update_review(entries: pd.DataFrame, path: str | Path) -> UpdateSummary:
    """Write or update the review table at ``path`` for ``entries`` (extracted, before any review).

    Every earlier row keeps its editable columns (and any column the researcher added); its
    read-only columns are refreshed from the entry, or ``in_corpus`` set to ``no`` when the entry
    is gone. Entries not in the table are appended, unreviewed, in timeline order. Atomic write.
    """
    if "id" not in entries.columns:
        raise AnalysisError("the timeline entries have no id column: the review table needs stable entry ids")
    table = read_review(path)
    by_id = {str(e["id"]): e for e in entries.to_dict("records")}
    rows, orphans = [], []
    for row in table.rows:
        entry = by_id.get(row["id"].strip())
        if entry is None:
            row = row | {"in_corpus": "no"}
            orphans.append(table.decisions[row["id"].strip()])
        else:
            row = row | context_row(entry)
        rows.append(row)
    new = [i for i in by_id if i not in table.decisions]
    for entry_id in new:
        rows.append({c: "" for c in table.columns} | {"id": entry_id} | context_row(by_id[entry_id]))
    write_review(table.path, table.columns, rows)
    reviewed = sum(d.reviewed for d in table.decisions.values())
    return UpdateSummary(table.path, len(rows), len(new), reviewed, tuple(orphans))



def write_review(path: str | Path, columns: Iterable[str], rows: Iterable[Mapping[str, str]]) -> Path:
    """Write review rows as CSV (UTF-8, comma-separated, one line per row), atomically."""
    columns = list(columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([row.get(c, "") for c in columns] for row in rows)
    with atomic_write(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(buffer.getvalue())
    return Path(path)
