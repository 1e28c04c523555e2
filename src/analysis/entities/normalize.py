"""The entity stage's word forms: ``analysis.text`` normalization and clitic splitting, entity switches.

NER features, gazetteer keys, lexicons and canonical match keys all compare words in these
forms, so they must not change between training and tagging (this file is part of the NER
model's featurizer hash, see ``analysis.entities.features``).
"""

from __future__ import annotations

from functools import lru_cache

from analysis.text import char_table, split_clitics

#: Normalization groups on top of ``normalize``'s defaults (``data/arabic_normalization.tsv``):
#: ؤ/ئ → و/ي, ASCII digits, every Arabic mark, invisible format characters removed.
NORM_GROUPS: dict[str, bool] = {"hamza": True, "digits": True, "marks": True, "quranic_marks": True,
                                "bidi_marks": True, "invisible": True}
#: A core form: و/ف off when 3 letters remain; ب/ك only before the article; لل; the article off
#: when 2 letters remain. No exception list (the CRF learns the rest).
CORE_CLITICS: dict[str, object] = {"prepositions": "بك", "bare_prepositions": False, "min_bare_stem": 3,
                                   "exceptions": False}  # fmt: skip
#: A conjunction alone, when 3 letters remain.
CONJUNCTION_ONLY: dict[str, object] = {"prepositions": "", "article": False, "min_bare_stem": 3, "exceptions": False}


@lru_cache(maxsize=1)
def norm_table() -> dict[int, str | None]:
    """The ``str.translate`` table of ``norm``: ``normalize``'s default groups plus ``NORM_GROUPS``."""
    return char_table(alef=True, alef_maksura=True, teh_marbuta=True, diacritics=True, tatweel=True, **NORM_GROUPS)


def norm(word: str) -> str:
    """Orthographic normal form: no diacritics/tatweel, one alef, ى→ي, ة→ه, ؤ→و, ئ→ي, ASCII digits.

    The same as ``analysis.text.normalize(word, **NORM_GROUPS)``, with the table looked up once.
    """
    return word.translate(norm_table())


def strip_conj(word: str) -> str:
    """A normalized word without a conjunction و/ف when enough of the word remains."""
    return split_clitics(word, **CONJUNCTION_ONLY).stem


@lru_cache(maxsize=200_000)
def core(word: str) -> str:
    """A normalized word without conjunction, preposition-before-article and article (for matching).

    ``وبالعراق`` → ``عراق``, ``للقوات`` → ``قوات``; ``ولد`` and ``بغداد`` stay whole.
    """
    return split_clitics(word, **CORE_CLITICS).stem
