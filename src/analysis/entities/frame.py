"""DataFrames over a corpus: one row per entity mention, counts per entity, co-occurrences."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import pandas as pd

from analysis.corpus import articles_from_frame
from analysis.entities.canonical import entity_column
from analysis.entities.tagger import tag_entities
from analysis.pipeline.records import SCHEMAS, stage_frame

#: The columns of a mention frame: the pipeline's one schema for the entities stage.
MENTION_COLUMNS = list(SCHEMAS["entities"].columns)


def group_entities(mentions: pd.DataFrame) -> pd.DataFrame:
    """Set ``entity`` to the corpus-level grouped canonical form (``entity_column`` over every mention)."""
    mentions = mentions.copy()
    if len(mentions):
        mentions["entity"] = entity_column(mentions)
    return mentions


def entities_frame(corpus_df: pd.DataFrame, backend: str = "auto", model: str | None = None) -> pd.DataFrame:
    """Tag every article of a corpus DataFrame (``analysis.corpus.load_corpus``).

    Offsets are into each article's content (tagging runs on ``analysis_text``, so the header
    line yields nothing). ``sentence`` is the index of the sentence holding the mention
    (``analysis.text.sentences``); ``entity`` is the corpus-level grouped canonical form. The
    columns are the cached pipeline's, so this frame equals the one ``analysis.study.Study`` reads.
    """
    tagged = ((a, tag_entities(a.analysis_text, backend=backend, model=model)) for a in articles_from_frame(corpus_df))
    return group_entities(stage_frame("entities", tagged))


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
