"""``analysis evaluate timeline``: a timeline table scored against a canonical list of real-world events."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.errors import AnalysisError
from analysis.evaluation.timeline_eval import read_timeline_csv, score
from analysis.evaluation.timeline_gold import gold_reports, gold_reports_as_events, load_milestones

WRITER_A = Path(__file__).parent / "fixtures" / "events_v2" / "writer_a"

MILESTONES = [
    {"id": "M1", "type": "withdrawal", "place": "عين الأسد", "date": "2026-01-15", "date_mod": None,
     "status": "occurred", "planned_dates": ["2025-09", "2026"], "summary_en": "leave Ain al-Asad"},
    {"id": "M2", "type": "attack", "place": "حرير", "date": "2024-01-23", "date_mod": None, "status": "occurred",
     "planned_dates": [], "summary_en": "drone attack on Harir"},
    {"id": "M3", "type": "withdrawal", "place": "إقليم كردستان", "date": "2026-09", "date_mod": None,
     "status": "planned", "planned_dates": ["2026-09"], "summary_en": "leave Kurdistan"},
    {"id": "M4", "type": "handover", "place": "فكتوريا", "date": "2025-09-21", "date_mod": None,
     "status": "occurred", "planned_dates": [], "summary_en": "Victoria handed over"},
]  # fmt: skip

#: Gold reports: file, trigger start, type, place, milestone.
REPORTS = [
    ("a.txt", 120, "withdrawal", "عين الأسد", "M1"), ("b.txt", 40, "withdrawal", "عين الأسد", "M1"),
    ("b.txt", 300, "attack", "حرير", "M2"), ("c.txt", 60, "withdrawal", "حرير", "M3"),
    ("c.txt", 400, "attack", "أربيل", None), ("d.txt", 10, "handover", "فكتوريا", "M4"),
]  # fmt: skip

HEADER = ["type", "place", "date", "date_mod", "status", "n_sources", "sources"]


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "timeline.json").write_text(json.dumps({"milestones": MILESTONES}, ensure_ascii=False), encoding="utf-8")
    by_file: dict[str, list] = {}
    for file, start, type_, place, milestone in REPORTS:
        event = {"trigger": {"start": start, "end": start + 5, "text": "x"}, "type": type_, "place": place, "milestone": milestone}
        by_file.setdefault(file, []).append(event)
    for k, (file, events) in enumerate(sorted(by_file.items())):
        (folder / f"{k:03d}.json").write_text(json.dumps({"file": file, "dct": "2026-01-17", "events": events}), encoding="utf-8")
    return folder


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def measures(gold: Path, csv_path: Path) -> dict[str, float]:
    return score(read_timeline_csv(csv_path), load_milestones(gold), gold_reports(gold)).measures()


# ---------------------------------------------------------------------------------------------
# Matching rule


def test_a_perfect_timeline(gold, tmp_path):
    path = write_csv(tmp_path / "t.csv", [
        ["withdrawal", "عين الأسد", "2026-01-15", "", "occurred", "2", "a.txt:100-200; b.txt:0-90"],
        ["attack", "حرير", "2024-01-23", "", "occurred", "1", "b.txt:250-350"],
        ["withdrawal", "حرير", "2026-09", "", "planned", "1", "c.txt:0-100"],
        ["handover", "فيكتوريا", "2025-09-21", "", "occurred", "1", "d.txt:0-50"],
    ])  # fmt: skip
    assert measures(gold, path) == {"precision": 1.0, "recall": 1.0, "rows_per_event": 1.0, "final_state": 1.0}


def test_split_events_missing_milestones_and_plans_never_told_to_the_end(gold, tmp_path):
    path = write_csv(tmp_path / "t.csv", [
        ["withdrawal", "عين الأسد", "2025-09", "END", "planned", "1", "a.txt:100-200"],  # true of M1, a plan
        ["withdrawal", "الأنبار", "2026", "START", "planned", "1", "b.txt:0-90"],  # province ⊃ base: true of M1
        ["attack", "حرير", "2024-01", "", "occurred", "1", "b.txt:250-350"],  # to the month: told to the end
    ])  # fmt: skip
    m = measures(gold, path)
    assert m["precision"] == 1.0
    assert m["recall"] == 0.5 and m["rows_per_event"] == 1.5
    assert m["final_state"] == 0.25  # only M2


def test_false_rows(gold, tmp_path):
    path = write_csv(tmp_path / "t.csv", [
        ["withdrawal", "حرير", "2026-01-15", "", "occurred", "1", "a.txt:100-200"],  # another base
        ["withdrawal", "عين الأسد", "2025-09", "", "occurred", "1", "a.txt:100-200"],  # a plan stated as done
        ["withdrawal", "عين الأسد", "2024-03", "", "occurred", "1", "a.txt:100-200"],  # a date M1 never had
        ["attack", "حرير", "2024-01-23", "", "occurred", "1", "a.txt:100-200"],  # cites a sentence about M1
        ["withdrawal", "عين الأسد", "2026-01-15", "", "occurred", "1", "a.txt:100-200"],  # true
    ])  # fmt: skip
    m = measures(gold, path)
    assert m["precision"] == pytest.approx(1 / 5) and m["recall"] == 0.25


def test_off_timeline_rows_are_not_scored(gold, tmp_path):
    path = write_csv(tmp_path / "t.csv", [
        ["attack", "أربيل", "2024-02-01", "", "occurred", "1", "c.txt:350-450"],  # a real attack, not a milestone
        ["withdrawal", "عين الأسد", "2026-01", "", "occurred", "1", "a.txt:100-200"],
    ])  # fmt: skip
    result = score(read_timeline_csv(path), load_milestones(gold), gold_reports(gold))
    assert [r.off_timeline for r in result.rows] == [True, False]
    assert result.measures()["precision"] == 1.0 and result.measures()["final_state"] == 0.25


def test_without_gold_reports_the_date_decides(gold, tmp_path):
    path = write_csv(tmp_path / "t.csv", [
        ["attack", "حرير", "2024-01-23", "", "occurred", "1", "z.txt:0-10"],
        ["attack", "حرير", "2024-05-01", "", "occurred", "1", "z.txt:20-30"],
    ])  # fmt: skip
    m = score(read_timeline_csv(path), load_milestones(gold), []).measures()
    assert m["precision"] == 0.5 and m["recall"] == 0.25


def test_a_still_planned_milestone_is_not_occurred(gold, tmp_path):
    path = write_csv(tmp_path / "t.csv", [["withdrawal", "إقليم كوردستان", "2026-09", "", "occurred", "1", "c.txt:0-100"]])
    assert measures(gold, path)["precision"] == 0.0


# ---------------------------------------------------------------------------------------------
# Reading tables


def test_reads_the_events_csv_with_json_sources(gold, tmp_path):
    sources = json.dumps([{"file": "a.txt", "sentence_start": 100, "sentence_end": 200, "trigger": "x", "timex": None}])
    header = ["date", "date_mod", "start", "end", "type", "status", "place", "actors", "summary", "n_sources", "sources"]
    path = write_csv(tmp_path / "e.csv", [["2026-01-15", "", "2026-01-15", "2026-01-15", "withdrawal", "occurred",
                                           "عين الأسد", "", "…", "1", sources]], header)  # fmt: skip
    (row,) = read_timeline_csv(path)
    assert row.sources[0].file == "a.txt" and (row.sources[0].start, row.sources[0].end) == (100, 200)
    assert measures(gold, path)["final_state"] == 0.25


def test_vague_dates_take_the_tables_days(tmp_path):
    path = write_csv(tmp_path / "v.csv", [["handover", "x", "FUTURE_REF", "", "planned", "1", "", "2026-01-01", "2026-01-30"]],
                     HEADER + ["start", "end"])  # fmt: skip
    (row,) = read_timeline_csv(path)
    assert row.span is not None and row.span[0].isoformat() == "2026-01-01"


@pytest.mark.parametrize(
    "content, problem",
    [("type,place\nattack,x\n", ":1: not a timeline table: missing column(s) date, status, sources"),
     ("type,date,status,sources\nattack,2024,occurred,a.txt:1-x\n", ":2: cannot read sources"),
     ("type,date,status,sources\n,2024,occurred,\n", ":2: row without a type")],
)  # fmt: skip
def test_bad_tables_name_file_and_line(tmp_path, content, problem):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AnalysisError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        read_timeline_csv(path)


@pytest.mark.parametrize(
    "doc, problem",
    [({"x": []}, "needs a JSON object with a list 'milestones'"),
     ({"milestones": [{"id": "M1", "type": "attack", "status": "done"}]}, "milestone 1 \\(M1\\): status must be"),
     ({"milestones": [{"id": "M1", "type": "attack", "status": "occurred"}] * 2}, "milestone 2 \\(M1\\): id used twice"),
     ({"milestones": []}, "lists no milestones")],
)  # fmt: skip
def test_bad_canonical_lists(tmp_path, doc, problem):
    path = tmp_path / "timeline.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(AnalysisError, match=problem):
        load_milestones(tmp_path)


# ---------------------------------------------------------------------------------------------
# Command


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as stop:
            code = int(stop.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_command_prints_the_four_measures(gold, tmp_path):
    path = write_csv(tmp_path / "t.csv", [["attack", "حرير", "2024-01-23", "", "occurred", "1", "b.txt:250-350"]])
    code, out, _ = run_cli("evaluate", "timeline", str(gold / "timeline.json"), str(path), "--details")
    assert code == 0
    assert out.splitlines()[-1] == "precision 1.000  recall 0.250  rows/event 1.00  final 0.250"
    assert "M2" in out and "line 2: attack حرير 2024-01-23 occurred" in out


def test_command_bad_input_is_one_line_and_exit_2(gold, tmp_path):
    (tmp_path / "bad.csv").write_text("type\nx\n", encoding="utf-8")
    code, out, err = run_cli("evaluate", "timeline", str(gold), str(tmp_path / "bad.csv"))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "bad.csv:1" in err and "Traceback" not in err
    code, _, err = run_cli("evaluate", "timeline", str(gold))
    assert code == 2 and "--merge-gold" in err


def test_merge_gold_scores_the_merge_alone():
    code, out, _ = run_cli("evaluate", "timeline", str(WRITER_A), "--merge-gold")
    assert code == 0 and out.splitlines()[-1].startswith("precision ")


def test_gold_reports_become_events_with_their_sentences():
    events = gold_reports_as_events(WRITER_A)
    assert len(events) == len(gold_reports(WRITER_A))
    for e in events[:40]:
        text = Path(e.file).read_text(encoding="utf-8")
        assert text[e.trigger_start : e.trigger_end] == e.trigger
        assert e.sentence_start <= e.trigger_start < e.sentence_end and text[e.sentence_start : e.sentence_end] == e.sentence
