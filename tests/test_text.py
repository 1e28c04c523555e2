"""Tokens (offsets, CAMeL boundaries), sentences, normalization and the clitic splitter."""

from __future__ import annotations

import re

from camel_tools.tokenizers.word import simple_word_tokenize
from hypothesis import given, settings
from hypothesis import strategies as st

import pytest

from analysis.text import (
    ARTICLE_PATTERN,
    Clitics,
    char_table,
    normalization_groups,
    normalize,
    proclitic_pattern,
    sentences,
    split_clitics,
    stem,
    tokens,
)

ARABIC_ISH = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.sampled_from(list(" \n\t\r.,!?؟،؛:\"'()«»-–/0123456789٠١٢٣abcXYZ\u00a0\u200f\ufeff😀")),
        st.characters(),
    ),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(ARABIC_ISH)
def test_token_offsets_slice_back_and_match_camel(text):
    toks = tokens(text)
    assert [t.text for t in toks] == simple_word_tokenize(text)
    for t in toks:
        assert text[t.start:t.end] == t.text
        assert t.norm == normalize(t.text)
    assert all(a.end <= b.start for a, b in zip(toks, toks[1:]))


@settings(max_examples=300, deadline=None)
@given(ARABIC_ISH)
def test_sentence_offsets_slice_back(text):
    sents = sentences(text)
    for s in sents:
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert "\n" not in s.text
    assert all(a.end <= b.start for a, b in zip(sents, sents[1:]))


def test_tokens_on_arabic_sentence():
    text = "أكد علاوي، اليوم، أن «القوات» ستنسحب."
    assert [t.text for t in tokens(text)] == ["أكد", "علاوي", "،", "اليوم", "،", "أن", "«", "القوات", "»", "ستنسحب", "."]
    assert tokens(text)[0].norm == "اكد"


def test_sentences_split_on_arabic_and_latin_punctuation_and_lines():
    text = "قال إنه انسحب.وأكد أن 31.12.2025 موعد نهائي؟ نعم!\nسطر بلا نقطة\nThe end. Done"
    assert [s.text for s in sentences(text)] == [
        "قال إنه انسحب.", "وأكد أن 31.12.2025 موعد نهائي؟", "نعم!", "سطر بلا نقطة", "The end.", "Done",
    ]


def test_sentence_with_closing_quote_after_period():
    text = 'وأوضح أن "القوات ستقوم بالتسليم".وأشار إلى ذلك.'
    assert [s.text for s in sentences(text)] == ['وأوضح أن "القوات ستقوم بالتسليم".', "وأشار إلى ذلك."]


@pytest.mark.parametrize(("raw", "expected"), [
    ("أإآٱا", "ااااا"), ("مستشفى", "مستشفي"), ("الحكومة", "الحكومه"),
    ("تسلّمَ", "تسلم"), ("الـعـراق", "العراق"),
])
def test_normalize_each_step(raw, expected):
    assert normalize(raw) == expected


def test_normalize_steps_are_switchable():
    assert normalize("الحكومة", teh_marbuta=False) == "الحكومة"
    assert normalize("أمريكا", alef=False) == "أمريكا"
    assert normalize("تسلّم", diacritics=False) == "تسلّم"
    assert normalize("الـعراق", tatweel=False) == "الـعراق"
    assert normalize("على", alef_maksura=False) == "على"


@pytest.mark.parametrize(("word", "proclitics", "stem_"), [
    ("وواشنطن", ("و",), "واشنطن"),
    ("واشنطن", (), "واشنطن"),
    ("بالأنبار", ("ب", "ال"), "أنبار"),
    ("للجيش", ("ل", "ال"), "جيش"),
    ("وبالتالي", ("و", "ب", "ال"), "تالي"),
    ("والوزارة", ("و", "ال"), "وزارة"),
    ("وزارة", (), "وزارة"),
    ("ببغداد", ("ب",), "بغداد"),
    ("كالعادة", ("ك", "ال"), "عادة"),
    ("فالحكومة", ("ف", "ال"), "حكومة"),
    ("من", (), "من"),
    ("ال", (), "ال"),
])
def test_split_clitics(word, proclitics, stem_):
    c = split_clitics(word)
    assert isinstance(c, Clitics)
    assert (c.proclitics, c.stem) == (proclitics, stem_)
    assert c.prefix + c.stem == word


@given(st.text(max_size=30))
def test_split_clitics_never_loses_letters(word):
    c = split_clitics(word)
    assert c.prefix + c.stem == word


