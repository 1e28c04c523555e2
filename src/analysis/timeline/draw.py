"""Draw the paper timeline: numbered marks on a broken time axis, one visual channel per meaning.

Status is fill (occurred filled, planned hollow, ongoing half-filled: the lower half); precision is
shape (a day is a point, a span a bar over its days); the type is the lane (and its colour, keyed
beside the lane's name); the number beside each mark is the row ``n`` of the table behind the
figure. Vague dates are not drawn: the note under the legend lists their numbers. The dotted line
is the newest article's date, labelled "as of <date>". Sizes are printed inches and points (no
text under ``axis.TEXT_PT``), so the figure reads the same at 3.5 in and at 7 in; the figure is
laid out exactly at its width (save it without cropping: ``figures.save(..., tight=False)``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from analysis.events.types import COLOURS, LANE_ORDER
from analysis.figures import apply_style
from analysis.timeline.axis import TEXT_PT, GAP_IN, Item, Panel, choose_ticks, num, plan_panels, text_width
from analysis.timeline.filters import EntryFilter
from analysis.timeline.layout import BAR_PT, LABEL_GAP_IN, POINT_PT, Lane, Layout, Mark, lay_out
from analysis.timeline.table import timeline_table
from analysis.timex.values import as_date
from analysis.wording import check_language, join_list, ltr, type_label, word

#: Named figure widths in inches: a paper's single column and its full text width.
WIDTHS = {"column": 3.5, "page": 7.0}
LANE_PT = 8.0
TITLE_PT = 9.0
INK, GREY, SHADE = "#222222", "#555555", "#f2f2f2"
#: Figure margins (inches): outer edge, lane key (colour square) and the line height of 7 pt text.
EDGE_IN = 0.06
KEY_IN = 0.11
LINE_IN = TEXT_PT * 1.25 / 72
LEGEND_SEP_IN = 0.03
#: Major tick length and the gap to its label (points); the year row starts under the month labels.
TICK_LEN_PT, TICK_PAD_PT = 3.5, 2.0
TICK_OFFSET_PT = TICK_LEN_PT + TICK_PAD_PT
#: Lane names go inside the lanes (left end of the top row) when, beside them, they would take more
#: than this share of the figure's width.
HEADER_SHARE = 0.22
#: Left margin with the lane names inside the lanes: half a year label, so a tick at the left edge keeps its label.
HALF_LABEL_IN = 0.13


def figure_width(width: float | str) -> float:
    """Inches for ``width``: a number, or ``"column"`` (3.5 in) / ``"page"`` (7 in)."""
    if isinstance(width, str):
        if width not in WIDTHS:
            raise ValueError(f"width must be a number of inches or one of {sorted(WIDTHS)}, not {width!r}")
        return WIDTHS[width]
    if not width or width <= 0:
        raise ValueError(f"width must be positive, not {width!r}")
    return float(width)


def reference_date(entries_df: pd.DataFrame) -> dt.date:
    """The newest article date among the entries' sources (``dct_max``); today when there is none."""
    dcts = [as_date(d) for d in entries_df.get("dct_max", pd.Series(dtype=object))]
    dcts = [d for d in dcts if d is not None]
    return max(dcts) if dcts else dt.date.today()


def number_ranges(numbers: Sequence[int]) -> list[str]:
    """``[3, 4, 5, 8, 9, 12]`` → ``["3–5", "8", "9", "12"]``: runs of three or more as a range."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    out: list[str] = []
    for run in runs:
        out += [f"{run[0]}–{run[-1]}"] if len(run) >= 3 else [str(n) for n in run]
    return out


def wrap(text: str, width: float) -> list[str]:
    """``text`` broken at spaces into lines at most ``width`` inches wide at ``TEXT_PT``."""
    lines: list[str] = []
    for word_ in text.split(" "):
        if lines and text_width(f"{lines[-1]} {word_}") <= width:
            lines[-1] = f"{lines[-1]} {word_}"
        else:
            lines.append(word_)
    return lines


def _notes(table: pd.DataFrame, filters: EntryFilter | None, labels: str) -> list[str]:
    notes = []
    vague = [int(n) for n, k in zip(table["n"], table["kind"]) if k == "vague"]
    if vague:
        ranges = [ltr(r, labels) for r in number_ranges(vague)]
        notes.append(word("vague_note", labels, list=join_list(ranges, labels)))
    if "reviewed" in table.columns and len(table):
        unreviewed = int((~table["reviewed"].fillna(False).astype(bool)).sum())
        if unreviewed:
            notes.append(word("unreviewed_note", labels, n=unreviewed, total=len(table)))
    if filters is not None and not filters.is_default:
        notes.append(word("filter_note", labels, list=filters.describe(labels)))
    if not (table["kind"] != "vague").any():
        notes.append(word("no_entries", labels))
    return notes


def lane_names_of(table: pd.DataFrame, lanes: str) -> list[str]:
    """The lanes of the drawn rows, top first: types in the event-type table's order, places by first entry."""
    drawn = table[table["kind"] != "vague"]
    if lanes == "type":
        rank = {t: i for i, t in enumerate(LANE_ORDER)}
        order = sorted(dict.fromkeys(zip(drawn["type"], drawn["lane"])), key=lambda tl: rank.get(tl[0], len(rank)))
        return list(dict.fromkeys(lane for _, lane in order))
    return list(dict.fromkeys(drawn["lane"]))  # places in the order of their first entry


