"""Whole person names (analysis.entities.names): each rule class on sentences written for the test.

The rules work on token tags, so each case gives the tagger's (simulated) mistake and the tags the
rules must produce; the last tests run the shipped model end to end.
"""

from __future__ import annotations

import pytest

from analysis.entities.crf import load_model
from analysis.entities.features import load_triggers
from analysis.entities.gazetteer import default_gazetteer
from analysis.entities.names import NameRules, NameWords
from analysis.entities.normalize import core, norm
from analysis.entities.spans import bio_spans

@pytest.fixture(scope="module")
def rules() -> NameRules:
    """The rules with the shipped model's common words (words the training data never puts in a name)."""
    return NameRules(NameWords.load(default_gazetteer().nationalities, load_triggers()), load_model().common)


def _apply(rules: NameRules, sentence: str, tags: str) -> list[str]:
    words = sentence.split()
    tag_list = [{"O": "O", "B": "B-PERS", "I": "I-PERS", "L": "B-LOC", "G": "B-ORG", "H": "I-ORG"}[t] for t in tags.split()]
    assert len(words) == len(tag_list)
    new = rules.apply([core(norm(w)) for w in words], [norm(w) for w in words], tag_list)
    return [" ".join(words[s:e]) for s, e, typ in bio_spans(new) if typ == "PERS"]


@pytest.mark.parametrize(
    "sentence, tags, names",
    [
        # عبد + divine name: split into two people, or the second half alone
        ("التقى الوزير عبد الوهاب الساعدي في بغداد", "O O B B I O L", ["عبد الوهاب الساعدي"]),
        ("وصل عبد الرحمن الكيلاني صباحا", "O O B I O", ["عبد الرحمن الكيلاني"]),
        ("استقبل المحافظ عبد الكريم ناصر", "O O O O B", ["عبد الكريم ناصر"]),
        # kunya: أبو/أم + name
        ("وصل أبو مهدي المهندس إلى الحدود", "O O B I O O", ["أبو مهدي المهندس"]),
        ("غنت أم كلثوم في القاهرة", "O O B O L", ["أم كلثوم"]),
        # nasab chains
        ("استقبل محمد بن سلمان بن عبد العزيز الوفد", "O B O B O O O O", ["محمد بن سلمان بن عبد العزيز"]),
        ("وقال عبدالله بن خليفة العطية إن", "O B I O B O", ["عبدالله بن خليفة العطية"]),
        # family name after آل
        ("التقى خليفة آل ثاني بالوفد", "O B O O O", ["خليفة آل ثاني"]),
        # nisba / family names stay whole
        ("وأكد جمال الكربولي أن الاتفاق", "O B O O O", ["جمال الكربولي"]),
        ("وقال محمد شياع السوداني إن", "O B I O O", ["محمد شياع السوداني"]),
    ],
)
def test_whole_names(rules, sentence, tags, names):
    assert _apply(rules, sentence, tags) == names


@pytest.mark.parametrize(
    "sentence, tags, names",
    [
        # titles and ranks stay outside
        ("قال الفريق أول الركن عبد الأمير يار الله إن", "O B I I I I I I O", ["عبد الأمير يار الله"]),
        ("أعلن رئيس أركان الجيش عبد الأمير الشمري أن", "O B I I I I I O", ["عبد الأمير الشمري"]),
        ("وصرح الدكتور حسين علاوي بأن", "O B I I O", ["حسين علاوي"]),
        # verbs never inside
        ("كان عبد الوهاب الساعدي زار المقر", "O O B I I O", ["عبد الوهاب الساعدي"]),
        ("وقالت سارة حسن تقول إن", "O B I I O", ["سارة حسن"]),
        ("ثم التقى مازن السعدي", "O B I I", ["مازن السعدي"]),
    ],
)
def test_titles_and_verbs_outside(rules, sentence, tags, names):
    assert _apply(rules, sentence, tags) == names


@pytest.mark.parametrize(
    "sentence, tags, names",
    [
        ("وقال ماكرون الفرنسي كلاما", "O B O O", ["ماكرون"]),  # a nationality after a one-word name is not a nisba
        ("قالت جامعة عبد العزيز في بيان", "O G H H O O", []),  # part of an organisation
        ("تحدث سولانا ولاريجاني طويلا", "O B B O", ["سولانا", "ولاريجاني"]),  # two people joined by و
        ("عاد الوفد إلى الموصل يوم الخميس", "O O O L O O", []),
    ],
)
def test_rules_leave_other_words(rules, sentence, tags, names):
    assert _apply(rules, sentence, tags) == names


def test_shipped_model_whole_names_end_to_end():
    text = "قال الفريق أول الركن عبد الوهاب الساعدي زار بغداد أمس، والتقى أبو مهدي المهندس بالوفد."
    ents = [(text[s:e], t) for s, e, t, _ in load_model().entities(text)]
    assert ("عبد الوهاب الساعدي", "PERS") in ents
    assert ("بغداد", "LOC") in ents
    assert not any(t == "PERS" and ("زار" in x or "الركن" in x or "الفريق" in x) for x, t in ents)
