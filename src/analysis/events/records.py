"""The records extraction returns: an ``Event`` with its provenance and each report of it (``Mention``).

Conventions (what a trigger, a date and a status are) follow docs/ANNOTATION.md, section "Events".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from analysis.events import dating


@dataclass(frozen=True)
class Mention:
    """One report of an event inside an article: its sentence, trigger and timex (offsets into content)."""

    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    trigger: str
    timex: str | None
    timex_start: int | None
    timex_end: int | None


@dataclass(frozen=True)
class Event:
    """A dated (or undated) event with its provenance. Offsets are into ``Article.content``.

    ``date`` is a TIMEX value (``2024-09``, ``2026`` with ``date_mod`` START, ``2014/2017``,
    ``FUTURE_REF``) or None; ``status`` is occurred / ongoing / planned relative to ``dct``.
    ``mentions`` lists every report of this event in the article (the first is the one above).
    ``news_statement`` marks an announcement that is a state body's statement reported as news: an event
    of its own for the article, a source (not a row) of the events its sentence reports on the timeline.
    """

    file: str
    article_id: str
    dct: dt.date
    sentence_start: int
    sentence_end: int
    sentence: str
    trigger_start: int
    trigger_end: int
    trigger: str
    type: str
    date: str | None
    date_mod: str | None
    timex_text: str | None
    timex_start: int | None
    timex_end: int | None
    status: str
    place: str | None
    actors: tuple[str, ...]
    summary: str
    mentions: tuple[Mention, ...] = field(default=())
    news_statement: bool = False  # a state body's statement reported as news: a source of its sentence's events (``statements``)

    @property
    def interval(self) -> dating.Interval | None:
        """The days this event's date covers (see ``dating.interval``)."""
        return dating.interval(self.date, self.date_mod, self.dct)

    def to_record(self) -> dict[str, Any]:
        """A flat dict for a DataFrame row (actors as a list, mentions as a list of dicts)."""
        record = asdict(self)
        record["actors"] = list(self.actors)
        record["mentions"] = [asdict(m) for m in self.mentions]
        return record
