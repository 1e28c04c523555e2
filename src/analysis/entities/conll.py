"""Read CoNLL-style NER files (``token TAG`` per line, blank line between sentences)."""

from __future__ import annotations

import re
from pathlib import Path

from analysis.errors import AnalysisError
from analysis.text import char_table

_TAG_FIX = {"I-PRG": "I-ORG", "B-MSIC": "B-MISC", "B-ERS": "B-PERS"}
_LENIENT_RE = re.compile(r"^([BI])-+([A-Za-z]+)")
_LENIENT_TYPES = {"PER": "PERS", "PERS": "PERS", "LOC": "LOC", "ORG": "ORG"}


def lenient_tag(tag: str) -> str:
    """Map another corpus's tag to ours: PER→PERS, any MIS* class→MISC, typos (``OO``, ``I--ORG``)→O/fixed."""
    m = _LENIENT_RE.match(tag)
    if not m:
        return "O"
    return f"{m.group(1)}-{_LENIENT_TYPES.get(m.group(2).upper(), 'MISC')}"


def read_conll_any(path: str | Path) -> list[tuple[list[str], list[str]]]:
    """A CoNLL file, or every ``*.txt`` of a folder, read leniently (tags mapped by ``lenient_tag``)."""
    p = Path(path)
    files = sorted(p.glob("*.txt")) if p.is_dir() else [p]
    out: list[tuple[list[str], list[str]]] = []
    for f in files:
        out.extend(read_conll(f, lenient=True))
    return out


def read_conll(path: str | Path, lenient: bool = False) -> list[tuple[list[str], list[str]]]:
    """Sentences as (words, IOB2 tags). Raises AnalysisError for a malformed line (unless lenient)."""
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise AnalysisError(f"{path}: cannot read CoNLL file: {err}") from err
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.translate(char_table(bidi_marks=True)).strip()
        if not line:
            if words:
                sents.append((words, tags))
                words, tags = [], []
            continue
        parts = line.split()
        if len(parts) < 2:
            if lenient:
                continue
            raise AnalysisError(f"{path}:{lineno}: expected 'token TAG', got {line!r}")
        tag = lenient_tag(parts[-1]) if lenient else _TAG_FIX.get(parts[-1], parts[-1])
        if tag != "O" and not (tag[:2] in ("B-", "I-") and len(tag) > 2):
            raise AnalysisError(f"{path}:{lineno}: bad tag {parts[-1]!r}")
        words.append(parts[0])
        tags.append(tag)
    if words:
        sents.append((words, tags))
    return sents
