"""The offline backend: a CRF (python-crfsuite) trained on ANERcorp + the domain gold.

A model is a folder: ``model.crfsuite`` (weights), ``lexicon.tsv`` (word -> dominant tag, from the
training data), ``known.tsv`` (entity-initial word counts, for proclitic stripping), ``vocab.tsv``
(the core forms of the training words, for the "unseen" features), ``meta.json``
(training data and settings, and the ``featurizer`` hash: a model trained with other feature code
or data is refused, see ``analysis.entities.features``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from analysis.entities.clitics import bare_proclitic_length, letters_offset, proclitic_length
from analysis.entities.features import Featurizer, featurizer_hash
from analysis.entities.gazetteer import DATA_DIR, Gazetteer, default_gazetteer
from analysis.entities.normalize import norm
from analysis.entities.rules import EntityRules, TaggedDocument
from analysis.entities.sites import default_site_heads
from analysis.entities.spans import bio_spans, sentence_ranges
from analysis.errors import AnalysisError
from analysis.resources import read_table
from analysis.text import tokens

MODEL_FILES = ("model.crfsuite", "lexicon.tsv", "known.tsv", "phrases.tsv", "common.tsv", "external.tsv", "vocab.tsv",
               "meta.json")
MAX_SENTENCE_TOKENS = 400  # longer runs (a 100k-character line) are tagged in windows


def default_model_dir() -> Path:
    """Folder of the model shipped inside the package."""
    return DATA_DIR / "crf"


def check_featurizer(model_dir: Path, meta: dict) -> None:
    """Refuse a model trained with other feature code or data than this package's (one line)."""
    trained, current = meta.get("featurizer"), featurizer_hash()
    if trained != current:
        raise AnalysisError(
            f"{model_dir / 'model.crfsuite'}: trained with other NER features (featurizer {trained or 'not recorded'}, "
            f"this code {current}): retrain it with `analysis train-ner` (docs/NER.md)"
        )


class CRFModel:
    """A loaded CRF tagger with its lexicons; ``spans(text)`` gives character spans."""

    def __init__(self, model_dir: Path):
        model_dir = Path(model_dir)
        missing = [f for f in MODEL_FILES if not (model_dir / f).is_file()]
        if missing:
            raise AnalysisError(f"{model_dir}: not a NER model folder (missing {', '.join(missing)})")
        self.model_dir = model_dir
        self.meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
        check_featurizer(model_dir, self.meta)
        self.tagger = pycrfsuite.Tagger()
        try:
            self.tagger.open(str(model_dir / "model.crfsuite"))
        except (OSError, ValueError) as err:
            raise AnalysisError(f"{model_dir}: cannot open model.crfsuite: {err}") from err
        self.known = {k: int(v) for k, v in read_table(model_dir / "known.tsv").items()}
        gaz = default_gazetteer()
        phrases = {tuple(k.split(" ")): v for k, v in read_table(model_dir / "phrases.tsv").items()}
        self.featurizer = Featurizer(
            gaz,
            lexicon=read_table(model_dir / "lexicon.tsv"),
            phrases=Gazetteer(phrases, gaz.nationalities) if phrases else None,
            external=read_table(model_dir / "external.tsv"),
            seen=frozenset(read_table(model_dir / "vocab.tsv")),
        )
        self.common = frozenset(read_table(model_dir / "common.tsv"))
        self.rules = EntityRules(self.common)

    def tag_words(self, words: list[str]) -> list[str]:
        """IOB2 tags for one sentence of words."""
        if not words:
            return []
        return self.tagger.tag(self.featurizer.sentence(words))

    def analyse(self, sentences: list[list[str]], consistency: bool = True, articles: bool = True,
                mend: bool = True) -> TaggedDocument:
        """Tags for the sentences of one document after the rules (``analysis.entities.rules``);
        ``articles=False`` leaves out the rules that follow ANNOTATION.md where ANERcorp differs."""
        tags = [self.tag_words(words) for words in sentences]
        core_of = self.featurizer.core_of
        cores = [[core_of(w) for w in words] for words in sentences]
        return self.rules.apply(sentences, cores, tags, articles=articles, consistency=consistency, mend=mend)

    def tag_document(self, sentences: list[list[str]], consistency: bool = True) -> list[list[str]]:
        """IOB tags for the sentences of one document, ANERcorp's conventions (CoNLL evaluation)."""
        return self.analyse(sentences, consistency, articles=False).tags

    def entities(self, text: str, consistency: bool = True, mend: bool = True) -> list[tuple[int, int, str, str | None]]:
        """(start, end, TYPE, long form or None) character spans in ``text``, proclitics left outside.

        The long form is set for a mention linked to it by an alias (``analysis.entities.aliases``).
        """
        toks = tokens(text)
        out: list[tuple[int, int, str, str | None]] = []
        sents = []
        for i, j in sentence_ranges(toks, text):
            for a in range(i, j, MAX_SENTENCE_TOKENS):
                sents.append(toks[a : min(j, a + MAX_SENTENCE_TOKENS)])
        doc = self.analyse([[t.text for t in sent] for sent in sents], consistency, mend=mend)
        heads = default_site_heads()
        alias_words = self.rules.aliases.table.first_words | {norm(sents[si][s].text) for si, s, _ in doc.links}
        for si, (sent, tags) in enumerate(zip(sents, doc.tags)):
            for s, e, typ in bio_spans(tags):
                first = sent[s]
                link = doc.links.get((si, s, e))
                if (si, s) in doc.site_heads:
                    skip = letters_offset(first.text, heads.head(first.text)[0])
                elif (si, s) in doc.org_heads:
                    skip = letters_offset(first.text, doc.org_heads[(si, s)])
                else:
                    skip = proclitic_length(first.text, self.known)
                    bare = bare_proclitic_length(first.text) if link is not None and not skip else 0
                    if bare and norm(first.text[bare:]) in alias_words:
                        skip = bare  # وسنتكوم → سنتكوم
                start = first.start + skip
                end = sent[e - 1].end
                if start < end:
                    out.append((start, end, typ, link))
        return out

    def spans(self, text: str, consistency: bool = True) -> list[tuple[int, int, str]]:
        """(start, end, TYPE) character spans in ``text``, proclitics left outside."""
        return [(s, e, t) for s, e, t, _ in self.entities(text, consistency)]


@lru_cache(maxsize=4)
def load_model(model_dir: str | None = None) -> CRFModel:
    """Load (once) the CRF model at ``model_dir``, default: the shipped model."""
    return CRFModel(Path(model_dir) if model_dir else default_model_dir())
