"""The stage registry: one record per per-article stage (tokens, entities, timexes, events).

A ``Stage`` names the function that computes it, how that function is called on an article, the
earlier stages whose records it reuses, its frame schema (``analysis.pipeline.records.SCHEMAS``)
and what its cached results depend on (its *version*: a hash of the code that computes it, of the
package data it reads, and of the NER backend in use). A stage whose function cannot be imported is
skipped with a warning (``available_stages``); that is why functions are named, not imported here.
To add a stage: one ``Stage`` in ``STAGES`` (in pipeline order), its schema in ``SCHEMAS`` and its
frame as a field of ``analysis.study.Study``.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib
import importlib.util
import warnings
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from analysis import __version__
from analysis.corpus import Article
from analysis.errors import AnalysisError
from analysis.pipeline.records import SCHEMAS, Schema
from analysis.resources import DATA_DIR

#: The package folder: file names in a version are relative to it.
PACKAGE = Path(__file__).resolve().parents[1]


def text_of(article: Article) -> tuple[Any, ...]:
    """Arguments of a stage run on the analysed text (offsets into the file, header blanked)."""
    return (article.analysis_text,)


def text_and_date_of(article: Article) -> tuple[Any, ...]:
    """Arguments of a stage run on the analysed text and the article's date (timexes resolve against it)."""
    return (article.analysis_text, article.date)


def article_of(article: Article) -> tuple[Any, ...]:
    """Arguments of a stage run on the whole ``Article`` (events need its date, path and title)."""
    return (article,)


@dataclasses.dataclass(frozen=True)
class Stage:
    """One per-article stage: its function, its frame schema, and the code and data its results depend on."""

    name: str
    module: str  # the module that must import for the stage to run
    function: str  # ... and the function it must offer
    arguments: Callable[[Article], tuple[Any, ...]]  # the function's positional arguments for an article
    code: tuple[str, ...]  # modules (or packages) whose source is part of the version
    data: bool  # whether the package data folder (lexicons, model) is part of the version
    after: tuple[str, ...] = ()  # earlier stages whose records are passed as keyword arguments of that name
    uses_ner: bool = False  # results depend on the NER backend in use (CRF, or an installed CAMeL model)

    @property
    def schema(self) -> Schema:
        """The columns of this stage's frames."""
        return SCHEMAS[self.name]

    def resolve(self) -> Callable[..., list]:
        """The stage's function (raises ImportError/AttributeError when it is not available)."""
        return getattr(importlib.import_module(self.module), self.function)

    def run(self, article: Article, earlier: Mapping[str, list]) -> list:
        """The stage's records for one article, reusing the records of ``after`` stages computed already."""
        reuse = {name: earlier[name] for name in self.after if name in earlier}
        return self.resolve()(*self.arguments(article), **reuse)


#: Every stage, in pipeline order (a stage comes after the stages it reuses).
STAGES: dict[str, Stage] = {
    "tokens": Stage(
        "tokens", "analysis.text", "tokens", text_of, ("analysis.text", "analysis.resources", "analysis.corpus"),
        data=True,  # Token.norm reads the normalization table (data/arabic_normalization.tsv)
    ),  # fmt: skip
    "entities": Stage(
        "entities", "analysis.entities", "tag_entities", text_of,
        ("analysis.entities", "analysis.text", "analysis.resources", "analysis.corpus"), data=True, uses_ner=True,
    ),  # fmt: skip
    "timexes": Stage(
        "timexes", "analysis.timex", "find_timexes", text_and_date_of,
        ("analysis.timex", "analysis.text", "analysis.resources", "analysis.corpus"), data=True,
    ),  # fmt: skip
    "events": Stage(
        "events", "analysis.events", "extract_events", article_of,
        ("analysis.events", "analysis.timex", "analysis.entities", "analysis.text", "analysis.resources", "analysis.corpus"),
        data=True, after=("entities", "timexes"), uses_ner=True,
    ),  # fmt: skip
}
STAGE_NAMES = tuple(STAGES)


# ---------------------------------------------------------------------------------------------
# Versions


@functools.lru_cache(maxsize=None)
def _module_files(module: str) -> tuple[Path, ...]:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return ()
    origin = Path(spec.origin)
    if spec.submodule_search_locations:  # a package: every .py file under it
        return tuple(sorted(p for d in spec.submodule_search_locations for p in Path(d).rglob("*.py")))
    return (origin,)


def _data_files() -> tuple[Path, ...]:
    return tuple(sorted(p for p in DATA_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts))


@functools.lru_cache(maxsize=None)
def stage_version(name: str) -> str:
    """A short hash of everything the stage's results depend on (code, data, package version)."""
    stage = STAGES[name]
    files = [f for m in stage.code for f in _module_files(m)] + (list(_data_files()) if stage.data else [])
    salt = f"{name}\0{__version__}" + (f"\0{ner_backend_key()}" if stage.uses_ner else "")
    return files_digest(salt, files)


def ner_backend_key() -> str:
    """Which NER backend ``tag_entities(backend="auto")`` runs, and which installed model (if CAMeL)."""
    try:
        backend = importlib.import_module("analysis.entities").resolve_backend("auto")
        if backend != "camel":
            return backend
        path = importlib.import_module("analysis.entities.camel").camel_model_path()
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path else []
        return "camel:" + ";".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in files)
    except Exception as err:  # noqa: BLE001 - a broken backend must not stop the other stages
        return f"unavailable:{type(err).__name__}"


def files_digest(salt: str, files: Iterable[Path]) -> str:
    """Hash of ``salt`` and the names (relative to the package) and bytes of ``files``."""
    digest = hashlib.sha256(salt.encode() + b"\0")
    for path in sorted(set(files)):
        try:
            rel = path.resolve().relative_to(PACKAGE)
        except ValueError:
            rel = Path(path.name)
        digest.update(str(rel).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def available_stages(stages: Iterable[str] = STAGE_NAMES) -> list[str]:
    """The requested stages whose function imports, in pipeline order; the others are skipped with a warning."""
    requested = list(stages)
    for name in requested:
        if name not in STAGES:
            raise AnalysisError(f"unknown stage {name!r}: choose from {', '.join(STAGE_NAMES)}")
    ok = []
    for name in STAGE_NAMES:
        if name not in requested:
            continue
        stage = STAGES[name]
        try:
            stage.resolve()
        except (ImportError, AttributeError) as err:
            warnings.warn(f"stage {name!r} skipped: {stage.module}.{stage.function} is not available ({err})",
                          stacklevel=2)
            continue
        ok.append(name)
    return ok
