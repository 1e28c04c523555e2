"""The study: a corpus and every stage's results, read once from the cached pipeline.

``Study.load(corpus)`` runs every stage on every article in one pass (``analysis.pipeline``:
cached results are read back, only new or changed articles are computed) and holds the corpus
frame and one frame per stage, each with that stage's schema (``analysis.pipeline.SCHEMAS``).
The notebooks, ``analysis figures``, ``analysis run`` and the report (``analysis.report``) all
draw from a ``Study``; offsets are into the article files (docs/ANNOTATION.md, "Common ground").
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from analysis.corpus import Article, Problem, corpus_frame
from analysis.entities.frame import group_entities
from analysis.errors import CorpusError
from analysis.events import merge_events
from analysis.paths import study_paths
from analysis.pipeline import SCHEMAS, STAGE_NAMES, RunStats, process_corpus
from analysis.pipeline.records import complete


@dataclasses.dataclass(eq=False)
class Study:
    """The corpus (one row per article, sorted by date) and each stage's frame, rows in corpus order."""

    corpus: pd.DataFrame
    tokens: pd.DataFrame
    entities: pd.DataFrame
    timexes: pd.DataFrame
    events: pd.DataFrame
    stages: tuple[str, ...] = STAGE_NAMES  # the stages that ran (a stage whose module is missing is skipped)

    @classmethod
    def load(
        cls,
        corpus: str | Path | Iterable[str | Path] | None = None,
        *,
        cache_dir: str | Path | None = None,
        use_cache: bool = True,
        errors: Literal["raise", "skip"] = "raise",
        workers: int = 1,
        progress: bool | None = None,
        stats: RunStats | None = None,
    ) -> Study:
        """Every stage on every article of ``corpus`` (default: ``analysis.paths.default_corpus()``), once.

        ``errors="skip"`` leaves bad files out (listed in ``study.problems``); the other arguments
        are ``analysis.pipeline.process_corpus``'s. Raises ``CorpusError`` when no article loads.
        """
        paths = study_paths(corpus=corpus).corpus
        stats = stats if stats is not None else RunStats()
        articles: list[Article] = []
        frames = process_corpus(paths, stages=STAGE_NAMES, cache_dir=cache_dir, use_cache=use_cache,
                                progress=progress, workers=workers, errors=errors, stats=stats, articles=articles)
        if not articles:
            raise CorpusError(", ".join(map(str, paths)), None, "no article could be loaded")
        return cls.from_run(articles, frames, stats.problems, stages=stats.stages)

    @classmethod
    def from_run(
        cls,
        articles: Sequence[Article],
        frames: Mapping[str, pd.DataFrame],
        problems: Iterable[Problem] = (),
        stages: Sequence[str] = STAGE_NAMES,
    ) -> Study:
        """A study from what one ``process_corpus(..., articles=articles)`` call returned (no second pass)."""
        corpus = corpus_frame(articles, problems)
        by_path = {a.path: a for a in articles}
        position = {path: i for i, path in enumerate(corpus["path"])}
        out = {}
        for name in STAGE_NAMES:
            frame = frames.get(name)
            if frame is None:  # the stage did not run
                out[name] = pd.DataFrame(columns=list(SCHEMAS[name].columns))
                continue
            frame = complete(name, in_corpus_order(frame, position), by_path)
            out[name] = group_entities(frame) if name == "entities" else frame
        return cls(corpus=corpus, stages=tuple(stages), **out)

    @property
    def problems(self) -> pd.DataFrame:
        """What the loader refused or noted (path, line, problem, severity), as ``load_corpus`` reports it."""
        return self.corpus.attrs["problems"]

    @functools.cached_property
    def entries(self) -> pd.DataFrame:
        """The timeline entries: every article's events merged across outlets (``analysis.events.merge_events``)."""
        return merge_events(self.events)

    def frame(self, stage: str) -> pd.DataFrame:
        """The frame of ``stage`` (one of ``analysis.pipeline.STAGE_NAMES``)."""
        if stage not in STAGE_NAMES:
            raise KeyError(f"unknown stage {stage!r}: choose from {', '.join(STAGE_NAMES)}")
        return getattr(self, stage)


def in_corpus_order(frame: pd.DataFrame, position: Mapping[str, int]) -> pd.DataFrame:
    """The rows of ``frame`` by their article's position (``path`` → index), each article's rows in order."""
    if frame.empty:
        return frame
    rows = np.argsort(frame["path"].map(position).to_numpy(), kind="stable")
    return frame.iloc[rows].reset_index(drop=True)
