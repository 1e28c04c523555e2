"""DataFrames over a corpus: one row per entity mention, counts per entity, co-occurrences."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from itertools import combinations

import pandas as pd

from analysis.corpus import articles_from_frame
from analysis.entities.canonical import entity_column
from analysis.entities.tagger import tag_entities
from analysis.text import sentences

MENTION_COLUMNS = [
    "article_id", "path", "date", "sentence", "start", "end", "text", "type", "canonical", "entity", "backend",
]  # fmt: skip


def _sentence_starts(text: str) -> list[int]:
    return [s.start for s in sentences(text)]


def entities_frame(corpus_df: pd.DataFrame, backend: str = "auto", model: str | None = None) -> pd.DataFrame:
    """Tag every article of a corpus DataFrame (``analysis.corpus.load_corpus``).

    Offsets are into each article's content (tagging runs on ``analysis_text``, so the header
    line yields nothing). ``sentence`` is the index of the sentence holding the mention
    (``analysis.text.sentences``); ``entity`` is the corpus-level grouped canonical form.
    """
    rows = []
    for art in articles_from_frame(corpus_df):
        text = art.analysis_text
        starts = _sentence_starts(text)
        for e in tag_entities(text, backend=backend, model=model):
            rows.append(
                {
                    "article_id": art.id, "path": art.path, "date": art.date,
                    "sentence": max(0, bisect_right(starts, e.start) - 1),
                    "start": e.start, "end": e.end, "text": e.text, "type": e.type,
                    "canonical": e.canonical, "entity": e.canonical, "backend": e.backend,
                }
            )  # fmt: skip
    df = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    if len(df):
        df["entity"] = entity_column(df)
        df["date"] = pd.to_datetime(df["date"])
    return df


def entity_counts(mentions: pd.DataFrame, by_article: bool = False) -> pd.DataFrame:
    """Mentions per grouped entity: corpus-wide (with the number of articles) or per article."""
    if by_article:
        out = mentions.groupby(["article_id", "type", "entity"]).size().rename("mentions").reset_index()
        return out.sort_values(["article_id", "mentions", "type", "entity"], ascending=[True, False, True, True], ignore_index=True)
    out = (
        mentions.groupby(["type", "entity"])
        .agg(mentions=("start", "size"), articles=("article_id", "nunique"))
        .reset_index()
    )
    return out.sort_values(["mentions", "articles", "type", "entity"], ascending=[False, False, True, True], ignore_index=True)


def top_entities(mentions: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The ``n`` most mentioned entities of each type (ties broken alphabetically)."""
    counts = entity_counts(mentions)
    parts = [counts[counts["type"] == t].head(n) for t in ("ORG", "LOC", "PERS", "MISC")]
    parts = [p for p in parts if len(p)]
    if not parts:
        return counts.iloc[0:0]
    return pd.concat(parts, ignore_index=True)


def cooccurrences(mentions: pd.DataFrame, min_count: int = 1) -> pd.DataFrame:
    """Pairs of distinct entities named in the same sentence: number of sentences, sorted."""
    pairs: Counter = Counter()
    for _, grp in mentions.groupby(["article_id", "sentence"], sort=True):
        ents = sorted(set(zip(grp["entity"], grp["type"])))
        for a, b in combinations(ents, 2):
            pairs[(a, b)] += 1
    rows = [
        {"entity_a": a[0], "type_a": a[1], "entity_b": b[0], "type_b": b[1], "sentences": k}
        for (a, b), k in pairs.items()
        if k >= min_count
    ]
    df = pd.DataFrame(rows, columns=["entity_a", "type_a", "entity_b", "type_b", "sentences"])
    return df.sort_values(["sentences", "entity_a", "entity_b"], ascending=[False, True, True], ignore_index=True)
