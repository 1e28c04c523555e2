"""The CAMeL Tools BERT backend (``camel_tools.ner.NERecognizer``), used when a model is installed.

The model is looked for under the CAMeL data folder (``$CAMELTOOLS_DATA`` or ``~/.camel_tools``)
at ``data/ner/<name>`` (default ``arabert``, or the catalogue's default). Nothing is downloaded:
``analysis.camel_offline`` supplies a local catalogue before ``camel_tools.ner`` is imported.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from analysis.camel_offline import import_camel, user_data_dir
from analysis.entities.clitics import proclitic_length
from analysis.entities.crf import default_model_dir
from analysis.entities.spans import bio_spans, sentence_ranges
from analysis.errors import AnalysisError
from analysis.resources import read_table
from analysis.text import tokens


def _catalogue_ner_path(folder: Path) -> Path | None:
    cat = folder / "catalogue.json"
    try:
        comp = json.loads(cat.read_text(encoding="utf-8"))["components"]["NamedEntityRecognition"]
        return folder / "data" / comp["datasets"][comp["default"]]["path"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def camel_model_path() -> Path | None:
    """Folder of an installed CAMeL NER model (has config.json), or None."""
    candidates = []
    for folder in (user_data_dir(), Path.home() / ".camel_tools"):
        p = _catalogue_ner_path(folder)
        if p is not None:
            candidates.append(p)
        candidates.append(folder / "data" / "ner" / "arabert")
    for p in candidates:
        if (p / "config.json").is_file():
            return p
    return None


class CamelNER:
    """Wraps ``NERecognizer``: words -> IOB tags, text -> character spans."""

    def __init__(self, model_path: Path):
        ner = import_camel("camel_tools.ner")
        try:  # no "Loading weights" progress bar in notebooks and logs
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
        except ImportError:  # pragma: no cover
            pass
        try:
            self.recognizer = ner.NERecognizer(str(model_path), use_gpu=False)
        except Exception as err:  # a broken or partial model folder
            raise AnalysisError(f"{model_path}: cannot load CAMeL NER model: {err}") from err
        self.model_path = model_path
        known = default_model_dir() / "known.tsv"
        self.known = {k: int(v) for k, v in read_table(known).items()} if known.is_file() else {}

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        """IOB tags per sentence. Words the BERT tokenizer maps to nothing get ``O``."""
        tok = self.recognizer.tokenizer
        kept = [[w for w in words if tok.tokenize(w)] for words in sentences]
        nonempty = [k for k, ws in enumerate(kept) if ws]
        preds = self.recognizer.predict([kept[k] for k in nonempty]) if nonempty else []
        by_sent = dict(zip(nonempty, preds))
        out = []
        for k, words in enumerate(sentences):
            labels = iter(by_sent.get(k, []))
            tags = []
            for w in words:
                tags.append(next(labels, "O") if tok.tokenize(w) else "O")
            out.append(tags)
        return out

    def tag_words(self, words: list[str]) -> list[str]:
        """IOB tags for one sentence."""
        return self.tag_sentences([words])[0] if words else []

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, TYPE) character spans, proclitics outside."""
        toks = tokens(text)
        ranges = sentence_ranges(toks, text)
        tagged = self.tag_sentences([[t.text for t in toks[i:j]] for i, j in ranges])
        out = []
        for (i, j), tags in zip(ranges, tagged):
            sent = toks[i:j]
            for s, e, typ in bio_spans(tags):
                start = sent[s].start + proclitic_length(sent[s].text, self.known)
                if start < sent[e - 1].end:
                    out.append((start, sent[e - 1].end, typ))
        return out


@lru_cache(maxsize=2)
def _load(path: str) -> CamelNER:
    return CamelNER(Path(path))


def load_camel() -> CamelNER:
    """The installed CAMeL NER model (loaded once); AnalysisError when none is installed."""
    path = camel_model_path()
    if path is None:
        raise AnalysisError("no CAMeL Tools NER model installed (install the ner-arabert package with the camel_data tool)")
    return _load(str(path))
