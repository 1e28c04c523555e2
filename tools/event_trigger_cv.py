"""Leave-one-writer-out test of a learned event trigger+type tagger (CRF) against the rules.

Would a CRF trained on all annotated sets but one find the held-out writer's events better than
the hand-written rules (``analysis.events``)? For each held-out set S, a python-crfsuite CRF is
trained on the other sets (BIO tags with the event type on gold trigger tokens; docs/ANNOTATION.md,
section "Events") and four systems are scored on S:

(a) rules alone, (b) CRF alone, (c) rules ∪ CRF (CRF events no rule event covers in that sentence
with that type), (d) rules filtered by the CRF (rule events whose trigger the CRF gives a trigger
probability below t are dropped; t is chosen by an inner leave-one-set-out run on the training sets).

Scoring is trigger+type (the sentence+type part of ``events_eval.matching_event``, without the date,
since the CRF gives none): a gold event is found when a system event of its type has a report in the
sentence of the gold trigger; a system event is correct when a gold event of its type has its trigger
in one of the event's report sentences. The rules' full score (with dates, what ``analysis evaluate
timex S S`` prints) is shown beside it.

Usage: python tools/event_trigger_cv.py SET... where SET is GOLD_DIR or GOLD_DIR=CORPUS[,CORPUS...]
(a writer folder holds its texts and gold side by side; the dev gold names its corpora).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycrfsuite

from analysis.errors import AnalysisError
from analysis.evaluation.events_eval import event_recall
from analysis.evaluation.timex_eval import load_articles, load_gold
from analysis.events import learned, lexicon
from analysis.events.learned import bio_spans, bio_tags
from analysis.events.extract import extract_events, sentence_tokens
from analysis.events.learned_train import EventSet
from analysis.text import Token
from analysis.timex import find_timexes

ITERATIONS = 80
THRESHOLDS = (0.0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5)


@dataclass
class Sent:
    """One sentence of an article: its tokens (offsets into the article), features and gold tags."""

    start: int
    end: int
    toks: list[Token]
    feats: list[list[str]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


@dataclass
class Doc:
    """One annotated article: its sentences, gold events and the rules' events."""

    name: str
    sents: list[Sent]
    golds: list[dict[str, Any]]
    rule_events: list[Any]
    article: Any


@dataclass(frozen=True)
class Unit:
    """A system event for trigger+type scoring: its type, report sentences and trigger span."""

    type: str
    sentence_starts: tuple[int, ...]
    trigger: tuple[int, int]


def token_features(toks: Sequence[Token], lex: dict[int, str], rule: dict[int, str], has_timex: bool) -> list[list[str]]:
    """The runtime features of ``events.learned`` plus, when stacking, the rules' verdict on each token."""
    feats = learned.token_features(toks, lex, has_timex)
    return [f + [f"rule={rule.get(i, '-')}"] for i, f in enumerate(feats)] if rule else feats


def load_doc(gold: dict[str, Any], article: Any, stack: bool = True) -> Doc:
    """Sentences with features and gold tags, and the rules' events, of one annotated article
    (``stack``: the rules' output is a feature)."""
    text = article.analysis_text
    rule_events = extract_events(article)
    rule_spans = [(m.trigger_start, m.trigger_end, e.type) for e in rule_events for m in e.mentions]
    timexes = find_timexes(text, article.date)
    golds = gold.get("events", [])
    trig = [(g["trigger"]["start"], g["trigger"]["end"], g["type"]) for g in golds]
    sents = []
    for s, toks in sentence_tokens(text):
        if not toks:
            continue
        lex = learned.lexicon_types(lexicon.find_triggers(toks))
        rule = {i: typ for i, t in enumerate(toks) for a, b, typ in rule_spans if t.start < b and a < t.end}
        has_tx = any(s.start <= x.start < s.end for x in timexes)
        sent = Sent(s.start, s.end, toks, token_features(toks, lex, rule if stack else {}, has_tx), bio_tags(toks, trig))
        sents.append(sent)
    return Doc(Path(gold["file"]).name, sents, golds, rule_events, article)


def load_set(spec: str, stack: bool = True) -> tuple[str, list[Doc]]:
    """A set named by ``GOLD_DIR`` or ``GOLD_DIR=CORPUS[,CORPUS...]``: its name and documents."""
    event_set = EventSet.parse(spec)
    docs = load_gold(event_set.gold)
    articles = load_articles(event_set.corpus)
    found = [(d, articles[Path(d["file"]).name]) for d in docs if Path(d["file"]).name in articles]
    if not found:
        raise AnalysisError(f"{spec}: no gold file matches an article")
    return event_set.gold.name, [load_doc(d, a, stack) for d, a in found]


def train(docs: Sequence[Doc], path: str) -> pycrfsuite.Tagger:
    """A CRF trained on every sentence of ``docs``, saved at ``path`` and opened."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for doc in docs:
        for s in doc.sents:
            trainer.append(s.feats, s.tags)
    trainer.set_params({"c1": 0.1, "c2": 0.05, "max_iterations": ITERATIONS, "feature.possible_transitions": True})
    trainer.train(path)
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def crf_predict(tagger: pycrfsuite.Tagger, doc: Doc) -> tuple[list[Unit], list[tuple[int, int, float]]]:
    """CRF events of ``doc`` (one per sentence and type) and each token's trigger probability (start, end, p)."""
    units: dict[tuple[int, str], Unit] = {}
    probs: list[tuple[int, int, float]] = []
    for s in doc.sents:
        tags = tagger.tag(s.feats)
        probs += [(t.start, t.end, 1.0 - tagger.marginal("O", i)) for i, t in enumerate(s.toks)]
        for first, last, typ in bio_spans(tags):
            units.setdefault((s.start, typ), Unit(typ, (s.start,), (s.toks[first].start, s.toks[last].end)))
    return list(units.values()), probs


