"""The timeline to explore: the same numbered entries as an interactive Plotly chart, one HTML file.

Plotly because its JavaScript can be written into the file (``include_plotlyjs=True``): the file
opens offline in any browser, and JupyterLab shows the same figure inline (its Plotly renderer
ships with the ``plotly`` package). Hovering a mark shows its number, date, status history,
place and each source's outlet, date, URL and sentence (cut from the article file by the
source's offsets). A range slider and buttons zoom the time axis. The file is byte-stable for
the same inputs: a fixed div id, no timestamp.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from analysis.events.types import COLOURS
from analysis.timeline.axis import Panel, num
from analysis.timeline.draw import lane_names_of, reference_date
from analysis.timeline.filters import EntryFilter
from analysis.timeline.layout import ROW_IN, lay_out
from analysis.timeline.table import date_text, numbered_entries
from analysis.timex.values import as_date
from analysis.wording import check_language, join_list, ltr, place_name, status_word, word

DIV_ID = "withdrawal-timeline"
#: How many sources a hover lists (the CSV has them all), and the sentence width in characters.
HOVER_SOURCES = 4
SENTENCE_CHARS = 240
WRAP_CHARS = 80
GREY = "#555555"
#: Plotly marker symbols and bar fills per status (Plotly has no half-filled marker: ongoing is dotted / hatched).
SYMBOLS = {"occurred": "circle", "planned": "circle-open", "ongoing": "circle-open-dot"}
PATTERNS = {"occurred": "", "planned": "", "ongoing": "/"}
DAY_MS = 86_400_000
#: The width (inches) the lanes are packed for: wide, since the chart zooms.
PACK_WIDTH_IN = 14.0


def _esc(text: str) -> str:
    """``&``, ``<`` and ``>`` escaped: Plotly's hover labels read a little HTML and show other entities as written."""
    return html.escape(text, quote=False)


def _wrap(text: str) -> str:
    """A sentence cut to ``SENTENCE_CHARS``, escaped, broken into ``<br>``-separated lines."""
    text = " ".join(text.split())
    if len(text) > SENTENCE_CHARS:
        text = text[: SENTENCE_CHARS - 1].rstrip() + "…"
    return "<br>".join(_esc(line) for line in textwrap.wrap(text, WRAP_CHARS))


def _articles(corpus: pd.DataFrame | None) -> dict[str, Mapping[str, Any]]:
    """Article id → its corpus row (url, source, content …)."""
    if corpus is None or not len(corpus):
        return {}
    return {row["id"]: row for row in corpus.to_dict("records")}


def _statuses(events: pd.DataFrame | None) -> dict[tuple[str, int], str]:
    """(article id, trigger offset) → the status that report gave."""
    if events is None or not len(events):
        return {}
    return {(a, int(t)): s for a, t, s in zip(events["article_id"], events["trigger_start"], events["status"])}


def _history(sources: list[dict[str, Any]], statuses: Mapping[tuple[str, int], str], labels: str) -> str:
    """``planned (2025-12-31) → occurred (2026-01-18)``: each change of status, by report date."""
    steps: list[tuple[str, str]] = []
    for src in sorted(sources, key=lambda s: (s["dct"], s["file"])):
        status = statuses.get((src["article_id"], int(src["trigger_start"])))
        if status and (not steps or steps[-1][0] != status):
            steps.append((status, src["dct"]))
    return " → ".join(f"{status_word(st, labels)} ({ltr(day, labels)})" for st, day in steps)


