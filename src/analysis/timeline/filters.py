"""Which timeline entries a figure shows: one filter for the CLI, the report and the notebooks.

``EntryFilter`` holds a date range, event types, a minimum number of sources and a place;
``EntryFilter.parse`` builds it from the strings a user types (``--from 2025``, ``--types
withdrawal,handover``, ``--place "Ain al-Asad"``); ``filter_entries`` keeps the matching rows of a
``merge_events`` frame. A place matches itself, its English name (``data/places_en.tsv``) and, for a
country, every place of the gazetteer that lies in it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.errors import AnalysisError
from analysis.events.lexicon import place_by_name
from analysis.events.types import DEFAULT_TYPES, TYPES
from analysis.text import normalize
from analysis.timex.values import as_date
from analysis.wording import english_place, join_list, ltr, place_name, type_label, word

_DAY = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
#: ``--types all``: every type of the event-type table, also those not drawn by default.
ALL_TYPES = "all"


class FilterError(AnalysisError, ValueError):
    """A filter value that cannot be used (bad date, unknown type, negative count): one line for the CLI."""


def day_bound(text: str, last: bool = False) -> dt.date:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as its first day (``last``: its last day)."""
    match = _DAY.match(text.strip())
    if not match:
        raise FilterError(f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if month is None:
            return dt.date(year, 12, 31) if last else dt.date(year, 1, 1)
        if day is None:
            m = int(month)
            return dt.date(year, m, calendar.monthrange(year, m)[1] if last else 1)
        return dt.date(year, int(month), int(day))
    except ValueError as error:  # month 13, 31 February, month 0
        raise FilterError(f"date {text!r} is not a calendar date ({error})") from None


@dataclass(frozen=True)
class EntryFilter:
    """Entries to show: dates overlapping ``[date_from, date_to]``, of ``types`` (None: all), with at
    least ``min_sources`` sources, at ``place`` (None: anywhere). The default shows what the
    figure always showed: every dated entry of the types the event-type table marks ``shown``.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    types: tuple[str, ...] | None = DEFAULT_TYPES
    min_sources: int = 1
    place: str | None = None

    @classmethod
    def parse(
        cls,
        date_from: str | None = None,
        date_to: str | None = None,
        types: str | Sequence[str] | None = None,
        min_sources: int | str | None = None,
        place: str | None = None,
    ) -> EntryFilter:
        """A filter from user input (CLI flags, notebook parameters); bad input raises ``FilterError``.

        ``types`` is a comma-separated list or a sequence of type names, ``"all"`` for every type,
        None for the default types; dates are ``YYYY[-MM[-DD]]`` (``date_to`` up to the period's last day).
        """
        start = day_bound(date_from) if date_from else None
        end = day_bound(date_to, last=True) if date_to else None
        if start and end and start > end:
            raise FilterError(f"--from {date_from} is after --to {date_to}")
        names = [t.strip() for t in (types.split(",") if isinstance(types, str) else types or []) if t.strip()]
        if types is None or not names:
            chosen: tuple[str, ...] | None = DEFAULT_TYPES
        elif names == [ALL_TYPES]:
            chosen = None
        else:
            unknown = [t for t in names if t not in TYPES]
            if unknown:
                raise FilterError(f"unknown event type(s) {', '.join(unknown)}: choose from {', '.join(TYPES)} or all")
            chosen = tuple(dict.fromkeys(names))
        try:
            count = int(min_sources) if min_sources not in (None, "") else 1
        except ValueError:
            raise FilterError(f"minimum sources {min_sources!r} is not a whole number") from None
        if count < 1:
            raise FilterError(f"minimum sources must be at least 1, not {count}")
        return cls(start, end, chosen, count, place.strip() if place and place.strip() else None)

    @property
    def is_default(self) -> bool:
        """True when the filter shows what the figure shows without one."""
        return self == EntryFilter()

    def describe(self, language: str) -> str:
        """What the filter keeps, in ``language`` (empty for the default filter): for the figure's note."""
        parts = []
        if self.date_from:
            parts.append(word("filter_from", language, date=ltr(self.date_from.isoformat(), language)))
        if self.date_to:
            parts.append(word("filter_to", language, date=ltr(self.date_to.isoformat(), language)))
        if self.types != DEFAULT_TYPES:
            names = [type_label(t, language) for t in (self.types if self.types is not None else TYPES)]
            parts.append(word("filter_types", language, list=join_list(names, language)))
        if self.min_sources > 1:
            parts.append(word("filter_min_sources", language, n=self.min_sources))
        if self.place:
            parts.append(word("filter_place", language, place=place_name(self.place, language)))
        return join_list(parts, language) if parts else ""


def place_matches(place: str | None, wanted: str) -> bool:
    """Is ``place`` the place ``wanted`` (Arabic or English name), or inside the country ``wanted``?"""
    if not place:
        return False
    key = normalize(wanted).casefold()
    names = {normalize(place).casefold(), (english_place(place) or "").casefold()}
    if key in names:
        return True
    known = place_by_name().get(normalize(place))
    if known is None or known.country == known.canonical:
        return False
    country = known.country
    return key in {normalize(country).casefold(), (english_place(country) or "").casefold()}


def filter_entries(entries: pd.DataFrame, flt: EntryFilter | None = None) -> pd.DataFrame:
    """The rows of a ``merge_events`` frame that ``flt`` keeps, in their order (index reset).

    Entries without dates are kept only when no date bound is set; an entry's date range must
    overlap the bounds (a 2014–2017 war is in ``--from 2016``).
    """
    flt = flt or EntryFilter()
    keep = []
    for entry in entries.to_dict("records"):
        if flt.types is not None and entry.get("type") not in flt.types:
            keep.append(False)
            continue
        sources = entry.get("sources")
        n_sources = entry.get("n_sources")
        n = int(n_sources) if n_sources is not None and not pd.isna(n_sources) else len(sources or []) or 1
        if n < flt.min_sources:
            keep.append(False)
            continue
        if flt.place and not place_matches(entry.get("place") if isinstance(entry.get("place"), str) else None, flt.place):
            keep.append(False)
            continue
        if flt.date_from or flt.date_to:
            start, end = as_date(entry.get("start")), as_date(entry.get("end"))
            if start is None or end is None:
                keep.append(False)
                continue
            if (flt.date_from and end < flt.date_from) or (flt.date_to and start > flt.date_to):
                keep.append(False)
                continue
        keep.append(True)
    return entries[pd.Series(keep, index=entries.index, dtype=bool)].reset_index(drop=True)
