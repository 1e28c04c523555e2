"""The review end to end: ``analysis review`` on a corpus, a researcher's edits, the figures, new articles.

The entries and their stable ids come from the real pipeline (``merge_events``) on the small event
fixture; the edits are made in the CSV as a researcher would make them.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from analysis.study import Study

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "events"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def edit(path: Path, match: dict[str, str], **values: str) -> str:
    """Set cells of the one row whose columns equal ``match``; returns its id."""
    table = rows(path)
    hits = [r for r in table if all(r[k] == v for k, v in match.items())]
    assert len(hits) == 1, (match, [(r["type"], r["extracted_place"]) for r in table])
    hits[0].update(values)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(table[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return hits[0]["id"]


@pytest.fixture
def setup(tmp_path: Path, monkeypatch) -> tuple[Path, Path]:
    """A corpus of two of the fixture articles (the third is added later), and where the table goes."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("101_ainasad_handover_a.txt", "103_harir_handover.txt"):
        shutil.copy(FIXTURES / name, corpus / name)
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    return corpus, tmp_path / "reviews" / "timeline.csv"


def review(corpus: Path, table: Path) -> int:
    return main(["review", "--corpus", str(corpus), "--review", str(table), "--quiet"])


def test_review_correct_redraw_add_articles_and_keep_the_decisions(setup, tmp_path: Path, capsys, monkeypatch) -> None:
    corpus, table = setup
    assert review(corpus, table) == 0
    first = rows(table)
    assert first and all(r["keep"] == "" and r["in_corpus"] == "yes" for r in first)
    ids = [r["id"] for r in first]
    assert len(set(ids)) == len(ids) and all(ids)

    attack = edit(table, {"type": "attack"}, keep="no", note="a drill, not an attack")
    harir = edit(table, {"type": "handover", "extracted_place": "حرير"}, keep="yes", date="2026-02")
    asad = edit(table, {"type": "handover", "extracted_place": "عين الأسد"}, keep="yes", status="occurred",
                label="تسليم عين الأسد")

    # The figures apply the review: the dropped entry is gone, the corrections are drawn and in the CSV.
    out = tmp_path / "figures"
    monkeypatch.setenv("ANALYSIS_REVIEW", str(table))  # analysis figures reads the table from analysis.paths
    assert main(["figures", "--corpus", str(corpus), "--out", str(out), "--quiet"]) == 0
    drawn = pd.read_csv(out / "withdrawal_timeline.csv", dtype=str).set_index("id")
    assert attack not in drawn.index
    assert drawn.loc[harir, "date"] == "2026-02" and drawn.loc[harir, "start"] == "2026-02-01"
    assert drawn.loc[asad, "status"] == "occurred"
    # reviewed and unreviewed entries are told apart in the CSV
    assert drawn.loc[harir, "reviewed"] == "True" and drawn.loc[asad, "reviewed"] == "True"
    assert set(drawn["reviewed"].drop([harir, asad])) <= {"False"}
    study = Study.load(corpus, review=table)
    entries = study.entries.set_index("id")
    assert attack not in entries.index and entries.loc[asad, "label"] == "تسليم عين الأسد"
    assert entries.loc[harir, "reviewed"] and entries.loc[asad, "reviewed"]
    assert study.review.unreviewed == len(entries) - 2

    # New articles: the decisions stay, the entry reported again keeps its id, new entries are appended.
    shutil.copy(FIXTURES / "102_ainasad_handover_b.txt", corpus / "102_ainasad_handover_b.txt")
    assert review(corpus, table) == 0
    after = {r["id"]: r for r in rows(table)}
    assert [r["id"] for r in rows(table)][: len(ids)] == ids  # earlier rows first, in their order
    assert after[attack]["keep"] == "no" and after[attack]["note"] == "a drill, not an attack"
    assert (after[harir]["keep"], after[harir]["date"]) == ("yes", "2026-02")
    assert (after[asad]["status"], after[asad]["n_sources"]) == ("occurred", "2")
    study = Study.load(corpus, review=table)
    assert attack not in set(study.entries["id"])
    assert study.entries.set_index("id").loc[asad, "status"] == "occurred"

    # An article removed: its entries' rows stay in the table and are reported, one line each.
    (corpus / "103_harir_handover.txt").unlink()
    capsys.readouterr()
    assert review(corpus, table) == 0
    err = capsys.readouterr().err.splitlines()
    gone = {attack, harir}
    assert len(err) == len(gone) and all(line.startswith(f"analysis review: warning: {table}:") for line in err)
    assert {i for i in gone if any(i in line for line in err)} == gone
    assert {r["id"]: r["in_corpus"] for r in rows(table)}[harir] == "no"
    assert rows(table)[[r["id"] for r in rows(table)].index(harir)]["date"] == "2026-02"
    assert [d.id for d in Study.load(corpus, review=table).review.orphans] == [i for i in ids if i in gone]
    # ... and so does every command that draws the figures
    assert main(["figures", "--corpus", str(corpus), "--out", str(out), "--quiet"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == len(gone) and all(line.startswith(f"analysis figures: warning: {table}:") for line in err)


def test_a_bad_review_table_is_one_line_for_every_command(setup, capsys) -> None:
    corpus, table = setup
    assert review(corpus, table) == 0
    edit(table, {"type": "attack"}, keep="perhaps")
    line = [r["type"] for r in rows(table)].index("attack") + 2
    for command in (["review", "--review", str(table)], ["figures", "--out", str(table.parent / "f")]):
        capsys.readouterr()
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("ANALYSIS_REVIEW", str(table))
            assert main([*command[:1], "--corpus", str(corpus), *command[1:], "--quiet"]) == 2
        err = capsys.readouterr().err
        assert err == f"analysis {command[0]}: error: {table}:{line}: keep must be yes, no or empty, not 'perhaps'\n"
