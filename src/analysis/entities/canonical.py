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

from analysis.entities.gazetteer import data_rows
from analysis.entities.normalize import core, norm
from analysis.text import normalize

#: A display form keeps the letters as written: only marks, tatweel and bidi marks go.
DISPLAY_GROUPS: dict[str, bool] = {"alef": False, "alef_maksura": False, "teh_marbuta": False, "marks": True,
                                   "bidi_marks": True}  # fmt: skip
_LOC_HEADS = ("قاعدة", "القاعدة", "معسكر")


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    return {row[0]: row[1] for row in data_rows("variants.tsv") if len(row) >= 2}


def canonical_form(text: str, etype: str, elided_alef: bool = False) -> str:
    """Display form of one mention (see module doc)."""
    t = normalize(text, **DISPLAY_GROUPS)
    if elided_alef and t.startswith("ل"):
        t = "ا" + t
    words = t.split()
    var = _variants()
    words = [var.get(w, w) for w in words]
    if etype == "LOC" and len(words) > 1 and words[0] in _LOC_HEADS:
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


def entity_column(mentions: Mapping[str, Sequence[str]]) -> list[str]:
    """The grouped entity name of each mention, in row order (the ``entity`` column of a mention table).

    ``mentions`` has ``type`` and ``canonical`` columns (a DataFrame, or a dict of lists); the
    grouping is corpus-level: it depends on every mention given (``group_canonicals``).
    """
    pairs = list(zip(mentions["type"], mentions["canonical"]))
    groups = group_canonicals(pairs)
    return [groups[pair] for pair in pairs]