def _legend_groups(labels: str, lanes: str, types: Sequence[str]) -> list[list[tuple[object, str]]]:
    """The legend's rows: status (fill), precision (shape), number and reference line, and the type colours
    when lanes are places (with type lanes, the colour square beside each lane's name is the key)."""
    marker = {"marker": "o", "linestyle": "none", "markersize": POINT_PT, "markeredgewidth": 1.1, "color": GREY}
    groups: list[list[tuple[object, str]]] = [
        [(Line2D([], [], **marker), word("occurred", labels)),
         (Line2D([], [], markerfacecolor="white", **marker), word("planned", labels)),
         (Line2D([], [], fillstyle="bottom", markerfacecoloralt="white", **marker), word("ongoing", labels))],
        [(Line2D([], [], **marker), word("day", labels)),
         (Patch(facecolor=GREY, edgecolor=GREY), word("span", labels))],
        [(Line2D([], [], marker=r"$\mathregular{7}$", linestyle="none", markersize=TEXT_PT, color=INK),
          word("number", labels)),
         (Line2D([], [], linestyle=":", color=GREY, linewidth=1.0), word("as_of_legend", labels))],
    ]  # fmt: skip
    if lanes == "place" and types:
        groups.append([(Patch(facecolor=COLOURS.get(t, GREY), edgecolor="none"), type_label(t, labels)) for t in types])
    return groups


