"""The evidence behind timeline entries: every report with its sentence, and each entry's status over time.

``entry_reports`` lists the reports merged into one entry: outlet, article date, URL, the report's
status and the sentence cut out of the article file by its offsets (docs/ANNOTATION.md, "Common
ground"), checked against the trigger the extraction recorded. ``status_history`` gives each
entry's statuses in the order the articles were published (planned → occurred). Both draw from a
``Study``: the entries are the reviewed ones (``Study.entries``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from analysis.study import Study

REPORT_COLUMNS = ["outlet", "date", "status", "file", "sentence_start", "sentence_end", "sentence", "url"]
HISTORY_COLUMNS = ["id", "date", "type", "place", "status", "history", "planned_dates", "status_counts", "n_sources"]


def _articles(study: Study) -> dict[str, Mapping[str, Any]]:
    return {str(row["id"]): row for row in study.corpus.to_dict("records")}


def _report_statuses(study: Study) -> dict[tuple[str, int], str]:
    """(article id, trigger start) → the status the report gives (from the events frame)."""
    events = study.events
    if not len(events):
        return {}
    return {(str(a), int(t)): str(s) for a, t, s in zip(events["article_id"], events["trigger_start"], events["status"])}


def entry_reports(study: Study, entry: Mapping[str, Any]) -> pd.DataFrame:
    """Every report behind ``entry`` (a row of ``study.entries``), oldest first, with its sentence.

    ``sentence`` is ``content[sentence_start:sentence_end]`` of the article file; a report whose
    trigger is not at its recorded offsets raises ``ValueError`` (offsets are never approximate).
    """
    articles, statuses = _articles(study), _report_statuses(study)
    rows = []
    for source in entry.get("sources") or []:
        article = articles[str(source["article_id"])]
        content = article["content"]
        if content[source["trigger_start"] : source["trigger_end"]] != source["trigger"]:
            raise ValueError(f"{source['file']}:{source['trigger_start']}-{source['trigger_end']}: "
                             f"the trigger {source['trigger']!r} is not at its offsets")  # fmt: skip
        rows.append({
            "outlet": article["source"],
            "date": pd.Timestamp(article["date"]).date(),
            "status": statuses.get((str(source["article_id"]), int(source["trigger_start"]))),
            "file": source["file"],
            "sentence_start": source["sentence_start"],
            "sentence_end": source["sentence_end"],
            "sentence": content[source["sentence_start"] : source["sentence_end"]],
            "url": article["url"],
        })  # fmt: skip
    return pd.DataFrame(rows, columns=REPORT_COLUMNS)


def status_history(study: Study) -> pd.DataFrame:
    """One row per entry: its statuses as the reports came out, e.g. ``planned (2024-10-01) → occurred (2026-01-20)``.

    Consecutive reports with the same status are shown once (with the first date it was reported);
    ``planned_dates`` (the dates the plans gave, oldest plan first) and ``status_counts`` (reports per
    status) are the merge's (``analysis.events.merge_events``).
    """
    articles, statuses = _articles(study), _report_statuses(study)
    rows = []
    for entry in study.entries.to_dict("records"):
        steps: list[tuple[str, str]] = []
        reports = sorted(
            ((str(pd.Timestamp(articles[str(s["article_id"])]["date"]).date()),
              statuses.get((str(s["article_id"]), int(s["trigger_start"])), "?"))
             for s in entry.get("sources") or []),
        )  # fmt: skip
        for day, status in reports:
            if not steps or steps[-1][1] != status:
                steps.append((day, status))
        rows.append({
            "id": entry.get("id"), "date": entry.get("date"), "type": entry.get("type"), "place": entry.get("place"),
            "status": entry.get("status"), "history": " → ".join(f"{s} ({d})" for d, s in steps),
            "planned_dates": " → ".join(map(str, entry.get("planned_dates") or [])),
            "status_counts": entry.get("status_counts"), "n_sources": entry.get("n_sources"),
        })  # fmt: skip
    return pd.DataFrame(rows, columns=HISTORY_COLUMNS)


LEARNED_COLUMNS = ["article_id", "type", "trigger", "date", "status", "place", "sentence"]


def learned_events(study: Study) -> pd.DataFrame:
    """The study's events that the rules alone do not give: those the learned trigger tagger proposed
    or rescued (``analysis.events.learned``), so a researcher can check them first. Each article of the
    study's corpus (no file read again) is extracted once more without the tagger (and, for speed, without NER on both sides: NER moves places,
    not triggers)."""
    from analysis.corpus import articles_from_frame
    from analysis.events import extract_events, learned

    keys: set[tuple[str, int, str]] = set()
    for article in articles_from_frame(study.corpus):
        with_tagger = {(article.id, e.trigger_start, e.type) for e in extract_events(article, use_ner=False)}
        with learned.use_model(None):
            rules = {(article.id, e.trigger_start, e.type) for e in extract_events(article, use_ner=False)}
        keys |= with_tagger - rules
    events = study.events
    if not len(events) or not keys:
        return pd.DataFrame(columns=LEARNED_COLUMNS)
    mask = [(str(a), int(s), t) in keys for a, s, t in zip(events["article_id"], events["trigger_start"], events["type"])]
    return events.loc[mask, LEARNED_COLUMNS].reset_index(drop=True)
