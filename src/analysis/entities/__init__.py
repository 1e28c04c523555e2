"""Named entities (PERS, LOC, ORG, MISC) in Arabic text, offline by default.

``tag_entities(text, backend="auto")`` returns ``Entity`` records with offsets into ``text``;
``entities_frame(corpus_df)`` tags every article. Backends: ``"crf"`` (the model shipped in
``analysis/data/ner/crf``), ``"camel"`` (CAMeL Tools' BERT NER when a model is installed),
``"auto"`` (camel when installed, else crf). ``Entity.backend`` says which one ran. Span
conventions: docs/ANNOTATION.md, "Named entities".
"""

from __future__ import annotations

from analysis.entities.canonical import canonical_form, entity_column, group_canonicals, match_key
from analysis.entities.frame import entities_frame, entity_counts
from analysis.entities.record import ENTITY_TYPES, Entity
from analysis.entities.tagger import BACKENDS, resolve_backend, tag_entities

__all__ = [
    "BACKENDS",
    "ENTITY_TYPES",
    "Entity",
    "tag_entities",
    "entities_frame",
    "entity_counts",
    "resolve_backend",
    "canonical_form",
    "entity_column",
    "group_canonicals",
    "match_key",
]
