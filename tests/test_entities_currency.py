"""Round 9 of issue 13: currency names as a class of ``triggers.tsv`` (``CUR``). ANERcorp tags a
currency's name MISC (docs/NER.md); the CRF gets ``t=CUR`` on the word and ``±t=CUR`` on its
neighbours, so a currency form the training data shows rarely or never is read like ``دولار``.
Sentences written for the test."""

from __future__ import annotations

import pytest

from analysis.entities.crf import load_model
from analysis.entities.features import Featurizer, load_triggers
from analysis.entities.gazetteer import default_gazetteer
from analysis.entities.spans import bio_spans


@pytest.fixture(autouse=True)
def _no_camel(monkeypatch, tmp_path):
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path / "camel"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


def _feats(words: list[str]) -> list[list[str]]:
    return Featurizer(default_gazetteer(), triggers=load_triggers()).sentence(words)


@pytest.mark.parametrize("word", ["دولارا", "بالدينار", "وليرة", "جنيهات", "الروبل", "باليورو"])
def test_currency_forms_get_the_class_through_clitics_and_the_article(word):
    assert "t=CUR" in _feats(["دفع", "مئة", word])[2]


def test_neighbours_see_the_currency_and_other_words_do_not_get_the_class():
    words = ["بلغت", "القيمة", "300", "مليون", "دينار", "عراقي"]
    feats = _feats(words)
    assert "+t=CUR" in feats[3] and "-t=CUR" in feats[5]
    assert [i for i, f in enumerate(feats) if "t=CUR" in f] == [4]
    assert all("t=CUR" not in f for f in _feats(["زار", "الوزير", "مدينة", "الموصل"]))


@pytest.mark.parametrize("currency", ["روبية", "روبل", "بيزو", "فرنكا", "شيكلا", "دينارا"])
@pytest.mark.parametrize("sentence", ["وبلغت قيمة الصفقة نحو 40 مليار {} .", "ودفعت الشركة غرامة قدرها مليون {} ."])
def test_the_shipped_model_tags_a_rare_currency_after_an_amount_as_misc_on_the_conll_path(sentence, currency):
    # The round-8 model left these untagged or read them as LOC/PERS: unseen or rare in ANERcorp.
    words = sentence.format(currency).split()
    tags = load_model().tag_document([words])[0]
    assert (currency, "MISC") in [(" ".join(words[s:e]), typ) for s, e, typ in bio_spans(tags)]
