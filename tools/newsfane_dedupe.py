"""NewsFANE Gold 2014 as extra NER training data: classes mapped, sentences found in ANERcorp removed.

NewsFANE (Alotaibi & Lee 2014, CC BY-SA 3.0) is newswire with 45 fine-grained classes. Its text
overlaps ANERcorp, so every sentence that also occurs in a reference CoNLL file (ANERcorp's test
and train splits: tokens only, labels are never read) is removed before the rest is written as
a CoNLL file with our four types (``tools/data/newsfane_classes.tsv``). A sentence occurs in a
reference when, after normalization (``analysis.entities.normalize.norm``, punctuation dropped,
a lone و/ف joined to the next word as ANERcorp writes it):
  - exact: its token sequence equals a reference sentence's;
  - near: >= 80% of its tokens lie in token 4-grams of the reference;
  - retokenized: >= 50% of its 12-letter shingles (spaces removed) occur in the reference
    (NewsFANE splits suffixes, ``مسيرت ه``, where ANERcorp writes ``مسيرته``);
  - run: it lies between two removed sentences, at most ``RUN_GAP`` sentences apart.

Usage: python tools/newsfane_dedupe.py NEWSFANE.txt --against TEST.txt TRAIN.txt --out FILE
Prints what was removed against each reference file, in order, and what is left.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from analysis.entities.normalize import norm

CLASSES = Path(__file__).resolve().parent / "data" / "newsfane_classes.tsv"
NGRAM = 4
NEAR = 0.8
SHINGLE = 12
RETOKENIZED = 0.5
RUN_GAP = 5
_NONWORD = re.compile(r"\W")

Sentence = list[tuple[str, str]]


def read_classes(path: Path = CLASSES) -> dict[str, str]:
    """Fine-grained class -> PERS/LOC/ORG/MISC or O."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cls, typ = line.split("\t")[:2]
            out[cls] = typ
    return out


def read_tokens(path: Path) -> list[Sentence]:
    """``token<TAB>TAG`` sentences of a CoNLL file; BOM, CRLF and U+200E/U+200F marks removed."""
    text = path.read_text(encoding="utf-8-sig").replace("\u200e", "").replace("\u200f", "")
    sents: list[Sentence] = []
    cur: Sentence = []
    for line in text.splitlines():
        parts = line.split()
        if not parts:
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append((parts[0], parts[-1] if len(parts) > 1 else "O"))
    if cur:
        sents.append(cur)
    return sents


def keys(words: list[str]) -> list[str]:
    """Normalized tokens without punctuation, a lone و/ف joined to the next word."""
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("و", "ف") and i + 1 < len(words):
            w, i = w + words[i + 1], i + 1
        k = _NONWORD.sub("", norm(w))
        if k:
            out.append(k)
        i += 1
    return out


def shingles(chars: str) -> list[str]:
    """Overlapping character windows of ``SHINGLE`` letters (the whole string when shorter)."""
    if len(chars) <= SHINGLE:
        return [chars] if chars else []
    return [chars[k : k + SHINGLE] for k in range(len(chars) - SHINGLE + 1)]


class Reference:
    """The token text of a reference CoNLL file, indexed for matching (labels are not kept)."""

    def __init__(self, path: Path):
        sents = [keys([w for w, _ in s]) for s in read_tokens(path)]
        self.path = path
        self.exact = {tuple(k) for k in sents if k}
        stream = [k for s in sents for k in s]
        self.grams = {tuple(stream[i : i + NGRAM]) for i in range(len(stream) - NGRAM + 1)}
        chars = "".join(stream)
        self.chars = {hash(chars[k : k + SHINGLE]) for k in range(len(chars) - SHINGLE + 1)}
        self.short = chars  # for shingles shorter than SHINGLE

    def match(self, ks: list[str]) -> str:
        """How a sentence (its keys) occurs here: 'exact', 'near', 'retokenized' or ''."""
        if not ks:
            return ""
        if tuple(ks) in self.exact:
            return "exact"
        hit = [False] * len(ks)
        for i in range(len(ks) - NGRAM + 1):
            if tuple(ks[i : i + NGRAM]) in self.grams:
                hit[i : i + NGRAM] = [True] * NGRAM
        if sum(hit) >= NEAR * len(ks):
            return "near"
        chars = "".join(ks)
        sh = shingles(chars)
        if len(chars) < SHINGLE:
            found = sum(chars in self.short for _ in sh)
        else:
            found = sum(hash(s) in self.chars for s in sh)
        return "retokenized" if found >= RETOKENIZED * len(sh) else ""


