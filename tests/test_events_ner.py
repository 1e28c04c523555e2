"""Events with named entities: places and actors come from ``analysis.entities`` when it works,
the gazetteers fill in or take over when it does not, and the seed's milestones hold either way."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest

import analysis.entities as entities
from analysis.corpus import load_article
from analysis.events import extract_events

SEED = Path(__file__).parent / "fixtures" / "seed_000.txt"

MILESTONES = {
    ("war", "2014/2017", None, "occurred"),
    ("agreement", "2024-09", None, "occurred"),
    ("mission_end", "2025-09", None, "occurred"),
    ("handover", "2026", "START", "planned"),
    ("mission_end", "2026-09", None, "planned"),
}


@dataclass(frozen=True)
class Ent:
    """The fields of ``analysis.entities.Entity`` that events read."""

    start: int
    end: int
    text: str
    type: str
    canonical: str


def _article(tmp_path: Path, body: str, dct: str = "2025-03-01"):
    path = tmp_path / "001_x.txt"
    path.write_text(f" date {dct} https://example.org/x\n\nعنوان\n\n{body}\n", encoding="utf-8")
    return load_article(path)


def _ent(article, text: str, type_: str, canonical: str | None = None) -> Ent:
    start = article.content.index(text)
    return Ent(start, start + len(text), text, type_, canonical or text)


def test_seed_milestones_hold_with_the_tagger():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a tagger that cannot load warns and falls back
        events = extract_events(load_article(SEED), use_ner=True)
    got = {(e.type, e.date, e.date_mod, e.status) for e in events}
    assert MILESTONES <= got
    places = {(e.type, e.date): e.place for e in events}
    assert places[("handover", "2026")] == "عين الأسد"
    assert places[("mission_end", "2026-09")] == "أربيل"
    assert places[("war", "2014/2017")] != "روسيا"  # "(الإرهابي المحظور في روسيا)" is an aside


def test_places_and_actors_come_from_entities(tmp_path):
    article = _article(tmp_path, "انسحبت القوات الأمريكية اليوم من قاعدة الحبانية الجديدة وسلمتها إلى الفرقة السابعة.")
    ents = [
        _ent(article, "القوات الأمريكية", "ORG"),
        _ent(article, "الحبانية الجديدة", "LOC"),  # not in the gazetteer: only the tagger knows it
        _ent(article, "الفرقة السابعة", "ORG"),
    ]
    events = extract_events(article, entities=ents)
    withdrawal = next(e for e in events if e.type == "withdrawal")
    assert withdrawal.place == "الحبانية الجديدة"
    assert withdrawal.actors[0] == "القوات الأمريكية"


def test_entity_governments_are_actors_and_asides_are_skipped(tmp_path):
    article = _article(tmp_path, "وبدأت واشنطن (الولايات المتحدة) اليوم سحب جنودها من البلاد.")
    ents = [_ent(article, "واشنطن", "LOC"), _ent(article, "الولايات المتحدة", "LOC"), _ent(article, "البلاد", "LOC")]
    [withdrawal] = extract_events(article, entities=ents)
    assert withdrawal.place is None  # a government acting and "the country" name no place
    assert withdrawal.actors == ("الولايات المتحدة",)  # واشنطن, canonical; the parenthesis adds nothing


def test_gazetteer_fills_what_the_tagger_missed(tmp_path):
    article = _article(tmp_path, "تعرضت قاعدة حرير شمال أربيل لهجوم بطائرة مسيرة اليوم.")
    events = extract_events(article, entities=[])  # a tagger that found nothing
    assert [(e.type, e.place) for e in events] == [("attack", "حرير")]


def test_events_survive_a_failing_tagger(monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("model folder missing")

    monkeypatch.setattr(entities, "tag_entities", broken, raising=False)
    with pytest.warns(UserWarning, match="gazetteer"):
        events = extract_events(load_article(SEED), use_ner=True)
    assert MILESTONES <= {(e.type, e.date, e.date_mod, e.status) for e in events}


def test_unplaced_event_takes_the_article_country(tmp_path):
    article = _article(
        tmp_path,
        "صوّت مجلس النواب اليوم على قرار بإنهاء وجود القوات الأجنبية.\n\nوتتمركز هذه القوات في قاعدتي عين الأسد وحرير.",
    )
    vote = next(e for e in extract_events(article, use_ner=False) if e.type == "vote")
    assert vote.place == "العراق"


def test_a_war_whose_clause_names_no_place_is_fought_in_the_article_country(tmp_path):
    # the dev gold of real articles never leaves a war without a place (docs/ANNOTATION.md, "Place")
    article = _article(
        tmp_path,
        "عاد التحالف الدولي عام 2014 لقيادة الحرب على تنظيم داعش بين عامي 2014 و2017.\n\nوتتمركز قواته في قاعدتي عين الأسد وحرير.",
    )
    wars = [e for e in extract_events(article, use_ner=False) if e.type == "war"]
    assert wars and all(e.place == "العراق" for e in wars)


@pytest.mark.parametrize(
    "body, type_",
    [
        ("أكمل الجيش الأمريكي أمس إعادة تمركز قواته.", "redeployment"),
        ("وأكد مسؤول أن الجنود الأمريكيين أعيد نشرهم أمس.", "redeployment"),
    ],
    ids=["regrouping", "redeployed"],
)
def test_troops_moved_to_no_named_place_take_no_country(tmp_path, body, type_):
    # troops cross borders (Syria to Jordan, Iraq to Kuwait): the article's country is no guess of where they went
    article = _article(tmp_path, body + "\n\nوكانت هذه القوات تتمركز في قاعدتي عين الأسد وحرير.")
    [move] = [e for e in extract_events(article, use_ner=False) if e.type == type_]
    assert move.place is None


def test_an_arrival_with_no_named_place_is_in_the_article_country(tmp_path):
    # round 11: the writers N–Z place a deployment whose clause names no place at the country (docs/ANNOTATION.md)
    article = _article(tmp_path, "وصلت قوات أمريكية إضافية أمس لتعزيز الحماية.\n\nوكانت هذه القوات تتمركز في قاعدتي عين الأسد وحرير.")
    [move] = [e for e in extract_events(article, use_ner=False) if e.type == "deployment"]
    assert move.place == "العراق"


def test_news_outlets_cited_as_sources_are_neither_places_nor_actors(tmp_path):
    article = _article(tmp_path, "صوّت البرلمان اليوم على قرار إخراج القوات الأجنبية، بحسب الأناضول، وقال النائب لرووداو إن القرار ملزم.")
    ents = [_ent(article, "البرلمان", "ORG"), _ent(article, "الأناضول", "LOC"), _ent(article, "لرووداو", "ORG")]
    [vote] = extract_events(article, entities=ents)
    assert vote.place != "الأناضول"
    assert "لرووداو" not in vote.actors and "البرلمان" in vote.actors


@pytest.mark.parametrize(
    "body, place",
    [
        ("هاجم مسلحون من تنظيم داعش أمس نقطة للجيش العراقي في جلولاء.", "جلولاء"),
        ("استهدف هجوم بطائرة مسيرة أمس موقعا للجيش في الطارمية شمالي بغداد.", "الطارمية"),
        ("قصفت الطائرات العراقية أمس أوكار داعش في سلسلة جبال حمرين.", "جبال حمرين"),
    ],
    ids=["town", "district", "mountains"],
)
def test_towns_and_areas_of_security_news_are_places(tmp_path, body, place):
    # round 7 gazetteer rows: districts and areas that news of the war on ISIS names (data/event_places.tsv)
    article = _article(tmp_path, body + "\n\nوتتمركز قوات التحالف في قاعدتي عين الأسد وحرير.")
    attacks = [e for e in extract_events(article, use_ner=False) if e.type == "attack"]
    assert [e.place for e in attacks] == [place]


def test_a_governed_place_beats_the_article_country_when_two_reports_of_a_sentence_merge(tmp_path):
    # ``شنت ... ضربات على مواقع في X``: the light verb's clause names no place (the article's country), the noun's does
    article = _article(tmp_path, "شنت الطائرات العراقية أمس ضربات على مواقع في جبال حمرين.\n\nوتتمركز قوات التحالف في قاعدتي عين الأسد وحرير.")
    attacks = [e for e in extract_events(article, use_ner=False) if e.type == "attack"]
    assert [e.place for e in attacks] == ["جبال حمرين"]


@pytest.mark.parametrize("adverbial", ["بشكل رسمي", "بصورة رسمية"])
def test_an_adverbial_of_manner_is_no_trigger_and_does_not_cut_the_clause(tmp_path, adverbial):
    # ``بشكل`` is بـ + a noun, not the verb شكل ("formed"): no event, and the base after it stays the handover's
    article = _article(tmp_path, f"تسلمت القوات العراقية، الخميس، {adverbial} قاعدة القائم العسكرية على الحدود مع سوريا.")
    events = extract_events(article, use_ner=False)
    assert [(e.type, e.place) for e in events] == [("handover", "القائم")]
