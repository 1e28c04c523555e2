"""Moved to ``analysis.gold`` (shared by evaluation and NER training); re-exported for old imports."""

from __future__ import annotations

from analysis.gold import article_paths_by_name, read_gold_folder

__all__ = ["article_paths_by_name", "read_gold_folder"]
