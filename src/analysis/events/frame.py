"""The events of a whole corpus as one DataFrame (one row per ``Event``, the record's fields as columns)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.corpus import articles_from_frame
from analysis.events.extract import extract_events
from analysis.events.records import Event


def events_frame(corpus_df: Any, **kwargs: Any) -> Any:
    """A DataFrame of the events of every article in a corpus DataFrame (``load_corpus``)."""
    rows = [e.to_record() for a in articles_from_frame(corpus_df) for e in extract_events(a, **kwargs)]
    columns = list(Event.__dataclass_fields__)
    frame = pd.DataFrame(rows, columns=columns)
    return frame
