"""The article-file layout, rendered from fields: what ``analysis add`` writes and archive rows become.

::

     date YYYY-MM-DD URL
    <blank line>
    headline
    <blank line>
    body paragraphs, separated by blank lines

Offsets into a rendered article are offsets into this text: an article written to a file by
``analysis add`` or ``analysis import`` reads back as exactly the same text.
"""

from __future__ import annotations

import datetime as dt
import re

_SPACES = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)*")


def one_line(text: str) -> str:
    """``text`` with every run of white space (newlines included) made one space: a headline."""
    return _SPACES.sub(" ", text).strip()


def clean_body(text: str) -> str:
    """The body with LF line ends, no leading/trailing blank lines, paragraphs split by one blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n").strip()


def render_article(date: dt.date | str, url: str, title: str, body: str) -> str:
    """The article text in the file layout (ends with one newline); no check is made here.

    ``title`` is put on one line, ``body`` gets LF line ends and single blank lines between
    paragraphs (``clean_body``). The loader (``analysis.corpus.parse_article``) checks the result.
    """
    day = date.isoformat() if isinstance(date, dt.date) else str(date)
    return f" date {day} {url.strip()}\n\n{one_line(title)}\n\n{clean_body(body)}\n"
