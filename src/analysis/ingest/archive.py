"""Archives as corpora: JSONL, CSV and Parquet files whose rows are articles, streamed in chunks.

Each row is rendered in the article-file layout (``analysis.ingest.layout.render_article``) from
its date, URL, title and body columns; every offset the package reports for it is into that
rendered text, and its source reads ``ARCHIVE#ID`` (``archive.parquet#1234``), so a citation is
``archive.parquet#1234:start-end`` (``analysis.ingest.cite.cited_text`` returns the text).

Columns (``Columns``), first found wins:

1. what the command line says (``--columns date=published,url=link,...`` or ``--columns-file``,
   recorded with ``use_columns``);
2. a mapping file beside the archive, ``NAME.columns.json`` (``{"date": "published", ...}``), which
   is what lets ``make figures CORPUS=archive.parquet`` and the notebooks read the archive;
3. the columns named ``date``, ``url``, ``title``, ``body`` (and ``id`` when there is one).

Without an ``id`` column a row's id is its number (1 for the first row). Rows are read
``CHUNK_ROWS`` at a time (JSONL and CSV line by line, Parquet by record batches), so memory does
not grow with the archive. A bad row is one ``CorpusError`` naming the archive and the row.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.errors import CorpusError
from analysis.ingest.layout import clean_body, one_line, render_article

if TYPE_CHECKING:  # the loader imports this module: its records are only named here
    from analysis.corpus import Article

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
COLUMNS_SUFFIX = ".columns.json"
#: Rows read and rendered at a time.
CHUNK_ROWS = 1024
#: A row whose rendered text is larger than this is refused (as a file is by the loader).
MAX_ROW_BYTES = 10 * 1024 * 1024
#: Characters of an id kept as they are in ``ARCHIVE#ID``; others are %-escaped (a ``/`` would break a file name).
ID_SAFE = "-_.~@+=,;!$&'()*"
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z ]*)?$")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://\S+$")

_registered: dict[Path, Columns] = {}


@dataclass(frozen=True)
class Columns:
    """Which archive column holds each field; ``id=None`` numbers the rows instead."""

    date: str = "date"
    url: str = "url"
    title: str = "title"
    body: str = "body"
    id: str | None = "id"

    @classmethod
    def parse(cls, spec: str, base: Columns | None = None) -> Columns:
        """``date=published,url=link,id=guid`` (fields left out keep their default name)."""
        names = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for part in filter(None, (p.strip() for p in spec.split(","))):
            key, sep, column = part.partition("=")
            key, column = key.strip(), column.strip()
            if not sep or key not in names or not column:
                raise CorpusError("--columns", None, f"{part!r}: expected FIELD=COLUMN with FIELD one of "
                                  f"{', '.join(sorted(names))}")
            values[key] = column
        return replace(base or cls(), **values)

    @classmethod
    def from_file(cls, path: str | Path) -> Columns:
        """A JSON object mapping fields to columns: ``{"date": "published", "body": "text"}``."""
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as err:
            raise CorpusError(path, None, f"cannot read the column mapping: {err}") from None
        except json.JSONDecodeError as err:
            raise CorpusError(path, err.lineno, f"column mapping is not valid JSON: {err.msg}") from None
        if not isinstance(data, dict) or not all(isinstance(v, str) or v is None for v in data.values()):
            raise CorpusError(path, None, 'column mapping must be a JSON object like {"date": "published"}')
        return cls.parse(",".join(f"{k}={v}" for k, v in data.items() if v is not None))


@dataclass(frozen=True)
class Row:
    """One good row: its number (1-based), id, the source name ``ARCHIVE#ID`` and the rendered text."""

    number: int
    id: str
    source: str
    text: str


def archive_format(path: str | Path) -> str | None:
    """``"jsonl"``, ``"csv"`` or ``"parquet"`` for an archive file name, else None."""
    return FORMATS.get(Path(path).suffix.lower())


def is_archive(path: str | Path) -> bool:
    """Is ``path`` an archive file (by its suffix), rather than an article or a folder?"""
    return archive_format(path) is not None and not Path(path).is_dir()


def use_columns(archive: str | Path, columns: Columns) -> None:
    """Read ``archive`` with ``columns`` from now on in this process (what ``--columns`` does)."""
    _registered[Path(archive).resolve()] = columns


def columns_for(archive: str | Path) -> Columns:
    """The columns of ``archive``: set by ``use_columns``, else its ``NAME.columns.json``, else the defaults."""
    path = Path(archive)
    if path.resolve() in _registered:
        return _registered[path.resolve()]
    sidecar = path.with_name(path.name + COLUMNS_SUFFIX)
    return Columns.from_file(sidecar) if sidecar.is_file() else Columns()


def source_name(archive: str | Path, row_id: str) -> str:
    """``ARCHIVE#ID``: what an archive row is called in sources and citations."""
    return f"{archive}#{quote(row_id, safe=ID_SAFE)}"


