"""``analysis add FILE|URL... [--corpus DIR] [--date YYYY-MM-DD] [--url URL] [--encoding ENC]``: add articles safely.

Each input is checked with the loader's rules, refused if it duplicates an article already in the
corpus (same URL or same normalized body), and written as UTF-8 with LF line ends under a
canonical name ``DATE_SLUG.txt`` (a clash gets ``_2``, ``_3``...; nothing is ever overwritten).
A plain text file without a header gets one from ``--date`` and ``--url``. A saved web page
(HTML, whatever its name) and a link (``https://...``, fetched) are extracted first: main text,
headline, publication date and canonical URL (``analysis.ingest.html``); ``--date``/``--url``
fill in what the page lacks. Each input that fails is one line; the others go on.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import datetime as dt
import hashlib
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from analysis.ingest.fetch import DEFAULT_TIMEOUT, MAX_PAGE_BYTES, is_url


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("add", help="check new articles (files, saved web pages, links) and add them to the corpus")
    parser.add_argument("files", nargs="+", metavar="FILE|URL",
                        help="article files (seed format or plain text), saved web pages (HTML), or http(s) links")
    parser.add_argument("--corpus", default=None,
                        help="corpus folder to add to (default: $ANALYSIS_CORPUS, else seeds/)")
    parser.add_argument("--date", default=None,
                        help="publication date YYYY-MM-DD, for a file without a header or a page without a date")
    parser.add_argument("--url", default=None, help="article URL, for a file without a header or a page without one")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help=f"seconds allowed to fetch each link (default {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--encoding", default=None,
                        help="encoding of the input files, e.g. cp1256 or utf-16 (default: UTF-8)")
    parser.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    parser.set_defaults(func=run)


@dataclass(frozen=True)
class Added:
    """One accepted file and where it went (``target`` is None on a dry run)."""

    source: str
    target: Path | None
    warnings: tuple[str, ...]


def run(args: argparse.Namespace) -> int:
    from analysis.errors import AnalysisError

    if args.timeout <= 0:
        raise AnalysisError(f"--timeout must be positive, not {args.timeout:g}")
    if args.encoding is not None:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            raise AnalysisError(f"unknown encoding {args.encoding!r} (try cp1256, utf-16, iso-8859-6)") from None
    corpus = Path(args.corpus) if args.corpus else _default_corpus()
    if corpus.exists() and not corpus.is_dir():
        raise AnalysisError(f"{corpus}: --corpus must be a folder")
    known = CorpusIndex.of(corpus)
    failures = 0
    for name in args.files:
        try:
            added = add_file(name, corpus, known, date=args.date, url=args.url, encoding=args.encoding,
                             dry_run=args.dry_run, timeout=args.timeout)
        except AnalysisError as err:
            failures += 1
            print(f"analysis add: error: {err}", file=sys.stderr)
            continue
        for warning in added.warnings:
            print(f"analysis add: {name}: warning: {warning}", file=sys.stderr)
        where = added.target if added.target is not None else "(dry run: not written)"
        print(f"added {name} -> {where}")
    if failures:
        print(f"analysis add: {failures} of {len(args.files)} input(s) refused", file=sys.stderr)
        return 2
    return 0


def _default_corpus() -> Path:
    from analysis.corpus import default_corpus_paths

    return Path(default_corpus_paths()[0])


class CorpusIndex:
    """URLs and body fingerprints of the articles already in a corpus (to refuse duplicates)."""

    def __init__(self) -> None:
        self.urls: dict[str, str] = {}
        self.bodies: dict[str, str] = {}

    @classmethod
    def of(cls, corpus: Path) -> CorpusIndex:
        """The index of every loadable article under ``corpus`` (empty when there is none)."""
        from analysis.corpus import iter_articles
        from analysis.errors import CorpusError

        index = cls()
        if corpus.is_dir():
            with contextlib.suppress(CorpusError):  # an empty corpus raises "no articles found"
                for article in iter_articles(corpus, errors="skip"):
                    index.note(article)
        return index

    def note(self, article) -> None:  # noqa: ANN001 - an analysis.corpus.Article
        """Remember ``article``'s URL and body (the first file to claim them wins)."""
        from analysis.corpus import body_fingerprint

        self.urls.setdefault(_url_key(article.url), article.path)
        self.bodies.setdefault(body_fingerprint(article.body), article.path)

    def duplicate_of(self, article) -> str | None:  # noqa: ANN001
        """A message naming the article ``article`` duplicates, or None."""
        from analysis.corpus import body_fingerprint

        first = self.urls.get(_url_key(article.url))
        if first is not None:
            return f"same URL as {first}"
        first = self.bodies.get(body_fingerprint(article.body))
        if first is not None:
            return f"same text as {first}"
        return None


