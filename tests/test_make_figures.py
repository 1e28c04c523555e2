"""``make figures`` is safe: strict on bad files, one line per problem, and all-or-nothing.

The runner (``analysis.notebooks_run``) is driven as the Makefile drives it, in a subprocess, on a
small project of its own: two tiny notebooks that read the injected parameters and save a "figure"
(a text file holding the kernel's pid) where ``make figures`` tells them to.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from analysis.notebooks_run import main
from analysis.staging import MANIFEST, STAGING_DIR, Stage, recover
from helpers import article_text, write_article

REPO = Path(__file__).resolve().parents[1]
PARAMETERS = 'corpus = "../seeds"\nlabels = "ar"\nskip_errors = False'
BODY = """\
import os, pathlib, time
print("corpus", corpus, "labels", labels, "skip_errors", skip_errors)
figures = pathlib.Path(os.environ["ANALYSIS_FIGURES_DIR"])
figures.mkdir(parents=True, exist_ok=True)
(figures / "{name}.txt").write_text(f"{{os.getpid()}} {{corpus}} {{labels}}")
time.sleep(float(os.environ.get("SLEEP_{name}", "0")))
"""


def notebook(name: str, body: str | None = None) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    params = nbformat.v4.new_code_cell(PARAMETERS)
    params.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {name}"), params,
                nbformat.v4.new_code_cell(body or BODY.format(name=name))]
    return nb


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with two good articles, two notebooks and the outputs of an earlier run."""
    root = tmp_path / "study"
    (root / "notebooks").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'tiny'\n", encoding="utf-8")
    (root / "seeds").mkdir()
    write_article(root / "seeds", "001_a.txt", article_text())
    write_article(root / "seeds", "002_b.txt", article_text(date="2026-01-02", url="https://example.com/b", title="خبر آخر",
                                                            body="نص خبر آخر."))
    for name in ("01_first", "02_second"):
        nbformat.write(notebook(name), root / "notebooks" / f"{name}.ipynb")
    (root / "figures").mkdir()
    (root / "figures" / "01_first.txt").write_text("from the previous run", encoding="utf-8")
    (root / "figures" / "02_second.txt").write_text("from the previous run", encoding="utf-8")
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def outputs(root: Path) -> dict[str, bytes]:
    return {k: v for k, v in snapshot(root).items() if k.startswith(("notebooks/", "figures/"))}


def env(**extra: str) -> dict[str, str]:
    out = dict(os.environ)
    out["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")]))
    for name in ("ANALYSIS_FIGURES_DIR", "ANALYSIS_CORPUS", "ANALYSIS_REVIEW"):
        out.pop(name, None)  # the project's own folders, as on a user's machine
    out.update(extra)
    return out


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "analysis.notebooks_run", *args]


