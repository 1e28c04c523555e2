"""The timeline's time axis: panels over the busy stretches, breaks over the quiet ones, readable ticks.

A history of fifteen years with a crowded last year cannot share one linear axis at 3.5 inches.
``plan_panels`` cuts the axis at long quiet stretches (at least ``MIN_BREAK_DAYS`` with no entry)
into at most a few panels, each linear, and gives each panel a width by how crowded it is (log
utility of the inches per month its marks get, weighted by their neighbours), so the busy
stretch gets month ticks. ``choose_ticks`` labels each panel with the densest ticks whose labels
fit: months (``Sep``/``9``, with a row of years under them: at each January, and at the first
tick when it fits) or years.
Every panel has labelled ticks, so a break has dates on both sides. Widths are in inches.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import matplotlib.dates as mdates

from analysis.figures import text_width as figure_text_width
from analysis.wording import month_name

#: The smallest text in a figure (points): numbers, ticks, legend, notes. Nothing is smaller.
TEXT_PT = 7.0
#: A stretch this long without an entry may become a break between two panels.
MIN_BREAK_DAYS = 180
#: Narrowest panel (inches): room for two tick labels.
MIN_PANEL_IN = 0.5
#: Space between two panels, where the break marks are drawn (inches).
GAP_IN = 0.16
#: Inches per month at which a mark's month can be read off the axis; more gains nothing.
TARGET_PITCH_IN = 0.1
#: What one more break costs in the score (in units of one crowded mark read at 1/e of the target).
BREAK_COST = 2.0
#: The shortest stretch a panel shows (days), so that it carries at least two month ticks.
MIN_SPAN_DAYS = 75
#: Inches kept free left of a panel's first mark and right of its last: room for a two-digit number
#: on the right (a mark's number goes left when the right has no room).
LEFT_PAD_IN, RIGHT_PAD_IN = 0.07, 0.2
#: Free space between two tick labels (inches).
TICK_SEP_IN = 0.05
#: Marks closer than this (days) count as neighbours when weighing how crowded a stretch is.
NEIGHBOUR_DAYS = 120
MAX_PANELS = 4
#: What a panel with fewer than two labelled ticks costs in the score: more than any gain in pitch.
FEW_TICKS_COST = 50.0
DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class Item:
    """Something the axis must show: a mark's days ``[start, end)`` as date numbers, and its weight."""

    start: float
    end: float
    weight: float = 1.0


@dataclass(frozen=True)
class Panel:
    """One linear stretch of the axis: days ``[lo, hi]`` (matplotlib date numbers) drawn ``width`` inches wide
    starting ``x0`` inches from the plot area's left edge."""

    lo: float
    hi: float
    x0: float
    width: float
    first: float = 0.0  # the days the panel is for (its items), inside [lo, hi]
    last: float = 0.0

    def x(self, day: float) -> float:
        """Inches from the plot area's left edge of the date number ``day``."""
        return self.x0 + (day - self.lo) / (self.hi - self.lo) * self.width

    @property
    def inches_per_day(self) -> float:
        return self.width / (self.hi - self.lo)

    def holds(self, start: float, end: float) -> bool:
        """Is the panel the one for the days ``[start, end)`` (they lie in its items' stretch)?"""
        return self.first <= start and end <= self.last


@dataclass(frozen=True)
class Ticks:
    """A panel's labelled (major) ticks with their labels, its unlabelled (minor) ticks, and, under month
    ticks, a second row of year labels (at each January, and at the first tick when there is room)."""

    major: tuple[float, ...]
    labels: tuple[str, ...]
    minor: tuple[float, ...]
    years: tuple[float, ...] = ()
    year_labels: tuple[str, ...] = ()


def text_width(text: str, size: float = TEXT_PT) -> float:
    """Printed width in inches of ``text`` at ``size`` points (``TEXT_PT`` by default)."""
    return figure_text_width(text, size)


def num(day: dt.date) -> float:
    """The matplotlib date number of ``day`` (its midnight): days since matplotlib's epoch."""
    return float(day.toordinal() - _epoch_ordinal())


