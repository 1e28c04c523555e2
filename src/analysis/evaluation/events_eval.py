"""Event recall and precision against gold events (docs/ANNOTATION.md, section "Events"; key ``events`` of ``gold/timex/NNN.json``).

A gold event is *found* when an event extracted from the same article has the same type, an
equal or overlapping date, and a report (``Event.mentions``) in the sentence that contains the
gold trigger. Dates compare as TIMEX intervals (``analysis.events.dating.interval``): ``2025-09``
matches ``2025-09`` + END; vague refs match the same ref; a gold event without a date is found
only by an extracted event without a date (the article gives none, so none may be invented).

An extracted event is *correct* (precision) when it finds a gold event in that way, or when it
is a gold event of its article stated twice: same type, a matching date (or none: a restatement
often carries no date) and a compatible place. On the gold events found, the matched event's
date (value and mod), status and place are scored exactly (places compared by canonical name;
a gold place listing several, ``عين الأسد، فكتوريا``, accepts any of them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from analysis.gold import read_gold_folder
from analysis.events import dating
from analysis.events.attributes import same_place
from analysis.events.extract import extract_events
from analysis.events.lexicon import place_by_name
from analysis.events.records import Event
from analysis.text import normalize, sentences


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
    return [event for _, doc in read_gold_folder(gold_dir) for event in _expand(doc)]


def _expand(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The gold events of one gold document (or the document itself when it is one event)."""
    if "events" not in doc:
        return [doc]
    return [dict(ev, file=doc["file"], dct=doc.get("dct")) for ev in doc["events"]]


def _sentence_of(article: Any, offset: int) -> tuple[int, int]:
    """The (start, end) of the sentence of ``article`` that holds ``offset``."""
    for sent in sentences(article.analysis_text):
        if sent.start <= offset < sent.end:
            return sent.start, sent.end
    return offset, offset + 1


def _in_sentence(event: Event, start: int, s_start: int) -> bool:
    """Has ``event`` a report in the sentence starting at ``s_start`` (which holds offset ``start``)?"""
    return any(m.sentence_start <= start < m.sentence_end or m.sentence_start == s_start for m in event.mentions)


def matching_event(gold: dict[str, Any], events: Sequence[Event], article: Any) -> Event | None:
    """The extracted event that finds ``gold`` (the one whose trigger covers the gold trigger first)."""
    start = gold["trigger"]["start"]
    s_start, _ = _sentence_of(article, start)
    hits = [
        e for e in events
        if e.type == gold["type"] and _in_sentence(e, start, s_start)
        and dates_match(gold.get("date"), gold.get("date_mod"), e.date, e.date_mod, article.date)
    ]  # fmt: skip
    if not hits:
        return None
    end = gold["trigger"]["end"]
    return min(hits, key=lambda e: (not any(m.trigger_start < end and start < m.trigger_end for m in e.mentions), e.trigger_start))


def canonical_place(name: str | None) -> str | None:
    """A place name as the gazetteer spells it (``فكتوريا`` → ``فيكتوريا``), for comparisons."""
    if not name:
        return None
    place = place_by_name().get(normalize(name))
    return place.canonical if place else normalize(name)


def gold_places(gold_place: str | None) -> list[str | None]:
    """The places a gold ``place`` names: ``عين الأسد، فكتوريا`` and ``العراق وسوريا`` name two each."""
    if not gold_place:
        return [None]
    names: list[str] = []
    for part in (p.strip() for p in re.split(r"\s*[،,]\s*", gold_place)):
        pieces = [q for q in re.split(r"\s+و(?=\S)", part) if q.strip()]
        # ``العراق وسوريا`` names two places; ``كي وان`` is one name whose second word starts with و
        whole = normalize(part) in place_by_name() or any(len(q.strip()) < 3 for q in pieces)
        names += [part] if whole else pieces
    return [canonical_place(p) for p in names if p] or [None]


def _places_compatible(gold_place: str | None, place: str | None) -> bool:
    """Is ``place`` compatible (``same_place``) with one of the places ``gold_place`` names?"""
    return any(same_place(g, canonical_place(place)) for g in gold_places(gold_place))


def is_restatement(event: Event, golds: Sequence[dict[str, Any]], article: Any) -> bool:
    """Is ``event`` a gold event of its article stated a second time (type, date or none, place)?"""
    for gold in golds:
        if gold["type"] != event.type:
            continue
        dated_ok = event.date is None or dates_match(gold.get("date"), gold.get("date_mod"), event.date, event.date_mod, article.date)
        if dated_ok and _places_compatible(gold.get("place"), event.place):
            return True
    return False


def judge(event: Event, golds: Sequence[dict[str, Any]], article: Any) -> str | None:
    """Is an extracted event correct: ``"direct"`` (it reports a gold event of its sentence: type and
    date), ``"restated"`` (``is_restatement``), or None (a false event)?"""
    direct = any(
        g["type"] == event.type
        and _in_sentence(event, g["trigger"]["start"], _sentence_of(article, g["trigger"]["start"])[0])
        and dates_match(g.get("date"), g.get("date_mod"), event.date, event.date_mod, article.date)
        for g in golds
    )
    if direct:
        return "direct"
    return "restated" if is_restatement(event, golds, article) else None


def _describe(event: Event) -> dict[str, Any]:
    """The fields of an extracted event a report prints."""
    return {
        "file": Path(event.file).name, "type": event.type, "trigger": event.trigger, "trigger_start": event.trigger_start,
        "date": event.date, "date_mod": event.date_mod, "status": event.status, "place": event.place,
        "sentence": event.sentence,
    }  # fmt: skip


