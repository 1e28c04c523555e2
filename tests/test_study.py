"""One route from a corpus to its figures: ``Study`` (one pass, one schema per stage) → ``analysis.report``.

The notebooks and ``analysis figures`` write the same bytes; ``analysis run`` reads each article
once; every stage frame has its schema whether it comes from the cache or is computed directly;
``analysis.paths`` decides the default corpus, figures and cache folders for every entry point.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from pathlib import Path

import pandas as pd
import pytest

import analysis.corpus
from analysis.cli import main
from analysis.notebooks_run import Parameters, execute
from analysis.corpus import default_corpus_paths, load_corpus
from analysis.entities import entities_frame
from analysis.events import events_frame
from analysis.paths import default_corpus, study_paths
from analysis.pipeline import SCHEMAS, STAGE_NAMES, STAGES, stage_frame
from analysis.report import FIGURES, HTML_NAME, make_all_figures
from analysis.entities.frame import group_entities
from analysis.study import Study
from analysis.timex import timexes_frame

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = FIXTURES / "events"  # three short articles: every stage finds something, and two reports merge
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.fixture(scope="module")
def study(tmp_path_factory) -> Study:
    return Study.load(CORPUS, cache_dir=tmp_path_factory.mktemp("cache"))


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_every_stage_has_one_schema_and_one_study_frame() -> None:
    assert tuple(SCHEMAS) == STAGE_NAMES == tuple(STAGES)
    study_fields = {f.name for f in dataclasses.fields(Study)}
    assert set(STAGE_NAMES) <= study_fields
    for name in STAGE_NAMES:
        schema = SCHEMAS[name]
        assert schema.columns[:2] == ("article_id", "path")
        assert set(schema.fields) - {"article_id"} <= set(schema.columns)


def test_study_frames_have_the_schema_columns_in_corpus_order(study: Study) -> None:
    assert list(study.corpus["id"]) == sorted(study.corpus["id"])  # the fixture's dates follow its ids
    for name in STAGE_NAMES:
        frame = study.frame(name)
        assert list(frame.columns) == list(SCHEMAS[name].columns), name
        assert len(frame), f"no {name} in the fixture corpus"
        seen = list(dict.fromkeys(frame["article_id"]))
        assert seen == [a for a in study.corpus["id"] if a in seen], name
    contents = dict(zip(study.corpus["path"], study.corpus["content"]))
    for name in ("tokens", "entities", "timexes"):
        frame = study.frame(name)
        assert all(contents[p][s:e] == t for p, s, e, t in zip(frame["path"], frame["start"], frame["end"], frame["text"]))
    timexes = study.timexes
    assert (timexes["line"] > 1).all()  # nothing on the header line
    assert list(study.problems.columns) == ["path", "line", "problem", "severity"]


def test_frames_computed_outside_the_cache_equal_the_study_frames(study: Study) -> None:
    """``stage_frame`` (what each stage's ``*_frame`` helper delegates to) gives the cached frames, column for column."""
    articles = list(analysis.corpus.articles_from_frame(study.corpus))
    for name in STAGE_NAMES:
        frame = stage_frame(name, [(a, STAGES[name].run(a, {})) for a in articles])
        if name == "entities":
            frame = group_entities(frame)
        pd.testing.assert_frame_equal(frame, study.frame(name), check_dtype=False, obj=name)


def test_the_stage_helpers_agree_with_the_study(study: Study) -> None:
    """Until they delegate to ``stage_frame``, the helpers' shared columns hold the same values."""
    corpus = load_corpus(CORPUS)
    helpers = {
        "timexes": timexes_frame(corpus).rename(columns={"id": "article_id"}),
        "entities": entities_frame(corpus),
        "events": events_frame(corpus),
    }
    for name, helper in helpers.items():
        ours = study.frame(name)
        shared = [c for c in ours.columns if c in helper.columns and c not in ("actors", "mentions")]
        assert len(shared) >= 10, name
        pd.testing.assert_frame_equal(helper[shared].astype(object).where(helper[shared].notna(), None),
                                      ours[shared].astype(object).where(ours[shared].notna(), None),
                                      check_dtype=False, obj=name)
        for column in ("actors", "mentions"):  # lists: compared as Python values
            if column in ours.columns:
                assert [list(v) for v in helper[column]] == [list(v) for v in ours[column]], (name, column)


def test_run_reads_each_article_once_and_writes_every_figure(tmp_path: Path, monkeypatch) -> None:
    reads: list[str] = []
    real = analysis.corpus.read_text

    def counting(path):
        reads.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(analysis.corpus, "read_text", counting)
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["run", "--corpus", str(CORPUS), "--figures-dir", str(tmp_path / "figs"), "--workers", "1",
                 "--quiet"]) == 0
    assert sorted(reads) == sorted(p.name for p in CORPUS.glob("*.txt"))
    assert {p.stem for p in (tmp_path / "figs").iterdir()} == set(FIGURES)


