"""Merge the events of many articles into timeline entries: one entry per real-world event, told to the end.

Two reports are one event when they have the same type, compatible places (equal, or one contains
the other: ``analysis.events.places``) and compatible dates (``analysis.events.lifecycle``: the
same days, or a plan and its slipped or completed happening). Reports are taken in three passes:
what happened (occurred, ongoing; the most precise dates first), then plans (oldest report first),
then undated reports, which join the nearest compatible entry in time (a report without a place
only when one entry fits). Each report joins the compatible entry nearest in date (ties: the
oldest entry). Entries are dated by what happened, else by the latest plan, and carry the newest
report's status; ``planned_dates`` keeps the plans, ``status_counts`` how many reports give each
status, ``id`` a hash that unrelated articles cannot change (``lifecycle.entry_id``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.events import dating, lifecycle
from analysis.events.merge_search import MergeSearch
from analysis.events.places import hierarchy
from analysis.events.records import Event, Mention
from analysis.events.types import TYPES

ENTRY_COLUMNS = [
    "date", "date_mod", "start", "end", "type", "status", "place", "actors", "summary",
    "n_sources", "sources", "dct_max", "id", "planned_dates", "status_counts",
]  # fmt: skip

#: How a group's representative is chosen: dated, not vague, an explicit span, narrowest, earliest report.
_Key = tuple[bool, bool, bool, int, dt.date, str, int, int]


@dataclass(slots=True)
class _Group:
    """The reports of one entry that share a status and a (date, date_mod)."""

    number: int
    entry: int
    status: str
    span: dating.Interval | None
    count: int
    key: _Key
    event: Event
    dct_min: dt.date
    dct_max: dt.date

    @property
    def done(self) -> bool:
        return lifecycle.is_done(self.status)


@dataclass(slots=True)
class _Entry:
    """One timeline entry while reports arrive: its reports, their groups and its innermost place."""

    number: int
    type: str
    events: list[Event] = field(default_factory=list)
    groups: dict[tuple[str, str | None, str | None], _Group] = field(default_factory=dict)
    place: str | None = None  # canonical name of the innermost place of its reports (what a report must fit)
    depth: int = -2
    shown: str | None = None  # the same over its dated reports (an undated one joins by a guess: it does not move the place)
    shown_depth: int = -2
    done_end: dt.date | None = None  # the last day of its earliest dated occurred report

    def planned_anew(self, span: dating.Interval, dct: dt.date) -> bool:
        """Is a plan for ``span``, reported on ``dct``, a new event, not this entry's (``lifecycle.planned_anew``)?"""
        return lifecycle.planned_anew(self.done_end, span, dct)


