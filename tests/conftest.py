"""Test set-up: figures and caches go to a temporary folder, never into the repository."""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Set before any notebook kernel starts (kernels inherit the environment): notebooks run by
# nbval write their figures and caches here instead of the committed figures/.
_SCRATCH = Path(tempfile.mkdtemp(prefix="arnews-tests-"))
os.environ.setdefault("ANALYSIS_FIGURES_DIR", str(_SCRATCH / "figures"))
os.environ.setdefault("ANALYSIS_CACHE_DIR", str(_SCRATCH / "cache"))
os.environ.setdefault("ANALYSIS_QUIET", "1")
# Notebook kernels must pick their own (inline) backend, as under `make figures`: a backend
# inherited from the environment would change what a cell displays.
os.environ.pop("MPLBACKEND", None)


@pytest.fixture
def seed_path() -> Path:
    """The user's seed article (Sputnik Arabic, 31 Dec 2025), shipped as a fixture."""
    return FIXTURES / "seed_000.txt"


@pytest.fixture(params=["rules", "tagger"])
def extraction(request, tmp_path: Path):
    """Events of a short article (``helpers.body_events_by``), once by the rules alone and once with the tagger:
    ``extraction(body, dct=..., title=...)``. Imported here, not above: the environment is set first."""
    from helpers import body_events_by

    return functools.partial(body_events_by, request.param, tmp_path)
