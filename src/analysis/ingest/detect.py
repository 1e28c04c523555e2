"""Is a text a whole HTML page? The loader refuses one named ``.txt`` and ``analysis add`` extracts it.

A page is recognised by a document-level tag at the start of a line (``<!DOCTYPE html>``,
``<html``, ``<head>``, ``<body``): inline markup in an article body (``<b>``, ``<p>``) is not a
page, and the loader only blanks it (see ``analysis.corpus.blank_markup``).
"""

from __future__ import annotations

import re

_DOCUMENT_TAG = re.compile(r"^[ \t\ufeff]*<(?:!doctype\s+html\b|html[\s>]|head[\s>]|body[\s>/])", re.I | re.M)
#: How much of a text is searched: a page announces itself in its first lines.
SNIFF_CHARS = 4096


def html_page_line(text: str) -> int | None:
    """The line (1-based) where ``text`` shows it is an HTML page, or None for article text.

    Only the first ``SNIFF_CHARS`` characters are searched (after an optional header line).
    """
    match = _DOCUMENT_TAG.search(text, 0, SNIFF_CHARS)
    if match is None:
        return None
    return text.count("\n", 0, match.start()) + 1


def looks_like_html(data: str | bytes) -> bool:
    """True when ``data`` (text or the first bytes of a file) is an HTML page."""
    if isinstance(data, bytes):
        data = data[:SNIFF_CHARS].decode("utf-8", errors="replace")
    return html_page_line(data) is not None
