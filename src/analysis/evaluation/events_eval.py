"""Event recall against gold events (GUIDE.md §2, key ``events`` of ``gold/timex/NNN.json``).

A gold event is *found* when an event extracted from the same article has the same type, an
equal or overlapping date, and a report (``Event.mentions``) in the sentence that contains the
gold trigger. Dates compare as TIMEX intervals (``analysis.events.dating.interval``): ``2025-09``
matches ``2025-09`` + END; vague refs match the same ref; a gold event without a date is found
only by an extracted event without a date (the article gives none, so none may be invented).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from analysis.errors import AnalysisError
from analysis.events import dating
from analysis.events.extract import Event, extract_events


def dates_match(gold_value: str | None, gold_mod: str | None, value: str | None, mod: str | None, dct: Any) -> bool:
    """Equal TIMEX values, or overlapping day intervals; None only matches None."""
    if gold_value is None or value is None:
        return gold_value is None and value is None
    if gold_value == value:
        return True
    if gold_value.endswith("_REF") or value.endswith("_REF"):
        return False
    return dating.overlaps(dating.interval(gold_value, gold_mod, dct), dating.interval(value, mod, dct))


def load_gold_events(gold_dir: str | Path) -> list[dict[str, Any]]:
    """Every gold event of a folder of ``NNN.json`` files, each with its article's ``file`` and ``dct``."""
    gold_dir = Path(gold_dir)
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise AnalysisError(f"{gold_dir}: no gold *.json files")
    out = []
    for path in files:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise AnalysisError(f"{path}: cannot read gold file: {err}") from None
        out += _expand(doc)
    return out


def _expand(doc: dict[str, Any]) -> list[dict[str, Any]]:
    if "events" not in doc:
        return [doc]
    return [dict(ev, file=doc["file"], dct=doc.get("dct")) for ev in doc["events"]]


def _sentence_of(article: Any, offset: int) -> tuple[int, int]:
    from analysis.text import sentences

    for sent in sentences(article.analysis_text):
        if sent.start <= offset < sent.end:
            return sent.start, sent.end
    return offset, offset + 1


def is_found(gold: dict[str, Any], events: Sequence[Event], article: Any) -> bool:
    """Does one of ``events`` (of the gold event's article) match ``gold``?"""
    start = gold["trigger"]["start"]
    s_start, s_end = _sentence_of(article, start)
    for event in events:
        if event.type != gold["type"]:
            continue
        if not any(m.sentence_start <= start < m.sentence_end or (m.sentence_start == s_start) for m in event.mentions):
            continue
        if dates_match(gold.get("date"), gold.get("date_mod"), event.date, event.date_mod, article.date):
            return True
    return False


def event_recall(
    gold_events: Iterable[dict[str, Any]],
    articles: Iterable[Any],
    extract: Callable[[Any], list[Event]] | None = None,
) -> dict[str, Any]:
    """Recall of gold events over ``articles``: ``{"found", "total", "recall", "missed"}``.

    ``gold_events`` are gold event dicts with the article ``file`` basename (or whole gold
    documents with ``file`` and ``events``); ``extract`` defaults to ``extract_events``.
    Gold events whose article is not among ``articles`` are counted as missed.
    """
    extract = extract or extract_events
    by_name = {Path(a.path).name: a for a in articles}
    golds = [g for doc in gold_events for g in _expand(doc)]
    cache: dict[str, list[Event]] = {}
    found = 0
    missed = []
    for gold in golds:
        name = Path(gold["file"]).name
        article = by_name.get(name)
        if article is None:
            missed.append({**gold, "reason": "article not given"})
            continue
        if name not in cache:
            cache[name] = extract(article)
        if is_found(gold, cache[name], article):
            found += 1
        else:
            missed.append(gold)
    total = len(golds)
    return {"found": found, "total": total, "recall": found / total if total else 0.0, "missed": missed}
