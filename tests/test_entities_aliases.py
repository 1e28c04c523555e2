"""Sites with their head noun, organisations named by a head and a nationality, and aliases linked
to their long forms: within an article, through the curated table, and across a corpus (sentences
written for the test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.corpus import load_corpus
from analysis.entities import entities_frame, entity_counts, tag_entities
from analysis.entities.aliases import AliasLinker, AliasTable, Document, default_alias_table, word_key
from analysis.entities.canonical import corpus_aliases, entity_column
from analysis.entities.crf import load_model
from analysis.entities.frame import cooccurrences
from analysis.entities.gazetteer import default_gazetteer
from analysis.entities.normalize import core, norm
from analysis.entities.institutions import InstitutionRules
from analysis.entities.orgs import OrgRules
from analysis.entities.sites import SiteRules, default_site_heads
from analysis.entities.spans import bio_spans

ALIASES = Path(__file__).resolve().parent / "fixtures" / "ner" / "aliases"
TAGS = {"O": "O", "B": "B-PERS", "I": "I-PERS", "L": "B-LOC", "M": "I-LOC", "G": "B-ORG", "H": "I-ORG", "X": "B-MISC"}


@pytest.fixture(autouse=True)
def _no_camel(monkeypatch, tmp_path):
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path / "camel"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


def _tags(spec: str) -> list[str]:
    return [TAGS[t] for t in spec.split()]


def _spans(words: list[str], tags: list[str]) -> list[tuple[str, str]]:
    return [(" ".join(words[s:e]), typ) for s, e, typ in bio_spans(tags)]


# --- sites -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, tags, expected",
    [
        ("هبطت الطائرة في مطار بغداد الدولي مساء", "O O O O L O O", [("مطار بغداد الدولي", "LOC")]),
        ("عبرت الشاحنات معبر الوليد الحدودي", "O O O B O", [("معبر الوليد الحدودي", "LOC")]),
        ("يقع حقل كونيكو الغازي شرقا", "O O O O O", [("حقل كونيكو الغازي", "LOC")]),
        ("عاد النازحون إلى مخيم الهول", "O O O O L", [("مخيم الهول", "LOC")]),
        ("زار الوفد إقليم كردستان أمس", "O O O L O", [("إقليم كردستان", "LOC")]),
        ("سلمت القوات قاعدة \" كامب فيكتوري \"", "O G O O O O O", [("القوات", "ORG"), ("كامب فيكتوري", "LOC")]),
        ("انسحبت القوات من قاعدة عين الأسد الجوية", "O O O L M M O", [("عين الأسد", "LOC")]),  # base: head outside
        ("غادر الجنود قاعدة التنف العسكرية", "O O O O O", [("التنف", "LOC")]),
        ("وصل الوفد إلى المطار صباحا", "O O O O O", []),  # a definite head is a common noun
        ("نقل الجرحى إلى مطار عسكري قريب", "O O O O O O", []),  # no name after the head
    ],
)
def test_site_heads(sentence, tags, expected):
    words = sentence.split()
    rules = SiteRules(default_site_heads(), load_model().common)
    new, _ = rules.apply(words, [core(norm(w)) for w in words], _tags(tags))
    assert _spans(words, new) == expected


def test_site_offsets_leave_proclitics_outside():
    text = "توقف الإنتاج بحقل كونيكو الغازي، وهبطت طائرة في مطار بغداد الدولي."
    ents = tag_entities(text, backend="crf")
    for e in ents:
        assert text[e.start:e.end] == e.text
    found = {(e.text, e.type) for e in ents}
    assert ("حقل كونيكو الغازي", "LOC") in found and ("مطار بغداد الدولي", "LOC") in found


# --- aliases inside one document ---------------------------------------------------------------


def _doc(sentences: list[tuple[str, str]]) -> Document:
    words = [s.split() for s, _ in sentences]
    return Document(words, [[word_key(w) for w in ws] for ws in words], [_tags(t) for _, t in sentences])


def _linker(table_rows=()) -> AliasLinker:
    return AliasLinker(AliasTable.from_rows(list(table_rows)), load_model().common)


def test_parenthesis_links_short_form_and_later_bare_mentions():
    doc = _doc([
        ("رحبت جبهة الإنقاذ الوطنية ( جاو ) بالقرار .", "O G H H O O O O O"),
        ("وقالت جاو إن المفاوضات ستستمر .", "O O O O O O"),
        ("وانتقد قادة وجاو القرار .", "O O O O O"),
    ])  # fmt: skip
    _linker().link(doc)
    assert _spans(doc.words[0], doc.tags[0]) == [("جبهة الإنقاذ الوطنية", "ORG"), ("جاو", "ORG")]
    assert _spans(doc.words[1], doc.tags[1]) == [("جاو", "ORG")]
    assert _spans(doc.words[2], doc.tags[2]) == [("وجاو", "ORG")]  # the token; offsets drop the و
    assert set(doc.links.values()) == {"جبهة الإنقاذ الوطنية"}
    assert (1, 1, 2) in doc.links and (2, 2, 3) in doc.links


def test_introducer_phrase_and_latin_acronym():
    doc = _doc([
        ("تحالف القوى المدنية المعروف باسم تقم شارك .", "G H H O O O O O"),
        ("وأعلنت هيئة الطاقة الذرية ( IAEA ) أن تقم طلبت .", "O G H H O O O O O O O"),
        ("وقالت IAEA ذلك .", "O O O O"),
    ])  # fmt: skip
    _linker().link(doc)
    assert doc.links[(0, 5, 6)] == "تحالف القوى المدنية"
    assert doc.tags[1][8] == "B-ORG" and doc.links[(1, 8, 9)] == "تحالف القوى المدنية"  # a later bare mention
    assert doc.links[(2, 1, 2)] == "هيئة الطاقة الذرية"


@pytest.mark.parametrize(
    "sentence, tags",
    [
        ("قال جوزيه مورينيو ( 61 عاما ) إن", "O B I O O O O O"),  # numbers
        ("اعلن سامي حسن ( ص ) ذلك", "O B I O O O O"),  # a single letter
        ("وصل الوفد إلى باريس ( الفرنسية ) أمس", "O O O L O O O O"),  # a nationality (source tag)
        ("أعلنت الحكومة العراقية ( التي تشكلت حديثا ) ذلك", "O G H O O O O O O"),  # a relative clause
    ],
)
def test_parentheses_that_are_not_aliases(sentence, tags):
    doc = _doc([(sentence, tags)])
    before = list(doc.tags[0])
    _linker().link(doc)
    assert doc.tags[0] == before and not any(k[1] > 0 and doc.words[0][k[1] - 1] == "(" for k in doc.links)


def test_curated_table_tags_and_links_every_listed_form():
    doc = _doc([
        ("ونقلت واع عن العمليات المشتركة أن سنتكوم وCENTCOM أكدتا .", "O O O O O O O O O O"),
        ("وقالت وكالة الأنباء العراقية إن دولة إسلامية لن تقوم .", "O G H H O O O O O O"),
    ])  # fmt: skip
    AliasLinker(default_alias_table(), load_model().common).link(doc)
    got = {(" ".join(doc.words[si][a:b]), long) for (si, a, b), long in doc.links.items()}
    assert got == {
        ("واع", "وكالة الأنباء العراقية"), ("العمليات المشتركة", "قيادة العمليات المشتركة"),
        ("سنتكوم", "القيادة المركزية الأمريكية"), ("وCENTCOM", "القيادة المركزية الأمريكية"),
        ("وكالة الأنباء العراقية", "وكالة الأنباء العراقية"),
    }  # fmt: skip
    assert doc.tags[1][5:7] == ["O", "O"]  # دولة إسلامية (indefinite) is not the listed الدولة الإسلامية


def test_table_covers_the_field_abbreviations():
    table = default_alias_table()
    expected = {
        "CENTCOM": "القيادة المركزية الأمريكية", "سنتكوم": "القيادة المركزية الأمريكية",
        "JOC": "قيادة العمليات المشتركة", "العمليات المشتركة": "قيادة العمليات المشتركة",
        "INA": "وكالة الأنباء العراقية", "واع": "وكالة الأنباء العراقية",
        "OIR": "عملية العزم الصلب", "PMF": "الحشد الشعبي", "SDF": "قوات سوريا الديمقراطية",
        "قسد": "قوات سوريا الديمقراطية", "قوات سورية الديمقراطية": "قوات سوريا الديمقراطية",
    }  # fmt: skip
    for alias, long_form in expected.items():
        from analysis.entities.aliases import phrase_key

        assert table.long_form(phrase_key(alias))[0] == long_form, alias


# --- through the tagger and across a corpus ----------------------------------------------------


def test_article_canonicals_give_the_long_form():
    path = ALIASES / "200_centcom_intro.txt"
    content = path.read_text(encoding="utf-8")
    text = " " * content.index("\n") + content[content.index("\n"):]
    ents = tag_entities(text, backend="crf")
    by_text = {}
    for e in ents:
        assert content[e.start:e.end] == e.text
        by_text.setdefault(e.text, set()).add(e.canonical)
    assert by_text["سنتكوم"] == {"القيادة المركزية الأمريكية"}
    assert by_text["بكك"] == {"حزب العمال الكردستاني"}
    assert by_text["قيادة العمليات المشتركة"] == {"قيادة العمليات المشتركة"}


def test_corpus_counts_and_cooccurrences_group_by_long_form():
    corpus = load_corpus([ALIASES])
    df = entities_frame(corpus, backend="crf")
    centcom = df[df["entity"] == "القيادة المركزية الأمريكية"]
    assert set(centcom["text"]) == {"القيادة المركزية الأمريكية", "سنتكوم"}
    assert centcom["article_id"].nunique() == 2  # the bare سنتكوم of the second article too
    joc = df[df["entity"] == "قيادة العمليات المشتركة"]
    assert set(joc["text"]) == {"قيادة العمليات المشتركة", "العمليات المشتركة"}
    counts = entity_counts(df)
    row = counts[counts["entity"] == "القيادة المركزية الأمريكية"].iloc[0]
    assert row["mentions"] == len(centcom) and row["articles"] == 2
    assert not (counts["entity"] == "سنتكوم").any() and not (counts["entity"] == "واع").any()
    co = cooccurrences(df)
    assert not ((co["entity_a"] == "سنتكوم") | (co["entity_b"] == "سنتكوم")).any()


def test_corpus_aliases_learned_in_one_article_apply_in_another():
    mentions = {
        "type": ["ORG", "ORG", "ORG", "ORG"],
        "text": ["جبهة الإنقاذ الوطنية", "جاو", "جاو", "الجيش"],
        "canonical": ["جبهة الإنقاذ الوطنية", "جبهة الإنقاذ الوطنية", "جاو", "الجيش"],
    }  # the third mention is in another article, where the tagger did not see the introduction
    assert corpus_aliases(mentions["type"], mentions["text"], mentions["canonical"])[2] == "جبهة الإنقاذ الوطنية"
    assert entity_column(mentions) == ["جبهة الإنقاذ الوطنية"] * 3 + ["الجيش"]


# --- organisations named by a head and a nationality (articles) ---------------------------------


@pytest.mark.parametrize(
    "sentence, tags, expected",
    [
        ("انسحب الجيش العراقي من المدينة", "O O O O O", [("الجيش العراقي", "ORG")]),
        ("قالت الحكومة السورية إن", "O O L O", [("الحكومة السورية", "ORG")]),
        ("وصلت القوات الأمريكية والبريطانية", "O O O O", [("القوات الأمريكية والبريطانية", "ORG")]),
        ("أكد الجيش العربي السوري ذلك", "O G H O O", [("الجيش العربي السوري", "ORG")]),
        ("أعلنت وزارة الدفاع الأمريكية أن", "O O G H O", [("وزارة الدفاع الأمريكية", "ORG")]),
        ("بحث الوفد مع بعثة التحالف الدولي", "O O O O G H", [("التحالف الدولي", "ORG")]),
        ("ذكرت وسائل الإعلام السورية أن", "O O O L O", []),  # an adjective alone is no place
        ("وصل الوفد إلى سورية أمس", "O O O L O", [("سورية", "LOC")]),  # the country stays
    ],
)
def test_head_and_nationality_organisations(sentence, tags, expected):
    words = sentence.split()
    nationalities = default_gazetteer().nationalities
    cores, norms = [core(norm(w)) for w in words], [norm(w) for w in words]
    new = OrgRules(nationalities).apply(cores, norms, _tags(tags))
    new, _ = InstitutionRules(nationalities, load_model().common).apply(cores, norms, new)  # the order of rules.EntityRules
    assert _spans(words, new) == expected


def test_anercorp_evaluation_keeps_anercorp_conventions():
    """CoNLL evaluation (tag_document) leaves out the article conventions: ANERcorp does not tag them."""
    model = load_model()
    words = "وصلت الطائرة إلى مطار دمشق الدولي وقال الجيش العراقي إن".split()
    conll = model.tag_document([words])[0]
    article = model.analyse([words]).tags[0]
    assert _spans(words, article)[:2] == [("مطار دمشق الدولي", "LOC"), ("الجيش العراقي", "ORG")]
    assert ("مطار دمشق الدولي", "LOC") not in _spans(words, conll)
