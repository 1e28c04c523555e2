"""Figures and HTML views of entities (called by notebook 03 and ``analysis figures``)."""

from __future__ import annotations

import html

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis.entities.frame import top_entities
from analysis.figures import STYLE, apply_style, text_width
from analysis.wording import check_language, entity_name, word

TYPE_COLORS = {"ORG": "#4C72B0", "LOC": "#55A868", "PERS": "#C44E52", "MISC": "#8172B2"}


def top_entities_figure(mentions: pd.DataFrame, n: int = 8, labels: str = "ar") -> tuple[Figure, pd.DataFrame]:
    """One horizontal bar panel per entity type: the ``n`` most mentioned entities; titles and axes in ``labels``."""
    check_language(labels)
    apply_style()
    data = top_entities(mentions, n=n)
    types = [t for t in ("ORG", "LOC", "PERS", "MISC") if (data["type"] == t).any()] or ["ORG"]
    rows = max(1, min(n, int(data.groupby("type").size().max()) if len(data) else 1))
    names = {t: [entity_name(e, t, labels) for e in data[data["type"] == t]["entity"]] for t in types}
    # each panel as wide as its longest name plus room for the bars
    widths = [max([text_width(name, STYLE["font.size"]) for name in names[t]] or [0.5]) + 1.4 for t in types]
    fig, axes = plt.subplots(1, len(types), figsize=(sum(widths) + 0.3, 0.28 * rows + 1.0), squeeze=False,
                             width_ratios=widths)  # fmt: skip
    for ax, etype in zip(axes[0], types):
        part = data[data["type"] == etype]
        ys = [rows - 1 - k for k in range(len(part))]  # same bar height in every panel
        ax.barh(ys, list(part["mentions"]), color=TYPE_COLORS[etype], height=0.7)
        ax.set_yticks(ys, names[etype])
        ax.set_ylim(-0.6, rows - 0.4)
        ax.set_title(word(f"entity_{etype}", labels))
        ax.set_xlabel(word("mentions", labels))
        ax.xaxis.get_major_locator().set_params(integer=True)
        if part.empty:
            ax.text(0.5, 0.5, "—", ha="center", va="center", transform=ax.transAxes)
    fig.tight_layout()
    return fig, data.reset_index(drop=True)


def entities_html(text: str, entities, start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` as right-to-left HTML with each entity highlighted and typed."""
    end = len(text) if end is None else end
    parts, pos = [], start
    for e in sorted(entities, key=lambda e: e.start):
        if e.start < pos or e.end > end:
            continue
        parts.append(html.escape(text[pos:e.start]))
        color = TYPE_COLORS.get(e.type, "#999999")
        parts.append(
            f'<mark style="background:{color}33;border-bottom:2px solid {color}" title="{html.escape(e.canonical)}">'
            f"{html.escape(text[e.start:e.end])}<sub>{e.type}</sub></mark>"
        )
        pos = e.end
    parts.append(html.escape(text[pos:end]))
    body = "".join(parts).strip().replace("\n\n", "</p><p>").replace("\n", "<br>")
    return f'<div dir="rtl" lang="ar" style="line-height:1.9"><p>{body}</p></div>'