def _url_key(url: str) -> str:
    return url.strip().rstrip("/")


def add_file(
    name: str | Path,
    corpus: Path,
    known: CorpusIndex,
    date: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
    dry_run: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
) -> Added:
    """Check one input (file, web page or link) and write it into ``corpus``; raises ``CorpusError`` saying why not."""
    from analysis.corpus import parse_article
    from analysis.errors import CorpusError

    if is_url(str(name)):
        text = url_text(str(name), date, url, encoding, timeout)
        path = Path(urlsplit(str(name)).path or "page")
    else:
        path = Path(name)
        text = file_text(path, date, url, encoding)
    try:
        article = parse_article(path, text)  # the loader's checks: header, date, URL, headline, body
    except CorpusError as err:  # named as the user gave it (a link is not a file path)
        raise CorpusError(name, err.line, err.problem) from None
    why = known.duplicate_of(article)
    if why is not None:
        raise CorpusError(name, None, f"refused: duplicate of an article in the corpus ({why})")
    target = None
    if not dry_run:
        target = write_new(corpus, canonical_name(article.date, article.url), text)
        article = parse_article(target, text)
    known.note(article)
    return Added(str(name), target, article.warnings)


def file_text(path: Path, date: str | None, url: str | None, encoding: str | None) -> str:
    """The article text for a file: a saved web page is extracted, a plain text gets its header."""
    from analysis.corpus import is_header_line
    from analysis.errors import CorpusError
    from analysis.ingest.detect import looks_like_html

    raw = _read_bytes(path, MAX_PAGE_BYTES)
    if path.suffix.lower() in (".html", ".htm", ".xhtml") or looks_like_html(_after_header(raw)):
        return page_file_text(path, raw, date, url, encoding)
    text = decode(path, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise CorpusError(path, None, "empty file" if not text else "file holds only white space")
    first = text.split("\n", 1)[0]
    has_header = is_header_line(first)
    if date is not None and url is not None:
        if has_header:
            raise CorpusError(path, 1, "already has a header line; leave out --date and --url")
        text = header_line(path, date, url) + "\n\n" + text.strip("\n") + "\n"
    elif not has_header:
        if date is not None or url is not None:
            raise CorpusError(path, 1, "--date and --url go together: give both to write the header of a plain text file")
        raise CorpusError(path, 1, "no header line ' date YYYY-MM-DD URL': give --date and --url to add one")
    if not text.endswith("\n"):
        text += "\n"
    return text


def page_file_text(path: Path, raw: bytes, date: str | None, url: str | None, encoding: str | None) -> str:
    """A saved web page as an article. A header line above the page (`` date ... URL``) gives its date and URL."""
    from analysis.corpus import HEADER_RE
    from analysis.ingest.html import decode_page, extract_page, page_article

    html = decode_page(raw, path, encoding)
    first, _, rest = html.lstrip("\ufeff").partition("\n")
    header = HEADER_RE.match(first)
    if header is not None and header.group("url"):
        html = rest
        date = date or header.group("date")
        url = url or header.group("url")
    if date is not None:
        header_line(path, date, url or "https://example.invalid/")  # checks --date now, one line
    page = extract_page(html, path, url=url)
    return page_article(page, path, date=date, url=url)


def url_text(link: str, date: str | None, url: str | None, encoding: str | None, timeout: float) -> str:
    """A link fetched and extracted as an article (the page's canonical URL, else the address fetched)."""
    from analysis.ingest.fetch import fetch_page
    from analysis.ingest.html import decode_page, extract_page, page_article

    if date is not None:
        header_line(link, date, url or link)
    fetched = fetch_page(link, timeout=timeout)
    html = decode_page(fetched.data, link, encoding, declared=fetched.charset)
    page = extract_page(html, link, url=fetched.final_url)
    return page_article(page, link, date=date, url=url, fetched_from=fetched.final_url)


def _after_header(raw: bytes) -> bytes:
    """The bytes after a first line that is an article header (a page saved below a header), else all."""
    first, sep, rest = raw.partition(b"\n")
    return rest if sep and first.lstrip(b"\xef\xbb\xbf").lstrip().startswith(b"date ") else raw


def decode(path: Path, encoding: str | None) -> str:
    """The file's text: UTF-8 (a BOM dropped) by default, else decoded from ``encoding``."""
    from analysis.corpus import MAX_ARTICLE_BYTES, read_text
    from analysis.errors import CorpusError

    raw = _read_bytes(path, MAX_ARTICLE_BYTES * (1 if encoding is None else 2))
    is_utf16 = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if encoding is None:
        if is_utf16:
            raise CorpusError(path, 1, "file is UTF-16 (byte-order mark): add it with --encoding utf-16")
        try:
            return read_text(path).removeprefix("\ufeff")  # the loader's checks: binary, NUL bytes, UTF-8
        except CorpusError as err:
            if "cp1256" in err.problem and _ask_convert(path):
                return _decode_as(path, raw, "cp1256")
            raise
    codec = codecs.lookup(encoding).name
    if raw.startswith(codecs.BOM_UTF8) and codec not in ("utf-8", "utf-8-sig"):
        raise CorpusError(path, 1, f"file is UTF-8 (it starts with a UTF-8 byte-order mark), not {encoding}: "
                          "leave out --encoding")
    if is_utf16 and not codec.startswith("utf-16"):
        raise CorpusError(path, 1, f"file is UTF-16 (byte-order mark), not {encoding}: use --encoding utf-16")
    if codec not in ("utf-8", "utf-8-sig") and not codec.startswith("utf-") and _looks_like_utf8(raw):
        raise CorpusError(path, None, f"file is valid UTF-8 already, not {encoding}: leave out --encoding")
    return _decode_as(path, raw, encoding)


def _decode_as(path: Path, raw: bytes, encoding: str) -> str:
    from analysis.corpus import MAX_ARTICLE_BYTES
    from analysis.errors import CorpusError

    try:
        text = raw.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        raise CorpusError(path, None, f"not valid {encoding} (byte 0x{raw[err.start]:02x} at offset {err.start})") \
            from None
    if "\x00" in text:
        raise CorpusError(path, None, "binary content: NUL character in the text; not an article")
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise CorpusError(path, None, f"over the {MAX_ARTICLE_BYTES // 2**20} MB limit for one article in UTF-8")
    return text


def _looks_like_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(b >= 0x80 for b in raw)


def _read_bytes(path: Path, limit: int) -> bytes:
    from analysis.corpus import os_problem
    from analysis.errors import CorpusError

    try:
        if not path.is_file():
            raise CorpusError(path, None, "no such file" if not path.exists() else "not a regular file")
        size = path.stat().st_size
        if size > limit:
            raise CorpusError(path, None, f"file is {size / 2**20:.1f} MB, over the {limit // 2**20} MB limit")
        return path.read_bytes()
    except OSError as err:
        raise CorpusError(path, None, os_problem(err)) from None


def _ask_convert(path: Path) -> bool:
    """On a terminal, offer to convert a file that looks like cp1256; never asks otherwise."""
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        return False
    print(f"analysis add: {path} looks like cp1256 (Windows Arabic). Convert it to UTF-8? [y/N] ",
          end="", file=sys.stderr, flush=True)
    try:
        return input().strip().lower() in ("y", "yes")
    except EOFError:
        return False


def header_line(path: str | Path, date: str, url: str) -> str:
    """`` date YYYY-MM-DD URL`` after checking both values (same rules as the loader)."""
    from analysis.corpus import format_header
    from analysis.errors import CorpusError

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise CorpusError(path, None, f"--date {date!r}: expected YYYY-MM-DD")
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        raise CorpusError(path, None, f"--date {date}: no such day") from None
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*://\S+", url):
        raise CorpusError(path, None, f"--url {url!r}: expected an absolute URL without spaces")
    return format_header(date, url)


def canonical_name(date: dt.date, url: str) -> str:
    """``YYYY-MM-DD_slug.txt``: the slug is the URL's outlet and ASCII path words (or a URL hash)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    words = re.findall(r"[a-z0-9]+", unquote(parts.path).lower())
    words = [w for w in words if w not in ("html", "htm", "php", "aspx", "asp", "shtml", "amp", "www")]
    host_word = host.split(".")[0] if host else ""
    slug = "-".join([host_word, *words]).strip("-")
    slug = slug[:60].rstrip("-")
    if len(words) == 0 or not slug:
        slug = "-".join(filter(None, [host_word, hashlib.sha1(url.encode()).hexdigest()[:10]]))
    return f"{date.isoformat()}_{slug}.txt"


def write_new(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``folder/name`` or, if taken, ``name_2``, ``name_3``...; never overwrites.

    Atomic: the text goes to a temporary file that is then hard-linked under the final name
    (the link fails if the name exists), so a reader never sees a half-written article.
    """
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".add.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        stem, suffix = name.rsplit(".", 1)
        for n in range(1, 10_000):
            target = folder / (name if n == 1 else f"{stem}_{n}.{suffix}")
            try:
                os.link(tmp, target)
            except FileExistsError:
                continue
            return target
        raise OSError(f"no free name for {name} in {folder}")
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