def count_rows(archive: str | Path) -> int | None:
    """Rows in ``archive`` when that is cheap to know (Parquet metadata, JSONL lines), else None."""
    kind = archive_format(archive)
    try:
        if kind == "parquet":
            return pq.ParquetFile(archive).metadata.num_rows
        if kind == "jsonl":
            with open(archive, "rb") as handle:
                return sum(1 for line in handle if line.strip())
    except (OSError, pa.ArrowException):
        return None
    return None


def iter_rows(
    archive: str | Path, columns: Columns | None = None, chunk_rows: int = CHUNK_ROWS, wanted_id: str | None = None
) -> Iterator[Row | CorpusError]:
    """Each row of ``archive`` rendered as an article, in order, or a ``CorpusError`` for a bad row.

    A problem with the whole archive (unreadable, a mapped column missing) raises ``CorpusError``.
    ``wanted_id`` renders only the row(s) with that id and reports no other row (for citations).
    """
    path = Path(archive)
    kind = archive_format(path)
    if kind is None:
        raise CorpusError(path, None, f"not an archive: expected one of {', '.join(sorted(FORMATS))}")
    columns = columns or columns_for(path)
    reader = {"jsonl": _jsonl_records, "csv": _csv_records, "parquet": _parquet_records}[kind]
    seen: dict[str, int] = {}
    for number, line, record in reader(path, columns, chunk_rows):
        if isinstance(record, str):  # the reader's own complaint about the row
            if wanted_id is None:
                yield _row_error(path, number, line, None, record)
            continue
        try:
            row_id = _row_id(record, columns, number)
        except ValueError as err:
            if wanted_id is None:
                yield _row_error(path, number, line, None, str(err))
            continue
        if wanted_id is not None:
            if row_id != wanted_id:
                continue
        else:
            first = seen.setdefault(row_id, number)
            if first != number:
                yield _row_error(path, number, line, row_id, f"id {row_id!r} already used by row {first}")
                continue
        try:
            text = render_row(record, columns)
        except ValueError as err:
            yield _row_error(path, number, line, row_id, str(err))
            continue
        yield Row(number, row_id, source_name(path, row_id), text)


def archive_articles(
    archive: str | Path,
    parse: Callable[..., Article],
    today: dt.date | None = None,
    wanted_id: str | None = None,
) -> Iterator[Article | CorpusError]:
    """Each row as an ``Article`` (``path`` is ``ARCHIVE#ID``), or a ``CorpusError`` for a bad row.

    ``parse`` is the loader's ``analysis.corpus.parse_article``: the rendered row passes the checks
    a file does, and offsets are into its text. ``wanted_id`` yields only the row with that id.
    A problem with the whole archive (unreadable, a mapped column missing) is the last item yielded.
    """
    rows = iter_rows(archive, wanted_id=wanted_id)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except CorpusError as err:  # the whole archive: reported once, like one bad file
            yield err
            return
        if isinstance(row, CorpusError):
            yield row
            continue
        try:
            article = parse(row.source, row.text, today=today)
        except CorpusError as err:
            yield CorpusError(archive, None, f"row {row.number} (id {row.id}): {err.problem}")
            continue
        yield replace(article, id=row.id, path=row.source)


def render_row(record: dict[str, Any], columns: Columns) -> str:
    """The article text for one row (file layout); raises ``ValueError`` saying what is wrong with it."""
    day = _row_date(record.get(columns.date), columns.date)
    url = _text(record.get(columns.url), columns.url, "URL")
    if not _URL.match(url):
        raise ValueError(f"URL {_preview(url)} in column {columns.url!r} is not an absolute URL without spaces")
    title = one_line(_text(record.get(columns.title), columns.title, "headline"))
    body = clean_body(_text(record.get(columns.body), columns.body, "body"))
    if not body:
        raise ValueError(f"empty body (column {columns.body!r})")
    if "\x00" in title or "\x00" in body:
        raise ValueError("binary content: NUL character in the text")
    text = render_article(day, url, title, body)
    if len(text.encode("utf-8")) > MAX_ROW_BYTES:
        raise ValueError(f"article is over the {MAX_ROW_BYTES // 2**20} MB limit for one article")
    return text


def _row_error(path: Path, number: int, line: int | None, row_id: str | None, problem: str) -> CorpusError:
    which = f"row {number}" + (f" (id {row_id})" if row_id is not None and row_id != str(number) else "")
    return CorpusError(path, line, f"{which}: {problem}")


def _row_id(record: dict[str, Any], columns: Columns, number: int) -> str:
    if columns.id is None or columns.id not in record:
        return str(number)
    value = record[columns.id]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if value is None or (isinstance(value, float) and value != value) or str(value).strip() == "":
        raise ValueError(f"empty id (column {columns.id!r})")
    return str(value).strip()


