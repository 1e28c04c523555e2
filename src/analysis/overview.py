"""What a corpus holds: articles per month and per source, as tables and one figure."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis.figures import apply_style
from analysis.wording import check_language, word


def corpus_table(corpus: pd.DataFrame) -> pd.DataFrame:
    """One line per article: date, source, title, size in characters (the corpus at a glance)."""
    table = corpus[["id", "date", "source", "title"]].copy()
    table["date"] = table["date"].dt.date
    table["chars"] = corpus["content"].str.len()
    return table.reset_index(drop=True)


def articles_per_month(corpus: pd.DataFrame) -> pd.DataFrame:
    """Article counts per calendar month (``YYYY-MM``), months without articles included."""
    months = corpus["date"].dt.to_period("M")
    counts = months.value_counts().sort_index()
    full = pd.period_range(months.min(), months.max(), freq="M")
    counts = counts.reindex(full, fill_value=0)
    return pd.DataFrame({"month": counts.index.astype(str), "articles": counts.to_numpy()})


def articles_per_source(corpus: pd.DataFrame) -> pd.DataFrame:
    """Article counts per outlet (domain), most first, ties by name."""
    counts = corpus.groupby("source").size().reset_index(name="articles")
    return counts.sort_values(["articles", "source"], ascending=[False, True]).reset_index(drop=True)


def corpus_overview_figure(corpus: pd.DataFrame, labels: str = "ar") -> tuple[Figure, pd.DataFrame]:
    """Two panels: articles per year (all months summed) and per source, every word in ``labels``; returns the table too."""
    check_language(labels)
    apply_style()
    per_source = articles_per_source(corpus)
    years = corpus["date"].dt.year
    per_year = years.value_counts().reindex(range(years.min(), years.max() + 1), fill_value=0)
    fig, (ax_time, ax_src) = plt.subplots(
        1, 2, figsize=(7.0, max(2.4, 0.22 * len(per_source) + 0.8)), width_ratios=[1.3, 1]
    )
    ax_time.bar(per_year.index.astype(str), per_year.to_numpy(), color="#4C72B0")
    ax_time.set_title(word("year_title", labels))
    ax_time.set_ylabel(word("articles", labels))
    ax_time.tick_params(axis="x", rotation=90)
    ax_time.yaxis.get_major_locator().set_params(integer=True)
    ax_src.barh(per_source["source"][::-1], per_source["articles"][::-1], color="#55A868")
    ax_src.set_title(word("source_title", labels))
    ax_src.set_xlabel(word("articles", labels))
    ax_src.xaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    data = pd.concat(
        [
            pd.DataFrame({"panel": "year", "key": per_year.index.astype(str), "articles": per_year.to_numpy()}),
            pd.DataFrame({"panel": "source", "key": per_source["source"], "articles": per_source["articles"]}),
        ],
        ignore_index=True,
    )
    return fig, data