def event_recall(
    gold_events: Iterable[dict[str, Any]],
    articles: Iterable[Any],
    extract: Callable[[Any], list[Event]] | None = None,
) -> dict[str, Any]:
    """Recall and precision of events over ``articles``, and attribute accuracy on found events.

    ``gold_events`` are gold event dicts with the article ``file`` basename (or whole gold
    documents with ``file`` and ``events``); ``extract`` defaults to ``extract_events``.
    Gold events whose article is not among ``articles`` are counted as missed; every event
    extracted from ``articles`` counts for precision.

    Returns ``found``, ``total``, ``recall``, ``missed`` (gold dicts), ``predicted``, ``correct``,
    ``precision``, ``f1``, ``restated`` (correct only as a restatement), ``false_alarms``
    (dicts), ``matched`` (found events scored) and ``date_acc``, ``status_acc``, ``place_acc``
    (exact on the found events), ``wrong`` (attribute disagreements), ``by_type`` (type → gold, found,
    predicted and correct counts: where recall and precision are lost).
    """
    extract = extract or extract_events
    articles = list(articles)
    by_name = {Path(a.path).name: a for a in articles}
    golds = [g for doc in gold_events for g in _expand(doc)]
    by_file: dict[str, list[dict[str, Any]]] = {}
    for gold in golds:
        by_file.setdefault(Path(gold["file"]).name, []).append(gold)
    cache: dict[str, list[Event]] = {}

    def events_of(name: str) -> list[Event]:
        if name not in cache:
            cache[name] = extract(by_name[name])
        return cache[name]

    found = 0
    by_type: dict[str, dict[str, int]] = {}

    def tally(type_: str, key: str) -> None:
        counts = by_type.setdefault(type_, {"gold": 0, "found": 0, "predicted": 0, "correct": 0})
        counts[key] += 1

    missed: list[dict[str, Any]] = []
    date_ok = status_ok = place_ok = 0
    wrong: list[dict[str, Any]] = []
    for gold in golds:
        tally(gold["type"], "gold")
        name = Path(gold["file"]).name
        article = by_name.get(name)
        if article is None:
            missed.append({**gold, "reason": "article not given"})
            continue
        event = matching_event(gold, events_of(name), article)
        if event is None:
            missed.append(gold)
            continue
        found += 1
        tally(gold["type"], "found")
        checks = {
            "date": (gold.get("date"), gold.get("date_mod")) == (event.date, event.date_mod),
            "status": gold.get("status") == event.status,
            "place": canonical_place(event.place) in gold_places(gold.get("place")),
        }
        date_ok += checks["date"]
        status_ok += checks["status"]
        place_ok += checks["place"]
        if not all(checks.values()):
            wrong.append({"gold": gold, "got": _describe(event), "fields": [k for k, ok in checks.items() if not ok]})

    predicted = correct = restated = 0
    false_alarms: list[dict[str, Any]] = []
    for name in sorted(by_name):
        article = by_name[name]
        file_golds = by_file.get(name, [])
        for event in events_of(name):
            predicted += 1
            tally(event.type, "predicted")
            verdict = judge(event, file_golds, article)
            if verdict:
                correct += 1
                tally(event.type, "correct")
                restated += verdict == "restated"
            else:
                false_alarms.append(_describe(event))
    total = len(golds)
    recall = found / total if total else 0.0
    precision = correct / predicted if predicted else 0.0
    return {
        "found": found, "total": total, "recall": recall, "missed": missed,
        "predicted": predicted, "correct": correct, "precision": precision,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "restated": restated, "false_alarms": false_alarms,
        "matched": found,
        "date_acc": date_ok / found if found else 0.0,
        "status_acc": status_ok / found if found else 0.0,
        "place_acc": place_ok / found if found else 0.0,
        "wrong": wrong,
        "by_type": dict(sorted(by_type.items())),
    }  # fmt: skip


def event_report(result: dict[str, Any], details: bool = False) -> list[str]:
    """Printable lines for ``event_recall``'s result (misses, false alarms and wrong fields with ``details``)."""
    lines = [
        f"event recall {result['recall']:.3f} ({result['found']}/{result['total']})",
    ]
    if "precision" in result:
        lines += [
            f"event precision {result['precision']:.3f} ({result['correct']}/{result['predicted']}, "
            f"{result['restated']} as restatements)  event F1 {result['f1']:.3f}",
            f"on {result['matched']} found events: date accuracy {result['date_acc']:.3f}  "
            f"status accuracy {result['status_acc']:.3f}  place accuracy {result['place_acc']:.3f}",
        ]
    if result.get("by_type"):
        lines.append(
            "by type (found/gold, correct/predicted): "
            + "  ".join(f"{t} {c['found']}/{c['gold']}, {c['correct']}/{c['predicted']}" for t, c in result["by_type"].items())
        )
    if details:
        for g in result.get("missed", []):
            lines.append(
                f"    missed event  {Path(g['file']).name} [{g['trigger']['start']}] {g['trigger']['text']!r} "
                f"{g['type']} {g.get('date')} {g.get('date_mod') or ''}"
            )
        for e in result.get("false_alarms", []):
            lines.append(
                f"    false event   {e['file']} [{e['trigger_start']}] {e['trigger']!r} {e['type']} {e['date']} {e['date_mod'] or ''}"
            )
        for w in result.get("wrong", []):
            g, e = w["gold"], w["got"]
            lines.append(
                f"    wrong {','.join(w['fields'])}  {e['file']} {g['trigger']['text']!r} gold "
                f"{g.get('date')} {g.get('date_mod')} {g.get('status')} {g.get('place')} | got {e['date']} {e['date_mod']} {e['status']} {e['place']}"
            )
    return lines
