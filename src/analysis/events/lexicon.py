"""The event lexicon (data files under ``analysis/data/``) and trigger matching on tokens.

Triggers are matched on normalized tokens with their proclitics (و ف ب ل ك س ال) and pronoun
suffixes (ه ها هم هما) stripped, so ``وبتسلّم``, ``سيتسلم`` and ``تسليمها`` all hit ``تسلم``/``تسليم``.
The lists live in ``event_triggers.tsv``, ``event_cues.json``, ``event_places.tsv`` and
``event_actors.tsv`` so that they can be read and extended without touching code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from analysis.text import Token, normalize

EVENT_TYPES = (
    "agreement", "announcement", "vote", "mission_end", "withdrawal", "handover",
    "redeployment", "attack", "war", "deployment", "other",
)  # fmt: skip

_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك", "س")
_ARTICLE = ("", "ال")
_SUFFIXES = ("", "ه", "ها", "هم", "هما", "ا")


@dataclass(frozen=True)
class TriggerRule:
    """One lexicon row: the event type, the rule that must hold, and the words of one form."""

    type: str
    rule: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger found in a token list: token indexes ``[first, last]`` and the prefix it carried."""

    rule: TriggerRule
    first: int
    last: int
    prefix: str

    @property
    def type(self) -> str:
        return self.rule.type


def _data(name: str) -> str:
    return resources.files("analysis").joinpath(f"data/{name}").read_text(encoding="utf-8")


def _rows(name: str) -> list[list[str]]:
    """Rows of a TSV data file, skipping comments and the header line."""
    lines = [ln for ln in _data(name).splitlines() if ln.strip() and not ln.startswith("#")]
    return [ln.split("\t") for ln in lines[1:]]


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) >= 5 else word


@lru_cache(maxsize=1)
def trigger_rules() -> dict[str, list[TriggerRule]]:
    """First word of each form → the rules starting with it (file order: the first passing rule wins)."""
    table: dict[str, list[TriggerRule]] = {}
    for type_, rule, forms in _rows("event_triggers.tsv"):
        if type_ not in EVENT_TYPES:
            raise ValueError(f"event_triggers.tsv: unknown event type {type_!r}")
        for form in forms.split(","):
            words = tuple(_strip_article(normalize(w)) for w in form.split())
            if words:
                table.setdefault(words[0], []).append(TriggerRule(type_, rule, words))
    for rules in table.values():
        rules.sort(key=lambda r: -len(r.words))  # longest form first, stable otherwise
    return table


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """The cue word lists of ``event_cues.json``, normalized."""
    raw = json.loads(_data("event_cues.json"))
    return {k: frozenset(normalize(w) for w in v) for k, v in raw.items() if not k.startswith("_")}


@lru_cache(maxsize=200_000)
def stems(norm: str) -> tuple[tuple[str, str], ...]:
    """Candidate (prefix, stem) readings of a normalized token, the unsplit word first."""
    out: list[tuple[str, str]] = []
    for conj in _CONJ:
        if not norm.startswith(conj):
            continue
        for prep in _PREP:
            if not norm.startswith(prep, len(conj)):
                continue
            for art in _ARTICLE:
                start = len(conj) + len(prep)
                if prep == "ل" and art == "ال" and norm.startswith("ل", start):  # لل = ل + ال
                    cut = start + 1
                elif norm.startswith(art, start):
                    cut = start + len(art)
                else:
                    continue
                if prep == "س" and art:
                    continue
                rest = norm[cut:]
                for suffix in _SUFFIXES:
                    if suffix and not rest.endswith(suffix):
                        continue
                    stem = rest[: len(rest) - len(suffix)] if suffix else rest
                    if len(stem) >= 2:
                        reading = (norm[:cut], stem)
                        if reading not in out:
                            out.append(reading)
    return tuple(out)


def bare(norm: str) -> set[str]:
    """All stems of a token (for cue-word lookups)."""
    return {stem for _, stem in stems(norm)} | {norm}


def find_triggers(toks: list[Token]) -> list[TriggerMatch]:
    """Every lexicon form in ``toks`` (longest match first; a token belongs to one trigger).

    Rules (``mission``, ``troops``…) are not checked here: see ``analysis.events.extract``.
    """
    table = trigger_rules()
    found: list[TriggerMatch] = []
    i = 0
    while i < len(toks):
        best: TriggerMatch | None = None
        for prefix, stem in stems(toks[i].norm):
            for rule in table.get(stem, ()):
                n = len(rule.words)
                if i + n > len(toks):
                    continue
                if all(rule.words[k] in bare(toks[i + k].norm) for k in range(1, n)):
                    cand = TriggerMatch(rule, i, i + n - 1, prefix)
                    if best is None or n > len(best.rule.words):
                        best = cand
        if best is not None:
            found.append(best)
            i = best.last + 1
        else:
            i += 1
    return found


def alternatives(match: TriggerMatch) -> list[TriggerRule]:
    """All lexicon rows with the same words as ``match`` (e.g. نقل: handover or redeployment)."""
    return [r for r in trigger_rules().get(match.rule.words[0], ()) if r.words == match.rule.words]


# ---------------------------------------------------------------------------------------------
# Gazetteers (fallback when analysis.entities is missing)


@dataclass(frozen=True)
class Place:
    canonical: str
    level: int
    country: str


@lru_cache(maxsize=1)
def places() -> dict[tuple[str, ...], Place]:
    """Normalized variant words → place (with its level: 3 base, 2 city/region, 1 country)."""
    table: dict[tuple[str, ...], Place] = {}
    for canonical, level, country, variants in _rows("event_places.tsv"):
        place = Place(canonical, int(level), country)
        for v in variants.split(","):
            table[tuple(normalize(w) for w in v.split())] = place
    return table


@lru_cache(maxsize=1)
def place_by_name() -> dict[str, Place]:
    """Normalized canonical or variant name (words joined by a space) → place."""
    return {" ".join(k): p for k, p in places().items()} | {normalize(p.canonical): p for p in places().values()}


@lru_cache(maxsize=1)
def actors() -> dict[tuple[str, ...], str]:
    """Normalized variant words → canonical actor name."""
    table: dict[tuple[str, ...], str] = {}
    for canonical, variants in _rows("event_actors.tsv"):
        for v in variants.split(","):
            table[tuple(normalize(w) for w in v.split())] = canonical
    return table


def gazetteer_spans(toks: list[Token], table: dict[tuple[str, ...], object]) -> list[tuple[int, int, object]]:
    """Longest matches of a gazetteer over tokens (clitics stripped): (first, last, value)."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for key in table:
        by_first.setdefault(key[0], []).append(key)
    for keys in by_first.values():
        keys.sort(key=len, reverse=True)
    out = []
    i = 0
    while i < len(toks):
        hit = None
        for cand in bare(toks[i].norm):
            for key in by_first.get(cand, ()):
                n = len(key)
                if i + n <= len(toks) and all(key[k] in bare(toks[i + k].norm) for k in range(1, n)):
                    if hit is None or n > hit[1] - hit[0] + 1:
                        hit = (i, i + n - 1, table[key])
                    break
        if hit:
            out.append(hit)
            i = hit[1] + 1
        else:
            i += 1
    return out
