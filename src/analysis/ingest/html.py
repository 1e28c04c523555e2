"""A saved web page → the article: headline, main text, publication date and canonical URL.

The main text and the title come from trafilatura (made for news pages: navigation, footers,
related links, share buttons and cookie banners are left out). The date comes, in this order, from

1. the page's metadata, read by htmldate without its "extensive" text search (``article:published_time``
   and other meta tags, JSON-LD, ``<time>`` elements, a date in the URL);
2. the page's text around the headline, read with this package's own date grammar
   (``analysis.timex``, which knows the Arabic month names): a full date after a publication cue
   (``نشر``, ``تاريخ النشر``, ``آخر تحديث``, "published"...) between the headline and the first
   paragraph, else the first full date there, else a dateline opening the first paragraph
   (``بغداد - 14 كانون الثاني 2026``). A date shown before the headline (a "today is" widget in the
   site's top bar) is never taken.

htmldate's extensive search is not used: on Arabic pages it turns a year alone into January 1st.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import htmldate
import trafilatura
from lxml import etree

from analysis.errors import CorpusError
from analysis.ingest.layout import one_line, render_article
from analysis.timex import find_timexes

#: Less main text than this (in letters) is not an article: a home page, a list of links, a login page.
MIN_ARTICLE_LETTERS = 120
#: An article has at least one paragraph of prose this long (in words); a list of headlines has none.
MIN_PARAGRAPH_WORDS = 12
#: A dateline opens the first paragraph: a date starting further in is an event's date.
DATELINE_CHARS = 40
#: How much of the page's text is searched for a date in the text.
DATE_SEARCH_CHARS = 20_000
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PUBLISHED_CUE = re.compile(r"(?:نُ?شِ?رَ?|تاريخ\s+النشر|تم\s+النشر|منشور|published|posted|date)\W{0,3}\s*\S{0,12}\s*$",
                            re.I)
_UPDATED_CUE = re.compile(r"(?:تحديث|التحديث|محدث|updated|modified)\W{0,3}\s*\S{0,12}\s*$", re.I)
_SKIPPED_TAGS = ("script", "style", "noscript", "template", "nav", "footer", "form", "select", "button", "svg")
_WS = re.compile(r"\s+")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Page:
    """What was extracted from one page; ``text`` has its paragraphs separated by blank lines."""

    title: str
    text: str
    date: dt.date | None
    date_source: str | None  # "metadata" or "text" (None when no date was found)
    url: str | None  # the canonical URL the page declares (or og:url), if any


def decode_page(data: bytes, source: str | Path, encoding: str | None = None, declared: str | None = None) -> str:
    """The page's text: ``encoding`` if given, else a BOM, the HTTP charset (``declared``), the
    ``<meta charset>``, UTF-8, and Windows Arabic (cp1256) for Arabic bytes that are not UTF-8."""
    candidates: list[str] = []
    if encoding:
        candidates = [encoding]
    elif data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        match = _CHARSET.search(data, 0, 4096)
        for name in (declared, match.group(1).decode("ascii") if match else None):
            if name and _known_codec(name):
                candidates.append(name)
        candidates += ["utf-8", "cp1256"]
    for name in dict.fromkeys(candidates):
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    raise CorpusError(source, None, "cannot decode the page (not UTF-8 nor its declared charset); give --encoding")


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def extract_page(html: str, source: str | Path, url: str | None = None, today: dt.date | None = None) -> Page:
    """Extract the article from a page's HTML; ``url`` is where it came from (helps the date and the URL).

    Raises ``CorpusError`` (one line) when the page holds no article text.
    """
    today = today or dt.date.today()
    tree = trafilatura.load_html(html)
    if tree is None:
        raise CorpusError(source, None, "not an article: the page could not be parsed as HTML")
    doc = None
    for precision in (True, False):  # precise first (less boilerplate); a short page may need the default
        doc = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=precision, date_extraction_params={"extensive_search": False, "original_date": True},
        )
        if doc is not None and is_article_text(doc.text or ""):
            break
    title = one_line((doc.title if doc is not None else None) or "")
    lines = [one_line(line) for line in ((doc.text if doc is not None else None) or "").split("\n")]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == title:
        lines = lines[1:]
    text = "\n\n".join(lines)
    if not is_article_text(text):
        raise CorpusError(source, None, "not an article: no main text found on the page "
                          "(a home page, a list of links or a login page?)")
    if not title:
        raise CorpusError(source, None, "not an article: the page has no headline (no <title>, og:title or <h1>)")
    date, how = _metadata_date(tree, url, today), "metadata"
    if date is None:
        date, how = _text_date(tree, title, lines[0], today), "text"
    return Page(title=title, text=text, date=date, date_source=how if date else None,
                url=(doc.url if doc is not None else None) or None)


def page_article(page: Page, source: str | Path, date: str | dt.date | None = None, url: str | None = None,
                 fetched_from: str | None = None) -> str:
    """The article text (file layout) for ``page``: ``date``/``url`` given by the user win.

    The URL is the user's, else the page's canonical URL, else the address it was fetched from.
    A page with no date and no ``date`` given raises ``CorpusError`` asking for ``--date``.
    """
    day = date if date is not None else page.date
    if day is None:
        raise CorpusError(source, None, "no publication date found in the page: give it with --date YYYY-MM-DD")
    link = url or page.url or fetched_from
    if not link:
        raise CorpusError(source, None, "the page names no URL (no canonical link): give it with --url URL")
    return render_article(day, link, page.title, page.text)


def is_article_text(text: str) -> bool:
    """Enough letters, and at least one paragraph of prose (not only headlines or menu items)."""
    if len(_LETTER.findall(text)) < MIN_ARTICLE_LETTERS:
        return False
    return any(len(line.split()) >= MIN_PARAGRAPH_WORDS for line in text.split("\n"))


def _metadata_date(tree: etree._Element, url: str | None, today: dt.date) -> dt.date | None:
    found = htmldate.find_date(tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d",
                               url=url, max_date=today.isoformat())
    return dt.date.fromisoformat(found) if found else None


def visible_text(tree: etree._Element) -> str:
    """The page's body text in document order, one space between pieces (scripts, menus, forms left out)."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    pieces: list[str] = []

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag.lower() in _SKIPPED_TAGS:
            if element.tail:
                pieces.append(element.tail)
            return
        if element.text and tag:
            pieces.append(element.text)
        for child in element:
            walk(child)
        if element.tail and element is not root:
            pieces.append(element.tail)

    walk(root)
    return _WS.sub(" ", " ".join(pieces)).strip()


