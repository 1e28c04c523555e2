"""Arabic temporal expressions (TIMEX3 style): ``find_timexes(text, dct)`` → ``list[Timex]``.

The grammar follows the project's annotation conventions (docs/ANNOTATION.md, "Temporal
expressions"): spans exclude a free preposition and an attached ب/ل/و, include modifiers (مطلع,
نهاية ...); ranges are one ISO interval; relative expressions are resolved against the document
creation time (dct). Matching runs on a normalized copy of the text, but offsets and surfaces
always come from the original, so ``text[t.start:t.end] == t.text`` for every result.
``day_interval`` gives the days a value covers and ``as_date`` reads any date argument; layout
and how to add a rule: docs/TIMEX.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from analysis.corpus import articles_from_frame
from analysis.errors import AnalysisError
from analysis.pipeline.records import SCHEMAS, stage_frame
from analysis.timex.grammar import run
from analysis.timex.normalize import NormText
from analysis.timex.values import Interval, as_date, day_interval

__all__ = ["Timex", "find_timexes", "timexes_frame", "TIMEX_COLUMNS", "day_interval", "as_date", "Interval"]


@dataclass(frozen=True)
class Timex:
    """One temporal expression: ``text == source[start:end]``; ``value`` in TIMEX3 format."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None
    calendar: str | None = None

    @property
    def interval(self) -> Interval | None:
        """The days the value covers, narrowed or widened by ``mod`` (see ``day_interval``); None for
        values that cannot be placed without the dct (vague references) or at all (durations, sets,
        seasons, decades …).

        A property, not a field: the record's fields (and so the pipeline's stored columns) stay
        ``start … calendar``.
        """
        return day_interval(self.value, self.mod)

    @property
    def first_day(self) -> dt.date | None:
        """The first day of ``interval`` (None when it has none)."""
        span = self.interval
        return span[0] if span else None

    @property
    def last_day(self) -> dt.date | None:
        """The last day of ``interval`` (None when it has none)."""
        span = self.interval
        return span[1] if span else None

    def to_dict(self) -> dict:
        """The JSON shape of the gold files (``calendar`` only when set)."""
        out = {"start": self.start, "end": self.end, "text": self.text, "type": self.type, "value": self.value, "mod": self.mod}
        if self.calendar:
            out["calendar"] = self.calendar
        return out


def find_timexes(text: str, dct: dt.date | str | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, in order, resolved against ``dct``.

    ``dct`` is a date or ``YYYY-MM-DD``; without it (None) relative values keep ``X`` for the
    unknown parts (``XXXX-XX-XX``). Never raises on arbitrary text.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    try:
        day = as_date(dct)
    except ValueError:
        day = None
    if day is None and dct is not None:  # not a date, or a missing value (NaN, NaT) passed as one
        raise AnalysisError(f"bad document date {dct!r}: expected YYYY-MM-DD") from None
    if not text:
        return []
    normed = NormText.of(text)
    out = []

    def surface(start: int, end: int) -> str:
        """The original text of a span of the normalized copy."""
        first, last = normed.span(start, end)
        return text[first:last]

    for c in run(normed.norm, day, surface):
        start, end = normed.span(c.start, c.end)
        # never report leading/trailing white space (spans never cross a line break)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        out.append(Timex(start, end, text[start:end], c.type, c.value, c.mod, c.calendar))
    return out


#: The columns of a timex frame: the pipeline's one schema for the timexes stage.
TIMEX_COLUMNS = list(SCHEMAS["timexes"].columns)


def timexes_frame(corpus: pd.DataFrame | Iterable) -> pd.DataFrame:
    """One row per timex of every article of a corpus (DataFrame from ``load_corpus`` or Articles).

    Runs on ``article.analysis_text`` so offsets are into the file content and nothing is found
    on the header line; the columns are the cached pipeline's (``line`` is the 1-based line of the
    timex in the file), so this frame equals the one ``analysis.study.Study`` reads from the cache.
    """
    articles = articles_from_frame(corpus) if isinstance(corpus, pd.DataFrame) else corpus
    return stage_frame("timexes", ((a, find_timexes(a.analysis_text, a.date)) for a in articles))
