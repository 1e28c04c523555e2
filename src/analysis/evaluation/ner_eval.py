"""``analysis evaluate ner GOLD PATH...``: entity-level scores against CoNLL or span-JSON gold.

CoNLL gold: the words of each sentence are tagged by the chosen backend and scored with
conlleval rules (seqeval, exact match per entity). Span JSON gold (docs/ANNOTATION.md, "Named
entities"): each article is
tagged with ``tag_entities`` and scored exact (same start, end, type) and relaxed (overlapping,
same type, matched one-to-one). The last line printed is ``micro-F1 0.xxx`` (relaxed for spans).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from analysis.corpus import load_article
from analysis.entities.camel import load_camel
from analysis.entities.conll import read_conll
from analysis.entities.crf import load_model
from analysis.entities.record import ENTITY_TYPES
from analysis.entities.spans import bio_spans
from analysis.entities.tagger import resolve_backend, tag_entities
from analysis.errors import AnalysisError
from analysis.evaluation.matching import PRF, match_overlaps
from analysis.gold import article_paths_by_name, read_gold_folder

Span = tuple[int, int, str]


def _by_type(gold: list[Span], pred: list[Span], tp_types: Counter) -> dict[str, PRF]:
    g, p = Counter(s[2] for s in gold), Counter(s[2] for s in pred)
    types = sorted(set(g) | set(p) | set(ENTITY_TYPES))
    out = {t: PRF(tp_types[t], p[t], g[t]) for t in types}
    out["micro"] = PRF(sum(tp_types.values()), len(pred), len(gold))
    return out


def score_exact(gold: list[Span], pred: list[Span]) -> dict[str, PRF]:
    """Exact match: same start, end and type."""
    gset = Counter(gold)
    tp: Counter = Counter()
    for s in pred:
        if gset[s] > 0:
            gset[s] -= 1
            tp[s[2]] += 1
    return _by_type(gold, pred, tp)


def relaxed_matches(gold: list[Span], pred: list[Span]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) that overlap and share a type, largest overlap first."""

    def same_type(i: int, j: int) -> bool:
        return gold[i][2] == pred[j][2]

    return match_overlaps([g[:2] for g in gold], [p[:2] for p in pred], compatible=same_type, ties="index")


def score_relaxed(gold: list[Span], pred: list[Span]) -> dict[str, PRF]:
    """Relaxed match: overlapping spans of the same type, each used once."""
    tp: Counter = Counter(gold[gi][2] for gi, _ in relaxed_matches(gold, pred))
    return _by_type(gold, pred, tp)


def merge(a: dict[str, PRF], b: dict[str, PRF]) -> dict[str, PRF]:
    """Sum counts of two score tables (micro-averaging over documents)."""
    out = {}
    for k in set(a) | set(b):
        x, y = a.get(k, PRF()), b.get(k, PRF())
        out[k] = PRF(x.tp + y.tp, x.pred + y.pred, x.gold + y.gold)
    return out


def score_conll(gold_tags: list[list[str]], pred_tags: list[list[str]]) -> dict[str, PRF]:
    """conlleval-style entity scores over sentences of IOB tags (same spans as seqeval's default)."""
    total: dict[str, PRF] = {}
    for k, (g, p) in enumerate(zip(gold_tags, pred_tags)):
        gs = [(s, e, t) for s, e, t in bio_spans(g)]
        ps = [(s, e, t) for s, e, t in bio_spans(p)]
        total = merge(total, score_exact(gs, ps))
    return total or _by_type([], [], Counter())


