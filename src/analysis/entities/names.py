"""Whole person names: compound given names, kunyas, nasab chains, family and nisba names kept
inside a PERS span; titles, ranks and verbs kept outside (docs/ANNOTATION.md, entities).

Works on one sentence of token tags after the tagger, with the name-part classes of
``data/ner/names.tsv`` and the model's ``common.tsv`` (words the training data almost never puts
in a name). Every rule is about a class of words, never about a particular name.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from analysis.entities.clitics import has_article
from analysis.entities.gazetteer import data_rows
from analysis.entities.normalize import core, norm

#: The classes of names.tsv (see the file's header).
CLASSES = ("CMP", "DIV", "KUN", "NSB", "FAM", "TTL", "VRB", "RNK")
#: Name parts that may start or end a name even when they are titles or common words.
_PARTS = ("CMP", "KUN", "NSB", "FAM")


@dataclass(frozen=True)
class NameWords:
    """Core forms by class (a word may be in several classes, e.g. الأمير: title and divine name)."""

    classes: dict[str, frozenset[str]]
    nationalities: frozenset[str]

    def has(self, word_core: str, cls: str) -> bool:
        return word_core in self.classes.get(cls, ())

    @classmethod
    def load(cls, nationalities: Collection[str] = (), triggers: dict[str, str] | None = None) -> "NameWords":
        """Read names.tsv; trigger words of class TTL (triggers.tsv) count as titles too."""
        sets: dict[str, set[str]] = {c: set() for c in CLASSES}
        for row in data_rows("names.tsv"):
            if len(row) >= 2 and row[1] in sets:
                sets[row[1]].add(core(norm(row[0])))
        for word, klass in (triggers or {}).items():
            if klass == "TTL":
                sets["TTL"].add(word)
        sets["TTL"] |= sets["RNK"]  # a rank is a title too
        return cls({k: frozenset(v) for k, v in sets.items()}, frozenset(nationalities))


def _verb_shaped(c: str) -> bool:
    """Looks like a verb: imperfect prefix (ي ت ن, with future س) or the past plural ending وا."""
    return (len(c) >= 4 and (c[0] in "يتن" or c[:2] in ("سي", "ست", "سن"))) or c.endswith("وا")


class _Sentence:
    """Mutable labels of one sentence: ``lab[i]`` is a type or ``""``, ``beg[i]`` starts a span."""

    def __init__(self, tags: list[str]):
        self.lab = [t[2:] if t != "O" else "" for t in tags]
        self.beg = [t.startswith("B-") or (t != "O" and (i == 0 or tags[i - 1][2:] != t[2:])) for i, t in enumerate(tags)]
        self.n = len(tags)

    def tags(self) -> list[str]:
        out = []
        for i in range(self.n):
            if not self.lab[i]:
                out.append("O")
            elif self.beg[i] or i == 0 or self.lab[i - 1] != self.lab[i]:
                out.append("B-" + self.lab[i])
            else:
                out.append("I-" + self.lab[i])
        return out

    def span(self, i: int) -> tuple[int, int]:
        """[start, end) of the span holding token ``i``."""
        s = i
        while s > 0 and not self.beg[s] and self.lab[s - 1] == self.lab[i]:
            s -= 1
        e = i + 1
        while e < self.n and self.lab[e] == self.lab[i] and not self.beg[e]:
            e += 1
        return s, e

    def starts(self, i: int, typ: str) -> bool:
        return 0 <= i < self.n and self.lab[i] == typ and self.beg[i]

    def ends(self, i: int, typ: str) -> bool:
        """Token ``i`` is the last token of a ``typ`` span."""
        return 0 <= i < self.n and self.lab[i] == typ and (i + 1 == self.n or self.lab[i + 1] != typ or self.beg[i + 1])

    def set(self, a: int, b: int, typ: str, join_left: bool = False) -> None:
        """Tokens [a, b) become one ``typ`` span (joined to the span before it when ``join_left``)."""
        for k in range(a, b):
            self.lab[k] = typ
            self.beg[k] = k == a and not join_left
        if b < self.n and self.lab[b]:
            self.beg[b] = True

    def join(self, i: int) -> None:
        """Token ``i`` continues the span of token ``i - 1`` (same type)."""
        self.beg[i] = False


class NameRules:
    """Applies the name rules to the tags of one sentence (see module doc)."""

    def __init__(self, words: NameWords, common: Collection[str]):
        self.w = words
        self.common = common

    def _bad_edge(self, c: str, n: str, lead: bool) -> bool:
        """A word that cannot start (``lead``) or end a name: a verb, a title (start), or a common
        word shaped like a verb, or (at the start) a common word with the article (رئيس أركان الجيش)."""
        w = self.w
        if any(w.has(c, k) for k in _PARTS):
            return False
        if w.has(c, "VRB") or (c in self.common and _verb_shaped(c)):
            return True
        return lead and (w.has(c, "TTL") or (c in self.common and has_article(n)))

    def _name_like(self, c: str, n: str) -> bool:
        """An untagged word that can be part of a name: a word, not common, no title or verb."""
        return (
            len(c) >= 2
            and c.isalpha()
            and c not in self.common
            and not self.w.has(c, "TTL")
            and not self.w.has(c, "VRB")
            and not n.startswith("و")  # a conjunction starts the next item of a list
        )

    def _nisba(self, c: str, n: str, span_len: int, kunya: bool = False) -> bool:
        """``ال…ي`` after a name: a nisba or family name (a nationality only after 2+ name words).
        After a kunya (``أبو علي العسكري``, ``أبو محمد الشامي``) a common adjective is a nisba too:
        a noun phrase does not follow ``أبو`` + a name."""
        if not (n.startswith("ال") and c.endswith("ي") and len(c) >= 3):
            return False
        if not self._name_like(c, n) and not (kunya and self._kunya_nisba(c, n)):
            return False
        return c not in self.w.nationalities or span_len >= 2

    def _kunya_nisba(self, c: str, n: str) -> bool:
        """A common word that may still end a kunya's name: article + at least three letters (not
        ``إلى``, ``الذي``), no title, verb or conjunction."""
        w = self.w
        return (c.isalpha() and len(c) >= 3 and c != n and not w.has(c, "TTL") and not w.has(c, "VRB")
                and not n.startswith("و"))

    def apply(self, cores: list[str], norms: list[str], tags: list[str]) -> list[str]:
        """New tags for one sentence (``cores``/``norms``: the words' core and normalised forms)."""
        if "B-PERS" not in tags and "I-PERS" not in tags and self.w.classes["CMP"].isdisjoint(cores):
            return list(tags)
        s = _Sentence(tags)
        self._trim(s, cores, norms)
        for _ in range(3):
            changed = self._compound(s, cores, norms)
            changed |= self._kunya_nasab(s, cores, norms)
            changed |= self._nisba_family(s, cores, norms)
            changed |= self._adjacent(s, norms)
            if not changed:
                break
        return s.tags()

    def _trim(self, s: _Sentence, cores: list[str], norms: list[str]) -> None:
        i = 0
        while i < s.n:
            if s.lab[i] != "PERS" or not s.beg[i] and i > 0 and s.lab[i - 1] == "PERS":
                i += 1
                continue
            a, b = s.span(i)
            x, y = a, b
            while x < y and self._bad_edge(cores[x], norms[x], True):
                x += 1
            while y > x and self._bad_edge(cores[y - 1], norms[y - 1], False):
                y -= 1
            for k in list(range(a, x)) + list(range(y, b)):
                s.lab[k], s.beg[k] = "", False
            if x < y:
                s.beg[x] = True
            if b < s.n and s.lab[b]:
                s.beg[b] = True
            i = b

    def _compound(self, s: _Sentence, cores: list[str], norms: list[str]) -> bool:
        changed = False
        w = self.w
        for i in range(s.n - 1):
            if not (w.has(cores[i], "CMP") and w.has(cores[i + 1], "DIV")):
                continue
            if s.lab[i] not in ("", "PERS") or s.lab[i + 1] not in ("", "PERS"):
                continue  # جامعة عبد العزيز: part of another entity
            if s.lab[i] == "PERS" and s.lab[i + 1] == "PERS" and not s.beg[i + 1]:
                continue
            left = s.ends(i - 1, "PERS") and not norms[i].startswith("و")
            left = left or (i > 0 and w.has(cores[i - 1], "NSB") and s.lab[i - 1] == "PERS")
            a = i
            if s.lab[i] == "PERS" and not s.beg[i]:
                a, _ = s.span(i)
                left = a < i
            s.set(i, i + 2, "PERS", join_left=left)
            if s.starts(i + 2, "PERS"):
                s.join(i + 2)
            changed = True
        return changed

    def _kunya_nasab(self, s: _Sentence, cores: list[str], norms: list[str]) -> bool:
        changed = False
        w = self.w
        for i in range(s.n - 1):
            c = cores[i]
            if w.has(c, "KUN"):
                if not s.lab[i] and s.starts(i + 1, "PERS"):
                    s.set(i, i + 1, "PERS", join_left=s.ends(i - 1, "PERS") and not norms[i].startswith("و"))
                    s.join(i + 1)
                    changed = True
                elif s.ends(i, "PERS") and not s.lab[i + 1] and self._name_like(cores[i + 1], norms[i + 1]):
                    s.set(i + 1, i + 2, "PERS", join_left=True)
                    changed = True
            elif w.has(c, "NSB"):
                if s.lab[i] == "PERS" and s.starts(i + 1, "PERS"):
                    s.join(i + 1)
                    changed = True
                elif s.lab[i] == "PERS" and s.ends(i, "PERS") and not s.lab[i + 1] and self._name_like(cores[i + 1], norms[i + 1]):
                    s.set(i + 1, i + 2, "PERS", join_left=True)
                    changed = True
                elif not s.lab[i] and s.ends(i - 1, "PERS"):
                    if s.starts(i + 1, "PERS"):
                        s.set(i, i + 1, "PERS", join_left=True)
                        s.join(i + 1)
                        changed = True
                    elif not s.lab[i + 1] and self._name_like(cores[i + 1], norms[i + 1]):
                        s.set(i, i + 2, "PERS", join_left=True)
                        changed = True
                elif not s.lab[i] and s.starts(i + 1, "PERS") and not norms[i].startswith("و"):
                    s.set(i, i + 1, "PERS")  # ابن خلدون
                    s.join(i + 1)
                    changed = True
        return changed

    def _adjacent(self, s: _Sentence, norms: list[str]) -> bool:
        """Two person spans side by side with no conjunction between them are one name."""
        changed = False
        for i in range(1, s.n):
            if s.starts(i, "PERS") and s.lab[i - 1] == "PERS" and not norms[i].startswith("و"):
                s.join(i)
                changed = True
        return changed

    def _nisba_family(self, s: _Sentence, cores: list[str], norms: list[str]) -> bool:
        changed = False
        w = self.w
        i = 0
        while i < s.n:
            if not s.ends(i, "PERS") or i + 1 >= s.n:
                i += 1
                continue
            a, _ = s.span(i)
            j = i + 1
            if w.has(cores[j], "FAM") and not s.lab[j] and j + 1 < s.n and (
                s.starts(j + 1, "PERS") or (not s.lab[j + 1] and self._name_like(cores[j + 1], norms[j + 1]))
            ):
                s.set(j, j + 2, "PERS", join_left=True)
                changed = True
            elif not s.lab[j] and self._nisba(cores[j], norms[j], i + 1 - a, i == a + 1 and w.has(cores[a], "KUN")):
                s.set(j, j + 1, "PERS", join_left=True)
                changed = True
            i += 1
        return changed
