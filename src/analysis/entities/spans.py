"""Token sentences, BIO tags <-> token spans, and gold character spans -> token tags."""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence

from analysis.text import Token

_SENT_END = frozenset({".", "!", "?", "؟", "…"})


def sentence_ranges(tokens: list[Token], text: str) -> list[tuple[int, int]]:
    """[i, j) token ranges of sentences: split after . ! ? ؟ and at every line break."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for k, tok in enumerate(tokens):
        if k > start and "\n" in text[tokens[k - 1].end : tok.start]:
            ranges.append((start, k))
            start = k
        if tok.text in _SENT_END:
            ranges.append((start, k + 1))
            start = k + 1
    if start < len(tokens):
        ranges.append((start, len(tokens)))
    return ranges


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first, last+1, TYPE) token ranges from IOB tags (an I- after O or another type starts one)."""
    spans: list[tuple[int, int, str]] = []
    cur_start, cur_type = -1, ""
    for k, tag in enumerate(tags):
        if tag == "O" or not tag:
            if cur_type:
                spans.append((cur_start, k, cur_type))
            cur_type = ""
            continue
        prefix, typ = tag[:1], tag[2:]
        if prefix == "B" or typ != cur_type:
            if cur_type:
                spans.append((cur_start, k, cur_type))
            cur_start, cur_type = k, typ
    if cur_type:
        spans.append((cur_start, len(tags), cur_type))
    return spans


def longest_matches(
    keys: Sequence[str],
    table: Mapping[tuple[str, ...], str],
    max_len: int,
    firsts: Container[str],
    free: Sequence[bool] | None = None,
) -> list[tuple[int, int, str]]:
    """Left-to-right, longest-first matches of ``table``'s key tuples over ``keys``: (first, last+1, value).

    A match starts at a key in ``firsts`` (the first elements of the table's keys) and is at most
    ``max_len`` long; with ``free``, it covers only positions whose ``free`` flag is true.
    """
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(keys)
    while i < n:
        if keys[i] in firsts and (free is None or free[i]):
            for length in range(min(max_len, n - i), 0, -1):
                value = table.get(tuple(keys[i : i + length]))
                if value is not None and (free is None or all(free[i : i + length])):
                    out.append((i, i + length, value))
                    i += length
                    break
            else:
                i += 1
        else:
            i += 1
    return out


def mark_spans(tags: list[str], spans: list[tuple[int, int, str]]) -> list[str]:
    """Write ``B-TYPE``/``I-TYPE`` over each (first, last+1, TYPE) token span of ``tags``; returns ``tags``."""
    for start, end, typ in spans:
        tags[start] = "B-" + typ
        for k in range(start + 1, end):
            tags[k] = "I-" + typ
    return tags


def char_spans_to_tags(tokens: list[Token], spans: list[tuple[int, int, str]]) -> list[str]:
    """IOB2 tags for tokens from character spans: a token overlapping a span takes its type."""
    tags = ["O"] * len(tokens)
    for start, end, typ in sorted(spans):
        first = True
        for k, tok in enumerate(tokens):
            if tok.end <= start or tok.start >= end:
                continue
            tags[k] = ("B-" if first else "I-") + typ
            first = False
    return tags