class _Merger:
    """Assigns each report to the nearest compatible entry (or a new one) and keeps the groups indexed."""

    def __init__(self, indexed: bool = True) -> None:
        self.indexed = indexed
        self.entries: list[_Entry] = []
        self.groups: list[_Group] = []
        self.search = MergeSearch(self.groups, lambda n: self.entries[n].place, self.places_fit,
                                  lambda entry_place, place: not lifecycle.country_and_part(place, entry_place))
        self.undated: dict[tuple[str, str], int] = {}
        self._canonical: dict[str, tuple[str, int]] = {}
        self._compatible: dict[tuple[str, str], bool] = {}

    # -- places ---------------------------------------------------------------------------
    def place(self, name: str | None) -> tuple[str | None, int]:
        """Canonical name and depth of a report's place (-1 unknown to the tree; None, -2 when missing)."""
        if not name:
            return None, -2
        known = self._canonical.get(name)
        if known is None:
            tree = hierarchy()
            known = self._canonical[name] = (tree.canonical(name), tree.depth(name))  # type: ignore[assignment]
        return known

    def fits(self, entry: _Entry, place: str | None) -> bool:
        """Can a report at ``place`` join ``entry`` (``places_fit`` on the entry's innermost place)?"""
        return self.places_fit(entry.place, place)

    def places_fit(self, entry_place: str | None, place: str | None) -> bool:
        """Is ``place`` compatible with an entry whose innermost place is ``entry_place`` (cached)?"""
        if place is None or entry_place is None or place == entry_place:
            return True
        key = (entry_place, place)
        known = self._compatible.get(key)
        if known is None:
            known = self._compatible[key] = hierarchy().compatible(entry_place, place)
        return known

    # -- finding the entry ----------------------------------------------------------------
    def _near(self, type_: str) -> Iterator[_Group]:
        """Every dated group of the type, in creation order: the reference scan."""
        yield from (g for g in self.groups if g.span is not None and self.entries[g.entry].type == type_)

    def _fitting(self, place: str | None) -> Callable[[int], bool]:
        """Whether an entry (by number) fits ``place``: the search's place test."""
        entries = self.entries
        return lambda n: self.fits(entries[n], place)

    def target_dated(self, event: Event, span: dating.Interval, place: str | None) -> _Entry | None:
        """The nearest entry whose groups' dates fit this dated report (restatement, slip, completion)."""
        if self.indexed:
            anew = None
            if not lifecycle.is_done(event.status):
                anew = lambda n: not self.entries[n].planned_anew(span, event.dct)  # noqa: E731
            number = self.search.dated(event.type, span, event.status, event.dct, place, self._fitting(place),
                                       lambda g: self.restates(event, span, place, g), anew)  # fmt: skip
            return None if number is None else self.entries[number]
        slips = event.type not in lifecycle.NO_SLIP_TYPES
        plan = not lifecycle.is_done(event.status)
        best: tuple[int, int] | None = None
        for g in self._near(event.type):
            entry = self.entries[g.entry]
            if best is not None and (best[0] == 0 and entry.number > best[1]):
                continue
            gap = lifecycle.slip_gap(span, g.span)  # type: ignore[arg-type]
            distance = _distance(gap, slips, plan, event, g)
            if distance is None or not self.fits(entry, place):
                continue
            if gap == 0 and not self.restates(event, span, place, g):
                continue
            if gap != 0 and plan and entry.planned_anew(span, event.dct):
                continue
            if gap != 0 and lifecycle.country_and_part(place, entry.place):
                continue  # a plan for a whole country does not slip onto a part of it
            if best is None or (distance, entry.number) < best:
                best = (distance, entry.number)
        return None if best is None else self.entries[best[1]]

    def restates(self, event: Event, span: dating.Interval, place: str | None, g: _Group) -> bool:
        """May a report whose days overlap group ``g``'s tell the same event? Not a plan for a whole country
        against a happening at a part of it, nor a range inside another under half its length
        (``lifecycle.plan_for_whole_of``, ``lifecycle.nested_ranges``)."""
        entry_place = self.entries[g.entry].place
        if g.dct_min <= event.dct and lifecycle.plan_for_whole_of(event.status, place, g.done, entry_place):
            return False
        return not lifecycle.nested_ranges(event.date, span, g.event.date, g.span)  # type: ignore[arg-type]

    def target_undated(self, event: Event, place: str | None) -> _Entry | None:
        """The nearest entry in time for an undated report; one without a place needs a single fit."""
        if self.indexed:
            number = self.search.undated(event.type, event.status, event.dct, place, self._fitting(place))
            return None if number is None else self.entries[number]
        window = lifecycle.undated_window(event.status, event.dct)
        found: dict[int, int] = {}
        for g in self._near(event.type):
            distance = lifecycle.undated_distance(event.status, event.dct, g.span, g.status, window)  # type: ignore[arg-type]
            if distance is None:
                continue
            entry = self.entries[g.entry]
            if not self.fits(entry, place):
                continue
            found[entry.number] = min(distance, found.get(entry.number, distance))
        if not found or (place is None and len(found) > 1):
            return None
        return self.entries[min(found, key=lambda n: (found[n], n))]

    # -- adding ---------------------------------------------------------------------------
    def add(self, event: Event, span: dating.Interval | None, key: _Key) -> None:
        place, depth = self.place(event.place)
        typed = event.type == event.type  # False for an unorderable type (NaN): it never equals an entry's
        if not typed:
            entry = None
        elif span is not None:
            entry = self.target_dated(event, span, place)
        else:
            entry = self.target_undated(event, place)
            if entry is None and place is not None:
                number = self.undated.get((event.type, place))
                entry = None if number is None else self.entries[number]
        if entry is None:
            entry = _Entry(len(self.entries), event.type)
            self.entries.append(entry)
            if span is None and place is not None and typed:
                self.undated.setdefault((event.type, place), entry.number)
        entry.events.append(event)
        if place is not None and depth > entry.depth:
            moved = entry.place != place
            entry.place, entry.depth = place, depth
            if moved and typed:
                self.search.moved(event.type, entry.groups.values())
        if place is not None and span is not None and depth > entry.shown_depth:
            entry.shown, entry.shown_depth = place, depth
        if span is not None and event.status == "occurred" and (entry.done_end is None or span[1] < entry.done_end):
            entry.done_end = span[1]
        gkey = (event.status, event.date, event.date_mod)
        group = entry.groups.get(gkey)
        if group is None:
            group = _Group(len(self.groups), entry.number, event.status, span, 1, key, event, event.dct, event.dct)
            entry.groups[gkey] = group
            self.groups.append(group)
            if span is not None and typed:
                self.search.add(event.type, group)
            return
        group.count += 1
        group.dct_min, group.dct_max = min(group.dct_min, event.dct), max(group.dct_max, event.dct)
        if key < group.key:
            group.key, group.event = key, event
        if group.span is not None and typed:
            self.search.touched(event.type, group)


