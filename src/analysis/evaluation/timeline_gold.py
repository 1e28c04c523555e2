"""The gold side of the timeline evaluation: the canonical list of milestones and the gold reports.

A canonical list (``timeline.json``, docs/TIMELINE_EVAL.md) lists each real-world event once with
its final state; the gold event files beside it (``NNN.json``, docs/ANNOTATION.md "Events") link
every annotated report to its milestone. ``gold_reports_as_events`` turns those reports into the
``Event`` records the merge takes, so that the merge can be scored apart from extraction.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.errors import AnalysisError

STATUSES = ("occurred", "ongoing", "planned")
CANONICAL_NAME = "timeline.json"


@dataclass(frozen=True)
class Milestone:
    """One real-world event of the canonical list, with its final date and status."""

    id: str
    type: str
    place: str | None
    date: str | None
    date_mod: str | None
    status: str
    planned_dates: tuple[str, ...]
    summary: str


@dataclass(frozen=True)
class GoldReport:
    """One annotated report: where its trigger is, its type and place, and the milestone it reports (or None)."""

    file: str
    trigger_start: int
    type: str
    place: str | None
    milestone: str | None


def _text(value: Any, what: str, where: str, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise AnalysisError(f"{where}: {what} must be a non-empty string, not {value!r}")
    return value.strip()


def canonical_path(gold: str | Path) -> Path:
    """``GOLD`` itself when a file, else ``GOLD/timeline.json``."""
    path = Path(gold)
    if path.is_dir():
        path = path / CANONICAL_NAME
    if not path.is_file():
        raise AnalysisError(f"{path}: canonical timeline not found")
    return path


def load_milestones(gold: str | Path) -> list[Milestone]:
    """The milestones of a canonical list, checked (ids unique, status known, lists where lists go)."""
    path = canonical_path(gold)
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise AnalysisError(f"{path}: cannot read the canonical timeline: {err}") from None
    items = doc.get("milestones") if isinstance(doc, dict) else None
    if not isinstance(items, list):
        raise AnalysisError(f"{path}: needs a JSON object with a list 'milestones'")
    out: list[Milestone] = []
    seen: set[str] = set()
    for k, item in enumerate(items, start=1):
        where = f"{path}: milestone {k}"
        if not isinstance(item, dict):
            raise AnalysisError(f"{where}: not a JSON object")
        mid = _text(item.get("id"), "id", where, required=True)
        where = f"{path}: milestone {k} ({mid})"
        if mid in seen:
            raise AnalysisError(f"{where}: id used twice")
        seen.add(mid)  # type: ignore[arg-type]
        status = item.get("status")
        if status not in STATUSES:
            raise AnalysisError(f"{where}: status must be one of {', '.join(STATUSES)}, not {status!r}")
        planned = item.get("planned_dates") or []
        if not isinstance(planned, list) or not all(isinstance(p, str) for p in planned):
            raise AnalysisError(f"{where}: planned_dates must be a list of TIMEX values")
        out.append(
            Milestone(
                id=mid,  # type: ignore[arg-type]
                type=_text(item.get("type"), "type", where, required=True),  # type: ignore[arg-type]
                place=_text(item.get("place"), "place", where),
                date=_text(item.get("date"), "date", where),
                date_mod=_text(item.get("date_mod"), "date_mod", where),
                status=status,
                planned_dates=tuple(planned),
                summary=str(item.get("summary_en") or ""),
            )
        )
    if not out:
        raise AnalysisError(f"{path}: the canonical timeline lists no milestones")
    return out


def gold_documents(folder: str | Path) -> list[tuple[Path, dict[str, Any]]]:
    """The gold event files (``*.json`` with ``file`` and ``events``) of a folder; the canonical list is skipped."""
    out = []
    for path in sorted(Path(folder).glob("*.json")):
        if path.name == CANONICAL_NAME:
            continue
        try:
            doc = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, ValueError) as err:
            raise AnalysisError(f"{path}: cannot read gold file: {err}") from None
        if not isinstance(doc, dict) or "file" not in doc or not isinstance(doc.get("events"), list):
            raise AnalysisError(f"{path}: not a gold event file (needs 'file' and a list 'events')")
        out.append((path, doc))
    return out


def gold_reports(folder: str | Path) -> list[GoldReport]:
    """Every annotated report of a folder of gold event files, with its milestone link."""
    out = []
    for path, doc in gold_documents(folder):
        name = Path(doc["file"]).name
        for k, ev in enumerate(doc["events"], start=1):
            try:
                out.append(GoldReport(name, int(ev["trigger"]["start"]), str(ev["type"]), ev.get("place"), ev.get("milestone")))
            except (KeyError, TypeError, ValueError):
                raise AnalysisError(f"{path}: event {k}: needs a trigger with a start and a type") from None
    return out


def _first_place(place: str | None) -> str | None:
    """A gold place listing several (``التنف، الشدادي``) stands for its first."""
    if not place:
        return None
    return place.replace("،", ",").split(",")[0].strip() or None


def gold_reports_as_events(folder: str | Path, corpus: str | Path | None = None) -> list[Any]:
    """The gold reports of a folder as ``Event`` records (one per report), for merging them.

    Articles are looked up by name under ``corpus`` (default: the same folder). Each event's
    sentence is the one holding its gold trigger; it keeps the gold type, date, status, place
    (the first, when several are listed) and actors.
    """
    from analysis.corpus import load_article
    from analysis.events import Event, Mention
    from analysis.gold import article_paths_by_name
    from analysis.text import sentences

    articles = article_paths_by_name([corpus or folder])
    out = []
    for path, doc in gold_documents(folder):
        name = Path(doc["file"]).name
        if name not in articles:
            raise AnalysisError(f"{path}: article {name} not found under {corpus or folder}")
        article = load_article(articles[name])
        spans = [(s.start, s.end) for s in sentences(article.analysis_text)]
        dct = dt.date.fromisoformat(doc["dct"]) if doc.get("dct") else article.date
        for ev in doc["events"]:
            t0, t1 = int(ev["trigger"]["start"]), int(ev["trigger"]["end"])
            s0, s1 = next(((a, b) for a, b in spans if a <= t0 < b), (t0, t1))
            mention = Mention(s0, s1, t0, t1, ev["trigger"].get("text", ""), ev.get("timex_text"), None, None)
            out.append(
                Event(
                    file=str(article.path), article_id=article.id, dct=dct, sentence_start=s0, sentence_end=s1,
                    sentence=article.content[s0:s1], trigger_start=t0, trigger_end=t1,
                    trigger=ev["trigger"].get("text", ""), type=ev["type"], date=ev.get("date"),
                    date_mod=ev.get("date_mod"), timex_text=ev.get("timex_text"), timex_start=None, timex_end=None,
                    status=ev.get("status") or "occurred", place=_first_place(ev.get("place")),
                    actors=tuple(ev.get("actors") or ()), summary=ev.get("summary_en") or "", mentions=(mention,),
                )
            )  # fmt: skip
    return out
