"""Characters per second of ``find_timexes`` vs ``dateparser.search_dates(..., languages=['ar'])``.

Both run in this script on the same text: the article files of a corpus folder (default
``../shared/devcorpus`` relative to the repository), repeated to at least 2 MB for
``find_timexes``. dateparser is far slower, so it is timed on a prefix of that same text
(at least 200 kB, ``--dateparser-chars``); the comparison is in characters per second.

    python benchmarks/timex.py [CORPUS_DIR] [--size 2000000] [--dateparser-chars 200000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def corpus_text(folder: Path, size: int) -> str:
    """The bodies of every article under ``folder`` (header lines dropped), repeated to ``size`` chars."""
    files = sorted(folder.rglob("*.txt"))
    if not files:
        sys.exit(f"benchmarks/timex.py: no *.txt files under {folder}")
    parts = []
    for path in files:
        content = path.read_text(encoding="utf-8")
        parts.append(content.split("\n", 1)[1] if content.startswith(" date") else content)
    one = "\n\n".join(parts)
    return (one + "\n\n") * (size // (len(one) + 2) + 1)


def rate(fn, text: str, chunk: int = 20_000) -> tuple[float, float, int]:
    """(chars/second, seconds, number of results) of ``fn`` over ``text`` cut into paragraph chunks."""
    chunks, start = [], 0
    while start < len(text):
        end = text.find("\n", start + chunk)
        end = len(text) if end < 0 else end + 1
        chunks.append(text[start:end])
        start = end
    found = 0
    t0 = time.perf_counter()
    for piece in chunks:
        found += len(fn(piece) or [])
    seconds = time.perf_counter() - t0
    return len(text) / seconds, seconds, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "devcorpus"))
    parser.add_argument("--size", type=int, default=2_000_000, help="characters for find_timexes (default 2 MB)")
    parser.add_argument("--dateparser-chars", type=int, default=200_000, help="prefix timed for dateparser (default 200 kB)")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(REPO / "src"))
    from analysis.timex import find_timexes

    text = corpus_text(Path(args.corpus), args.size)
    find_timexes("اليوم", "2025-01-01")  # warm up (imports, compiled patterns)
    ours, ours_s, ours_n = rate(lambda t: find_timexes(t, "2025-12-31"), text)
    print(f"find_timexes:          {ours:12,.0f} chars/s  ({len(text):,} chars in {ours_s:.2f} s, {ours_n:,} timexes)")

    try:
        import dateparser
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser not installed: pip install dateparser")
        return 1
    prefix = text[: args.dateparser_chars]
    settings = {"RELATIVE_BASE": __import__("datetime").datetime(2025, 12, 31)}
    search_dates("اليوم", languages=["ar"], settings=settings)  # warm up
    theirs, theirs_s, theirs_n = rate(lambda t: search_dates(t, languages=["ar"], settings=settings), prefix)
    print(
        f"dateparser.search_dates: {theirs:10,.0f} chars/s  ({len(prefix):,}-char prefix of the same text in "
        f"{theirs_s:.2f} s, {theirs_n:,} dates; dateparser {dateparser.__version__})"
    )
    print(f"ratio: find_timexes is {ours / theirs:.1f}x the chars/second of dateparser")
    return 0


if __name__ == "__main__":
    sys.exit(main())
