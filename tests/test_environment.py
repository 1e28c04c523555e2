"""environment.yml (conda users) names the same dependencies, with the same pins, as pyproject.toml."""

from __future__ import annotations

import re
import tomllib

from conftest import REPO


def _pyproject_requirements() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        reqs.extend(extra)
    return {_canon(r) for r in reqs}


def _environment_pip_requirements() -> tuple[set[str], list[str]]:
    lines = (REPO / "environment.yml").read_text(encoding="utf-8").splitlines()
    pip_start = next(i for i, line in enumerate(lines) if line.strip() == "- pip:")
    reqs, others = set(), []
    for line in lines[pip_start + 1:]:
        item = line.split("#", 1)[0].strip()
        if not item:
            continue
        if not item.startswith("- "):
            break
        value = item[2:].strip()
        if value.startswith("-e"):
            others.append(value)
        else:
            reqs.add(_canon(value))
    return reqs, others


def _canon(requirement: str) -> str:
    name, spec = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement).groups()
    parts = sorted(p.strip() for p in spec.split(",") if p.strip())
    return re.sub(r"[-_.]+", "-", name).lower() + ",".join(parts)


def test_environment_yml_matches_pyproject():
    env_reqs, others = _environment_pip_requirements()
    assert env_reqs == _pyproject_requirements()
    assert others == ["-e ."]


def test_environment_yml_pins_python_and_pip():
    text = (REPO / "environment.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s*- python=3\.11\s*$", text, re.M)
    assert re.search(r"^\s*- pip\s*$", text, re.M)


def test_torch_is_pinned_everywhere():
    assert "torch==2.13.0" in _pyproject_requirements()
    assert "torch==2.13.0" in (REPO / "Makefile").read_text(encoding="utf-8")
