"""Saved web pages: extraction (text, headline, date, URL), ``analysis add page.html``, HTML named ``.txt``.

The pages under ``tests/fixtures/html/`` are written for these tests (no public article text):
an Arabic RTL page with navigation, breaking-news bar, related links, most-read box, share and tag
bars, cookie banner and footer, its date in a meta tag; a page whose date is only in its byline
text (and whose top bar shows another date, the day it was saved); a broken page (truncated
mid-tag, unclosed and misnested tags); a page with no date at all.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.corpus import load_article, load_corpus
from analysis.errors import CorpusError
from analysis.ingest.detect import html_page_line, looks_like_html
from analysis.ingest.html import decode_page, extract_page, page_article
from analysis.timex import find_timexes

HTML = Path(__file__).parent / "fixtures" / "html"
TODAY = dt.date(2026, 12, 1)

BOILERPLATE_META = [
    "الرئيسية", "مقالات الرأي", "ابحث في الموقع", "انقطاع التيار", "اقرأ أيضا", "مجلس النواب يناقش",
    "صادرات الخام", "الأكثر قراءة", "أسعار الذهب", "جميع الحقوق محفوظة", "ملفات تعريف الارتباط", "واتساب",
    "الوسوم", "مشاهدة", "من نحن", "dataLayer", "display",
]  # fmt: skip


def page(name: str) -> tuple[str, object]:
    path = HTML / name
    return str(path), extract_page(decode_page(path.read_bytes(), path), path, today=TODAY)


def test_meta_date_page_main_text_without_boilerplate() -> None:
    _, p = page("article_meta_date.html")
    assert p.title == "الجيش العراقي يتسلم قاعدة عين الأسد من قوات التحالف"
    assert (p.date, p.date_source) == (dt.date(2026, 1, 15), "metadata")
    assert p.url == "https://akhbar.example.com/iraq/2026/01/15/ain-al-asad-handover"
    paragraphs = p.text.split("\n\n")
    assert len(paragraphs) == 4
    assert [x.split()[0] for x in paragraphs] == ["تسلمت", "وقال", "وأضاف", "من"]
    for junk in BOILERPLATE_META:
        assert junk not in p.text, junk
    assert p.title not in p.text  # the headline is not repeated as the first paragraph


def test_date_only_in_the_byline_text_not_the_top_bar() -> None:
    _, p = page("article_text_date.html")
    # The top bar shows 17 January (the day the page was saved); the byline says published on the 14th.
    assert (p.date, p.date_source) == (dt.date(2026, 1, 14), "text")
    assert p.title == "وصول دفعة جديدة من القوات المنسحبة إلى أربيل"
    assert p.url == "https://furat.example.org/news/world-affairs/article-88412"
    assert len(p.text.split("\n\n")) == 3
    for junk in ["تسجيل الدخول", "الصفحة الرئيسية", "أخبار ذات صلة", "معرض الكتاب", "استطلاع الرأي",
                 "حقوق النشر", "انشر على", "نشر بتاريخ", "أربيل ٨°"]:
        assert junk not in p.text, junk


def test_broken_page_still_gives_its_article() -> None:
    _, p = page("article_broken.html")
    assert p.title == "انفجار قرب قاعدة التاجي دون إصابات"
    assert p.date == dt.date(2026, 2, 3)
    paragraphs = p.text.split("\n\n")
    assert [x.split()[0] for x in paragraphs] == ["أفاد", "وأضاف", "وتشهد"]
    assert "من دون أن تتبناها أي جهة" in p.text  # misnested <b><i> kept as text
    for junk in ["افتتاح جسر", "الطماطم", "جميع الحقوق", "اقرأ أيضا"]:
        assert junk not in p.text, junk


def test_page_without_date_needs_the_date_option() -> None:
    source, p = page("article_no_date.html")
    assert p.date is None and p.date_source is None
    with pytest.raises(CorpusError, match="--date"):
        page_article(p, source)
    text = page_article(p, source, date="2026-01-20")
    assert text.startswith(" date 2026-01-20 https://sada.example.net/politics/parliament-committee-timetable\n\n")


def _inline_page(top: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{x}</p>" for x in paragraphs)
    return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر</title>'
            f'<link rel="canonical" href="https://x.example.com/a"></head><body>{top}'
            f"<article><h1>عنوان الخبر التجريبي</h1>{body}</article></body></html>")


FILLER = "وتابع المصدر حديثه عن تفاصيل الخطة وعن المراحل المقبلة التي ستتبع عملية التسليم في القواعد الأخرى."


def test_dateline_opening_the_first_paragraph() -> None:
    html = _inline_page("", ["بغداد - الأحد 11 كانون الثاني 2026: أعلنت قيادة العمليات المشتركة انتهاء الاستعدادات.",
                             "وكان الاتفاق قد وقع في 27 أيلول 2024 بين الحكومتين. " + FILLER, FILLER])
    p = extract_page(html, "inline.html", today=TODAY)
    assert (p.date, p.date_source) == (dt.date(2026, 1, 11), "text")


def test_a_date_inside_the_text_or_above_the_headline_is_not_the_publication_date() -> None:
    html = _inline_page('<div class="today">الاثنين 19 كانون الثاني 2026</div>',
                        ["أعلنت قيادة العمليات المشتركة أن موعد التسليم النهائي سيكون في 27 أيلول 2026 بحسب الاتفاق.",
                         FILLER, FILLER])
    p = extract_page(html, "inline.html", today=TODAY)
    assert p.date is None


def test_not_an_article_page() -> None:
    links = "".join(f'<li><a href="/n/{i}">عنوان خبر رقم {i}</a></li>' for i in range(30))
    html = f'<!DOCTYPE html><html dir="rtl"><head><title>الرئيسية</title></head><body><ul>{links}</ul></body></html>'
    with pytest.raises(CorpusError, match="not an article"):
        extract_page(html, "home.html", today=TODAY)


def test_windows_arabic_page_decodes_like_the_utf8_one() -> None:
    utf8 = (HTML / "article_meta_date.html").read_text(encoding="utf-8")
    legacy = utf8.replace('<meta charset="utf-8">', '<meta charset="windows-1256">').encode("cp1256", errors="xmlcharrefreplace")  # as such a site writes ١٢٣
    a = extract_page(decode_page(legacy, "legacy.html"), "legacy.html", today=TODAY)
    b = extract_page(utf8, "utf8.html", today=TODAY)
    assert a == b


# ---------------------------------------------------------------------------------------------
# analysis add page.html


def add(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["add", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_add_pages_writes_articles_whose_offsets_hold(tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "corpus"
    names = ["article_meta_date.html", "article_text_date.html", "article_broken.html"]
    code, out, err = add(capsys, *(str(HTML / n) for n in names), "--corpus", str(corpus))
    assert code == 0 and err == ""
    files = sorted(corpus.glob("*.txt"))
    assert [f.name for f in files] == [
        "2026-01-14_furat-news-world-affairs-article-88412.txt",
        "2026-01-15_akhbar-iraq-2026-01-15-ain-al-asad-handover.txt",
        "2026-02-03_nahrain-security-taji-blast-no-injuries.txt",
    ]
    for f in files:
        article = load_article(f)
        assert "<" not in article.content and article.warnings == ()
        for t in find_timexes(article.analysis_text, article.date):
            assert article.content[t.start : t.end] == t.text
    frame = load_corpus(corpus)
    assert list(frame["source"]) == ["furat.example.org", "akhbar.example.com", "nahrain.example.com"]
    # Adding the same page again is refused as a duplicate, in one line.
    code, _, err = add(capsys, str(HTML / names[0]), "--corpus", str(corpus))
    assert code == 2 and "duplicate" in err and len(err.strip().splitlines()) == 2


def test_add_page_without_date_asks_for_it_in_one_line(tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "corpus"
    page_path = str(HTML / "article_no_date.html")
    code, out, err = add(capsys, page_path, "--corpus", str(corpus))
    lines = err.strip().splitlines()
    assert code == 2 and out == "" and not corpus.exists()
    assert lines[0] == (f"analysis add: error: {page_path}: no publication date found in the page: "
                        "give it with --date YYYY-MM-DD")
    code, out, err = add(capsys, page_path, "--corpus", str(corpus), "--date", "2026-01-20")
    assert code == 0
    (target,) = corpus.glob("*.txt")
    assert load_article(target).date == dt.date(2026, 1, 20)
    code, _, err = add(capsys, page_path, "--corpus", str(tmp_path / "c2"), "--date", "2026-02-31")
    assert code == 2 and "no such day" in err


def test_html_named_txt_is_refused_by_the_loader(tmp_path: Path, capsys) -> None:
    html = (HTML / "article_meta_date.html").read_text(encoding="utf-8")
    bare = tmp_path / "saved_page.txt"
    bare.write_text(html, encoding="utf-8")
    headed = tmp_path / "with_header.txt"
    headed.write_text(" date 2026-01-15 https://akhbar.example.com/x\n\n" + html, encoding="utf-8")
    for path, line in ((bare, 1), (headed, 3)):
        with pytest.raises(CorpusError) as info:
            load_article(path)
        assert info.value.line == line and "analysis add" in info.value.problem
    code = main(["corpus", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert f"{bare}:1: error: an HTML page, not an article file: add it with `analysis add FILE`" in err
    assert f"{headed}:3: error: an HTML page" in err


def test_add_html_named_txt_with_a_header_uses_the_header(tmp_path: Path, capsys) -> None:
    html = (HTML / "article_no_date.html").read_text(encoding="utf-8")
    headed = tmp_path / "with_header.txt"
    headed.write_text(" date 2026-01-21 https://sada.example.net/p/1\n\n" + html, encoding="utf-8")
    code, _, err = add(capsys, str(headed), "--corpus", str(tmp_path / "corpus"))
    assert code == 0, err
    (target,) = (tmp_path / "corpus").glob("*.txt")
    article = load_article(target)
    assert (article.date, article.url) == (dt.date(2026, 1, 21), "https://sada.example.net/p/1")
    assert article.title == "لجنة برلمانية تطالب بجدول زمني واضح لخروج القوات الأجنبية"


def test_inline_markup_is_not_a_page() -> None:
    assert html_page_line(" date 2026-01-01 https://x.org/a\n\nعنوان\n\nنص <b>مهم</b> <p>فقرة</p>\n") is None
    assert html_page_line("\ufeff<!doctype html>\n<html>") == 1
    assert looks_like_html(b"  <html lang='ar'>\n<body>")
    assert not looks_like_html("نص عن الوسم <html> داخل جملة")
