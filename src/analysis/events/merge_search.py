"""The entry a report joins, found nearest-first: the merge's index, so a report never meets every group.

``analysis.events.merge`` joins each report to the compatible entry nearest in time (ties: the
oldest entry; docs/TIMELINE_EVAL.md). Comparing a report with every dated group of its type, as the
reference scan does (``merge_events(events, indexed=False)``), grows with the square of the corpus.
This index answers the same question from the nearest groups outwards and stops at the first
distance where an entry fits:

- distance 0 (the days overlap): the groups are bucketed by width class and first day, each bucket
  sorted by entry number, so the overlapping groups come out oldest entry first and the first that
  fits the report's place is the answer;
- distance ``d`` > 0: the groups are kept by status kind (occurred, ongoing, plan) under their first
  and last day, so the groups ``d`` days after the report (first day = end + ``d``) or before it (last
  day = start − ``d``) are one dictionary look-up each; a level's oldest fitting entry wins.

Which groups may be reached at all is ``lifecycle``'s rule, given here as which kinds each report
looks at in each direction (a happening looks back at what began; a plan at everything after it and
at what happened after it was reported; an undated report within ``lifecycle.undated_window``).
Plans reached forwards must have been reported on or after the report's day: those are kept apart
(``fresh``), since plans arrive oldest report first. On other days than its own, a report also skips
the entries it may not slip onto (``slips_onto``: a whole country and a part of it).
``tests/test_events_merge_scale.py`` checks that every merge equals the reference scan.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Iterator
from heapq import merge as heap_merge
from typing import Protocol

from analysis.events import lifecycle

#: Bits of a group number (and an entry number) in a packed sort key: 67 million of each.
_BITS = 26
_MASK = (1 << _BITS) - 1
#: Smallest bucket of first days, in days (a wider class has buckets as wide as its groups).
_BUCKET_DAYS = 32
#: Up to this many groups in the buckets are checked at once; more are merged lazily by entry number.
_EAGER = 48
KINDS = ("occurred", "ongoing", "plan")
#: A report that fits the entries of more places than this searches all entries and tests each.
MAX_PLACE_PARTS = 6


class Group(Protocol):
    """What the index reads of a merge group (``analysis.events.merge``)."""

    number: int
    entry: int
    status: str
    span: tuple[dt.date, dt.date] | None
    dct_min: dt.date
    dct_max: dt.date


Fits = Callable[[int], bool]
#: A test of an entry's place against a report's: (entry place, report place) -> bool.
PlaceTest = Callable[[str | None, str], bool]
#: One outward walk: groups by day, the origin day, the direction (+1 later, -1 earlier), the
#: farthest distance and the test a group must pass besides the place (None: every group).
Stream = tuple["_Days", int, int, int, Callable[[Group], bool] | None]


def kind(status: str) -> str:
    """``occurred``, ``ongoing`` or ``plan`` (every status that does not say it happened)."""
    return status if lifecycle.is_done(status) else "plan"


class _Days(dict):
    """Group numbers by day (ordinal), with the days that have any in order: a walk skips the empty ones."""

    __slots__ = ("order",)

    def __init__(self) -> None:
        super().__init__()
        self.order: list[int] = []

    def put(self, day: int, n: int) -> None:
        found = self.get(day)
        if found is None:
            self[day] = [n]
            insort(self.order, day)
        else:
            found.append(n)

    def drop(self, day: int, n: int) -> None:
        found = self[day]
        found.remove(n)
        if not found:
            self.forget(day)

    def forget(self, day: int) -> None:
        del self[day]
        del self.order[bisect_left(self.order, day)]


class _Index:
    """Dated groups (of one type, or of one type at one entry place) by their days and entry numbers."""

    def __init__(self) -> None:
        self.buckets: dict[int, dict[int, list[int]]] = {}  # width class -> bucket -> sorted entry<<BITS|group
        self.firsts: dict[str, _Days] = {k: _Days() for k in KINDS}
        self.lasts: dict[str, _Days] = {k: _Days() for k in KINDS}
        self.fresh = _Days()  # plans last reported on or after ``floor``, by first day
        self.fresh_set: set[int] = set()
        self.floor = 0

    def add(self, n: int, entry: int, first: int, last: int, k: str, dct_max: int) -> None:
        c = (last - first).bit_length()
        insort(self.buckets.setdefault(c, {}).setdefault(first // max(_BUCKET_DAYS, 1 << c), []), entry << _BITS | n)
        self.firsts[k].put(first, n)
        self.lasts[k].put(last, n)
        if k == "plan":
            self.refresh(n, first, dct_max)

    def remove(self, n: int, entry: int, first: int, last: int, k: str) -> None:
        c = (last - first).bit_length()
        buckets, b = self.buckets[c], first // max(_BUCKET_DAYS, 1 << c)
        buckets[b].remove(entry << _BITS | n)
        if not buckets[b]:
            del buckets[b]
        self.firsts[k].drop(first, n)
        self.lasts[k].drop(last, n)
        if n in self.fresh_set:
            self.fresh_set.discard(n)
            self.fresh.drop(first, n)

    def refresh(self, n: int, first: int, dct_max: int) -> None:
        """Keep the invariant: every plan last reported on or after ``floor`` is in ``fresh``."""
        if n not in self.fresh_set and dct_max >= self.floor:
            self.fresh.put(first, n)
            self.fresh_set.add(n)


def _both(accept: Callable[[Group], bool] | None, slips: Fits) -> Callable[[Group], bool]:
    """A stream's group test and the entry test of the report's slips."""
    if accept is None:
        return lambda g: slips(g.entry)
    return lambda g: accept(g) and slips(g.entry)


class MergeSearch:
    """Nearest-first search over the merge's dated groups (numbers index ``groups``).

    Every group is indexed twice: with all the groups of its type, and with those of its type
    whose entry has the same place (``place_of``, kept up to date by ``moved``). A report at a
    narrow place searches only the entry places it fits (``compatible``), so every group it meets
    fits; a report at a wide place (a country), or at none, searches all and tests each entry.
    """

    def __init__(self, groups: list, place_of: Callable[[int], str | None], compatible: PlaceTest,
                 slips_onto: PlaceTest) -> None:  # fmt: skip
        self.groups = groups
        self.place_of = place_of
        self.compatible = compatible
        self.slips_onto = slips_onto  # (entry place, report place): may a report on other days join it
        self.all: dict[str, _Index] = {}
        self.parts: dict[tuple[str, str | None], _Index] = {}
        self.places: dict[str, list[str | None]] = {}
        self.part_of: dict[int, str | None] = {}
        self._fitting: dict[tuple[str, str, bool], tuple[int, list[str | None]]] = {}
        self.first: dict[int, int] = {}  # group number -> ordinal of its first day
        self.last: dict[int, int] = {}

    # -- keeping the index ------------------------------------------------------------------
    def clear(self) -> None:
        """Forget every group (once the merge is done, to free the memory)."""
        for mapping in (self.all, self.parts, self.places, self.part_of, self._fitting, self.first, self.last):
            mapping.clear()

    def _part(self, type_: str, place: str | None) -> _Index:
        index = self.parts.get((type_, place))
        if index is None:
            index = self.parts[(type_, place)] = _Index()
            self.places.setdefault(type_, []).append(place)
        return index

    def add(self, type_: str, group: Group) -> None:
        """Index a new dated group."""
        assert group.span is not None
        n, entry = group.number, group.entry
        first, last = group.span[0].toordinal(), group.span[1].toordinal()
        self.first[n], self.last[n] = first, last
        k, dct_max = kind(group.status), group.dct_max.toordinal()
        index = self.all.get(type_)
        if index is None:
            index = self.all[type_] = _Index()
        index.add(n, entry, first, last, k, dct_max)
        place = self.part_of[n] = self.place_of(entry)
        self._part(type_, place).add(n, entry, first, last, k, dct_max)

    def touched(self, type_: str, group: Group) -> None:
        """A report joined a dated group: a plan reported again may now be reached forwards."""
        n = group.number
        if n in self.first and kind(group.status) == "plan":
            dct_max = group.dct_max.toordinal()
            self.all[type_].refresh(n, self.first[n], dct_max)
            self.parts[(type_, self.part_of[n])].refresh(n, self.first[n], dct_max)

    def moved(self, type_: str, groups: Iterable[Group]) -> None:
        """An entry's place changed: file its dated groups under the new place."""
        for group in groups:
            n = group.number
            if n not in self.first:
                continue
            old, new = self.part_of[n], self.place_of(group.entry)
            if old == new:
                continue
            k, first, last = kind(group.status), self.first[n], self.last[n]
            self.parts[(type_, old)].remove(n, group.entry, first, last, k)
            self._part(type_, new).add(n, group.entry, first, last, k, group.dct_max.toordinal())
            self.part_of[n] = new

    def _indexes(self, type_: str, place: str | None, slip: bool = False) -> tuple[list[_Index], bool]:
        """Where a report at ``place`` searches (``slip``: on other days than its own), and whether each
        entry found there must be tested."""
        if type_ not in self.all:
            return [], False
        if place is None:
            return [self.all[type_]], False
        places = self.places[type_]
        known = self._fitting.get((type_, place, slip))
        if known is None or known[0] != len(places):
            fitting = [q for q in places if self.compatible(q, place) and (not slip or self.slips_onto(q, place))]
            known = self._fitting[(type_, place, slip)] = (len(places), fitting)
        if len(known[1]) > MAX_PLACE_PARTS:
            return [self.all[type_]], True
        return [self.parts[(type_, q)] for q in known[1]], False

    # -- distance 0 -------------------------------------------------------------------------
    def overlapping(self, indexes: list[_Index], s: int, t: int, accept: Callable[[Group], bool] | None = None
                    ) -> Iterator[int]:  # fmt: skip
        """Entry numbers of the groups whose days meet ``[s, t]`` (ordinals) and that ``accept`` (unless None)
        takes, oldest entry first (repeats)."""
        lists = []
        for index in indexes:
            for c, buckets in index.buckets.items():
                size = max(_BUCKET_DAYS, 1 << c)
                for b in range((s - (1 << c) + 1) // size, t // size + 1):
                    found = buckets.get(b)
                    if found:
                        lists.append(found)
        first, last = self.first, self.last
        if sum(map(len, lists)) <= _EAGER:
            keys = sorted(p for found in lists for p in found if first[p & _MASK] <= t and last[p & _MASK] >= s)
        else:
            keys = (p for p in heap_merge(*lists) if first[p & _MASK] <= t and last[p & _MASK] >= s)
        groups = self.groups
        for p in keys:
            if accept is None or accept(groups[p & _MASK]):
                yield p >> _BITS

    # -- distance > 0 -----------------------------------------------------------------------
    def nearest(self, streams: list[Stream], fits: Fits | None, seen: set[int] | None = None) -> int | None:
        """The oldest entry (that ``fits``, unless None) at the nearest distance reached by ``streams``.

        ``seen`` (a report without a place, which fits every entry): instead, the only entry
        reached by the streams or in ``seen``; None when there are two or more.
        """
        groups = self.groups
        cursors = []  # per stream: [next distance, position in its days, stream]
        for stream in streams:
            days, origin, sign, farthest, _ = stream
            order = days.order
            i = bisect_right(order, origin) if sign > 0 else bisect_left(order, origin) - 1
            if 0 <= i < len(order) and (order[i] - origin) * sign <= farthest:
                cursors.append([(order[i] - origin) * sign, i, stream])
        while cursors:
            d = min(c[0] for c in cursors)
            best = None
            for cursor in cursors:
                if cursor[0] != d:
                    continue
                i, (days, origin, sign, farthest, accept) = cursor[1], cursor[2]
                for n in days[days.order[i]]:
                    g = groups[n]
                    if accept is not None and not accept(g):
                        continue
                    if seen is not None:
                        seen.add(g.entry)
                        if len(seen) > 1:
                            return None
                    elif (best is None or g.entry < best) and (fits is None or fits(g.entry)):
                        best = g.entry
                i += sign
                order = days.order
                cursor[0] = (order[i] - origin) * sign if 0 <= i < len(order) else farthest + 1
                cursor[1] = i
            if best is not None:
                return best
            cursors = [c for c in cursors if c[0] <= c[2][3]]
        return next(iter(seen)) if seen else None

    def _fresh_plans(self, index: _Index, dct: int) -> tuple[_Days, Callable[[Group], bool]]:
        """Plans reported on or after ``dct``, by first day, and the test that keeps them so."""
        if dct < index.floor:  # not the merge's order (plans oldest report first): every plan, tested
            return index.firsts["plan"], lambda g: g.dct_max.toordinal() >= dct
        if dct > index.floor:  # drop the plans last reported before the new floor
            index.floor = dct
            for day in list(index.fresh):
                kept = [n for n in index.fresh[day] if self.groups[n].dct_max.toordinal() >= dct]
                index.fresh_set.difference_update(n for n in index.fresh[day] if n not in kept)
                if kept:
                    index.fresh[day] = kept
                else:
                    index.fresh.forget(day)
        return index.fresh, lambda g: g.dct_max.toordinal() >= dct

    # -- the two questions of the merge -----------------------------------------------------
    def dated(self, type_: str, span: tuple[dt.date, dt.date], status: str, dct: dt.date, place: str | None,
              fits: Fits, restates: Callable[[Group], bool] | None = None, slips: Fits | None = None
              ) -> int | None:  # fmt: skip
        """The entry a dated report joins (``merge._Merger.target_dated``'s rule), or None; on overlapping
        days only a group that ``restates`` takes, on other days only an entry that ``slips`` takes (unless None)."""
        indexes, test = self._indexes(type_, place)
        s, t = span[0].toordinal(), span[1].toordinal()
        for entry in self.overlapping(indexes, s, t, restates):
            if not test or fits(entry):
                return entry
        if not indexes or type_ in lifecycle.NO_SLIP_TYPES:
            return None
        indexes, test = self._indexes(type_, place, slip=True)
        if test:
            place_of, slips_onto, fitting = self.place_of, self.slips_onto, fits
            fits = lambda n: fitting(n) and slips_onto(place_of(n), place)  # noqa: E731
        reach, day = lifecycle.SLIP_DAYS, dct.toordinal()
        streams: list[Stream] = []
        for index in indexes:
            if not lifecycle.is_done(status):  # a plan: what came of it later, what happened or was planned before
                fresh, recent = self._fresh_plans(index, day)
                streams += [(index.firsts["occurred"], t, 1, reach, None), (index.firsts["ongoing"], t, 1, reach, None),
                            (fresh, t, 1, reach, recent),
                            (index.lasts["occurred"], s, -1, min(reach, s - day), None),
                            (index.lasts["ongoing"], s, -1, min(reach, s - day), None),
                            (index.lasts["plan"], s, -1, reach, lambda g: g.dct_min <= dct)]  # fmt: skip
            elif status == "ongoing":  # what began: its completion later, or what began before
                streams += [(index.firsts["occurred"], t, 1, reach, None), (index.firsts["ongoing"], t, 1, reach, None),
                            (index.lasts["ongoing"], s, -1, reach, None)]  # fmt: skip
            else:  # what happened: what began before it
                streams.append((index.lasts["ongoing"], s, -1, reach, None))
        if slips is not None:
            streams = [(days, origin, sign, far, _both(accept, slips)) for days, origin, sign, far, accept in streams]
        return self.nearest(streams, fits if test else None)

    def undated(self, type_: str, status: str, dct: dt.date, place: str | None, fits: Fits) -> int | None:
        """The entry an undated report joins (``merge._Merger.target_undated``'s rule), or None.

        A report without a place joins the only entry in reach, none when there are several.
        """
        indexes, test = self._indexes(type_, place)
        day = dct.toordinal()
        seen: set[int] = set()
        for entry in self.overlapping(indexes, day, day):  # the report's day lies in the group's days
            if place is None:
                seen.add(entry)
                if len(seen) > 1:
                    return None
            elif not test or fits(entry):
                return entry
        s, t = lifecycle.undated_window(status, dct)
        back, ahead = (dct - s).days, (t - dct).days  # how far it reaches before and after its day
        streams: list[Stream] = []
        for index in indexes:
            if not lifecycle.is_done(status):  # ahead of it, or a plan whose day passed with no report it was done
                streams += [(index.firsts[k], day, 1, ahead, None) for k in KINDS]
                streams.append((index.lasts["plan"], day, -1, back, None))
            else:  # begun by its day; for a report that it goes on, also what was done soon after
                streams += [(index.lasts[k], day, -1, back, None) for k in KINDS]
                if status == "ongoing":
                    streams.append((index.firsts["occurred"], day, 1, ahead, None))
        return self.nearest(streams, fits if test else None, seen if place is None else None)
