"""Named entities (PERS, LOC, ORG, MISC) in Arabic text, offline by default.

``tag_entities(text, backend="auto")`` returns ``Entity`` records with offsets into ``text``;
``entities_frame(corpus_df)`` tags every article. Backends: ``"crf"`` (the model shipped in
``analysis/data/ner/crf``), ``"camel"`` (CAMeL Tools' BERT NER when a model is installed),
``"auto"`` (camel when installed, else crf). ``Entity.backend`` says which one ran.
"""

from __future__ import annotations

from analysis.entities.canonical import canonical_form, group_canonicals, match_key
from analysis.entities.record import ENTITY_TYPES, Entity
from analysis.errors import AnalysisError

__all__ = [
    "ENTITY_TYPES",
    "Entity",
    "tag_entities",
    "entities_frame",
    "entity_counts",
    "resolve_backend",
    "canonical_form",
    "group_canonicals",
    "match_key",
]

BACKENDS = ("auto", "crf", "camel")


def resolve_backend(backend: str = "auto") -> str:
    """The backend that will run: ``auto`` means camel when a CAMeL NER model is installed."""
    if backend not in BACKENDS:
        raise AnalysisError(f"unknown NER backend {backend!r} (choose from {', '.join(BACKENDS)})")
    if backend == "crf":
        return "crf"
    from analysis.entities.camel import camel_model_path

    path = camel_model_path()
    if backend == "camel" and path is None:
        raise AnalysisError(
            "backend 'camel' needs a CAMeL Tools NER model (install the ner-arabert package with the camel_data tool, or set CAMELTOOLS_DATA)"
        )
    return "camel" if path is not None else "crf"


def tag_entities(text: str, backend: str = "auto", model: str | None = None) -> list[Entity]:
    """Entities in ``text`` sorted by offset; ``model`` = folder of another CRF model (crf backend)."""
    name = resolve_backend(backend)
    if not text or text.isspace():
        return []
    if name == "camel":
        from analysis.entities.camel import load_camel

        spans = load_camel().spans(text)
    else:
        from analysis.entities.crf import load_model

        spans = load_model(model).spans(text)
    out = []
    for start, end, etype in sorted(spans):
        surface = text[start:end]
        elided = start > 0 and surface.startswith("ل") and text[start - 1] == "ل" and not surface.startswith("ال")
        out.append(Entity(start, end, surface, etype, canonical_form(surface, etype, elided), name))
    return out


def entities_frame(corpus_df, backend: str = "auto", model: str | None = None):
    """Lazy import of :func:`analysis.entities.frame.entities_frame`."""
    from analysis.entities.frame import entities_frame as _ef

    return _ef(corpus_df, backend=backend, model=model)


def entity_counts(ents_df, by_article: bool = False):
    """Lazy import of :func:`analysis.entities.frame.entity_counts`."""
    from analysis.entities.frame import entity_counts as _ec

    return _ec(ents_df, by_article=by_article)
