"""Token and type counts, what normalization merges, and the top content words of a corpus."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache


import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis.figures import apply_style
from analysis.resources import read_words
from analysis.text import normalize, split_clitics
from analysis.wording import check_language, word


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Arabic function words (normalized), kept in ``data/stopwords_ar.txt``."""
    return frozenset(normalize(w) for w in read_words("stopwords_ar.txt"))


def is_word(token: str) -> bool:
    """True for tokens with at least one letter (not punctuation, not a number)."""
    return any(ch.isalpha() for ch in token)


def with_word_columns(toks: pd.DataFrame) -> pd.DataFrame:
    """Add ``is_word`` and ``stem`` (clitics split, normalized) to a token table (``Study.tokens``)."""
    toks = toks.copy()
    toks["is_word"] = toks["text"].map(is_word).astype(bool)
    toks["stem"] = toks["text"].map(lambda t: normalize(split_clitics(t).stem))
    return toks


def token_counts(toks: pd.DataFrame) -> pd.DataFrame:
    """Tokens and types per article and in total, before and after normalization and clitic splitting."""
    words = toks[toks["is_word"]]
    per_article = words.groupby("article_id").agg(
        tokens=("text", "size"), types=("text", "nunique"), normalized_types=("norm", "nunique"),
        stems=("stem", "nunique"),
    )
    total = pd.DataFrame(
        {"tokens": [len(words)], "types": [words["text"].nunique()],
         "normalized_types": [words["norm"].nunique()], "stems": [words["stem"].nunique()]},
        index=pd.Index(["(corpus)"], name="article_id"),
    )
    return pd.concat([per_article, total])


def normalization_merges(toks: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    """Normalized forms that unite several surface spellings (أ/ا, ى/ي, ة/ه, diacritics…)."""
    words = toks[toks["is_word"]]
    groups: dict[str, Counter] = defaultdict(Counter)
    for surface, norm in zip(words["text"], words["norm"]):
        groups[norm][surface] += 1
    rows = [
        {"normalized": norm, "spellings": " | ".join(s for s, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))),
         "n_spellings": len(c), "tokens": sum(c.values())}
        for norm, c in groups.items() if len(c) > 1
    ]
    frame = pd.DataFrame(rows, columns=["normalized", "spellings", "n_spellings", "tokens"])
    return frame.sort_values(["tokens", "normalized"], ascending=[False, True]).head(top).reset_index(drop=True)


def top_content_words(toks: pd.DataFrame, top: int = 20) -> pd.DataFrame:
    """Most frequent content words: clitics split, stop words and numbers removed.

    Counted by normalized stem; shown with the most frequent surface spelling of that stem.
    """
    stop = stopwords()
    words = toks[toks["is_word"] & ~toks["norm"].isin(stop) & ~toks["stem"].isin(stop)]
    words = words[words["stem"].str.len() > 1]
    counts = words.groupby("stem").agg(count=("text", "size"), articles=("article_id", "nunique"))
    label = words.groupby(["stem", "text"]).size().reset_index(name="n")
    label = label.sort_values(["stem", "n", "text"], ascending=[True, False, True]).drop_duplicates("stem")
    counts = counts.join(label.set_index("stem")["text"].rename("word"))
    counts = counts.reset_index().sort_values(["count", "stem"], ascending=[False, True]).head(top)
    return counts[["word", "stem", "count", "articles"]].reset_index(drop=True)


def top_words_figure(top_words: pd.DataFrame, labels: str = "ar") -> Figure:
    """Horizontal bar chart of the top content words (the words as written; title and axis in ``labels``)."""
    check_language(labels)
    apply_style()
    fig, ax = plt.subplots(figsize=(4.5, 0.22 * len(top_words) + 0.9))
    ax.barh(top_words["word"][::-1], top_words["count"][::-1], color="#4C72B0")
    ax.set_title(word("top_words_title", labels))
    ax.set_xlabel(word("occurrences", labels))
    ax.xaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    return fig
