"""``merge_events`` at scale: the indexed merge gives exactly the entries of the quadratic one.

The quadratic implementation (``src/analysis/events/merge.py`` at commit 2390581) is kept below,
verbatim, as the reference. Each test merges the same reports with both and compares the frames
cell by cell: randomized report lists (seeded; ties on every sort key, duplicates, undated and
unplaceable dates, country/city places, several input orders) and the events of the fixture
articles (``tests/fixtures/events*``), as ``Event`` lists and as an ``events_frame``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from analysis.corpus import load_article, load_corpus
from analysis.events import dating, events_frame, extract_events, merge_events
from analysis.events.attributes import same_place
from analysis.events.records import Event, Mention

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_DIRS = [FIXTURES / name for name in ("events", "events_challenge", "events_holdout")]

# ---------------------------------------------------------------------------------------------
# Reference: the quadratic merge, verbatim (only renamed)

REF_COLUMNS = [
    "date", "date_mod", "start", "end", "type", "status", "place", "actors", "summary",
    "n_sources", "sources", "dct_max",
]  # fmt: skip


@dataclass
class _Entry:
    events: list[Event] = field(default_factory=list)

    def best(self) -> Event:
        """The report whose date stands for the entry: the most reported value, then the most precise."""
        counts = Counter((e.date, e.date_mod) for e in self.events)
        return min(
            self.events,
            key=lambda e: (
                e.date is None,
                -counts[(e.date, e.date_mod)],
                e.date is not None and e.date.endswith("_REF"),
                not (e.date and "/" in e.date and e.timex_text and "/" not in (e.date_mod or "") and _explicit_span(e)),
                dating.width(e.interval),
                e.dct,
                e.file,
                e.trigger_start,
            ),
        )

    def accepts(self, event: Event) -> bool:
        for kept in self.events:
            if kept.type != event.type:
                return False
        best = self.best()
        if best.date is None or event.date is None:
            return best.date is None and event.date is None and best.place is not None and best.place == event.place
        if not dating.overlaps(best.interval, event.interval):
            return False
        return same_place(best.place, event.place)


def _explicit_span(event: Event) -> bool:
    """An interval written as such (``2014–2017``), not a ``خلال شهر`` made into one: it says more."""
    return bool(event.timex_text) and any(ch.isdigit() for ch in event.timex_text)


def _status(events: list[Event], best: Event) -> str:
    """The status from the newest report: a plan reported later as done is ``occurred``."""
    newest = max(events, key=lambda e: (e.dct, e.file))
    return newest.status if newest.dct >= best.dct else best.status


def _sources(events: list[Event]) -> list[dict[str, Any]]:
    out = []
    for e in sorted(events, key=lambda e: (e.dct, e.file, e.trigger_start)):
        out.append(
            {
                "file": Path(e.file).name,
                "article_id": e.article_id,
                "dct": e.dct.isoformat(),
                "sentence_start": e.sentence_start,
                "sentence_end": e.sentence_end,
                "trigger": e.trigger,
                "trigger_start": e.trigger_start,
                "trigger_end": e.trigger_end,
                "timex": e.timex_text,
            }
        )
    return out


def reference_merge_events(events: Iterable[Event] | pd.DataFrame) -> pd.DataFrame:
    """Timeline entries (``ENTRY_COLUMNS``), sorted by date then type; undated entries last.

    ``start``/``end`` are the days the entry's date covers (None when undated or vague without a
    dct), ``n_sources`` the number of distinct articles, ``sources`` one dict per report.
    """
    if isinstance(events, pd.DataFrame):
        events = [_event_from_row(r) for r in events.to_dict("records")]
    ordered = sorted(events, key=lambda e: (dating.width(e.interval), e.dct, e.file, e.trigger_start))
    entries: list[_Entry] = []
    for event in ordered:
        for entry in entries:
            if entry.accepts(event):
                entry.events.append(event)
                break
        else:
            entries.append(_Entry([event]))
    rows = []
    for entry in entries:
        best = entry.best()
        span = best.interval
        actors: list[str] = []
        for e in sorted(entry.events, key=lambda e: (e.dct, e.file)):
            actors += [a for a in e.actors if a not in actors]
        places = Counter(e.place for e in entry.events if e.place)
        place = best.place or (min(places, key=lambda p: (-places[p], p)) if places else None)
        rows.append(
            {
                "date": best.date,
                "date_mod": best.date_mod,
                "start": span[0] if span else None,
                "end": span[1] if span else None,
                "type": best.type,
                "status": _status(entry.events, best),
                "place": place,
                "actors": actors[:4],
                "summary": best.summary,
                "n_sources": len({e.file for e in entry.events}),
                "sources": _sources(entry.events),
                "dct_max": max(e.dct for e in entry.events),
            }
        )
    frame = pd.DataFrame(rows, columns=REF_COLUMNS)
    if len(frame):
        frame["_undated"] = frame["start"].isna()
        frame["_start"] = frame["start"].map(lambda d: d or dt.date.max)
        frame = frame.sort_values(["_undated", "_start", "type", "place"], kind="stable", na_position="last")
        frame = frame.drop(columns=["_undated", "_start"]).reset_index(drop=True)
    return frame


def _event_from_row(row: dict[str, Any]) -> Event:
    """Rebuild an ``Event`` from an ``events_frame`` row."""
    row = dict(row)
    dct = row["dct"]
    if not isinstance(dct, dt.date) or isinstance(dct, dt.datetime):
        dct = pd.Timestamp(dct).date()
    row["dct"] = dct
    row["actors"] = tuple(row.get("actors") or ())
    row["mentions"] = tuple(Mention(**m) for m in (row.get("mentions") or ()))
    for key in ("timex_start", "timex_end"):
        if row.get(key) is not None and pd.isna(row[key]):
            row[key] = None
        elif row.get(key) is not None:
            row[key] = int(row[key])
    for key in ("date", "date_mod", "timex_text", "place"):
        if row.get(key) is not None and not isinstance(row[key], str) and pd.isna(row[key]):
            row[key] = None
    return Event(**{k: row[k] for k in Event.__dataclass_fields__})


# ---------------------------------------------------------------------------------------------
# Randomized reports

TYPES = ("handover", "withdrawal", "attack")
#: Overlapping values of every granularity, vague refs, spans, and values without an interval.
DATES = (
    "2025-09-15", "2025-09-16", "2025-09-30", "2025-10-01", "2025-12-31TEV", "2025-09", "2025-10",
    "2025", "2026", "2025-W38", "2025-Q3", "2025-Q4", "2014/2017", "2025-09-01/2025-10-10",
    "2025-09-15/2025-09-20", "2025/2026", "PAST_REF", "FUTURE_REF", "PRESENT_REF", "2025-13", "2017/2014",
    "", None, None, None,
)  # fmt: skip
MODS = (None, None, None, "START", "MID", "END", "APPROX", "BEFORE/AFTER")
DCTS = (dt.date(2025, 9, 10), dt.date(2025, 9, 20), dt.date(2025, 10, 5), dt.date(2026, 1, 2))
#: Equal places, variants, a country and its cities and bases, another country, an unknown name.
PLACES = (None, None, "العراق", "سوريا", "بغداد", "أربيل", "اربيل", "عين الأسد", "حرير", "الشدادي", "مكان ما")
FILES = ("/c/a1.txt", "/c/a2.txt", "/c/a3.txt", "/d/a1.txt", "/c/b.txt")
ACTORS = ((), ("العراق",), ("الولايات المتحدة", "العراق"), ("التحالف",), ("التحالف", "العراق", "إيران", "تركيا", "فرنسا"))
TIMEX_TEXTS = (None, "2025", "خلال شهر", "2014–2017", "أيلول")


def random_event(rng: random.Random, i: int, narrow: bool) -> Event:
    """One report; ``narrow`` draws from a few values so that most keys tie."""

    def pick(pool: tuple) -> Any:
        return rng.choice(pool[:3] if narrow and len(pool) > 3 else pool)

    file = pick(FILES)
    start = rng.randrange(0, 4 if narrow else 400)
    return Event(
        file=file,
        article_id=Path(file).stem,
        dct=pick(DCTS),
        sentence_start=start,
        sentence_end=start + 50,
        sentence="جملة",
        trigger_start=start + rng.randrange(0, 3),
        trigger_end=start + 5,
        trigger="تسليم",
        type=rng.choice(TYPES[:2] if narrow else TYPES),
        date=rng.choice(DATES),
        date_mod=rng.choice(MODS),
        timex_text=rng.choice(TIMEX_TEXTS),
        timex_start=None,
        timex_end=None,
        status=rng.choice(("occurred", "planned", "ongoing")),
        place=rng.choice(PLACES),
        actors=rng.choice(ACTORS),
        summary=f"summary {i}",
    )


def random_events(seed: int, n: int) -> list[Event]:
    """``n`` reports, about a fifth of them copies (exact, or with one field changed) of earlier ones."""
    rng = random.Random(seed)
    narrow = seed % 3 == 0
    events: list[Event] = []
    for i in range(n):
        if events and rng.random() < 0.2:
            copy = rng.choice(events)
            field_name = rng.choice(("file", "date", "place", "summary", "status", None))
            if field_name is not None:
                copy = dataclasses.replace(copy, **{field_name: getattr(random_event(rng, i, narrow), field_name)})
            events.append(copy)
        else:
            events.append(random_event(rng, i, narrow))
    return events


def assert_same_entries(events: Iterable[Event] | pd.DataFrame) -> pd.DataFrame:
    """Merge with both implementations and compare every cell, dtype and column; the new frame."""
    if not isinstance(events, pd.DataFrame):
        events = list(events)
    expected = reference_merge_events(events)
    got = merge_events(events)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert got.to_dict("records") == expected.to_dict("records")
    return got


@pytest.mark.parametrize("block", range(20))
def test_random_reports_merge_as_before(block):
    for seed in range(block * 15, block * 15 + 15):
        n = random.Random(seed).choice((0, 1, 2, 5, 20, 60, 150))
        assert_same_entries(random_events(seed, n))


@pytest.mark.parametrize("seed", [1001, 1002, 1003])
def test_random_reports_merge_as_before_in_any_order(seed):
    events = random_events(seed, 120)
    rng = random.Random(seed)
    for _ in range(6):
        rng.shuffle(events)
        assert_same_entries(events)
    assert_same_entries(list(reversed(events)))


@pytest.mark.parametrize("seed", [2001, 2002])
def test_large_random_lists_merge_as_before(seed):
    assert_same_entries(random_events(seed, 600))


def test_random_reports_merge_as_before_from_a_frame():
    for seed in (3001, 3002, 3003):
        frame = pd.DataFrame([e.to_record() for e in random_events(seed, 80)], columns=list(Event.__dataclass_fields__))
        assert_same_entries(frame)


def _tied(date: str, i: int, place: str | None = None) -> Event:
    """A report that ties with the other ``_tied`` reports on every key but its (date, date_mod)."""
    return dataclasses.replace(random_event(random.Random(0), i, True), file="/c/t.txt", dct=DCTS[0], trigger_start=3,
                               type="handover", date=date, date_mod=None, timex_text=None, place=place)  # fmt: skip


def test_full_ties_between_dates_go_to_the_first_report():
    """Same day written two ways, equally often: the report that came first stands for the entry."""
    a, b = "2025-09-15", "2025-09-15T10:00"
    for dates in ([a, b, b, a], [b, a, a, b], [a, b, b, a, a, b], [b, b, a, a]):
        entries = assert_same_entries([_tied(d, i) for i, d in enumerate(dates)])
        assert entries.loc[0, "summary"] == "summary 0"


@pytest.mark.parametrize("seed", range(40))
def test_random_full_ties_merge_as_before(seed):
    rng = random.Random(seed)
    dates = ("2025-09-15", "2025-09-15T10:00", "2025-09-15TEV", "2025-09-16")
    places = (None, "العراق", "بغداد", "أربيل")
    assert_same_entries([_tied(rng.choice(dates), i, rng.choice(places)) for i in range(rng.randrange(1, 16))])


def test_the_comparison_can_fail():
    """A changed report changes the reference's entries: the comparison above is not vacuous."""
    events = random_events(5, 60)
    moved = [dataclasses.replace(e, date="2030") if e.date else e for e in events]
    with pytest.raises(AssertionError):
        pd.testing.assert_frame_equal(merge_events(moved), reference_merge_events(events), check_exact=True)


