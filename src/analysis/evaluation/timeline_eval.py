"""Score a timeline table against a canonical list of real-world events (docs/TIMELINE_EVAL.md).

A row is *true of* a milestone when it has the milestone's type, a compatible place (equal, or one
containing the other, ``analysis.events.places``), a consistent date and status, and, where the
gold reports of its articles are known, at least one of its sources is a report of that milestone.
Each row counts for one milestone (the one most of its sources report); a row true of none that
cites a report of an event off the canonical list is left out of precision. Measures: timeline
precision (rows true of a milestone), milestone recall, rows per event found, and milestones
shown with their final status and date.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.errors import AnalysisError
from analysis.evaluation.timeline_gold import (
    GoldReport, Milestone, canonical_path, gold_reports, gold_reports_as_events, load_milestones,
)  # fmt: skip
from analysis.events import dating
from analysis.events.places import hierarchy

REQUIRED_COLUMNS = ("type", "date", "status", "sources")
#: A row shows a milestone's final date when it overlaps it and is no wider than this (or the milestone's own span).
FINAL_DATE_MAX_DAYS = 31


@dataclass(frozen=True)
class SourceRef:
    """One cited report of a row: article file name and the sentence's offsets."""

    file: str
    start: int
    end: int


@dataclass(frozen=True)
class TimelineRow:
    """One row of a timeline table; ``line`` is its line in the CSV (1 = header)."""

    line: int
    type: str
    place: str | None
    date: str | None
    date_mod: str | None
    status: str | None
    span: dating.Interval | None
    sources: tuple[SourceRef, ...]


@dataclass
class RowScore:
    """What a row was matched to: the milestones it is true of and the one it counts for."""

    row: TimelineRow
    true_of: list[str] = field(default_factory=list)
    milestone: str | None = None
    off_timeline: bool = False


@dataclass
class TimelineScore:
    rows: list[RowScore]
    milestones: list[Milestone]
    final: dict[str, bool]

    @property
    def scored_rows(self) -> list[RowScore]:
        return [r for r in self.rows if not r.off_timeline]

    def measures(self) -> dict[str, float]:
        scored = self.scored_rows
        correct = sum(1 for r in scored if r.true_of)
        per = Counter(r.milestone for r in self.rows if r.milestone)
        n = len(self.milestones)
        return {
            "precision": correct / len(scored) if scored else 0.0,
            "recall": len(per) / n if n else 0.0,
            "rows_per_event": sum(per.values()) / len(per) if per else 0.0,
            "final_state": sum(self.final.values()) / n if n else 0.0,
        }


# ---------------------------------------------------------------------------------------------
# Reading a timeline table


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _sources(value: str | None, where: str) -> tuple[SourceRef, ...]:
    """``[{"file":…, "sentence_start":…, "sentence_end":…}, …]`` or ``file:start-end; …``."""
    value = (value or "").strip()
    if not value:
        return ()
    try:
        if value.startswith("["):
            return tuple(SourceRef(Path(s["file"]).name, int(s["sentence_start"]), int(s["sentence_end"])) for s in json.loads(value))
        out = []
        for part in value.split(";"):
            if part.strip():
                name, _, span = part.strip().rpartition(":")
                start, _, end = span.partition("-")
                out.append(SourceRef(Path(name).name, int(start), int(end)))
        return tuple(out)
    except (ValueError, KeyError, TypeError):
        raise AnalysisError(f"{where}: cannot read sources {value[:60]!r} (file:start-end; … or a JSON list)") from None


def _row_span(record: dict[str, str | None], date: str | None, mod: str | None) -> dating.Interval | None:
    start, end = _blank(record.get("start")), _blank(record.get("end"))
    if start and end:
        try:
            return dt.date.fromisoformat(start[:10]), dt.date.fromisoformat(end[:10])
        except ValueError:
            pass
    return dating.interval(date, mod) if date and not date.endswith("_REF") else None


