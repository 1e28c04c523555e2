"""Build notebooks/03_entities.ipynb (cells only; run it with jupyter nbconvert --execute --inplace)."""

from __future__ import annotations

from pathlib import Path

import nbformat as nbf

CELLS: list[tuple[str, str, dict]] = [
    ("md", """# 03 · Named entities

Who and where the coverage names: armies, governments, bases, officials. Every article is tagged
with `analysis.entities.tag_entities` (PERS, LOC, ORG, MISC); mentions are grouped into canonical
entities (`التحالف` → `التحالف الدولي`, `قاعدة عين الأسد` → `عين الأسد`). The default backend is
the offline CRF shipped in the package (ANERcorp + domain gold, see `docs/NER.md`); CAMeL Tools'
BERT is used instead when it is installed.""", {}),
    ("code", """# Parameters: the corpus folder(s). `make figures CORPUS=path` sets ANALYSIS_CORPUS.
import os

CORPUS = os.environ.get("ANALYSIS_CORPUS", "../seeds")
BACKEND = "auto"  # auto | crf | camel
TOP_N = 8""", {"tags": ["parameters"]}),
    ("code", """import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML

from analysis import figures
from analysis.corpus import load_corpus
from analysis.entities import entities_frame, entity_counts, resolve_backend
from analysis.entities.frame import cooccurrences, top_entities
from analysis.entities.plots import entities_html, top_entities_figure

pd.set_option("display.max_colwidth", 60)
corpus = load_corpus(CORPUS, errors="skip")
mentions = entities_frame(corpus, backend=BACKEND)
print(f"backend: {resolve_backend(BACKEND)}")
print(f"{len(corpus)} articles, {len(mentions)} entity mentions, "
      f"{mentions[['type', 'entity']].drop_duplicates().shape[0]} distinct entities")""", {}),
    ("md", """## Mentions per type""", {}),
    ("code", """mentions.groupby("type").agg(mentions=("start", "size"), entities=("entity", "nunique"))""", {}),
    ("md", """## Top canonical entities per type

`mentions` counts every occurrence (title included); `articles` is how many articles name it.""", {}),
    ("code", """top_entities(mentions, n=TOP_N)""", {}),
    ("md", """## Figure: `figures/entities_top`

Saved as PNG and SVG with the table behind it (`entities_top.csv`).""", {}),
    ("code", """fig, data = top_entities_figure(mentions, n=TOP_N)
saved = figures.save(fig, "entities_top", data=data)
print("saved:", ", ".join(sorted(p.name for p in saved.values())))
plt.close(fig)  # shown once, below
fig""", {}),
    ("md", """## Which entities appear together

Pairs of distinct entities named in the same sentence, by number of sentences.""", {}),
    ("code", """cooccurrences(mentions).head(15)""", {}),
    ("md", """## Entities per article

The canonical entities of each article with their number of mentions.""", {}),
    ("code", """per_article = entity_counts(mentions, by_article=True)
per_article.groupby("article_id").head(6)""", {}),
    ("md", """## One article with its entities

The first article of the corpus; hover a highlight to see its canonical form. Offsets are into the
file's content, so the same spans can be cited.""", {}),
    ("code", """article = corpus.iloc[0]
ents = mentions[mentions["article_id"] == article["id"]]
print(article["id"], "·", len(ents), "mentions")
HTML(entities_html(article["content"], ents.itertuples(), start=article["title_start"]))""", {}),
]


def build() -> nbf.NotebookNode:
    nb = nbf.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for kind, src, meta in CELLS:
        cell = nbf.v4.new_markdown_cell(src) if kind == "md" else nbf.v4.new_code_cell(src)
        cell.metadata.update(meta)
        nb.cells.append(cell)
    for k, cell in enumerate(nb.cells):
        cell.id = f"cell-{k:02d}"
    return nb


if __name__ == "__main__":
    out = Path(__file__).resolve().parents[1] / "03_entities.ipynb"
    nbf.write(build(), out)
    print(out)
