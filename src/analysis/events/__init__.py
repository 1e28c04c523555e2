"""Dated events for the timeline (docs/ANNOTATION.md, section "Events"): extraction per article, merging across articles.

``extract_events(article)`` finds event triggers (lexicon kept as data in
``analysis/data/event_triggers.tsv``, event types in ``analysis/data/event_types.tsv``), dates each
from the timex that governs it and keeps its provenance; ``merge_events(events)`` joins reports of
the same event from several articles.

Modules: ``types`` (the event-type table), ``lexicon`` (trigger and cue words, gazetteers),
``rules`` (what must hold around a trigger), ``modality`` (demanded, denied, possible, postponed …:
an event, a planned one, or none), ``triggers`` (which triggers are events), ``dating`` (TIMEX
intervals, which timex dates which trigger: deadlines, reports, relative clauses), ``screen`` (what
goes on the timeline once dated), ``clauses`` (where one event's words stop), ``location`` (the place a
trigger governs), ``places`` (the place tree: containment), ``attributes`` (status, actors, summary), ``records`` (``Event``,
``Mention``), ``extract`` (one article, in-article dedup), ``frame`` (a corpus as a DataFrame),
``merge`` (across articles).
"""

from analysis.events.dating import interval, overlaps
from analysis.events.extract import extract_events
from analysis.events.frame import events_frame
from analysis.events.merge import ENTRY_COLUMNS, merge_events
from analysis.events.records import Event, Mention
from analysis.events.types import EVENT_TYPES

__all__ = [
    "EVENT_TYPES", "ENTRY_COLUMNS", "Event", "Mention", "events_frame", "extract_events",
    "interval", "merge_events", "overlaps",
]  # fmt: skip
