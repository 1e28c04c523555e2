"""CRF features for one sentence of tokens.

Each distinct word's own features are computed once and cached (words repeat a lot); a token's
feature list is its own features plus short, prefixed copies of its neighbours' (window ±2).
Feature strings are kept short because the tagger's speed depends on them.
"""

from __future__ import annotations

from analysis.entities.gazetteer import Gazetteer, _data_lines
from analysis.entities.normalize import core, norm, strip_conj

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


def load_triggers() -> dict[str, str]:
    """Context trigger words (titles, organisation/place heads, speech verbs) by core form."""
    out: dict[str, str] = {}
    for row in _data_lines("triggers.tsv"):
        if len(row) >= 2:
            out.setdefault(core(norm(row[0])), row[1])
    return out


class Featurizer:
    """Turns a list of words into per-token feature string lists for python-crfsuite."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        lexicon: dict[str, str] | None = None,
        triggers: dict[str, str] | None = None,
        clusters: dict[str, str] | None = None,
        phrases: Gazetteer | None = None,
        external: dict[str, str] | None = None,
    ):
        self.gazetteer = gazetteer
        self.lexicon = lexicon or {}
        self.triggers = triggers if triggers is not None else load_triggers()
        self.clusters = clusters or {}
        self.phrases = phrases
        self.external = external or {}
        self._cache: dict[str, tuple[list[str], tuple[str, ...], str]] = {}

    def _word(self, word: str) -> tuple[list[str], tuple[str, ...], str]:
        """(own features, features shared with neighbours, core form) of one word, cached."""
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
        cl = self.clusters.get(c, "")
        if cl:
            own.append("k=" + cl)
            own.append("k4=" + cl[:4])
        if c in self.gazetteer.nationalities:
            own.append("nat")
        ctx = ("w=" + n, "c=" + c, "lx=" + lx, "t=" + tg, "sh=" + sh, "k=" + cl[:6], "np=" + pre)
        hit = (own, ctx, c)
        if len(self._cache) < 500_000:
            self._cache[word] = hit
        return hit

    def sentence(self, words: list[str]) -> list[list[str]]:
        """Feature lists for each word of one sentence."""
        infos = [self._word(w) for w in words]
        cores = [i[2] for i in infos]
        gaz = self.gazetteer.match(cores)
        tph = self.phrases.match(cores) if self.phrases is not None else [""] * len(cores)
        n = len(words)
        out: list[list[str]] = []
        for i in range(n):
            own, ctx, c = infos[i]
            f = list(own)
            if gaz[i]:
                f.append("g=" + gaz[i])
            if tph[i]:
                f.append("tp=" + tph[i])
            if i > 0:
                p = infos[i - 1][1]
                f.extend(("-" + p[0], "-" + p[1], "-" + p[2], "-" + p[3], "-" + p[4], "-" + p[5], "-" + p[6]))
                f.append("bc-=" + cores[i - 1] + "|" + c)
                if gaz[i - 1]:
                    f.append("-g=" + gaz[i - 1])
                if tph[i - 1]:
                    f.append("-tp=" + tph[i - 1])
                if i > 1:
                    pp = infos[i - 2][1]
                    f.extend(("--" + pp[0], "--" + pp[1], "--" + pp[3]))
                else:
                    f.append("BOS2")
            else:
                f.append("BOS")
            if i < n - 1:
                q = infos[i + 1][1]
                f.extend(("+" + q[0], "+" + q[1], "+" + q[2], "+" + q[3], "+" + q[4], "+" + q[5], "+" + q[6]))
                f.append("bc+=" + c + "|" + cores[i + 1])
                if gaz[i + 1]:
                    f.append("+g=" + gaz[i + 1])
                if tph[i + 1]:
                    f.append("+tp=" + tph[i + 1])
                if i < n - 2:
                    qq = infos[i + 2][1]
                    f.extend(("++" + qq[0], "++" + qq[1], "++" + qq[3]))
                else:
                    f.append("EOS2")
            else:
                f.append("EOS")
            out.append(f)
        return out
