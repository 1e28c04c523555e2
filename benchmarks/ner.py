"""NER speed on one core: the offline CRF backend (with its rules, and without them as the baseline
of the same run) vs the CAMeL BERT path (tiny random BERT).

Usage: python benchmarks/ner.py [PATH...] [--tokens 200000] [--bert-model DIR]

The articles (default: seeds/) are repeated until the text has at least ``--tokens`` tokens;
both backends tag the same documents. Without ``--bert-model`` a tiny randomly initialised BERT
(1 layer, hidden 16, the 9 CAMeL labels) is built in a temp dir: a lower bound of the
transformer path's overhead (the real CAMeLBERT is ~12 layers, hidden 768, much slower).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]


def build_tiny_bert(folder: Path, words: list[str]) -> None:
    """A 1-layer random BERT token classifier whose vocabulary holds the most frequent words."""
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    folder.mkdir(parents=True, exist_ok=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + sorted(set(words))
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=512, num_labels=9,
                        id2label=dict(enumerate(LABELS)), label2id={l: i for i, l in enumerate(LABELS)})
    BertForTokenClassification(config).save_pretrained(folder)
    BertTokenizer(str(folder / "vocab.txt"), do_lower_case=False).save_pretrained(folder)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=["seeds"], help="article files or folders")
    ap.add_argument("--tokens", type=int, default=200_000, help="minimum number of tokens to tag")
    ap.add_argument("--bert-model", default=None, help="a CAMeL NER model folder (default: a tiny random BERT)")
    ap.add_argument("--skip-bert", action="store_true", help="measure the CRF only")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    from analysis.corpus import load_corpus
    from analysis.entities.crf import load_model
    from analysis.text import tokens as word_tokens

    corpus = load_corpus(args.paths)
    texts = [" " * c.index("\n") + c[c.index("\n"):] if "\n" in c else c for c in corpus["content"]]
    per_pass = sum(len(word_tokens(t)) for t in texts)
    reps = -(-args.tokens // max(1, per_pass))
    docs = texts * reps
    n_tokens = per_pass * reps
    print(f"{len(corpus)} articles, {per_pass} tokens per pass, x{reps} = {n_tokens} tokens, one core")

    t0 = time.perf_counter()
    model = load_model()
    load_s = time.perf_counter() - t0
    for d in texts:  # warm the per-word caches once, so neither timed pass pays for them
        model.entities(d)
    t0 = time.perf_counter()
    n_plain = sum(len(model.entities(d, mend=False)) for d in docs)
    plain_s = time.perf_counter() - t0
    plain_rate = n_tokens / plain_s
    print(f"crf without rules (tagger + consistency)   tag {plain_s:.2f} s   {plain_rate:,.0f} tokens/s   {n_plain} entities")
    t0 = time.perf_counter()
    n_ents = sum(len(model.entities(d)) for d in docs)
    crf_s = time.perf_counter() - t0
    crf_rate = n_tokens / crf_s
    print(f"crf   load {load_s:.3f} s   tag {crf_s:.2f} s   {crf_rate:,.0f} tokens/s   {n_ents} entities"
          f"   (names, sites, aliases: {crf_rate / plain_rate:.2f}x the speed without them)")
    if args.skip_bert:
        return 0

    import torch

    torch.set_num_threads(1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.bert_model) if args.bert_model else Path(tmp) / "data" / "ner" / "arabert"
        if not args.bert_model:
            from collections import Counter

            counts = Counter(t.text for d in texts for t in word_tokens(d))
            build_tiny_bert(folder, [w for w, _ in counts.most_common(5000)])
        os.environ["CAMELTOOLS_DATA"] = str(folder.parents[2]) if not args.bert_model else os.environ.get("CAMELTOOLS_DATA", "")
        from analysis.entities.camel import CamelNER

        t0 = time.perf_counter()
        bert = CamelNER(folder)
        bload_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        n_b = sum(len(bert.spans(d)) for d in docs)
        bert_s = time.perf_counter() - t0
    bert_rate = n_tokens / bert_s
    print(f"bert  load {bload_s:.3f} s   tag {bert_s:.2f} s   {bert_rate:,.0f} tokens/s   {n_b} entities"
          f"{'' if args.bert_model else '  (tiny random BERT)'}")
    print(f"ratio crf/bert {crf_rate / bert_rate:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
