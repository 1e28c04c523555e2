"""Nothing corrupted: a run killed with SIGKILL mid-write leaves every output whole (old or new).

``analysis figures`` is started on a corpus whose figures differ from the ones already on disk
and killed the moment a temporary output file appears (i.e. while a figure is being written).
Every figure file must then be byte-identical to either the previous run's or a complete run's
output, and load (PNG with PIL, SVG as XML, CSV with pandas). The same for the pipeline cache.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest

from analysis.pipeline import RunStats, process_corpus

from helpers import article_text, write_article

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ANALYSIS = Path(sys.executable).with_name("analysis")
OUTPUTS = (".png", ".svg", ".csv")


def make_corpus(folder: Path, extra: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "seed_000.txt", folder / "seed_000.txt")
    bodies = ["انسحبت القوات الأمريكية من قاعدة عين الأسد في 15 كانون الثاني 2026 وتسلمها الجيش العراقي.",
              "قال رئيس الوزراء إن المرحلة الثانية من الانسحاب تنتهي في أيلول 2026 بحسب الاتفاق مع واشنطن."]
    for i in range(2 + extra):
        write_article(folder, f"art{i:02d}.txt",
                      article_text(date=f"202{4 + i % 2}-0{1 + i % 9}-1{i % 10}", url=f"https://news{i}.example.com/a/{i}",
                                   title=f"خبر عن الانسحاب رقم {i}", body=f"{bodies[i % 2]} ({i})"))
    return folder


def env_for(figures: Path, cache: Path) -> dict[str, str]:
    return {**os.environ, "ANALYSIS_FIGURES_DIR": str(figures), "ANALYSIS_CACHE_DIR": str(cache),
            "ANALYSIS_QUIET": "1", "MPLBACKEND": "Agg"}


def figures_run(corpus: Path, figures: Path, cache: Path, **kw) -> subprocess.Popen:
    return subprocess.Popen([str(ANALYSIS), "figures", "--corpus", str(corpus), "--quiet"],
                            env=env_for(figures, cache), stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.suffix in OUTPUTS and not p.name.startswith(".")}


def check_loadable(path: Path) -> None:
    if path.suffix == ".png":
        from PIL import Image

        with Image.open(path) as image:
            image.load()  # decodes every byte: a truncated PNG raises
            assert image.size[0] > 0
    elif path.suffix == ".svg":
        root = ET.parse(path).getroot()
        assert root.tag.endswith("svg")
    else:
        pd.read_csv(path)


def kill_when_writing(proc: subprocess.Popen, folder: Path, timeout: float = 240) -> bool:
    """SIGKILL ``proc`` as soon as a temporary output file shows up under ``folder``; False if it finished first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if folder.is_dir() and any(p.name.endswith(".tmp") for p in folder.rglob("*")):
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(0.0005)
    proc.kill()
    pytest.fail("analysis figures neither wrote nor finished in time")


def test_sigkill_during_figures_leaves_old_or_new_files(tmp_path: Path) -> None:
    old_corpus = make_corpus(tmp_path / "old")
    new_corpus = make_corpus(tmp_path / "new", extra=4)  # different figures
    figures, cache = tmp_path / "figures", tmp_path / "cache"

    done = figures_run(old_corpus, figures, cache)
    _, err = done.communicate(timeout=600)
    assert done.returncode == 0, err.decode()
    old = outputs(figures)
    assert any(name.endswith(".png") for name in old) and any(name.endswith(".svg") for name in old)

    reference = tmp_path / "reference"  # what a complete run on the new corpus writes
    done = figures_run(new_corpus, reference, cache)
    _, err = done.communicate(timeout=600)
    assert done.returncode == 0, err.decode()
    new = outputs(reference)
    assert set(new) >= set(old) and any(new[n] != old[n] for n in old)

    killed_during_write = 0
    for attempt in range(3):
        proc = figures_run(new_corpus, figures, cache)
        killed = kill_when_writing(proc, figures)
        killed_during_write += killed
        now = outputs(figures)
        assert set(now) >= set(old)
        for name, data in now.items():
            assert data in (old.get(name), new.get(name)), f"{name} is neither the old nor the new file"
            check_loadable(figures / name)
        # Restore the old state for the next attempt (so there is always something to protect).
        for p in figures.iterdir():
            p.unlink()
        for name, data in old.items():
            (figures / name).write_bytes(data)
    assert killed_during_write >= 1, "never caught the run while it was writing a figure"


def test_sigkill_during_pipeline_keeps_the_cache_usable(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", extra=20)
    cache = tmp_path / "cache"
    cold = process_corpus(corpus, stages=("tokens", "timexes"), cache_dir=tmp_path / "cold", use_cache=False,
                          progress=False)
    command = [str(ANALYSIS), "run", "--corpus", str(corpus), "--no-figures", "--quiet", "--stages", "tokens",
               "timexes", "--workers", "1"]
    env = env_for(tmp_path / "figs", cache)
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert kill_when_writing(proc, cache), "never caught the run while it was writing the cache"
    for delay in (0.5, 2.0):
        proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    stats = RunStats()
    warm = process_corpus(corpus, stages=("tokens", "timexes"), cache_dir=cache, progress=False, stats=stats)
    for name in cold:
        pd.testing.assert_frame_equal(cold[name], warm[name])
    # Whatever the kills left behind, a second run computes nothing.
    stats2 = RunStats()
    process_corpus(corpus, stages=("tokens", "timexes"), cache_dir=cache, progress=False, stats=stats2)
    assert all(v == 0 for v in stats2.computed.values())
