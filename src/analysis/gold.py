"""Reading gold annotation folders (``NNN.json``) and finding the articles they describe.

Shared by the timex/event and entity evaluations and by NER training, so that every one of
them reports an unreadable or missing gold file the same way: one line, no traceback. The
annotation conventions are in docs/ANNOTATION.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from analysis.corpus import iter_article_paths
from analysis.errors import AnalysisError


#: The canonical-timeline file a gold folder may hold beside its per-article files.
TIMELINE_FILE = "timeline.json"


def read_gold_folder(gold_dir: str | Path) -> list[tuple[Path, dict[str, Any]]]:
    """Every ``*.json`` gold document of a folder, sorted by file name, with its path.

    A canonical timeline (``timeline.json``, scored by ``analysis evaluate timeline``) may sit beside
    the per-article files; it describes no single article and is not one of them.
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise AnalysisError(f"{gold_dir}: gold folder not found")
    files = sorted(p for p in gold_dir.glob("*.json") if p.name != TIMELINE_FILE)
    if not files:
        raise AnalysisError(f"{gold_dir}: no gold *.json files")
    docs = []
    for path in files:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise AnalysisError(f"{path}: cannot read gold file: {err}") from None
        if not isinstance(doc, dict) or "file" not in doc:
            raise AnalysisError(f"{path}: not a gold file (needs a JSON object with 'file')")
        docs.append((path, doc))
    return docs


def article_paths_by_name(paths: Iterable[str | Path]) -> dict[str, Path]:
    """Article files under the given files/folders, by basename (gold files name their article so)."""
    index: dict[str, Path] = {}
    for path in iter_article_paths(list(paths)):
        index.setdefault(path.name, path)
    return index
