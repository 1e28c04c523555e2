"""The withdrawal timeline: merged event entries drawn on a time axis with their uncertainty.

``timeline_table`` is the table behind the figure (one row per drawn entry); ``plot_timeline``
draws it (a day as a point, a month as a month-long bar, ``2026`` + START as the first third of
2026, an interval as its span; planned hollow and dashed, occurred filled and solid; marker size
and a ×n note for the number of sources; a dashed "today" line at the newest article's date).
``analysis.report`` makes the figure from a ``Study``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from analysis.events.types import COLOURS, DEFAULT_TYPES, LABELS, LANE_ORDER
from analysis.figures import apply_style
from analysis.timex.values import as_date

TEXT = {
    "ar": {"today": "اليوم", "occurred": "وقع", "planned": "مخطط", "ongoing": "جارٍ", "span": "شهر/فترة",
           "n": "×n عدد المصادر"},
    "en": {"today": "today", "occurred": "occurred", "planned": "planned", "ongoing": "ongoing", "span": "month/period",
           "n": "×n sources"},
}
#: Named figure widths in inches: a paper's single column and its full text width.
WIDTHS = {"column": 3.5, "page": 7.0}

TABLE_COLUMNS = [
    "lane", "label", "type", "place", "date", "date_mod", "start", "end", "kind", "status",
    "n_sources", "summary", "sources", "id", "planned_dates", "status_counts",
]  # fmt: skip


def _kind(date: str | None, start: dt.date, end: dt.date) -> str:
    if date and date.endswith("_REF"):
        return "vague"
    return "point" if start == end else "span"


def timeline_table(
    entries_df: pd.DataFrame,
    types: Sequence[str] | None = DEFAULT_TYPES,
    lanes: Literal["type", "place"] = "type",
    labels: Literal["ar", "en"] = "ar",
) -> pd.DataFrame:
    """The rows the figure draws: dated entries of ``types`` (all types when None), by lane and date.

    ``kind`` is ``point`` (a day), ``span`` (a month, a modified year, an interval) or ``vague``
    (a ``FUTURE_REF``/``PAST_REF`` span around the article date); ``sources`` cites each report
    as ``file:sentence_start-sentence_end``; ``id``, ``planned_dates`` and ``status_counts`` come
    from the merge (``analysis.events.merge_events``).
    """
    if labels not in LABELS:
        raise ValueError(f"labels must be 'ar' or 'en', not {labels!r}")
    if lanes not in ("type", "place"):
        raise ValueError(f"lanes must be 'type' or 'place', not {lanes!r}")
    rows = []
    for entry in entries_df.to_dict("records"):
        start, end = as_date(entry.get("start")), as_date(entry.get("end"))
        if start is None or end is None:
            continue
        if types is not None and entry["type"] not in types:
            continue
        type_label = LABELS[labels].get(entry["type"], entry["type"])
        place = entry.get("place") if isinstance(entry.get("place"), str) else None
        lane = type_label if lanes == "type" else (place or ("—" if labels == "ar" else "unknown place"))
        label = (place or "") if lanes == "type" else type_label
        sources = entry.get("sources") or []
        rows.append(
            {
                "lane": lane,
                "label": label,
                "type": entry["type"],
                "place": place,
                "date": entry.get("date"),
                "date_mod": entry.get("date_mod") if isinstance(entry.get("date_mod"), str) else None,
                "start": start,
                "end": end,
                "kind": _kind(entry.get("date"), start, end),
                "status": entry.get("status"),
                "n_sources": int(entry.get("n_sources") or len(sources) or 1),
                "summary": entry.get("summary"),
                "sources": "; ".join(f"{s['file']}:{s['sentence_start']}-{s['sentence_end']}" for s in sources),
                "id": entry.get("id"),
                "planned_dates": "; ".join(entry.get("planned_dates") or []),
                "status_counts": entry.get("status_counts"),
            }
        )
    table = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    if len(table):
        order = {LABELS[labels].get(t, t): i for i, t in enumerate(LANE_ORDER)}
        table["_lane"] = table["lane"].map(lambda lane: order.get(lane, len(order))) if lanes == "type" else 0
        table = table.sort_values(["_lane", "lane", "start", "end", "label"], kind="stable").drop(columns="_lane")
        table = table.reset_index(drop=True)
    return table


# ---------------------------------------------------------------------------------------------
# Drawing


def _num(day: dt.date) -> float:
    return float(mdates.date2num(day))


def _split_point(table: pd.DataFrame, today: dt.date) -> dt.date | None:
    """Where to break the axis when history spans many years: at the widest gap before the recent cluster.

    Returns the first day of the recent panel (the month of the first entry after the gap), or None
    when everything fits on one axis (less than six years).
    """
    first = min(table["start"])
    last = max(max(table["end"]), today)
    if (last - first).days < 6 * 365:
        return None
    recent = today - dt.timedelta(days=int(3.5 * 365))
    starts = sorted(set(table["start"]))
    best, best_gap = None, dt.timedelta(0)
    for before, after in zip(starts, starts[1:]):
        older_end = max(e for s_, e in zip(table["start"], table["end"]) if s_ <= before)
        gap = after - max(before, older_end)
        if after >= recent and gap > best_gap and after - first > dt.timedelta(days=365):
            best, best_gap = after, gap
    if best is None or best_gap < dt.timedelta(days=120):
        return None
    return dt.date(best.year, best.month, 1)


def figure_width(width: float | str) -> float:
    """Inches for ``width``: a number, or ``"column"`` (3.5 in) / ``"page"`` (7 in)."""
    if isinstance(width, str):
        if width not in WIDTHS:
            raise ValueError(f"width must be a number of inches or one of {sorted(WIDTHS)}, not {width!r}")
        return WIDTHS[width]
    if not width or width <= 0:
        raise ValueError(f"width must be positive, not {width!r}")
    return float(width)


def _lane_order(table: pd.DataFrame) -> list[str]:
    seen: list[str] = []
    for lane in table["lane"]:
        if lane not in seen:
            seen.append(lane)
    return seen


def plot_timeline(
    entries_df: pd.DataFrame,
    today: dt.date | None = None,
    labels: Literal["ar", "en"] = "ar",
    lanes: Literal["type", "place"] = "type",
    types: Sequence[str] | None = DEFAULT_TYPES,
    width: float | str = "column",
    title: str | None = None,
):
    """Draw the timeline of merged entries (``merge_events``); returns a matplotlib ``Figure``.

    ``today`` defaults to the newest article date among the entries (``dct_max``). ``labels``
    chooses Arabic or English lane/legend text; ``lanes`` groups rows by event type or by place.
    Long histories get a broken axis: the old years in a narrow left panel. ``width`` is in inches
    or ``"column"`` (3.5 in, one column of a paper) / ``"page"`` (7 in); the text keeps its size.
    """
    apply_style()
    width = figure_width(width)
    table = timeline_table(entries_df, types=types, lanes=lanes, labels=labels)
    if today is None:
        dcts = [as_date(d) for d in entries_df.get("dct_max", pd.Series(dtype=object))]
        dcts = [d for d in dcts if d is not None]
        today = max(dcts) if dcts else dt.date.today()
    words = TEXT[labels]
    lane_names = _lane_order(table) if len(table) else []
    n_lanes = max(len(lane_names), 1)
    fig_h = 1.3 + 0.5 * n_lanes
    cut = _split_point(table, today) if len(table) else None
    if cut is not None:
        fig, (ax_old, ax_new) = plt.subplots(
            1, 2, figsize=(width, fig_h), sharey=True, gridspec_kw={"width_ratios": [1, 3], "wspace": 0.05}
        )
        axes = [ax_old, ax_new]
    else:
        fig, ax_new = plt.subplots(figsize=(width, fig_h))
        ax_old, axes = None, [ax_new]
    y_of = {lane: n_lanes - 1 - i for i, lane in enumerate(lane_names)}

    def draw(ax, row, y) -> float:
        color = COLOURS.get(row["type"], "#444444")
        planned, ongoing = row["status"] == "planned", row["status"] == "ongoing"
        size = 4.0 + 1.8 * min(row["n_sources"], 5)
        s, e = _num(row["start"]), _num(row["end"] + dt.timedelta(days=1))
        if row["kind"] == "point" or (e - s) < 12:
            mid = (s + e) / 2
            ax.plot(
                [mid], [y], marker="o", markersize=size, linestyle="none", color=color,
                fillstyle="left" if ongoing else "full", markerfacecoloralt="white",
                markerfacecolor="white" if planned else color, markeredgecolor=color, markeredgewidth=1.3,
                zorder=3, gid=f"{row['status']}-point",
            )  # fmt: skip
            return mid
        bar_h = 0.14 + 0.05 * min(row["n_sources"], 5)
        ax.add_patch(
            Rectangle(
                (s, y - bar_h / 2), e - s, bar_h,
                facecolor="white" if planned else color, edgecolor=color,
                linestyle="--" if planned else "-", linewidth=1.2,
                hatch="////" if row["kind"] == "vague" or ongoing else None, zorder=3, gid=f"{row['status']}-span",
            )
        )  # fmt: skip
        return (s + e) / 2

    notes = []
    for row in table.to_dict("records"):
        y = y_of[row["lane"]]
        ax = ax_new if (cut is None or row["end"] >= cut) else ax_old
        x = draw(ax, row, y)
        if cut is not None and row["start"] < cut <= row["end"]:
            draw(ax_old, row, y)  # a span across the break shows in both panels
        note = row["label"] or ""
        if row["n_sources"] > 1:
            note = f"{note} ×{row['n_sources']}".strip()
        if note:
            notes.append((ax, x, y, note))

    # limits, ticks, the today line
    last = max([today] + list(table["end"])) if len(table) else today
    first = min(table["start"]) if len(table) else today - dt.timedelta(days=365)
    margin = dt.timedelta(days=45)
    if cut is not None:
        old_end = max(e for e in table["end"] if e < cut) if (table["end"] < cut).any() else cut
        ax_old.set_xlim(_num(first - 4 * margin), _num(min(old_end + 4 * margin, cut)))
        ax_new.set_xlim(_num(cut - margin), _num(last + 2 * margin))
        ax_new.spines["left"].set_visible(False)
        ax_new.tick_params(axis="y", length=0)
        for ax, side in ((ax_old, 1), (ax_new, 0)):
            ax.plot([side], [0], transform=ax.transAxes, marker=[(-1, -2), (1, 2)], markersize=7,
                    linestyle="none", color="k", mec="k", mew=1, clip_on=False)  # fmt: skip
    else:
        ax_new.set_xlim(_num(first - margin), _num(last + 2 * margin))
    for ax in axes:
        ax.set_ylim(-0.8, n_lanes - 0.2)
        ax.grid(axis="x", color="#e8e8e8", linewidth=0.6, zorder=0)
        ax.tick_params(axis="x", labelsize=7)
    ax_new.axvline(_num(today), color="#555555", linestyle=":", linewidth=1.0, zorder=1)
    ax_new.annotate(
        f"{words['today']}\n{today.isoformat()}", (_num(today), 1.0), xycoords=("data", "axes fraction"),
        xytext=(0, 2), textcoords="offset points", ha="center", va="bottom", fontsize=6.5, color="#555555",
        annotation_clip=False,
    )  # fmt: skip
    first_ax = axes[0]
    first_ax.set_yticks(range(n_lanes))
    first_ax.set_yticklabels(list(reversed(lane_names)) if lane_names else [""] * n_lanes, fontsize=8)

    handles = [
        Line2D([], [], marker="o", linestyle="none", markerfacecolor="#555555", markeredgecolor="#555555", label=words["occurred"]),
        Line2D([], [], marker="o", linestyle="none", markerfacecolor="white", markeredgecolor="#555555", label=words["planned"]),
        Line2D([], [], marker="o", linestyle="none", color="#555555", fillstyle="left", markerfacecoloralt="white", label=words["ongoing"]),
        Patch(facecolor="white", edgecolor="#555555", linestyle="--", label=words["span"]),
        Line2D([], [], linestyle="none", label=words["n"]),
    ]
    fig.legend(handles=handles, loc="lower center", ncol=5, fontsize=6.5, frameon=False, bbox_to_anchor=(0.5, 0.0),
               handletextpad=0.4, columnspacing=1.2)  # fmt: skip
    if title:
        fig.suptitle(title, fontsize=9)
    fig.subplots_adjust(bottom=0.62 / fig_h, top=1 - 0.35 / fig_h, left=0.13, right=0.98)
    for ax in axes:
        _set_date_ticks(ax, fig)
    _place_notes(fig, notes)
    return fig


#: Room a tick label needs on the page (inches): ``2026-07`` and ``2026`` at 7 pt, with a gap.
TICK_ROOM = {"month": 0.62, "year": 0.42}


def _set_date_ticks(ax, fig) -> None:
    """As many date ticks as the panel's printed width holds without labels touching.

    Tries months (every 1, 2, 3, 6) labelled ``YYYY-MM``, then years (every 1, 2, 3, 5, 10)
    labelled ``YYYY``, and keeps the densest that fits in the panel's width in inches.
    """
    lo, hi = (mdates.num2date(v).date() for v in ax.get_xlim())
    inches = ax.get_position().width * fig.get_figwidth()
    months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    for step in (1, 2, 3, 6):
        if months / step <= min(inches / TICK_ROOM["month"], 8):
            ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=list(range(1, 13, step))))
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
            return
    years = max((hi - lo).days / 365.25, 1)
    for step in (1, 2, 3, 5, 10, 20):
        if years / step <= max(inches / TICK_ROOM["year"], 2):
            ax.xaxis.set_major_locator(mdates.YearLocator(step))
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
            return


def _overlap_area(a, b) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return w * h if w > 0 and h > 0 else 0.0


#: Clear space kept around each label (display pixels at the figure's 100 dpi).
LABEL_PAD = 2.5


def _place_notes(fig, notes: list) -> None:
    """Write each label beside its mark, trying positions until it overlaps no other label or mark.

    A label with no free position is left out (the mark stays; the table behind the figure has it).
    """
    renderer = fig.canvas.get_renderer()
    taken = []
    for ax in fig.axes:
        for artist in list(ax.lines) + list(ax.patches):
            box = artist.get_window_extent(renderer)
            if box.width < fig.bbox.width * 0.5:  # marks, not the today line
                taken.append(box.expanded(1.05, 1.1))
    offsets = [
        (0, 7), (0, -8), (12, 4), (-12, 4), (12, -5), (-12, -5), (0, 16), (0, -17),
    ]  # fmt: skip (further away, past half a lane, a label would point at the wrong mark)
    for ax, x, y, note in sorted(notes, key=lambda n: (id(n[0]), -n[2], n[1])):
        inside = ax.get_window_extent(renderer)
        best = None
        for dx, dy in offsets:
            ann = ax.annotate(
                note, (x, y), xytext=(dx, dy), textcoords="offset points",
                ha="center" if dx == 0 else ("left" if dx > 0 else "right"),
                va="center" if dx and abs(dy) < 6 else ("bottom" if dy > 0 else "top"),
                fontsize=6.5, color="#222222", zorder=4, annotation_clip=False,
            )  # fmt: skip
            box = ann.get_window_extent(renderer).padded(LABEL_PAD)  # Arabic glyphs reach past their box
            clash = sum(_overlap_area(box, t) for t in taken)
            if not (inside.x0 - 2 <= box.x0 and box.x1 <= inside.x1 + 2):
                clash += box.width * box.height  # sticking out of the panel is as bad as a clash
            if best is None or clash < best[0]:
                if best is not None:
                    best[1].remove()
                best = (clash, ann, box)
            else:
                ann.remove()
            if clash == 0:
                break
        if best[0] > 0:
            best[1].remove()  # no clean spot: leave the mark unlabelled rather than print over another
            continue
        taken.append(best[2])