def _distance(gap: int, slips: bool, plan: bool, event: Event, g: _Group) -> int | None:
    """How far a dated report is from a group, if they can be one event (``lifecycle``); else None.

    ``gap`` > 0: the group is later than the report; < 0: earlier.
    """
    if gap == 0:
        return 0
    if not slips or abs(gap) > lifecycle.SLIP_DAYS:
        return None
    if gap > 0:  # the group comes later: it completes or re-dates the report's plan, or ends what began
        if plan:
            return gap if g.done or g.dct_max >= event.dct else None
        return gap if event.status == "ongoing" and g.done else None
    # the group comes earlier: done early, an older plan this one re-dates, or what began
    assert g.span is not None
    if plan:
        return -gap if (g.done and g.span[1] >= event.dct) or (not g.done and g.dct_min <= event.dct) else None
    return -gap if g.status == "ongoing" else None


def _spans(events: list[Event]) -> list[dating.Interval | None]:
    """Each report's span (``lifecycle.report_span``), parsed once per distinct (date, date_mod, dct)."""
    cache: dict[tuple[str | None, str | None, dt.date], dating.Interval | None] = {}
    out = []
    for e in events:
        key = (e.date, e.date_mod, e.dct)
        if key not in cache:
            cache[key] = lifecycle.report_span(e.date, e.date_mod, e.dct)
        out.append(cache[key])
    return out


def _key(e: Event, span: dating.Interval | None, seq: int) -> _Key:
    """The representative's key of one report (the group count comes first where groups compete)."""
    explicit = bool(e.timex_text) and any(ch.isdigit() for ch in e.timex_text)  # ``2014–2017``, not ``خلال شهر``
    return (
        e.date is None or span is None,
        e.date is not None and e.date.endswith("_REF"),
        not (e.date and "/" in e.date and e.timex_text and "/" not in (e.date_mod or "") and explicit),
        dating.width(span),
        e.dct,
        e.file,
        e.trigger_start,
        seq,
    )


def _pass(e: Event, span: dating.Interval | None) -> int:
    """0: dated happenings; 1: dated plans; 2: undated reports."""
    return 2 if span is None else 0 if lifecycle.is_done(e.status) else 1


