"""Domain gazetteer and patterns (data files under ``analysis/data/ner``) matched over tokens.

Phrases are compared on their ``core`` forms (no و/ف, no بال/لل, no article), longest match first.
The matches become CRF features; they never override the model.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from analysis.entities.normalize import core, norm
from analysis.entities.spans import longest_matches, mark_spans
from analysis.resources import data_path, read_rows

TYPES = ("PERS", "LOC", "ORG", "MISC")
#: The entity data folder (``src/analysis/data/ner``).
DATA_DIR = data_path("ner")
#: Name lists, in priority order (an earlier file wins for a phrase listed twice).
GAZETTEER_FILES = ("gazetteer.tsv", "places_cldr.tsv")
#: Every data file the gazetteer reads (part of the NER featurizer hash).
DATA_FILES = (*GAZETTEER_FILES, "nationalities.tsv", "patterns.tsv")


def data_rows(name: str, data_dir: Path | None = None) -> tuple[tuple[str, ...], ...]:
    """The records of an entity data file (``data/ner/NAME``, or under ``data_dir``), tab-split."""
    return read_rows(name, folder=Path(data_dir) if data_dir is not None else DATA_DIR)


def phrase_key(phrase: str) -> tuple[str, ...]:
    """Matching key of a phrase: the core form of each whitespace-separated word."""
    return tuple(core(norm(w)) for w in phrase.split())


class Gazetteer:
    """Longest-match lookup of known names and head+nationality patterns."""

    def __init__(self, entries: dict[tuple[str, ...], str], nationalities: frozenset[str]):
        self.entries = entries
        self.nationalities = nationalities
        self.max_len = max((len(k) for k in entries), default=1)
        self._firsts = frozenset(k[0] for k in entries)

    @classmethod
    def load(cls, data_dir: Path | None = None) -> "Gazetteer":
        """Names, then head + nationality patterns, from the data files (``data/ner`` or ``data_dir``)."""
        entries: dict[tuple[str, ...], str] = {}
        for name in GAZETTEER_FILES:
            for row in data_rows(name, data_dir):
                if len(row) >= 2 and row[1] in TYPES:
                    entries.setdefault(phrase_key(row[0]), row[1])
        nats = set()
        for row in data_rows("nationalities.tsv", data_dir):
            masc = core(norm(row[0]))
            nats.update({masc, masc + "ه"})  # masculine and feminine (ة normalised to ه)
        for row in data_rows("patterns.tsv", data_dir):
            if len(row) >= 2 and row[1] in TYPES:
                head = phrase_key(row[0])
                for adj in nats:
                    entries.setdefault(head + (adj,), row[1])
        return cls(entries, frozenset(nats))

    def match(self, cores: list[str]) -> list[str]:
        """One label per token: ``B-TYPE``/``I-TYPE`` inside a longest match, else ``""``."""
        return mark_spans([""] * len(cores), longest_matches(cores, self.entries, self.max_len, self._firsts))


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer (loaded once)."""
    return Gazetteer.load()