def test_stem_is_normalized():
    assert stem("بالأنبار") == "انبار"


def test_import_does_not_load_camel_data():
    import subprocess
    import sys

    code = "import sys, analysis.text, analysis.corpus; print('camel_tools.data' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------------------------------------
# The one normalization table, its groups and switches


def test_char_table_groups_and_switches():
    assert normalize("ؤئ٣۴ک", hamza=True, digits=True, persian=True) == "وي34ك"
    assert normalize("ؤئ٣") == "ؤئ٣"  # the extra groups are off by default
    assert normalize("a\u200fb\u200cc", bidi_marks=True) == "ab\u200cc"
    assert normalize("a\u200fb\u200cc", bidi_marks=True, invisible=True) == "abc"
    assert normalize("a\u200fb", bidi_marks=" ") == "a b"  # a string maps the whole group to it
    assert normalize("2014–2017 ٣٫٥", dashes=True, separators=True, digits=True) == "2014-2017 3.5"
    with pytest.raises(ValueError, match="unknown normalization group"):
        normalize("x", hamza_seats=True)


def test_length_preserving_table_for_offset_safe_matching():
    table = char_table(dropped="\x00", diacritics=True, tatweel=True, alef=True, spaces=True)
    text = "الـعِراق\u00a0أمس"
    matched = text.translate(table)
    assert len(matched) == len(text)
    assert matched.replace("\x00", "") == "العراق امس"
    assert "\x00" not in "a\x00b".translate(table)  # a NUL in the input becomes a space: no false sentinel


def test_every_group_of_the_table_is_known():
    groups = normalization_groups()
    assert {"alef", "alef_maksura", "teh_marbuta", "diacritics", "tatweel", "hamza", "persian", "digits",
            "marks", "quranic_marks", "bidi_marks", "invisible", "invisible_more", "spaces", "dashes",
            "separators"} == set(groups)
    assert groups["digits"][ord("٩")] == "9" and groups["diacritics"][0x0651] is None


# ---------------------------------------------------------------------------------------------
# The one clitic splitter: the switches other stages use


@pytest.mark.parametrize(("word", "switches", "proclitics", "stem_"), [
    # entity core forms: ب/ك only before the article, لل, a conjunction alone only before 3 letters
    ("وبالعراق", dict(prepositions="بك", bare_prepositions=False, min_bare_stem=3, exceptions=False),
     ("و", "ب", "ال"), "عراق"),
    ("للقوات", dict(prepositions="بك", bare_prepositions=False, min_bare_stem=3, exceptions=False),
     ("ل", "ال"), "قوات"),
    ("ولد", dict(prepositions="بك", bare_prepositions=False, min_bare_stem=3, exceptions=False), (), "ولد"),
    ("ببغداد", dict(prepositions="بك", bare_prepositions=False, exceptions=False), (), "ببغداد"),
    ("لالتزام", dict(prepositions="بك", bare_prepositions=False, exceptions=False), (), "لالتزام"),
    # a conjunction alone
    ("وقال", dict(prepositions="", article=False, min_bare_stem=3, exceptions=False), ("و",), "قال"),
    ("والقوات", dict(prepositions="", article=False, min_bare_stem=3, exceptions=False), ("و",), "القوات"),
    # any reading, however short its stem
    ("وال", dict(min_stem=0, exceptions=False), ("و", "ال"), ""),
])
def test_split_clitics_switches(word, switches, proclitics, stem_):
    c = split_clitics(word, **switches)
    assert (c.proclitics, c.stem) == (proclitics, stem_)
    assert c.prefix + c.stem == word
    assert c.definite == (proclitics[-1:] == ("ال",))


def test_exceptions_switch():
    assert split_clitics("واشنطن").stem == "واشنطن"
    assert split_clitics("واشنطن", exceptions=False).stem == "اشنطن"


def test_proclitic_pattern_is_the_splitter_rule_as_a_regex():
    assert proclitic_pattern() == "(?:[وف]?[بلك]|[وف])?"
    rx = re.compile(proclitic_pattern() + "(?P<w>سبتمبر)")
    assert [rx.fullmatch(w).group("w") for w in ("بسبتمبر", "وبسبتمبر", "فسبتمبر", "سبتمبر")] == ["سبتمبر"] * 4
    assert re.fullmatch(proclitic_pattern() + ARTICLE_PATTERN + "عام", "للعام")
