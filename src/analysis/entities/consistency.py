"""Document-level consistency: a name tagged once in a document is tagged at its other mentions.

After a document's sentences are tagged, every predicted entity (as a sequence of core forms,
and for a multi-word person also the surname alone) is looked up at the untagged positions of
the same document and tagged there with its majority type. Common words (``common.tsv``: words
that are almost never entities in the training data) are never propagated on their own.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from analysis.entities.spans import bio_spans, longest_matches, mark_spans

MAX_KEY = 4


def propagate(cores: list[list[str]], tags: list[list[str]], common: frozenset[str] | set[str]) -> list[list[str]]:
    """New tag lists for the sentences of one document (input lists are not modified)."""
    votes: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for cs, ts in zip(cores, tags):
        for s, e, typ in bio_spans(ts):
            if e - s <= MAX_KEY:
                votes[tuple(cs[s:e])][typ] += 1
            if typ == "PERS" and e - s >= 2:
                votes[(cs[e - 1],)][typ] += 1
    keys: dict[tuple[str, ...], str] = {}
    for key, cnt in votes.items():
        if all(k in common or len(k) < 3 for k in key):
            continue
        typ, k = max(cnt.items(), key=lambda kv: (kv[1], kv[0]))
        if 3 * k >= 2 * sum(cnt.values()):
            keys[key] = typ
    if not keys:
        return [list(t) for t in tags]
    firsts = {k[0] for k in keys}
    return [
        mark_spans(list(ts), longest_matches(cs, keys, MAX_KEY, firsts, free=[t == "O" for t in ts]))
        for cs, ts in zip(cores, tags)
    ]
