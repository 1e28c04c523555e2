"""The committed notebooks: executed by ``make figures`` (papermill), with what a reader needs and no noise.

Each declares the shared parameters, shows the values it was run with (papermill's injected cell),
prints the corpus summary near the top, and carries no kernel or transport warning and no run
times. nbval (``make test``) checks that they re-execute to the same outputs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from analysis.notebooks_run import PARAMETERS, declared_parameters

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SUMMARY = re.compile(r"^corpus \S.*: \d+ articles?, newest \d{4}-\d{2}-\d{2}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_a_committed_notebook_shows_its_parameters_and_corpus(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    tags = [c.metadata.get("tags", []) for c in nb.cells]
    first = tags.index(["parameters"])
    assert "injected-parameters" in tags[first + 1], "not executed by make figures (no injected parameters)"
    assert {"corpus", "labels", "skip_errors"} <= declared_parameters(path) and declared_parameters(path) <= \
        set(PARAMETERS) | {"lanes", "width", "top_n"}
    injected = nb.cells[first + 1].source
    assert all(f"{name} = " in injected for name in declared_parameters(path) & set(PARAMETERS))
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code), "every cell executed, top to bottom"
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    summary = code[code.index(nb.cells[first + 1]) + 1]
    printed = "".join(o.get("text", "") for o in summary.outputs if o.get("output_type") == "stream")
    assert SUMMARY.match(printed), printed


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_no_warning_or_run_time_in_the_committed_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.get("name") == "stderr"], "stderr output (a warning) in a committed notebook"
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = json.dumps(outputs, ensure_ascii=False)
    assert "without encryption" not in text and "IPKernelApp" not in text and "Warning" not in text
    assert "papermill" not in nb.metadata and all("execution" not in c.metadata for c in nb.cells)
