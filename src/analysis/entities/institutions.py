"""Institutions named by a head noun and its complement, as docs/ANNOTATION.md marks them in articles.

ANNOTATION.md ("Named entities", ORG) marks ministries, councils, agencies, commands and companies
by their whole name: ``وزارة الدفاع``, ``مجلس النواب العراقي``, ``جهاز مكافحة الإرهاب``,
``قيادة عمليات الأنبار``. The tagger, trained mostly on ANERcorp, misses many of them when the
complement is a common noun. The rule reads ``data/ner/org_heads.tsv``:
- a head in the construct state (no article; an attached و/ف and ب/ل/ك stay outside the span),
  then up to two indefinite nouns, then a definite noun or a place the tagger found, then
  nationality, nisba (``ال…ي``/``ال…ية``) or listed adjectives, and one coordinated definite noun
  (``هيئة الإعلام والاتصالات``), is one ORG; ``any`` heads need nothing more, ``signal`` heads need
  a place reached through an indefinite noun, a listed complement (``CPL``: ``مجلس النواب``) or an
  adjective at the end;
- a ``misc`` head (agreements, battles) is read like a ``signal`` head, a place right after it
  counts, and the phrase is MISC (``اتفاقية الإطار الاستراتيجي``, ``معركة الموصل``);
- an ``any`` head right before an ORG span joins it (``لوزارة`` + ``الدفاع الأمريكية``);
- an ORG span the tagger found that starts with a head keeps the head's attached و/ف and ب/ل/ك
  outside (``وسلاح`` + ``البحرية العراقية`` → ``سلاح البحرية العراقية``);
- the quoted words right after an outlet head are the outlet's name, an ORG (``قناة "الحرة"``;
  ``quoted_outlets``, after the consistency pass);
- a ``defhead`` (head with the article) followed by a nationality, also across descriptor adjectives, is one
  ORG (``القوات المسلحة العراقية``, ``السفارة الأمريكية``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from analysis.entities.features import load_word_freq
from analysis.entities.gazetteer import data_rows
from analysis.entities.normalize import core, norm
from analysis.entities.spans import bio_spans

ORG_HEADS_FILE = "org_heads.tsv"
#: Proclitic strings that may stand before a construct head: و/ف, then ب/ل/ك.
_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
#: A place whose first word starts with these is in a prepositional phrase or a list, not a genitive.
_PREPOSED = ("بال", "كال", "لل", "وال", "فال", "و")
#: Opening quotation marks and their closing ones (tokens of their own).
QUOTES = {'"': '"', "«": "»", "“": "”"}
#: A quoted outlet name has at most this many tokens.
MAX_QUOTED = 4
#: At most this many indefinite nouns between a head and its definite complement.
MAX_INDEFINITE = 2
#: At most this many adjectives after the complement.
MAX_ADJECTIVES = 3
#: An indefinite noun inside the chain is a common word of the training data or of general Arabic
#: (core Zipf at least this): ``مكافحة``, ``عمليات``, ``أهل``; not an unseen name (``وكالة رويترز الخبر``).
MIN_NOUN_ZIPF = 4.5


@dataclass(frozen=True)
class OrgHeads:
    """The word classes of org_heads.tsv: heads by policy (normalised forms), adjectives and stops."""

    heads: dict[str, str]
    defheads: frozenset[str]
    adjectives: frozenset[str]
    stops: frozenset[str]
    complements: frozenset[str]
    outlets: frozenset[str]
    written: dict[str, tuple[int, str]]  # every head with its possible proclitics -> (letters, policy)
    written_outlets: frozenset[str]

    @classmethod
    def load(cls) -> "OrgHeads":
        heads: dict[str, str] = {}
        defheads, adjs, stops, cpl, outlets = set(), set(), set(), set(), set()
        for row in data_rows(ORG_HEADS_FILE):
            if len(row) < 2:
                continue
            word, klass = norm(row[0]), row[1]
            if klass in ("any", "signal", "misc"):
                heads[word] = klass
            elif klass == "defhead":
                defheads.add(core(word))
            elif klass == "ADJ":
                adjs.add(core(word))
            elif klass == "STOP":
                stops.add(word)
            elif klass == "CPL":
                cpl.add(core(word))
            elif klass == "outlet":
                outlets.add(word)
        return cls(heads, frozenset(defheads), frozenset(adjs), frozenset(stops), frozenset(cpl), frozenset(outlets),
                   _with_proclitics(heads), frozenset(_with_proclitics(dict.fromkeys(outlets, ""))))

    def outlet(self, n: str) -> bool:
        """The normalised word is an outlet head, possibly after و/ف and ب/ل/ك."""
        return n in self.written_outlets

    def head(self, n: str) -> tuple[int, str] | None:
        """(proclitic letters, policy) when the normalised word ``n`` is a construct head."""
        return self.written.get(n)


def _with_proclitics(heads: dict[str, str]) -> dict[str, tuple[int, str]]:
    """Each head written with each proclitic string -> (letters, policy); the bare word wins, and ل
    before a head that starts with ل is left out (للجنة is ل + the article)."""
    out: dict[str, tuple[int, str]] = {}
    for pre in _PROCLITICS:
        for word, policy in heads.items():
            if not (pre + word).startswith("لل") or not pre:
                out.setdefault(pre + word, (len(pre), policy))
    return out


def _definite(n: str) -> bool:
    """The word carries the article itself, with no proclitic before it (a genitive complement)."""
    return n.startswith("ال") and len(n) > 3


class InstitutionRules:
    """Applies the rules above to one sentence of tags; returns the tags and the heads' proclitic letters."""

    def __init__(self, nationalities: Collection[str], common: Collection[str] = (), heads: OrgHeads | None = None):
        self.nat = frozenset(nationalities)
        self.common = frozenset(common)
        self.h = heads or OrgHeads.load()
        self.freq = load_word_freq()

    def _noun(self, c: str) -> bool:
        """A common noun that may stand inside a construct chain (see ``MIN_NOUN_ZIPF``)."""
        if c in self.common:
            return True
        zipf = self.freq.get(c, (None, None))[1]
        return zipf is not None and zipf >= MIN_NOUN_ZIPF

    def _adjective(self, c: str, n: str) -> bool:
        """A nationality, listed or nisba adjective with the article (not a stop word such as الماضي)."""
        if not _definite(n) or n in self.h.stops:
            return False
        return c in self.nat or c in self.h.adjectives or c.endswith("ي") or c.endswith("يه")

    def apply(self, cores: list[str], norms: list[str], tags: list[str]) -> tuple[list[str], dict[int, int]]:
        """New tags for one sentence and {token index of a head that starts an ORG: proclitic letters}."""
        tags = list(tags)
        starts: dict[int, int] = {}
        tags = self._defheads(cores, norms, tags)
        if self.h.written.keys().isdisjoint(norms):
            return tags, starts
        n = len(tags)
        i = 0
        while i < n - 1:
            hit = self.h.head(norms[i]) if tags[i] in ("O", "B-ORG") else None
            if hit is None:
                i += 1
                continue
            if tags[i] == "B-ORG":  # the tagger's own span: its head's و/ب/ل stay outside too (وسلاح)
                if hit[0]:
                    starts[i] = hit[0]
                i += 1
                continue
            end = self._chain(i, hit[1], cores, norms, tags)
            if end is None:
                i += 1
                continue
            if end < n and tags[end].startswith("I-"):
                tags[end] = "B-" + tags[end][2:]
            typ = "MISC" if hit[1] == "misc" else "ORG"
            for k in range(i, end):
                tags[k] = ("B-" if k == i else "I-") + typ
            starts[i] = hit[0]
            i = end
        return tags, starts

    def _chain(self, i: int, policy: str, cores: list[str], norms: list[str], tags: list[str]) -> int | None:
        """End (exclusive) of the institution named by the head at ``i``, or None."""
        n = len(tags)
        j = i + 1
        indefinite = 0
        named = False  # the phrase shows it is a name (a place through a noun, a listed complement)
        while j < n and tags[j] == "O" and not _definite(norms[j]):
            w = norms[j]
            if (w in self.h.stops or not w.isalpha() or len(w) < 3 or indefinite == MAX_INDEFINITE
                    or self.h.head(w) is not None and w[:1] in "وف" or not self._noun(cores[j])):
                return None
            indefinite += 1
            j += 1
        if j >= n:
            return None
        if tags[j].startswith("B-"):
            typ = tags[j][2:]
            e = j + 1
            while e < n and tags[e] == "I-" + typ:
                e += 1
            if typ == "ORG":
                if policy != "any" or indefinite:
                    return None
                return e
            if typ != "LOC" or (policy == "signal" and not indefinite) or norms[j].startswith(_PREPOSED):
                return None  # a place after a preposition is no genitive (مركز دراسات بالقاهرة)
            named = indefinite > 0 or policy == "misc"
            j = e
        elif tags[j] == "O" and _definite(norms[j]) and norms[j] not in self.h.stops:
            named = named or (not indefinite and cores[j] in self.h.complements)
            j += 1
            if (not indefinite and j < n and tags[j] == "O" and norms[j].startswith("وال")
                    and norms[j][1:] not in self.h.stops):
                j += 1  # هيئة الإعلام والاتصالات; not after a noun chain (جهاز مكافحة الإرهاب والحشد الشعبي)
        else:
            return None
        adjectives = 0
        while j < n and adjectives < MAX_ADJECTIVES and (tags[j] == "O" or tags[j] == "B-LOC" and cores[j] in self.nat
                                                          and not (j + 1 < n and tags[j + 1] == "I-LOC")):
            if not self._adjective(cores[j], norms[j]):
                break
            adjectives += 1
            j += 1
        if policy != "any" and not named and not adjectives:
            return None
        return j

    def quoted_outlets(self, norms: list[str], tags: list[str]) -> list[str]:
        """``قناة "الحرة"``: the quoted words after an outlet head are one ORG (whatever the tagger said).
        Run after the consistency pass, so that a common word (``الصباح``) is not spread."""
        if QUOTES.keys().isdisjoint(norms):
            return tags
        n = len(tags)
        tags = list(tags)
        for i in range(n - 2):
            close = QUOTES.get(norms[i + 1])
            if close is None or not self.h.outlet(norms[i]) or tags[i] != "O":
                continue
            end = next((k for k in range(i + 2, min(n, i + 3 + MAX_QUOTED)) if norms[k] == close), None)
            if end is None or end == i + 2 or any(t.startswith("I-") for t in tags[end:end + 1]):
                continue
            if not all(w.isalnum() for w in norms[i + 2:end]):
                continue
            for k in range(i + 2, end):
                tags[k] = ("B-" if k == i + 2 else "I-") + "ORG"
        return tags

    def _defheads(self, cores: list[str], norms: list[str], tags: list[str]) -> list[str]:
        """``القوات المسلحة العراقية``, ``السفارة الأمريكية``: a head with the article, descriptor adjectives
        if any, a nationality."""
        n = len(tags)
        if self.h.defheads.isdisjoint(cores) or self.nat.isdisjoint(cores):
            return tags
        for i in range(n - 2):
            if cores[i] not in self.h.defheads or tags[i] not in ("O", "B-ORG") or not norms[i].startswith(("ال", "لل", "قوات")):
                continue
            j = i + 1
            while j < n and j - i <= MAX_ADJECTIVES and tags[j] in ("O", "I-ORG") and self._adjective(cores[j], norms[j]) \
                    and cores[j] not in self.nat:
                j += 1
            if j >= n or cores[j] not in self.nat:
                continue
            while j < n and cores[j] in self.nat and tags[j] in ("O", "I-ORG", "B-LOC"):
                j += 1
            if any(s < i < e or s < j < e for s, e, _ in bio_spans(tags)):
                continue  # a longer entity runs over the phrase
            if j < n and tags[j].startswith("I-"):
                tags[j] = "B-" + tags[j][2:]
            for k in range(i, j):
                tags[k] = ("B-" if k == i else "I-") + "ORG"
        return tags
