"""Events on a challenge set written independently of the extraction rules.

``tests/fixtures/events_challenge/`` holds 15 short Arabic news articles (seed format, various
outlets) about the coalition's presence in Iraq and Syria, with gold events per docs/ANNOTATION.md ("Events") in
``NNN.json``. They were written before the rules were studied: votes, drone attacks on bases,
handovers, redeployments, statements fixing dates, denials, negations, future plans, reported
speech and recalled past events. The floors below are the measured values; cases that still fail
are listed as strict xfails with the reason, so fixing one turns the suite red until it is moved.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from analysis.corpus import load_article
from analysis.events import extract_events
from analysis.evaluation.events_eval import event_recall, load_gold_events, matching_event

CHALLENGE = Path(__file__).parent / "fixtures" / "events_challenge"

#: Measured on this set (61/66 found; 63/65 extracted events correct, 2 false alarms); raise them
#: when the rules improve. (Dropping a wrongly extracted event that happens to restate a gold one
#: lowers precision a little, so the false-alarm count is asserted as well.)
#: The recall floor was 0.939 (62/66) before issue 8. It is lower now for one reason only: three gold
#: events (105-135, 113-823, 115-150) are speech verbs whose content is itself a timeline event
#: (``أعلن ... انتهاء المهام القتالية``). The issue-8 convention (docs/ANNOTATION.md, "Events") types
#: such a report by what happened, not by the reporting verb, so they are extracted as the event they
#: announce; without them recall is 61/63.
RECALL_FLOOR = 0.924
PRECISION_FLOOR = 0.969
MAX_FALSE_ALARMS = 2

#: Gold events still missed: (file number, trigger start) → why.
KNOWN_MISSES = {
    ("107", 766): "suspending training (علق أنشطة التدريب) has no trigger in the lexicon",
    ("113", 823): "a statement of the news day inside a sentence (فيما أعلن حلف الناتو أمس) is neither the lead nor dated apart",
}

#: Extracted events the gold does not have: (file number, trigger start) → why.
KNOWN_FALSE = {
    ("109", 360): "the completion date of a redeployment already reported (PAST_REF) makes a second event",
    ("112", 684): "a military delegation's planned visit for talks on phase two: `other` for the writer sets of rounds 6-7 "
                  "(H, I, P, R annotate such visits; docs/ANNOTATION.md 'Classes settled in round 7'), not annotated here",
}


@lru_cache(maxsize=1)
def _articles() -> dict[str, object]:
    return {p.name: load_article(p) for p in sorted(CHALLENGE.glob("*.txt"))}


def _extract(article):
    return extract_events(article, use_ner=False)


@lru_cache(maxsize=1)
def _result() -> dict:
    return event_recall(load_gold_events(CHALLENGE), list(_articles().values()), extract=_extract)


@lru_cache(maxsize=None)
def _events(name: str):
    return tuple(_extract(_articles()[name]))


def _gold_cases() -> list:
    cases = []
    for path in sorted(CHALLENGE.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for gold in doc["events"]:
            key = (path.stem, gold["trigger"]["start"])
            marks = [pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[key])] if key in KNOWN_MISSES else []
            cases.append(pytest.param(doc["file"], gold, id=f"{path.stem}-{gold['trigger']['start']}-{gold['type']}", marks=marks))
    return cases


def test_challenge_set_is_well_formed():
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(CHALLENGE.glob("*.json"))]
    assert len(docs) >= 12
    for doc in docs:
        article = _articles()[doc["file"]]
        assert article.date.isoformat() == doc["dct"]
        for gold in doc["events"]:
            t = gold["trigger"]
            assert article.content[t["start"] : t["end"]] == t["text"]
            assert gold["status"] in ("occurred", "ongoing", "planned")
            if gold["timex_text"] is not None:
                assert gold["timex_text"] in article.content


def test_challenge_recall_floor():
    result = _result()
    assert result["recall"] >= RECALL_FLOOR, [(m["file"], m["trigger"]["text"]) for m in result["missed"]]


def test_challenge_precision_floor():
    result = _result()
    assert result["precision"] >= PRECISION_FLOOR, [(f["file"], f["trigger"], f["type"]) for f in result["false_alarms"]]
    assert len(result["false_alarms"]) <= MAX_FALSE_ALARMS


@pytest.mark.parametrize("file, gold", _gold_cases())
def test_challenge_gold_event_is_found(file, gold):
    article = _articles()[file]
    assert matching_event(gold, _events(file), article) is not None


@pytest.mark.parametrize(
    "key",
    [pytest.param(k, id=f"{k[0]}-{k[1]}", marks=pytest.mark.xfail(strict=True, reason=why)) for k, why in KNOWN_FALSE.items()],
)
def test_challenge_known_false_alarm_is_gone(key):
    false = {(f["file"][:3], f["trigger_start"]) for f in _result()["false_alarms"]}
    assert key not in false


def test_challenge_false_alarms_are_only_the_known_ones():
    false = {(f["file"][:3], f["trigger_start"]) for f in _result()["false_alarms"]}
    assert false <= set(KNOWN_FALSE), false - set(KNOWN_FALSE)


# ---------------------------------------------------------------------------------------------
# A second, smaller set written after the rules above were final: the honest estimate of how the
# rules do on text they had not seen was 9/16 found, 13/22 correct. Three general fixes it showed
# (تفاهمات as an agreement, خطة الانسحاب as a plan's name, a mission word seven words before its
# verb) were then made, so it is no longer unseen; the floors are the values measured after them.

HOLDOUT = Path(__file__).parent / "fixtures" / "events_holdout"
HOLDOUT_RECALL_FLOOR = 0.75  # 12/16 (11/16 before issue 8)
HOLDOUT_PRECISION_FLOOR = 0.77  # 14/18 (15/21 before issue 8)


def test_holdout_floors():
    articles = [load_article(p) for p in sorted(HOLDOUT.glob("*.txt"))]
    assert len(articles) >= 5
    result = event_recall(load_gold_events(HOLDOUT), articles, extract=_extract)
    assert result["recall"] >= HOLDOUT_RECALL_FLOOR
    assert result["precision"] >= HOLDOUT_PRECISION_FLOOR