def _hover(row: Mapping[str, Any], entry: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]],
           statuses: Mapping[tuple[str, int], str], labels: str) -> str:
    """The hover text of one mark: number, what, date, status history, place, then each source."""
    start, end = as_date(row["start"]), as_date(row["end"])
    assert start is not None and end is not None
    sources = list(entry.get("sources") or [])
    lines = [
        f"<b>{row['n']}. {_esc(str(row['what']))}</b>",
        f"{word('col_date', labels)}: {ltr(_esc(date_text(row['date'], row['date_mod'], start, end, labels)), labels)}",
        f"{word('col_status', labels)}: {_esc(status_word(row['status'], labels))}",
    ]
    history = _history(sources, statuses, labels)
    if history:
        lines.append(f"{word('html_history', labels)}: {_esc(history)}")
    lines.append(f"{word('col_place', labels)}: {_esc(place_name(row['place'] if isinstance(row['place'], str) else None, labels))}")
    lines.append(f"<b>{word('html_sources', labels)} ({len(sources)})</b>")
    for src in sorted(sources, key=lambda s: (s["dct"], s["file"]))[:HOVER_SOURCES]:
        article = articles.get(src["article_id"], {})
        content = article.get("content")
        sentence = content[src["sentence_start"]:src["sentence_end"]] if isinstance(content, str) else ""
        outlet = article.get("source") or src["file"]
        url = article.get("url") or ""
        lines.append(ltr(f"• {_esc(str(outlet))}, {src['dct']}, {_esc(str(url))}", labels))
        lines.append(ltr(f"<i>{_esc(src['file'])}:{src['sentence_start']}-{src['sentence_end']}</i>", labels))
        if sentence:
            lines.append(_wrap(sentence))
    if len(sources) > HOVER_SOURCES:
        lines.append(_esc(word("html_more", labels, n=len(sources) - HOVER_SOURCES)))
    return "<br>".join(lines)


def timeline_figure(
    entries_df: pd.DataFrame,
    corpus: pd.DataFrame | None = None,
    events: pd.DataFrame | None = None,
    labels: Literal["ar", "en"] = "ar",
    lanes: Literal["type", "place"] = "type",
    filters: EntryFilter | None = None,
    today: dt.date | None = None,
) -> go.Figure:
    """The interactive timeline as a Plotly figure: the rows and numbers of ``timeline_table``.

    ``corpus`` (``Study.corpus``) gives each source's outlet, URL and sentence; ``events``
    (``Study.events``) each report's status, for the status history. Both may be None.
    """
    check_language(labels)
    table, by_n = numbered_entries(entries_df, filters=filters, lanes=lanes, labels=labels)
    today = today or reference_date(entries_df)
    drawn = table[table["kind"] != "vague"] if len(table) else table
    names = lane_names_of(table, lanes) if len(table) else []
    articles, statuses = _articles(corpus), _statuses(events)
    fig = go.Figure()
    if len(drawn):
        lo = num(min(drawn["start"])) - 30
        hi = num(max(max(drawn["end"]), today)) + 60
        layout = lay_out(drawn, [Panel(lo, hi, 0.0, PACK_WIDTH_IN, lo, hi)], names)
        y_of = {m.n: m.y / ROW_IN for m in layout.marks}
        for row in drawn.to_dict("records"):
            _add_mark(fig, row, y_of[row["n"]], _hover(row, by_n[row["n"]], articles, statuses, labels))
        tick_y = [lane.centre / ROW_IN for lane in layout.lanes]
        bands = [(lane.bottom / ROW_IN, lane.top / ROW_IN) for lane in layout.lanes]
    else:
        tick_y, bands = [], []
    _add_legend(fig, labels)
    fig.add_vline(x=today.isoformat(), line_dash="dot", line_color=GREY, line_width=1)
    fig.add_annotation(x=today.isoformat(), y=1.0, yref="paper", yanchor="bottom", showarrow=False,
                       text=word("as_of", labels, date=ltr(today.isoformat(), labels)), font={"size": 11, "color": GREY})
    for k, (b, t) in enumerate(bands):
        if k % 2 == 0:
            fig.add_hrect(y0=b, y1=t, fillcolor="#f2f2f2", line_width=0, layer="below")
    notes = _notes(table, labels)
    bottom = 110  # pixels under the plot: ticks, range slider, legend
    height = 240 + 18 * len(notes) + 26 * max(1.0, sum(t - b for b, t in bands))
    fig.update_layout(
        title={"text": word("html_title", labels), "x": 0.5,
               "subtitle": {"text": "<br>".join(_esc(n) for n in notes)}},
        template="plotly_white", height=int(height), margin={"l": 140, "r": 40, "t": 90 + 18 * len(notes), "b": bottom},
        hovermode="closest", hoverlabel={"align": "right" if labels == "ar" else "left", "font": {"size": 12}},
        legend={"orientation": "h", "x": 0.5, "xanchor": "center", "y": 0.0, "yanchor": "bottom", "yref": "container"},
        xaxis={"type": "date", "rangeslider": {"visible": True}, "rangeselector": {"buttons": [
            {"count": 1, "label": word("html_year", labels), "step": "year", "stepmode": "backward"},
            {"count": 2, "label": word("html_two_years", labels), "step": "year", "stepmode": "backward"},
            {"step": "all", "label": word("html_all", labels)},
        ]}},
        yaxis={"tickvals": tick_y, "ticktext": names, "range": [0, max([t for _, t in bands] or [1])],
               "fixedrange": True, "showgrid": False, "zeroline": False},
        font={"family": "DejaVu Sans, Arial, sans-serif"},
    )  # fmt: skip
    return fig


