"""A learned trigger tagger (CRF) that proposes event triggers the lexicon lacks.

The hand-written lexicon (``event_triggers.tsv``) misses whole word families that an unseen news
desk uses (docs/TIMELINE_EVAL.md, "A learned trigger tagger"). A python-crfsuite CRF, trained on
the project's annotated writer sets (``analysis train-events``), tags each sentence with BIO tags
that carry the event type. A tagged span that no lexicon form overlaps becomes a trigger with the
rule ``learned``; from then on it goes through the same modality, dating, status, place and actor
rules as a lexicon trigger (``triggers.find_sentence_triggers``), so the CRF only adds candidates.

The model lives in ``data/events/trigger_crf/`` (``model.crfsuite`` + ``meta.json``). Without it,
or with ``use_model(None)``, extraction is the rules alone.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from analysis.events import lexicon
from analysis.resources import data_path
from analysis.text import Token, split_clitics

MODEL_DIR = data_path("events/trigger_crf")
CUES = ("future_words", "past_words", "negations", "possibility")
CUE_REACH = 4  # how many tokens before/after a token a cue word may stand
LEARNED_RULE = "learned"
#: The files whose content defines the features (with ``token_features`` itself): a model trained
#: with other versions may not fit.
FEATURE_FILES = ("data/event_triggers.tsv", "data/event_cues.json", "text.py")


@dataclass
class TriggerModel:
    """An opened CRF and the smallest marginal probability a proposed span must have on every token."""

    tagger: pycrfsuite.Tagger
    min_marginal: float
    rescue: bool = True  # may a tagged span take a lexicon form whose context rule failed?


def core(norm: str) -> str:
    """A normalised word without its proclitics (و ف ب ل ك ال)."""
    return split_clitics(norm).stem


def lexicon_types(matches: Sequence[lexicon.TriggerMatch]) -> dict[int, str]:
    """Token index → the event type of the lexicon form covering it."""
    return {i: m.type for m in matches for i in range(m.first, m.last + 1)}


def token_features(toks: Sequence[Token], lex: dict[int, str], has_timex: bool) -> list[list[str]]:
    """CRF features of each token: word, core, affixes, lexicon verdicts, context cores, cue flags."""
    cores = [core(t.norm) for t in toks]
    cue_at = {cue: [lexicon.is_cue(t, cue) for t in toks] for cue in CUES}
    out = []
    for i, t in enumerate(toks):
        c = cores[i]
        f = ["bias", f"w={t.norm}", f"c={c}", f"lex={lex.get(i, '-')}", f"tx={has_timex}"]
        f += [f"p{n}={c[:n]}" for n in (2, 3, 4) if len(c) > n]
        f += [f"s{n}={c[-n:]}" for n in (2, 3, 4) if len(c) > n]
        for d in (-2, -1, 1, 2):
            j = i + d
            f.append(f"c{d}={cores[j]}" if 0 <= j < len(toks) else f"c{d}=<>")
        f.append(f"lex-1={lex.get(i - 1, '-')}")
        f.append(f"lex+1={lex.get(i + 1, '-')}")
        for cue in CUES:
            if any(cue_at[cue][max(i - CUE_REACH, 0) : i]):
                f.append(f"{cue}<")
            if any(cue_at[cue][i + 1 : i + 1 + CUE_REACH]):
                f.append(f"{cue}>")
        out.append(f)
    return out


def bio_tags(toks: Sequence[Token], triggers: Sequence[tuple[int, int, str]]) -> list[str]:
    """BIO tags with the event type for ``toks`` given trigger character spans (start, end, type)."""
    tags = ["O"] * len(toks)
    for start, end, typ in triggers:
        inside = [i for i, t in enumerate(toks) if t.start < end and start < t.end]
        for k, i in enumerate(inside):
            tags[i] = ("B-" if k == 0 else "I-") + typ
    return tags


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, last, type) token spans of a BIO tag sequence (a stray I- opens a span)."""
    spans: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        kind, typ = tag.split("-", 1)
        if kind == "I" and spans and spans[-1][1] == i - 1 and spans[-1][2] == typ:
            spans[-1] = (spans[-1][0], i, typ)
        else:
            spans.append((i, i, typ))
    return spans