def _order(events: list[Event], spans: list[dating.Interval | None]) -> list[int]:
    """Happenings narrowest first; plans oldest report first; undated reports oldest first."""

    def key(i: int) -> tuple:
        e, span = events[i], spans[i]
        p = _pass(e, span)
        if p == 0:
            return (0, dating.width(span), e.dct, e.file, e.trigger_start)
        return (p, e.dct, dating.width(span), e.file, e.trigger_start)

    return sorted(range(len(events)), key=key)


@lru_cache(maxsize=1 << 16)
def _file_name(path: str) -> str:
    """``Path(path).name``, once per file rather than once per report."""
    return Path(path).name


class _Source:
    """One report as its ``sources`` dict (``vars``): objects' attribute dicts share their keys
    (PEP 412), so a million of them take a third of the memory of as many dict literals."""

    def __init__(self, e: Event) -> None:
        self.file = _file_name(e.file)
        self.article_id = e.article_id
        self.dct = _day_text(e.dct)
        self.sentence_start, self.sentence_end = e.sentence_start, e.sentence_end
        self.trigger, self.trigger_start, self.trigger_end = e.trigger, e.trigger_start, e.trigger_end
        self.timex = e.timex_text
        self.status, self.date, self.date_mod, self.place = e.status, e.date, e.date_mod, e.place


@lru_cache(maxsize=1 << 16)
def _day_text(day: dt.date) -> str:
    """``day.isoformat()``, one string per day rather than one per report."""
    return day.isoformat()


def _sources(events: list[Event]) -> list[dict[str, Any]]:
    return [vars(_Source(e)) for e in sorted(events, key=lambda e: (e.dct, e.file, e.trigger_start))]


def _representative(entry: _Entry) -> _Group:
    """The group that dates the entry: what happened (else what began), else the latest dated plan, else any."""

    def best(groups: list[_Group], latest: bool = False) -> _Group:
        support = lifecycle.date_support([(g.span, g.count) for g in groups])

        def key(gs: tuple[_Group, int]) -> tuple:
            g, n = gs
            last = -g.span[1].toordinal() if latest and g.span is not None else 0
            return (g.key[0], -n, *g.key[1:4], last, *g.key[4:])  # after the precision fields of ``_key``, before report order

        return min(zip(groups, support), key=key)[0]

    groups = list(entry.groups.values())
    for status in ("occurred", "ongoing"):
        done = [g for g in groups if g.status == status and g.span is not None]
        if done:  # equal support, as precise: the latest day, where what began was completed
            return best(done, latest=True)
    plans = [g for g in groups if g.span is not None]
    if plans:
        newest = max(g.dct_max for g in plans)
        return best([g for g in plans if g.dct_max == newest])
    return best(groups)


def _place(entry: _Entry, merger: _Merger) -> str | None:
    """The innermost place of the dated reports (of all, when none is placed), as the reports spell it most."""
    place = entry.shown or entry.place
    if place is None:
        return None
    names = Counter(e.place for e in entry.events if e.place and merger.place(e.place)[0] == place)
    return min(names, key=lambda p: (-names[p], p)) if names else place


def _row(entry: _Entry, merger: _Merger) -> dict[str, Any]:
    group = _representative(entry)
    best, span = group.event, group.span
    actors: list[str] = []
    for e in sorted(entry.events, key=lambda e: (e.dct, e.file)):
        actors += [a for a in e.actors if a not in actors]
    plans = sorted((g for g in entry.groups.values() if not g.done and g.event.date), key=lambda g: (g.dct_min, g.number))
    planned: list[str] = []
    for g in plans:
        text = lifecycle.date_text(g.event.date, g.event.date_mod)  # type: ignore[arg-type]
        if text not in planned:
            planned.append(text)
    first = min(entry.events, key=lambda e: (e.dct, _file_name(e.file), e.trigger_start, e.trigger_end))
    return {
        "date": best.date,
        "date_mod": best.date_mod,
        "start": span[0] if span else None,
        "end": span[1] if span else None,
        "type": entry.type,
        "status": lifecycle.status_of((e.dct, e.status, e.date is not None) for e in entry.events),
        "place": _place(entry, merger),
        "actors": actors[:4],
        "summary": best.summary,
        "n_sources": len({e.file for e in entry.events}),
        "sources": _sources(entry.events),
        "dct_max": max(e.dct for e in entry.events),
        "id": lifecycle.entry_id(str(entry.type), hierarchy().root(entry.place), _file_name(first.file),
                                 first.trigger_start, first.trigger_end),  # fmt: skip
        "planned_dates": planned,
        "status_counts": lifecycle.status_counts(e.status for e in entry.events),
    }


