"""The corpus loader: good files, every kind of bad file, duplicates, offsets into the content."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis.corpus import (
    Article,
    format_header,
    is_header_line,
    iter_articles,
    load_article,
    load_corpus,
    os_problem,
    parse_article,
    source_domain,
)
from analysis.errors import CorpusError
from helpers import article_text, write_article


def test_seed_article_fields(seed_path):
    a = load_article(seed_path)
    assert isinstance(a, Article)
    assert a.date == dt.date(2025, 12, 31)
    assert a.url.startswith("https://sarabic.ae/20251231/")
    assert a.source == "sarabic.ae"
    assert a.title == 'الجيش العراقي في طريقه لتسلم مقر التحالف الدولي في قاعدة "عين الأسد" بالأنبار'
    assert a.content[a.title_start:a.title_end] == a.title
    assert a.content[a.body_start:a.body_end] == a.body
    assert a.body.startswith("الجيش العراقي في طريقه")
    assert a.body.endswith("بعد انتهاء مهمة التحالف الدولي\".")
    assert a.content == seed_path.read_text(encoding="utf-8")


def test_analysis_text_blanks_header_only(seed_path):
    a = load_article(seed_path)
    text = a.analysis_text
    assert len(text) == len(a.content)
    assert text[: a.header_end].strip() == ""
    assert text[a.header_end:] == a.content[a.header_end:]


def test_crlf_and_bom_load_like_lf(tmp_path):
    lf = article_text()
    write_article(tmp_path, "lf.txt", lf)
    write_article(tmp_path, "crlf.txt", lf.replace("\n", "\r\n").encode("utf-8"))
    write_article(tmp_path, "bom.txt", b"\xef\xbb\xbf" + lf.encode("utf-8"))
    a, b, c = (load_article(tmp_path / n) for n in ("lf.txt", "crlf.txt", "bom.txt"))
    assert a.title == b.title == c.title and a.body == b.body == c.body
    assert b.content == open(tmp_path / "crlf.txt", encoding="utf-8").read()
    assert c.content == open(tmp_path / "bom.txt", encoding="utf-8").read()
    assert c.content[0] == "\ufeff" and c.content[c.title_start:c.title_end] == c.title


def test_title_without_blank_line_before_body(tmp_path):
    write_article(tmp_path, "a.txt", " date 2024-01-02 https://x.org/1\nعنوان\nنص الخبر\n")
    a = load_article(tmp_path / "a.txt")
    assert (a.title, a.body) == ("عنوان", "نص الخبر")


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("", None, "empty file"),
        ("   \n\n  ", None, "only white space"),
        ("عنوان\n\nنص\n", 1, "no header"),
        (" date 2025-13-45 https://x.org/1\n\nعنوان\n\nنص\n", 1, "impossible date"),
        (" date 2025-02-30 https://x.org/1\n\nعنوان\n\nنص\n", 1, "impossible date"),
        (" date 31/12/2025 https://x.org/1\n\nعنوان\n\nنص\n", 1, "malformed date"),
        (" date 2025-12-31\n\nعنوان\n\nنص\n", 1, "missing URL"),
        (" date 2025-12-31 not-a-url\n\nعنوان\n\nنص\n", 1, "missing URL"),
        (" date 2025-12-31 https://x.org/1\n\n", 1, "header only"),
        (" date 2025-12-31 https://x.org/1\n\nعنوان فقط\n\n", 3, "headline with no body"),
    ],
)
def test_bad_articles_name_file_line_and_problem(tmp_path, content, line, message):
    path = write_article(tmp_path, "bad.txt", content)
    with pytest.raises(CorpusError) as info:
        load_article(path)
    err = info.value
    assert err.path == str(path) and err.line == line
    assert message in str(err)
    assert str(err).startswith(str(path) + (f":{line}:" if line else ":"))


def test_cp1256_is_named(tmp_path):
    path = write_article(tmp_path, "win.txt", article_text().encode("cp1256"))
    with pytest.raises(CorpusError, match="cp1256") as info:
        load_article(path)
    assert info.value.line == 3  # the first Arabic byte is on the headline


def test_binary_and_utf16_are_refused(tmp_path):
    png = write_article(tmp_path, "img.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    utf16 = write_article(tmp_path, "u16.txt", article_text().encode("utf-16"))
    with pytest.raises(CorpusError, match="binary"):
        load_article(png)
    with pytest.raises(CorpusError, match="UTF-16"):
        load_article(utf16)


def test_load_corpus_sorted_by_date_with_columns(tmp_path):
    write_article(tmp_path, "b.txt", article_text(date="2025-01-02", url="https://a.org/2", body="الخبر الثاني"))
    write_article(tmp_path, "a.txt", article_text(date="2024-05-06", url="https://b.org/1", body="الخبر الأول"))
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    df = load_corpus(tmp_path)
    assert list(df["id"]) == ["a", "b"]
    assert df["date"].dtype.kind == "M"
    assert list(df["source"]) == ["b.org", "a.org"]
    assert {"title", "body", "content", "title_start", "body_start", "url", "path"} <= set(df.columns)
    assert df.attrs["problems"].empty


def test_duplicates_loaded_once_and_reported(tmp_path):
    write_article(tmp_path, "a.txt", article_text(url="https://a.org/1", body="نصٌّ واحدٌ للخبر"))
    write_article(tmp_path, "b.txt", article_text(url="https://a.org/1/", body="نص آخر تماما"))
    write_article(tmp_path, "c.txt", article_text(url="https://c.org/9", body="نص  واحد للخبر"))  # same after normalization
    df = load_corpus(tmp_path)
    assert list(df["id"]) == ["a"]
    problems = df.attrs["problems"]
    assert list(problems["severity"]) == ["warning", "warning"]
    assert "same URL" in problems["problem"].iloc[0] and "same text" in problems["problem"].iloc[1]


def test_skip_errors_loads_good_files_and_reports_bad(tmp_path):
    write_article(tmp_path, "good.txt", article_text())
    write_article(tmp_path, "bad.txt", "no header here\n")
    with pytest.raises(CorpusError, match="bad.txt:1: no header"):
        load_corpus(tmp_path)
    df = load_corpus(tmp_path, errors="skip")
    assert list(df["id"]) == ["good"]
    report = df.attrs["problems"]
    assert isinstance(report, pd.DataFrame)
    assert report.iloc[0]["path"].endswith("bad.txt") and report.iloc[0]["line"] == 1


def test_empty_folder_is_an_error(tmp_path):
    (tmp_path / "readme.md").write_text("x", encoding="utf-8")
    with pytest.raises(CorpusError, match="no articles found"):
        load_corpus(tmp_path)


def test_future_date_is_a_warning_not_an_error(tmp_path):
    path = write_article(tmp_path, "f.txt", article_text(date="2030-01-01"))
    a = load_article(path, today=dt.date(2026, 1, 1))
    assert a.date == dt.date(2030, 1, 1)
    assert any("future" in w for w in a.warnings)


def test_html_markup_is_blanked_in_analysis_text(tmp_path):
    path = write_article(tmp_path, "h.txt", article_text(body="<p>نص <b>الخبر</b> هنا</p>"))
    a = load_article(path)
    assert any("HTML" in w for w in a.warnings)
    assert "<" not in a.analysis_text and len(a.analysis_text) == len(a.content)
    start = a.analysis_text.index("الخبر")
    assert a.content[start:start + 5] == "الخبر"


def test_iter_articles_streams(tmp_path):
    for i in range(3):
        write_article(tmp_path, f"{i}.txt", article_text(url=f"https://a.org/{i}", body=f"نص رقم {i} مختلف"))
    stream = iter_articles(tmp_path)
    assert next(stream).id == "0"  # a generator: one article at a time


@pytest.mark.parametrize(("url", "domain"), [
    ("https://www.bbc.com/arabic/x", "bbc.com"),
    ("http://burathanews.com/arabic/news/470310", "burathanews.com"),
    ("https://stg.akhbaralaan.net/news", "stg.akhbaralaan.net"),
])
def test_source_domain(url, domain):
    assert source_domain(url) == domain


def test_header_api():
    line = format_header("2025-12-31", "https://example.com/a")
    assert line == " date 2025-12-31 https://example.com/a" and is_header_line(line)
    assert not is_header_line("عنوان الخبر") and is_header_line("date 2025-13-45")  # the shape only
    article = parse_article("x.txt", line + "\n\nعنوان\n\nنص.\n")
    assert (article.date.isoformat(), article.url) == ("2025-12-31", "https://example.com/a")


def test_os_problem_in_words():
    assert os_problem(PermissionError(13, "denied")) == "cannot read the file: permission denied"
    assert os_problem(FileNotFoundError(2, "missing")) == "no such file (or a broken symbolic link)"
    assert os_problem(OSError(40, "loop")) == "symbolic link loop"