def read_timeline_csv(path: str | Path) -> list[TimelineRow]:
    """The rows of a timeline CSV (``withdrawal_timeline.csv`` or ``analysis events --csv``)."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as err:
        raise AnalysisError(f"{path}: cannot read: {err.strerror or err}") from None
    rows = []
    with handle:
        try:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise AnalysisError(f"{path}:1: not a timeline table: missing column(s) {', '.join(missing)}")
            for record in reader:
                where = f"{path}:{reader.line_num}"
                type_ = _blank(record.get("type"))
                if type_ is None:
                    raise AnalysisError(f"{where}: row without a type")
                date, mod = _blank(record.get("date")), _blank(record.get("date_mod"))
                rows.append(
                    TimelineRow(
                        line=reader.line_num, type=type_, place=_blank(record.get("place")), date=date, date_mod=mod,
                        status=_blank(record.get("status")), span=_row_span(record, date, mod),
                        sources=_sources(record.get("sources"), where),
                    )
                )  # fmt: skip
        except UnicodeDecodeError:
            raise AnalysisError(f"{path}: not UTF-8 text") from None
        except csv.Error as err:
            raise AnalysisError(f"{path}:{reader.line_num}: not a CSV table: {err}") from None
    return rows


def rows_from_entries(entries: Any) -> list[TimelineRow]:
    """Rows from a ``merge_events`` frame, as ``analysis events --csv`` would write them."""
    out = []
    for k, e in enumerate(entries.to_dict("records"), start=2):
        start, end = e.get("start"), e.get("end")
        span = (start, end) if isinstance(start, dt.date) and isinstance(end, dt.date) else None
        out.append(
            TimelineRow(
                line=k, type=e["type"], place=e.get("place") if isinstance(e.get("place"), str) else None,
                date=e.get("date") if isinstance(e.get("date"), str) else None,
                date_mod=e.get("date_mod") if isinstance(e.get("date_mod"), str) else None, status=e.get("status"),
                span=span, sources=tuple(SourceRef(s["file"], s["sentence_start"], s["sentence_end"]) for s in e["sources"]),
            )
        )  # fmt: skip
    return out


# ---------------------------------------------------------------------------------------------
# Matching


def _value_span(value: str | None, mod: str | None = None) -> dating.Interval | None:
    return dating.interval(value, mod) if value and not value.endswith("_REF") else None


def _bare(value: str | None) -> str | None:
    """A TIMEX value without its time of day (``2025-09-20TEV`` → ``2025-09-20``)."""
    return value.split("T")[0] if value and len(value) > 10 and value[10] == "T" else value


def date_consistent(row: TimelineRow, m: Milestone) -> bool:
    """Does the row's date (and status) say something true of the milestone's history?

    A row without a checkable date says nothing false. Else it must overlap the final date (and
    not call a still-planned milestone occurred) or, not claiming it occurred, overlap a planned date.
    """
    final = _value_span(m.date, m.date_mod)
    planned = [_value_span(p) for p in m.planned_dates]
    if row.span is None:
        if row.date is None or row.date.endswith("_REF"):
            return True
        return _bare(row.date) in {_bare(m.date), *map(_bare, m.planned_dates)}
    if final is None and not any(planned):
        return True
    if dating.overlaps(row.span, final):
        return not (m.status == "planned" and row.status == "occurred")
    return row.status != "occurred" and any(dating.overlaps(row.span, p) for p in planned)


def shows_final(row: TimelineRow, m: Milestone) -> bool:
    """Is the row the milestone told to the end: its final status, and its final date to the month?"""
    if row.status != m.status:
        return False
    if m.date is None:  # no final date: the row gives none, or only a vague one (``FUTURE_REF``)
        return row.date is None or row.date.endswith("_REF")
    if _bare(row.date) == _bare(m.date) and (row.date_mod or None) == (m.date_mod or None):
        return True
    final = _value_span(m.date, m.date_mod)
    if row.span is None or final is None or not dating.overlaps(row.span, final):
        return False
    return dating.width(row.span) <= max(FINAL_DATE_MAX_DAYS, dating.width(final))


def places_compatible(row_place: str | None, gold_place: str | None) -> bool:
    """Compatible places; a gold place listing several (``التنف، الشدادي``) accepts any of them."""
    if not gold_place:
        return True
    names = [p.strip() for p in gold_place.replace("،", ",").split(",") if p.strip()]
    return any(hierarchy().compatible(row_place, name) for name in names)


class ReportIndex:
    """Gold reports by article, to tell which milestone a cited sentence reports."""

    def __init__(self, reports: Iterable[GoldReport]) -> None:
        self.by_file: dict[str, list[GoldReport]] = {}
        for r in reports:
            self.by_file.setdefault(r.file, []).append(r)

    def knows(self, row: TimelineRow) -> bool:
        """Are the gold reports of at least one of the row's articles known?"""
        return any(s.file in self.by_file for s in row.sources)

    def links(self, row: TimelineRow) -> list[GoldReport]:
        """The gold reports of the row's type its sources cite, one per source at most per report.

        A report is cited when its trigger lies in the cited sentence; failing that, when it is the
        only gold report of that type in the article (the row may cite another sentence of the
        same article about the same event, e.g. the headline).
        """
        out: list[GoldReport] = []
        for s in row.sources:
            same_type = [r for r in self.by_file.get(s.file, ()) if r.type == row.type]
            inside = [r for r in same_type if s.start <= r.trigger_start < s.end]
            if len(inside) > 1:  # several in the sentence: those at the row's place, if any
                inside = [r for r in inside if places_compatible(row.place, r.place)] or inside
            for r in inside or (same_type if len(same_type) == 1 else []):
                if r not in out:
                    out.append(r)
        return out