def test_notebooks_and_the_cli_write_the_same_bytes(tmp_path: Path, monkeypatch) -> None:
    """Execute every notebook (a real kernel, as ``make figures``) and ``analysis figures`` on one corpus."""
    if not NOTEBOOKS:
        pytest.skip("no notebook")
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ANALYSIS_CORPUS", str(CORPUS))
    monkeypatch.setenv("ANALYSIS_FIGURES_DIR", str(tmp_path / "from_notebooks"))
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel picks its inline backend, as under make figures
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")])))
    assert main(["figures", "--out", str(tmp_path / "from_cli"), "--quiet"]) == 0  # corpus: $ANALYSIS_CORPUS
    for path in NOTEBOOKS:  # as make figures runs them (papermill), the corpus injected as a parameter
        execute(path, tmp_path / path.name, Parameters(corpus=str(CORPUS)), tmp_path / "from_notebooks", 600)
    from_cli, from_notebooks = _digest(tmp_path / "from_cli"), _digest(tmp_path / "from_notebooks")
    assert set(from_cli) == {f"{name}.{ext}" for name in FIGURES for ext in ("png", "svg", "csv")} | {f"{HTML_NAME}.html"}
    # Every figure a notebook shows is the CLI's, byte for byte (a new figure need not be in a notebook).
    assert from_notebooks and {name: from_cli.get(name) for name in from_notebooks} == from_notebooks


def test_one_function_decides_the_default_folders(tmp_path: Path, monkeypatch) -> None:
    for name in ("ANALYSIS_CORPUS", "ANALYSIS_FIGURES_DIR", "ANALYSIS_CACHE_DIR", "ANALYSIS_REVIEW"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(REPO)
    paths = study_paths()
    assert paths.corpus == (REPO / "seeds",) and paths.figures == REPO / "figures"
    assert paths.cache == REPO / ".cache" / "analysis" and paths.review == REPO / "reviews" / "timeline.csv"
    assert default_corpus_paths() == default_corpus() == [REPO / "seeds"]
    monkeypatch.setenv("ANALYSIS_CORPUS", str(tmp_path / "c"))
    monkeypatch.setenv("ANALYSIS_FIGURES_DIR", str(tmp_path / "f"))
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "k"))
    monkeypatch.setenv("ANALYSIS_REVIEW", str(tmp_path / "r.csv"))
    assert study_paths() == type(paths)((tmp_path / "c",), tmp_path / "f", tmp_path / "k", tmp_path / "r.csv")
    assert default_corpus_paths() == default_corpus() == [tmp_path / "c"]
    given = study_paths(corpus=["a", "b"], figures="f", cache="k", review="r")
    assert given == type(paths)((Path("a"), Path("b")), Path("f"), Path("k"), Path("r"))


def test_make_all_figures_from_one_study(study: Study, tmp_path: Path) -> None:
    written = make_all_figures(study, directory=tmp_path, quiet=True)
    assert [p.name for p in written][:3] == ["corpus_overview.png", "corpus_overview.svg", "corpus_overview.csv"]
    assert len(written) == 3 * len(FIGURES) + 1  # and the interactive timeline
