"""CRF features for one sentence of tokens: the one place where NER features are defined.

Each distinct word's own features are computed once and cached (words repeat a lot); a token's
feature list is its own features plus short, prefixed copies of its neighbours' (window ±2).
Feature strings are kept short because the tagger's speed depends on them.

A trained model is only valid for the features it was trained with: ``featurizer_hash()`` hashes
the code and data files listed in ``FEATURIZER_FILES``; training records it in the model's
``meta.json`` and loading refuses a model whose hash differs. To add a feature, change
``Featurizer`` here (and list any new code or data file it reads in ``FEATURIZER_FILES``), then
retrain with ``analysis train-ner`` (docs/NER.md).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from analysis.entities.gazetteer import DATA_FILES as GAZETTEER_DATA
from analysis.entities.gazetteer import Gazetteer, data_rows
from analysis.entities.normalize import core, norm, strip_conj
from analysis.text import NORMALIZATION_TABLE

#: Context trigger words, in ``data/ner/``.
TRIGGERS_FILE = "triggers.tsv"
#: Single-word personal names (core form -> g/s/f), in ``data/ner/`` (tools/make_person_names.py).
NAMES_FILE = "person_names.tsv"
#: General-language Zipf frequency of normal and core forms, in ``data/ner/`` (tools/make_word_freq.py).
FREQ_FILE = "word_freq.tsv"
#: Everything the features are computed from, relative to the ``analysis`` package folder.
FEATURIZER_FILES: tuple[str, ...] = (
    "entities/features.py", "entities/gazetteer.py", "entities/normalize.py", "text.py",
    f"data/{NORMALIZATION_TABLE}", f"data/ner/{TRIGGERS_FILE}", f"data/ner/{NAMES_FILE}", f"data/ner/{FREQ_FILE}", *(f"data/ner/{name}" for name in GAZETTEER_DATA),
)  # fmt: skip
_PACKAGE = Path(__file__).resolve().parent.parent

_PUNCT = set(".,،؛;:!?؟\"'«»()[]{}-–—/\\*…")


def _shape(w: str) -> str:
    """Coarse word shape: Arabic, Latin, digits, punctuation, mixed."""
    if not w:
        return "E"
    if w[0] in _PUNCT and len(w) == 1:
        return "P"
    if w.isdigit():
        return "D" if len(w) != 4 else "D4"
    if any(c.isdigit() for c in w):
        return "DX"
    if w.isascii():
        return "L" if not w[0].isupper() else "LU"
    if all("\u0600" <= c <= "\u06ff" for c in w):
        return "A"
    return "X"


@lru_cache(maxsize=1)
def featurizer_hash() -> str:
    """A short hash of ``FEATURIZER_FILES`` (names and contents, line ends ignored)."""
    digest = hashlib.sha256()
    for name in FEATURIZER_FILES:
        digest.update(name.encode() + b"\0" + (_PACKAGE / name).read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()[:16]


def load_triggers() -> dict[str, str]:
    """Context trigger words (titles, organisation/place heads, speech verbs) by core form."""
    out: dict[str, str] = {}
    for row in data_rows(TRIGGERS_FILE):
        if len(row) >= 2:
            out.setdefault(core(norm(row[0])), row[1])
    return out


@lru_cache(maxsize=1)
def load_person_names() -> dict[str, str]:
    """Personal-name words by core form: ``g`` given, ``s`` family, ``f`` other (foreign) names."""
    return {row[0]: row[1] for row in data_rows(NAMES_FILE) if len(row) >= 2}


@lru_cache(maxsize=1)
def load_word_freq() -> dict[str, tuple[float | None, float | None]]:
    """Form -> (Zipf as a normal word form, Zipf as a core form); ``None`` where not listed (rare)."""
    def zipf(x: str) -> float | None:
        return None if x == "-" else float(x)

    return {row[0]: (zipf(row[1]), zipf(row[2])) for row in data_rows(FREQ_FILE) if len(row) >= 3}


def zipf_band(z: float | None) -> str:
    """A coarse Zipf band: ``0`` not listed (below 2), half steps from 2 to 4, then ``4`` and ``5`` (5+)."""
    if z is None:
        return "0"
    if z >= 4:
        return "5" if z >= 5 else "4"
    return str(int(z * 2) / 2)


class Featurizer:
    """Turns a list of words into per-token feature string lists for python-crfsuite."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        lexicon: dict[str, str] | None = None,
        triggers: dict[str, str] | None = None,
        phrases: Gazetteer | None = None,
        external: dict[str, str] | None = None,
        seen: frozenset[str] | None = None,
    ):
        self.gazetteer = gazetteer
        self.lexicon = lexicon or {}
        self.triggers = triggers if triggers is not None else load_triggers()
        self.phrases = phrases
        self.external = external or {}
        self.names = load_person_names()
        self.freq = load_word_freq()
        self.seen = seen  # core forms of the training words (None: not known, no "unseen" features)
        self._cache: dict[str, tuple] = {}

    def _word(self, word: str) -> tuple[list[str], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], str]:
        """Cached per word type: (own features, as seen from the next token (-), from the previous
        token (+), from two after (--), from two before (++), core form)."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        n = norm(word)
        c = core(n)
        sh = _shape(n)
        pre = n[: len(n) - len(c)] if n.endswith(c) else ""
        own = [
            "w=" + n,
            "c=" + c,
            "p2=" + c[:2],
            "p3=" + c[:3],
            "s1=" + c[-1:],
            "s2=" + c[-2:],
            "s3=" + c[-3:],
            "np=" + pre,
            "sh=" + sh,
            "ln=" + str(min(len(c), 9)),
        ]
        lx = self.lexicon.get(c, "")
        if lx:
            own.append("lx=" + lx)
        ax = self.external.get(c, "")
        if ax:
            own.append("ax=" + ax)
        tg = self.triggers.get(c) or self.triggers.get(strip_conj(n), "")
        if tg:
            own.append("t=" + tg)
        if c in self.gazetteer.nationalities:
            own.append("nat")
        nm = self.names.get(c, "")
        if nm:
            own.append("nm=" + nm)
        # How common the word is in general Arabic, alone and with "unseen in training" or a listed name:
        # a rare word the training data never showed is likely a name (docs/NER.md).
        zc = zipf_band(self.freq.get(c, (None, None))[1])
        own.append("zw=" + zipf_band(self.freq.get(n, (None, None))[0]))
        own.append("zc=" + zc)
        if self.seen is not None and c not in self.seen:
            own.append("zu=" + zc)
        if nm:
            own.append("zn=" + nm + zc)
        # "nb" marks that a neighbour exists at all (a bias for non-initial/non-final tokens).
        ctx = ("w=" + n, "c=" + c, "lx=" + lx, "t=" + tg, "sh=" + sh, "nb", "np=" + pre, "nm=" + nm)
        far = ("w=" + n, "c=" + c, "t=" + tg)
        hit = (
            own,
            tuple("-" + x for x in ctx),
            tuple("+" + x for x in ctx),
            tuple("--" + x for x in far),
            tuple("++" + x for x in far),
            c,
        )
        if len(self._cache) < 500_000:
            self._cache[word] = hit
        return hit

    def core_of(self, word: str) -> str:
        """The core form of a word (from the cache)."""
        return self._word(word)[5]

    def sentence(self, words: list[str]) -> list[list[str]]:
        """Feature lists for each word of one sentence."""
        infos = [self._word(w) for w in words]
        cores = [i[5] for i in infos]
        gaz = self.gazetteer.match(cores)
        tph = self.phrases.match(cores) if self.phrases is not None else None
        n = len(words)
        out: list[list[str]] = []
        for i in range(n):
            info = infos[i]
            c = cores[i]
            f = list(info[0])
            if gaz[i]:
                f.append("g=" + gaz[i])
            if tph and tph[i]:
                f.append("tp=" + tph[i])
            if i > 0:
                f.extend(infos[i - 1][1])
                f.append("bc-=" + cores[i - 1] + "|" + c)
                if gaz[i - 1]:
                    f.append("-g=" + gaz[i - 1])
                if tph and tph[i - 1]:
                    f.append("-tp=" + tph[i - 1])
                if i > 1:
                    f.extend(infos[i - 2][3])
                    if gaz[i - 2]:
                        f.append("--g=" + gaz[i - 2])
                else:
                    f.append("BOS2")
            else:
                f.append("BOS")
            if i < n - 1:
                f.extend(infos[i + 1][2])
                f.append("bc+=" + c + "|" + cores[i + 1])
                if gaz[i + 1]:
                    f.append("+g=" + gaz[i + 1])
                if tph and tph[i + 1]:
                    f.append("+tp=" + tph[i + 1])
                if i < n - 2:
                    f.extend(infos[i + 2][4])
                    if gaz[i + 2]:
                        f.append("++g=" + gaz[i + 2])  # بنفيكا ( البرتغال ): a known place two words on
                else:
                    f.append("EOS2")
            else:
                f.append("EOS")
            out.append(f)
        return out