def score(rows: Sequence[TimelineRow], milestones: Sequence[Milestone], reports: Iterable[GoldReport] = ()) -> TimelineScore:
    """Match every row to the milestones it is true of, and each row to one milestone."""
    index = ReportIndex(reports)
    by_id = {m.id: m for m in milestones}
    by_type: dict[str, list[Milestone]] = {}
    for m in milestones:
        by_type.setdefault(m.type, []).append(m)
    scored = []
    for row in rows:
        links = index.links(row)
        linked = Counter(r.milestone for r in links if r.milestone)
        need_link = index.knows(row)
        result = RowScore(row)
        for m in by_type.get(row.type, ()):
            if not places_compatible(row.place, m.place) or not date_consistent(row, m):
                continue
            if need_link and m.id not in linked:
                continue
            result.true_of.append(m.id)
        if result.true_of:
            result.milestone = min(
                result.true_of,
                key=lambda mid: (-linked[mid], not shows_final(row, by_id[mid]), result.true_of.index(mid)),
            )
        else:
            result.off_timeline = any(r.milestone is None and places_compatible(row.place, r.place) for r in links)
        scored.append(result)
    final = {m.id: any(r.milestone == m.id and shows_final(r.row, m) for r in scored) for m in milestones}
    return TimelineScore(scored, list(milestones), final)


# ---------------------------------------------------------------------------------------------
# Report and command


def _row_text(row: TimelineRow) -> str:
    date = f"{row.date or '—'}{' ' + row.date_mod if row.date_mod else ''}"
    return f"line {row.line}: {row.type} {row.place or '—'} {date} {row.status or '—'} ({len(row.sources)} sources)"


def report(result: TimelineScore, details: bool = False) -> list[str]:
    """The printed report; the last line gives the four measures."""
    m = result.measures()
    scored = result.scored_rows
    correct = sum(1 for r in scored if r.true_of)
    per = Counter(r.milestone for r in result.rows if r.milestone)
    lines = []
    if details:
        lines.append(f"{'milestone':10} {'type':13} {'final':24} rows  told to the end")
        for ms in result.milestones:
            final = f"{ms.date or '—'}{' ' + ms.date_mod if ms.date_mod else ''} {ms.status}"
            lines.append(f"{ms.id:10} {ms.type:13} {final:24} {per.get(ms.id, 0):4d}  {'yes' if result.final[ms.id] else 'no'}")
            for r in result.rows:
                if r.milestone == ms.id:
                    lines.append(f"    {_row_text(r.row)}")
        lines.append("")
        lines += [f"false  {_row_text(r.row)}" for r in scored if not r.true_of]
        lines += [f"off-timeline  {_row_text(r.row)}" for r in result.rows if r.off_timeline]
        lines.append("")
    n = len(result.milestones)
    lines += [
        f"rows {len(result.rows)} ({len(result.rows) - len(scored)} off the canonical timeline, not scored)  milestones {n}",
        f"timeline precision  {m['precision']:.3f}  ({correct}/{len(scored)} rows true of a canonical event)",
        f"milestone recall    {m['recall']:.3f}  ({len(per)}/{n})",
        f"rows per event      {m['rows_per_event']:.2f}  ({sum(per.values())} rows on {len(per)} milestones)",
        f"final state         {m['final_state']:.3f}  ({sum(result.final.values())}/{n} shown with their final status and date)",
        f"precision {m['precision']:.3f}  recall {m['recall']:.3f}  rows/event {m['rows_per_event']:.2f}  final {m['final_state']:.3f}",
    ]
    return lines


def run(args: argparse.Namespace) -> int:
    """``analysis evaluate timeline GOLD [CSV] [--merge-gold] [--gold-events DIR] [--details]``."""
    milestones = load_milestones(args.gold)
    folder = Path(args.gold_events) if args.gold_events else canonical_path(args.gold).parent
    reports = gold_reports(folder) if folder.is_dir() else []
    if args.merge_gold:
        from analysis.events import merge_events

        rows = rows_from_entries(merge_events(gold_reports_as_events(folder, args.corpus)))
    elif args.csv:
        rows = read_timeline_csv(args.csv)
    else:
        raise AnalysisError("give a timeline CSV, or --merge-gold to merge the gold reports")
    for line in report(score(rows, milestones, reports), bool(args.details)):
        print(line)
    return 0
