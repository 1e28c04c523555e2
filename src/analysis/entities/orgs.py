"""Organisations named by a head and a nationality, as docs/ANNOTATION.md marks them in articles.

ANNOTATION.md ("Named entities", ORG): a nationality adjective is part of an organisation's name
when it names it: ``الجيش العراقي``, ``القوات الأمريكية``, ``الحكومة السورية`` are ORG. ANERcorp,
the tagger's main training data, leaves these phrases untagged (263 of 280 in its train split), so
articles get this convention as a rule:
- a head of ``data/ner/patterns.tsv`` followed by nationality adjectives (``nationalities.tsv``)
  is one ORG, unless a longer entity runs over it;
- an ORG span goes on over the nationality adjectives right after it
  (``الجيش العربي`` + ``السوري``, ``اللجنة العسكرية العليا`` + ``العراقية الأمريكية``);
- (an organisation head in the construct state before an ORG span, ``وزارة`` + ``الدفاع
  الأمريكية``, is joined to it by ``institutions``);
- a nationality adjective with the article is not a place or a person on its own (``السورية``).
"""

from __future__ import annotations

from collections.abc import Collection

from analysis.entities.clitics import has_article
from analysis.entities.gazetteer import data_rows, phrase_key
from analysis.entities.spans import bio_spans, longest_matches

PATTERNS_FILE = "patterns.tsv"


class OrgRules:
    """Applies the rules above to one sentence of tags (``cores``: core forms, ``norms``: normalised)."""

    def __init__(self, nationalities: Collection[str]):
        self.nationalities = frozenset(nationalities)
        heads = [phrase_key(row[0]) for row in data_rows(PATTERNS_FILE) if len(row) >= 2 and row[1] == "ORG"]
        self.heads = {h: "ORG" for h in heads if h}
        self.max_len = max((len(h) for h in self.heads), default=1)
        self.firsts = frozenset(h[0] for h in self.heads)

    def apply(self, cores: list[str], norms: list[str], tags: list[str]) -> list[str]:
        """New tags for one sentence."""
        n = len(tags)
        nat = self.nationalities
        if nat.isdisjoint(cores):
            return list(tags)
        tags = list(tags)
        spans = bio_spans(tags)
        owner = [-1] * n
        for k, (s, e, _) in enumerate(spans):
            for i in range(s, e):
                owner[i] = k
        for a, b, _ in longest_matches(cores, self.heads, self.max_len, self.firsts):
            end = b
            while end < n and cores[end] in nat:
                end += 1
            if end == b:
                continue
            inside = {owner[i] for i in range(a, end) if owner[i] >= 0}
            if any(spans[k][0] < a or spans[k][1] > end for k in inside):
                continue  # a longer entity runs over the phrase
            if end < n and tags[end].startswith("I-"):
                tags[end] = "B-" + tags[end][2:]
            for i in range(a, end):
                tags[i] = ("B-" if i == a else "I-") + "ORG"
        for s, e, typ in bio_spans(tags):
            if typ != "ORG":
                continue
            end = e
            while end < n and cores[end] in nat and (tags[end] == "O" or tags[end] == "B-LOC" and
                                                      (end + 1 == n or not tags[end + 1].startswith("I-"))):
                end += 1
            for i in range(e, end):
                tags[i] = "I-ORG"
        return self.drop_adjectives(cores, norms, tags)

    def drop_adjectives(self, cores: list[str], norms: list[str], tags: list[str]) -> list[str]:
        """Untag a nationality adjective with the article standing alone as LOC or PERS (in place)."""
        for s, e, typ in bio_spans(tags):
            if e - s == 1 and typ in ("LOC", "PERS") and cores[s] in self.nationalities and has_article(norms[s]):
                tags[s] = "O"
        return tags
