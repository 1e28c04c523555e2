"""Train the learned trigger tagger (``events.learned``) on annotated event sets.

A set is a folder of gold event files (``NNN.json``, docs/ANNOTATION.md "Events") with the articles
they describe, beside them or in other folders. Each sentence becomes a training sequence: the
runtime features of ``learned.token_features`` and BIO tags with the event type on the gold trigger
tokens. The run is deterministic (sets, files and sentences in a fixed order; L-BFGS), so a rerun
gives the committed model byte for byte.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pycrfsuite

from analysis.corpus import Article, load_article
from analysis.errors import AnalysisError
from analysis.events import learned, lexicon
from analysis.events.extract import sentence_tokens
from analysis.gold import article_paths_by_name, read_gold_folder
from analysis.timex import find_timexes

Sequence_ = tuple[list[list[str]], list[str]]


@dataclass
class TriggerTrainConfig:
    """Training options, all recorded in ``meta.json``."""

    c1: float = 0.1
    c2: float = 0.05
    max_iterations: int = 80
    min_marginal: float = 0.5
    rescue: bool = True  # tagged spans may take lexicon forms whose context rule failed (``learned.rescue``)


@dataclass(frozen=True)
class EventSet:
    """An annotated set: its gold folder and the folders or files holding its articles."""

    gold: Path
    corpus: tuple[Path, ...]

    @classmethod
    def parse(cls, spec: str) -> "EventSet":
        """``GOLD_DIR`` (articles beside the gold) or ``GOLD_DIR=CORPUS[,CORPUS...]``."""
        gold, _, corpora = spec.partition("=")
        return cls(Path(gold), tuple(Path(c) for c in corpora.split(",")) if corpora else (Path(gold),))


def article_sequences(text: str, dct: str | None, triggers: Sequence[tuple[int, int, str]]) -> list[Sequence_]:
    """Features and gold tags of every sentence of one article, as extraction sees them."""
    timexes = find_timexes(text, dct)
    out = []
    for sent, toks in sentence_tokens(text):
        if not toks:
            continue
        has_timex = any(sent.start <= x.start and x.end <= sent.end for x in timexes)
        lex = learned.lexicon_types(lexicon.find_triggers(toks))
        out.append((learned.token_features(toks, lex, has_timex), learned.bio_tags(toks, triggers)))
    return out


def set_documents(event_set: EventSet) -> list[tuple[Path, dict[str, Any], Article]]:
    """The gold documents of one set that name one of its articles (in name order), with their path and article."""
    index = article_paths_by_name(event_set.corpus)
    out = [(path, gold, load_article(index[Path(gold.get("file", "")).name]))
           for path, gold in read_gold_folder(event_set.gold) if Path(gold.get("file", "")).name in index]
    if not out:
        raise AnalysisError(f"{event_set.gold}: no gold file names an article of {', '.join(map(str, event_set.corpus))}")
    return out


def set_sequences(event_set: EventSet) -> list[Sequence_]:
    """The training sequences of one annotated set (gold files in name order)."""
    out: list[Sequence_] = []
    for path, gold, article in set_documents(event_set):
        events = gold.get("events", [])
        try:
            triggers = [(e["trigger"]["start"], e["trigger"]["end"], e["type"]) for e in events]
        except (KeyError, TypeError) as err:
            raise AnalysisError(f"{path}: an event without trigger start/end or type ({err})") from None
        out += article_sequences(article.analysis_text, gold.get("dct") or article.date, triggers)
    return out


def train_sequences(seqs: Sequence[Sequence_], model_path: Path, config: TriggerTrainConfig) -> None:
    """Train a CRF on ``seqs`` and save it at ``model_path``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, tags in seqs:
        trainer.append(feats, tags)
    trainer.set_params({"c1": config.c1, "c2": config.c2, "max_iterations": config.max_iterations,
                        "feature.possible_transitions": True})
    trainer.train(str(model_path))


def train_trigger_model(sets: Sequence[EventSet], out: Path, config: TriggerTrainConfig | None = None) -> Path:
    """Train on ``sets`` and write ``out/model.crfsuite`` and ``out/meta.json`` (all or nothing)."""
    config = config or TriggerTrainConfig()
    seqs = [s for event_set in sets for s in set_sequences(event_set)]
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".trigger_crf.", dir=out.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; the model folder is package data
    try:
        train_sequences(seqs, tmp / "model.crfsuite", config)
        meta = {"features": learned.feature_hash(), **asdict(config),
                "sets": [s.gold.name for s in sets], "sentences": len(seqs)}
        (tmp / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return out
