"""Word tokens with offsets for the NER backends.

Uses ``analysis.text.tokens`` (CAMeL ``simple_word_tokenize`` boundaries) when the module is
there; otherwise an equivalent regex tokenizer, so the entity code never depends on import order.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

# Same boundaries as camel_tools simple_word_tokenize: whitespace splits, every Unicode punctuation
# or symbol character is a token of its own, the rest of a word stays together.
_TOKEN_RE = regex.compile(r"[\p{P}\p{S}]|[^\s\p{P}\p{S}]+")


@dataclass(frozen=True)
class Tok:
    """A token: surface text and its [start, end) offsets in the analysed text."""

    text: str
    start: int
    end: int


def _regex_tokens(text: str) -> list[Tok]:
    return [Tok(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def word_tokens(text: str) -> list[Tok]:
    """Tokens of ``text`` with offsets (``text[t.start:t.end] == t.text``)."""
    try:
        from analysis.text import tokens as _text_tokens  # the lead's tokenizer, when present
    except ImportError:
        return _regex_tokens(text)
    return [Tok(t.text, t.start, t.end) for t in _text_tokens(text)]