def dedupe(sents: list[Sentence], refs: list[Reference], log=print) -> list[bool]:
    """Keep flags: a sentence is dropped when it occurs in any reference (or lies in a run of them)."""
    keep = [True] * len(sents)
    all_keys = [keys([w for w, _ in s]) for s in sents]
    for ref in refs:
        how = ["" if keep[i] is False else ref.match(k) for i, k in enumerate(all_keys)]
        removed = [i for i, h in enumerate(how) if h]
        for a, b in zip(removed, removed[1:]):
            if 1 < b - a <= RUN_GAP + 1:
                for i in range(a + 1, b):
                    if keep[i] and not how[i]:
                        how[i] = "run"
        counts = {k: 0 for k in ("exact", "near", "retokenized", "run")}
        toks = dict(counts)
        for i, h in enumerate(how):
            if h and keep[i]:
                counts[h] += 1
                toks[h] += len(sents[i])
                keep[i] = False
        total = sum(counts.values())
        log(f"against {ref.path.name}: removed {total} sentences ({sum(toks.values())} tokens): "
            + ", ".join(f"{k} {counts[k]} ({toks[k]} tokens)" for k in counts))
    return keep


def map_tags(sent: Sentence, classes: dict[str, str]) -> tuple[list[str], list[str]]:
    """Words and IOB2 tags in our types; a lone و/ف is joined to the next word (ANERcorp's tokens)."""
    words: list[str] = []
    tags: list[str] = []
    i = 0
    while i < len(sent):
        w, t = sent[i]
        if w in ("و", "ف") and i + 1 < len(sent):
            i += 1
            w, t = w + sent[i][0], sent[i][1]
        typ = classes.get(t[2:], "MISC") if t[:2] in ("B-", "I-") else "O"
        tag = "O" if typ == "O" else f"{t[:2]}{typ}"
        if tag.startswith("I-") and (not tags or tags[-1] == "O" or tags[-1][2:] != typ):
            tag = "B-" + typ
        words.append(w)
        tags.append(tag)
        i += 1
    return words, tags


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("newsfane", type=Path)
    ap.add_argument("--against", nargs="+", type=Path, required=True, help="reference CoNLL files (tokens only)")
    ap.add_argument("--out", type=Path, required=True, help="CoNLL file of the sentences kept")
    args = ap.parse_args(argv)
    classes = read_classes()
    sents = read_tokens(args.newsfane)
    unknown = sorted({t[2:] for s in sents for _, t in s if t != "O"} - set(classes))
    if unknown:
        print(f"{args.newsfane}: classes not in {CLASSES.name}: {', '.join(unknown)}", file=sys.stderr)
        return 2
    print(f"{args.newsfane.name}: {len(sents)} sentences, {sum(map(len, sents))} tokens")
    keep = dedupe(sents, [Reference(p) for p in args.against])
    kept = [map_tags(s, classes) for s, k in zip(sents, keep) if k]
    tmp = args.out.with_suffix(args.out.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for words, tags in kept:
            fh.writelines(f"{w} {t}\n" for w, t in zip(words, tags))
            fh.write("\n")
    tmp.replace(args.out)
    n_ent = sum(t.startswith("B-") for _, tags in kept for t in tags)
    print(f"kept {len(kept)} sentences, {sum(len(w) for w, _ in kept)} tokens, {n_ent} entities -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
