"""Regenerate ``src/analysis/data/ner/word_freq.tsv``: how common a word is in general Arabic.

Source: the installed ``wordfreq`` package (3.1.1; code Apache-2.0, word lists CC BY-SA 4.0, Robyn
Speer et al.), its large Arabic list (620k words from web text, subtitles, news, Wikipedia...).
The NER features compare words in their normal form and their core form
(``analysis.entities.normalize``), so the frequencies are summed per normal form and per core form
and written as Zipf values (log10 of the frequency per billion words, one decimal):
``form<TAB>word Zipf<TAB>core Zipf`` (``-`` when the form is not that kind or below the cut).
Forms below ``--min-zipf`` in both columns are left out (a missing form reads as rare).
Usage:
    python tools/make_word_freq.py [--min-zipf 2.0]
The output is sorted and byte-stable for the same wordfreq version; wordfreq is not needed at
run time.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import wordfreq

from analysis.entities.normalize import core, norm

TABLE = Path(__file__).resolve().parents[1] / "src" / "analysis" / "data" / "ner" / "word_freq.tsv"


def zipf(freq: float) -> float:
    """Zipf value of a frequency (log10 per billion words), rounded to one decimal."""
    return round(math.log10(freq * 1e9), 1)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-zipf", type=float, default=2.0)
    args = ap.parse_args(argv)
    words: dict[str, float] = defaultdict(float)
    cores: dict[str, float] = defaultdict(float)
    for w in wordfreq.iter_wordlist("ar", wordlist="large"):
        f = wordfreq.word_frequency(w, "ar", wordlist="large")
        n = norm(w)
        words[n] += f
        cores[core(n)] += f
    rows = []
    for form in sorted(set(words) | set(cores)):
        zw = zipf(words[form]) if form in words else 0.0
        zc = zipf(cores[form]) if form in cores else 0.0
        if max(zw, zc) < args.min_zipf or not form.strip() or "\t" in form:
            continue
        rows.append(f"{form}\t{zw if zw >= args.min_zipf else '-'}\t{zc if zc >= args.min_zipf else '-'}")
    lines = [f"# General-language frequency (tools/make_word_freq.py): wordfreq {version('wordfreq')} "
             f"large Arabic list (CC BY-SA 4.0),",
             f"# summed per normal form and per core form, as Zipf values >= {args.min_zipf}: form, word Zipf, core Zipf.",
             "# Features only (docs/NER.md)."]
    TABLE.write_text("\n".join(lines + rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} forms -> {TABLE} ({TABLE.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
