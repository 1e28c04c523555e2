"""Place containment for the timeline merge: a base lies in its province, which lies in its country.

The tree is data (``analysis/data/place_hierarchy.tsv``: name, kind, parent, variants). Two places
are *compatible* when one is missing, they are the same place (any variant, normalized), or one
contains the other; two different bases, or a base and another province, never are. Names the
tree does not know are compatible only with themselves. ``place_info`` reads a name's level and country
from the gazetteer (``event_places.tsv``), else from the tree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from analysis.errors import DataTableError
from analysis.events import lexicon
from analysis.resources import NumberedRow, data_path, numbered_rows
from analysis.text import normalize

DATA_FILE = "place_hierarchy.tsv"
KINDS = ("country", "region", "province", "city", "base", "airport", "field", "site", "crossing")
#: Generic head nouns a place name may carry (``قاعدة عين الأسد``, ``محافظة الأنبار``): tried without them.
HEAD_NOUNS = ("قاعده", "معسكر", "محافظه", "مدينه", "ناحيه", "قضاء", "بلده", "جيب", "منطقه", "حقل", "معبر", "منفذ")
#: A place's precision for extraction by its kind: 3 a site, 2 a city, province or region, 1 a country.
KIND_LEVELS = {"country": 1, "region": 2, "province": 2, "city": 2}
CUES_FILE = "place_cues.json"


def place_cues() -> dict[str, frozenset[str]]:
    """The word lists of ``place_cues.json`` (compass words, descriptors, force and area heads), normalized."""
    return lexicon.word_lists(CUES_FILE)


@dataclass(frozen=True)
class PlaceNode:
    """One place of the tree: ``depth`` 0 for a country, growing inwards."""

    name: str
    kind: str
    parent: str | None
    depth: int


def _key(name: str) -> str:
    """The lookup form of a name: normalized letters, single spaces, no quotes or brackets."""
    cleaned = "".join(" " if ch in "()\"'«»" else ch for ch in name)
    return " ".join(normalize(cleaned).split())


class PlaceHierarchy:
    """Lookup of place names (by any variant) and containment between them."""

    def __init__(self, rows: list[NumberedRow], source: str = DATA_FILE) -> None:
        cells = []
        for row in rows:
            if len(row.fields) != 4:
                raise DataTableError(source, row.line, f"needs 4 tab-separated fields, not {len(row.fields)}")
            name, kind, parent, variants = (f.strip() for f in row.fields)
            cells.append((row.line, name, kind, parent, [v.strip() for v in variants.split(",") if v.strip()]))
        parents = {name: parent or None for _, name, _, parent, _ in cells}
        self._nodes: dict[str, PlaceNode] = {}
        self._by_key: dict[str, str] = {}
        self._seen: dict[str, PlaceNode | None] = {}
        self._variants: dict[str, tuple[str, ...]] = {name: (name, *variants) for _, name, _, _, variants in cells}
        for line, name, kind, parent, variants in cells:
            if kind not in KINDS:
                raise DataTableError(source, line, f"{name}: unknown kind {kind!r}")
            if parent and parent not in parents:
                raise DataTableError(source, line, f"{name}: parent {parent!r} is not a place of the table")
            depth, seen, up = 0, {name}, parents[name]
            while up is not None:
                if up in seen:
                    raise DataTableError(source, line, f"{name}: containment loops through {up!r}")
                seen.add(up)
                depth, up = depth + 1, parents[up]
            self._nodes[name] = PlaceNode(name, kind, parent or None, depth)
            for variant in [name, *variants]:
                key = _key(variant)
                if key and self._by_key.setdefault(key, name) != name:
                    raise DataTableError(source, line, f"{variant!r} already names {self._by_key[key]!r}")

    def node(self, name: str | None) -> PlaceNode | None:
        """The place a name (or variant, or name with a head noun) stands for; None if unknown."""
        if not name:
            return None
        if name in self._seen:
            return self._seen[name]
        found = self._seen[name] = self._lookup(name)
        return found

    def _lookup(self, name: str) -> PlaceNode | None:
        """By key; else without a head noun (``قاعدة``), without trailing descriptors (``النفطي``), or
        as a compass part (``شمال سوريا``: a region inside the place it qualifies)."""
        words = _key(name).split()
        while words and words[0] in HEAD_NOUNS and len(words) > 1 and " ".join(words) not in self._by_key:
            words = words[1:]
        descriptors = place_cues()["descriptors"]
        while len(words) > 1 and " ".join(words) not in self._by_key and words[-1] in descriptors:
            words = words[:-1]
        found = self._by_key.get(" ".join(words))
        if found is not None:
            return self._nodes[found]
        return self._compass(words)

    def _compass(self, words: list[str]) -> PlaceNode | None:
        """``شمال سوريا``, ``شمال شرقي العراق``: a region of the place after the compass words (made once)."""
        cues = place_cues()
        n = 0
        if words and words[0] in cues["compass_words"]:
            n = 2 if len(words) > 2 and words[1] in cues["compass_second"] else 1
        if not n:
            return None
        inner = self._by_key.get(" ".join(words[n:]))
        if inner is None:
            return None
        name = f"{' '.join(words[:n])} {inner}"
        if name not in self._nodes:
            parent = self._nodes[inner]
            self._nodes[name] = PlaceNode(name, "region", inner, parent.depth + 1)
        return self._nodes[name]

    def variants(self, name: str) -> tuple[str, ...]:
        """Every spelling the table lists for the place ``name`` stands for (its own name first); ``()`` if unknown."""
        node = self.node(name)
        return self._variants.get(node.name, (node.name,)) if node else ()

    def canonical(self, name: str | None) -> str | None:
        """The tree's name for a place, or the name itself (normalized) when the tree does not know it."""
        if not name:
            return None
        node = self.node(name)
        return node.name if node else _key(name)

    def chain(self, name: str | None) -> tuple[str, ...]:
        """The place and everything that contains it, innermost first (``()`` when missing)."""
        node = self.node(name)
        if node is None:
            return (_key(name),) if name else ()
        out = [node.name]
        while node.parent is not None:
            node = self._nodes[node.parent]
            out.append(node.name)
        return tuple(out)

    def contains(self, outer: str | None, inner: str | None) -> bool:
        """Is ``inner`` the same place as ``outer`` or inside it?"""
        if not outer or not inner:
            return False
        return self.canonical(outer) in self.chain(inner)

    def compatible(self, a: str | None, b: str | None) -> bool:
        """One missing, the same place, or one containing the other."""
        if not a or not b:
            return True
        return self.contains(a, b) or self.contains(b, a)

    def level(self, name: str | None) -> int | None:
        """Extraction precision (``KIND_LEVELS``: 3 a site, 2 a city or region, 1 a country); None if unknown."""
        node = self.node(name)
        return None if node is None else KIND_LEVELS.get(node.kind, 3)

    def depth(self, name: str | None) -> int:
        """How deep a place lies (0 a country); -1 when missing or unknown."""
        node = self.node(name)
        return node.depth if node else -1

    def root(self, name: str | None) -> str:
        """The outermost place containing ``name`` (its country), the name itself if unknown, ``""`` if none."""
        chain = self.chain(name)
        return chain[-1] if chain else ""


@lru_cache(maxsize=1)
def hierarchy() -> PlaceHierarchy:
    """The shipped place tree (read once)."""
    return PlaceHierarchy(numbered_rows(DATA_FILE), str(data_path(DATA_FILE)))


def compatible(a: str | None, b: str | None) -> bool:
    """``hierarchy().compatible``: the place test of the timeline merge."""
    return hierarchy().compatible(a, b)


def place_info(name: str | None) -> lexicon.Place | None:
    """The gazetteer row of a place name (canonical or variant), else the place tree's node (with a head
    noun, a descriptor such as ``النفطي`` or a compass word: ``PlaceHierarchy``); None if unknown."""
    if not name:
        return None
    known = lexicon.place_by_name().get(normalize(name))
    if known is not None:
        return known
    tree = hierarchy()
    level = tree.level(name)
    if level is None:
        return None
    canonical = tree.canonical(name) or name
    return lexicon.place_by_name().get(normalize(canonical)) or lexicon.Place(canonical, level, tree.root(name))
