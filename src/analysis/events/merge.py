"""Merge the events of many articles into timeline entries: one entry per real-world event.

Two reports are the same event when they have the same type, overlapping dates (interval
arithmetic on TIMEX values, ``dating.interval``) and the same place (or one of them has no
place, or one is the country of the other). Undated reports merge only with the same type and
the same known place. Each entry keeps every report in ``sources``.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.events import dating
from analysis.events.attributes import same_place
from analysis.events.records import Event, Mention

ENTRY_COLUMNS = [
    "date", "date_mod", "start", "end", "type", "status", "place", "actors", "summary",
    "n_sources", "sources", "dct_max",
]  # fmt: skip


#: The key that picks ``_Entry.best``, less the report count, then the arrival order (ties go to the first).
_StaticKey = tuple[bool, bool, bool, int, dt.date, str, int, int]


@dataclass
class _Group:
    """The reports of one entry that share a (date, date_mod): how many, and the best of them."""

    count: int
    key: _StaticKey
    event: Event
    span: dating.Interval | None


@dataclass
class _Entry:
    """One timeline entry; its representative report (``best``) is updated as reports arrive.

    ``best`` is the report with the smallest key (undated last, most reported (date, date_mod),
    not vague, an explicit span, narrowest, earliest dct, file, trigger offset), ties to the
    earliest arrival: the ``min`` over all reports, kept in O(1) per added report because a
    report only raises its own group's count and can only lower that group's key.
    """

    number: int
    type: str
    events: list[Event] = field(default_factory=list)
    groups: dict[tuple[str | None, str | None], _Group] = field(default_factory=dict)
    best_key: tuple = ()
    best: Event | None = None
    span: dating.Interval | None = None  # the days of ``best``

    def add(self, event: Event, span: dating.Interval | None, key: _StaticKey) -> None:
        """Append a report and update the representative."""
        self.events.append(event)
        group = self.groups.get((event.date, event.date_mod))
        if group is None:
            group = self.groups[(event.date, event.date_mod)] = _Group(1, key, event, span)
        else:
            group.count += 1
            if key < group.key:
                group.key, group.event, group.span = key, event, span
        full = (group.key[0], -group.count, *group.key[1:])
        if self.best is None or full < self.best_key:
            self.best_key, self.best, self.span = full, group.event, group.span


class _DatedIndex:
    """Dated entries of one type by the days of their representative: finds overlaps without a scan.

    Entries are bucketed by width class ``c`` (width ≤ 2**c days), each bucket a list sorted by
    first day; an entry overlapping ``[s, t]`` in class ``c`` starts in ``[s - 2**c + 1, t]``.
    """

    def __init__(self) -> None:
        self.classes: dict[int, list[tuple[int, int]]] = {}

    @staticmethod
    def _slot(span: dating.Interval) -> tuple[int, int]:
        first = span[0].toordinal()
        return (span[1].toordinal() - first).bit_length(), first

    def add(self, entry: _Entry) -> None:
        assert entry.span is not None
        c, first = self._slot(entry.span)
        insort(self.classes.setdefault(c, []), (first, entry.number))

    def remove(self, number: int, span: dating.Interval) -> None:
        c, first = self._slot(span)
        bucket = self.classes[c]
        del bucket[bisect_left(bucket, (first, number))]

    def overlapping(self, span: dating.Interval) -> Iterator[int]:
        """Numbers of the entries whose first day could be in reach of ``span`` (callers check the end)."""
        s, t = span[0].toordinal(), span[1].toordinal()
        for c, bucket in self.classes.items():
            lo = bisect_left(bucket, (s - (1 << c) + 1,))
            hi = bisect_left(bucket, (t + 1,))
            for i in range(lo, hi):
                yield bucket[i][1]


class _Merger:
    """Assigns each report, in merge order, to the first entry that accepts it (or a new one).

    An entry accepts a report of its type when their dates overlap (the entry's by its ``best``)
    and the places are compatible (``attributes.same_place``); undated reports join the first undated entry
    of the same type and known place. "First" is creation order, as in a scan of the entry list.
    """

    def __init__(self) -> None:
        self.entries: list[_Entry] = []
        self.dated: dict[str, _DatedIndex] = {}
        self.undated: dict[tuple[str, str], int] = {}
        self._places: dict[tuple[str | None, str | None], bool] = {}

    def _same_place(self, a: str | None, b: str | None) -> bool:
        if a is None or b is None or a == b:
            return True
        known = self._places.get((a, b))
        if known is None:
            known = self._places[(a, b)] = same_place(a, b)
        return known

    def _target(self, event: Event, span: dating.Interval | None) -> _Entry | None:
        if event.type != event.type:  # an unorderable type (NaN) never equals an entry's
            return None
        if event.date is None:
            number = self.undated.get((event.type, event.place)) if event.place is not None else None
            return None if number is None else self.entries[number]
        index = self.dated.get(event.type)
        if span is None or index is None:
            return None
        s = span[0]
        found: _Entry | None = None
        for number in index.overlapping(span):
            if found is not None and number > found.number:
                continue
            entry = self.entries[number]
            if entry.span[1] >= s and self._same_place(entry.best.place, event.place):  # type: ignore[index, union-attr]
                found = entry
        return found

    def add(self, event: Event, span: dating.Interval | None, key: _StaticKey) -> None:
        entry = self._target(event, span)
        if entry is None:
            entry = _Entry(len(self.entries), event.type)
            self.entries.append(entry)
            entry.add(event, span, key)
            if event.type != event.type:
                return
            if event.date is None:
                if event.place is not None:
                    self.undated.setdefault((event.type, event.place), entry.number)
            elif span is not None:
                self.dated.setdefault(event.type, _DatedIndex()).add(entry)
            return
        old_span = entry.span
        entry.add(event, span, key)
        if event.date is not None and entry.span != old_span:
            index = self.dated[event.type]
            index.remove(entry.number, old_span)  # type: ignore[arg-type]
            index.add(entry)


def _intervals(events: list[Event]) -> list[dating.Interval | None]:
    """Each report's ``interval``, parsed once per distinct (date, date_mod, dct)."""
    cache: dict[tuple[str | None, str | None, dt.date], dating.Interval | None] = {}
    out = []
    for e in events:
        key = (e.date, e.date_mod, e.dct)
        if key not in cache:
            cache[key] = dating.interval(e.date, e.date_mod, e.dct)
        out.append(cache[key])
    return out


def _static_key(e: Event, span: dating.Interval | None, seq: int) -> _StaticKey:
    """``_Entry.best``'s key for one report, less the count of its (date, date_mod)."""
    return (
        e.date is None,
        e.date is not None and e.date.endswith("_REF"),
        not (e.date and "/" in e.date and e.timex_text and "/" not in (e.date_mod or "") and _explicit_span(e)),
        dating.width(span),
        e.dct,
        e.file,
        e.trigger_start,
        seq,
    )


def _explicit_span(event: Event) -> bool:
    """An interval written as such (``2014–2017``), not a ``خلال شهر`` made into one: it says more."""
    return bool(event.timex_text) and any(ch.isdigit() for ch in event.timex_text)


def _status(events: list[Event], best: Event) -> str:
    """The status from the newest report: a plan reported later as done is ``occurred``."""
    newest = max(events, key=lambda e: (e.dct, e.file))
    return newest.status if newest.dct >= best.dct else best.status


@lru_cache(maxsize=1 << 16)
def _file_name(path: str) -> str:
    """``Path(path).name``, once per file rather than once per report."""
    return Path(path).name


def _sources(events: list[Event]) -> list[dict[str, Any]]:
    out = []
    for e in sorted(events, key=lambda e: (e.dct, e.file, e.trigger_start)):
        out.append(
            {
                "file": _file_name(e.file),
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
    events = list(events)
    spans = _intervals(events)
    order = sorted(range(len(events)), key=lambda i: (dating.width(spans[i]), events[i].dct, events[i].file,
                                                      events[i].trigger_start))  # fmt: skip
    merger = _Merger()
    for seq, i in enumerate(order):
        merger.add(events[i], spans[i], _static_key(events[i], spans[i], seq))
    entries = merger.entries
    rows = []
    for entry in entries:
        best, span = entry.best, entry.span
        assert best is not None
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
