"""The table behind the timeline: one numbered row per entry the figure shows, and its readable form.

``timeline_table`` turns merged entries (``analysis.events.merge_events``, or ``Study.entries``)
into the rows the figure draws, numbered ``n`` = 1, 2, … in date order; entries with a vague date
(``PAST_REF``, ``FUTURE_REF``, ``PRESENT_REF``) come last: they are counted in the figure's note,
never drawn on the axis. The same ``n`` labels each mark, so a mark leads to its row.
``numbered_table`` is that table as a reader wants it under the figure (notebook 04): number,
date, status, place, what happened, sources, in one language.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

import pandas as pd

from analysis.events.types import LANE_ORDER
from analysis.timeline.filters import EntryFilter, filter_entries
from analysis.timex.values import as_date
from analysis.wording import check_language, place_name, status_word, type_label, word

#: The columns of the CSV behind the figure: the columns it always had, after ``n`` and ``id``.
TABLE_COLUMNS = [
    "n", "id", "lane", "label", "type", "place", "date", "date_mod", "start", "end", "kind", "status",
    "n_sources", "summary", "sources", "what",
]  # fmt: skip
#: Entry columns the table reads itself; any other column of the entries (``planned_dates``,
#: ``status_counts``, review columns …) is passed through after ``TABLE_COLUMNS``.
_READ = {"id", "type", "place", "date", "date_mod", "start", "end", "status", "n_sources", "summary", "sources",
         "actors", "dct_max", "label"}  # fmt: skip
#: Words (``figure_words.tsv``) for the vague values and the TIMEX modifiers in ``date_text``.
REF_KEYS = frozenset({"ref_PAST_REF", "ref_FUTURE_REF", "ref_PRESENT_REF"})
MOD_KEYS = frozenset({"mod_START", "mod_MID", "mod_END", "mod_APPROX"})
NUMBERED_KEYS = ["col_n", "col_date", "col_status", "col_place", "col_what", "col_sources", "col_excerpt"]


def is_vague(date: object) -> bool:
    """A reference to the past, present or future without a date (``PAST_REF`` …): not drawn."""
    return isinstance(date, str) and date.endswith("_REF")


def _kind(date: object, start: dt.date, end: dt.date) -> str:
    if is_vague(date):
        return "vague"
    return "point" if start == end else "span"


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _id(value: object) -> str:
    """The entry's stable id as text; empty when the entries have none (never invented)."""
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    return str(value)


def _cell(value: object) -> object:
    """A pass-through value as the CSV can hold it: a list of values (``planned_dates``) joined by ``; ``,
    anything else that is a list or a dict (``status_counts``) as sorted-key JSON."""
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return value


def timeline_table(
    entries_df: pd.DataFrame,
    filters: EntryFilter | None = None,
    lanes: Literal["type", "place"] = "type",
    labels: Literal["ar", "en"] = "ar",
) -> pd.DataFrame:
    """The numbered rows the figure shows (``TABLE_COLUMNS`` + pass-through columns), by ``n``.

    ``filters`` picks the entries (default: the dated entries of the default types); ``lanes``
    groups rows by event type or by place; ``labels`` is the language of ``lane``, ``label`` and
    ``what``. ``kind`` is ``point`` (a day), ``span`` (a month, a modified year, an interval) or
    ``vague``; ``sources`` cites each report as ``file:sentence_start-sentence_end``; ``id`` is the
    entry's stable id when the entries have one, else empty.
    """
    return numbered_entries(entries_df, filters, lanes, labels)[0]


