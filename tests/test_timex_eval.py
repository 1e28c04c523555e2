"""Scoring functions on tiny hand-made gold, the evaluate command, and the ``analysis timex`` CLI."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.evaluation import timex_eval as te

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def tx(start: int, end: int, value: str = "2025", type_: str = "DATE", mod: str | None = None) -> dict:
    return {"start": start, "end": end, "text": "x" * (end - start), "type": type_, "value": value, "mod": mod}


def test_prf() -> None:
    assert te.prf(0, 0, 0) == (0.0, 0.0, 0.0)
    p, r, f = te.prf(2, 4, 2)
    assert (p, r) == (0.5, 1.0) and f == pytest.approx(2 / 3)


def test_strict_and_relaxed_matching() -> None:
    gold = [tx(0, 10), tx(20, 30, "2024-09"), tx(40, 45, "P1Y", "DURATION")]
    pred = [tx(0, 10), tx(22, 30, "2024-10"), tx(60, 70)]
    assert te.match_strict(gold, pred) == [(0, 0)]
    assert te.match_relaxed(gold, pred) == [(0, 0), (1, 1)]
    c = te.score(gold, pred)
    assert (c.gold, c.pred, c.strict, c.relaxed, c.type_ok, c.value_ok, c.mod_ok) == (3, 3, 1, 2, 2, 1, 2)
    assert c.misses == [gold[2]] and c.false_alarms == [pred[2]]
    s = te.summary(c)
    assert s["strict_f1"] == pytest.approx(1 / 3)
    assert s["relaxed_f1"] == pytest.approx(2 / 3)
    assert s["value_acc"] == pytest.approx(0.5)
    assert s["value_f1"] == pytest.approx(1 / 3)


def test_relaxed_matching_is_one_to_one() -> None:
    gold = [tx(0, 20)]
    pred = [tx(0, 5), tx(6, 20)]  # two predictions overlap one gold span: only the larger counts
    assert te.match_relaxed(gold, pred) == [(0, 1)]
    c = te.score(gold, pred)
    assert c.relaxed == 1 and len(c.false_alarms) == 1


def test_report_ends_with_value_f1() -> None:
    c = te.score([tx(0, 4)], [tx(0, 4)])
    lines = te.report(c, [("a.txt", c)], [], details=True, events=None)
    assert lines[-1] == "value-F1 1.000"
    assert "event recall: n/a (analysis.events not available)" in lines


def test_evaluate_command_on_fixture(capsys) -> None:
    args = argparse.Namespace(gold_dir=str(FIXTURES / "timex"), corpus=[str(FIXTURES / "seed_000.txt")], details=True)
    assert te.run(args) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1].startswith("value-F1 ")
    # 7 gold, 12 predicted, all 7 matched with the right value; one span differs (the gold keeps مع)
    assert "strict  span P 0.500 R 0.857 F1 0.632" in out
    assert "relaxed span P 0.583 R 1.000 F1 0.737" in out
    assert out[-1] == "value-F1 0.737"
    assert any("false alarm" in line for line in out)


def test_evaluate_missing_gold_folder(tmp_path) -> None:
    assert main(["evaluate", "timex", str(tmp_path / "nope"), str(FIXTURES / "seed_000.txt")]) == 2


def test_cli_json(capsys) -> None:
    assert main(["timex", str(FIXTURES / "seed_000.txt"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    content = (FIXTURES / "seed_000.txt").read_text(encoding="utf-8")
    assert len(data) == 12
    assert set(data[0]) == {"start", "end", "text", "type", "value", "mod"}
    assert all(content[d["start"] : d["end"]] == d["text"] for d in data)
    assert {"text": "مطلع عام 2026", "value": "2026", "mod": "START"}.items() <= next(d for d in data if d["value"] == "2026").items()


def test_cli_dct_override_and_table(capsys) -> None:
    assert main(["timex", str(FIXTURES / "seed_000.txt"), "--dct", "2026-01-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("12 timexes (dct 2026-01-01)")
    assert "2026-01-01" in out  # اليوم resolved against the given date


def test_cli_bad_input(tmp_path, capsys) -> None:
    assert main(["timex", str(FIXTURES / "seed_000.txt"), "--dct", "31/12/2025"]) == 2
    assert "--dct" in capsys.readouterr().err
    assert main(["timex", str(tmp_path / "missing.txt")]) == 2
    plain = tmp_path / "plain.txt"
    plain.write_text("وصل أمس إلى بغداد", encoding="utf-8")
    assert main(["timex", str(plain)]) == 2  # no header and no --dct
    assert main(["timex", str(plain), "--dct", "2025-01-02", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == [{"start": 4, "end": 7, "text": "أمس", "type": "DATE", "value": "2025-01-01", "mod": None}]


def test_gold_offsets_are_checked(tmp_path) -> None:
    gold = json.loads((FIXTURES / "timex" / "000.json").read_text(encoding="utf-8"))
    gold["timexes"][0]["start"] += 1
    (tmp_path / "000.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert main(["evaluate", "timex", str(tmp_path), str(FIXTURES / "seed_000.txt")]) == 2
