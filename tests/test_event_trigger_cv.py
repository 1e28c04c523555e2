"""tools/event_trigger_cv.py: gold trigger offsets become BIO tags and back, and the scoring/union/filter logic."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from analysis.text import Token, sentences, tokens

ROOT = Path(__file__).resolve().parents[1]
# Two sentences of our own: a two-word trigger in the first, a one-word trigger after a clitic in the second.
TEXT = "أعلن الجيش انتهاء المهمة أمس.\nوسحبت القوات جنودها من القاعدة."


def _tool():
    spec = importlib.util.spec_from_file_location("event_trigger_cv", ROOT / "tools" / "event_trigger_cv.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses resolve their annotations through sys.modules
    spec.loader.exec_module(mod)
    return mod


def _sentence_tokens() -> list[list[Token]]:
    return [[Token(t.text, t.start + s.start, t.end + s.start, t.norm) for t in tokens(s.text)] for s in sentences(TEXT)]


def test_bio_tags_from_offsets_in_two_sentences():
    tool = _tool()
    first = TEXT.index("انتهاء المهمة")
    second = TEXT.index("وسحبت")
    triggers = [(first, first + len("انتهاء المهمة"), "mission_end"), (second, second + len("وسحبت"), "withdrawal")]
    assert TEXT[triggers[1][0] : triggers[1][1]] == "وسحبت"
    s1, s2 = _sentence_tokens()
    tags1, tags2 = tool.bio_tags(s1, triggers), tool.bio_tags(s2, triggers)
    assert [t.text for t in s1][:4] == ["أعلن", "الجيش", "انتهاء", "المهمة"]
    assert tags1[:5] == ["O", "O", "B-mission_end", "I-mission_end", "O"]
    assert tags2[0] == "B-withdrawal" and set(tags2[1:]) == {"O"}
    assert tool.bio_spans(tags1) == [(2, 3, "mission_end")]
    assert tool.bio_spans(["I-attack", "O", "B-vote", "I-vote", "B-vote"]) == [(0, 0, "attack"), (2, 3, "vote"), (4, 4, "vote")]


def test_union_adds_only_uncovered_and_filter_drops_low_probability():
    tool = _tool()
    rule = tool.Unit("withdrawal", (0, 40), (10, 15))
    crf_same = tool.Unit("withdrawal", (40,), (50, 55))
    crf_new = tool.Unit("attack", (40,), (60, 65))
    assert tool.union([rule], [crf_same, crf_new]) == [rule, crf_new]
    probs = [(10, 15, 0.3), (50, 55, 0.9)]
    assert tool.filtered([rule], probs, 0.2) == [rule]
    assert tool.filtered([rule], probs, 0.5) == []
    assert tool.prf((3, 4, 3, 6)) == (0.75, 0.5, 0.6)