def rule_units(doc: Doc) -> list[Unit]:
    """The rules' events of ``doc`` as scoring units (every report sentence counts)."""
    return [Unit(e.type, tuple(m.sentence_start for m in e.mentions), (e.trigger_start, e.trigger_end)) for e in doc.rule_events]


def sentence_start_of(doc: Doc, offset: int) -> int:
    """The start of the sentence of ``doc`` that holds ``offset``."""
    return next((s.start for s in doc.sents if s.start <= offset < s.end), -1)


def score(docs: Sequence[Doc], units: Sequence[list[Unit]]) -> tuple[int, int, int, int]:
    """(found, gold, correct, predicted) under trigger+type scoring."""
    found = total = correct = predicted = 0
    for doc, us in zip(docs, units):
        gold_keys = {(sentence_start_of(doc, g["trigger"]["start"]), g["type"]) for g in doc.golds}
        have = {(s, u.type) for u in us for s in u.sentence_starts}
        total += len(doc.golds)
        found += sum((sentence_start_of(doc, g["trigger"]["start"]), g["type"]) in have for g in doc.golds)
        predicted += len(us)
        correct += sum(any((s, u.type) in gold_keys for s in u.sentence_starts) for u in us)
    return found, total, correct, predicted


def prf(counts: tuple[int, int, int, int]) -> tuple[float, float, float]:
    """Recall, precision and F1 from (found, gold, correct, predicted)."""
    found, total, correct, predicted = counts
    r = found / total if total else 0.0
    p = correct / predicted if predicted else 0.0
    return r, p, (2 * p * r / (p + r) if p + r else 0.0)


def union(rules: list[Unit], crf: list[Unit]) -> list[Unit]:
    """The rule events plus the CRF events no rule event covers in their sentence with their type."""
    covered = {(s, u.type) for u in rules for s in u.sentence_starts}
    return rules + [u for u in crf if (u.sentence_starts[0], u.type) not in covered]


def filtered(rules: list[Unit], probs: list[tuple[int, int, float]], t: float) -> list[Unit]:
    """The rule events whose trigger tokens the CRF gives a trigger probability of at least ``t``."""
    def p(u: Unit) -> float:
        return max((q for a, b, q in probs if a < u.trigger[1] and u.trigger[0] < b), default=0.0)
    return [u for u in rules if p(u) >= t]


def systems(tagger: pycrfsuite.Tagger, docs: Sequence[Doc], t: float) -> dict[str, list[list[Unit]]]:
    """The units of (a)–(d) on ``docs`` per document."""
    out: dict[str, list[list[Unit]]] = {"a": [], "b": [], "c": [], "d": []}
    for doc in docs:
        crf, probs = crf_predict(tagger, doc)
        rules = rule_units(doc)
        out["a"].append(rules)
        out["b"].append(crf)
        out["c"].append(union(rules, crf))
        out["d"].append(filtered(rules, probs, t))
    return out


def choose_threshold(train_sets: dict[str, list[Doc]], tmp: str) -> float:
    """The filter threshold with the best pooled F1 over an inner leave-one-set-out run on the training sets."""
    pooled = {t: [0, 0, 0, 0] for t in THRESHOLDS}
    for name, docs in train_sets.items():
        tagger = train([d for n, ds in train_sets.items() if n != name for d in ds], f"{tmp}/inner.crfsuite")
        preds = [(rule_units(d), crf_predict(tagger, d)[1]) for d in docs]
        for t in THRESHOLDS:
            c = score(docs, [filtered(r, p, t) for r, p in preds])
            pooled[t] = [x + y for x, y in zip(pooled[t], c)]
    return max(THRESHOLDS, key=lambda t: (prf(tuple(pooled[t]))[2], -t))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", help="GOLD_DIR or GOLD_DIR=CORPUS[,CORPUS...]")
    parser.add_argument("--inner", action="store_true", help="choose t by an inner leave-one-set-out run (slower)")
    parser.add_argument("--no-stack", action="store_true", help="leave out the rules' own output as a CRF feature")
    args = parser.parse_args(argv)
    try:
        loaded = dict(load_set(spec, not args.no_stack) for spec in args.sets)
    except AnalysisError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print("set | (a) rules R/P/F | (b) CRF R/P/F | (c) rules∪CRF R/P/F | (d) rules∩CRF R/P/F (t) | rules full F1")
    macro: dict[str, list[float]] = {k: [0.0, 0.0, 0.0] for k in "abcd"}
    full_macro = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, docs in loaded.items():
            rest = {n: ds for n, ds in loaded.items() if n != name}
            t = choose_threshold(rest, tmp) if args.inner else 0.1
            tagger = train([d for ds in rest.values() for d in ds], f"{tmp}/outer.crfsuite")
            units = systems(tagger, docs, t)
            full = event_recall([{"file": d.name, "events": d.golds, "dct": d.article.date} for d in docs],
                                [d.article for d in docs], extract=lambda a: next(d.rule_events for d in docs if d.article is a))
            full_macro += full["f1"] / len(loaded)
            cells = []
            for k in "abcd":
                r, p, f = prf(score(docs, units[k]))
                macro[k] = [m + x / len(loaded) for m, x in zip(macro[k], (r, p, f))]
                cells.append(f"{r:.3f}/{p:.3f}/{f:.3f}" + (f" (t={t})" if k == "d" else ""))
            print(f"{name} | " + " | ".join(cells) + f" | {full['f1']:.3f}", flush=True)
    print("macro | " + " | ".join(f"{r:.3f}/{p:.3f}/{f:.3f}" for r, p, f in macro.values()) + f" | {full_macro:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
