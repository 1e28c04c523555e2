"""Events: triggers, dating, status, provenance, the seed's five milestones, merging, recall, CLI."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import pytest

import analysis.entities as entities
from analysis.cli import main
from analysis.corpus import load_article, load_corpus
from analysis.events import events_frame, extract_events, merge_events
from analysis.events import dating
from analysis.events.lexicon import find_triggers, trigger_rules
from analysis.events.types import EVENT_TYPES
from analysis.evaluation.events_eval import dates_match, event_recall, gold_places, load_gold_events
from analysis.text import tokens

FIXTURES = Path(__file__).parent / "fixtures"
EVENTS = FIXTURES / "events"
SEED = FIXTURES / "seed_000.txt"


@dataclass
class Tx:
    """A hand-made timex record (the fields of ``analysis.timex.Timex`` that events use)."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


class FakeArticle:
    """An article built from a body string, for rule tests independent of the timex grammar."""

    def __init__(self, body: str, dct: dt.date = dt.date(2025, 12, 31)):
        self.content = f" date {dct.isoformat()} https://example.org/x\n\nعنوان\n\n{body}\n"
        self.analysis_text = " " * self.content.index("\n") + self.content[self.content.index("\n") :]
        self.date = dct
        self.id = "fake"
        self.path = "fake.txt"
        self.title_end = self.content.index("عنوان") + len("عنوان")

    def timex(self, text: str, type_: str, value: str, mod: str | None = None) -> Tx:
        start = self.content.index(text)
        return Tx(start, start + len(text), text, type_, value, mod)


@pytest.fixture(scope="module")
def seed_events():
    return extract_events(load_article(SEED), use_ner=False)


# ---------------------------------------------------------------------------------------------
# Lexicon


def test_lexicon_types_are_the_guide_types():
    assert {r.type for rules in trigger_rules().values() for r in rules} <= set(EVENT_TYPES)


@pytest.mark.parametrize(
    "word, type_",
    [("وسيتسلم", "handover"), ("تسليمها", "handover"), ("والانسحاب", "withdrawal"), ("ومغادرة", "withdrawal"),
     ("بالهجوم", "attack"), ("الاتفاقية", "agreement"), ("وصوّت", "vote")],
)  # fmt: skip
def test_triggers_match_through_clitics_and_diacritics(word, type_):
    found = find_triggers(tokens(word))
    assert [m.type for m in found] == [type_]


def test_words_that_are_not_triggers():
    assert find_triggers(tokens("قال المتحدث إن الطقس جميل في بغداد")) == []


# ---------------------------------------------------------------------------------------------
# Rules on hand-made timexes


def test_agreement_content_is_not_a_separate_event():
    a = FakeArticle("وقعت بغداد اتفاقا على إنهاء مهام التحالف في أيلول 2024.")
    events = extract_events(a, timexes=[a.timex("أيلول 2024", "DATE", "2024-09")], use_ner=False)
    assert [(e.type, e.date) for e in events] == [("agreement", "2024-09")]


def test_mission_end_needs_a_mission_word():
    a = FakeArticle("أعلن الوزير انتهاء الأزمة.")
    assert [e.type for e in extract_events(a, timexes=[], use_ner=False)] == ["announcement"]
    b = FakeArticle("أعلن الوزير انتهاء مهمة التحالف.")
    assert "mission_end" in [e.type for e in extract_events(b, timexes=[], use_ner=False)]


def test_negated_trigger_is_dropped():
    a = FakeArticle("لم تنسحب القوات الأمريكية من قاعدة حرير.")
    assert extract_events(a, timexes=[], use_ner=False) == []


def test_duration_does_not_date_but_anchored_duration_does():
    a = FakeArticle("انسحبت القوات من القاعدة بعد وجود دام 11 عاما.")
    ev = extract_events(a, timexes=[a.timex("11 عاما", "DURATION", "P11Y")], use_ner=False)
    assert [(e.type, e.date) for e in ev] == [("withdrawal", None)]
    b = FakeArticle("ستنسحب القوات من سوريا خلال شهر.", dct=dt.date(2026, 2, 23))
    ev = extract_events(b, timexes=[b.timex("شهر", "DURATION", "P1M")], use_ner=False)
    # one calendar month from the article date (docs/ANNOTATION.md), not 30 days
    assert [(e.type, e.date, e.status) for e in ev] == [("withdrawal", "2026-02-23/2026-03-23", "planned")]


