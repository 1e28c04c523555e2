"""Archive corpora (JSONL, CSV, Parquet): rows as articles, offsets into the rendered text, citations,
bad rows reported like bad files, ``--skip-errors``, column mappings, ``analysis import``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from analysis.corpus import Problem, iter_articles, load_article, load_corpus
from analysis.errors import CorpusError
from analysis.ingest.archive import Columns, Row, iter_rows, render_row
from analysis.ingest.cite import cited_text, parse_citation
from analysis.ingest.layout import render_article
from analysis.study import Study
from analysis.timex import find_timexes

MAPPING = {"date": "published", "url": "link", "title": "headline", "body": "text", "id": "guid"}
GOOD = [
    {"guid": "n-101", "published": "2026-01-15T09:30:00+03:00", "link": "https://akhbar.example.com/n/101",
     "headline": "الجيش يتسلم قاعدة عين الأسد",
     "text": "أعلنت قيادة العمليات المشتركة في 15 كانون الثاني 2026 تسلم القاعدة.\r\n\r\nوقال متحدث إن التسليم اكتمل."},
    {"guid": "n/102", "published": "2026-01-16", "link": "https://akhbar.example.com/n/102",
     "headline": "وصول قافلة إلى\nأربيل",
     "text": "وصلت قافلة من القوات إلى قاعدة حرير يوم الخميس.\n\n\n\nوأكد مصدر أن المرحلة الثانية تنتهي في أيلول 2026."},
    {"guid": "n-103", "published": "2025-12-31", "link": "https://furat.example.org/p/103",
     "headline": "البرلمان يناقش الاتفاق الأمني",
     "text": "ناقش مجلس النواب الاتفاق الأمني مع الولايات المتحدة في جلسة مغلقة."},
]
BAD = [  # (row, why) in archive order, after the good rows
    ({"guid": "n-104", "published": "2026-02-30", "link": "https://x.example.com/104", "headline": "ع", "text": "نص."},
     "impossible date '2026-02-30' in column 'published'"),
    ({"guid": "n-105", "published": "2026-01-20", "link": "https://x.example.com/105", "headline": "عنوان", "text": " "},
     "no body (column 'text' is empty)"),
    ({"guid": "n-106", "published": "2026-01-20", "link": "not a url", "headline": "عنوان", "text": "نص آخر."},
     "URL 'not a url' in column 'link' is not an absolute URL without spaces"),
    ({"guid": "n-101", "published": "2026-01-21", "link": "https://x.example.com/107", "headline": "عنوان", "text": "نص."},
     "id 'n-101' already used by row 1"),
]


def write_archive(folder: Path, kind: str, rows: list[dict], mapping: dict | None = MAPPING) -> Path:
    path = folder / f"news.{kind}"
    if kind == "jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    elif kind == "csv":
        pd.DataFrame(rows).to_csv(path, index=False)
    else:
        pd.DataFrame(rows).to_parquet(path, index=False)
    if mapping is not None:
        (folder / f"{path.name}.columns.json").write_text(json.dumps(mapping), encoding="utf-8")
    return path


@pytest.fixture(params=["jsonl", "csv", "parquet"])
def archive(request, tmp_path: Path) -> Path:
    return write_archive(tmp_path, request.param, GOOD + [row for row, _ in BAD])


def test_rows_are_articles_rendered_in_the_file_layout(archive: Path) -> None:
    problems: list[Problem] = []
    articles = list(iter_articles(archive, errors="skip", problems=problems))
    assert [a.id for a in articles] == ["n-101", "n/102", "n-103"]
    assert [a.path for a in articles] == [f"{archive}#n-101", f"{archive}#n%2F102", f"{archive}#n-103"]
    first, second = articles[0], articles[1]
    assert first.date == dt.date(2026, 1, 15) and first.url == "https://akhbar.example.com/n/101"
    assert first.content == (" date 2026-01-15 https://akhbar.example.com/n/101\n\nالجيش يتسلم قاعدة عين الأسد\n\n"
                             "أعلنت قيادة العمليات المشتركة في 15 كانون الثاني 2026 تسلم القاعدة.\n\n"
                             "وقال متحدث إن التسليم اكتمل.\n")
    assert second.title == "وصول قافلة إلى أربيل" and "\n\n\n" not in second.content
    for a in articles:
        assert a.content == render_article(a.date, a.url, a.title, a.body)
        assert a.content[a.title_start : a.title_end] == a.title and a.content[a.body_start : a.body_end] == a.body
    # Bad rows: one problem each, naming the archive and the row, in archive order.
    errors = [p for p in problems if p.severity == "error"]
    assert [p.path for p in errors] == [str(archive)] * len(BAD)
    for (row, why), problem, number in zip(BAD, errors, range(4, 8)):
        assert problem.problem == f"row {number} (id {row['guid']}): {why}"
    assert "\n" not in "".join(str(p) for p in problems)


def test_offsets_and_citations_point_into_the_rendered_row(archive: Path) -> None:
    articles = list(iter_articles(archive, errors="skip"))
    found = 0
    for a in articles:
        for t in find_timexes(a.analysis_text, a.date):
            assert a.content[t.start : t.end] == t.text
            citation = f"{a.path}:{t.start}-{t.end}"
            assert cited_text(citation) == t.text
            # As the timeline cites it (file name only), relative to the archive's folder.
            assert cited_text(f"{Path(a.path).name}:{t.start}-{t.end}", base=archive.parent) == t.text
            found += 1
    assert found >= 3
    assert parse_citation("news.parquet#n%2F102:10-20").source == "news.parquet#n%2F102"
    with pytest.raises(CorpusError, match="no row with id"):
        cited_text(f"{archive}#nope:0-5")


def test_chunks_do_not_change_the_rows(archive: Path) -> None:
    def rows(chunk_rows: int) -> list:
        return [r if isinstance(r, Row) else str(r) for r in iter_rows(archive, chunk_rows=chunk_rows)]

    assert rows(1) == rows(2) == rows(1024)
    assert len(rows(1)) == len(GOOD) + len(BAD)


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet"])
def test_cli_bad_rows_one_line_each_and_skip_errors(tmp_path: Path, kind: str, capsys) -> None:
    path = write_archive(tmp_path, kind, GOOD + [row for row, _ in BAD])
    code = main(["corpus", str(path)])
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert code == 2 and "Traceback" not in err
    assert len(lines) == len(BAD) + 1 and all(line.startswith(f"analysis corpus: {path}") for line in lines[:-1])
    assert "row 4 (id n-104)" in lines[0] and "use --skip-errors" in lines[-1]
    code = main(["corpus", str(path), "--skip-errors"])
    out, err = capsys.readouterr()
    assert code == 0 and out.startswith("3 articles, 2025-12-31 to 2026-01-16")


def test_column_mapping_by_flags_file_or_defaults(tmp_path: Path, capsys) -> None:
    path = write_archive(tmp_path, "parquet", GOOD, mapping=None)
    code = main(["corpus", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 2
    assert "no column 'date' for the date" in err and "--columns FIELD=COLUMN or news.parquet.columns.json" in err
    spec = ",".join(f"{k}={v}" for k, v in MAPPING.items())
    assert main(["corpus", str(path), "--columns", spec, "--json"]) == 0
    ids = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    assert sorted(ids) == ["n-101", "n-103", "n/102"]
    mapping_file = tmp_path / "map.json"
    mapping_file.write_text(json.dumps({k: v for k, v in MAPPING.items() if k != "id"}), encoding="utf-8")
    assert main(["corpus", str(path), "--columns-file", str(mapping_file), "--json"]) == 0
    ids = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    assert sorted(ids) == ["1", "2", "3"]  # no id column mapped: rows are numbered
    renamed = pd.DataFrame(GOOD).rename(columns={v: k for k, v in MAPPING.items()})
    renamed.to_parquet(tmp_path / "plain.parquet", index=False)
    assert [a.id for a in iter_articles(tmp_path / "plain.parquet")] == ["n-101", "n/102", "n-103"]
    with pytest.raises(CorpusError, match="expected FIELD=COLUMN"):
        Columns.parse("date:published")


def test_typed_parquet_columns(tmp_path: Path) -> None:
    frame = pd.DataFrame(GOOD)
    frame["guid"] = [7, 8, 9]
    frame["published"] = [pd.Timestamp("2026-01-15 09:30"), pd.Timestamp("2026-01-16"), pd.Timestamp("2025-12-31")]
    frame.to_parquet(tmp_path / "typed.parquet", index=False)
    (tmp_path / "typed.parquet.columns.json").write_text(json.dumps(MAPPING), encoding="utf-8")
    articles = list(iter_articles(tmp_path / "typed.parquet"))
    assert [(a.id, a.date) for a in articles] == [("7", dt.date(2026, 1, 15)), ("8", dt.date(2026, 1, 16)),
                                                  ("9", dt.date(2025, 12, 31))]


def test_broken_jsonl_and_csv_rows(tmp_path: Path) -> None:
    good = json.dumps(GOOD[0], ensure_ascii=False)
    (tmp_path / "a.jsonl").write_bytes(f"{good}\n\n{{not json\n[1, 2]\n".encode() + b"\xff\xfe\n")
    (tmp_path / "a.jsonl.columns.json").write_text(json.dumps(MAPPING), encoding="utf-8")
    problems: list[Problem] = []
    assert len(list(iter_articles(tmp_path / "a.jsonl", errors="skip", problems=problems))) == 1
    assert [(p.line, p.problem.split(":")[0]) for p in problems] == [(3, "row 3"), (4, "row 4"), (5, "row 5")]
    assert "not valid JSON" in problems[0].problem and "not a JSON object" in problems[1].problem
    assert "not valid UTF-8" in problems[2].problem
    csv_text = "guid,published,link,headline,text\nn-1,2026-01-15,https://x.example.com/1,عنوان,\"نص\nعلى سطرين\"\n" \
               "n-2,2026-01-15,https://x.example.com/2,عنوان آخر\n"
    (tmp_path / "b.csv").write_text(csv_text, encoding="utf-8")
    (tmp_path / "b.csv.columns.json").write_text(json.dumps(MAPPING), encoding="utf-8")
    problems = []
    (article,) = iter_articles(tmp_path / "b.csv", errors="skip", problems=problems)
    assert article.body == "نص\nعلى سطرين"
    assert [str(p) for p in problems] == [f"{tmp_path / 'b.csv'}:4: error: row 2: 4 fields where the header has 5"]


def test_duplicate_rows_load_once(tmp_path: Path) -> None:
    rows = GOOD + [dict(GOOD[2], guid="n-999")]
    path = write_archive(tmp_path, "jsonl", rows)
    problems: list[Problem] = []
    assert len(list(iter_articles(path, problems=problems))) == 3
    assert problems[-1].severity == "warning" and f"duplicate of {path}#n-103" in problems[-1].problem


def test_import_writes_the_rendered_rows_as_files(tmp_path: Path, capsys) -> None:
    path = write_archive(tmp_path, "parquet", GOOD + [BAD[0][0]])
    out = tmp_path / "articles"
    assert main(["import", str(path), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert not out.exists() and "row 4 (id n-104)" in err and "nothing written" in err
    assert main(["import", str(path), "--out", str(out), "--skip-errors", "--quiet"]) == 0
    files = sorted(out.glob("*.txt"))
    assert [f.name for f in files] == ["2025-12-31_furat-p-103.txt", "2026-01-15_akhbar-n-101.txt",
                                       "2026-01-16_akhbar-n-102.txt"]
    rows = {a.url: a for a in iter_articles(path, errors="skip")}
    for f in files:
        article = load_article(f)
        assert article.content == rows[article.url].content  # same text: offsets and citations carry over
    assert main(["import", str(path), "--out", str(out), "--skip-errors"]) == 0  # again: all already there
    assert "3 already there" in capsys.readouterr().out and len(list(out.glob("*.txt"))) == 3


def test_archive_works_where_a_corpus_folder_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    path = write_archive(tmp_path, "parquet", GOOD)
    frame = load_corpus(path)
    assert list(frame["id"]) == ["n-103", "n-101", "n/102"]  # by date
    monkeypatch.setenv("ANALYSIS_CORPUS", str(path))  # what `make figures CORPUS=...` and the notebooks use
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    study = Study.load()
    assert list(study.corpus["path"]) == [f"{path}#n-103", f"{path}#n-101", f"{path}#n%2F102"]
    assert set(study.timexes["path"]) <= set(study.corpus["path"]) and len(study.timexes)
    by_path = dict(zip(study.corpus["path"], study.corpus["content"]))
    for row in study.timexes.itertuples():
        assert by_path[row.path][row.start : row.end] == row.text
    assert main(["run", "--corpus", str(path), "--figures-dir", str(tmp_path / "fig"), "--quiet"]) == 0
    assert (tmp_path / "fig" / "withdrawal_timeline.csv").is_file()
    assert "news.parquet#" in (tmp_path / "fig" / "withdrawal_timeline.csv").read_text(encoding="utf-8")


def test_render_row_refuses_what_the_loader_would() -> None:
    columns = Columns(**MAPPING)
    with pytest.raises(ValueError, match="malformed date"):
        render_row(dict(GOOD[0], published="15/01/2026"), columns)
    with pytest.raises(ValueError, match="NUL"):
        render_row(dict(GOOD[0], text="نص\x00"), columns)
    with pytest.raises(ValueError, match="no headline"):
        render_row(dict(GOOD[0], headline=None), columns)
