"""Dated events for the timeline (GUIDE.md §2): extraction per article, merging across articles.

``extract_events(article)`` finds event triggers (lexicon kept as data in
``analysis/data/event_triggers.tsv``), dates each from the timex that governs it and keeps its
provenance; ``merge_events(events)`` joins reports of the same event from several articles.
"""

from analysis.events.dating import interval, overlaps
from analysis.events.extract import Event, Mention, events_frame, extract_events
from analysis.events.lexicon import EVENT_TYPES
from analysis.events.merge import ENTRY_COLUMNS, merge_events

__all__ = [
    "EVENT_TYPES", "ENTRY_COLUMNS", "Event", "Mention", "events_frame", "extract_events",
    "interval", "merge_events", "overlaps",
]  # fmt: skip
