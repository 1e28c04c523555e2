"""``merge_event_table`` (columns, for millions of reports) gives exactly ``merge_events``'s entries.

Compared cell by cell on randomized reports (seeded: ties on every sort key, undated and vague
dates, intervals, country/city places, empty actors) and on the events the pipeline emits for the
repository's own event fixtures (not the locked test sets).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from analysis.events import merge_events
from analysis.events.merge_table import merge_event_table
from analysis.events.records import Event, Mention
from analysis.pipeline import process_corpus
from analysis.pipeline.records import records_table

FIXTURES = Path(__file__).parent / "fixtures"
TYPES = ["withdrawal", "handover", "attack", "agreement"]
PLACES = [None, None, "العراق", "بغداد", "أربيل", "عين الأسد", "سوريا", "الكويت"]
DATES = [None, "2024-09", "2024-09-14", "2024-09-15", "2024", "2025", "2026", "2024/2026", "2014/2017",
         "2025-W37", "2025-Q3", "PAST_REF", "FUTURE_REF", "PRESENT_REF", "201X", "2026-09-30T10:00"]
MODS = [None, None, None, "START", "END", "MID", "APPROX"]


def random_events(rng: random.Random, n: int) -> list[Event]:
    events = []
    for i in range(n):
        date = rng.choice(DATES)
        start = rng.randrange(0, 400)
        events.append(Event(
            file=f"corpus/{rng.randrange(n // 3 + 1):04d}.txt", article_id=f"a{i % 7}",
            dct=dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 900)),
            sentence_start=start, sentence_end=start + rng.randrange(5, 90), sentence="جملة",
            trigger_start=rng.choice([start, start + 3, 10]), trigger_end=start + 9, trigger=rng.choice(["انسحاب", "تسليم"]),
            type=rng.choice(TYPES), date=date, date_mod=rng.choice(MODS) if date else None,
            timex_text=rng.choice([None, "2014–2017", "خلال شهر", "أيلول"]) if date else None,
            timex_start=None, timex_end=None, status=rng.choice(["occurred", "planned", "ongoing"]),
            place=rng.choice(PLACES), actors=tuple(rng.sample(["التحالف", "الجيش العراقي", "واشنطن", "بغداد"],
                                                           rng.randrange(0, 3))),
            summary=f"ملخص {rng.randrange(5)}", mentions=(Mention(start, start + 5, start, start + 3, "x", None, None, None),),
        ))
    return events


def as_table(events: list[Event]) -> pa.Table:
    return pa.concat_tables([records_table([e], f"{i:064x}") for i, e in enumerate(events)], promote_options="permissive")


def assert_same(events: list[Event]) -> pd.DataFrame:
    expected = merge_events(events)
    got = merge_event_table(as_table(events))
    pd.testing.assert_frame_equal(got, expected)
    return got


@pytest.mark.parametrize("seed", range(12))
def test_random_reports(seed: int) -> None:
    rng = random.Random(seed)
    events = random_events(rng, rng.choice([1, 5, 40, 300]))
    assert_same(events)
    rng.shuffle(events)
    assert_same(events)


def test_many_reports_of_few_events() -> None:
    rng = random.Random(99)
    events = random_events(rng, 3000)
    got = assert_same(events)
    assert got["n_sources"].max() > 20


def test_pipeline_events_of_the_fixtures(tmp_path: Path) -> None:
    folders = [FIXTURES / "events", FIXTURES / "events_challenge", FIXTURES / "events_v2" / "writer_a"]
    frames = process_corpus(folders, stages=("entities", "timexes", "events"), cache_dir=tmp_path, progress=False)
    events = frames["events"]
    assert len(events) > 100
    pd.testing.assert_frame_equal(merge_event_table(pa.Table.from_pandas(events, preserve_index=False)),
                                  merge_events(events))


def test_no_events() -> None:
    assert list(merge_event_table(as_table(random_events(random.Random(1), 1)).slice(0, 0)).columns) == \
        list(merge_events([]).columns)


def test_dictionary_encoded_parquet_columns(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from analysis.events.merge_table import COLUMNS, STRING_COLUMNS

    events = random_events(random.Random(7), 400)
    pq.write_table(as_table(events), tmp_path / "events.parquet")
    halves = [pq.read_table(tmp_path / "events.parquet", columns=list(COLUMNS), read_dictionary=list(STRING_COLUMNS))
              .slice(a, b) for a, b in ((0, 150), (150, 250))]
    pd.testing.assert_frame_equal(merge_event_table(pa.concat_tables(halves)), merge_events(events))