def feature_hash() -> str:
    """A short hash of ``token_features``' code and ``FEATURE_FILES`` (line ends ignored): recorded at
    training, checked at loading."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256(f"{inspect.getsource(token_features)}{CUES}{CUE_REACH}".encode())
    for name in FEATURE_FILES:
        h.update(name.encode())
        h.update((root / name).read_bytes().replace(b"\r\n", b"\n"))
    return h.hexdigest()[:16]


def open_model(folder: Path) -> TriggerModel:
    """The model of ``folder`` (``model.crfsuite``, ``meta.json``); warns when the features changed since."""
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if meta.get("features") != feature_hash():
        warnings.warn(f"{folder / 'model.crfsuite'}: trained for other trigger features; retrain with "
                      "`analysis train-events` (docs/TIMELINE_EVAL.md)", stacklevel=2)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(folder / "model.crfsuite"))
    return TriggerModel(tagger, float(meta["min_marginal"]), bool(meta.get("rescue", True)))


@lru_cache(maxsize=1)
def _packaged() -> TriggerModel | None:
    return open_model(MODEL_DIR) if (MODEL_DIR / "model.crfsuite").is_file() else None


_override: list[TriggerModel | None] = []


def active_model() -> TriggerModel | None:
    """The model extraction uses: the one set by ``use_model``, else the packaged one (None: rules only)."""
    return _override[-1] if _override else _packaged()


@contextmanager
def use_model(model: TriggerModel | None) -> Iterator[None]:
    """Extract with ``model`` (None: the rules alone) inside the block, e.g. to compare the two."""
    _override.append(model)
    try:
        yield
    finally:
        _override.pop()


def tagged_spans(toks: Sequence[Token], matches: Sequence[lexicon.TriggerMatch], has_timex: bool,
                 model: TriggerModel | None = None) -> list[tuple[int, int, str]]:
    """(first, last, type) of the trigger spans the CRF tags with a marginal of at least the model's
    ``min_marginal`` on each token (``matches``: the sentence's lexicon forms, a feature); [] without a model."""
    model = model or active_model()
    if model is None or not toks:
        return []
    tagger = model.tagger
    tags = tagger.tag(token_features(toks, lexicon_types(matches), has_timex))
    return [(first, last, typ) for first, last, typ in bio_spans(tags)
            if min(tagger.marginal(tags[i], i) for i in range(first, last + 1)) >= model.min_marginal]


def as_match(toks: Sequence[Token], first: int, last: int, typ: str) -> lexicon.TriggerMatch:
    """A ``learned`` trigger match of type ``typ`` over tokens ``first..last``."""
    split = [split_clitics(toks[i].norm) for i in range(first, last + 1)]
    return lexicon.TriggerMatch(lexicon.TriggerRule(typ, LEARNED_RULE, tuple(s.stem for s in split)), first, last, split[0].prefix)


def new_matches(toks: Sequence[Token], matches: Sequence[lexicon.TriggerMatch],
                tagged: Sequence[tuple[int, int, str]]) -> list[lexicon.TriggerMatch]:
    """The ``tagged`` spans that no lexicon form in ``matches`` overlaps, as ``learned`` matches."""
    taken = {i for m in matches for i in range(m.first, m.last + 1)}
    return [as_match(toks, a, b, typ) for a, b, typ in tagged if not any(i in taken for i in range(a, b + 1))]


def learned_matches(toks: Sequence[Token], matches: Sequence[lexicon.TriggerMatch], has_timex: bool,
                    model: TriggerModel | None = None) -> list[lexicon.TriggerMatch]:
    """Trigger spans the CRF tags (``tagged_spans``) that no lexicon form in ``matches`` overlaps."""
    return new_matches(toks, matches, tagged_spans(toks, matches, has_timex, model))


def rescue(match: lexicon.TriggerMatch, tagged: Sequence[tuple[int, int, str]],
           model: TriggerModel | None = None) -> lexicon.TriggerRule | None:
    """The lexicon row to use for a form whose context rule did not hold (``القوات ... التي سحبت``: the
    subject too far for the ``troops`` rule) when the CRF tags one of its tokens with a type the lexicon
    lists for the form. The row keeps its rule name, so the later screens (weak triggers, statements) still apply."""
    model = model or active_model()
    if model is None or not model.rescue:
        return None
    hit = next((t for a, b, t in tagged if a <= match.last and match.first <= b), None)
    return next((r for r in lexicon.alternatives(match) if r.type == hit), None) if hit else None
