"""JupyterLab for real: open the timeline notebook in headless Chromium, run every cell through the UI.

Starts ``jupyter lab`` on 127.0.0.1 with a token on a copy of ``notebooks/`` + ``seeds/`` (the
committed notebooks are never rewritten), drives Debian's ``/usr/bin/chromium`` with Playwright
for Python (never a downloaded browser), clears the outputs, clicks Run → Run All Cells, waits
for the kernel to go idle, and checks that a figure image and a table with Arabic text rendered
and that no cell failed. The screenshot is saved under the test's temp dir.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
PREFERRED = "04_timeline.ipynb"
ARABIC = re.compile(r"[\u0621-\u064A]{2,}")
RUN_TIMEOUT_S = 600

pytestmark = pytest.mark.browser


def pick_notebook(folder: Path) -> Path:
    """``04_timeline.ipynb`` if it exists, else the newest (highest-numbered) notebook."""
    if (folder / PREFERRED).is_file():
        return folder / PREFERRED
    numbered = sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    if not numbered:
        pytest.skip("no notebook in notebooks/ yet")
    return numbered[-1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_server(url: str, proc: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"jupyter lab exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"jupyter lab did not answer within {timeout:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")


def stop_server(proc: subprocess.Popen) -> None:
    """Stop the server by its PID (SIGTERM, then SIGKILL); its kernels are in its process group."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    try:  # kernels the server could not shut down share its session (started with start_new_session)
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


