"""The entity record every backend returns."""

from __future__ import annotations

from dataclasses import dataclass

ENTITY_TYPES = ("PERS", "LOC", "ORG", "MISC")


@dataclass(frozen=True)
class Entity:
    """One entity mention: ``text == source[start:end]``; ``canonical`` groups variants."""

    start: int
    end: int
    text: str
    type: str
    canonical: str
    backend: str
