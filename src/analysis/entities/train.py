"""Train the offline CRF: ANERcorp-style CoNLL files plus domain gold (span JSON over articles).

Reproducible: the data order is fixed, L-BFGS is deterministic, lexicon features for the training
data are computed out-of-fold (jackknife, ``folds`` parts) so the model does not learn to trust a
lexicon that has seen the very sentence it tags.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

import pycrfsuite

from analysis.corpus import load_article
from analysis.entities.conll import read_conll, read_conll_any
from analysis.entities.features import Featurizer, featurizer_hash
from analysis.entities.gazetteer import Gazetteer, data_rows
from analysis.entities.lexicon import build_lexicon, build_phrases, common_words, entity_initial_counts
from analysis.entities.normalize import core, norm
from analysis.entities.spans import char_spans_to_tags, sentence_ranges
from analysis.errors import AnalysisError
from analysis.gold import article_paths_by_name, read_gold_folder
from analysis.resources import write_table
from analysis.text import tokens

Sentence = tuple[list[str], list[str]]

#: Dev-gold articles held out from training to measure the domain adaptation (docs/NER.md).
HELD_OUT = ("004", "013", "022", "031", "040", "049")


@dataclass
class TrainConfig:
    """Training options (all recorded in the model's meta.json)."""

    c1: float = 0.05
    c2: float = 0.01
    max_iterations: int = 150
    folds: int = 5
    domain_weight: int = 3
    seed: int = 13
    min_freq: int = 1
    jackknife: bool = True
    lexicon_files: list = field(default_factory=list)  # CoNLL files used only as a name lexicon
    phrases: bool = False  # train-phrase gazetteer features (no gain on the tuning slice)
    extra: dict = field(default_factory=dict)


def gold_sentences(gold_dir: Path, corpus: list[Path], exclude: set[str] = frozenset()) -> list[tuple[str, list[Sentence]]]:
    """Domain gold converted to token tags: [(gold file stem, sentences)] sorted by stem."""
    index = article_paths_by_name(corpus)
    out = []
    for gpath, gold in read_gold_folder(gold_dir):
        if gpath.stem in exclude:
            continue
        name = Path(gold["file"]).name
        if name not in index:
            raise AnalysisError(f"{gpath}: article {name} not found in {', '.join(map(str, corpus))}")
        text = load_article(index[name]).analysis_text
        spans = [(e["start"], e["end"], e["type"]) for e in gold["entities"]]
        toks = tokens(text)
        tags = char_spans_to_tags(toks, spans)
        sents = [([t.text for t in toks[i:j]], tags[i:j]) for i, j in sentence_ranges(toks, text)]
        out.append((gpath.stem, sents))
    return out


def vocabulary(sentences: list[Sentence]) -> frozenset[str]:
    """The core forms of the training words (a word outside it is "unseen" for the features)."""
    return frozenset(core(norm(w)) for words, _ in sentences for w in words)


def _gazetteer_first_words() -> list[str]:
    return [row[0].split()[0] for row in data_rows("gazetteer.tsv") if row and row[0].split()]


def train_model(
    conll_files: list[Path],
    out_dir: Path,
    gold_dir: Path | None = None,
    corpus: list[Path] = (),
    exclude: set[str] = frozenset(),
    config: TrainConfig | None = None,
    log=print,
) -> dict:
    """Train and write a model folder; returns its meta dict."""
    cfg = config or TrainConfig()
    random.seed(cfg.seed)
    base: list[Sentence] = []
    for f in conll_files:
        base.extend(read_conll(f))
    domain = gold_sentences(gold_dir, list(map(Path, corpus)), set(exclude)) if gold_dir else []
    if not base and not domain:
        raise AnalysisError("no training sentences")

    # Fold ids: contiguous blocks of the CoNLL data (documents stay together), articles round-robin.
    items: list[tuple[int, Sentence, int]] = []  # (fold, sentence, weight)
    block = max(1, -(-len(base) // cfg.folds))
    for k, s in enumerate(base):
        items.append((k // block, s, 1))
    for k, (_, sents) in enumerate(domain):
        for s in sents:
            items.append((k % cfg.folds, s, cfg.domain_weight))
    all_sents = [s for _, s, _ in items]

    gaz = Gazetteer.load()
    external: dict[str, str] = {}
    for f in cfg.lexicon_files:
        external.update(build_lexicon(read_conll_any(f)))
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(
        {
            "c1": cfg.c1,
            "c2": cfg.c2,
            "max_iterations": cfg.max_iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": cfg.min_freq,
        }
    )
    n_items = 0
    for fold in range(cfg.folds):
        others = [s for f, s, _ in items if f != fold or not cfg.jackknife]
        phrases = Gazetteer(build_phrases(others), gaz.nationalities) if cfg.phrases else None
        feat = Featurizer(gaz, lexicon=build_lexicon(others), phrases=phrases, external=external, seen=vocabulary(others))
        for f, (words, tags), weight in items:
            if f != fold or not words:
                continue
            xseq = feat.sentence(words)
            for _ in range(weight):
                trainer.append(xseq, tags)
                n_items += 1
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out_dir / "model.crfsuite"))
    write_table(out_dir / "lexicon.tsv", build_lexicon(all_sents))
    write_table(out_dir / "known.tsv", entity_initial_counts(all_sents, _gazetteer_first_words()))
    phrases = build_phrases(all_sents) if cfg.phrases else {}
    write_table(out_dir / "phrases.tsv", {" ".join(k): v for k, v in phrases.items()})
    write_table(out_dir / "common.tsv", {w: 1 for w in common_words(all_sents)})
    write_table(out_dir / "external.tsv", external)
    write_table(out_dir / "vocab.tsv", dict.fromkeys(vocabulary(all_sents), 1))
    meta = {
        "backend": "crf",
        "featurizer": featurizer_hash(),
        "train_files": [Path(f).name for f in conll_files],
        "gold_articles": [stem for stem, _ in domain],
        "lexicon_files": [Path(f).name for f in cfg.lexicon_files],
        "held_out": sorted(exclude),
        "sentences": len(all_sents),
        "sequences_with_weights": n_items,
        "tokens": sum(len(w) for w, _ in all_sents),
        "config": {k: v for k, v in cfg.__dict__.items() if k != "lexicon_files"},
    }
    (out_dir / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    log(f"trained on {meta['sentences']} sentences ({meta['tokens']} tokens) -> {out_dir}")
    return meta
