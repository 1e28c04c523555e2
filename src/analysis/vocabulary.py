"""Token and type counts, what normalization merges, and the top content words of a corpus.

Words are counted on *terms*: the token's stem (proclitics و ف ب ل ك ال split off by
``analysis.text.split_clitics``, then CAMeL-style orthographic normalization by
``analysis.text.normalize``: أ/إ/آ → ا, ى → ي, ة → ه, ک → ك, no diacritics, tatweel or invisible
marks; ``COUNT_GROUPS``), with the spelling
variants of ``data/ner/variants.tsv`` unified (الأميركية and الأمريكية count as one). Known
multiword names stay whole: the names in ``data/multiword_names.txt`` (عين الأسد, الولايات المتحدة…)
and, when entity mentions are given, every person or place name of more than one token.

Inflection is not merged: العراقي and العراقية, قاعدة and قواعد stay apart. Merging them is
lemmatization, which needs a morphological analyzer and its database (CAMeL's is a download);
the counts here are of spellings and clitics only, and say so.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.figures import apply_style
from analysis.resources import read_rows, read_words
from analysis.text import normalize, split_clitics
from analysis.wording import check_language, word

#: Entity types whose multi-token mentions are counted as one term (names of people and places;
#: organisation mentions are often descriptions such as القوات الأمريكية, whose words count apart).
NAME_TYPES = ("PERS", "LOC")
ARTICLE = "ال"
#: Normalization groups (``data/arabic_normalization.tsv``) switched on for counting, beyond the defaults.
COUNT_GROUPS = {"persian": True, "marks": True, "bidi_marks": True, "invisible": True, "invisible_more": True}


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Arabic function words (normalized), kept in ``data/stopwords_ar.txt``."""
    return frozenset(normalize(w) for w in read_words("stopwords_ar.txt"))


@lru_cache(maxsize=1)
def spelling_variants() -> dict[tuple[bool, str], str]:
    """(has the article, stem) of a variant spelling → stem of the preferred one, from ``data/ner/variants.tsv``.

    One table serves the entity names and the counts. A variant listed with the article
    (``الأميركية``) also matches without it (``أميركية``: the same adjective, indefinite); one listed
    without it (``سورية``, the country) does not match with it: ``السورية`` is the adjective "Syrian",
    not a spelling of سوريا.
    """
    out: dict[tuple[bool, str], str] = {}
    for row in read_rows("ner/variants.tsv"):
        if len(row) < 2:
            continue
        definite, variant = article_and_stem(row[0].strip())
        preferred = article_and_stem(row[1].strip())[1]
        if variant != preferred:
            out[(definite, variant)] = preferred
            if definite:
                out.setdefault((False, variant), preferred)
    return out


@lru_cache(maxsize=200_000)
def article_and_stem(word: str) -> tuple[bool, str]:
    """Whether the word carries the article, and its normalized stem (``bare_stem``)."""
    return ARTICLE in split_clitics(word).proclitics, bare_stem(word)


@lru_cache(maxsize=200_000)
def bare_stem(word: str) -> str:
    """The word without proclitics, normalized (before spelling variants are unified).

    Besides the default groups (alef, alef maksura, ta marbuta, diacritics, tatweel), Persian
    letters (ک ی), other combining marks and invisible characters are normalized (``COUNT_GROUPS``).
    """
    return normalize(split_clitics(word).stem, **COUNT_GROUPS)


@lru_cache(maxsize=200_000)
def word_stem(word: str) -> str:
    """The counting key of one word: its normalized stem, a variant spelling mapped to the preferred one."""
    key = article_and_stem(word)
    return spelling_variants().get(key, key[1])


@lru_cache(maxsize=200_000)
def display_form(word: str) -> str | None:
    """The word as a label: without و ف ب ل ك before it, the article kept (``وللقوات`` → ``القوات``).

    None for a word whose only proclitics are a conjunction or preposition (``وقاعدة``): the split
    may be wrong (``كامب`` is not ك + امب), so the caller prefers another spelling of the term.
    """
    clitics = split_clitics(word)
    if not clitics.proclitics or clitics.proclitics == (ARTICLE,):
        return word
    if clitics.proclitics[-1] == ARTICLE:  # وللقوات, بالقاعدة: the article stays, written in full
        return ARTICLE + clitics.stem
    return None


@lru_cache(maxsize=1)
def multiword_names() -> dict[tuple[str, ...], str]:
    """Known multiword names (``data/multiword_names.txt``): the stems of their words → the name as written."""
    return {tuple(word_stem(w) for w in name.split()): name for name in read_words("multiword_names.txt")}


def is_word(token: str) -> bool:
    """True for tokens with at least one letter (not punctuation, not a number)."""
    return any(ch.isalpha() for ch in token)


