"""``merge_events`` for millions of reports: the same entries, from the events' columns, in bounded memory.

``merge_event_table(table)`` takes the events stage's rows as an Arrow table (what the cache holds)
and returns exactly the frame ``analysis.events.merge_events`` returns for the same reports
(``tests/test_merge_table.py`` compares them). It differs in how, not what:

- reports stay columns (integer codes for repeated strings, integer days for dates) instead of one
  ``Event`` object each: a million articles' reports fit in a few GB where objects would not;
- the search for the first entry a report joins prunes by entry number: each width class of dated
  entries is a list of blocks sorted by first day, each block knowing its smallest entry number,
  and blocks are visited smallest number first, so a year-long report does not test every
  day-long entry of that year.

Merge rules and the representative report's key are ``analysis.events.merge``'s (docs/ANNOTATION.md,
"Events"); see that module for what they mean.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.events import dating
from analysis.events.attributes import same_place
from analysis.events.merge import ENTRY_COLUMNS
from analysis.timex.values import VAGUE_VALUES

#: Columns of the events stage the merge reads (the others, e.g. the sentence, are never loaded).
#: Read the string ones dictionary-encoded (``read_dictionary=STRING_COLUMNS``): repeated text is stored once.
COLUMNS = ("file", "article_id", "dct", "sentence_start", "sentence_end", "trigger", "trigger_start", "trigger_end",
           "type", "date", "date_mod", "timex_text", "status", "place", "actors", "summary")
STRING_COLUMNS = ("file", "article_id", "trigger", "type", "date", "date_mod", "timex_text", "status", "place",
                  "summary", "actors")
EPOCH = dt.date(1970, 1, 1).toordinal()
UNKNOWN_WIDTH = dating.width(None)
BLOCK = 64


@dataclass
class Codes:
    """A string column as integer codes into ``values`` (-1 for a missing value)."""

    codes: np.ndarray
    values: list

    def get(self, i: int) -> str | None:
        code = self.codes[i]
        return None if code < 0 else self.values[code]


def _codes(column: pa.ChunkedArray | pa.Array) -> Codes:
    """Codes of a string column, plain or dictionary-encoded (as ``read_table(read_dictionary=...)`` gives)."""
    if pa.types.is_null(column.type):  # every value missing
        return Codes(np.full(len(column), -1, np.int64), [])
    if isinstance(column, pa.Array):
        column = pa.chunked_array([column])
    if not pa.types.is_dictionary(column.type):
        column = pc.dictionary_encode(column)
    column = column.unify_dictionaries()
    if column.num_chunks == 0:
        return Codes(np.zeros(0, np.int64), [])
    codes = np.concatenate([c.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
                            for c in column.chunks])
    return Codes(codes, column.chunk(0).dictionary.to_pylist())


def _ints(column: pa.ChunkedArray) -> np.ndarray:
    return column.fill_null(0).to_numpy().astype(np.int64)


class _Blocks:
    """(first day, entry number) pairs sorted by first day, in blocks; each block also sorted by number."""

    def __init__(self) -> None:
        self.blocks: list[list[tuple[int, int]]] = []  # by (first, number)
        self.numbers: list[list[tuple[int, int]]] = []  # the same pairs as (number, first), by number
        self.heads: list[tuple[int, int]] = []  # each block's first pair, for bisect

    def add(self, first: int, number: int) -> None:
        item = (first, number)
        if not self.blocks:
            self.blocks, self.numbers, self.heads = [[item]], [[(number, first)]], [item]
            return
        b = max(0, bisect_right(self.heads, item) - 1)
        block = self.blocks[b]
        insort(block, item)
        insort(self.numbers[b], (number, first))
        self.heads[b] = block[0]
        if len(block) > 2 * BLOCK:
            half = block[BLOCK:]
            del block[BLOCK:]
            self.blocks.insert(b + 1, half)
            self.heads.insert(b + 1, half[0])
            self.numbers[b] = sorted((n, f) for f, n in block)
            self.numbers.insert(b + 1, sorted((n, f) for f, n in half))

    def remove(self, first: int, number: int) -> None:
        item = (first, number)
        b = bisect_right(self.heads, item) - 1
        block = self.blocks[b]
        del block[bisect_left(block, item)]
        if not block:
            del self.blocks[b], self.numbers[b], self.heads[b]
            return
        numbers = self.numbers[b]
        del numbers[bisect_left(numbers, (number, first))]
        self.heads[b] = block[0]

    def first_accepted(self, lo: int, hi: int, found: int, accept: Callable[[int, int], bool]) -> int:
        """The smallest number < ``found`` among pairs with first day in [lo, hi] that ``accept(first, number)``."""
        if not self.blocks:
            return found
        start = max(0, bisect_left(self.heads, (lo,)) - 1)
        stop = bisect_right(self.heads, (hi, 1 << 62))
        for numbers in self.numbers[start:stop]:
            if numbers[0][0] >= found:  # the block's smallest number
                continue
            for number, first in numbers:  # smallest number first: the first accepted is this block's answer
                if number >= found:
                    break
                if lo <= first <= hi and accept(first, number):
                    found = number
                    break
        return found


class _Index:
    """The dated entries of one type by the days of their representative (as ``merge._DatedIndex``)."""

    def __init__(self) -> None:
        self.classes: dict[int, _Blocks] = {}

    @staticmethod
    def slot(start: int, end: int) -> int:
        return (end - start).bit_length()

    def add(self, start: int, end: int, number: int) -> None:
        self.classes.setdefault(self.slot(start, end), _Blocks()).add(start, number)

    def remove(self, start: int, end: int, number: int) -> None:
        self.classes[self.slot(start, end)].remove(start, number)

    def first(self, s: int, t: int, accept: Callable[[int, int], bool]) -> int | None:
        found = 1 << 62
        for c, blocks in self.classes.items():
            found = blocks.first_accepted(s - (1 << c) + 1, t, found, accept)
        return None if found == 1 << 62 else found


def merge_event_table(table: pa.Table) -> pd.DataFrame:
    """Timeline entries (``ENTRY_COLUMNS``) for the events in ``table``: ``merge_events``'s result."""
    n = table.num_rows
    if n == 0:
        return pd.DataFrame(columns=ENTRY_COLUMNS)
    col = {name: table.column(name) for name in COLUMNS}
    file, article, trigger = _codes(col["file"]), _codes(col["article_id"]), _codes(col["trigger"])
    kind, date, mod = _codes(col["type"]), _codes(col["date"]), _codes(col["date_mod"])
    timex, status, place, summary = _codes(col["timex_text"]), _codes(col["status"]), _codes(col["place"]), _codes(
        col["summary"])
    dct = col["dct"].cast(pa.int32()).to_numpy(zero_copy_only=False).astype(np.int64) + EPOCH
    trig_start, trig_end = _ints(col["trigger_start"]), _ints(col["trigger_end"])
    sent_start, sent_end = _ints(col["sentence_start"]), _ints(col["sentence_end"])
    actors = col["actors"].combine_chunks()
    actor_offsets = actors.offsets.to_numpy()
    actor_values = _codes(actors.values)

    start, end = _spans(date, mod, dct)
    width = np.where(start >= 0, end - start + 1, UNKNOWN_WIDTH)
    file_rank = _ranks(file.values)[file.codes]
    order = np.lexsort((trig_start, file_rank, dct, width))
    seq = np.empty(n, np.int64)
    seq[order] = np.arange(n)
    undated = date.codes < 0
    is_ref = np.array([v.endswith("_REF") for v in date.values] + [False], bool)[date.codes]
    vague_span = _not_explicit_span(date, mod, timex)
    rest = np.empty(n, np.int64)
    rest[np.lexsort((seq, trig_start, file_rank, dct, width, vague_span, is_ref))] = np.arange(n)

    merger = _Merger(kind.codes, place, date.codes, mod.codes, undated, start, end, rest)
    for i in order.tolist():
        merger.add(i)
    entry_of = np.asarray(merger.entry_of)
    rows = _rows(merger, entry_of, seq, dct, file, file_rank, article, trigger, trig_start, trig_end, sent_start,
                 sent_end, timex, kind, date, mod, status, place, summary, actor_offsets, actor_values, start, end)
    frame = pd.DataFrame(rows, columns=ENTRY_COLUMNS)
    frame["_undated"] = frame["start"].isna()
    frame["_start"] = frame["start"].map(lambda d: d or dt.date.max)
    frame = frame.sort_values(["_undated", "_start", "type", "place"], kind="stable", na_position="last")
    return frame.drop(columns=["_undated", "_start"]).reset_index(drop=True)


