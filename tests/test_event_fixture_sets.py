"""The annotated event sets under tests/fixtures are consistent: offsets, values and milestone links.

These sets measure extraction and the merged timeline (``analysis evaluate timex`` / ``evaluate timeline``);
a broken offset or a dangling milestone link would silently change every score computed on them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.evaluation.timeline_gold import gold_documents, load_milestones
from analysis.events.types import load_event_types

FIXTURES = Path(__file__).parent / "fixtures"
SETS = sorted(p for base in ("events_v2", "events_v3", "events_v4", "events_v5", "events_v5dev", "events_v6", "events_v6dev", "events_v7", "events_v8", "events_v9", "events_v10", "events_v11") for p in (FIXTURES / base).iterdir() if p.is_dir())
STATUSES = {"occurred", "ongoing", "planned"}
DATE_MODS = {None, "START", "MID", "END", "APPROX"}


def test_the_sets_are_there():
    assert {p.name for p in SETS} >= {"writer_a", "writer_b", "writer_c", "writer_d"}


@pytest.mark.parametrize("folder", SETS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_event_points_at_its_trigger_and_a_listed_milestone(folder):
    types = set(load_event_types())
    milestones = {m.id: m for m in load_milestones(folder)}
    reported: set[str] = set()
    documents = gold_documents(folder)
    assert documents, folder
    for path, doc in documents:
        content = (folder / doc["file"]).read_text(encoding="utf-8")
        assert content.startswith(" date "), f"{doc['file']}: not in the article format"
        for k, ev in enumerate(doc["events"]):
            where = f"{path.name} event {k}"
            trig = ev["trigger"]
            assert content[trig["start"]:trig["end"]] == trig["text"], where
            assert ev["type"] in types, where
            assert ev["status"] in STATUSES, where
            assert ev.get("date_mod") in DATE_MODS, where
            if ev.get("milestone") is not None:
                assert ev["milestone"] in milestones, where
                reported.add(ev["milestone"])
    assert set(milestones) == reported, f"milestones no event reports: {sorted(set(milestones) - reported)}"
    for m in milestones.values():
        assert m.type in types and m.status in STATUSES, m.id