def run(root: Path, *args: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(command(*args), cwd=root, env=env(**extra), capture_output=True, text=True, timeout=300)


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_a_run_replaces_the_notebooks_and_figures_and_shows_its_parameters(project: Path) -> None:
    done = run(project, "--labels", "en")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "updated together: 2 notebooks, 2 figure files" in done.stdout
    for name in ("01_first", "02_second"):
        nb = nbformat.read(project / "notebooks" / f"{name}.ipynb", as_version=4)
        injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert len(injected) == 1 and 'corpus = "../seeds"' in injected[0].source and 'labels = "en"' in injected[0].source
        assert nb.metadata["parameters"] == {"corpus": "../seeds", "labels": "en", "skip_errors": False}
        printed = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
        assert printed == "corpus ../seeds labels en skip_errors False\n"
        streams = [o for c in nb.cells for o in c.get("outputs", []) if o.get("name") == "stderr"]
        assert streams == []  # no kernel or transport warning in the committed outputs
        assert "papermill" not in json.dumps(nb.metadata) + json.dumps([c.metadata for c in nb.cells])
        assert (project / "figures" / f"{name}.txt").read_text(encoding="utf-8").endswith("../seeds en")
    assert not (project / STAGING_DIR).exists()
    before = outputs(project)
    assert run(project, "--labels", "en").returncode == 0
    after = outputs(project)
    assert {k: v for k, v in after.items() if k.startswith("notebooks/")} == \
        {k: v for k, v in before.items() if k.startswith("notebooks/")}  # byte-stable notebooks


def test_a_bad_file_stops_the_run_with_one_line(project: Path, capsys) -> None:
    write_article(project / "seeds", "003_bad.txt", "no header here\n\nشيء ما\n")
    before = outputs(project)
    assert main(["--project", str(project), "--corpus", str(project / "seeds")]) == 2
    captured = capsys.readouterr()
    assert len(lines(captured.err)) == 1
    assert captured.err.startswith(f"make figures: error: {project / 'seeds' / '003_bad.txt'}:1: ")
    assert "header" in captured.err and "SKIP_ERRORS=1" in captured.err and "Traceback" not in captured.err
    assert "executing" not in captured.out  # stopped before any notebook ran
    assert outputs(project) == before and not (project / STAGING_DIR).exists()


@pytest.mark.skipif(shutil.which("make") is None, reason="no make on this machine")
def test_make_figures_exits_non_zero_with_one_line_for_a_bad_file(project: Path, tmp_path: Path) -> None:
    """The real Makefile target (its set-up step pointed at the running interpreter's environment)."""
    shutil.copy(REPO / "Makefile", project / "Makefile")
    stamp = tmp_path / "installed"
    earlier = time.time() - 3600
    os.utime(project / "pyproject.toml", (earlier, earlier))
    stamp.touch()  # clearly newer than pyproject.toml: make must not re-install anything
    write_article(project / "seeds", "003_bad.txt", b"\xff\xfe binary \x00 junk")
    before = outputs(project)
    done = subprocess.run(["make", "--no-print-directory", "figures", f"BIN={Path(sys.executable).parent}",
                           f"STAMP={stamp}"], cwd=project, env=env(), capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    # make's own exit note aside ("make: ***", or "make[1]: ***" when `make test` runs this test)
    ours = [line for line in lines(done.stderr) if not re.match(r"make(\[\d+\])?: \*\*\*", line)]
    assert len(ours) == 1 and "003_bad.txt" in ours[0] and ours[0].startswith("make figures: error: ")
    assert "Traceback" not in done.stderr + done.stdout
    assert outputs(project) == before


def test_skip_errors_goes_on_and_says_what_it_skipped(project: Path) -> None:
    write_article(project / "seeds", "003_bad.txt", "no header here\n\nشيء ما\n")
    done = run(project, "--skip-errors", "1")
    assert done.returncode == 0, done.stderr
    assert lines(done.stderr) == [line for line in lines(done.stderr) if line.startswith("make figures: skipped ")]
    assert len(lines(done.stderr)) == 1 and "003_bad.txt" in done.stderr
    nb = nbformat.read(project / "notebooks" / "01_first.ipynb", as_version=4)
    assert nb.metadata["parameters"]["skip_errors"] is True


@pytest.mark.parametrize("corpus", ["no/such/folder", "empty"])
def test_a_bad_corpus_is_one_line(project: Path, corpus: str, capsys, monkeypatch) -> None:
    (project / "empty").mkdir()
    monkeypatch.chdir(project)
    before = outputs(project)
    assert main(["--corpus", corpus]) == 2
    err = capsys.readouterr().err
    assert len(lines(err)) == 1 and corpus.split("/")[0] in err
    assert err.startswith("make figures: error: ") and "Traceback" not in err
    assert outputs(project) == before


@pytest.mark.parametrize(("option", "value"), [("--labels", "fr"), ("--from", "2024/01"), ("--min-sources", "two"),
                                               ("--types", "withdrawal,parade")])
def test_a_bad_option_is_one_line(project: Path, option: str, value: str, capsys) -> None:
    assert main(["--project", str(project), option, value]) == 2
    err = capsys.readouterr().err
    assert len(lines(err)) == 1 and value.split(",")[-1] in err and "executing" not in err


def test_a_failing_notebook_is_one_line_and_changes_nothing(project: Path) -> None:
    nbformat.write(notebook("02_second", 'raise ValueError("the figure cannot be drawn")'),
                   project / "notebooks" / "02_second.ipynb")
    before = outputs(project)
    done = run(project)
    assert done.returncode == 1
    assert lines(done.stderr) == ["make figures: error: notebooks/02_second.ipynb, cell [3]: ValueError: "
                                  "the figure cannot be drawn"]
    assert outputs(project) == before and not (project / STAGING_DIR).exists()


def _interrupt_during_second_notebook(project: Path, signum: int) -> tuple[subprocess.Popen, int]:
    """Start a run, wait until notebook 01 is done and 02 is running, send ``signum``; returns the kernel's pid."""
    process = subprocess.Popen(command(), cwd=project, env=env(SLEEP_02_second="60"), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    staged: list[Path] = []
    while time.monotonic() < deadline and process.poll() is None:
        staged = list((project / STAGING_DIR).glob("run-*/figures/02_second.txt"))
        if staged and staged[0].read_text(encoding="utf-8"):
            break
        time.sleep(0.2)
    assert staged, "the run never reached notebook 02"
    assert list((project / STAGING_DIR).glob("run-*/notebooks/01_first.ipynb"))  # 01 done (staged, not moved)
    kernel = int(staged[0].read_text(encoding="utf-8").split()[0])
    process.send_signal(signum)
    return process, kernel


def _gone(pid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False


def test_ctrl_c_mid_run_leaves_the_previous_notebooks_and_figures(project: Path) -> None:
    before = outputs(project)
    process, kernel = _interrupt_during_second_notebook(project, signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert lines(err) == ["make figures: interrupted; the previous notebooks and figures are unchanged"]
    assert outputs(project) == before
    assert not (project / STAGING_DIR).exists()
    assert _gone(kernel, within=10)


def test_a_killed_run_leaves_the_previous_outputs_and_the_next_run_cleans_up(project: Path) -> None:
    before = outputs(project)
    process, kernel = _interrupt_during_second_notebook(project, signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert outputs(project) == before  # nothing was moved: the staging folder holds the half-done run
    assert list((project / STAGING_DIR).glob("run-*"))
    assert _gone(kernel, within=15)  # the kernel notices its parent is gone and exits
    done = run(project)
    assert done.returncode == 0, done.stderr
    assert "removed the unfinished run" in done.stdout
    assert outputs(project) != before and not (project / STAGING_DIR).exists()


def test_a_commit_cut_short_is_finished_by_the_next_run(tmp_path: Path) -> None:
    """Killed between two renames of the commit: the manifest lets the next run finish the moves."""
    project = tmp_path
    (project / "notebooks").mkdir()
    (project / "figures").mkdir()
    for folder in ("notebooks", "figures"):
        (project / folder / "old.txt").write_text("old", encoding="utf-8")
    stage = Stage.create(project)
    for folder in ("notebooks", "figures"):
        staged = stage.folder(folder, project / folder)
        (staged / "old.txt").write_text("new", encoding="utf-8")
        (staged / "added.txt").write_text("new", encoding="utf-8")
    moves = stage.moves()
    record = {"moves": [[str(s), str(d)] for s, d in moves], "folders": [str(stage.root)]}
    (stage.root / MANIFEST).write_text(json.dumps(record), encoding="utf-8")
    os.replace(*moves[0])  # the kill came after the first rename
    assert {p.read_text(encoding="utf-8") for p in (project / "figures").iterdir()} == {"old"}
    assert recover(project) == [f"finished the interrupted update of {stage.root.name}"]
    for folder in ("notebooks", "figures"):
        assert {p.name: p.read_text(encoding="utf-8") for p in (project / folder).iterdir()} == \
            {"old.txt": "new", "added.txt": "new"}
    assert not (project / STAGING_DIR).exists()


def test_the_runner_leaves_the_signal_handlers_as_it_found_them(project: Path) -> None:
    """A SIGTERM handler left behind would be inherited by forked pipeline workers (and hang ``pool.terminate``)."""
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    main(["--project", str(project), "--labels", "fr"])
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == before


def test_ctrl_c_during_the_moves_waits_for_them(tmp_path: Path, monkeypatch) -> None:
    """A signal that arrives while the commit moves files is held until every move is done."""
    (tmp_path / "figures").mkdir()
    stage = Stage.create(tmp_path)
    staged = stage.folder("figures", tmp_path / "figures")
    for k in range(3):
        (staged / f"{k}.txt").write_text("new", encoding="utf-8")
    real_replace = os.replace
    calls = []

    def replace_and_interrupt(src, dst):
        calls.append(dst)
        if len(calls) == 1:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C between the first and the second rename
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_and_interrupt)
    with pytest.raises(KeyboardInterrupt):
        stage.commit()
    monkeypatch.undo()
    assert stage.committed and sorted(p.name for p in (tmp_path / "figures").iterdir()) == ["0.txt", "1.txt", "2.txt"]
    assert not (tmp_path / STAGING_DIR).exists()
