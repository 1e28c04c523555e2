"""Figures are byte-identical when regenerated, written atomically, and keep their data."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import xml.etree.ElementTree as ET

import matplotlib.pyplot as plt
import pandas as pd

from analysis import figures
from analysis.report import make_all_figures
from analysis.study import Study


def _digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _arabic_bar_figure():
    figures.apply_style()
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.barh(["الجيش العراقي", "عين الأسد"], [2, 1])
    ax.set_title("عنوان عربي")
    return fig


def test_save_writes_png_svg_csv(tmp_path):
    data = pd.DataFrame({"label": ["الجيش العراقي", "عين الأسد"], "n": [2, 1]})
    written = figures.save(_arabic_bar_figure(), "demo", data=data, directory=tmp_path)
    assert set(written) == {"png", "svg", "csv"}
    assert written["png"].read_bytes().startswith(b"\x89PNG")
    ET.parse(written["svg"])  # well-formed XML
    assert pd.read_csv(written["csv"]).equals(data)
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*"))


def test_png_and_svg_carry_no_date_or_version(tmp_path):
    written = figures.save(_arabic_bar_figure(), "demo", directory=tmp_path)
    svg = written["svg"].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    assert b"Software" not in written["png"].read_bytes()


def test_regenerating_in_separate_processes_is_byte_identical(tmp_path, seed_path):
    """Two fresh processes make every figure from the same corpus: same bytes."""
    code = ("import sys; from analysis.report import make_all_figures; from analysis.study import Study; "
            "make_all_figures(Study.load([sys.argv[1]]), directory=sys.argv[2], quiet=True)")
    for run in ("a", "b"):
        subprocess.run([sys.executable, "-c", code, str(seed_path), str(tmp_path / run)], check=True)
    first, second = _digest(tmp_path / "a"), _digest(tmp_path / "b")
    assert first == second
    assert {"corpus_overview.png", "corpus_overview.svg", "corpus_overview.csv", "top_words.png"} <= set(first)


def test_make_all_figures_in_process_twice(tmp_path, seed_path):
    make_all_figures(Study.load([seed_path]), directory=tmp_path / "x", quiet=True)
    first = _digest(tmp_path / "x")
    make_all_figures(Study.load([seed_path]), directory=tmp_path / "x", quiet=True)
    assert _digest(tmp_path / "x") == first
