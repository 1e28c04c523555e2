"""Small helpers shared by the tests: build article files in a temporary folder."""

from __future__ import annotations

from pathlib import Path


def write_article(folder: Path, name: str, text: str | bytes) -> Path:
    """Write an article file (str as UTF-8, bytes as is) and return its path."""
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))
    return path


def article_text(date: str = "2025-12-31", url: str = "https://example.com/a/1",
                 title: str = "عنوان الخبر", body: str = "نص الخبر الأول.\n\nفقرة ثانية من الخبر.") -> str:
    """A well-formed article in the seed format."""
    return f" date {date} {url}\n\n{title}\n\n{body}\n"
