"""The CAMeL BERT backend, for real, with a tiny randomly initialised model built in a temp dir.

It checks the offline catalogue, model discovery, loading through ``camel_tools.ner`` and the
alignment of word labels back to character offsets; not accuracy. Runs in a subprocess so the
CAMeL data folder is fixed before ``camel_tools.data`` is imported, with sockets disabled.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]
WORDS = ["قال", "وزير", "الدفاع", "في", "بغداد", "واشنطن", "العراق", "التحالف", "الدولي", "إن", "القوات"]


def build_tiny_bert(folder: Path) -> None:
    """A 1-layer BERT token classifier with the 9 CAMeL labels, random weights (seed 0)."""
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    folder.mkdir(parents=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", "،", *WORDS, *"ابتثجحخدذرزسشصضطظعغفقكلمنهوية"]
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=512, num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)), label2id={l: i for i, l in enumerate(LABELS)},
    )
    BertForTokenClassification(config).save_pretrained(folder)
    BertTokenizer(str(folder / "vocab.txt"), do_lower_case=False).save_pretrained(folder)


SCRIPT = textwrap.dedent(
    """
    import json, socket, sys
    def _no_net(*a, **k):
        raise OSError("network access attempted")
    socket.socket.connect = _no_net
    socket.create_connection = _no_net
    from analysis.entities import resolve_backend, tag_entities
    from analysis.entities.camel import load_camel
    text = sys.argv[1]
    ents = tag_entities(text, backend="auto")
    words = ["قال", "وزير", "x", "\\u200b", "بغداد"]
    tags = load_camel().tag_words(words)
    long_sentence = " ".join(["بغداد"] * 600)
    long_tags = load_camel().tag_words(long_sentence.split())
    print(json.dumps({"auto": resolve_backend("auto"),
                      "ents": [[e.start, e.end, e.text, e.type, e.backend] for e in ents],
                      "tags": tags, "long": len(long_tags)}, ensure_ascii=False))
    """
)


@pytest.mark.slow
def test_camel_backend_with_tiny_bert(tmp_path):
    pytest.importorskip("transformers")
    data = tmp_path / "camel_data"
    build_tiny_bert(data / "data" / "ner" / "arabert")
    env = dict(os.environ, CAMELTOOLS_DATA=str(data), HOME=str(tmp_path / "home"), HF_HUB_OFFLINE="1")
    text = " date 2024-01-01 http://x\n\nقال وزير الدفاع في بغداد إن القوات ستغادر العراق.\n\nوواشنطن والتحالف الدولي."
    header = text.index("\n")
    analysed = " " * header + text[header:]  # what the pipeline tags: the header line blanked
    proc = subprocess.run([sys.executable, "-c", SCRIPT, analysed], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["auto"] == "camel"
    assert (data / "catalogue.json").is_file()  # the local catalogue, written before import
    assert len(out["tags"]) == 5 and all(t in LABELS for t in out["tags"])
    assert out["long"] == 600  # sentences longer than BERT's window are chunked, labels realigned
    for start, end, surface, etype, backend in out["ents"]:
        assert text[start:end] == surface and backend == "camel" and etype in {"PERS", "LOC", "ORG", "MISC"}
        assert start > header
        assert not surface.startswith("وو")