def with_word_columns(toks: pd.DataFrame, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add the counting columns to a token table (``Study.tokens``); ``mentions``: ``Study.entities``.

    ``is_word``; ``stem`` (clitics split, normalized, variant spellings unified); ``term``, the key
    words are counted by: the stem, or for the first token of a multiword name the name's key
    (its words' stems) and for its other tokens None; ``term_text``, the term's surface (the
    name's tokens for a name); ``term_name``, the name as listed (or as the entity) for a name, else None.
    """
    toks = toks.copy()
    toks["is_word"] = toks["text"].map(is_word).astype(bool)
    toks["stem"] = toks["text"].map(word_stem)
    terms, texts, names = list(toks["stem"]), list(toks["text"]), [None] * len(toks)
    spans = _name_spans(mentions)
    starts, ends = toks["start"].to_numpy(), toks["end"].to_numpy()
    for article, positions in toks.groupby("article_id", sort=False).indices.items():
        taken = _mark_listed_names(list(positions), terms, texts, names)
        for start, end, name in spans.get(str(article), ()):
            lo, hi = np.searchsorted(starts[positions], start), np.searchsorted(ends[positions], end, side="right")
            inside = list(range(lo, hi))
            if len(inside) > 1 and not any(k in taken for k in inside):
                key = " ".join(word_stem(w) for w in name.split())
                _unite([positions[k] for k in inside], key, name, terms, texts, names)
                taken.update(inside)
    toks["term"], toks["term_text"], toks["term_name"] = terms, texts, names
    return toks


def _name_spans(mentions: pd.DataFrame | None) -> dict[str, list[tuple[int, int, str]]]:
    """Per article, the (start, end, name) of person and place mentions of more than one word."""
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    if mentions is None or not len(mentions):
        return out
    name_column = "entity" if "entity" in mentions.columns else "canonical"
    for row in mentions[mentions["type"].isin(NAME_TYPES)].itertuples(index=False):
        name = getattr(row, name_column)
        if isinstance(name, str) and len(name.split()) > 1 and len(str(row.text).split()) > 1:
            out[str(row.article_id)].append((int(row.start), int(row.end), name))
    return out


def _mark_listed_names(positions: list[int], terms: list, texts: list, names_out: list) -> set[int]:
    """Unite the listed multiword names of one article's tokens (longest match); returns the indexes taken."""
    names = multiword_names()
    firsts = {key[0] for key in names}
    longest = max((len(k) for k in names), default=0)
    stems = [terms[p] for p in positions]
    taken: set[int] = set()
    i = 0
    while i < len(positions):
        if stems[i] in firsts:
            for n in range(min(longest, len(positions) - i), 1, -1):
                name = names.get(tuple(stems[i : i + n]))
                if name is not None:
                    _unite(positions[i : i + n], " ".join(stems[i : i + n]), name, terms, texts, names_out)
                    taken.update(range(i, i + n))
                    i += n - 1
                    break
        i += 1
    return taken


def _unite(positions: list[int], key: str, name: str, terms: list, texts: list, names: list) -> None:
    """The first token of a name carries the name's key, surface and name; the others are not counted."""
    first = positions[0]
    terms[first], texts[first], names[first] = key, " ".join(texts[p] for p in positions), name
    for p in positions[1:]:
        terms[p] = None


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
    """Most frequent content terms (``with_word_columns``): stop words, numbers and one-letter stems left out.

    ``word`` is the label (a listed name as written, else the most frequent spelling without a
    conjunction or preposition), ``stem`` the counting key, ``spellings`` the surface forms counted
    together (most frequent first).
    """
    stop = stopwords()
    words = toks[toks["is_word"] & toks["term"].notna()]
    words = words[~words["norm"].isin(stop) & ~words["stem"].isin(stop) & (words["term"].str.len() > 1)]
    spellings: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, Counter] = defaultdict(Counter)
    for term, text, name in zip(words["term"], words["term_text"], words["term_name"]):
        spellings[term][text] += 1
        labels[term][name if isinstance(name, str) else display_form(text)] += 1
    counts = words.groupby("term").agg(count=("text", "size"), articles=("article_id", "nunique"))
    counts = counts.reset_index().sort_values(["count", "term"], ascending=[False, True]).head(top)
    counts["word"] = [_best(labels[t], spellings[t]) for t in counts["term"]]
    counts["spellings"] = [" | ".join(s for s, _ in _ranked(spellings[t])) for t in counts["term"]]
    counts = counts.rename(columns={"term": "stem"})
    return counts[["word", "stem", "count", "articles", "spellings"]].reset_index(drop=True)


def _ranked(counter: Counter) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def _best(labels: Counter, spellings: Counter) -> str:
    """The most frequent label that needed no clitic dropped, else the most frequent spelling."""
    usable = Counter({k: v for k, v in labels.items() if k is not None})
    return _ranked(usable)[0][0] if usable else _ranked(spellings)[0][0]


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
