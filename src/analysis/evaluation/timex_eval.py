"""Score ``find_timexes`` against gold timex files (docs/ANNOTATION.md, "Temporal expressions"), with events.

Gold files (``NNN.json``: ``file``, ``dct``, ``timexes``, ``events``) are matched to articles by
the basename in ``file``. Per file and overall:

* span P/R/F1, **strict** (same start and end) and **relaxed** (overlapping spans, matched
  one-to-one, largest overlap first);
* on relaxed-matched pairs: type, value and mod accuracy;
* **value-F1**: F1 where a true positive is a relaxed-matched pair whose value is equal
  (P = such pairs / predicted, R = such pairs / gold). It is the last line of the report.

Event recall and precision come from ``analysis.evaluation.events_eval.event_recall``.
Scoring functions are pure (no I/O).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.corpus import load_article
from analysis.errors import AnalysisError
from analysis.evaluation.events_eval import event_recall, event_report
from analysis.evaluation.matching import match_overlaps, prf
from analysis.gold import article_paths_by_name, read_gold_folder
from analysis.timex import find_timexes


@dataclass
class Counts:
    """Counts for one file or a whole corpus."""

    gold: int = 0
    pred: int = 0
    strict: int = 0  # exact span matches
    relaxed: int = 0  # overlap matches (one-to-one)
    type_ok: int = 0  # among relaxed matches
    value_ok: int = 0
    mod_ok: int = 0
    misses: list[dict] = field(default_factory=list)
    false_alarms: list[dict] = field(default_factory=list)
    wrong: list[tuple[dict, dict]] = field(default_factory=list)  # matched, but type/value/mod differ

    def add(self, other: "Counts") -> None:
        """Add ``other``'s counts to these (the lists of mismatches stay per file)."""
        for name in ("gold", "pred", "strict", "relaxed", "type_ok", "value_ok", "mod_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def match_strict(gold: Sequence[dict], pred: Sequence[dict]) -> list[tuple[int, int]]:
    """Pairs (gold index, pred index) with identical spans."""
    where = {(p["start"], p["end"]): j for j, p in enumerate(pred)}
    return [(i, where[(g["start"], g["end"])]) for i, g in enumerate(gold) if (g["start"], g["end"]) in where]


def match_relaxed(gold: Sequence[dict], pred: Sequence[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs of overlapping spans, the largest overlaps first (ties: earliest), sorted."""
    return sorted(match_overlaps([(g["start"], g["end"]) for g in gold], [(p["start"], p["end"]) for p in pred]))


def score(gold: Sequence[dict], pred: Sequence[dict]) -> Counts:
    """Compare one article's gold and predicted timexes (dicts with start, end, type, value, mod)."""
    counts = Counts(gold=len(gold), pred=len(pred))
    counts.strict = len(match_strict(gold, pred))
    pairs = match_relaxed(gold, pred)
    counts.relaxed = len(pairs)
    for i, j in pairs:
        g, p = gold[i], pred[j]
        same_type = g.get("type") == p.get("type")
        same_value = g.get("value") == p.get("value")
        same_mod = g.get("mod") == p.get("mod")
        counts.type_ok += same_type
        counts.value_ok += same_value
        counts.mod_ok += same_mod
        if not (same_type and same_value and same_mod):
            counts.wrong.append((g, p))
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    counts.misses = [g for i, g in enumerate(gold) if i not in matched_g]
    counts.false_alarms = [p for j, p in enumerate(pred) if j not in matched_p]
    return counts


def summary(c: Counts) -> dict[str, float]:
    """The headline numbers of a ``Counts``."""
    sp, sr, sf = prf(c.strict, c.pred, c.gold)
    rp, rr, rf = prf(c.relaxed, c.pred, c.gold)
    vp, vr, vf = prf(c.value_ok, c.pred, c.gold)
    acc = (lambda n: n / c.relaxed if c.relaxed else 0.0)
    return {
        "strict_p": sp, "strict_r": sr, "strict_f1": sf,
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
        "type_acc": acc(c.type_ok), "value_acc": acc(c.value_ok), "mod_acc": acc(c.mod_ok),
        "value_p": vp, "value_r": vr, "value_f1": vf,
    }  # fmt: skip


# --- I/O ----------------------------------------------------------------------------------------


def load_gold(gold_dir: str | Path) -> list[dict[str, Any]]:
    """Every gold document (``NNN.json``) of a folder, sorted by file name."""
    docs = []
    for path, doc in read_gold_folder(gold_dir):
        if not isinstance(doc.get("timexes", []), list):
            raise AnalysisError(f"{path}: not a gold timex file ('timexes' must be a list)")
        doc.setdefault("timexes", [])
        doc.setdefault("events", [])
        doc["_gold_path"] = str(path)
        docs.append(doc)
    return docs


def load_articles(paths: Iterable[str | Path]) -> dict[str, Any]:
    """Article records by file basename (every ``*.txt`` under the given files/folders)."""
    return {name: load_article(path) for name, path in article_paths_by_name(paths).items()}


def _fmt(t: dict) -> str:
    mod = f" {t['mod']}" if t.get("mod") else ""
    return f"[{t['start']}:{t['end']}] {t['text']!r} {t.get('type')} {t.get('value')}{mod}"


def evaluate(docs: Sequence[dict], articles: dict[str, Any]) -> tuple[Counts, list[tuple[str, Counts]], list[str]]:
    """Run ``find_timexes`` on each gold document's article; (total, per-file counts, missing files)."""
    total = Counts()
    per_file = []
    missing = []
    for doc in docs:
        name = Path(doc["file"]).name
        article = articles.get(name)
        if article is None:
            missing.append(name)
            continue
        dct = doc.get("dct") or article.date
        bad = [g for g in doc["timexes"] if article.content[g["start"] : g["end"]] != g.get("text")]
        if bad:
            raise AnalysisError(
                f"{doc['_gold_path']}: gold span {bad[0]['start']}:{bad[0]['end']} {bad[0].get('text')!r} "
                f"does not match the text of {article.path}"
            )
        pred = [t.to_dict() for t in find_timexes(article.analysis_text, dct)]
        counts = score(doc["timexes"], pred)
        total.add(counts)
        per_file.append((name, counts))
    return total, per_file, missing


def report(total: Counts, per_file: list[tuple[str, Counts]], missing: list[str], details: bool, events: dict | None) -> list[str]:
    """The printed report; its last line is ``value-F1 0.xxx``."""
    lines = [f"{'file':50} {'gold':>4} {'pred':>4} {'strict':>6} {'relax':>5} {'value':>5}"]
    for name, c in per_file:
        lines.append(f"{name[:50]:50} {c.gold:4d} {c.pred:4d} {c.strict:6d} {c.relaxed:5d} {c.value_ok:5d}")
        if details:
            lines += [f"    miss         {_fmt(g)}" for g in c.misses]
            lines += [f"    false alarm  {_fmt(p)}" for p in c.false_alarms]
            lines += [f"    wrong        gold {_fmt(g)}\n                 got  {_fmt(p)}" for g, p in c.wrong]
    for name in missing:
        lines.append(f"{name[:50]:50} article not found in the corpus: skipped")
    s = summary(total)
    lines += [
        "",
        f"files {len(per_file)}  gold {total.gold}  predicted {total.pred}",
        f"strict  span P {s['strict_p']:.3f} R {s['strict_r']:.3f} F1 {s['strict_f1']:.3f}",
        f"relaxed span P {s['relaxed_p']:.3f} R {s['relaxed_r']:.3f} F1 {s['relaxed_f1']:.3f}",
        f"on {total.relaxed} matched spans: type accuracy {s['type_acc']:.3f}  value accuracy {s['value_acc']:.3f}  mod accuracy {s['mod_acc']:.3f}",
    ]
    if events is None:
        lines.append("event recall: n/a (analysis.events not available)")
    else:
        lines += event_report(events, details)
    lines.append(f"value-F1 {s['value_f1']:.3f}")
    return lines


def run(args: argparse.Namespace) -> int:
    """``analysis evaluate timex GOLD_DIR CORPUS...``."""
    docs = load_gold(args.gold_dir)
    articles = load_articles(args.corpus)
    total, per_file, missing = evaluate(docs, articles)
    if not per_file:
        raise AnalysisError(f"none of the {len(docs)} gold files matches an article under {', '.join(map(str, args.corpus))}")
    matched = [d for d in docs if Path(d["file"]).name in articles]
    events = event_recall(matched, [articles[Path(d["file"]).name] for d in matched])
    for line in report(total, per_file, missing, bool(getattr(args, "details", False)), events):
        print(line)
    return 0
