"""Domain gazetteer and patterns (data files under ``analysis/data/ner``) matched over tokens.

Phrases are compared on their ``core`` forms (no و/ف, no بال/لل, no article), longest match first.
The matches become CRF features; they never override the model.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from analysis.entities.normalize import core, norm

TYPES = ("PERS", "LOC", "ORG", "MISC")
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "ner"
#: Name lists, in priority order (an earlier file wins for a phrase listed twice).
GAZETTEER_FILES = ("gazetteer.tsv", "places_cldr.tsv")


def _data_lines(name: str, data_dir: Path | None = None) -> list[list[str]]:
    """Non-comment, non-blank lines of a data file, split on tabs."""
    if data_dir is not None:
        text = (Path(data_dir) / name).read_text(encoding="utf-8")
    else:
        text = (DATA_DIR / name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


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
        entries: dict[tuple[str, ...], str] = {}
        for name in GAZETTEER_FILES:
            for row in _data_lines(name, data_dir):
                if len(row) >= 2 and row[1] in TYPES:
                    entries.setdefault(phrase_key(row[0]), row[1])
        nats = set()
        for row in _data_lines("nationalities.tsv", data_dir):
            masc = core(norm(row[0]))
            nats.update({masc, masc + "ه"})  # masculine and feminine (ة normalised to ه)
        for row in _data_lines("patterns.tsv", data_dir):
            if len(row) >= 2 and row[1] in TYPES:
                head = phrase_key(row[0])
                for adj in nats:
                    entries.setdefault(head + (adj,), row[1])
        return cls(entries, frozenset(nats))

    def match(self, cores: list[str]) -> list[str]:
        """One label per token: ``B-TYPE``/``I-TYPE`` inside a longest match, else ``""``."""
        out = [""] * len(cores)
        i, n = 0, len(cores)
        entries, firsts = self.entries, self._firsts
        while i < n:
            if cores[i] in firsts:
                for length in range(min(self.max_len, n - i), 0, -1):
                    typ = entries.get(tuple(cores[i : i + length]))
                    if typ is not None:
                        out[i] = "B-" + typ
                        for j in range(i + 1, i + length):
                            out[j] = "I-" + typ
                        i += length
                        break
                else:
                    i += 1
            else:
                i += 1
        return out


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer (loaded once)."""
    return Gazetteer.load()
