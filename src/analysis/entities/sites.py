"""Facilities and named sites: airports, crossings, fields, camps keep their head noun, bases drop it.

The heads and their policy are data (``data/ner/sites.tsv``). After a head written without the
article (``مطار``, ``معبر``, ``بحقل``), the name is the entity the tagger found right after it, or
the words between quotes, or one name-like word; descriptor adjectives (``الدولي``, ``الغازي``)
follow a kept head's name. The whole becomes one span of the listed type (docs/ANNOTATION.md,
"Named entities"). Applied to articles only: ANERcorp marks the city in ``مطار دمشق``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from analysis.entities.gazetteer import TYPES, data_rows
from analysis.entities.normalize import core, norm
from analysis.entities.spans import bio_spans

SITES_FILE = "sites.tsv"
_QUOTES = frozenset('"«»“”\'')
_PROCLITICS = "وفبلك"
MAX_QUOTED = 4


@dataclass(frozen=True)
class SiteHeads:
    """Head noun (normalised, no article) -> (type, keep head); descriptor adjectives (core forms)."""

    heads: dict[str, tuple[str, bool]]
    descriptors: frozenset[str]

    @classmethod
    def load(cls) -> "SiteHeads":
        heads: dict[str, tuple[str, bool]] = {}
        desc: set[str] = set()
        for row in data_rows(SITES_FILE):
            if len(row) >= 3 and row[1] in TYPES:
                heads[norm(row[0])] = (row[1], row[2] == "keep")
            elif len(row) >= 2 and row[1] == "DESC":
                c = core(norm(row[0]))
                desc.update({c, c + "ه"})  # masculine and feminine
        return cls(heads, frozenset(desc))

    def head(self, word: str) -> tuple[int, str, bool] | None:
        """(proclitic letters, type, keep) when ``word`` is a head, possibly after و/ف and ب/ل/ك."""
        n = norm(word)
        for k in range(0, 3):
            hit = self.heads.get(n[k:])
            if hit is not None:
                return k, hit[0], hit[1]
            if k < len(n) and n[k] not in _PROCLITICS:
                break
        return None


@lru_cache(maxsize=1)
def default_site_heads() -> SiteHeads:
    """The shipped site heads (loaded once)."""
    return SiteHeads.load()


class SiteRules:
    """Marks head + name (+ descriptors) as one site in one sentence of tags."""

    def __init__(self, heads: SiteHeads, common: Collection[str], nationalities: Collection[str] = ()):
        self.heads = heads
        self.common = common
        self.nationalities = nationalities

    def _name_like(self, c: str) -> bool:
        return len(c) >= 2 and c.isalpha() and c not in self.common and c not in self.nationalities and c not in self.heads.descriptors

    def _named_by_descriptor(self, cores: list[str], tags: list[str], j: int) -> bool:
        """One word between a head and its descriptor is a name even when it is a common word
        (``قاعدة بلد الجوية``, ``مطار المثنى العسكري``): the descriptor shows the head is not generic."""
        if j + 1 >= len(cores) or tags[j + 1] != "O" or cores[j + 1] not in self.heads.descriptors:
            return False
        c = cores[j]
        return (len(c) >= 2 and c.isalpha() and c not in self.nationalities and c not in self.heads.descriptors
                and c not in self.heads.heads)

    def apply(self, words: list[str], cores: list[str], tags: list[str],
              hits: list[tuple[int, str, bool] | None] | None = None) -> tuple[list[str], list[int]]:
        """New tags, and the token indexes of kept heads (their proclitics stay outside: ``بحقل``).

        ``hits``: ``SiteHeads.head`` of each word when the caller has them (cached per word).
        """
        heads_at: list[int] = []
        n = len(words)
        if hits is None:
            hits = [self.heads.head(w) for w in words]
        if not any(hits[:-1]):
            return list(tags), heads_at
        tags = list(tags)
        starts = {s: (e, typ) for s, e, typ in bio_spans(tags)}
        i = 0
        while i < n - 1:
            hit = hits[i]
            if hit is None or (tags[i] != "O" and not tags[i].startswith("B-")):
                i += 1
                continue
            _, typ, keep = hit
            j = i + 1
            if tags[i] != "O":  # the tagger already starts an entity at the head
                name_end = starts[i][0]
                if name_end <= j:
                    i += 1
                    continue
            elif j in starts:
                name_end = starts[j][0]
            elif words[j] in _QUOTES:
                close = next((k for k in range(j + 1, min(n, j + 2 + MAX_QUOTED)) if words[k] in _QUOTES), None)
                if close is None or close == j + 1:
                    i += 1
                    continue
                j, name_end = j + 1, close
            elif tags[j] == "O" and (self._name_like(cores[j]) or self._named_by_descriptor(cores, tags, j)):
                name_end = j + 1
            else:
                i += 1
                continue
            end = name_end
            if keep:
                while end < n and tags[end] == "O" and cores[end] in self.heads.descriptors:
                    end += 1
            first = i if keep else j
            # a span that ran past the name keeps its tail as its own entity
            if end < n and tags[end].startswith("I-"):
                tags[end] = "B-" + tags[end][2:]
            for k in range(first, end):
                tags[k] = ("B-" if k == first else "I-") + typ
            if not keep:
                tags[i] = "O"
            if keep:
                heads_at.append(i)
            i = end
        return tags, heads_at
