"""Tokens (offsets, CAMeL boundaries), sentences, normalization and the clitic splitter."""

from __future__ import annotations

from camel_tools.tokenizers.word import simple_word_tokenize
from hypothesis import given, settings
from hypothesis import strategies as st

import pytest

from analysis.text import Clitics, normalize, sentences, split_clitics, stem, tokens

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
