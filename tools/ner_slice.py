"""Score NER training variants on the tuning slice of ANERcorp's train split (never the test).

The model is trained on 85% of the train split's sentences (plus the training gold articles and
any extra data), and scored on the other 15% with the CoNLL evaluation (conlleval exact,
consistency pass, 25-sentence documents). ``--slice end`` (default) holds out the last 15%,
``--slice start`` the first 15% (a second slice, to tell a real gain from noise). Usage:
    python tools/ner_slice.py --anercorp-train FILE [--slice start|end] --gold DIR --corpus PATH... [train-ner options]
Prints the per-type table and a last line ``slice micro-F1 0.xxx``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from analysis.entities.conll import read_conll
from analysis.evaluation.ner_eval import run_conll

SLICE = 0.85


def write_conll(path: Path, sents) -> None:
    """Sentences as ``token TAG`` lines."""
    with open(path, "w", encoding="utf-8") as fh:
        for words, tags in sents:
            fh.writelines(f"{w} {t}\n" for w, t in zip(words, tags))
            fh.write("\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--anercorp-train", required=True)
    ap.add_argument("--keep", default=None, help="keep the trained model in this folder")
    ap.add_argument("--slice", choices=("start", "end"), default="end", help="which 15%% is held out")
    ap.add_argument("--dump", default=None, help="also write the held-out and training sentences into this folder")
    ap.add_argument("--extra-train", nargs="*", default=[], help="more CoNLL training files")
    args, rest = ap.parse_known_args(argv)
    sents = read_conll(args.anercorp_train)
    if args.slice == "end":
        cut = int(len(sents) * SLICE)
        train, dev = sents[:cut], sents[cut:]
    else:
        cut = len(sents) - int(len(sents) * SLICE)
        train, dev = sents[cut:], sents[:cut]
    from analysis.cli import main as cli

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_conll(tmp / "slice_train.txt", train)
        write_conll(tmp / "slice_dev.txt", dev)
        if args.dump:
            Path(args.dump).mkdir(parents=True, exist_ok=True)
            write_conll(Path(args.dump) / "slice_train.txt", train)
            write_conll(Path(args.dump) / "slice_dev.txt", dev)
        out = Path(args.keep) if args.keep else tmp / "model"
        code = cli(["train-ner", "--train", str(tmp / "slice_train.txt"), *args.extra_train, "--out", str(out), *rest])
        if code:
            return code
        scores = run_conll(tmp / "slice_dev.txt", "crf", str(out))
    print(f"slice micro-F1 {scores['micro'].f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