def numbered_entries(
    entries_df: pd.DataFrame,
    filters: EntryFilter | None = None,
    lanes: Literal["type", "place"] = "type",
    labels: Literal["ar", "en"] = "ar",
) -> tuple[pd.DataFrame, dict[int, dict]]:
    """``timeline_table`` and, by row number ``n``, the entry (a ``merge_events`` row, sources included) it shows."""
    check_language(labels)
    if lanes not in ("type", "place"):
        raise ValueError(f"lanes must be 'type' or 'place', not {lanes!r}")
    chosen = filter_entries(entries_df, filters)
    extra = [c for c in chosen.columns if c not in _READ and c not in TABLE_COLUMNS]
    rows, kept = [], []
    for entry in chosen.to_dict("records"):
        start, end = as_date(entry.get("start")), as_date(entry.get("end"))
        if start is None or end is None:
            continue
        place = _text(entry.get("place"))
        type_name = type_label(entry["type"], labels)
        place_label = place_name(place, labels) if place else None
        sources = entry.get("sources")
        sources = list(sources) if sources is not None and not isinstance(sources, float) else []
        n_sources = entry.get("n_sources")
        row = {
            "n": 0,
            "id": _id(entry.get("id")),
            "lane": type_name if lanes == "type" else (place_label or word("unknown_place", labels)),
            "label": (place_label or "") if lanes == "type" else type_name,
            "type": entry["type"],
            "place": place,
            "date": entry.get("date"),
            "date_mod": _text(entry.get("date_mod")),
            "start": start,
            "end": end,
            "kind": _kind(entry.get("date"), start, end),
            "status": entry.get("status"),
            "n_sources": int(n_sources) if n_sources is not None and not pd.isna(n_sources) else len(sources) or 1,
            "summary": entry.get("summary"),
            "sources": "; ".join(f"{s['file']}:{s['sentence_start']}-{s['sentence_end']}" for s in sources),
            "what": _text(entry.get("label")) or type_name,
        }
        row.update({c: _cell(entry.get(c)) for c in extra})
        row["_entry"] = len(kept)
        kept.append(entry)
        rows.append(row)
    table = pd.DataFrame(rows, columns=[*TABLE_COLUMNS, *extra, "_entry"])
    if not len(table):
        return table.drop(columns="_entry"), {}
    lane_rank = {name: i for i, name in enumerate(LANE_ORDER)}
    table["_vague"] = table["kind"] == "vague"
    table["_lane"] = table["type"].map(lambda t: lane_rank.get(t, len(lane_rank)))
    table["_place"] = table["place"].fillna("")
    table = table.sort_values(["_vague", "start", "end", "_lane", "_place", "id"], kind="stable")
    table = table.drop(columns=["_vague", "_lane", "_place"]).reset_index(drop=True)
    table["n"] = range(1, len(table) + 1)
    by_n = {int(n): kept[k] for n, k in zip(table["n"], table["_entry"])}
    return table.drop(columns="_entry"), by_n


def date_text(date: object, date_mod: object, start: dt.date, end: dt.date, labels: str) -> str:
    """A date as a reader says it: ``2014–2017``, ``early 2026``, ``2026-03-04``, ``shortly after 2025-12-31``."""
    if not isinstance(date, str):
        return start.isoformat() if start == end else f"{start.isoformat()}–{end.isoformat()}"
    if is_vague(date):
        anchor = {"PAST_REF": end + dt.timedelta(days=1), "FUTURE_REF": start - dt.timedelta(days=1)}.get(date, start)
        key = f"ref_{date}"
        return word(key, labels, date=anchor.isoformat()) if key in REF_KEYS else date
    text = "–".join(part.split("T", 1)[0] for part in date.split("/"))
    if isinstance(date_mod, str) and f"mod_{date_mod}" in MOD_KEYS:
        return word(f"mod_{date_mod}", labels, date=text)
    return text


def numbered_table(
    entries_or_table: pd.DataFrame,
    filters: EntryFilter | None = None,
    labels: Literal["ar", "en"] = "ar",
    lanes: Literal["type", "place"] = "type",
) -> pd.DataFrame:
    """The numbered table to print under the figure: no., id, date, status, place, what happened, sources, excerpt.

    Takes the entries (``Study.entries``; ``filters``, ``lanes`` and ``labels`` as for the figure)
    or a table ``timeline_table`` already made (``MadeFigure.table``), so the numbers are the marks'.
    Headers and words are in ``labels``; the excerpt is the source sentence as written.
    """
    check_language(labels)
    table = entries_or_table if "n" in entries_or_table.columns and "kind" in entries_or_table.columns else (
        timeline_table(entries_or_table, filters=filters, lanes=lanes, labels=labels))
    headers = [word(k, labels) for k in NUMBERED_KEYS]
    rows = []
    for r in table.to_dict("records"):
        start, end = as_date(r["start"]), as_date(r["end"])
        assert start is not None and end is not None
        place = r["place"] if isinstance(r["place"], str) else None
        rows.append([
            int(r["n"]),
            date_text(r["date"], r["date_mod"], start, end, labels),
            status_word(r["status"], labels),
            place_name(place, labels),
            r["what"] if isinstance(r.get("what"), str) else type_label(r["type"], labels),
            f"{int(r['n_sources'])}: {r['sources']}" if r["sources"] else str(int(r["n_sources"])),
            r["summary"] if isinstance(r["summary"], str) else "",
        ])  # fmt: skip
    frame = pd.DataFrame(rows, columns=headers)
    frame.insert(1, "id", list(table["id"]) if "id" in table.columns else [""] * len(frame))
    return frame.set_index(headers[0])
