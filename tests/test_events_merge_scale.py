"""``merge_events`` at scale: the indexed merge gives exactly the entries of the full scan.

``merge_events(events, indexed=False)`` compares each report with every dated group of its type;
the default looks only at the groups whose days come near the report's (``_GroupIndex``). Each
test merges the same reports both ways and compares the frames cell by cell: randomized report
lists (seeded; every status, places along one containment chain and across bases, dates of every
granularity including seasons, vague references, undated and unplaceable values, ties on every sort
key, duplicates, several input orders) and the events of the fixture articles (``tests/fixtures``;
the locked writer B set is never read). Speed is measured by ``benchmarks/pipeline.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from analysis.corpus import load_article, load_corpus
from analysis.events import Event, events_frame, extract_events, merge_events, merge_search

FIXTURES = Path(__file__).parent / "fixtures"
#: Fixture folders of articles (the locked writer B set is left out on purpose).
FIXTURE_DIRS = [FIXTURES / "events", FIXTURES / "events_challenge", FIXTURES / "events_holdout", FIXTURES / "events_v2" / "writer_a"]

TYPES = ("handover", "withdrawal", "attack", "mission_end")
#: Overlapping values of every granularity, seasons, vague refs, spans, and values without an interval.
DATES = (
    "2025-09-15", "2025-09-16", "2025-09-30", "2025-10-01", "2025-12-31TEV", "2025-09", "2025-10", "2026-01",
    "2026-03-20", "2025", "2026", "2025-W38", "2025-Q3", "2025-Q4", "2025-SU", "2025-WI", "2014/2017",
    "2025-09-01/2025-10-10", "2025-09-15/2025-09-20", "2025/2026", "PAST_REF", "FUTURE_REF", "PRESENT_REF",
    "2025-13", "2017/2014", "", None, None, None,
)  # fmt: skip
MODS = (None, None, None, "START", "MID", "END", "APPROX", "BEFORE/AFTER")
DCTS = (dt.date(2025, 1, 10), dt.date(2025, 9, 10), dt.date(2025, 9, 20), dt.date(2025, 10, 5), dt.date(2026, 1, 2))
STATUSES = ("occurred", "occurred", "planned", "planned", "ongoing")
#: One chain (العراق ⊃ إقليم كردستان ⊃ أربيل ⊃ حرير), other bases and countries, spelling variants, an unknown name.
PLACES = (None, None, "العراق", "سوريا", "بغداد", "أربيل", "اربيل", "إقليم كوردستان", "عين الأسد", "حرير",
          "فكتوريا", "فيكتوريا", "الشدادي", "مكان ما")  # fmt: skip
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
        file=file, article_id=Path(file).stem, dct=pick(DCTS), sentence_start=start, sentence_end=start + 50,
        sentence="جملة", trigger_start=start + rng.randrange(0, 3), trigger_end=start + 5, trigger="تسليم",
        type=rng.choice(TYPES[:2] if narrow else TYPES), date=rng.choice(DATES), date_mod=rng.choice(MODS),
        timex_text=rng.choice(TIMEX_TEXTS), timex_start=None, timex_end=None, status=rng.choice(STATUSES),
        place=rng.choice(PLACES), actors=rng.choice(ACTORS), summary=f"summary {i}",
    )  # fmt: skip


def random_events(seed: int, n: int) -> list[Event]:
    """``n`` reports, about a fifth of them copies (exact, or with one field changed) of earlier ones."""
    rng = random.Random(seed)
    narrow = seed % 3 == 0
    events: list[Event] = []
    for i in range(n):
        if events and rng.random() < 0.2:
            copy = rng.choice(events)
            name = rng.choice(("file", "date", "place", "summary", "status", None))
            if name is not None:
                copy = dataclasses.replace(copy, **{name: getattr(random_event(rng, i, narrow), name)})
            events.append(copy)
        else:
            events.append(random_event(rng, i, narrow))
    return events


def assert_same_entries(events: list[Event] | pd.DataFrame) -> pd.DataFrame:
    """Merge with the index and with the full scan; compare every cell, dtype and column; the frame
    (every entry, the weak ones too: ``keep_weak``; and the timeline's rows, without them)."""
    expected = merge_events(events, indexed=False, keep_weak=True)
    got = merge_events(events, keep_weak=True)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert got.to_dict("records") == expected.to_dict("records")
    pd.testing.assert_frame_equal(merge_events(events), merge_events(events, indexed=False), check_exact=True)
    return got


def assert_sound(frame: pd.DataFrame, events: list[Event]) -> None:
    """Every report in exactly one entry (a statement reported as news is a source of its sentence's events,
    cited by them, not a report of its own: ``merge.statements_kept``); ids unique; the counts agree with the sources."""
    assert frame["id"].is_unique
    assert sum(len(s) for s in frame["sources"]) == len([e for e in events if not e.news_statement])
    for row in frame.to_dict("records"):
        counts = sum(int(part.rsplit(" ", 1)[1]) for part in row["status_counts"].split(" · "))
        assert counts == len(row["sources"]) and row["n_sources"] >= len({s["file"] for s in row["sources"]})


@pytest.mark.parametrize("block", range(12))
def test_random_reports_merge_as_the_full_scan(block):
    for seed in range(block * 15, block * 15 + 15):
        n = random.Random(seed).choice((0, 1, 2, 5, 20, 60, 150))
        events = random_events(seed, n)
        assert_sound(assert_same_entries(events), events)


@pytest.mark.parametrize("seed", [1001, 1002, 1003])
def test_input_order_does_not_matter(seed):
    """Reports are taken in an order of their own (dates, article, offset): shuffling changes nothing."""
    events = list({(e.file, e.trigger_start): e for e in random_events(seed, 120)}.values())  # no full ties
    first = assert_same_entries(events)
    rng = random.Random(seed)
    for _ in range(4):
        rng.shuffle(events)
        pd.testing.assert_frame_equal(assert_same_entries(events), first, check_exact=True)


@pytest.mark.parametrize("seed", [2001, 2002])
def test_large_random_lists_merge_as_the_full_scan(seed):
    events = random_events(seed, 600)
    assert_sound(assert_same_entries(events), events)


def test_random_reports_merge_from_a_frame():
    for seed in (3001, 3002, 3003):
        events = random_events(seed, 80)
        frame = pd.DataFrame([e.to_record() for e in events], columns=list(Event.__dataclass_fields__))
        pd.testing.assert_frame_equal(assert_same_entries(frame), merge_events(events, keep_weak=True), check_exact=True)


def test_the_comparison_can_fail():
    """A changed report changes the entries: the comparison above is not vacuous."""
    events = random_events(5, 60)
    moved = [dataclasses.replace(e, date="2030") if e.date else e for e in events]
    with pytest.raises(AssertionError):
        pd.testing.assert_frame_equal(merge_events(moved), merge_events(events, indexed=False), check_exact=True)


# ---------------------------------------------------------------------------------------------
# The fixture articles


@pytest.fixture(scope="module")
def fixture_events() -> dict[str, list[Event]]:
    return {str(d.relative_to(FIXTURES)): [e for p in sorted(d.glob("*.txt")) for e in extract_events(load_article(p), use_ner=False)]
            for d in FIXTURE_DIRS}  # fmt: skip


def test_fixture_folders_exist(fixture_events):
    assert all(fixture_events.values()), {k: len(v) for k, v in fixture_events.items()}


def test_fixture_events_merge_as_the_full_scan(fixture_events):
    everything = [e for events in fixture_events.values() for e in events]
    for events in [*fixture_events.values(), everything]:
        assert_sound(assert_same_entries(events), events)


def test_fixture_events_frame_merges_as_the_events():
    folder = FIXTURE_DIRS[1]
    frame = events_frame(load_corpus(folder), use_ner=False)
    events = [e for p in sorted(folder.glob("*.txt")) for e in extract_events(load_article(p), use_ner=False)]
    pd.testing.assert_frame_equal(assert_same_entries(frame), merge_events(events, keep_weak=True), check_exact=True)


def _copies(events: list[Event], n: int) -> list[Event]:
    """``n`` copies of every article's reports under distinct file names, as the benchmark corpus."""
    return [dataclasses.replace(e, file=f"{k:05d}_{Path(e.file).name}", article_id=f"{e.article_id}-{k}")
            for k in range(n) for e in events]  # fmt: skip


def test_resampled_corpus_merges_as_the_full_scan(fixture_events):
    everything = [e for events in fixture_events.values() for e in events]
    copies = _copies(everything, 4)
    frame = assert_same_entries(copies)
    assert_sound(frame, copies)
    once = merge_events(everything, keep_weak=True)

    def located(f: pd.DataFrame) -> int:  # undated reports without a place stay apart, copies or not
        return int((f["date"].notna() | f["place"].notna()).sum())

    assert located(frame) == located(once)  # copies of a report are one event
    assert len(frame) - located(frame) == 4 * (len(once) - located(once))


# ---------------------------------------------------------------------------------------------
# Dense corpora: the nearest-first search (``merge_search``) against the scan where it matters


def dense_events(seed: int, n: int) -> list[Event]:
    """``n`` reports crowded into a year: many entries per day and place, so that the search's stops,
    ties (the same distance to several entries), undated reports (with and without a place) and
    entries whose place narrows as reports arrive all occur often; a few reports of one vote leave an
    undated report without a place a single entry to join."""
    rng = random.Random(seed)
    base = dt.date(2025, 6, 1)
    places = (None, None, None, "العراق", "العراق", "بغداد", "أربيل", "إقليم كوردستان", "عين الأسد", "حرير",
              "فكتوريا", "التاجي", "مطار بغداد الدولي", "سوريا", "الشدادي", "مكان ما")  # fmt: skip
    events = []
    for i in range(n):
        dct = base + dt.timedelta(days=rng.randrange(0, 90))
        day = dct + dt.timedelta(days=rng.randrange(-400, 400))
        kind = rng.random()
        if kind < 0.3:  # undated (no value, a value without days, or a vague reference)
            date, mod = rng.choice((None, None, "2025-13", "PAST_REF", "FUTURE_REF")), None
        elif kind < 0.7:
            date, mod = day.isoformat(), None
        elif kind < 0.85:
            date, mod = f"{day.year}-{day.month:02d}", rng.choice((None, None, "START", "END"))
        elif kind < 0.95:
            date, mod = str(day.year), rng.choice((None, "START", "MID", "END"))
        else:
            date, mod = rng.choice((f"{day.year}-SU", f"{day.year}-Q3", f"{day.year - 1}/{day.year}")), None
        type_ = rng.choice(("handover", "withdrawal", "withdrawal", "attack"))
        if rng.random() < 0.05:  # one vote, on one day, dated or not
            type_, date, mod = "vote", rng.choice(("2025-07-01", None)), None
        file = f"/c/{rng.randrange(n // 3 + 1):04d}.txt"
        start = rng.randrange(0, 6) * 10
        events.append(Event(
            file=file, article_id=Path(file).stem, dct=dct, sentence_start=start, sentence_end=start + 9,
            sentence="جملة", trigger_start=start, trigger_end=start + 4, trigger="تسليم",
            type=type_, date=date, date_mod=mod,
            timex_text=rng.choice((None, "2025", "أيلول")), timex_start=None, timex_end=None,
            status=rng.choice(STATUSES), place=rng.choice(places[:5] if type_ == "vote" else places), actors=(),
            summary="",
        ))  # fmt: skip
    return events


@pytest.mark.parametrize("seed", range(4001, 4009))
def test_dense_reports_merge_as_the_full_scan(seed):
    events = dense_events(seed, random.Random(seed).choice((300, 500, 800)))
    frame = assert_same_entries(events)
    assert_sound(frame, events)
    # the cases the search must get right occur: undated reports that joined, with and without a place,
    # and entries whose reports are at places of several depths
    undated_joined = [s for row in frame["sources"] if len(row) > 1
                      for s in row if not s["date"] or s["date"] == "2025-13"]  # fmt: skip
    assert any(s["place"] is None for s in undated_joined) and any(s["place"] for s in undated_joined)
    assert any(len({s["place"] for s in row if s["place"]}) > 1 for row in frame["sources"])


def test_dense_reports_in_any_input_order():
    events = dense_events(4100, 400)
    first = assert_same_entries(events)
    for seed in (1, 2):
        random.Random(seed).shuffle(events)
        pd.testing.assert_frame_equal(assert_same_entries(events), first, check_exact=True)


@pytest.mark.parametrize("parts", [0, 100])
def test_dense_reports_whichever_index_is_read(monkeypatch, parts):
    """A report at a place reads the entries of the places it fits (by place), or all of them, testing
    each, when it fits many (``MAX_PLACE_PARTS``): both ways give the scan's entries."""
    monkeypatch.setattr(merge_search, "MAX_PLACE_PARTS", parts)
    for seed in (4201, 4202, 4203):
        events = dense_events(seed, 500)
        assert_sound(assert_same_entries(events), events)
