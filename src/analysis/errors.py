"""Errors for expected bad input: the CLI prints them as one line, never a traceback."""

from __future__ import annotations

from pathlib import Path


class AnalysisError(Exception):
    """An expected problem with the user's input (a file, an option, a model)."""


class FileLineError(AnalysisError):
    """A problem at a place in a file: the message is ``FILE:LINE: problem`` (``FILE: problem`` without a line)."""

    def __init__(self, path: str | Path, line: int | None, problem: str):
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {problem}")


class CorpusError(FileLineError):
    """A corpus file that cannot be loaded; names the file and the line."""


class DataTableError(FileLineError, ValueError):
    """A data table row that cannot be used (a packaged lexicon or a user's table); names the file and line."""
