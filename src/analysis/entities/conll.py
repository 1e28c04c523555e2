"""Read CoNLL-style NER files (``token TAG`` per line, blank line between sentences)."""

from __future__ import annotations

from pathlib import Path

from analysis.errors import AnalysisError

_TAG_FIX = {"I-PRG": "I-ORG", "B-MSIC": "B-MISC", "B-ERS": "B-PERS"}


def read_conll(path: str | Path) -> list[tuple[list[str], list[str]]]:
    """Sentences as (words, IOB2 tags). Raises AnalysisError for a malformed line."""
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise AnalysisError(f"{path}: cannot read CoNLL file: {err}") from err
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.replace("\u200e", "").replace("\u200f", "").strip()
        if not line:
            if words:
                sents.append((words, tags))
                words, tags = [], []
            continue
        parts = line.split()
        if len(parts) < 2:
            raise AnalysisError(f"{path}:{lineno}: expected 'token TAG', got {line!r}")
        tag = _TAG_FIX.get(parts[-1], parts[-1])
        if tag != "O" and not (tag[:2] in ("B-", "I-") and len(tag) > 2):
            raise AnalysisError(f"{path}:{lineno}: bad tag {parts[-1]!r}")
        words.append(parts[0])
        tags.append(tag)
    if words:
        sents.append((words, tags))
    return sents
