"""Round 8 of issue 13: classes that still failed on sentences written for the test (docs/NER.md,
"Rules after the tagger"): acronyms whose letters are the initials of a long form the tagger
missed, a short form in parentheses after ``المعروفة باسم``, a site named by a common word between
its head and its descriptor, and a kunya's nisba that is a common adjective. Each class has
sentences that must change and sentences that must not; the tagger is the shipped model."""

from __future__ import annotations

import pytest

from analysis.entities import tag_entities
from analysis.entities.acronyms import acronym_letters, initials, long_form_start
from analysis.entities.aliases import AliasLinker, AliasTable, Document, word_key
from analysis.entities.crf import load_model
from analysis.entities.names import NameRules, NameWords
from analysis.entities.features import load_triggers
from analysis.entities.gazetteer import default_gazetteer
from analysis.entities.normalize import core, norm
from analysis.entities.sites import SiteRules, default_site_heads
from analysis.entities.spans import bio_spans

TAGS = {"O": "O", "B": "B-PERS", "I": "I-PERS", "L": "B-LOC", "G": "B-ORG", "H": "I-ORG"}


@pytest.fixture(autouse=True)
def _no_camel(monkeypatch, tmp_path):
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path / "camel"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


def _spans(words: list[str], tags: list[str]) -> list[tuple[str, str]]:
    return [(" ".join(words[s:e]), typ) for s, e, typ in bio_spans(tags)]


# --- acronyms ----------------------------------------------------------------------------------


def test_initials_leave_out_the_article_and_try_both_readings_of_a_leading_waw():
    assert initials("الاتحادية") == {"ا"}
    assert initials("وكالة") == {"و", "ك"}
    assert initials("والعدالة") >= {"ع"}
    assert initials("لحقوق") == {"ل", "ح"}  # a preposition before a bare noun
    assert long_form_start("المرصد العراقي لحقوق الإنسان".split(), 4, "معحا") == 0
    assert acronym_letters(["هنا"]) == "هنا" and acronym_letters(["SDF"]) is None and acronym_letters(["قس"]) is None
    words = "أعلنت هيئة النزاهة الاتحادية".split()
    assert long_form_start(words, 4, "هنا") == 1
    assert long_form_start("حزب الحرية والعدالة".split(), 3, "ححع") == 0
    assert long_form_start("حزب الحرية والعدالة".split(), 3, "حعح") is None


def _doc(sentences: list[tuple[str, str]]) -> Document:
    words = [s.split() for s, _ in sentences]
    return Document(words, [[word_key(w) for w in ws] for ws in words], [[TAGS[t] for t in tags.split()] for _, tags in sentences])


def test_acronym_tags_the_missed_long_form_and_its_later_mentions():
    doc = _doc([
        ("هاجمت جماعة نصرة المظلومين ( جنم ) نقطة تفتيش .", "O O O O O O O O O O"),
        ("وتبنت جنم الهجوم .", "O O O O"),
    ])  # fmt: skip
    AliasLinker(AliasTable.from_rows([]), load_model().common).link(doc)
    assert _spans(doc.words[0], doc.tags[0]) == [("جماعة نصرة المظلومين", "ORG"), ("جنم", "ORG")]
    assert _spans(doc.words[1], doc.tags[1]) == [("جنم", "ORG")]
    assert set(doc.links.values()) == {"جماعة نصرة المظلومين"}


def test_acronym_that_is_a_common_word_is_linked_in_place_only():
    doc = _doc([
        ("أعلنت هيئة النزاهة الاتحادية ( هنا ) فتح تحقيق .", "O O O O O O O O O O"),
        ("وقال الموظفون إنهم يعملون هنا منذ سنوات .", "O O O O O O O O"),
    ])  # fmt: skip
    AliasLinker(AliasTable.from_rows([]), load_model().common).link(doc)
    assert _spans(doc.words[0], doc.tags[0]) == [("هيئة النزاهة الاتحادية", "ORG"), ("هنا", "ORG")]
    assert doc.tags[1] == ["O"] * 8  # "here" is not the authority


@pytest.mark.parametrize(
    "text",
    [
        "وقال المتحدث باسم الشرطة (رائد) إن التحقيق مستمر.",
        "وصلت قافلة المساعدات إلى المخيم (نحو مئة شاحنة) صباحا.",
        "أصدرت المحكمة حكما غيابيا (إعدام) بحق المتهمين.",
        "وشارك في الاجتماع ممثلو الحكومة (ثلاثة وزراء) والبرلمان.",
    ],
)
def test_parentheses_that_spell_nothing_before_them_tag_nothing(text):
    assert tag_entities(text, backend="crf") == []


