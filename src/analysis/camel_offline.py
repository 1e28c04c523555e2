"""Import CAMeL Tools' data-dependent modules without any network access.

``camel_tools.data`` loads ``<CAMELTOOLS_DATA>/catalogue.json`` at import time and downloads it
when missing. ``prepare()`` makes sure the data folder it will use has a catalogue first: the
user's own folder when it already has one (so installed models are found), otherwise a local
folder holding a minimal catalogue written here. It also sets the Hugging Face offline switches.
Call it (or ``import_camel(...)``) before importing ``camel_tools.ner`` or anything using
``camel_tools.data``.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path

from analysis.errors import AnalysisError

# The NER dataset layout of CAMeL Tools 1.6: <data>/data/ner/<name>, default 'arabert'.
MINIMAL_CATALOGUE = {
    "version": "1.6-offline",
    "packages": {},
    "components": {
        "NamedEntityRecognition": {
            "default": "arabert",
            "datasets": {"arabert": {"path": "ner/arabert"}},
        }
    },
}


def user_data_dir() -> Path:
    """The folder CAMeL Tools would use: ``$CAMELTOOLS_DATA`` or ``~/.camel_tools``."""
    env = os.environ.get("CAMELTOOLS_DATA")
    return Path(env).expanduser().absolute() if env else Path.home() / ".camel_tools"


def local_catalogue_dir() -> Path:
    """Where the minimal catalogue is written when the user has none."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "arnews-analysis" / "camel_tools"


def _write_minimal(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    cat = folder / "catalogue.json"
    if not cat.is_file():
        tmp = cat.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(MINIMAL_CATALOGUE, indent=1), encoding="utf-8")
        os.replace(tmp, cat)


def prepare() -> Path:
    """Point ``CAMELTOOLS_DATA`` at a folder with a catalogue; return that folder."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    if "camel_tools.data" in sys.modules:  # already imported: its catalogue was found then
        from camel_tools.data import CT_DATA_DIR  # noqa: PLC0415

        return Path(CT_DATA_DIR)
    folder = user_data_dir()
    if not (folder / "catalogue.json").is_file():
        if "CAMELTOOLS_DATA" in os.environ and folder.is_dir() and os.access(folder, os.W_OK):
            _write_minimal(folder)  # the user's chosen folder: keep it, add a catalogue
        else:
            folder = local_catalogue_dir()
            _write_minimal(folder)
            # Models installed under ~/.camel_tools without a catalogue stay reachable.
    os.environ["CAMELTOOLS_DATA"] = str(folder)
    return folder


def import_camel(module: str):
    """Import a CAMeL Tools module that needs ``camel_tools.data``, offline."""
    prepare()
    try:
        return importlib.import_module(module)
    except Exception as err:  # the catalogue or an optional dependency is broken
        raise AnalysisError(f"cannot import {module} offline: {err}") from err
