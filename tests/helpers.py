"""Small helpers shared by the tests: build article files in a temporary folder, and event reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from analysis.corpus import load_article
from analysis.events import Event, Mention, extract_events, learned, merge_events


def write_article(folder: Path, name: str, text: str | bytes) -> Path:
    """Write an article file (str as UTF-8, bytes as is) and return its path."""
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))
    return path


def article_text(date: str = "2025-12-31", url: str = "https://example.com/a/1",
                 title: str = "عنوان الخبر", body: str = "نص الخبر الأول.\n\nفقرة ثانية من الخبر.") -> str:
    """A well-formed article in the seed format."""
    return f" date {date} {url}\n\n{title}\n\n{body}\n"


def body_events(folder: Path, body: str, dct: str = "2025-12-31", title: str = "تقرير إخباري") -> list[Event]:
    """Events (without NER) of a one-article file ``001_case.txt`` whose text is ``body``, dated ``dct``."""
    path = write_article(folder, "001_case.txt", article_text(dct, "https://example.org/case", title, body))
    return extract_events(load_article(path), use_ner=False)


def body_events_by(mode: str, folder: Path, body: str, dct: str = "2025-12-31", title: str = "تقرير إخباري") -> list[Event]:
    """``body_events`` by the rules alone (``mode`` ``"rules"``) or with the shipped learned tagger (``"tagger"``)."""
    if mode == "rules":
        with learned.use_model(None):
            return body_events(folder, body, dct=dct, title=title)
    return body_events(folder, body, dct=dct, title=title)


def events_of(events: list[Event], type_: str, word: str | None = None) -> list[Event]:
    """The events of ``type_`` (whose sentence holds ``word``, when given)."""
    return [e for e in events if e.type == type_ and (word is None or word in e.sentence)]


def statuses_at(events: list[Event], where: str) -> list[str]:
    """The statuses of the events whose trigger holds ``where``."""
    return [e.status for e in events if where in e.trigger]


def report(type_: str, place: str | None, date: str | None, status: str, dct: str, file: str = "a.txt",
           start: int = 100, mod: str | None = None, trigger: str = "انسحاب") -> Event:  # fmt: skip
    """One event report as extraction gives it, for the merge tests (sentence and trigger offsets made up)."""
    return Event(
        file=f"/corpus/{file}", article_id=Path(file).stem, dct=dt.date.fromisoformat(dct), sentence_start=start,
        sentence_end=start + 80, sentence="…", trigger_start=start + 5, trigger_end=start + 10, trigger=trigger,
        type=type_, date=date, date_mod=mod, timex_text=date, timex_start=None, timex_end=None, status=status,
        place=place, actors=(), summary=f"{type_} {place} {date}",
        mentions=(Mention(start, start + 80, start + 5, start + 10, trigger, date, None, None),),
    )  # fmt: skip


def merged_rows(*events: Event, indexed: bool = True) -> list[dict]:
    """The lifecycle merge of some reports, as the timeline's rows."""
    return merge_events(list(events), indexed=indexed).to_dict("records")


def same_both_ways(*events: Event) -> list[dict]:
    """The merge with and without the index: the same frame (the index is only for speed)."""
    fast, slow = merged_rows(*events), merged_rows(*events, indexed=False)
    assert fast == slow
    return fast