def test_timex_after_trigger_governs_and_future_marker_makes_planned():
    a = FakeArticle("سيتم تسليم قاعدة حرير في سبتمبر 2026، بعد انسحاب القوات.")
    ev = extract_events(a, timexes=[a.timex("سبتمبر 2026", "DATE", "2026-09")], use_ner=False)
    by_type = {e.type: e for e in ev}
    assert by_type["handover"].date == "2026-09" and by_type["handover"].status == "planned"
    assert by_type["handover"].place == "حرير"
    assert by_type["withdrawal"].date is None  # "بعد انسحاب": background, not dated by the handover's timex


def test_status_from_date_against_dct():
    a = FakeArticle("انسحبت القوات من قاعدة التاجي في مارس 2020.", dct=dt.date(2025, 1, 1))
    ev = extract_events(a, timexes=[a.timex("مارس 2020", "DATE", "2020-03")], use_ner=False)
    assert [(e.date, e.status) for e in ev] == [("2020-03", "occurred")]


def test_entities_failure_falls_back_to_gazetteer(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("no model")

    monkeypatch.setattr(entities, "tag_entities", broken, raising=False)
    a = FakeArticle("تسلمت القوات العراقية قاعدة عين الأسد.")
    with pytest.warns(UserWarning):
        ev = extract_events(a, timexes=[])
    assert ev[0].place == "عين الأسد"


# ---------------------------------------------------------------------------------------------
# The seed


def test_seed_yields_the_five_milestones(seed_events):
    got = {(e.type, e.date, e.date_mod, e.status) for e in seed_events}
    assert ("war", "2014/2017", None, "occurred") in got
    assert ("agreement", "2024-09", None, "occurred") in got
    assert ("mission_end", "2025-09", None, "occurred") in got
    assert ("handover", "2026", "START", "planned") in got
    assert ("mission_end", "2026-09", None, "planned") in got
    places = {(e.type, e.date): e.place for e in seed_events}
    assert places[("handover", "2026")] == "عين الأسد"
    assert places[("mission_end", "2026-09")] == "أربيل"


def test_seed_provenance_offsets(seed_events):
    article = load_article(SEED)
    content = article.content
    for e in seed_events:
        assert content[e.trigger_start : e.trigger_end] == e.trigger
        assert content[e.sentence_start : e.sentence_end] == e.sentence
        assert e.sentence_start <= e.trigger_start < e.trigger_end <= e.sentence_end
        if e.timex_text is not None:
            assert content[e.timex_start : e.timex_end] == e.timex_text
        for m in e.mentions:
            assert content[m.trigger_start : m.trigger_end] == m.trigger
        assert e.file == str(SEED) and e.dct == dt.date(2025, 12, 31)


def test_seed_one_event_per_distinct_event(seed_events):
    dated = [(e.type, e.date, e.date_mod) for e in seed_events if e.date]
    assert len(dated) == len(set(dated))


# ---------------------------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize(
    "value, mod, first, last",
    [("2026", "START", "2026-01-01", "2026-04-30"), ("2024-09", None, "2024-09-01", "2024-09-30"),
     ("2014/2017", None, "2014-01-01", "2017-12-31"), ("2025-12-31TEV", None, "2025-12-31", "2025-12-31"),
     ("2025-09", "END", "2025-09-21", "2025-09-30"), ("FUTURE_REF", None, "2026-01-01", "2026-01-30")],
)  # fmt: skip
def test_intervals(value, mod, first, last):
    span = dating.interval(value, mod, dt.date(2025, 12, 31))
    assert span == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


def test_unknown_values_have_no_interval():
    assert dating.interval("XXXX-09") is None and dating.interval(None) is None
    assert dating.interval("FUTURE_REF") is None  # no dct


def test_dates_match():
    d = dt.date(2025, 12, 31)
    assert dates_match("2025-09", "END", "2025-09", None, d)
    assert dates_match(None, None, None, None, d)
    assert not dates_match(None, None, "2025-09", None, d)
    assert not dates_match("2026", "START", "2026-09", None, d)
    assert dates_match("FUTURE_REF", None, "FUTURE_REF", None, d)


# ---------------------------------------------------------------------------------------------
# Merging across articles


def _fixture_events():
    return [e for p in sorted(EVENTS.glob("*.txt")) for e in extract_events(load_article(p), use_ner=False)]


def test_two_reports_of_one_handover_merge_into_one_entry():
    entries = merge_events(_fixture_events())
    handovers = entries[entries["type"] == "handover"]
    ain = handovers[handovers["place"] == "عين الأسد"]
    assert len(ain) == 1
    row = ain.iloc[0]
    assert row["n_sources"] == 2
    assert {s["file"] for s in row["sources"]} == {"101_ainasad_handover_a.txt", "102_ainasad_handover_b.txt"}
    for s in row["sources"]:
        assert set(s) >= {"file", "sentence_start", "sentence_end", "trigger", "timex"}
    # same month, another base: its own entry
    assert (handovers["place"] == "حرير").sum() == 1


