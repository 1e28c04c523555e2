"""Canonical entities: one display form per mention, and corpus-level grouping of variants.

A mention's canonical form drops diacritics, restores the alef of ``لل`` (``لقوات`` → ``القوات``),
unifies spellings listed in ``data/ner/variants.tsv`` and drops a generic head before a place name
(``قاعدة عين الأسد`` → ``عين الأسد``). Matching keys ignore hamza/ta-marbuta spelling and the
article. Grouping (``entity_column`` for a table of mentions) then merges a short name into its
only longer extension (``التحالف`` → ``التحالف الدولي``) and a lone surname into the only full
name ending with it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache

from analysis.entities.aliases import table_long_form
from analysis.entities.gazetteer import data_rows
from analysis.entities.normalize import core, norm
from analysis.entities.sites import default_site_heads
from analysis.text import normalize

#: A display form keeps the letters as written: only marks, tatweel and bidi marks go.
DISPLAY_GROUPS: dict[str, bool] = {"alef": False, "alef_maksura": False, "teh_marbuta": False, "marks": True,
                                   "bidi_marks": True}  # fmt: skip


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    return {row[0]: row[1] for row in data_rows("variants.tsv") if len(row) >= 2}


@lru_cache(maxsize=1)
def _drop_heads() -> frozenset[str]:
    """Site heads that stay outside a name (sites.tsv, ``drop``), normalised."""
    return frozenset(h for h, (_, keep) in default_site_heads().heads.items() if not keep)


def _dropped_head(word: str) -> bool:
    n = norm(word)
    return n in _drop_heads() or (n.startswith("ال") and n[2:] in _drop_heads())


def canonical_form(text: str, etype: str, elided_alef: bool = False) -> str:
    """Display form of one mention (see module doc); a listed alias gives its long form (aliases.tsv)."""
    t = normalize(text, **DISPLAY_GROUPS)
    if elided_alef and t.startswith("ل"):
        t = "ا" + t
    listed = table_long_form(t)
    if listed is not None and listed[1] == etype:
        t = normalize(listed[0], **DISPLAY_GROUPS)
    words = t.split()
    var = _variants()
    words = [var.get(w, w) for w in words]
    if etype == "LOC" and len(words) > 1 and _dropped_head(words[0]):
        words = words[1:]
    return " ".join(words)


def match_key(canonical: str) -> str:
    """Key for matching variants: per-word core form (no clitics, no article, light spelling)."""
    return " ".join(core(norm(w)) for w in canonical.split())


def group_canonicals(mentions: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Map each (type, canonical) to its group's canonical form.

    The group's form is the most frequent canonical among the mentions of the target key
    (ties: longer, then alphabetical), so the result is deterministic.
    """
    by_key: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for etype, canon in mentions:
        by_key[(etype, match_key(canon))][canon] += 1
    keys_by_type: dict[str, list[str]] = defaultdict(list)
    for etype, key in by_key:
        keys_by_type[etype].append(key)

    target: dict[tuple[str, str], tuple[str, str]] = {}
    for etype, keys in keys_by_type.items():
        for key in keys:
            words = key.split()
            longer = [k for k in keys if k != key and k.split()[: len(words)] == words]
            if etype == "PERS" and len(words) == 1:
                longer += [k for k in keys if k != key and len(k.split()) > 1 and k.split()[-1] == words[0]]
            longer = sorted(set(longer))
            if len(longer) == 1:
                target[(etype, key)] = (etype, longer[0])
            elif len(longer) > 1:
                counts = {k: sum(by_key[(etype, k)].values()) for k in longer}
                best = max(sorted(longer), key=lambda k: counts[k])
                if counts[best] * 3 >= 2 * sum(counts.values()) and counts[best] >= 2:
                    target[(etype, key)] = (etype, best)

    def resolve(tk: tuple[str, str]) -> tuple[str, str]:
        seen = set()
        while tk in target and tk not in seen:
            seen.add(tk)
            tk = target[tk]
        return tk

    out: dict[tuple[str, str], str] = {}
    for (etype, key), forms in by_key.items():
        tk = resolve((etype, key))
        tforms = by_key[tk]
        best = sorted(tforms.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        for form in forms:
            out[(etype, form)] = best
    return out


def corpus_aliases(types: Sequence[str], texts: Sequence[str], canonicals: Sequence[str]) -> list[str]:
    """Canonical forms with the corpus's own aliases applied.

    A mention linked to a long form in one article (its canonical is not its own words, e.g. a
    short form introduced in parentheses) teaches that the short form means the long form; a
    mention elsewhere whose canonical is that short form then gets the long form too, when the
    corpus links that short form to one long form only.
    """
    learned: dict[tuple[str, str], set[str]] = defaultdict(set)
    for etype, text, canon in zip(types, texts, canonicals):
        own = match_key(canonical_form(text, etype))
        if own != match_key(canon):
            learned[(etype, own)].add(canon)
    if not learned:
        return list(canonicals)
    out = []
    for etype, canon in zip(types, canonicals):
        longs = learned.get((etype, match_key(canon)))
        out.append(next(iter(longs)) if longs and len(longs) == 1 else canon)
    return out


def entity_column(mentions: Mapping[str, Sequence[str]]) -> list[str]:
    """The grouped entity name of each mention, in row order (the ``entity`` column of a mention table).

    ``mentions`` has ``type`` and ``canonical`` columns (a DataFrame, or a dict of lists), and
    optionally ``text`` (then aliases learned in one article apply corpus-wide, ``corpus_aliases``);
    the grouping is corpus-level: it depends on every mention given (``group_canonicals``).
    """
    canonicals = list(mentions["canonical"])
    if "text" in mentions:
        canonicals = corpus_aliases(list(mentions["type"]), list(mentions["text"]), canonicals)
    pairs = list(zip(mentions["type"], canonicals))
    groups = group_canonicals(pairs)
    return [groups[pair] for pair in pairs]
