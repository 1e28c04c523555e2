"""The interactive timeline: one self-contained HTML file, byte-stable, with each source's sentence in the hover."""

from __future__ import annotations

import json
import re

import pytest

from analysis.report import make_all_figures, save_timeline_html, withdrawal_timeline_interactive
from analysis.study import Study
from analysis.timeline import timeline_table
from analysis.timeline.interactive import DIV_ID, HOVER_SOURCES, timeline_figure, timeline_html


@pytest.fixture(scope="module")
def study(tmp_path_factory):
    from pathlib import Path

    seed = Path(__file__).parent / "fixtures" / "seed_000.txt"
    return Study.load([seed], cache_dir=tmp_path_factory.mktemp("cache"), progress=False)


def _hovers(fig) -> dict[str, str]:
    return {trace.name: trace.hovertext[0] for trace in fig.data if trace.hovertext}


def test_hover_shows_date_status_place_and_each_sources_sentence(study):
    fig = timeline_figure(study.entries, corpus=study.corpus, events=study.events, labels="en")
    table = timeline_table(study.entries, labels="en")
    drawn = table[table["kind"] != "vague"]
    hovers = _hovers(fig)
    assert set(hovers) == {str(n) for n in drawn["n"]}  # one hover per drawn mark, named by its number
    content = study.corpus["content"].iloc[0]
    url, outlet = study.corpus["url"].iloc[0], study.corpus["source"].iloc[0]
    for row in drawn.to_dict("records"):
        hover = hovers[str(row["n"])]
        assert hover.startswith(f"<b>{row['n']}. {row['what']}</b>")
        assert "date: " in hover and "status: " in hover and "status history: " in hover
        assert f"place: {row['label']}" in hover
        assert url in hover and outlet in hover and "2025-12-31" in hover
        flat = re.sub(r"<br>", " ", hover)
        for cite in row["sources"].split("; ")[:HOVER_SOURCES]:
            start, end = map(int, cite.rpartition(":")[2].split("-"))
            sentence = " ".join(content[start:end].split())  # the sentence cut from the file by its offsets
            assert f"{cite}</i>" in hover
            assert " ".join(sentence[:60].split()) in flat


def test_html_is_self_contained_and_byte_stable(study, tmp_path):
    view = withdrawal_timeline_interactive(study, labels="ar")
    first = save_timeline_html(view, tmp_path / "a")
    second = save_timeline_html(withdrawal_timeline_interactive(study, labels="ar"), tmp_path / "b")
    html = first.read_text(encoding="utf-8")
    assert first.read_bytes() == second.read_bytes()
    assert f'id="{DIV_ID}"' in html
    assert len(html) > 1_000_000  # plotly.js is in the file
    assert not re.search(r"<script[^>]+src=", html)  # no script to fetch (the browser test runs it offline)


def test_html_layout_has_a_range_selector_and_one_language(study):
    for labels, foreign in (("en", re.compile(r"[\u0600-\u06ff]")), ("ar", re.compile(r"[A-Za-z]"))):
        fig = timeline_figure(study.entries, corpus=study.corpus, events=study.events, labels=labels)
        layout = fig.layout
        assert layout.xaxis.rangeslider.visible and len(layout.xaxis.rangeselector.buttons) >= 2
        words = [layout.title.text, *[b.label for b in layout.xaxis.rangeselector.buttons], *layout.yaxis.ticktext,
                 *[t.name for t in fig.data if not t.hovertext], *[a.text for a in layout.annotations]]  # fmt: skip
        assert not [w for w in words if foreign.search(w)], words


def test_notebook_view_is_the_plotly_json_only(study):
    view = withdrawal_timeline_interactive(study, labels="en")
    bundle = view._repr_mimebundle_()
    assert set(bundle) == {"application/vnd.plotly.v1+json", "text/plain"}
    data = bundle["application/vnd.plotly.v1+json"]
    text = json.dumps(data, sort_keys=True, default=str)
    assert "<script" not in text
    again = json.dumps(withdrawal_timeline_interactive(study, labels="en")._repr_mimebundle_()[
        "application/vnd.plotly.v1+json"], sort_keys=True, default=str)
    assert text == again


def test_make_all_figures_writes_the_html(study, tmp_path):
    written = make_all_figures(study, directory=tmp_path, quiet=True, labels="en")
    assert tmp_path / "withdrawal_timeline.html" in written
    html = (tmp_path / "withdrawal_timeline.html").read_text(encoding="utf-8")
    assert html == timeline_html(withdrawal_timeline_interactive(study, labels="en").figure)
