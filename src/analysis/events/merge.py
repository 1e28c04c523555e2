"""Merge the events of many articles into timeline entries: one entry per real-world event.

Two reports are the same event when they have the same type, overlapping dates (interval
arithmetic on TIMEX values, ``dating.interval``) and the same place (or one of them has no
place, or one is the country of the other). Undated reports merge only with the same type and
the same known place. Each entry keeps every report in ``sources``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.events import dating
from analysis.events.extract import Event, _same_place

ENTRY_COLUMNS = [
    "date", "date_mod", "start", "end", "type", "status", "place", "actors", "summary",
    "n_sources", "sources", "dct_max",
]  # fmt: skip


@dataclass
class _Entry:
    events: list[Event] = field(default_factory=list)

    def best(self) -> Event:
        """The report whose date stands for the entry: the most reported value, then the most precise."""
        counts = Counter((e.date, e.date_mod) for e in self.events)
        return min(
            self.events,
            key=lambda e: (
                e.date is None,
                -counts[(e.date, e.date_mod)],
                e.date is not None and e.date.endswith("_REF"),
                not (e.date and "/" in e.date and e.timex_text and "/" not in (e.date_mod or "") and _explicit_span(e)),
                dating.width(e.interval),
                e.dct,
                e.file,
                e.trigger_start,
            ),
        )

    def accepts(self, event: Event) -> bool:
        for kept in self.events:
            if kept.type != event.type:
                return False
        best = self.best()
        if best.date is None or event.date is None:
            return best.date is None and event.date is None and best.place is not None and best.place == event.place
        if not dating.overlaps(best.interval, event.interval):
            return False
        return _same_place(best.place, event.place)


def _explicit_span(event: Event) -> bool:
    """An interval written as such (``2014–2017``), not a ``خلال شهر`` made into one: it says more."""
    return bool(event.timex_text) and any(ch.isdigit() for ch in event.timex_text)


def _status(events: list[Event], best: Event) -> str:
    """The status from the newest report: a plan reported later as done is ``occurred``."""
    newest = max(events, key=lambda e: (e.dct, e.file))
    return newest.status if newest.dct >= best.dct else best.status


def _sources(events: list[Event]) -> list[dict[str, Any]]:
    out = []
    for e in sorted(events, key=lambda e: (e.dct, e.file, e.trigger_start)):
        out.append(
            {
                "file": Path(e.file).name,
                "article_id": e.article_id,
                "dct": e.dct.isoformat(),
                "sentence_start": e.sentence_start,
                "sentence_end": e.sentence_end,
                "trigger": e.trigger,
                "trigger_start": e.trigger_start,
                "trigger_end": e.trigger_end,
                "timex": e.timex_text,
            }
        )
    return out


def merge_events(events: Iterable[Event] | pd.DataFrame) -> pd.DataFrame:
    """Timeline entries (``ENTRY_COLUMNS``), sorted by date then type; undated entries last.

    ``start``/``end`` are the days the entry's date covers (None when undated or vague without a
    dct), ``n_sources`` the number of distinct articles, ``sources`` one dict per report.
    """
    if isinstance(events, pd.DataFrame):
        events = [_event_from_row(r) for r in events.to_dict("records")]
    ordered = sorted(events, key=lambda e: (dating.width(e.interval), e.dct, e.file, e.trigger_start))
    entries: list[_Entry] = []
    for event in ordered:
        for entry in entries:
            if entry.accepts(event):
                entry.events.append(event)
                break
        else:
            entries.append(_Entry([event]))
    rows = []
    for entry in entries:
        best = entry.best()
        span = best.interval
        actors: list[str] = []
        for e in sorted(entry.events, key=lambda e: (e.dct, e.file)):
            actors += [a for a in e.actors if a not in actors]
        places = Counter(e.place for e in entry.events if e.place)
        place = best.place or (min(places, key=lambda p: (-places[p], p)) if places else None)
        rows.append(
            {
                "date": best.date,
                "date_mod": best.date_mod,
                "start": span[0] if span else None,
                "end": span[1] if span else None,
                "type": best.type,
                "status": _status(entry.events, best),
                "place": place,
                "actors": actors[:4],
                "summary": best.summary,
                "n_sources": len({e.file for e in entry.events}),
                "sources": _sources(entry.events),
                "dct_max": max(e.dct for e in entry.events),
            }
        )
    frame = pd.DataFrame(rows, columns=ENTRY_COLUMNS)
    if len(frame):
        frame["_undated"] = frame["start"].isna()
        frame["_start"] = frame["start"].map(lambda d: d or dt.date.max)
        frame = frame.sort_values(["_undated", "_start", "type", "place"], kind="stable", na_position="last")
        frame = frame.drop(columns=["_undated", "_start"]).reset_index(drop=True)
    return frame


def _event_from_row(row: dict[str, Any]) -> Event:
    """Rebuild an ``Event`` from an ``events_frame`` row."""
    from analysis.events.extract import Mention

    row = dict(row)
    dct = row["dct"]
    if not isinstance(dct, dt.date) or isinstance(dct, dt.datetime):
        dct = pd.Timestamp(dct).date()
    row["dct"] = dct
    row["actors"] = tuple(row.get("actors") or ())
    row["mentions"] = tuple(Mention(**m) for m in (row.get("mentions") or ()))
    for key in ("timex_start", "timex_end"):
        if row.get(key) is not None and pd.isna(row[key]):
            row[key] = None
        elif row.get(key) is not None:
            row[key] = int(row[key])
    for key in ("date", "date_mod", "timex_text", "place"):
        if row.get(key) is not None and not isinstance(row[key], str) and pd.isna(row[key]):
            row[key] = None
    return Event(**{k: row[k] for k in Event.__dataclass_fields__})