def day_of(value: float) -> dt.date:
    """The day of the matplotlib date number ``value``."""
    return dt.date.fromordinal(int(value // 1) + _epoch_ordinal())


@lru_cache(maxsize=1)
def _epoch_ordinal() -> int:
    return dt.date.fromisoformat(mdates.get_epoch()[:10]).toordinal()


def weigh(items: Sequence[Item]) -> list[Item]:
    """Each item weighted by how crowded its stretch is: 1 + the number of items within ``NEIGHBOUR_DAYS``."""
    centres = [(i.start + i.end) / 2 for i in items]
    out = []
    for item, c in zip(items, centres):
        neighbours = sum(1 for d in centres if abs(d - c) <= NEIGHBOUR_DAYS) - 1
        out.append(Item(item.start, item.end, item.weight * (1 + neighbours)))
    return out


def clusters(items: Sequence[Item], min_break: float = MIN_BREAK_DAYS) -> list[list[Item]]:
    """Items grouped into runs with no quiet stretch of ``min_break`` days or more inside, in date order."""
    runs: list[list[Item]] = []
    reach = -math.inf
    for item in sorted(items, key=lambda i: (i.start, i.end)):
        if runs and item.start - reach < min_break:
            runs[-1].append(item)
        else:
            runs.append([item])
        reach = max(reach, item.end) if len(runs[-1]) > 1 else item.end
    return runs


def _extent(run: Sequence[Item]) -> tuple[float, float]:
    lo, hi = min(i.start for i in run), max(i.end for i in run)
    if hi - lo < MIN_SPAN_DAYS:
        middle = (lo + hi) / 2
        lo, hi = middle - MIN_SPAN_DAYS / 2, middle + MIN_SPAN_DAYS / 2
    return lo, hi


@lru_cache(maxsize=1024)
def min_width(lo: float, hi: float, language: str) -> float:
    """The narrowest panel (inches, in steps of 0.05) for days ``[lo, hi]`` that carries two tick labels."""
    w = MIN_PANEL_IN
    while w < 4.0:
        per_inch = (hi - lo) / (w - LEFT_PAD_IN - RIGHT_PAD_IN)
        trial = Panel(lo - LEFT_PAD_IN * per_inch, hi + RIGHT_PAD_IN * per_inch, 0.0, w)
        if len(choose_ticks(trial, language, 0.0, 0.0).major) >= 2:
            return w
        w = round(w + 0.05, 2)
    return MIN_PANEL_IN


def _widths(groups: list[tuple[float, float, float]], avail: float, language: str) -> list[float] | None:
    """Inches per group (lo, hi, weight): ``min_width`` each, and what is left in proportion to weight
    (the widths that maximize the weighted log of inches per month). None when they cannot fit."""
    floors = [min_width(lo, hi, language) for lo, hi, _ in groups]
    left = avail - sum(floors)
    if left < -1e-9:
        return None
    total = sum(max(weight, 1e-6) for _, _, weight in groups)
    return [f + left * max(weight, 1e-6) / total for f, (_, _, weight) in zip(floors, groups)]


def _score(groups: list[tuple[float, float, float]], widths: list[float], runs: list[list[list[Item]]]) -> float:
    score = -BREAK_COST * (len(groups) - 1)
    for (lo, hi, _), width, members in zip(groups, widths, runs):
        pitch = (width - LEFT_PAD_IN - RIGHT_PAD_IN) / ((hi - lo) / DAYS_PER_MONTH)
        reading = math.log(min(1.0, max(pitch, 1e-9) / TARGET_PITCH_IN))
        score += reading * sum(i.weight for run in members for i in run)
    return score


def plan_panels(items: Sequence[Item], width: float, language: str = "en", max_panels: int = MAX_PANELS) -> list[Panel]:
    """Panels covering every item, ``width`` inches in all (gaps included), chosen by the best score.

    Runs of items (``clusters``) are grouped into consecutive panels; every grouping into at most
    ``max_panels`` panels that fits is scored and the best kept (ties: fewer panels, earlier cuts).
    A panel that cannot carry two tick labels in ``language`` costs ``FEW_TICKS_COST``.
    """
    if not items:
        today = num(dt.date.today())
        items = [Item(today, today + 1, 1.0)]
    runs = clusters(weigh(items))
    while len(runs) > 16:  # keep the search small: join the two runs closest in time
        gaps = [min(i.start for i in b) - max(i.end for i in a) for a, b in itertools.pairwise(runs)]
        k = gaps.index(min(gaps))
        runs[k : k + 2] = [runs[k] + runs[k + 1]]
    limit = max(1, min(max_panels, len(runs), int((width + GAP_IN) // (MIN_PANEL_IN + GAP_IN))))
    best: tuple[float, list[Panel]] | None = None
    for g in range(1, limit + 1):
        for cuts in itertools.combinations(range(1, len(runs)), g - 1):
            bounds = [0, *cuts, len(runs)]
            members = [runs[a:b] for a, b in itertools.pairwise(bounds)]
            groups = []
            spans = []
            for part in members:
                flat = [i for run in part for i in run]
                lo, hi = _extent(flat)
                groups.append((lo, hi, sum(i.weight for i in flat)))
                spans.append((min(i.start for i in flat), max(i.end for i in flat)))
            widths = _widths(groups, width - (g - 1) * GAP_IN, language)
            if widths is None:
                continue
            placed = _place(groups, widths, spans)
            score = _score(groups, widths, members) - FEW_TICKS_COST * sum(
                len(choose_ticks(p, language, GAP_IN / 2, GAP_IN / 2).major) < 2 for p in placed)
            if best is None or score > best[0] + 1e-9:
                best = (score, placed)
    assert best is not None
    return best[1]


def _place(groups: list[tuple[float, float, float]], widths: list[float], spans: list[tuple[float, float]]) -> list[Panel]:
    """Panels side by side, each widened in time so its first and last marks keep their padding.

    A panel never shows the next one's days: at a break the padding stops halfway through the
    quiet stretch (a mark there may then reach a point's radius into the gap between the panels).
    """
    panels, x = [], 0.0
    for k, ((lo, hi, _), w, (first, last)) in enumerate(zip(groups, widths, spans)):
        per_inch = (hi - lo) / (w - LEFT_PAD_IN - RIGHT_PAD_IN)
        left, right = lo - LEFT_PAD_IN * per_inch, hi + RIGHT_PAD_IN * per_inch
        if k:
            left = max(left, (spans[k - 1][1] + first) / 2)
        if k < len(groups) - 1:
            right = min(right, (last + spans[k + 1][0]) / 2)
        panels.append(Panel(left, right, x, w, first, last))
        x += w + GAP_IN
    return panels


# ---------------------------------------------------------------------------------------------
# Ticks


def _months(lo: dt.date, hi: dt.date, step: int) -> list[dt.date]:
    out, year, month = [], lo.year, lo.month
    while (year, month) <= (hi.year, hi.month):
        day = dt.date(year, month, 1)
        if lo <= day <= hi and (month - 1) % step == 0:
            out.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _years(lo: dt.date, hi: dt.date, step: int) -> list[dt.date]:
    return [dt.date(y, 1, 1) for y in range(lo.year, hi.year + 1) if y % step == 0 and lo <= dt.date(y, 1, 1) <= hi]


def _labels(days: list[dt.date], unit: str, language: str) -> list[str]:
    """Tick labels: the year, or the month's name (``Sep``; ``9`` in Arabic)."""
    if unit == "year":
        return [str(d.year) for d in days]
    return [month_name(d.month, language) for d in days]


def _year_row(panel: Panel, days: list[dt.date], lo_x: float, hi_x: float) -> list[dt.date]:
    """Month ticks that get the year under them: each January, and the first tick if its year label does
    not touch the next one. Year labels that would reach past the panel's room are left out."""
    chosen = [d for d in days if d.month == 1]
    if days and days[0].month != 1:
        chosen.insert(0, days[0])
    spans = {d: _span(panel, d, str(d.year)) for d in chosen}
    chosen = [d for d in chosen if spans[d][0] >= lo_x and spans[d][1] <= hi_x]
    if len(chosen) >= 2 and chosen[0] == days[0] and chosen[0].month != 1:
        if spans[chosen[1]][0] - spans[chosen[0]][1] < TICK_SEP_IN:
            chosen = chosen[1:]
    return chosen


#: Tick steps tried, densest first: (unit, every how many months or years).
TICK_STEPS = (("month", 1), ("month", 2), ("month", 3), ("month", 6),
              ("year", 1), ("year", 2), ("year", 3), ("year", 4), ("year", 5), ("year", 10), ("year", 20),
              ("year", 50))  # fmt: skip
#: Unlabelled ticks are kept only when at least this far apart (inches).
MINOR_SEP_IN = 0.035


def choose_ticks(panel: Panel, language: str, room_left: float, room_right: float) -> Ticks:
    """The densest ticks of ``panel`` whose labels fit without touching (at least two if possible).

    ``room_left``/``room_right`` are the inches a label may reach past the panel's edges; a tick at
    either end whose label would reach further is dropped. Month ticks need a year label under at
    least one of them.
    """
    lo, hi = day_of(panel.lo), day_of(panel.hi)
    lo_x, hi_x = panel.x0 - room_left, panel.x0 + panel.width + room_right
    narrowest = text_width("1")
    fitting: list[tuple[str, int, list[dt.date], list[str], list[dt.date]]] = []
    for unit, step in TICK_STEPS:
        days = _months(lo, hi, step) if unit == "month" else _years(lo, hi, step)
        if not days or (len(days) - 1) * (narrowest + TICK_SEP_IN) > hi_x - lo_x:
            continue  # cannot fit: skip before measuring every label
        labels = _labels(days, unit, language)
        keep = [k for k, (d, label) in enumerate(zip(days, labels)) if _inside(_span(panel, d, label), lo_x, hi_x)]
        keep = list(range(keep[0], keep[-1] + 1)) if keep else []  # only the ends can poke out
        days, labels = [days[k] for k in keep], [labels[k] for k in keep]
        spans = [_span(panel, d, label) for d, label in zip(days, labels)]
        if not days or not all(b[0] - a[1] >= TICK_SEP_IN for a, b in itertools.pairwise(spans)):
            continue
        years = _year_row(panel, days, lo_x, hi_x) if unit == "month" else []
        if unit == "month" and not years:
            continue
        fitting.append((unit, step, days, labels, years))
        if len(days) >= 2:
            break
    if not fitting:
        return Ticks((), (), ())
    unit, step, days, labels, years = next((f for f in fitting if len(f[2]) >= 2), fitting[0])
    return Ticks(tuple(num(d) for d in days), tuple(labels), tuple(num(d) for d in _minor(panel, unit, step, days)),
                 tuple(num(d) for d in years), tuple(str(d.year) for d in years))


def _inside(span: tuple[float, float], lo_x: float, hi_x: float) -> bool:
    return span[0] >= lo_x and span[1] <= hi_x


def _span(panel: Panel, day: dt.date, label: str) -> tuple[float, float]:
    """The inches the tick label ``label`` at ``day`` covers."""
    x, half = panel.x(num(day)), text_width(label) / 2
    return x - half, x + half


def _minor(panel: Panel, unit: str, step: int, major: list[dt.date]) -> list[dt.date]:
    lo, hi = day_of(panel.lo), day_of(panel.hi)
    per_month = panel.inches_per_day * DAYS_PER_MONTH
    if unit == "month":
        candidates = _months(lo, hi, 1) if step > 1 and per_month >= MINOR_SEP_IN else []
    elif per_month >= MINOR_SEP_IN:
        candidates = _months(lo, hi, 1)
    elif per_month * 3 >= MINOR_SEP_IN:
        candidates = _months(lo, hi, 3)
    elif step > 1 and per_month * 12 >= MINOR_SEP_IN:
        candidates = _years(lo, hi, 1)
    else:
        candidates = []
    taken = set(major)
    return [d for d in candidates if d not in taken]
