"""The events package's data tables (``analysis/data/event_*``): one reader that keeps line numbers.

A table is UTF-8 text: ``#`` comment lines and blank lines are skipped, the first other line is
the header, every following line is a row of tab-separated fields. Rows carry their line number
so that a bad row is reported as ``FILE:LINE: problem`` (``DataTableError``), one line, at load time.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from analysis.errors import AnalysisError


class DataTableError(AnalysisError, ValueError):
    """A data table row that cannot be used; the message names the file and the line."""

    def __init__(self, path: str | Path | Traversable, line: int | None, problem: str):
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Row:
    """One data row of a table: its 1-based line number in the file and its tab-separated fields."""

    line: int
    fields: list[str]


def data_file(name: str) -> Traversable:
    """The packaged data file ``analysis/data/NAME``."""
    return resources.files("analysis").joinpath(f"data/{name}")


def data_text(name: str) -> str:
    """The text of the packaged data file ``analysis/data/NAME``."""
    return data_file(name).read_text(encoding="utf-8")


def read_table(source: str | Path | Traversable) -> tuple[list[str], list[Row]]:
    """The header fields and the data rows of a table (comments and blank lines skipped)."""
    text = (Path(source) if isinstance(source, str) else source).read_text(encoding="utf-8")
    numbered = [(n, ln) for n, ln in enumerate(text.splitlines(), 1) if ln.strip() and not ln.startswith("#")]
    if not numbered:
        raise DataTableError(source, None, "no header line")
    header = numbered[0][1].split("\t")
    return header, [Row(n, ln.split("\t")) for n, ln in numbered[1:]]


def table_rows(name: str) -> list[Row]:
    """The data rows of the packaged table ``analysis/data/NAME`` (header skipped)."""
    return read_table(data_file(name))[1]