# ---------------------------------------------------------------------------------------------
# The fixture articles


def _fixture_events(folder: Path) -> list[Event]:
    return [e for p in sorted(folder.glob("*.txt")) for e in extract_events(load_article(p), use_ner=False)]


@pytest.fixture(scope="module")
def fixture_events() -> dict[str, list[Event]]:
    return {folder.name: _fixture_events(folder) for folder in FIXTURE_DIRS}


def test_fixture_folders_exist(fixture_events):
    assert {"events", "events_challenge", "events_holdout"} <= set(fixture_events)
    assert all(fixture_events.values())


def test_fixture_events_merge_as_before(fixture_events):
    everything = [e for events in fixture_events.values() for e in events]
    for events in [*fixture_events.values(), everything]:
        entries = assert_same_entries(events)
        assert len(entries) and entries["n_sources"].sum() >= len(entries)
    rng = random.Random(7)
    for _ in range(3):
        rng.shuffle(everything)
        assert_same_entries(everything)


def test_fixture_events_frame_merges_as_before():
    for folder in FIXTURE_DIRS:
        assert_same_entries(events_frame(load_corpus(folder), use_ner=False))


def _copies(events: list[Event], n: int) -> list[Event]:
    """``n`` copies of every article's reports under distinct file names, as the benchmark corpus."""
    return [dataclasses.replace(e, file=f"{k:05d}_{Path(e.file).name}", article_id=f"{e.article_id}-{k}")
            for k in range(n) for e in events]  # fmt: skip


def test_resampled_corpus_merges_as_before(fixture_events):
    everything = [e for events in fixture_events.values() for e in events]
    assert_same_entries(_copies(everything, 6))
