"""Lexicons learned from the training data: word -> dominant entity tag, entity-initial counts, phrases.

A model folder stores them as ``key<TAB>value`` tables (``analysis.resources.write_table``).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from analysis.entities.normalize import core, norm
from analysis.entities.spans import bio_spans


def build_lexicon(sentences: list[tuple[list[str], list[str]]], min_count: int = 1) -> dict[str, str]:
    """core form -> ``TYPE`` (entity in >= 60% of its uses) or ``TYPE?`` (>= 25%)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for words, tags in sentences:
        for w, t in zip(words, tags):
            counts[core(norm(w))][t[2:] if t != "O" else "O"] += 1
    lex: dict[str, str] = {}
    for c, cnt in counts.items():
        total = sum(cnt.values())
        if total < min_count:
            continue
        typ, k = max(((t, v) for t, v in cnt.items() if t != "O"), key=lambda x: (x[1], x[0]), default=("", 0))
        if not typ:
            continue
        frac = k / total
        if frac >= 0.6:
            lex[c] = typ
        elif frac >= 0.25:
            lex[c] = typ + "?"
    return lex


def entity_initial_counts(sentences: list[tuple[list[str], list[str]]], extra: list[str] = ()) -> dict[str, int]:
    """Normalised first words of entities with their frequency (used to strip proclitics)."""
    known: Counter = Counter()
    for words, tags in sentences:
        for w, t in zip(words, tags):
            if t.startswith("B-"):
                known[norm(w)] += 1
    for w in extra:
        known[norm(w)] += 1
    return dict(known)


def common_words(sentences: list[tuple[list[str], list[str]]], min_count: int = 3, max_entity: float = 0.1) -> set[str]:
    """Core forms seen at least ``min_count`` times and inside an entity less than ``max_entity`` of them."""
    total: Counter = Counter()
    ent: Counter = Counter()
    for words, tags in sentences:
        for w, t in zip(words, tags):
            c = core(norm(w))
            total[c] += 1
            if t != "O":
                ent[c] += 1
    return {c for c, k in total.items() if k >= min_count and ent[c] < max_entity * k}


def build_phrases(sentences: list[tuple[list[str], list[str]]], max_len: int = 6) -> dict[tuple[str, ...], str]:
    """Entity phrases of the training data as core-form tuples -> majority type."""
    votes: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for words, tags in sentences:
        for s, e, typ in bio_spans(tags):
            if e - s <= max_len:
                votes[tuple(core(norm(w)) for w in words[s:e])][typ] += 1
    return {k: max(sorted(c.items()), key=lambda kv: kv[1])[0] for k, c in votes.items() if all(k)}