def _add_mark(fig: go.Figure, row: Mapping[str, Any], y: float, hover: str) -> None:
    colour = COLOURS.get(row["type"], GREY)
    status = str(row["status"])
    common = {"y": [y], "hovertext": [hover], "hoverinfo": "text", "showlegend": False, "name": str(row["n"]),
              "hoverlabel": {"bgcolor": "white", "bordercolor": colour, "font": {"color": "#222222"}}}
    if row["kind"] == "point":
        middle = dt.datetime.combine(as_date(row["start"]), dt.time(12)).isoformat()  # type: ignore[arg-type]
        fig.add_trace(go.Scatter(
            x=[middle], mode="markers+text", text=[str(row["n"])], textposition="middle right",
            textfont={"size": 12},
            marker={"symbol": SYMBOLS.get(status, "circle"), "size": 11, "color": colour,
                    "line": {"color": colour, "width": 2}},
            **common))  # fmt: skip
        return
    start, end = as_date(row["start"]), as_date(row["end"])
    assert start is not None and end is not None
    days = (end - start).days + 1
    fig.add_trace(go.Bar(
        x=[days * DAY_MS], base=[start.isoformat()], orientation="h", width=0.5, text=[str(row["n"])],
        textposition="outside", cliponaxis=False, textfont={"size": 12}, constraintext="none",
        marker={"color": colour if status == "occurred" else "white", "line": {"color": colour, "width": 2},
                "pattern": {"shape": PATTERNS.get(status, ""), "fgcolor": colour}},
        **common))  # fmt: skip


def _add_legend(fig: go.Figure, labels: str) -> None:
    """Legend-only traces in grey: the status symbols and the shapes (point = day, bar = span)."""
    for status in ("occurred", "planned", "ongoing"):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=word(status, labels), hoverinfo="skip",
                                 marker={"symbol": SYMBOLS[status], "size": 11, "color": GREY,
                                         "line": {"color": GREY, "width": 2}}))  # fmt: skip
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=word("day", labels), hoverinfo="skip",
                             marker={"symbol": "circle", "size": 11, "color": GREY}))  # fmt: skip
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=word("span", labels), hoverinfo="skip",
                             line={"color": GREY, "width": 8}))  # fmt: skip


def _notes(table: pd.DataFrame, labels: str) -> list[str]:
    vague = [ltr(str(int(n)), labels) for n, k in zip(table["n"], table["kind"]) if k == "vague"] if len(table) else []
    return [word("vague_note", labels, list=join_list(vague, labels))] if vague else []


def timeline_html(fig: go.Figure) -> str:
    """The figure as one self-contained, byte-stable HTML page (Plotly's JavaScript inlined)."""
    return pio.to_html(fig, include_plotlyjs=True, full_html=True, div_id=DIV_ID, validate=True,
                       config={"displaylogo": False, "responsive": True})  # fmt: skip


class TimelineView:
    """The interactive timeline for a notebook: JupyterLab shows it inline (Plotly's renderer), offline.

    Only the figure's JSON goes into the notebook (no JavaScript, no random ids), so re-running
    the notebook gives the same output.
    """

    def __init__(self, fig: go.Figure):
        self.figure = fig

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        data = self.figure.to_plotly_json()
        n = sum(1 for trace in data["data"] if trace.get("hovertext"))
        return {
            "application/vnd.plotly.v1+json": {"data": data["data"], "layout": data["layout"],
                                               "config": {"displaylogo": False}},
            "text/plain": f"<interactive timeline: {n} marks>",
        }  # fmt: skip