def test_introducer_with_parentheses_end_to_end():
    text = "هاجمت جماعة أنصار الدين المعروفة باسم (جاد) نقطة تفتيش. وتبنت جاد الهجوم لاحقا."
    ents = tag_entities(text, backend="crf")
    for e in ents:
        assert text[e.start : e.end] == e.text
    got = [(e.text, e.type, e.canonical) for e in ents]
    assert got == [("جماعة أنصار الدين", "ORG", "جماعة أنصار الدين"), ("جاد", "ORG", "جماعة أنصار الدين"),
                   ("جاد", "ORG", "جماعة أنصار الدين")]  # fmt: skip


# --- sites: a common word between the head and its descriptor -----------------------------------


@pytest.mark.parametrize(
    "sentence, tags, expected",
    [
        ("استهدفت طائرة مسيرة قاعدة بلد الجوية شمالا", "O O O O O O O", [("بلد", "LOC")]),
        ("هبطت الطائرة في مطار المثنى العسكري", "O O O O O O", [("مطار المثنى العسكري", "LOC")]),
        ("أنشأت الحكومة قاعدة عسكرية جوية جديدة", "O O O O O O", []),  # the word is itself a descriptor
        ("تعمل الشركة في حقل نفطي قديم", "O O O O O O", []),
        ("انتقل الجنود إلى قاعدة أمريكية الجوية", "O O O O O O", []),  # a nationality is no name
    ],
)
def test_site_named_by_a_common_word_before_its_descriptor(sentence, tags, expected):
    words = sentence.split()
    rules = SiteRules(default_site_heads(), load_model().common, default_gazetteer().nationalities)
    new, _ = rules.apply(words, [core(norm(w)) for w in words], [TAGS[t] for t in tags.split()])
    assert _spans(words, new) == expected


# --- a kunya's nisba ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def name_rules() -> NameRules:
    return NameRules(NameWords.load(default_gazetteer().nationalities, load_triggers()), load_model().common)


@pytest.mark.parametrize(
    "sentence, tags, names",
    [
        ("وقال أبو علي العسكري في تغريدة", "O B I O O O", ["أبو علي العسكري"]),
        ("ظهر أبو محمد الشامي في تسجيل", "O B I O O O", ["أبو محمد الشامي"]),
        ("هاجر محمد مع أبو بكر إلى المدينة", "O B O B I O O", ["محمد", "أبو بكر"]),  # إلى is no nisba
        ("قال أبو علي إن الوضع العسكري مستقر", "O B I O O O O", ["أبو علي"]),
        ("وقال علي العسكري إن", "O B O O", ["علي"]),  # without a kunya a common adjective stays out
    ],
)
def test_kunya_nisba(name_rules, sentence, tags, names):
    words = sentence.split()
    new = name_rules.apply([core(norm(w)) for w in words], [norm(w) for w in words], [TAGS[t] for t in tags.split()])
    assert [" ".join(words[s:e]) for s, e, typ in bio_spans(new) if typ == "PERS"] == names


def test_own_sentences_end_to_end():
    """Sentences written for this test, through the shipped model and every rule."""
    cases = [
        ("وقال أبو علي العسكري في تغريدة إن الهجوم فشل.", ("أبو علي العسكري", "PERS")),
        ("استهدفت طائرة مسيرة قاعدة بلد الجوية شمال بغداد.", ("بلد", "LOC")),
        ("أعلنت هيئة النزاهة الاتحادية (هنا) فتح تحقيق.", ("هيئة النزاهة الاتحادية", "ORG")),
        ("استقبل محافظ البصرة عبد اللطيف الحمداني وفدا من الشركات.", ("عبد اللطيف الحمداني", "PERS")),
        ("وذكر قائد شرطة نينوى اللواء نعمان الزوبعي أن الطريق آمن.", ("نعمان الزوبعي", "PERS")),
        ("رست السفينة في ميناء أم قصر صباح اليوم.", ("ميناء أم قصر", "LOC")),
    ]
    for text, expected in cases:
        got = [(e.text, e.type) for e in tag_entities(text, backend="crf")]
        assert expected in got, (text, got)
