"""tools/newsfane_dedupe.py: NewsFANE classes mapped to our types, sentences found in a reference removed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures" / "ner" / "newsfane"


def _tool():
    spec = importlib.util.spec_from_file_location("newsfane_dedupe", ROOT / "tools" / "newsfane_dedupe.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_class_has_a_type_and_a_rationale():
    tool = _tool()
    classes = tool.read_classes()
    assert len(classes) == 45 and set(classes.values()) == {"PERS", "LOC", "ORG", "MISC", "O"}
    assert classes["Nation"] == classes["Population-Center"] == classes["Airport"] == "LOC"
    assert classes["Government"] == classes["Media"] == classes["Sports"] == "ORG"
    assert classes["Group"] == "O" and classes["Politician"] == "PERS" and classes["Book"] == "MISC"
    for line in tool.CLASSES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            assert len(line.split("\t")) == 3 and line.split("\t")[2].strip(), line


def test_dedupe_removes_exact_near_and_retokenized_copies(tmp_path, capsys):
    tool = _tool()
    out = tmp_path / "kept.txt"
    assert tool.main([str(FIX / "newsfane_tiny.txt"), "--against", str(FIX / "reference_tokens.txt"), "--out", str(out)]) == 0
    report = capsys.readouterr().out
    assert "removed 4 sentences" in report
    assert all(f"{how} 1 " in report for how in ("exact", "near", "retokenized", "run"))
    text = out.read_text(encoding="utf-8")
    assert "\u200e" not in text and "\r" not in text and "\ufeff" not in text
    sents = [[line.split(" ") for line in block.splitlines()] for block in text.strip().split("\n\n")]
    assert len(sents) == 2
    first = dict((w, t) for w, t in sents[0])
    assert first["وقال"] == "O" and first["العرب"] == "O"  # lone و joined; Group is not an entity
    assert first["اتحاد"] == "B-ORG" and first["الكرخ"] == "I-ORG"
    second = [t for _, t in sents[1]]
    assert second[3:6] == ["B-LOC", "I-LOC", "I-LOC"]  # مطار النجف الدولي keeps its head


def test_unknown_class_is_refused(tmp_path, capsys):
    tool = _tool()
    bad = tmp_path / "bad.txt"
    bad.write_text("كلمة\tB-Spaceship\n\n", encoding="utf-8")
    assert tool.main([str(bad), "--against", str(FIX / "reference_tokens.txt"), "--out", str(tmp_path / "o.txt")]) == 2
    assert "Spaceship" in capsys.readouterr().err
