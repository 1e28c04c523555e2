"""The events of a whole corpus as one DataFrame (one row per ``Event``, the record's fields as columns)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.corpus import articles_from_frame
from analysis.events.extract import extract_events
from analysis.pipeline.records import stage_frame


def events_frame(corpus_df: Any, **kwargs: Any) -> pd.DataFrame:
    """A DataFrame of the events of every article in a corpus DataFrame (``load_corpus``)."""
    return stage_frame("events", ((a, extract_events(a, **kwargs)) for a in articles_from_frame(corpus_df)))