def _text_date(tree: etree._Element, title: str, first_paragraph: str, today: dt.date) -> dt.date | None:
    """A full date between the headline and the first paragraph (a byline), or opening that paragraph."""
    text = visible_text(tree)[:DATE_SEARCH_CHARS]
    head = text.find(title)
    if head < 0:
        head = text.find(title[:25])
    start = head + len(title) if head >= 0 else -1
    para = text.find(first_paragraph[:40], max(start, 0))
    if para < 0:
        return None
    if start < 0:  # the headline is not in the body text: the lines just above the first paragraph
        start = max(0, para - 300)
    zone = text[start : para + 100]
    dates = []
    for timex in find_timexes(zone):
        if timex.type != "DATE" or not _FULL_DATE.match(timex.value or ""):
            continue
        try:
            day = dt.date.fromisoformat(timex.value)
        except ValueError:
            continue
        if day > today:
            continue
        in_paragraph = start + timex.start >= para
        if in_paragraph and start + timex.start - para > DATELINE_CHARS:
            continue  # a date inside the text is an event's, not the publication's
        before = zone[max(0, timex.start - 40) : timex.start]
        rank = 0 if _PUBLISHED_CUE.search(before) else 1 if _UPDATED_CUE.search(before) else 2
        dates.append((rank, timex.start, day))
    return min(dates)[2] if dates else None