def _legend_rows(fig: Figure, groups: list[list[tuple[object, str]]], labels: str, width: float) -> list[Legend]:
    """One legend per row, each as wide as fits in ``width`` (a row too wide is split); right to left in Arabic."""
    rows: list[Legend] = []
    pending = [list(g) for g in groups]
    while pending:
        part = pending.pop(0)
        ordered = list(reversed(part)) if labels == "ar" else part
        legend = Legend(
            fig, [h for h, _ in ordered], [t for _, t in ordered], ncol=len(ordered), loc="upper center",
            fontsize=TEXT_PT, frameon=False, handlelength=1.6, handletextpad=0.5, columnspacing=1.4,
            borderaxespad=0.0, borderpad=0.0, markerfirst=labels != "ar", bbox_to_anchor=(width / 2, 0.0),
            bbox_transform=fig.dpi_scale_trans,
        )  # fmt: skip
        fig.legends.append(legend)
        box = legend.get_window_extent(fig.canvas.get_renderer())
        if box.width / fig.dpi <= width - 2 * EDGE_IN or len(part) == 1:
            rows.append(legend)
            continue
        fig.legends.remove(legend)
        half = -(-len(part) // 2)
        pending[0:0] = [part[:half], part[half:]]
    return rows


def _draw_mark(ax, mark: Mark, panel: Panel, background: str) -> None:
    """The mark, and its number on a patch of the lane's ``background`` (a line behind it is cut, not crossed)."""
    colour = COLOURS.get(mark.type, GREY)
    to_day = (panel.hi - panel.lo) / panel.width
    d0, d1 = panel.lo + (mark.x0 - panel.x0) * to_day, panel.lo + (mark.x1 - panel.x0) * to_day
    gid = f"{mark.status}-{mark.kind}"
    if mark.kind == "point":
        style = {"occurred": {}, "planned": {"markerfacecolor": "white"},
                 "ongoing": {"fillstyle": "bottom", "markerfacecoloralt": "white"}}.get(mark.status, {})  # fmt: skip
        ax.plot([(d0 + d1) / 2], [mark.y], marker="o", markersize=POINT_PT, linestyle="none", color=colour,
                markeredgecolor=colour, markeredgewidth=1.1, zorder=3, gid=gid, clip_on=False, **style)  # fmt: skip
    else:
        h = BAR_PT / 72
        face = colour if mark.status == "occurred" else "white"
        ax.add_patch(Rectangle((d0, mark.y - h / 2), d1 - d0, h, facecolor=face, edgecolor=colour, linewidth=1.0,
                               zorder=3, gid=gid, clip_on=False))  # fmt: skip
        if mark.status == "ongoing":
            ax.add_patch(Rectangle((d0, mark.y - h / 2), d1 - d0, h / 2, facecolor=colour, edgecolor="none",
                                   zorder=3, gid=gid, clip_on=False))  # fmt: skip
    edge, sign = (d1, 1) if mark.side == "right" else (d0, -1)
    text = ax.annotate(
        str(mark.n), (edge, mark.y), xytext=(sign * LABEL_GAP_IN * 72, 0), textcoords="offset points",
        ha="left" if sign > 0 else "right", va="center", fontsize=TEXT_PT, color=INK, zorder=4,
        annotation_clip=False, bbox={"boxstyle": "square,pad=0.08", "facecolor": background, "edgecolor": "none"},
    )  # fmt: skip
    text.set_gid(f"n-{mark.n}")


def plot_timeline(
    entries_df: pd.DataFrame,
    today: dt.date | None = None,
    labels: Literal["ar", "en"] = "ar",
    lanes: Literal["type", "place"] = "type",
    filters: EntryFilter | None = None,
    width: float | str = "column",
    title: str | None = None,
) -> Figure:
    """Draw the timeline of merged entries (``merge_events``, ``Study.entries``); returns the ``Figure``.

    ``today`` is the newest article date (default: the newest ``dct_max`` of the entries);
    ``labels`` the one language of every word; ``lanes`` groups marks by event type or by place;
    ``filters`` picks the entries (``EntryFilter``); ``width`` is inches or ``"column"`` (3.5 in) /
    ``"page"`` (7 in). Each mark's number is the ``n`` of ``timeline_table`` with the same arguments.
    """
    apply_style()
    check_language(labels)
    width_in = figure_width(width)
    table = timeline_table(entries_df, filters=filters, lanes=lanes, labels=labels)
    today = today or reference_date(entries_df)
    lane_names = lane_names_of(table, lanes) if len(table) else []
    drawn = table[table["kind"] != "vague"] if len(table) else table
    key = KEY_IN if lanes == "type" else 0.0
    beside = max([text_width(n, LANE_PT) for n in lane_names] or [0.3]) + 0.08 + key
    headers = beside > HEADER_SHARE * width_in  # narrow figure: each lane's name on a row of its own
    left = EDGE_IN + (HALF_LABEL_IN if headers else beside)  # room for the first tick's label
    plot_w = width_in - left - EDGE_IN
    items = [Item(num(s), num(e) + 1) for s, e in zip(drawn["start"], drawn["end"])] if len(drawn) else []
    panels = plan_panels([*items, Item(num(today), num(today) + 1, 0.5)], plot_w, labels)
    header = {n: key + 0.05 + text_width(n, LANE_PT) + 0.04 for n in lane_names} if headers else None
    layout = lay_out(drawn, panels, lane_names, header) if len(drawn) else Layout([], [], 0.6)
    ticks = [choose_ticks(p, labels, GAP_IN / 2 if k else left - EDGE_IN, GAP_IN / 2 if k < len(panels) - 1 else EDGE_IN)
             for k, p in enumerate(panels)]  # fmt: skip
    tick_lines = 2 if any(t.years for t in ticks) else 1  # month labels, and the year row under them

    fig = plt.figure(figsize=(width_in, 4.0))
    present_types = list(dict.fromkeys(drawn["type"])) if len(drawn) else []
    legends = _legend_rows(fig, _legend_groups(labels, lanes, present_types), labels, width_in)
    renderer = fig.canvas.get_renderer()
    row_h = [legend.get_window_extent(renderer).height / fig.dpi for legend in legends]
    legend_h = sum(row_h) + LEGEND_SEP_IN * (len(row_h) - 1)
    note_lines = [line for note in _notes(table, filters, labels) for line in wrap(note, width_in - 2 * EDGE_IN)]

    title_h = 0.24 if title else 0.0
    top = EDGE_IN + title_h + LINE_IN + 0.06  # the "as of" label above the plot
    ticks_h = 0.07 + tick_lines * LINE_IN
    notes_h = len(note_lines) * LINE_IN + (0.06 if note_lines else 0.0)
    bottom = EDGE_IN + notes_h + legend_h + 0.1 + ticks_h
    height_in = top + layout.height + bottom
    fig.set_size_inches(width_in, height_in)
    y = bottom - ticks_h - 0.1
    for legend, h in zip(legends, row_h):
        legend.set_bbox_to_anchor((width_in / 2, y), transform=fig.dpi_scale_trans)
        y -= h + LEGEND_SEP_IN
    for k, line in enumerate(note_lines):
        y = EDGE_IN + notes_h - 0.06 - (k + 0.5) * LINE_IN + 0.03
        fig.text(width_in / 2, y, line, ha="center", va="center", fontsize=TEXT_PT, color=INK,
                 transform=fig.dpi_scale_trans)  # fmt: skip
    if title:
        fig.text(width_in / 2, height_in - EDGE_IN, title, ha="center", va="top", fontsize=TITLE_PT,
                 transform=fig.dpi_scale_trans)  # fmt: skip

    axes = []
    for k, (panel, tick) in enumerate(zip(panels, ticks)):
        ax = fig.add_axes(((left + panel.x0) / width_in, bottom / height_in, panel.width / width_in, layout.height / height_in))
        axes.append(ax)
        ax.set_xlim(panel.lo, panel.hi)
        ax.set_ylim(0, layout.height)
        for i, lane in enumerate(layout.lanes):
            if i % 2 == 0:
                ax.axhspan(lane.bottom, lane.top, color=SHADE, zorder=0, linewidth=0)
        ax.set_xticks(tick.major, list(tick.labels), fontsize=TEXT_PT)
        ax.set_xticks(tick.minor, minor=True)
        ax.tick_params(axis="x", which="major", length=TICK_LEN_PT, pad=TICK_PAD_PT, color=GREY)
        ax.tick_params(axis="x", which="minor", length=2, color=GREY)
        for x in tick.major:
            ax.axvline(x, color="#dddddd", linewidth=0.6, zorder=1)
        for x, year in zip(tick.years, tick.year_labels):  # the second row: the year under its first month
            ax.annotate(year, (x, 0), xycoords=("data", "axes fraction"), xytext=(0, -(TICK_OFFSET_PT + LINE_IN * 72)),
                        textcoords="offset points", ha="center", va="top", fontsize=TEXT_PT,
                        annotation_clip=False).set_gid("year")  # fmt: skip
        ax.spines["left"].set_visible(k == 0)
        if k == 0 and not headers:
            ax.set_yticks([lane.centre for lane in layout.lanes], [lane.name for lane in layout.lanes], fontsize=LANE_PT)
            ax.tick_params(axis="y", length=0, pad=3 + key * 72)
        else:
            ax.set_yticks([])
        if panel.lo <= num(today) <= panel.hi:
            ax.axvline(num(today), color=GREY, linestyle=":", linewidth=1.0, zorder=2, gid="as-of")
            _as_of_label(fig, left + panel.x(num(today)), bottom + layout.height, today, labels, width_in)
    shade_of = {lane.name: SHADE if i % 2 == 0 else "white" for i, lane in enumerate(layout.lanes)}
    for mark in layout.marks:
        _draw_mark(axes[mark.panel], mark, panels[mark.panel], shade_of[mark.lane])
    for lane in layout.lanes:
        _lane_name(fig, lane, key, left, bottom, headers)
    for panel in panels[:-1]:  # the break marks: // on the bottom line between two panels
        x = left + panel.x0 + panel.width + GAP_IN / 2
        for dx in (-0.03, 0.03):
            fig.add_artist(Line2D([x + dx - 0.025, x + dx + 0.025], [bottom - 0.05, bottom + 0.05], color=INK,
                                  linewidth=0.9, transform=fig.dpi_scale_trans, gid="break"))  # fmt: skip
    return fig


def _lane_name(fig: Figure, lane: Lane, key: float, left: float, bottom: float, headers: bool) -> None:
    """The colour square of a type lane (its key), and the lane's name when it goes on the lane's top row."""
    if headers:  # at the left end of the lane's top row (where the quiet early years usually are)
        y = bottom + lane.first_row
        x_key, x_text = left + 0.03 + key / 2, left + 0.05 + key
        fig.text(x_text, y, lane.name, ha="left", va="center", fontsize=LANE_PT, color=INK,
                 transform=fig.dpi_scale_trans)  # fmt: skip
    else:
        x_key, y = left - key / 2 - 0.02, bottom + lane.centre
    if key:
        fig.add_artist(Line2D([x_key], [y], marker="s", markersize=5, linestyle="none",
                              color=COLOURS.get(lane.types[0], GREY), transform=fig.dpi_scale_trans, gid="lane-key"))


def _as_of_label(fig: Figure, x: float, y: float, today: dt.date, labels: str, width_in: float) -> None:
    """"as of <date>" above the reference line, kept inside the figure."""
    text = word("as_of", labels, date=ltr(today.isoformat(), labels))
    half = text_width(text) / 2
    ha = "center"
    if x + half > width_in - EDGE_IN:
        ha = "right"
    elif x - half < EDGE_IN:
        ha = "left"
    fig.text(x, y + 0.05, text, ha=ha, va="bottom", fontsize=TEXT_PT, color=GREY, transform=fig.dpi_scale_trans)