def format_table(scores: dict[str, PRF], title: str) -> str:
    """Per-type P/R/F1 table, micro last."""
    lines = [title, f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for t in [t for t in sorted(scores) if t != "micro"] + ["micro"]:
        s = scores[t]
        lines.append(f"{t:<6} {s.p:6.3f} {s.r:6.3f} {s.f1:6.3f} {s.gold:6d} {s.pred:6d}")
    return "\n".join(lines)


#: CoNLL files have no document boundaries: runs of this many sentences count as one document
#: for the CRF's document-level consistency (chosen on the tuning slice of the train split).
DOC_SENTENCES = 25


def _tagger(backend: str, model: str | None):
    """A function (list of sentences) -> IOB tags for the chosen backend, and the backend's name."""
    name = resolve_backend(backend)
    if name == "camel":
        return load_camel().tag_sentences, name
    return load_model(model).tag_document, name


def run_conll(path: Path, backend: str, model: str | None, details: bool = False) -> dict[str, PRF]:
    """Tag every sentence of a CoNLL file and score it (prints the table)."""
    sents = read_conll(path)
    tag, name = _tagger(backend, model)
    preds: list[list[str]] = []
    for a in range(0, len(sents), DOC_SENTENCES):
        preds.extend(tag([words for words, _ in sents[a : a + DOC_SENTENCES]]))
    scores = score_conll([t for _, t in sents], preds)
    if details:
        for (words, gold), pred in zip(sents, preds):
            if gold != pred:
                print(" ".join(f"{w}/{g}" + ("" if g == p else f"[{p}]") for w, g, p in zip(words, gold, pred)))
    print(format_table(scores, f"{path.name}: {len(sents)} sentences, backend {name}, exact entity match (conlleval)"))
    return scores


def run_spans(gold_dir: Path, paths: list[str], backend: str, model: str | None, details: bool = False):
    """Score span-JSON gold against the articles; returns (exact, relaxed) tables (prints them)."""
    index = article_paths_by_name(paths)
    exact: dict[str, PRF] = {}
    relaxed: dict[str, PRF] = {}
    used = 0
    name = ""
    for g, gold in read_gold_folder(gold_dir):
        art = index.get(Path(gold["file"]).name)
        if art is None:
            continue
        used += 1
        article = load_article(art)
        content = article.content
        ents = tag_entities(article.analysis_text, backend=backend, model=model)
        name = ents[0].backend if ents else name
        gs = [(e["start"], e["end"], e["type"]) for e in gold["entities"]]
        ps = [(e.start, e.end, e.type) for e in ents]
        exact = merge(exact, score_exact(gs, ps))
        relaxed = merge(relaxed, score_relaxed(gs, ps))
        if details:
            pairs = relaxed_matches(gs, ps)
            mg, mp = {a for a, _ in pairs}, {b for _, b in pairs}
            for k, s in enumerate(gs):
                if k not in mg:
                    print(f"{g.stem} MISS {s[2]:<4} {content[s[0]:s[1]]}")
            for k, s in enumerate(ps):
                if k not in mp:
                    print(f"{g.stem} FP   {s[2]:<4} {content[s[0]:s[1]]}")
            for a, b in pairs:
                if gs[a][:2] != ps[b][:2]:
                    print(f"{g.stem} SPAN {gs[a][2]:<4} gold {content[gs[a][0]:gs[a][1]]!r} pred {content[ps[b][0]:ps[b][1]]!r}")
    if not used:
        raise AnalysisError(f"{gold_dir}: no gold file describes an article among the given paths")
    print(format_table(exact or _by_type([], [], Counter()), f"{used} articles, backend {name or backend}: exact match"))
    print(format_table(relaxed or _by_type([], [], Counter()), "relaxed match (overlap, same type, one-to-one)"))
    return exact, relaxed


def run(args: argparse.Namespace) -> int:
    """Entry point of ``analysis evaluate ner``."""
    gold = Path(args.gold)
    if gold.is_file():
        scores = run_conll(gold, args.backend, args.model, args.details)
        print(f"micro-F1 {scores['micro'].f1:.3f}")
    elif gold.is_dir():
        if not args.paths:
            raise AnalysisError("span JSON gold needs the article files or folders (PATH...)")
        _, relaxed = run_spans(gold, args.paths, args.backend, args.model, args.details)
        print(f"micro-F1 {relaxed['micro'].f1:.3f}")
    else:
        raise AnalysisError(f"{gold}: no such file or folder")
    return 0
