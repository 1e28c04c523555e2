"""The package's data files (``src/analysis/data/``): found one way, read one way, cached.

Data files are UTF-8 text: one record a line, fields separated by tabs; blank lines and lines
whose first non-blank character is ``#`` are comments. ``read_rows`` returns the records of such a
file (a header row can be dropped), ``read_json`` reads a JSON data file, ``data_path`` names a
file. Tables with a header whose rows must be reported by line when bad are read by
``read_numbered`` (``numbered_rows`` for a packaged one): rows keep their 1-based line number and a
bad row raises ``DataTableError`` (``FILE:LINE: problem``, one line at the command line). Model tables (``key<TAB>value``, written by ``write_table``, e.g. a trained NER model's
``lexicon.tsv``) have no comments: a key may start with ``#``. They are read by ``read_table``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from analysis.errors import DataTableError

#: The package data folder (shipped inside the package next to this module).
DATA_DIR = Path(__file__).resolve().parent / "data"

Row = tuple[str, ...]


def data_path(name: str | Path) -> Path:
    """The path of a data file: ``name`` relative to ``DATA_DIR`` (``"ner/gazetteer.tsv"``)."""
    return DATA_DIR / name


def parse_rows(text: str, header: bool = False) -> tuple[Row, ...]:
    """The records of a data file's text: stripped lines split on tabs, comments skipped.

    ``header=True`` drops the first record (a line of column names).
    """
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(tuple(line.split("\t")))
    return tuple(rows[1:] if header else rows)


@lru_cache(maxsize=None)
def read_rows(name: str | Path, header: bool = False, folder: Path | None = None) -> tuple[Row, ...]:
    """The records of the data file ``name`` (under ``folder``, default ``DATA_DIR``), read once."""
    path = (Path(folder) if folder is not None else DATA_DIR) / name
    return parse_rows(path.read_text(encoding="utf-8"), header=header)


@dataclass(frozen=True)
class NumberedRow:
    """One data row of a table: its 1-based line number in the file and its tab-separated fields."""

    line: int
    fields: list[str]


def data_text(name: str | Path) -> str:
    """The text of the packaged data file ``name``."""
    return data_path(name).read_text(encoding="utf-8")


def read_numbered(source: str | Path) -> tuple[list[str], list[NumberedRow]]:
    """The header fields and the numbered data rows of a table file (comments and blank lines skipped).

    Lines are not stripped, so an empty last field survives; an empty file is a ``DataTableError``.
    """
    text = Path(source).read_text(encoding="utf-8")
    numbered = [(n, ln) for n, ln in enumerate(text.splitlines(), 1) if ln.strip() and not ln.startswith("#")]
    if not numbered:
        raise DataTableError(source, None, "no header line")
    header = numbered[0][1].split("\t")
    return header, [NumberedRow(n, ln.split("\t")) for n, ln in numbered[1:]]


def numbered_rows(name: str | Path) -> list[NumberedRow]:
    """The numbered data rows of the packaged table ``name`` (header skipped)."""
    return read_numbered(data_path(name))[1]


def read_dicts(name: str | Path) -> list[dict[str, str]]:
    """The rows of the packaged table ``name`` as dicts keyed by its header; a row with the wrong
    number of fields is a ``DataTableError`` naming the file and line."""
    path = data_path(name)
    header, rows = read_numbered(path)
    for row in rows:
        if len(row.fields) != len(header):
            raise DataTableError(path, row.line, f"expected {len(header)} tab-separated fields "
                                 f"({', '.join(header)}), got {len(row.fields)}")
    return [dict(zip(header, row.fields)) for row in rows]


def read_words(name: str | Path) -> tuple[str, ...]:
    """The first field of every record of a data file (word lists: one word a line)."""
    return tuple(row[0] for row in read_rows(name))


def read_json(name: str | Path) -> Any:
    """A JSON data file, parsed (not cached: callers cache what they derive from it)."""
    return json.loads(data_path(name).read_text(encoding="utf-8"))


def read_table(path: str | Path) -> dict[str, str]:
    """A ``key<TAB>value`` table file (no comments; the value is everything after the first tab)."""
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            key, _, value = line.rstrip("\n").partition("\t")
            if key:
                out[key] = value
    return out


def write_table(path: str | Path, table: dict[str, object]) -> None:
    """Write ``key<TAB>value`` lines sorted by key, so the file is byte-stable (see ``read_table``)."""
    lines = [f"{k}\t{v}\n" for k, v in sorted(table.items()) if k and "\t" not in k and "\n" not in k]
    Path(path).write_text("".join(lines), encoding="utf-8")
