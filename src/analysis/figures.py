"""Save figures reproducibly: PNG + SVG (+ the CSV behind them) under ``figures/``.

Regenerating a figure from the same inputs gives byte-identical files: PNG and SVG carry no
date or software version, the SVG ids use a fixed salt, text is drawn as paths. Files are
written to a temporary file in the same folder and renamed, so an interrupted run never
leaves a half-written figure. Arabic is passed as plain strings: matplotlib >= 3.11 shapes
it and lays it out right to left itself.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import matplotlib

if "ipykernel" not in sys.modules:  # in Jupyter keep the inline backend, so figures show in the notebook
    matplotlib.use("Agg")  # the CLI and tests need no display

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.backends.backend_agg import RendererAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.font_manager import FontProperties  # noqa: E402

from analysis.io import atomic_write  # noqa: E402
from analysis.paths import figures_dir  # noqa: E402

FORMATS = ("png", "svg")
DPI = 200

STYLE = {
    "font.family": ["DejaVu Sans"],  # ships with matplotlib, has Arabic glyphs: same output everywhere
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "savefig.dpi": DPI,
    "svg.hashsalt": "arnews-analysis",
    "svg.fonttype": "path",
    "path.simplify": True,
}


@lru_cache(maxsize=1)
def _measurer() -> RendererAgg:
    return RendererAgg(10, 10, 720)


@lru_cache(maxsize=8192)
def text_width(text: str, size: float) -> float:
    """Printed width in inches of ``text`` (its widest line) in the figures' font at ``size`` points.

    Measured by the renderer that draws the figures (Arabic shaped), so a layout can be planned in
    inches before anything is drawn.
    """
    prop = FontProperties(family=STYLE["font.family"], size=size)
    lines = text.split("\n")
    return max(_measurer().get_text_width_height_descent(line, prop, ismath=False)[0] for line in lines) / 720


def apply_style() -> None:
    """Set the package's matplotlib style (fonts, sizes, reproducible SVG ids)."""
    plt.rcParams.update(STYLE)


def save(
    fig: Figure,
    name: str,
    data: pd.DataFrame | None = None,
    directory: str | Path | None = None,
    tight: bool = True,
) -> dict[str, Path]:
    """Write ``NAME.png`` and ``NAME.svg`` (and ``NAME.csv`` from ``data``) atomically.

    Returns the written paths by format. ``data`` is the table the figure was drawn from,
    saved beside it so every figure can be checked and redrawn. ``directory`` defaults to
    ``analysis.paths.figures_dir()`` ($ANALYSIS_FIGURES_DIR, else ``figures/`` at the repo root).
    ``tight=False`` keeps the figure's own size (a figure laid out for a print width, like the
    timeline); by default the margins are cropped to what is drawn.
    """
    out_dir = figures_dir(directory)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for fmt in FORMATS:
        path = out_dir / f"{name}.{fmt}"
        metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
        with atomic_write(path, "wb") as handle:
            fig.savefig(handle, format=fmt, dpi=DPI, metadata=metadata, bbox_inches="tight" if tight else None)
        written[fmt] = path
    if data is not None:
        path = out_dir / f"{name}.csv"
        with atomic_write(path, "w", encoding="utf-8", newline="") as handle:
            data.to_csv(handle, index=False, lineterminator="\n")
        written["csv"] = path
    return written
