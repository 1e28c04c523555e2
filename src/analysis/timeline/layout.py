"""Where each mark and its number go: lanes, and rows inside a lane so that nothing overlaps.

Every mark takes a strip of its lane: the mark (a point, or a bar over its days) and, beside it,
its number. ``lay_out`` packs the strips of a lane into as few rows as possible (first fit in date
order), so two marks or numbers never overlap however crowded a month is; a lane grows a row
instead. All sizes are printed inches, so the layout holds at any figure width.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from analysis.timeline.axis import Panel, num, text_width

#: A point mark's diameter and a bar's height (points).
POINT_PT = 6.5
BAR_PT = 5.0
#: A bar is drawn at least this wide (inches), so a short span still reads as a bar.
MIN_BAR_IN = 0.05
#: Between a mark and its number, and around each strip (inches).
LABEL_GAP_IN = 2.0 / 72
STRIP_PAD_IN = 0.03
#: How far (inches) a mark's number may reach past its panel's edge, into the gap of a break.
EDGE_SLACK_IN = 0.04
#: One row of a lane, and the space above and below a lane's rows (inches).
ROW_IN = 0.16
LANE_PAD_IN = 0.04


@dataclass
class Mark:
    """One drawn entry: its table row number ``n``, panel, extent in inches and the side of its number."""

    n: int
    lane: str
    type: str
    status: str
    kind: str
    panel: int
    start: float  # date numbers of the days drawn: [start, end)
    end: float
    x0: float  # inches from the plot area's left edge: the mark
    x1: float
    side: str = "right"
    row: int = 0
    y: float = 0.0  # inches from the plot area's bottom edge: the row's centre

    @property
    def label_width(self) -> float:
        return text_width(str(self.n))

    def strip(self) -> tuple[float, float]:
        """The inches the mark and its number take in their row, padding included."""
        room = LABEL_GAP_IN + self.label_width
        if self.side == "right":
            return self.x0 - STRIP_PAD_IN, self.x1 + room + STRIP_PAD_IN
        return self.x0 - room - STRIP_PAD_IN, self.x1 + STRIP_PAD_IN


@dataclass
class Lane:
    """A lane (an event type or a place) from ``top`` down to ``bottom`` (inches), with its rows."""

    name: str
    types: list[str] = field(default_factory=list)
    rows: int = 1
    top: float = 0.0
    bottom: float = 0.0
    header: float = 0.0  # inches at the left of the top row kept for the lane's name (narrow figures)

    @property
    def centre(self) -> float:
        """Middle of the lane (where its name goes when it is beside the lane)."""
        return (self.top + self.bottom) / 2

    @property
    def first_row(self) -> float:
        """Centre of the lane's top row (where its name goes when it is inside the lane)."""
        return self.top - LANE_PAD_IN - ROW_IN / 2


@dataclass
class Layout:
    """The marks placed, the lanes top to bottom, and the plot area's height in inches."""

    marks: list[Mark]
    lanes: list[Lane]
    height: float


def _panel_of(panels: Sequence[Panel], start: float, end: float) -> int:
    for k, panel in enumerate(panels):
        if panel.holds(start, end):
            return k
    # not inside any panel (cannot happen for planned panels): the one nearest its middle
    middle = (start + end) / 2
    return min(range(len(panels)), key=lambda k: min(abs(panels[k].lo - middle), abs(panels[k].hi - middle)))


def _extent(panel: Panel, start: float, end: float, kind: str) -> tuple[float, float]:
    if kind == "point":
        middle, radius = panel.x((start + end) / 2), POINT_PT / 72 / 2
        return middle - radius, middle + radius
    x0, x1 = panel.x(start), panel.x(end)
    if x1 - x0 < MIN_BAR_IN:
        middle = (x0 + x1) / 2
        x0, x1 = middle - MIN_BAR_IN / 2, middle + MIN_BAR_IN / 2
    return x0, x1


def _side(mark: Mark, panel: Panel) -> str:
    """Right of the mark if its number fits inside the panel there, else left if it fits there, else
    the side with more room."""
    room = LABEL_GAP_IN + mark.label_width
    right = panel.x0 + panel.width - (mark.x1 + room)
    left = (mark.x0 - room) - panel.x0
    if right >= -EDGE_SLACK_IN:
        return "right"
    if left >= -EDGE_SLACK_IN:
        return "left"
    return "right" if right >= left else "left"


def lay_out(
    table: pd.DataFrame, panels: Sequence[Panel], lane_names: Sequence[str], header: dict[str, float] | None = None
) -> Layout:
    """Marks of the drawn rows of ``table`` (``kind`` point or span) in lanes ``lane_names`` (top first).

    ``header`` gives, per lane, the inches kept at the left end of its top row for its name (none: the
    names go beside the lanes); marks right of the name share that row.
    """
    lanes = {name: Lane(name, header=(header or {}).get(name, 0.0)) for name in lane_names}
    marks: list[Mark] = []
    for row in table.to_dict("records"):
        if row["kind"] == "vague":
            continue
        start, end = num(row["start"]), num(row["end"]) + 1
        k = _panel_of(panels, start, end)
        x0, x1 = _extent(panels[k], start, end, row["kind"])
        mark = Mark(int(row["n"]), row["lane"], row["type"], str(row["status"]), row["kind"], k, start, end, x0, x1)
        mark.side = _side(mark, panels[k])
        marks.append(mark)
        if row["type"] not in lanes[row["lane"]].types:
            lanes[row["lane"]].types.append(row["type"])
    for lane in lanes.values():
        ends: list[float] = [lane.header] if lane.header else []  # per row: where its last strip ends
        for mark in sorted((m for m in marks if m.lane == lane.name), key=lambda m: (m.strip()[0], m.n)):
            left, right = mark.strip()
            row = next((r for r, end in enumerate(ends) if end <= left), len(ends))
            if row == len(ends):
                ends.append(right)
            else:
                ends[row] = right
            mark.row = row
        lane.rows = max(1, len(ends))
    top = sum(lane.rows * ROW_IN + 2 * LANE_PAD_IN for lane in lanes.values())
    height, y = top, top
    for lane in lanes.values():
        lane.top, lane.bottom = y, y - lane.rows * ROW_IN - 2 * LANE_PAD_IN
        y = lane.bottom
    for mark in marks:
        lane = lanes[mark.lane]
        mark.y = lane.top - LANE_PAD_IN - (mark.row + 0.5) * ROW_IN
    return Layout(marks, list(lanes.values()), height)
