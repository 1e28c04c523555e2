"""Aliases: an abbreviation or short form linked to its long form, so a name is counted once.

Two sources (docs/NER.md, "Aliases"):
- the curated table ``data/ner/aliases.tsv`` (CENTCOM/سنتكوم, JOC, واع, OIR, PMF, قسد, …), used in
  every article: a listed alias the tagger missed is tagged, one it tagged as exactly that form
  with another type takes the table's type (``قالت سنتكوم`` read as a person), and every mention
  of a listed name gets the long form as its canonical form;
- the article itself: a short form in parentheses right after an entity (``القيادة المركزية
  الأمريكية (سنتكوم)``, ``… (SDF)``) or after ``المعروفة باسم`` is linked to that entity, and its
  later bare mentions in the same article are tagged with the entity's type and linked too.

Everything works on the token tags of one document; links map token spans to a long form.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from analysis.entities.acronyms import acronym_letters, long_form_start
from analysis.entities.gazetteer import TYPES, data_rows
from analysis.entities.normalize import core, norm
from analysis.entities.spans import bio_spans, longest_matches
from analysis.text import split_clitics, tokens

ALIAS_FILE = "aliases.tsv"
_OPEN, _CLOSE = "(", ")"
_QUOTES = frozenset('"«»“”\'')
MAX_SHORT = 4  # tokens in a short form
LINK_TYPES = ("ORG", "MISC", "LOC", "PERS")


#: A key keeps the article: ``الدولة الإسلامية`` is a name, ``دولة إسلامية`` is not.
KEY_CLITICS: dict[str, object] = {"prepositions": "بك", "bare_prepositions": False, "min_bare_stem": 3,
                                  "exceptions": False}  # fmt: skip


@lru_cache(maxsize=100_000)
def word_key(word: str) -> str:
    """Matching key of one word: normalised, without و/ف and ب/ك/ل before the article, the article
    kept (Arabic); lower case (Latin)."""
    split = split_clitics(norm(word), **KEY_CLITICS)
    return ("ال" + split.stem if split.definite else split.stem).lower()


#: Phrases that introduce a short form: ``… المعروفة باسم X`` (keys, matched token by token).
INTRODUCERS: tuple[tuple[str, ...], ...] = tuple(
    tuple(word_key(w) for w in phrase.split())
    for phrase in ("المعروفة باسم", "المعروف باسم", "المعروفة بإسم", "المعروف بإسم", "المعروفة اختصارا باسم",
                   "المعروفة اختصارا ب", "المعروف اختصارا ب", "المعروفة ب", "المعروف ب", "أو ما يعرف باسم",
                   "أو ما يعرف ب", "أو ما تعرف ب", "وتعرف باسم", "ويعرف باسم")
)  # fmt: skip
_INTRO_FIRSTS = frozenset(p[0] for p in INTRODUCERS)


def phrase_key(phrase: str) -> tuple[str, ...]:
    """Matching key of a phrase, tokenized like the articles (``CJTF-OIR`` is three tokens)."""
    return tuple(word_key(t.text) for t in tokens(phrase))


@dataclass(frozen=True)
class AliasTable:
    """Long forms and aliases by key: key -> (long form, type)."""

    entries: dict[tuple[str, ...], tuple[str, str]]
    max_len: int = 1
    firsts: frozenset[str] = field(default_factory=frozenset)
    first_words: frozenset[str] = field(default_factory=frozenset)  # normalised, as written (clitics kept)

    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[str]]) -> "AliasTable":
        entries: dict[tuple[str, ...], tuple[str, str]] = {}
        first_words: set[str] = set()
        for row in rows:
            if len(row) < 2 or row[1] not in TYPES:
                continue
            long_form, typ = row[0].strip(), row[1]
            aliases = [a.strip() for a in row[2].split("|")] if len(row) > 2 else []
            for phrase in [long_form, *aliases]:
                key = phrase_key(phrase)
                if key:
                    entries.setdefault(key, (long_form, typ))
                    first_words.add(norm(phrase.split()[0]))
        return cls(entries, max((len(k) for k in entries), default=1), frozenset(k[0] for k in entries),
                   frozenset(first_words))

    def long_form(self, key: tuple[str, ...]) -> tuple[str, str] | None:
        """(long form, type) of a listed name or alias, else None."""
        return self.entries.get(key)


@lru_cache(maxsize=1)
def default_alias_table() -> AliasTable:
    """The shipped table (loaded once)."""
    return AliasTable.from_rows(data_rows(ALIAS_FILE))


@dataclass
class Document:
    """One document's words and tags (one list per sentence); ``links`` maps a token span
    (sentence, first, last+1) to the long form that is its canonical form."""

    words: list[list[str]]
    keys: list[list[str]]
    tags: list[list[str]]
    links: dict[tuple[int, int, int], str] = field(default_factory=dict)


def _retag(tags: list[str], a: int, b: int, typ: str) -> None:
    """Tokens [a, b) become one span of ``typ``; spans cut at the edges keep their remaining part."""
    if b < len(tags) and tags[b].startswith("I-"):
        tags[b] = "B-" + tags[b][2:]
    for k in range(a, b):
        tags[k] = ("B-" if k == a else "I-") + typ


def _span_at(tags: list[str], a: int, b: int) -> str | None:
    """The type when tokens [a, b) are exactly one span of the tags, else None."""
    for s, e, typ in bio_spans(tags):
        if s == a and e == b:
            return typ
    return None


def _free(tags: list[str], a: int, b: int) -> bool:
    """No token of [a, b) belongs to a span that reaches outside [a, b) (spans inside may be replaced)."""
    inside = [(s, e) for s, e, _ in bio_spans(tags) if s < b and a < e]
    return all(a <= s and e <= b for s, e in inside)


class AliasLinker:
    """Tags and links aliases in one document (see module doc)."""

    def __init__(self, table: AliasTable, common: Collection[str], nationalities: Collection[str] = ()):
        self.table = table
        self.common = common
        self.nationalities = nationalities

    def _short_ok(self, words: list[str], keys: list[str], acronym: bool = False) -> bool:
        """A plausible short form: words (no numbers, no single letters), none of them a common word
        (unless it is an ``acronym`` of the long form's initials), not a nationality alone."""
        if not keys or len(keys) > MAX_SHORT:
            return False
        letters = sum(len(k) for k in keys)
        if letters < 3 or any(not k.replace("-", "").isalpha() for k in keys):
            return False
        if any(len(k) < 2 and w.isascii() is False for w, k in zip(words, keys)):
            return False
        cores = [core(norm(w)) for w in words]
        if len(cores) == 1 and cores[0] in self.nationalities:
            return False
        return acronym or not any(c in self.common for c in cores)

    def _is_common(self, words: list[str]) -> bool:
        """Some word of ``words`` is a common word (its bare mentions are not tagged)."""
        return any(core(norm(w)) in self.common for w in words)

    def _acronyms(self, words: list[str], keys: list[str], tags: list[str]) -> set[tuple[int, int]]:
        """Tags the long forms the tagger missed before an acronym of their initials (in
        parentheses or after ``المعروفة باسم``; ``analysis.entities.acronyms``); returns the
        acronyms' token spans."""
        out: set[tuple[int, int]] = set()
        for p in range(1, len(words)):
            if words[p] == _OPEN:
                short = self._parenthesis(words, p)
            elif keys[p] in _INTRO_FIRSTS or keys[p] in ("،", ","):
                short = self._introducer(keys, p)
            else:
                continue
            if short is None:
                continue
            letters = acronym_letters(words[short[0] : short[1]])
            start = long_form_start(words, p, letters) if letters else None
            if start is None or p - start < 2:
                continue
            if not _free(tags, start, p) or not _free(tags, *short):
                continue
            ending = [typ for s, e, typ in bio_spans(tags) if e == p and s >= start and typ in LINK_TYPES]
            typ = ending[0] if ending else "ORG"
            if _span_at(tags, *short) not in (None, typ):
                continue
            _retag(tags, start, p, typ)
            out.add(short)
        return out

    def link(self, doc: Document) -> Document:
        """Apply the table, then the in-article introductions and their later mentions (in place)."""
        self._table(doc)
        found = self._introductions(doc)
        if found:
            self._bare_mentions(doc, found)
        return doc

    def _table(self, doc: Document) -> None:
        table = self.table
        for si, (keys, tags) in enumerate(zip(doc.keys, doc.tags)):
            for a, b, (long_form, typ) in longest_matches(keys, table.entries, table.max_len, table.firsts):
                span_typ = _span_at(tags, a, b)
                if (span_typ is None and _free(tags, a, b)) or (span_typ is not None and span_typ != typ):
                    _retag(tags, a, b, typ)  # missed, or tagged as exactly this form with another type
                    span_typ = typ
                if span_typ == typ:
                    doc.links[(si, a, b)] = long_form

    def _long_form_of(self, doc: Document, si: int, s: int, e: int) -> str:
        """The canonical long form of an entity span: the table's, else its own words."""
        hit = self.table.long_form(tuple(doc.keys[si][s:e]))
        return hit[0] if hit else doc.links.get((si, s, e)) or " ".join(doc.words[si][s:e])

    def _introductions(self, doc: Document) -> dict[tuple[str, ...], tuple[str, str]]:
        """Short forms introduced in the document: key -> (long form, type)."""
        found: dict[tuple[str, ...], tuple[str, str]] = {}
        for si, (words, keys, tags) in enumerate(zip(doc.words, doc.keys, doc.tags)):
            if _OPEN not in words and not any(k in _INTRO_FIRSTS for k in keys):
                continue
            acronyms = self._acronyms(words, keys, tags)
            for s, e, typ in bio_spans(tags):
                if typ not in LINK_TYPES:
                    continue
                a, b = self._parenthesis(words, e) or self._introducer(keys, e) or (0, 0)
                if b <= a:
                    continue
                while a < b and words[a] in _QUOTES:
                    a += 1
                while b > a and words[b - 1] in _QUOTES:
                    b -= 1
                if not self._short_ok(words[a:b], keys[a:b], (a, b) in acronyms):
                    continue
                inner = _span_at(tags, a, b)
                if inner is None and not _free(tags, a, b):
                    continue
                if inner not in (None, typ):
                    continue
                long_words = sum(len(w) for w in words[s:e])
                if typ == "PERS" and inner is None and not all(w.isascii() for w in words[a:b]):
                    continue  # a person's name in parentheses is tagged only when the tagger saw it
                if sum(len(w) for w in words[a:b]) >= long_words:
                    continue  # the long form comes first
                long_form = self._long_form_of(doc, si, s, e)
                _retag(tags, a, b, typ)
                doc.links[(si, a, b)] = long_form
                doc.links.setdefault((si, s, e), long_form)
                if not self._is_common(words[a:b]):  # a common word (هنا) is linked here only
                    found.setdefault(tuple(keys[a:b]), (long_form, typ))
        return found

    @staticmethod
    def _parenthesis(words: list[str], e: int) -> tuple[int, int] | None:
        """Tokens inside ``( … )`` right after the span ending at ``e``."""
        if e < len(words) and words[e] == _OPEN:
            for k in range(e + 1, min(len(words), e + 2 + MAX_SHORT + 2)):
                if words[k] == _CLOSE:
                    return e + 1, k
                if words[k] == _OPEN:
                    return None
        return None

    @staticmethod
    def _introducer(keys: list[str], e: int) -> tuple[int, int] | None:
        """The short form after ``المعروفة باسم`` (and the like) right after the span ending at ``e``:
        one word, or up to ``MAX_SHORT`` words between quotes or in parentheses."""
        k = e + 1 if e < len(keys) and keys[e] in ("،", ",") else e
        for phrase in INTRODUCERS:
            if tuple(keys[k : k + len(phrase)]) != phrase:
                continue
            a = k + len(phrase)
            if a < len(keys) and (keys[a] in _QUOTES or keys[a] == _OPEN):
                closers = _QUOTES if keys[a] in _QUOTES else (_CLOSE,)
                for b in range(a + 1, min(len(keys), a + 2 + MAX_SHORT)):
                    if keys[b] in closers:
                        return a + 1, b
                return None
            return (a, a + 1) if a < len(keys) else None
        return None

    def _bare_mentions(self, doc: Document, found: dict[tuple[str, ...], tuple[str, str]]) -> None:
        max_len = max(len(k) for k in found)
        firsts = frozenset(k[0] for k in found)
        for si, (keys, tags) in enumerate(zip(doc.keys, doc.tags)):
            for a, b, (long_form, typ) in longest_matches(keys, found, max_len, firsts):
                span_typ = _span_at(tags, a, b)
                if span_typ is None and not _free(tags, a, b):
                    continue
                _retag(tags, a, b, typ)
                doc.links[(si, a, b)] = long_form


@lru_cache(maxsize=4096)
def table_long_form(surface: str) -> tuple[str, str] | None:
    """(long form, type) when ``surface`` is a listed name or alias of the shipped table."""
    return default_alias_table().long_form(phrase_key(surface))
