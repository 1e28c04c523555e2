"""The CLI finds seeds/, figures/, .cache/ and reviews/ from the current directory (``analysis.paths``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.cli import main
from analysis.paths import project_from, project_root, repo_root, study_paths
from helpers import article_text, write_article

REPO = Path(__file__).resolve().parents[1]
ENV = ("ANALYSIS_CORPUS", "ANALYSIS_FIGURES_DIR", "ANALYSIS_CACHE_DIR", "ANALYSIS_REVIEW")


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """A project of its own (pyproject.toml + notebooks/), outside the package's checkout, no env overrides."""
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    root = tmp_path / "study"
    (root / "notebooks").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'my-study'\n", encoding="utf-8")
    return root


def test_the_project_of_the_current_directory_wins_over_the_installed_package(project: Path, monkeypatch) -> None:
    (project / "notebooks" / "deep").mkdir()
    for cwd in (project, project / "notebooks", project / "notebooks" / "deep"):
        monkeypatch.chdir(cwd)
        paths = study_paths()
        assert project_root() == project
        assert paths.corpus == (project / "seeds",)
        assert paths.figures == project / "figures"
        assert paths.cache == project / ".cache" / "analysis"
        assert paths.review == project / "reviews" / "timeline.csv"


def test_a_folder_without_notebooks_is_not_a_project(project: Path, monkeypatch) -> None:
    lone = project.parent / "lone"
    lone.mkdir()
    (lone / "pyproject.toml").write_text("", encoding="utf-8")
    assert project_from(lone) is None
    monkeypatch.chdir(lone)
    assert project_root() == (repo_root() or lone)  # falls back to the package's checkout


def test_outside_any_project_the_package_checkout_is_used(tmp_path: Path, monkeypatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    assert project_from(tmp_path) is None
    assert study_paths().corpus == ((repo_root() or tmp_path) / "seeds",)


def test_the_environment_and_arguments_still_win(project: Path, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(project)
    monkeypatch.setenv("ANALYSIS_FIGURES_DIR", str(tmp_path / "elsewhere"))
    assert study_paths().figures == tmp_path / "elsewhere"
    assert study_paths(figures="given").figures == Path("given")


def test_analysis_add_files_into_the_seeds_of_the_current_project(project: Path, monkeypatch, tmp_path: Path) -> None:
    (project / "seeds").mkdir()
    new = write_article(tmp_path, "download.txt", article_text(date="2024-05-06", title="خبر من مشروعي"))
    monkeypatch.chdir(project / "notebooks")
    assert main(["add", str(new)]) == 0
    added = list((project / "seeds").glob("*.txt"))
    assert len(added) == 1 and "خبر من مشروعي" in added[0].read_text(encoding="utf-8")