@pytest.fixture
def lab(tmp_path: Path):
    """A JupyterLab server on a copy of the notebooks and seeds; yields (base url, token, notebook path)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium; .ci/run does it)")
    pytest.importorskip("playwright.sync_api", reason="playwright (Python package) is not installed")
    work = tmp_path / "work"
    shutil.copytree(REPO / "notebooks", work / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(REPO / "seeds", work / "seeds")
    settings = tmp_path / "lab-settings"
    _write_settings(settings)
    token = secrets.token_hex(16)
    port = free_port()
    env = {**os.environ,
           "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter-config"),
           "IPYTHONDIR": str(tmp_path / "ipython"),
           "ANALYSIS_FIGURES_DIR": str(tmp_path / "figures"),
           "ANALYSIS_CACHE_DIR": str(tmp_path / "cache"),
           "ANALYSIS_QUIET": "1"}
    env.pop("ANALYSIS_CORPUS", None)  # the notebooks' own default (../seeds) is what we copied
    env.pop("MPLBACKEND", None)  # as for a user: the kernel picks its inline backend itself
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}",
               f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}",
               "--LabApp.news_url=", "--ServerApp.port_retries=0"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = tmp_path / "jupyter.log"
    with open(log, "wb") as handle:
        proc = subprocess.Popen(command, env=env, stdout=handle, stderr=subprocess.STDOUT, cwd=work,
                                start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_server(f"{base}/api/status?token={token}", proc, log)
        notebook = pick_notebook(work / "notebooks")
        yield base, token, notebook.relative_to(work), log
    finally:
        stop_server(proc)


def _write_settings(folder: Path) -> None:
    """Fresh user settings: no news pop-ups; every cell kept in the page (no windowing) so all outputs can be read."""
    settings = {
        "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
        "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    }
    for plugin, values in settings.items():
        path = folder / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


def test_notebook_runs_in_jupyterlab(lab, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    base, token, notebook, log = lab
    shot = tmp_path / "jupyterlab.png"
    with sync_playwright() as p:
        # A fresh --user-data-dir: Playwright takes it as the persistent context's folder.
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"), executable_path=str(CHROMIUM), headless=True,
            args=CHROMIUM_FLAGS, viewport={"width": 1400, "height": 1000})
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.set_default_timeout(120_000)
            page.goto(f"{base}/lab/tree/{notebook.as_posix()}?token={token}")
            page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell")
            idle = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator[data-status='idle']"
            page.wait_for_selector(idle)  # kernel started

            # Through the UI: clear every output, then Run > Run All Cells.
            _focus_notebook(page)
            _menu(page, "Edit", "Clear Outputs of All Cells")
            page.wait_for_function("document.querySelectorAll('.jp-Notebook .jp-OutputArea-output').length === 0")
            code_cells = page.locator(".jp-Notebook .jp-CodeCell")
            assert code_cells.count() > 0
            for attempt in range(3):  # a click on a busy machine can land before the menu is ready
                _focus_notebook(page)
                _menu(page, "Run", "Run All Cells")
                if _started(code_cells, timeout_s=30):
                    break
            else:
                page.screenshot(path=str(shot))
                pytest.fail("Run > Run All Cells did not start any cell")
            deadline = time.monotonic() + RUN_TIMEOUT_S
            while time.monotonic() < deadline:
                prompts = [p.strip() for p in code_cells.locator(".jp-InputArea-prompt").all_inner_texts()]
                done = all(re.fullmatch(r"\[\d+\]:", p) for p in prompts)
                if done and page.locator(idle).count() == 1:
                    break
                if page.locator("[data-mime-type='application/vnd.jupyter.error']").count():
                    break
                time.sleep(1)
            page.wait_for_timeout(1000)  # let the last outputs paint
            page.screenshot(path=str(shot), full_page=False)

            errors = page.locator("[data-mime-type='application/vnd.jupyter.error']").all_inner_texts()
            assert not errors, f"a cell failed in JupyterLab:\n{errors[0][:2000]}"
            prompts = [p.strip() for p in code_cells.locator(".jp-InputArea-prompt").all_inner_texts()]
            assert all(re.fullmatch(r"\[\d+\]:", p) for p in prompts), f"not every cell ran: {prompts}"
            assert page.locator(idle).count() == 1, "the kernel did not go idle"

            # The figure rendered as an image with a real size, and a table with Arabic text.
            images = page.locator(".jp-OutputArea-output[data-mime-type='image/png'] img")
            assert images.count() >= 1, "no figure image in the outputs"
            images.last.scroll_into_view_if_needed()
            sizes = [img.evaluate("e => [e.naturalWidth, e.naturalHeight]") for img in images.all()]
            assert any(w > 200 and h > 100 for w, h in sizes), f"figure images did not load: {sizes}"
            tables = page.locator(".jp-OutputArea-output table").all_inner_texts()
            assert any(ARABIC.search(t) for t in tables), "no table with Arabic text rendered"
            if notebook.name == PREFERRED:  # the interactive timeline shows inline (JupyterLab's Plotly renderer)
                plot = page.locator(".jp-OutputArea-output.jp-RenderedPlotly")
                assert plot.count() == 1, "the interactive timeline did not render inline"
                assert plot.locator("svg.main-svg .scatterlayer .trace").count() >= 1, "the inline timeline has no mark"
            # Scroll to the figure for the screenshot a human looks at.
            images.last.scroll_into_view_if_needed()
            page.wait_for_timeout(500)
            page.screenshot(path=str(tmp_path / "jupyterlab_figure.png"))
        finally:
            context.close()
    assert shot.is_file() and shot.stat().st_size > 10_000
    # The notebook's figures were written by the kernel the UI drove (into the temp figures folder).
    written = sorted(p.name for p in (tmp_path / "figures").glob("*.png"))
    assert written, "the notebook run in JupyterLab saved no figure"
    if notebook.name == PREFERRED:
        assert any("timeline" in name for name in written), written
    keep = os.environ.get("ANALYSIS_SCREENSHOT_DIR")
    if keep:  # for a human to look at (CI artifacts, reviews)
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / "jupyterlab.png")
        shutil.copy(tmp_path / "jupyterlab_figure.png", Path(keep) / "jupyterlab_figure.png")


def _focus_notebook(page) -> None:
    """Close any open menu and give the notebook the focus (menu commands act on the current widget)."""
    page.keyboard.press("Escape")
    page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell .jp-InputPrompt").first.click()
    page.keyboard.press("Escape")  # command mode


def _started(code_cells, timeout_s: float) -> bool:
    """True once some cell shows it ran or is running (``[*]:`` or ``[n]:``)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        prompts = [p.strip() for p in code_cells.locator(".jp-InputArea-prompt").all_inner_texts()]
        if any(re.fullmatch(r"\[(\*|\d+)\]:", p) for p in prompts):
            return True
        time.sleep(0.5)
    return False


def _menu(page, menu: str, label: str) -> None:
    """Click a main-menu entry by its label, as a user would (Run > Run All Cells)."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(rf"^{menu}$")).first.click()
    item = page.locator(".lm-Menu-item", has=page.locator(".lm-Menu-itemLabel", has_text=re.compile(rf"^{label}$")))
    item.first.wait_for(state="visible")
    item.first.click()
