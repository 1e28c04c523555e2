"""The interactive timeline in a real browser, offline: hover a mark, read its source's sentence.

Writes ``withdrawal_timeline.html`` for the seed fixture, opens it as a file in Debian's headless
Chromium (``/usr/bin/chromium``, driven by Playwright; never a downloaded browser) with the network
off and every non-file request refused, moves the mouse onto the mark of entry 1, and checks that
the hover label shows the sentence that the entry's source offsets cut from the article file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.report import save_timeline_html, withdrawal_timeline_interactive
from analysis.study import Study
from analysis.timeline import timeline_table

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.browser


def _squash(text: str) -> str:
    """Text without whitespace or bidi isolates: hover lines are separate SVG text lines."""
    return re.sub(r"[\s\u2066-\u2069]+", "", text)


@pytest.mark.parametrize("labels", ["ar", "en"])
def test_hover_shows_the_sentence_offline(tmp_path: Path, seed_path: Path, labels: str) -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium; .ci/run does it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python package) is not installed")
    study = Study.load([seed_path], cache_dir=tmp_path / "cache", progress=False)
    html = save_timeline_html(withdrawal_timeline_interactive(study, labels=labels), tmp_path / "figures")
    table = timeline_table(study.entries, labels=labels)
    first = table[table["n"] == 1].iloc[0]
    start, end = map(int, first["sources"].split("; ")[0].rpartition(":")[2].split("-"))  # its first source
    sentence = study.corpus["content"].iloc[0][start:end]
    shown = "point" if first["kind"] == "point" else "bar"

    refused: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True)

            def only_files(route) -> None:
                if route.request.url.startswith("file://"):
                    route.continue_()
                else:
                    refused.append(route.request.url)
                    route.abort()

            context.route("**/*", only_files)
            page = context.new_page()
            page.goto(html.as_uri())
            layer = ".scatterlayer" if shown == "point" else ".barlayer"
            page.wait_for_selector(f"{layer} .trace .point", timeout=60_000)  # plotly.js ran, from the file
            mark = page.locator(f".cartesianlayer .subplot.xy {layer} .trace").first.locator(".point").first
            box = mark.bounding_box()
            assert box is not None
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_selector(".hoverlayer .hovertext", timeout=10_000)
            hover = page.locator(".hoverlayer .hovertext").first.text_content() or ""
            page.screenshot(path=str(tmp_path / f"timeline_hover_{labels}.png"))
        finally:
            browser.close()
    assert hover.startswith("1."), hover[:80]
    assert _squash(sentence)[:80] in _squash(hover), (sentence[:80], hover[:300])
    assert not refused, f"the page asked the network for {refused}"
