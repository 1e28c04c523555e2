"""Load news articles in the seed format into ``Article`` records and a corpus DataFrame.

The format (one article per ``.txt`` file, UTF-8)::

     date YYYY-MM-DD URL
    <blank line>
    headline
    <blank line>
    body paragraphs, separated by blank lines

All offsets refer to ``Article.content``: the file as read by ``open(path, encoding="utf-8")``
(universal newlines, so CRLF reads as LF; a BOM stays at index 0 as ``\\ufeff``).
Bad input raises ``CorpusError`` naming the file, the line and the problem.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import pandas as pd

from analysis.errors import CorpusError
from analysis.ingest.archive import archive_articles, is_archive
from analysis.ingest.detect import html_page_line
from analysis.paths import default_corpus
from analysis.text import normalize

#: Files larger than this are refused: a news article is a few kB, 10 MB is a mistake.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
#: A run of this many characters without white space is not prose (a pasted data blob, base64...).
MAX_WORD_CHARS = 10_000
ARTICLE_SUFFIX = ".txt"

#: The header line's shape (`` date YYYY-MM-DD URL``), before the date and URL are checked.
HEADER_RE = re.compile(r"^\s*date\s+(?P<date>\S+)(?:\s+(?P<url>\S+))?\s*(?P<rest>.*)$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HTML_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_HTML_TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?|!--.*?--)>", re.S)
_HTML_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,6});")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
_LONG_WORD = re.compile(r"(?<!\S)\S{%d,}" % (MAX_WORD_CHARS + 1))  # one try per run: linear


@dataclass(frozen=True)
class Problem:
    """One finding about one input file: an ``error`` (not loaded) or a ``warning`` (loaded)."""

    path: str
    line: int | None
    problem: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.problem}"


@dataclass(frozen=True)
class Article:
    """One news article; ``content[title_start:title_end] == title`` and likewise for the body."""

    id: str
    path: str
    date: dt.date
    url: str
    source: str
    title: str
    body: str
    content: str
    title_start: int
    title_end: int
    body_start: int
    body_end: int
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def header_end(self) -> int:
        """Offset just past the header line (its newline excluded)."""
        end = self.content.find("\n")
        return len(self.content) if end < 0 else end

    @property
    def analysis_text(self) -> str:
        """The content with the header line and any HTML markup blanked by spaces.

        Same length as ``content``, so offsets found in it are offsets into the file, and no
        stage ever reports a date or a name from the header line or from a tag.
        """
        return blank_markup(" " * self.header_end + self.content[self.header_end :])

    @property
    def content_hash(self) -> str:
        """SHA-256 of the content: the key for caches of per-article results."""
        return hashlib.sha256(self.content.encode("utf-8")).hexdigest()

    def to_record(self) -> dict:
        """A flat dict for a DataFrame row."""
        record = asdict(self)
        record["warnings"] = list(self.warnings)
        return record


def blank_markup(text: str) -> str:
    """Replace HTML tags and entities by spaces of the same length (offsets stay valid)."""
    if "<" not in text and "&" not in text:
        return text
    text = _HTML_BLOCK.sub(lambda m: _spaces_keep_lines(m.group()), text)
    text = _HTML_TAG.sub(lambda m: " " * len(m.group()), text)
    return _HTML_ENTITY.sub(lambda m: " " * len(m.group()), text)


def _spaces_keep_lines(text: str) -> str:
    """Blank ``text`` but keep its line breaks (so line numbers and sentence splits survive)."""
    return re.sub(r"[^\n]", " ", text)


def source_domain(url: str) -> str:
    """The outlet's domain from its URL, without ``www.`` (``https://www.bbc.com/x`` → ``bbc.com``)."""
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def read_text(path: str | Path) -> str:
    """Read a file as UTF-8 (universal newlines), or raise ``CorpusError`` saying what it is."""
    path = Path(path)
    try:
        info = path.stat()
    except OSError as err:
        raise CorpusError(path, None, os_problem(err)) from None
    if stat.S_ISDIR(info.st_mode):
        raise CorpusError(path, None, "is a directory, not an article file")
    if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
        raise CorpusError(path, None, "not a regular file (a pipe, socket or device); not an article")
    size = info.st_size
    if size > MAX_ARTICLE_BYTES:
        raise CorpusError(
            path, None, f"file is {size / 2**20:.1f} MB, over the {MAX_ARTICLE_BYTES // 2**20} MB limit for one article"
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CorpusError(path, None, os_problem(err)) from None
    text = _check_bytes(path, data)
    # As open(path, encoding="utf-8").read() reads it: newline translation included.
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def is_header_line(line: str) -> bool:
    """Does ``line`` (a file's first line, without a BOM) have the header's shape (``date ...``)?"""
    return HEADER_RE.match(line) is not None


def format_header(date: str, url: str) -> str:
    """The header line `` date YYYY-MM-DD URL`` (no newline) for a checked date and URL."""
    return f" date {date} {url}"


def os_problem(err: OSError) -> str:
    """What an ``OSError`` on an input file means, in words (permission, link loop, missing...)."""
    if isinstance(err, PermissionError):
        return "cannot read the file: permission denied"
    if getattr(err, "errno", None) == 40:  # ELOOP
        return "symbolic link loop"
    if isinstance(err, FileNotFoundError):
        return "no such file (or a broken symbolic link)"
    if isinstance(err, IsADirectoryError):
        return "is a directory, not an article file"
    return f"cannot read the file: {err.strerror or err}"


def _check_bytes(path: Path, data: bytes) -> str:
    """The bytes decoded as UTF-8; binary and non-UTF-8 content is refused saying what it looks like."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CorpusError(
            path, 1, "file is UTF-16 (it starts with a UTF-16 byte-order mark); convert it to UTF-8 "
            "(e.g. analysis add --encoding utf-16)"
        )
    if data.startswith(b"\x89PNG") or data.startswith(b"%PDF") or data.startswith(b"PK\x03\x04"):
        raise CorpusError(path, 1, "binary file (image, PDF or archive), not a text article")
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise CorpusError(path, line, "binary content: NUL byte in the file; not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise CorpusError(path, line, f"not valid UTF-8 (byte 0x{data[err.start]:02x}); {_guess_encoding(data)}") from None


def _guess_encoding(data: bytes) -> str:
    """Name the likely legacy encoding of bytes that are not UTF-8."""
    for encoding, label in (("cp1256", "Windows Arabic"), ("iso-8859-6", "ISO Arabic")):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        letters = sum(ch.isalpha() for ch in text)
        if letters and len(_ARABIC_LETTER.findall(text)) / letters > 0.3:
            return f"it looks like {encoding} ({label}); convert it to UTF-8 (e.g. analysis add --encoding {encoding})"
    return "it looks like a legacy 8-bit encoding or binary data; convert it to UTF-8"


def parse_article(path: str | Path, content: str, today: dt.date | None = None) -> Article:
    """Parse already-read ``content`` (see ``read_text``) into an ``Article``."""
    path = Path(path)
    if not content.strip():
        raise CorpusError(path, None, "empty file" if not content else "file holds only white space")
    page_line = html_page_line(content)
    if page_line is not None:
        raise CorpusError(path, page_line, "an HTML page, not an article file: add it with `analysis add FILE`, "
                          "which extracts the article's text, headline, date and URL")
    lines = content.split("\n")
    header = lines[0].lstrip("\ufeff")
    match = HEADER_RE.match(header)
    if match is None:
        raise CorpusError(path, 1, f"no header: line 1 must be ' date YYYY-MM-DD URL', found {_preview(header)}")
    raw_date, url = match.group("date"), match.group("url")
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", raw_date):  # ' date URL': the date was left out
        raise CorpusError(path, 1, "missing date in the header: expected ' date YYYY-MM-DD URL'")
    date = _parse_date(path, raw_date)
    if not url or not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://\S+$", url):
        found = f"found {_preview(url)}" if url else "nothing after the date"
        raise CorpusError(path, 1, f"missing URL in the header: expected ' date YYYY-MM-DD URL', {found}")
    warnings: list[str] = []
    if today is None:
        today = dt.date.today()
    if date > today:
        warnings.append(f"line 1: date {date.isoformat()} is in the future (today is {today.isoformat()})")

    # Title: the first non-blank line after the header; body: every non-blank line after it.
    offsets = _line_offsets(lines)
    title_line = next((i for i in range(1, len(lines)) if lines[i].strip()), None)
    if title_line is None:
        raise CorpusError(path, 1, "header only: no headline and no body")
    body_line = next((i for i in range(title_line + 1, len(lines)) if lines[i].strip()), None)
    if body_line is None:
        raise CorpusError(path, title_line + 1, "headline with no body: the article text is missing")
    title_start, title_end = _strip_span(content, offsets[title_line], offsets[title_line] + len(lines[title_line]))
    body_start, body_end = _strip_span(content, offsets[body_line], len(content))
    blob = _LONG_WORD.search(content)
    if blob is not None:
        line = content.count("\n", 0, blob.start()) + 1
        raise CorpusError(
            path, line, f"{blob.end() - blob.start():,} characters without a space: not article text "
            "(pasted data or a broken line?)"
        )
    body = content[body_start:body_end]
    if blank_markup(body) != body:
        warnings.append("HTML markup in the body: tags are ignored by the analysis (offsets still refer to the file)")
    return Article(
        id=path.stem,
        path=str(path),
        date=date,
        url=url,
        source=source_domain(url),
        title=content[title_start:title_end],
        body=body,
        content=content,
        title_start=title_start,
        title_end=title_end,
        body_start=body_start,
        body_end=body_end,
        warnings=tuple(warnings),
    )


def load_article(path: str | Path, today: dt.date | None = None) -> Article:
    """Read and parse one article file; raises ``CorpusError`` (file, line, problem) on bad input."""
    return parse_article(path, read_text(path), today=today)


def _parse_date(path: Path, raw: str) -> dt.date:
    if not _ISO_DATE.match(raw):
        raise CorpusError(path, 1, f"malformed date {_preview(raw)} in the header: expected YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        year, month, day = (int(part) for part in raw.split("-"))
        why = f"there is no month {month}" if not 1 <= month <= 12 else f"{year}-{month:02d} has no day {day}"
        raise CorpusError(path, 1, f"impossible date {raw} in the header ({why})") from None


def _preview(text: str | None, width: int = 40) -> str:
    text = (text or "").strip()
    return repr(text if len(text) <= width else text[:width] + "…")


def _line_offsets(lines: list[str]) -> list[int]:
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    return offsets


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# ---------------------------------------------------------------------------------------------
# Corpora: many files, duplicates, skip-or-raise


def iter_article_paths(
    paths: str | Path | Iterable[str | Path], problems: list[Problem] | None = None
) -> Iterator[Path]:
    """Expand files and folders into article files (``*.txt``, sorted; hidden files skipped).

    An archive (``.jsonl``, ``.csv``, ``.parquet``; see ``analysis.ingest.archive``) given by name
    is yielded as it is: ``iter_articles`` reads its rows.

    Folders are walked recursively, following symbolic links to folders, but each real folder
    once: a link back to a folder already walked (a loop) is not followed and is reported as
    a warning in ``problems``. Non-``.txt`` files are ignored.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(_walk(path, problems))
        elif path.exists() or path.is_symlink():
            yield path
        else:
            raise CorpusError(path, None, "no such file or folder")


def _walk(top: Path, problems: list[Problem] | None) -> list[Path]:
    found: list[Path] = []
    seen: set[str] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in seen:  # a link back to an ancestor (a loop) or to a folder walked already
            if problems is not None:
                problems.append(Problem(str(folder), None, f"symbolic link to a folder already walked ({real}): "
                                        "not followed (a link loop?)", "warning"))
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as err:
            if problems is not None:
                problems.append(Problem(str(folder), None, os_problem(err), "warning"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False  # a broken link or a link loop: stat fails, treat as a file
            if is_dir:
                stack.append(Path(entry.path))
            elif entry.name.endswith(ARTICLE_SUFFIX):
                found.append(Path(entry.path))
    return found


def body_fingerprint(body: str) -> str:
    """Hash of the body after normalization: the same story re-saved or re-spaced hashes the same."""
    text = unicodedata.normalize("NFC", blank_markup(body))
    text = re.sub(r"\s+", " ", normalize(text)).strip()
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def iter_articles(
    paths: str | Path | Iterable[str | Path],
    errors: Literal["raise", "skip"] = "raise",
    problems: list[Problem] | None = None,
    today: dt.date | None = None,
) -> Iterator[Article]:
    """Yield each distinct article once, streaming (one file in memory at a time).

    ``errors="raise"`` raises the first ``CorpusError``; ``"skip"`` records it in ``problems``
    and goes on. Duplicates (same URL, or same normalized body) are recorded as warnings in
    ``problems`` and yielded once (the first file in path order wins).
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    problems = [] if problems is None else problems
    seen_urls: dict[str, str] = {}
    seen_bodies: dict[str, str] = {}
    n_files = 0
    for path in iter_article_paths(paths, problems):
        n_files += 1
        loaded = archive_articles(path, parse_article, today) if is_archive(path) else [_load_or_error(path, today)]
        for article in loaded:
            if isinstance(article, CorpusError):
                if errors == "raise":
                    raise article
                problems.append(Problem(article.path, article.line, article.problem))
                continue
            for warning in article.warnings:
                problems.append(Problem(article.path, None, warning, "warning"))
            key = article.url.rstrip("/")
            fingerprint = body_fingerprint(article.body)
            first = seen_urls.get(key) or seen_bodies.get(fingerprint)
            if first is not None:
                why = "same URL" if key in seen_urls else "same text"
                problems.append(Problem(article.path, 1, f"duplicate of {first} ({why}); loaded once", "warning"))
                continue
            seen_urls[key] = article.path
            seen_bodies[fingerprint] = article.path
            yield article
    if n_files == 0:
        where = ", ".join(str(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths))
        raise CorpusError(where, None, "no articles found (no *.txt files)")


def _load_or_error(path: Path, today: dt.date | None) -> Article | CorpusError:
    try:
        return load_article(path, today=today)
    except CorpusError as err:
        return err


CORPUS_COLUMNS = [
    "id", "path", "date", "url", "source", "title", "body", "content",
    "title_start", "title_end", "body_start", "body_end", "warnings",
]  # fmt: skip


def load_corpus(
    paths: str | Path | Iterable[str | Path],
    errors: Literal["raise", "skip"] = "raise",
    today: dt.date | None = None,
) -> pd.DataFrame:
    """Load files and folders into a DataFrame, one row per distinct article, sorted by date.

    ``df.attrs["problems"]`` is a DataFrame of what was skipped or noted (path, line, problem,
    severity): errors (with ``errors="skip"``), duplicates, future dates, HTML markup.
    """
    problems: list[Problem] = []
    articles = list(iter_articles(paths, errors=errors, problems=problems, today=today))
    if not articles:
        raise CorpusError(", ".join(map(str, _as_list(paths))), None, "no article could be loaded")
    return corpus_frame(articles, problems)


def corpus_frame(articles: Iterable[Article], problems: Iterable[Problem] = ()) -> pd.DataFrame:
    """The corpus DataFrame (one row per article, sorted by date) from articles already loaded."""
    frame = pd.DataFrame([a.to_record() for a in articles], columns=CORPUS_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"])
    frame = frame.sort_values(["date", "id"], kind="stable").reset_index(drop=True)
    frame.attrs["problems"] = problems_frame(problems)
    return frame


def problems_frame(problems: Iterable[Problem]) -> pd.DataFrame:
    """The problems report as a DataFrame (path, line, problem, severity)."""
    return pd.DataFrame([asdict(p) for p in problems], columns=["path", "line", "problem", "severity"])


def articles_from_frame(frame: pd.DataFrame) -> Iterator[Article]:
    """Turn corpus DataFrame rows back into ``Article`` records (for stages that take articles)."""
    for row in frame.itertuples(index=False):
        record = row._asdict()
        record["date"] = pd.Timestamp(record["date"]).date()
        record["warnings"] = tuple(record.get("warnings") or ())
        yield Article(**record)


def _as_list(paths: str | Path | Iterable[str | Path]) -> list[str | Path]:
    return [paths] if isinstance(paths, (str, Path)) else list(paths)


def default_corpus_paths() -> list[Path]:
    """The corpus the CLI uses when given none (``analysis.paths.default_corpus``)."""
    return default_corpus()
