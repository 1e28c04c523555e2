"""Score ``find_timexes`` on a JSONL challenge set, overall and per class of expression.

A challenge set has one JSON object per line: ``id``, ``dct``, ``text``, gold ``timexes``
(``start``, ``end``, ``text``, ``type``, ``value``, ``mod``, optional ``calendar``) and the
classes the row exercises (``classes``: a list, or a single ``category``). Scores are those of
``timex_eval`` (strict and relaxed span P/R/F1; type, value and mod accuracy on relaxed-matched
spans; value-F1), plus calendar accuracy, and the same figures per class: a row counts towards
every class it lists, so each class is scored on the rows written to exercise it.
Scoring is pure; ``load_set`` reports a bad file as ``path:line: problem``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.errors import AnalysisError
from analysis.evaluation.timex_eval import Counts, match_relaxed, score, summary
from analysis.timex import find_timexes

#: The gold fields compared on a relaxed-matched pair, in the order problems are listed.
COMPARED = ("type", "value", "mod", "calendar")
#: Kinds of error a row can show (``span``: matched by overlap but not at the same offsets).
ERROR_KINDS = ("miss", "false_alarm", "span", *COMPARED)
_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
_MODS = frozenset({None, "START", "MID", "END", "APPROX"})


@dataclass(frozen=True)
class SetCase:
    """One row of a challenge set (``line`` is its 1-based line in the file)."""

    id: str
    dct: str | None
    text: str
    timexes: list[dict]
    classes: tuple[str, ...]
    line: int = 0


@dataclass(frozen=True)
class Problem:
    """One difference between gold and prediction in a row."""

    case_id: str
    kind: str  # one of ERROR_KINDS
    message: str


@dataclass
class CaseResult:
    """A row with its prediction, its counts and its problems."""

    case: SetCase
    pred: list[dict]
    counts: Counts
    problems: list[Problem]
    calendar_ok: int = 0


@dataclass
class SetScore:
    """Counts over the whole set and per class, and every row's result."""

    total: Counts
    per_class: dict[str, Counts]
    results: list[CaseResult]
    calendar_ok: int = 0
    class_rows: dict[str, int] = field(default_factory=dict)


# --- Reading --------------------------------------------------------------------------------------


def load_set(path: str | Path) -> list[SetCase]:
    """Every row of a JSONL challenge set; a bad row raises ``AnalysisError`` naming file and line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise AnalysisError(f"{path}: challenge set not found") from None
    except UnicodeDecodeError:
        raise AnalysisError(f"{path}: not UTF-8 text") from None
    except OSError as err:
        raise AnalysisError(f"{path}: cannot read: {err.strerror or err}") from None
    cases: list[SetCase] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except ValueError as err:
            raise AnalysisError(f"{where}: not a JSON object ({err.msg})") from None
        case = _case(row, where, number)
        if case.id in seen:
            raise AnalysisError(f"{where}: duplicate id {case.id!r}")
        seen.add(case.id)
        cases.append(case)
    if not cases:
        raise AnalysisError(f"{path}: no rows")
    return cases


def _case(row: Any, where: str, number: int) -> SetCase:
    """Check one parsed row and turn it into a ``SetCase``."""
    if not isinstance(row, dict):
        raise AnalysisError(f"{where}: not a JSON object")
    for key in ("id", "text", "timexes"):
        if key not in row:
            raise AnalysisError(f"{where}: missing {key!r}")
    text, timexes = row["text"], row["timexes"]
    if not isinstance(text, str) or not isinstance(timexes, list):
        raise AnalysisError(f"{where}: 'text' must be a string and 'timexes' a list")
    dct = row.get("dct")
    if dct is not None:
        try:
            dt.date.fromisoformat(str(dct))
        except ValueError:
            raise AnalysisError(f"{where}: bad dct {dct!r}: expected YYYY-MM-DD") from None
    for t in timexes:
        _check_timex(t, text, where)
    classes = row.get("classes")
    if classes is None:
        classes = [row["category"]] if row.get("category") else []
    if not isinstance(classes, list) or not all(isinstance(c, str) for c in classes):
        raise AnalysisError(f"{where}: 'classes' must be a list of strings")
    return SetCase(str(row["id"]), dct, text, timexes, tuple(classes), number)


def _check_timex(t: Any, text: str, where: str) -> None:
    """A gold timex must be an object whose offsets give its text, with a known type and mod."""
    if not isinstance(t, dict) or not all(k in t for k in ("start", "end", "text", "type", "value")):
        raise AnalysisError(f"{where}: a timex needs start, end, text, type and value")
    start, end = t["start"], t["end"]
    if not (isinstance(start, int) and isinstance(end, int)) or text[start:end] != t["text"] or start >= end:
        raise AnalysisError(f"{where}: timex {start}:{end} {t.get('text')!r} does not match the row's text")
    if t["type"] not in _TYPES or t.get("mod") not in _MODS:
        raise AnalysisError(f"{where}: timex {t['text']!r} has type {t['type']!r} / mod {t.get('mod')!r}")


# --- Scoring --------------------------------------------------------------------------------------

Finder = Callable[[str, str | None], list[dict]]


def grammar_finder(text: str, dct: str | None) -> list[dict]:
    """The project's grammar, as gold-shaped dicts."""
    return [t.to_dict() for t in find_timexes(text, dct)]


