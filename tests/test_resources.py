"""The package data reader: one folder, one record format (comments skipped), model tables."""

from __future__ import annotations

from pathlib import Path

from analysis import resources
from analysis.resources import DATA_DIR, data_path, parse_rows, read_rows, read_table, read_words, write_table


def test_data_folder_is_inside_the_package():
    assert DATA_DIR == Path(resources.__file__).resolve().parent / "data"
    assert data_path("ner/gazetteer.tsv").is_file()


def test_records_skip_comments_and_blank_lines():
    text = "# a comment\n\n  word\tTYPE  \n   # indented comment\nother\tX\textra\n"
    assert parse_rows(text) == (("word", "TYPE"), ("other", "X", "extra"))
    assert parse_rows("col_a\tcol_b\nx\ty\n", header=True) == (("x", "y"),)


def test_read_rows_is_cached_and_immutable(tmp_path):
    (tmp_path / "list.txt").write_text("# words\nأمس\nاليوم\n", encoding="utf-8")
    rows = read_rows("list.txt", folder=tmp_path)
    assert rows == (("أمس",), ("اليوم",))
    assert read_rows("list.txt", folder=tmp_path) is rows
    assert read_words("stopwords_ar.txt") and all(isinstance(w, str) for w in read_words("stopwords_ar.txt"))


def test_model_tables_round_trip_without_comment_rules(tmp_path):
    table = {"#هاشتاغ": "ORG", "بغداد": "LOC", "x": "PERS?", "bad\tkey": "no", "": "no"}
    write_table(tmp_path / "t.tsv", table)
    assert (tmp_path / "t.tsv").read_text(encoding="utf-8") == "#هاشتاغ\tORG\nx\tPERS?\nبغداد\tLOC\n"
    assert read_table(tmp_path / "t.tsv") == {"#هاشتاغ": "ORG", "x": "PERS?", "بغداد": "LOC"}