def test_merge_keeps_different_types_and_dates_apart():
    entries = merge_events(_fixture_events())
    assert len(entries[(entries["type"] == "attack")]) == 1
    assert len(entries[(entries["type"] == "agreement")]) == 1
    assert entries["n_sources"].sum() == sum(len({s["file"] for s in s_}) for s_ in entries["sources"])


def test_merge_accepts_events_frame():
    frame = events_frame(load_corpus(EVENTS), use_ner=False)
    assert isinstance(frame, pd.DataFrame) and len(frame)
    assert len(merge_events(frame)) == len(merge_events(_fixture_events()))


# ---------------------------------------------------------------------------------------------
# Recall


def test_event_recall_on_fixture_gold():
    gold = load_gold_events(EVENTS / "gold")
    article = load_article(EVENTS / "101_ainasad_handover_a.txt")
    result = event_recall(gold, [article], extract=lambda a: extract_events(a, use_ner=False))
    # handover and agreement are found; the third gold event has a type the text does not support
    assert (result["found"], result["total"]) == (2, 3)
    assert result["recall"] == pytest.approx(2 / 3)
    assert [m["type"] for m in result["missed"]] == ["withdrawal"]


def test_event_recall_counts_missing_articles_as_missed():
    gold = load_gold_events(EVENTS / "gold")
    assert event_recall(gold, [])["found"] == 0


# ---------------------------------------------------------------------------------------------
# CLI


def test_cli_events_json(capsys):
    assert main(["events", str(EVENTS), "--json", "--no-ner"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert entries and all({"date", "date_mod", "type", "status", "place", "actors", "summary", "sources"} <= set(e) for e in entries)
    ain = [e for e in entries if e["type"] == "handover" and e["place"] == "عين الأسد"]
    assert ain[0]["date"] in ("2026-01", "2026") and len(ain[0]["sources"]) == 2


def test_cli_events_csv(capsys):
    assert main(["events", str(SEED), "--csv", "--no-ner"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("date,date_mod,")
    assert any(",2014/2017," in line or line.startswith("2014/2017,") for line in lines)


def test_cli_events_bad_input(tmp_path, capsys):
    assert main(["events", str(tmp_path / "missing.txt"), "--json"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.txt" in err


# ---------------------------------------------------------------------------------------------
# Precision and attribute accuracy


def test_event_precision_counts_direct_matches_restatements_and_false_alarms():
    gold = load_gold_events(EVENTS / "gold")
    article = load_article(EVENTS / "101_ainasad_handover_a.txt")
    real = extract_events(article, use_ner=False)
    handover = next(e for e in real if e.type == "handover")
    agreement = next(e for e in real if e.type == "agreement")
    title = next(m for m in handover.mentions if m.sentence_end < handover.sentence_start)
    restated = replace(handover, date=None, date_mod=None, mentions=(title,), sentence_start=title.sentence_start)
    invented = replace(agreement, type="attack")  # no gold attack: a false alarm
    result = event_recall(gold, [article], extract=lambda a: [handover, agreement, restated, invented])
    assert (result["predicted"], result["correct"], result["restated"]) == (4, 3, 1)
    assert result["precision"] == pytest.approx(3 / 4)
    assert [f["type"] for f in result["false_alarms"]] == ["attack"]
    # both found gold events carry the gold date, status and place
    assert result["matched"] == 2 and result["date_acc"] == 1.0 and result["status_acc"] == 1.0


def test_place_accuracy_accepts_one_of_several_gold_places():
    assert gold_places("عين الأسد، فكتوريا") == ["عين الأسد", "فيكتوريا"]
    assert gold_places("العراق وسوريا") == ["العراق", "سوريا"]
    assert gold_places(None) == [None]


def test_a_place_name_whose_second_word_starts_with_waw_is_one_place():
    assert gold_places("كي وان") == ["كي وان"]
    assert gold_places("كي وان، التاجي") == ["كي وان", "التاجي"]


def test_event_counts_by_type_add_up():
    folder = Path(__file__).parent / "fixtures" / "events_holdout"
    articles = [load_article(p) for p in sorted(folder.glob("*.txt"))]
    result = event_recall(load_gold_events(folder), articles, extract=lambda a: extract_events(a, use_ner=False))
    by_type = result["by_type"]
    assert sum(c["gold"] for c in by_type.values()) == result["total"]
    assert sum(c["found"] for c in by_type.values()) == result["found"]
    assert sum(c["predicted"] for c in by_type.values()) == result["predicted"]
    assert sum(c["correct"] for c in by_type.values()) == result["correct"]