@lru_cache(maxsize=1 << 16)
def _file_name(path: str) -> str:
    """``Path(path).name`` (a source names its file, not its folder), once per file."""
    return Path(path).name


def _ranks(values: list) -> np.ndarray:
    """Each value's rank in sorted (Python string) order."""
    ranks = np.empty(len(values), np.int64)
    ranks[sorted(range(len(values)), key=values.__getitem__)] = np.arange(len(values))
    return np.append(ranks, -1)  # code -1 (missing) ranks first


def _spans(date: Codes, mod: Codes, dct: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """First and last day (ordinals) of each report's date, -1 when it has none (``dating.interval``)."""
    start = np.full(len(dct), -1, np.int64)
    end = np.full(len(dct), -1, np.int64)
    pair = (date.codes + 1) * (len(mod.values) + 1) + (mod.codes + 1)
    keys, inverse = np.unique(pair, return_inverse=True)
    grouped = np.argsort(inverse, kind="stable")
    bounds = np.searchsorted(inverse[grouped], np.arange(len(keys) + 1)).tolist()
    for k, key in enumerate(keys.tolist()):
        d, m = key // (len(mod.values) + 1) - 1, key % (len(mod.values) + 1) - 1
        value, modifier = (None if d < 0 else date.values[d]), (None if m < 0 else mod.values[m])
        rows = grouped[bounds[k] : bounds[k + 1]]
        if value in VAGUE_VALUES:  # placed around each report's own dct
            for day in np.unique(dct[rows]).tolist():
                span = dating.interval(value, modifier, dt.date.fromordinal(day))
                if span is not None:
                    hit = rows[dct[rows] == day]
                    start[hit], end[hit] = span[0].toordinal(), span[1].toordinal()
            continue
        span = dating.interval(value, modifier, None)
        if span is not None:
            start[rows], end[rows] = span[0].toordinal(), span[1].toordinal()
    return start, end


def _not_explicit_span(date: Codes, mod: Codes, timex: Codes) -> np.ndarray:
    """``merge._static_key``'s third part: not (an interval written as such, e.g. ``2014–2017``)."""
    interval = np.array(["/" in v for v in date.values] + [False], bool)[date.codes]
    mod_interval = np.array(["/" in v for v in mod.values] + [False], bool)[mod.codes]
    digits = np.array([bool(v) and any(ch.isdigit() for ch in v) for v in timex.values] + [False], bool)[timex.codes]
    return ~(interval & ~mod_interval & digits)


class _Merger:
    """``merge._Merger`` on integer columns: entries as lists indexed by entry number."""

    def __init__(self, kind, place: Codes, date, mod, undated, start, end, rest) -> None:  # noqa: ANN001
        self.kind, self.place, self.date, self.mod = kind, place.codes, date, mod
        self.place_values = place.values
        self.undated_row, self.start, self.end, self.rest = undated, start, end, rest
        self.entry_of = [0] * len(kind)
        self.best: list[int] = []  # the representative report of each entry
        self.best_key: list[tuple[int, int, int]] = []
        self.span: list[tuple[int, int] | None] = []
        self.groups: list[dict[tuple[int, int], list[int]]] = []  # (date, mod) -> [count, rest key, report]
        self.dated: dict[int, _Index] = {}
        self.undated: dict[tuple[int, int], int] = {}
        self._places: dict[tuple[int, int], bool] = {}

    def compatible(self, a: int, b: int) -> bool:
        if a < 0 or b < 0 or a == b:
            return True
        known = self._places.get((a, b))
        if known is None:
            known = self._places[(a, b)] = same_place(self.place_values[a], self.place_values[b])
        return known

    def target(self, i: int) -> int | None:
        t = int(self.kind[i])
        if self.undated_row[i]:
            p = int(self.place[i])
            return self.undated.get((t, p)) if p >= 0 else None
        index = self.dated.get(t)
        if self.start[i] < 0 or index is None:
            return None
        s, e, p = int(self.start[i]), int(self.end[i]), int(self.place[i])
        spans, best, places = self.span, self.best, self.place

        def accept(first: int, number: int) -> bool:
            return spans[number][1] >= s and self.compatible(int(places[best[number]]), p)

        return index.first(s, e, accept)

    def add(self, i: int) -> None:
        number = self.target(i)
        span = None if self.start[i] < 0 else (int(self.start[i]), int(self.end[i]))
        if number is None:
            number = len(self.best)
            self.best.append(-1)
            self.best_key.append((1, 0, 0))
            self.span.append(None)
            self.groups.append({})
            self._join(number, i, span)
            t = int(self.kind[i])
            if self.undated_row[i]:
                if self.place[i] >= 0:
                    self.undated.setdefault((t, int(self.place[i])), number)
            elif span is not None:
                self.dated.setdefault(t, _Index()).add(span[0], span[1], number)
            return
        old = self.span[number]
        self._join(number, i, span)
        if not self.undated_row[i] and self.span[number] != old:
            index = self.dated[int(self.kind[i])]
            index.remove(old[0], old[1], number)  # type: ignore[index]
            new = self.span[number]
            index.add(new[0], new[1], number)  # type: ignore[index]

    def _join(self, number: int, i: int, span: tuple[int, int] | None) -> None:
        """``merge._Entry.add``: count the report in its (date, date_mod) group, update the representative."""
        self.entry_of[i] = number
        key = (int(self.date[i]), int(self.mod[i]))
        group = self.groups[number].get(key)
        rest = int(self.rest[i])
        if group is None:
            group = self.groups[number][key] = [1, rest, i]
        else:
            group[0] += 1
            if rest < group[1]:
                group[1], group[2] = rest, i
        full = (int(self.undated_row[group[2]]), -group[0], group[1])
        if self.best[number] < 0 or full < self.best_key[number]:
            self.best_key[number], self.best[number] = full, group[2]
            g = group[2]
            self.span[number] = None if self.start[g] < 0 else (int(self.start[g]), int(self.end[g]))


def _rows(m: _Merger, entry_of, seq, dct, file, file_rank, article, trigger, trig_start, trig_end,  # noqa: ANN001
          sent_start, sent_end, timex, kind, date, mod, status, place, summary, actor_offsets, actor_values,
          start, end) -> list[dict]:
    """One output row per entry, as ``merge_events`` builds them."""
    by_sources = np.lexsort((seq, trig_start, file_rank, dct, entry_of))
    by_actors = np.lexsort((seq, file_rank, dct, entry_of))
    bounds = np.searchsorted(entry_of[by_sources], np.arange(len(m.best) + 1)).tolist()
    files = [_file_name(f) for f in file.values]
    articles_, triggers, timexes, places_ = (c.values + [None] for c in (article, trigger, timex, place))
    actor_names = actor_values.values
    days: dict[int, dt.date] = {}

    def day(ordinal: int) -> dt.date:
        d = days.get(ordinal)
        if d is None:
            d = days[ordinal] = dt.date.fromordinal(ordinal)
        return d

    iso: dict[int, str] = {}
    rows = []
    for number, best in enumerate(m.best):
        reports = by_sources[bounds[number] : bounds[number + 1]]
        ordered = by_actors[bounds[number] : bounds[number + 1]]
        actors: list[str] = []
        for r in ordered.tolist():
            for a in actor_values.codes[actor_offsets[r] : actor_offsets[r + 1]].tolist():
                if actor_names[a] not in actors:
                    actors.append(actor_names[a])
        pcs = place.codes[reports].tolist()
        counts = Counter(places_[c] for c in pcs if c >= 0 and places_[c])
        chosen = places_[place.codes[best]] or (min(counts, key=lambda p: (-counts[p], p)) if counts else None)
        last = ordered[-1]  # the newest by (dct, file); among equals the first to arrive
        newest = int(ordered[np.flatnonzero((dct[ordered] == dct[last]) & (file_rank[ordered] == file_rank[last]))[0]])
        state = status.get(newest) if dct[newest] >= dct[best] else status.get(best)
        span = m.span[number]
        fcs, days_ = file.codes[reports].tolist(), dct[reports].tolist()
        for o in days_:
            if o not in iso:
                iso[o] = day(o).isoformat()
        columns = zip(fcs, article.codes[reports].tolist(), days_, sent_start[reports].tolist(),
                      sent_end[reports].tolist(), trigger.codes[reports].tolist(), trig_start[reports].tolist(),
                      trig_end[reports].tolist(), timex.codes[reports].tolist())
        rows.append({
            "date": date.get(best), "date_mod": mod.get(best),
            "start": day(span[0]) if span else None, "end": day(span[1]) if span else None,
            "type": kind.get(best), "status": state, "place": chosen, "actors": actors[:4],
            "summary": summary.get(best), "n_sources": len(set(fcs)),
            "sources": [{"file": files[f], "article_id": articles_[a], "dct": iso[o], "sentence_start": s0,
                         "sentence_end": s1, "trigger": triggers[tg], "trigger_start": t0, "trigger_end": t1,
                         "timex": timexes[x]} for f, a, o, s0, s1, tg, t0, t1, x in columns],
            "dct_max": day(max(days_)),
        })
    return rows
