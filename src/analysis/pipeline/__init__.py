"""Run the per-article stages (tokens, entities, timexes, events) over a corpus, cached and incremental.

Three modules:

- ``stages``: the stage registry, one ``Stage`` record per stage (function, schema, version inputs);
- ``records``: one column schema per stage and the conversions records → Arrow (the cache) → DataFrame;
- ``runner``: the run loop (``process_corpus``, ``iter_processed``), batches, workers, the cache.

``analysis.study.Study`` is what the notebooks, the CLI and the report read: built once from
``process_corpus``, it holds the corpus and every stage's frame.
"""

from __future__ import annotations

from analysis.pipeline.records import KEY_COLUMNS, SCHEMAS, Schema, records_columns, records_table, stage_frame
from analysis.pipeline.runner import RunStats, default_workers, iter_processed, process_corpus
from analysis.pipeline.stages import STAGE_NAMES, STAGES, Stage, available_stages, files_digest, stage_version

__all__ = [
    "KEY_COLUMNS", "SCHEMAS", "STAGES", "STAGE_NAMES", "RunStats", "Schema", "Stage", "available_stages",
    "default_workers", "files_digest", "iter_processed", "process_corpus", "records_columns", "records_table",
    "stage_frame", "stage_version",
]  # fmt: skip
