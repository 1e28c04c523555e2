"""Figures are byte-identical when regenerated, written atomically, and keep their data."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.text import Text

from analysis import figures
from analysis.cli import main
from analysis.report import FIGURES, make_all_figures
from analysis.resources import numbered_rows
from analysis.study import Study
from analysis.wording import english_place, place_name, word, words


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
    assert {"corpus_overview.png", "corpus_overview.svg", "corpus_overview.csv", "top_words.png",
            "withdrawal_timeline.html"} <= set(first)  # fmt: skip


def test_make_all_figures_in_process_twice(tmp_path, seed_path):
    make_all_figures(Study.load([seed_path]), directory=tmp_path / "x", quiet=True)
    first = _digest(tmp_path / "x")
    make_all_figures(Study.load([seed_path]), directory=tmp_path / "x", quiet=True)
    assert _digest(tmp_path / "x") == first


# ---------------------------------------------------------------------------------------------
# One language per figure, every text legible at print size, the CLI's output


ARABIC = re.compile(r"[\u0600-\u06ff]")
LATIN = re.compile(r"[A-Za-z]")


@pytest.fixture(scope="module")
def seed_study(tmp_path_factory):
    return Study.load([Path(__file__).parent / "fixtures" / "seed_000.txt"], progress=False,
                      cache_dir=tmp_path_factory.mktemp("cache"))  # fmt: skip


def _words(fig) -> list[str]:
    """Titles, axis labels and legend texts: the figure's own words (tick labels may be data)."""
    out = []
    for ax in fig.axes:
        out += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
    out += [t.get_text() for lg in fig.legends for t in lg.get_texts()]
    return [w for w in out if w.strip()]


@pytest.mark.parametrize("name", list(FIGURES))
def test_every_figure_speaks_one_language(seed_study, name):
    for labels, foreign in (("en", ARABIC), ("ar", LATIN)):
        fig, _ = FIGURES[name](seed_study, labels=labels)
        try:
            words = _words(fig)
            if name == "withdrawal_timeline":  # every text of the timeline is its own
                words = [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
            assert words, name
            assert not [w for w in words if foreign.search(w)], (name, labels, words)
        finally:
            plt.close(fig)


def test_english_place_names_in_the_entities_figure(seed_study):
    fig, _ = FIGURES["entities_top"](seed_study, labels="en")
    try:
        places = next(ax for ax in fig.axes if ax.get_title() == word("entity_LOC", "en"))
        names = [t.get_text() for t in places.get_yticklabels()]
        assert "Ain al-Asad" in names and not [n for n in names if ARABIC.search(n)]
    finally:
        plt.close(fig)


@pytest.mark.parametrize("name", list(FIGURES))
def test_no_text_under_7_points(seed_study, name):
    fig, _ = FIGURES[name](seed_study, labels="en")
    try:
        small = [(t.get_text(), t.get_fontsize()) for t in fig.findobj(Text)
                 if t.get_visible() and t.get_text().strip() and t.get_fontsize() < 7]  # fmt: skip
        assert not small, small
    finally:
        plt.close(fig)


def test_figure_words_and_place_names_are_complete():
    table = words()
    assert set(table["ar"]) == set(table["en"])
    event_places = [row.fields[0] for row in numbered_rows("event_places.tsv")]
    missing = [p for p in event_places if english_place(p) is None]
    assert not missing, f"places of event_places.tsv without an English name in places_en.tsv: {missing}"
    assert english_place("العراق") == "Iraq" and english_place("عين الاسد") == "Ain al-Asad"
    assert english_place("نيويورك") == "New York"  # a CLDR city
    assert place_name("مكان مجهول", "ar") == "مكان مجهول"
    with pytest.warns(UserWarning, match="places_en.tsv"):
        assert place_name("مكان مجهول", "en") == "مكان مجهول"  # kept as written, and said so


@pytest.mark.parametrize("labels", ["en", "ar"])
def test_cli_figures_writes_png_svg_csv_and_html(tmp_path, seed_path, labels, capsys):
    out = tmp_path / labels
    code = main(["figures", "--corpus", str(seed_path), "--labels", labels, "--out", str(out), "--quiet"])
    assert code == 0
    names = {p.name for p in out.iterdir()}
    assert {f"withdrawal_timeline.{ext}" for ext in ("png", "svg", "csv", "html")} <= names
    csv = pd.read_csv(out / "withdrawal_timeline.csv", keep_default_na=False)
    assert list(csv.columns[:2]) == ["n", "id"] and list(csv["n"]) == list(range(1, len(csv) + 1))
    lanes = " ".join(csv["lane"])
    assert not (ARABIC if labels == "en" else LATIN).search(lanes)


def test_cli_run_takes_the_same_options(tmp_path, seed_path):
    out = tmp_path / "figs"
    # the seed plus an article with a statement (an ``announcement``, a type not drawn by default)
    statement = Path(__file__).parent / "fixtures" / "events_challenge" / "111_baghdadtoday_victoria_no_withdrawal_2024.txt"
    code = main(["run", "--corpus", str(seed_path), str(statement), "--out", str(out), "--labels", "en",
                 "--types", "all", "--workers", "1", "--quiet"])  # fmt: skip
    assert code == 0
    csv = pd.read_csv(out / "withdrawal_timeline.csv")
    assert "announcement" in set(csv["type"])  # --types all: also the types not drawn by default
    assert "base handover" in set(csv["lane"])  # --labels en
    assert (out / "withdrawal_timeline.html").is_file()