def weak(entry_events: Sequence[Event]) -> bool:
    """Is an entry backed only by weak reports: one article, no date, and no place for a type that has one
    (``place_roles``)? Such a row states nothing a timeline can place (``يشار إلى أن الانسحاب تم``); an
    undated agreement with no place of its own is one too since round 11 (a dated one takes the country)."""
    first = entry_events[0]
    type_ = TYPES.get(first.type) if isinstance(first.type, str) else None
    return (
        type_ is not None and bool(type_.place_roles)
        and all(e.date is None and e.place is None for e in entry_events)
        and len({e.file for e in entry_events}) == 1
    )  # fmt: skip


def statements_kept(events: list[Event]) -> list[Event]:
    """The events without the statements reported as news (``Event.news_statement``): such a statement
    (``أعلنت الوزارة، اليوم، تسلم الجيش القاعدة``) is an event of its article, but on the timeline it is only a
    source of what it reports. Left in, it made rows no canonical list keeps (timeline precision −0.01 to −0.03
    on the writer sets) and gained one milestone in 17 sets."""
    return [e for e in events if not e.news_statement]


def merge_events(events: Iterable[Event] | pd.DataFrame, indexed: bool = True, keep_weak: bool = False) -> pd.DataFrame:
    """Timeline entries (``ENTRY_COLUMNS``), sorted by date then type; undated entries last.

    ``start``/``end`` are the days the entry's date covers (None when undated), ``n_sources`` the
    number of distinct articles, ``sources`` one dict per report (oldest first). ``indexed=False``
    compares each report with every entry instead of the nearby ones: the same result, slowly (the
    reference the index is tested against). Entries backed only by weak reports (``weak``) are left
    out unless ``keep_weak``.
    """
    if isinstance(events, pd.DataFrame):
        events = [_event_from_row(r) for r in events.to_dict("records")]
    events = statements_kept(list(events))
    spans = _spans(events)
    merger = _Merger(indexed)
    for seq, i in enumerate(_order(events, spans)):
        merger.add(events[i], spans[i], _key(events[i], spans[i], seq))
    del spans
    merger.search.clear()  # the index is not needed for the rows: its memory is
    rows = [_row(entry, merger) for entry in merger.entries if keep_weak or not weak(entry.events)]
    seen: Counter[str] = Counter()
    frame = pd.DataFrame(rows, columns=ENTRY_COLUMNS)
    del rows
    if len(frame):
        frame["_undated"] = frame["start"].isna()
        frame["_start"] = frame["start"].map(lambda d: d or dt.date.max)
        frame = frame.sort_values(["_undated", "_start", "type", "place", "id"], kind="stable", na_position="last")
        frame = frame.drop(columns=["_undated", "_start"]).reset_index(drop=True)
        ids = []
        for value in frame["id"]:  # the same type, country and first trigger twice: number the later ones
            seen[value] += 1
            ids.append(value if seen[value] == 1 else f"{value}-{seen[value]}")
        frame["id"] = ids
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
    row["news_statement"] = bool(row.get("news_statement") is True)  # frames from before the field: none
    for key in ("date", "date_mod", "timex_text", "place"):
        if row.get(key) is not None and not isinstance(row[key], str) and pd.isna(row[key]):
            row[key] = None
    return Event(**{k: row[k] for k in Event.__dataclass_fields__})
