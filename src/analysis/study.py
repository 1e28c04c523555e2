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
from analysis.paths import review_file, study_paths
from analysis.pipeline import SCHEMAS, STAGE_NAMES, RunStats, process_corpus
from analysis.pipeline.records import complete
from analysis.review import AppliedReview, apply_review, read_review


@dataclasses.dataclass(eq=False)
class Study:
    """The corpus (one row per article, sorted by date) and each stage's frame, rows in corpus order."""

    corpus: pd.DataFrame
    tokens: pd.DataFrame
    entities: pd.DataFrame
    timexes: pd.DataFrame
    events: pd.DataFrame
    stages: tuple[str, ...] = STAGE_NAMES  # the stages that ran (a stage whose module is missing is skipped)
    #: The corpus files or folders as given (for the summary); the review table (None: ``review_file()``).
    sources: tuple[Path, ...] = ()
    review_path: Path | None = None

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
        review: str | Path | None = None,
    ) -> Study:
        """Every stage on every article of ``corpus`` (default: ``analysis.paths.default_corpus()``), once.

        ``errors="skip"`` leaves bad files out (listed in ``study.problems``); ``review`` is the
        review table applied to ``entries`` (default: ``analysis.paths.review_file()``); the other
        arguments are ``analysis.pipeline.process_corpus``'s. Raises ``CorpusError`` when no article loads.
        """
        located = study_paths(corpus=corpus, review=review)
        paths = located.corpus
        stats = stats if stats is not None else RunStats()
        articles: list[Article] = []
        frames = process_corpus(paths, stages=STAGE_NAMES, cache_dir=cache_dir, use_cache=use_cache,
                                progress=progress, workers=workers, errors=errors, stats=stats, articles=articles)
        if not articles:
            raise CorpusError(", ".join(map(str, paths)), None, "no article could be loaded")
        study = cls.from_run(articles, frames, stats.problems, stages=stats.stages, review=located.review)
        study.sources = paths
        return study

    @classmethod
    def from_run(
        cls,
        articles: Sequence[Article],
        frames: Mapping[str, pd.DataFrame],
        problems: Iterable[Problem] = (),
        stages: Sequence[str] = STAGE_NAMES,
        review: str | Path | None = None,
    ) -> Study:
        """A study from what one ``process_corpus(..., articles=articles)`` call returned (no second pass).

        ``review``: the review table for ``entries`` (default: ``analysis.paths.review_file()``).
        """
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
        return cls(corpus=corpus, stages=tuple(stages), review_path=Path(review) if review is not None else None, **out)

    @property
    def problems(self) -> pd.DataFrame:
        """What the loader refused or noted (path, line, problem, severity), as ``load_corpus`` reports it."""
        return self.corpus.attrs["problems"]

    @functools.cached_property
    def extracted_entries(self) -> pd.DataFrame:
        """The timeline entries as extracted: every article's events merged across outlets (``merge_events``)."""
        return merge_events(self.events)

    @functools.cached_property
    def review(self) -> AppliedReview:
        """The review table applied to the extracted entries (``analysis.review``): entries, dropped, orphans."""
        return apply_review(self.extracted_entries, read_review(self.review_path or review_file()))

    @property
    def entries(self) -> pd.DataFrame:
        """The timeline entries with the researcher's review applied (``analysis.review.apply_review``).

        Dropped entries are left out, corrections made; ``reviewed`` tells reviewed entries from the
        others, ``label``/``note`` carry the researcher's text. Every figure, CSV and notebook uses these.
        """
        return self.review.entries

    def summary(self) -> str:
        """One line naming the corpus: its path(s), the number of articles, the newest date, files skipped."""
        where = ", ".join(str(p) for p in self.sources) or "(articles given directly)"
        n = len(self.corpus)
        newest = f"{self.corpus['date'].max():%Y-%m-%d}" if n else "-"
        skipped = int((self.problems["severity"] == "error").sum()) if len(self.problems) else 0
        text = f"corpus {where}: {n} article{'s' if n != 1 else ''}, newest {newest}"
        return text + (f", {skipped} file(s) skipped" if skipped else "")

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
