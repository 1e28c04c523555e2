"""``tag_entities``: the entities of one text from the chosen backend, as ``Entity`` records."""

from __future__ import annotations

from analysis.entities.camel import camel_model_path, load_camel
from analysis.entities.canonical import canonical_form
from analysis.entities.crf import load_model
from analysis.entities.record import Entity
from analysis.errors import AnalysisError

BACKENDS = ("auto", "crf", "camel")


def resolve_backend(backend: str = "auto") -> str:
    """The backend that will run: ``auto`` means camel when a CAMeL NER model is installed."""
    if backend not in BACKENDS:
        raise AnalysisError(f"unknown NER backend {backend!r} (choose from {', '.join(BACKENDS)})")
    if backend == "crf":
        return "crf"
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
        found = [(s, e, t, None) for s, e, t in load_camel().spans(text)]
    else:
        found = load_model(model).entities(text)
    out = []
    for start, end, etype, long_form in sorted(found, key=lambda x: x[:3]):
        surface = text[start:end]
        elided = start > 0 and surface.startswith("ل") and text[start - 1] == "ل" and not surface.startswith("ال")
        canonical = canonical_form(long_form or surface, etype, elided and not long_form)
        out.append(Entity(start, end, surface, etype, canonical, name))
    return out
