"""The JSONL challenge-set scorer (``analysis evaluate timex-set``) on tiny sets of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.evaluation import timex_set as ts

TEXT = "وصل الوفد يوم 3 مارس 2025 وغادر بعد يومين."


def row(id_: str, classes: list[str], timexes: list[dict], text: str = TEXT, dct: str = "2025-03-01") -> dict:
    return {"id": id_, "dct": dct, "text": text, "classes": classes, "timexes": timexes}


def tx(text: str, surface: str, type_: str, value: str, mod: str | None = None, **extra) -> dict:
    start = text.index(surface)
    return {"start": start, "end": start + len(surface), "text": surface, "type": type_, "value": value, "mod": mod, **extra}


def write(tmp_path: Path, rows: list[dict] | list[str], name: str = "set.jsonl") -> Path:
    path = tmp_path / name
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def fixed(preds: dict[str, list[dict]]):
    """A finder that returns canned predictions by text."""
    return lambda text, dct: preds.get(text, [])


def test_scores_and_classes(tmp_path) -> None:
    gold_a = [tx(TEXT, "3 مارس 2025", "DATE", "2025-03-03"), tx(TEXT, "يومين", "DURATION", "P2D")]
    other = "يصدر التقرير السنوي اليوم."
    gold_b = [tx(other, "اليوم", "DATE", "2025-03-01")]
    cases = ts.load_set(write(tmp_path, [row("a", ["full_date", "duration"], gold_a), row("b", ["lookalike"], gold_b, other)]))
    pred = {
        TEXT: [tx(TEXT, "يوم 3 مارس 2025", "DATE", "2025-03-03"), tx(TEXT, "بعد يومين", "DATE", "2025-03-03")],
        other: [tx(other, "السنوي", "SET", "P1Y"), tx(other, "اليوم", "DATE", "2025-03-01")],
    }
    result = ts.score_set(cases, fixed(pred))
    s = ts.headline(result)
    assert (result.total.gold, result.total.pred, result.total.relaxed, result.total.strict) == (3, 4, 3, 1)
    assert s["relaxed_f1"] == pytest.approx(2 * (3 / 4) * 1 / (3 / 4 + 1))
    assert s["value_acc"] == pytest.approx(2 / 3)
    assert s["cases_passing"] == 0
    kinds = sorted(p.kind for p in result.results[0].problems)
    assert kinds == ["span", "span", "type", "value"]
    assert [p.kind for p in result.results[1].problems] == ["false_alarm"]
    # per class: row a counts for both its classes, row b for its one
    assert result.per_class["duration"].gold == 2 and result.per_class["lookalike"].pred == 2
    assert result.class_rows == {"full_date": 1, "duration": 1, "lookalike": 1}
    errors = ts.errors_by_class(result)
    assert len(errors["full_date"]) == 4 and errors["lookalike"][0].message.startswith("'السنوي'")


def test_calendar_is_compared(tmp_path) -> None:
    text = "في 1 رمضان 1446 هـ"
    gold = [tx(text, "1 رمضان 1446 هـ", "DATE", "2025-03-01", calendar="hijri")]
    result = ts.score_set(ts.load_set(write(tmp_path, [row("h", ["hijri_date"], gold, text)])), fixed({text: [dict(gold[0], calendar=None)]}))
    assert [p.kind for p in result.results[0].problems] == ["calendar"]
    assert ts.headline(result)["calendar_acc"] == 0.0


def test_report_and_json(tmp_path) -> None:
    gold = [tx(TEXT, "3 مارس 2025", "DATE", "2025-03-03")]
    other = "صدر تقريرها السنوي."
    rows = [row("a", ["full_date"], gold), row("b", ["lookalike"], [], other)]
    result = ts.score_set(ts.load_set(write(tmp_path, rows)), fixed({TEXT: gold, other: [tx(other, "السنوي", "SET", "P1Y")]}))
    lines = ts.report(result, details=True)
    assert lines[-1].startswith("value-F1 ")
    assert any(line.startswith("full_date") and " 1.000 " in line for line in lines)
    lookalike = next(line for line in lines if line.startswith("lookalike"))
    assert lookalike.split()[1:4] == ["1", "0", "1"] and " - " in lookalike  # no gold: only the false alarm counts
    data = ts.to_json(result)
    assert data["classes"]["full_date"]["value_f1"] == 1.0 and data["classes"]["full_date"]["rows"] == 1
    assert data["problems"] == [{"id": "b", "kind": "false_alarm", "message": "'السنوي' SET P1Y"}]


def test_category_stands_for_classes(tmp_path) -> None:
    r = {"id": "c1", "category": "relative", "dct": "2025-01-01", "text": "اليوم", "timexes": []}
    assert ts.load_set(write(tmp_path, [r]))[0].classes == ("relative",)


@pytest.mark.parametrize(
    ("lines", "problem"),
    [
        (["{not json"], ":1: not a JSON object"),
        (["[1, 2]"], ":1: not a JSON object"),
        ([json.dumps({"id": "a", "text": "x"})], ":1: missing 'timexes'"),
        (["", json.dumps(row("a", [], [{"start": 0, "end": 3, "text": "zzz", "type": "DATE", "value": "2025"}]))], ":2: timex 0:3"),
        ([json.dumps(row("a", [], [], dct="2025-13-01"))], ":1: bad dct"),
        ([json.dumps(row("a", [], [])), json.dumps(row("a", [], []))], ":2: duplicate id 'a'"),
        ([json.dumps(row("a", [], [tx(TEXT, "يومين", "DURATIONS", "P2D")]))], ":1: timex 'يومين' has type"),
        ([json.dumps(row("a", "full_date", []))], ":1: 'classes' must be a list"),  # type: ignore[arg-type]
    ],
)
def test_bad_rows_name_file_and_line(tmp_path, lines, problem) -> None:
    path = write(tmp_path, lines)
    with pytest.raises(ts.AnalysisError, match=problem):
        ts.load_set(path)


def test_command(tmp_path, capsys) -> None:
    text = "انعقد المؤتمر أمس."
    gold = [tx(text, "أمس", "DATE", "2025-02-28")]
    path = write(tmp_path, [row("a", ["relative_day"], gold, text)])
    assert main(["evaluate", "timex-set", str(path), "--details"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "value-F1 1.000"
    assert main(["evaluate", "timex-set", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["overall"]["cases_passing"] == 1


def test_command_bad_input_exit_2(tmp_path, capsys) -> None:
    bad = write(tmp_path, ["{"])
    assert main(["evaluate", "timex-set", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and f"{bad}:1:" in err and "Traceback" not in err
    assert main(["evaluate", "timex-set", str(tmp_path / "missing.jsonl")]) == 2
    (tmp_path / "cp.jsonl").write_bytes("اليوم".encode("cp1256"))
    assert main(["evaluate", "timex-set", str(tmp_path / "cp.jsonl")]) == 2