def _row_date(value: Any, column: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None or (isinstance(value, float) and value != value) or (isinstance(value, str) and not value.strip()):
        raise ValueError(f"no date (column {column!r} is empty)")
    if not isinstance(value, str):
        raise ValueError(f"date {value!r} in column {column!r} is not a date: expected YYYY-MM-DD")
    match = _ISO_DAY.match(value.strip())
    if match is None:
        raise ValueError(f"malformed date {_preview(value)} in column {column!r}: expected YYYY-MM-DD "
                         "(or an ISO timestamp)")
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise ValueError(f"impossible date {_preview(value)} in column {column!r}") from None


def _text(value: Any, column: str, what: str) -> str:
    if value is None or (isinstance(value, float) and value != value):
        raise ValueError(f"no {what} (column {column!r} is empty)")
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError(f"column {column!r} is not valid UTF-8") from None
    text = value if isinstance(value, str) else str(value)
    if not text.strip():
        raise ValueError(f"no {what} (column {column!r} is empty)")
    return text


def _preview(text: Any, width: int = 40) -> str:
    text = str(text).strip()
    return repr(text if len(text) <= width else text[:width] + "…")


def _check_columns(path: Path, available: list[str], columns: Columns) -> None:
    """Every mapped field must be a column of the archive (the id only when set explicitly)."""
    missing = [(f, getattr(columns, f)) for f in ("date", "url", "title", "body") if getattr(columns, f) not in available]
    if columns.id is not None and columns.id != "id" and columns.id not in available:
        missing.append(("id", columns.id))
    if missing:
        named = ", ".join(f"{col!r} for the {field}" for field, col in missing)
        raise CorpusError(path, None, f"no column {named} (columns: {', '.join(map(str, available)) or 'none'}); "
                          f"map them with --columns FIELD=COLUMN or {path.name}{COLUMNS_SUFFIX}")


Record = tuple[int, int | None, dict[str, Any] | str]


def _jsonl_records(path: Path, columns: Columns, chunk_rows: int) -> Iterator[Record]:
    """(line number, line, object or complaint) per non-blank line; the first object checks the columns."""
    checked = False
    try:
        with open(path, "rb") as handle:
            number = 0
            while True:
                chunk = [line for _, line in zip(range(chunk_rows), handle)]
                if not chunk:
                    return
                for raw in chunk:
                    number += 1
                    if not raw.strip():
                        continue
                    try:
                        record = json.loads(raw.decode("utf-8"))
                    except UnicodeDecodeError as err:
                        yield number, number, f"not valid UTF-8 (byte 0x{raw[err.start]:02x})"
                        continue
                    except json.JSONDecodeError as err:
                        yield number, number, f"not valid JSON ({err.msg} at column {err.colno})"
                        continue
                    if not isinstance(record, dict):
                        yield number, number, f"not a JSON object but a {type(record).__name__}"
                        continue
                    if not checked:
                        _check_columns(path, list(record), columns)
                        checked = True
                    yield number, number, record
    except OSError as err:
        raise CorpusError(path, None, f"cannot read the archive: {err.strerror or err}") from None


def _csv_records(path: Path, columns: Columns, chunk_rows: int) -> Iterator[Record]:
    """(record number, its first line, dict or complaint) per CSV record (quoted newlines allowed)."""
    csv.field_size_limit(MAX_ROW_BYTES)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            try:
                header = next(reader)
            except StopIteration:
                raise CorpusError(path, None, "empty archive: no header line") from None
            _check_columns(path, header, columns)
            number = 0
            while True:
                line = reader.line_num + 1
                try:
                    values = next(reader)
                except StopIteration:
                    return
                except csv.Error as err:
                    number += 1
                    yield number, line, f"not valid CSV ({err})"
                    continue
                if not values or (len(values) == 1 and not values[0].strip()):
                    continue
                number += 1
                if len(values) != len(header):
                    yield number, line, f"{len(values)} fields where the header has {len(header)}"
                    continue
                yield number, line, dict(zip(header, values))
    except UnicodeDecodeError as err:
        raise CorpusError(path, None, f"not valid UTF-8 (byte 0x{err.object[err.start]:02x}); convert the archive "
                          "to UTF-8") from None
    except OSError as err:
        raise CorpusError(path, None, f"cannot read the archive: {err.strerror or err}") from None


def _parquet_records(path: Path, columns: Columns, chunk_rows: int) -> Iterator[Record]:
    """(row number, None, dict) per row, read one record batch of the wanted columns at a time."""
    try:
        handle = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as err:
        raise CorpusError(path, None, f"not a readable Parquet file ({err})") from None
    available = handle.schema_arrow.names
    _check_columns(path, available, columns)
    wanted = [c for c in dict.fromkeys([columns.date, columns.url, columns.title, columns.body, columns.id])
              if c is not None and c in available]
    number = 0
    try:
        for batch in handle.iter_batches(batch_size=chunk_rows, columns=wanted):
            for record in batch.to_pylist():
                number += 1
                yield number, None, record
    except (OSError, pa.ArrowException) as err:
        raise CorpusError(path, None, f"cannot read row {number + 1} on ({err})") from None
