"""Regenerate ``src/analysis/data/ner/person_names.tsv``: single words that are personal names.

Sources (read from the two PyPI wheels, given as paths; neither package is needed at run time):
  - arabic-name-romanizer 0.2.0, ``resources/names.sqlite3``, table ``units``, rows from Wikidata
    (CC0): given names (``g``) and family names (``s``) of people of Arabic-speaking countries;
  - arabnamer 0.1.3, ``data/dict_FINAL.json`` (CC BY 4.0, E. Yousef): English -> Arabic name
    pairs, many of them foreign names written in Arabic (``f``).
Each word is stored in its core form (``analysis.entities.normalize``), as the NER features
compare it; a word listed by several sources keeps the first class of g, s, f. Usage:
    python tools/make_person_names.py ROMANIZER.whl ARABNAMER.whl
The output is sorted and byte-stable for the same inputs.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
import tempfile
import zipfile
from pathlib import Path

from analysis.entities.normalize import core, norm

TABLE = Path(__file__).resolve().parents[1] / "src" / "analysis" / "data" / "ner" / "person_names.tsv"
_ARABIC_WORD = re.compile(r"^[\u0621-\u064a]{2,}$")
ORDER = {"g": 0, "s": 1, "f": 2}


def add(out: dict[str, str], phrase: str, cls: str) -> None:
    """Add each Arabic word of a name with its class (the earlier class wins)."""
    for w in phrase.split():
        key = core(norm(w))
        if _ARABIC_WORD.match(key) and (key not in out or ORDER[cls] < ORDER[out[key]]):
            out[key] = cls


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    romanizer, arabnamer = map(Path, argv)
    out: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(romanizer) as z:
            db = z.extract("arabic_name_romanizer/resources/names.sqlite3", tmp)
        con = sqlite3.connect(db)
        rows = con.execute("SELECT DISTINCT arabic_key, role FROM units WHERE source = 'wikidata' ORDER BY arabic_key, role")
        for key, role in rows:
            if role in ("given", "surname"):
                add(out, key, "g" if role == "given" else "s")
        con.close()
    with zipfile.ZipFile(arabnamer) as z:
        pairs = json.loads(z.read("arabnamer/data/dict_FINAL.json").decode("utf-8"))
    for arabic in sorted(pairs.values()):
        add(out, arabic, "f")
    lines = ["# Single-word personal names in core form (tools/make_person_names.py): g given, s family (Wikidata via",
             "# arabic-name-romanizer 0.2.0, CC0), f other names written in Arabic (arabnamer 0.1.3, CC BY 4.0, E. Yousef).",
             "# Features only: the CRF learns how far to trust them (docs/NER.md)."]
    lines += [f"{k}\t{v}" for k, v in sorted(out.items())]
    TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(out)} names -> {TABLE}", {c: sum(v == c for v in out.values()) for c in ORDER})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