def score_case(case: SetCase, pred: list[dict]) -> CaseResult:
    """Counts and problems of one row."""
    gold = case.timexes
    counts = score(gold, pred)
    problems: list[Problem] = []
    pairs = match_relaxed(gold, pred)
    calendar_ok = 0
    for i, j in pairs:
        g, p = gold[i], pred[j]
        if (g["start"], g["end"]) != (p["start"], p["end"]):
            problems.append(Problem(case.id, "span", f"{g['text']!r} found as {p['text']!r}"))
        for key in COMPARED:
            if g.get(key) != p.get(key):
                problems.append(Problem(case.id, key, f"{g['text']!r}: {key} {p.get(key)!r}, gold {g.get(key)!r}"))
        calendar_ok += g.get("calendar") == p.get("calendar")
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    problems += [Problem(case.id, "miss", f"{g['text']!r} {g['type']} {g['value']}") for i, g in enumerate(gold) if i not in matched_g]
    problems += [
        Problem(case.id, "false_alarm", f"{p['text']!r} {p['type']} {p['value']}") for j, p in enumerate(pred) if j not in matched_p
    ]
    return CaseResult(case, pred, counts, problems, calendar_ok)


def score_set(cases: Sequence[SetCase], finder: Finder = grammar_finder) -> SetScore:
    """Run ``finder`` on every row and add the counts up, overall and per class."""
    total = Counts()
    per_class: dict[str, Counts] = {}
    rows: dict[str, int] = {}
    results = []
    calendar_ok = 0
    for case in cases:
        result = score_case(case, finder(case.text, case.dct))
        results.append(result)
        total.add(result.counts)
        calendar_ok += result.calendar_ok
        for name in case.classes:
            per_class.setdefault(name, Counts()).add(result.counts)
            rows[name] = rows.get(name, 0) + 1
    return SetScore(total, per_class, results, calendar_ok, rows)


def errors_by_class(result: SetScore) -> dict[str, list[Problem]]:
    """Every problem of every row, under each class the row lists (classes in name order)."""
    out: dict[str, list[Problem]] = {}
    for r in result.results:
        for name in r.case.classes:
            out.setdefault(name, []).extend(r.problems)
    return dict(sorted(out.items()))


def headline(result: SetScore) -> dict[str, float]:
    """The summary numbers of the whole set (``timex_eval.summary`` plus calendar accuracy)."""
    s = summary(result.total)
    s["calendar_acc"] = result.calendar_ok / result.total.relaxed if result.total.relaxed else 0.0
    s["cases_passing"] = sum(not r.problems for r in result.results)
    s["cases"] = len(result.results)
    return s


# --- Report ---------------------------------------------------------------------------------------


def report(result: SetScore, details: bool = False, only: str | None = None) -> list[str]:
    """The printed report, classes from the worst value-F1 (a class without gold expressions shows
    ``-`` and counts its false alarms in ``pred``); its last line is ``value-F1 0.xxx``."""
    lines = [f"{'class':28} {'rows':>4} {'gold':>4} {'pred':>4} {'relaxF1':>7} {'strictF1':>8} {'valAcc':>6} {'valF1':>6} {'errors':>6}"]
    errors = errors_by_class(result)
    for name, counts in sorted(result.per_class.items(), key=lambda kv: (summary(kv[1])["value_f1"], kv[0])):
        if only and name != only:
            continue
        s = summary(counts)
        if counts.gold:
            scores = f"{s['relaxed_f1']:7.3f} {s['strict_f1']:8.3f} {s['value_acc']:6.3f} {s['value_f1']:6.3f}"
        else:  # look-alike rows: nothing to find, only false alarms to count
            scores = f"{'-':>7} {'-':>8} {'-':>6} {'-':>6}"
        lines.append(f"{name[:28]:28} {result.class_rows[name]:4d} {counts.gold:4d} {counts.pred:4d} {scores} {len(errors.get(name, [])):6d}")
    if details:
        for name, problems in errors.items():
            if (only and name != only) or not problems:
                continue
            lines += ["", f"[{name}]"]
            lines += [f"  {p.case_id:8} {p.kind:11} {p.message}" for p in problems]
    s = headline(result)
    t = result.total
    lines += [
        "",
        f"rows {s['cases']} (passing {s['cases_passing']})  gold {t.gold}  predicted {t.pred}",
        f"strict  span P {s['strict_p']:.3f} R {s['strict_r']:.3f} F1 {s['strict_f1']:.3f}",
        f"relaxed span P {s['relaxed_p']:.3f} R {s['relaxed_r']:.3f} F1 {s['relaxed_f1']:.3f}",
        f"on {t.relaxed} matched spans: type accuracy {s['type_acc']:.3f}  value accuracy {s['value_acc']:.3f}  "
        f"mod accuracy {s['mod_acc']:.3f}  calendar accuracy {s['calendar_acc']:.3f}",
        f"value-F1 {s['value_f1']:.3f}",
    ]
    return lines


def to_json(result: SetScore) -> dict[str, Any]:
    """The headline and per-class numbers, and every problem, as one JSON-ready object."""
    return {
        "overall": headline(result),
        "classes": {name: {"rows": result.class_rows[name], "gold": c.gold, **summary(c)} for name, c in sorted(result.per_class.items())},
        "problems": [{"id": p.case_id, "kind": p.kind, "message": p.message} for r in result.results for p in r.problems],
    }


def run(args: argparse.Namespace) -> int:
    """``analysis evaluate timex-set FILE``."""
    result = score_set(load_set(args.path))
    if getattr(args, "json", False):
        print(json.dumps(to_json(result), ensure_ascii=False, indent=1))
        return 0
    for line in report(result, bool(getattr(args, "details", False)), getattr(args, "only", None)):
        print(line)
    return 0
