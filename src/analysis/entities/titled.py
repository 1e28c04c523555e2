"""Persons next to titles and ranks, and quoted names that are not persons (articles, after ``names``).

Three classes, each about the words around a person span the tagger found (docs/NER.md, round 11):
- a rank is followed by a full name: a one-word person right after a rank (``RNK`` of
  ``data/ner/names.tsv``) goes on over the next word when it is a listed personal name
  (``person_names.tsv``) with no article or conjunction and no verb shape (``العميد يحيى رسول``);
- a listed given name (``g``) right before a person span belongs to it when a title or a role
  chain (titles, words with the article, tagged places and organisations) stands before it
  (``اللواء تحسين الخفاجي``, ``محافظ نينوى نجم الجبوري``): the tagger knew the family name only;
- a person span that is exactly a quoted phrase (``"الرشيد"``, ``«غرين فيليدج»``) is the name of
  an outlet, site or operation, not a person: it is untagged.
"""

from __future__ import annotations

from collections.abc import Collection

from analysis.entities.clitics import has_article
from analysis.entities.features import load_person_names
from analysis.entities.institutions import QUOTES as INSTITUTION_QUOTES
from analysis.entities.names import NameWords
from analysis.entities.spans import bio_spans

#: Opening and closing quotation marks (tokens of their own).
QUOTES = {**INSTITUTION_QUOTES, "'": "'", "‘": "’"}  # a quoted nickname may take single quotes too
#: Tokens a role chain may span between a title and the name.
ROLE_REACH = 4


def _verb_like(c: str) -> bool:
    """Shaped like an imperfect verb (ي ت ن + 3 letters) or a past plural (…وا)."""
    return (len(c) >= 4 and c[0] in "يتن") or c.endswith("وا")


class TitledPersons:
    """Applies the three rules to one sentence of tags (``cores``, ``norms``: the words' forms)."""

    def __init__(self, words: NameWords, common: Collection[str]):
        self.w = words
        self.common = frozenset(common)
        self.names = load_person_names()

    def _plain(self, c: str, n: str) -> bool:
        """A bare word that may be a name part: letters, no article, no و/ف, no title or listed verb."""
        return len(c) >= 3 and c.isalpha() and c == n and not self.w.has(c, "TTL") and not self.w.has(c, "VRB")

    def apply(self, words: list[str], cores: list[str], norms: list[str], tags: list[str]) -> list[str]:
        """New tags for one sentence."""
        if "B-PERS" not in tags:
            return tags
        tags = list(tags)
        for s, e, typ in bio_spans(tags):
            if typ != "PERS":
                continue
            if s > 0 and e < len(tags) and QUOTES.get(words[s - 1]) == words[e]:
                tags[s:e] = ["O"] * (e - s)
                continue
            if e - s == 1 and s > 0 and self.w.has(cores[s - 1], "RNK") and e < len(tags) and tags[e] == "O" \
                    and self._plain(cores[e], norms[e]) and cores[e] in self.names \
                    and not (_verb_like(cores[e]) and cores[e] in self.common):
                tags[e] = "I-PERS"
                continue
            g = s - 1
            if g > 0 and tags[g] == "O" and self._plain(cores[g], norms[g]) and self.names.get(cores[g]) == "g" \
                    and self._role_before(g, cores, norms, tags):
                tags[g], tags[s] = "B-PERS", "I-PERS"
        return tags

    def _role_before(self, g: int, cores: list[str], norms: list[str], tags: list[str]) -> bool:
        """A title stands within ``ROLE_REACH`` tokens before ``g``, with only role words between."""
        k = g - 1
        while k >= 0 and g - k <= ROLE_REACH:
            c = cores[k]
            if self.w.has(c, "TTL"):
                return True
            if not (has_article(norms[k]) or tags[k][2:] in ("LOC", "ORG")):
                return False
            k -= 1
        return False
