"""The text a citation points at: ``SOURCE:start-end`` for an article file or an archive row.

Timeline sources read ``FILE:start-end`` (``seeds/x.txt:120-245``) or, for a row of an archive,
``ARCHIVE#ID:start-end`` (``archive.parquet#1234:120-245``); the offsets are Python string offsets
into the article's text: the file as read, or the row rendered in the article-file layout.
``cited_text`` returns ``text[start:end]``, so anyone can check what a figure's point stands on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from analysis.corpus import Article, load_article, parse_article
from analysis.errors import AnalysisError, CorpusError
from analysis.ingest.archive import FORMATS, archive_articles

_CITATION = re.compile(r"^(?P<source>.+):(?P<start>\d+)-(?P<end>\d+)$")
_ARCHIVE_SOURCE = re.compile(r"^(?P<archive>.+?(?:%s))#(?P<id>.+)$" % "|".join(re.escape(s) for s in FORMATS), re.I)


@dataclass(frozen=True)
class Citation:
    """A parsed citation: the source (a file, or ``ARCHIVE#ID``) and the character span."""

    source: str
    start: int
    end: int


def parse_citation(citation: str) -> Citation:
    """``SOURCE:start-end`` → ``Citation``; raises ``AnalysisError`` when it has not that shape."""
    match = _CITATION.match(citation.strip())
    if match is None:
        raise AnalysisError(f"{citation!r}: a citation reads SOURCE:START-END (e.g. archive.parquet#12:40-95)")
    start, end = int(match.group("start")), int(match.group("end"))
    if end < start:
        raise AnalysisError(f"{citation!r}: the span ends before it starts")
    return Citation(match.group("source"), start, end)


def cited_article(source: str | Path, base: str | Path | None = None) -> Article:
    """The article a source names: a file, or row ``ID`` of ``ARCHIVE`` (``ARCHIVE#ID``).

    A relative source is looked up under ``base`` (e.g. the corpus folder) when given.
    """
    source = str(source)
    match = _ARCHIVE_SOURCE.match(source)
    if match is None:
        return load_article(_under(source, base))
    archive, row_id = _under(match.group("archive"), base), unquote(match.group("id"))
    for article in archive_articles(archive, parse_article, wanted_id=row_id):
        if isinstance(article, CorpusError):
            raise article
        return article
    raise CorpusError(archive, None, f"no row with id {row_id!r}")


def cited_text(citation: str, base: str | Path | None = None) -> str:
    """The text a citation ``SOURCE:start-end`` points at: ``article.content[start:end]``.

    >>> cited_text("archive.parquet#12:40-95")  # doctest: +SKIP
    'أعلنت قيادة العمليات المشتركة تسلم القاعدة'
    """
    cite = parse_citation(citation)
    article = cited_article(cite.source, base)
    if cite.end > len(article.content):
        raise AnalysisError(f"{citation!r}: the span ends past the article's {len(article.content)} characters")
    return article.content[cite.start : cite.end]


def _under(path: str, base: str | Path | None) -> Path:
    candidate = Path(path)
    if base is not None and not candidate.is_absolute() and not candidate.exists():
        candidate = Path(base) / candidate
    return candidate
