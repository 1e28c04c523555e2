"""The rules after the tagger, for one document: whole names, sites, consistency, aliases.

Order: person names are mended per sentence (``names``); in articles only, organisations named by
a head and a nationality become ORG (``orgs``), persons next to titles and ranks are mended
(``titled``), institutions named by a head noun and its
complement too (``institutions``), and sites get their head noun (``sites``): these follow docs/ANNOTATION.md where ANERcorp differs (it leaves ``الجيش العراقي`` untagged and
marks the city in ``مطار دمشق``). Then a name tagged once is tagged at its
other mentions (``consistency``), names are mended again, then aliases are tagged and linked to
their long forms (``aliases``). The result keeps, for every linked span, its canonical long form.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from analysis.entities.aliases import AliasLinker, AliasTable, Document, default_alias_table, word_key
from analysis.entities.consistency import propagate
from analysis.entities.features import load_triggers
from analysis.entities.gazetteer import default_gazetteer
from analysis.entities.institutions import InstitutionRules
from analysis.entities.names import NameRules, NameWords
from analysis.entities.normalize import norm
from analysis.entities.orgs import OrgRules
from analysis.entities.sites import SiteHeads, SiteRules, default_site_heads
from analysis.entities.titled import TitledPersons


@dataclass
class TaggedDocument:
    """Tags per sentence, canonical long forms of linked spans, and site heads with proclitics."""

    tags: list[list[str]]
    links: dict[tuple[int, int, int], str] = field(default_factory=dict)
    site_heads: set[tuple[int, int]] = field(default_factory=set)
    org_heads: dict[tuple[int, int], int] = field(default_factory=dict)  # (sentence, token): proclitic letters


class EntityRules:
    """Everything applied to a document's tags after the CRF (see module doc)."""

    def __init__(self, common: Collection[str], table: AliasTable | None = None, heads: SiteHeads | None = None):
        gaz = default_gazetteer()
        triggers = load_triggers()
        self.common = frozenset(common)
        name_words = NameWords.load(gaz.nationalities, triggers)
        self.names = NameRules(name_words, self.common)
        self.titled = TitledPersons(name_words, self.common)
        self.orgs = OrgRules(gaz.nationalities)
        self.institutions = InstitutionRules(gaz.nationalities, self.common)
        self.sites = SiteRules(heads or default_site_heads(), self.common, gaz.nationalities)
        self.aliases = AliasLinker(table or default_alias_table(), self.common, gaz.nationalities)
        self._words: dict[str, tuple[str, str, tuple[int, str, bool] | None]] = {}

    def _info(self, word: str) -> tuple[str, str, tuple[int, str, bool] | None]:
        """(normalised form, alias key, site head) of a word, cached."""
        hit = self._words.get(word)
        if hit is None:
            hit = (norm(word), word_key(word), self.sites.heads.head(word))
            if len(self._words) < 200_000:
                self._words[word] = hit
        return hit

    def apply(self, words: list[list[str]], cores: list[list[str]], tags: list[list[str]], articles: bool = True,
              consistency: bool = True, mend: bool = True) -> TaggedDocument:
        """Mended tags and links for the sentences of one document (``cores``: the words' core forms).

        ``mend=False`` applies the consistency pass only (the tagger as it was before these rules;
        ``benchmarks/ner.py`` measures the rules' cost against it).
        """
        if not mend:
            return TaggedDocument(propagate(cores, tags, self.common) if consistency else tags)
        info = self._info
        infos = [[info(w) for w in ws] for ws in words]
        norms = [[x[0] for x in xs] for xs in infos]
        tags = [self.names.apply(c, n, t) for c, n, t in zip(cores, norms, tags)]
        heads: set[tuple[int, int]] = set()
        org_heads: dict[tuple[int, int], int] = {}
        if articles:
            for si, (ws, cs, xs) in enumerate(zip(words, cores, infos)):
                tags[si] = self.titled.apply(ws, cs, norms[si], tags[si])
                tags[si] = self.orgs.apply(cs, norms[si], tags[si])
                tags[si], starts = self.institutions.apply(cs, norms[si], tags[si])
                org_heads.update(((si, i), k) for i, k in starts.items())
                tags[si], at = self.sites.apply(ws, cs, tags[si], [x[2] for x in xs])
                heads.update((si, i) for i in at)
        if consistency:
            before = tags
            tags = propagate(cores, tags, self.common)
            tags = [t if t == b else self.names.apply(c, n, t) for c, n, t, b in zip(cores, norms, tags, before)]
            if articles:  # propagation may have tagged an adjective again (السورية after سورية)
                tags = [self.orgs.drop_adjectives(c, n, t) for c, n, t in zip(cores, norms, tags)]
        if articles:
            tags = [self.institutions.quoted_outlets(n, t) for n, t in zip(norms, tags)]
        doc = Document(words, [[x[1] for x in xs] for xs in infos], tags)
        self.aliases.link(doc)
        return TaggedDocument(doc.tags, doc.links, heads, org_heads)
