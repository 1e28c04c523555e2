"""Recall on the tuning slice of names seen and unseen in its training part, per type (never the test).

An entity is "unseen" when the core form of every one of its words is absent from the slice's
training sentences. Tagging is the CoNLL evaluation's (25-sentence documents, consistency pass,
ANERcorp conventions), matching is exact. Usage, after
``tools/ner_slice.py ... --keep MODEL --dump DIR``:
    python tools/ner_unseen.py MODEL DIR [--misses TYPE]
``--misses TYPE`` also prints the unseen names of that type that were not found, with context.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from analysis.entities.conll import read_conll
from analysis.entities.crf import CRFModel
from analysis.entities.normalize import core, norm
from analysis.entities.spans import bio_spans

DOC = 25


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model")
    ap.add_argument("dump", help="folder with slice_train.txt and slice_dev.txt (ner_slice.py --dump)")
    ap.add_argument("--misses", default=None)
    args = ap.parse_args(argv)
    model = CRFModel(Path(args.model))
    train = read_conll(Path(args.dump) / "slice_train.txt")
    dev = read_conll(Path(args.dump) / "slice_dev.txt")
    seen = {core(norm(w)) for words, _ in train for w in words}
    total: Counter = Counter()
    found: Counter = Counter()
    for k in range(0, len(dev), DOC):
        doc = dev[k : k + DOC]
        for (words, gold), pred in zip(doc, model.tag_document([w for w, _ in doc])):
            predicted = set(bio_spans(pred))
            for s, e, typ in bio_spans(gold):
                key = (typ, "unseen" if all(core(norm(w)) not in seen for w in words[s:e]) else "seen")
                hit = (s, e, typ) in predicted
                total[key] += 1
                found[key] += hit
                if not hit and key == (args.misses, "unseen"):
                    print("missed", " ".join(words[s:e]), "|", " ".join(words[max(0, s - 3) : e + 2]))
    for key in sorted(total):
        print(f"{key[0]:5} {key[1]:7} {total[key]:5} recall {found[key] / total[key]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
