"""``analysis add``: canonical names, never overwriting, duplicates refused, headers and encodings."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.commands.add import canonical_name
from analysis.corpus import load_article

from helpers import article_text, write_article

BODY = "أعلنت الحكومة العراقية اكتمال انسحاب قوات التحالف من قاعدة عين الأسد.\n\nوقال المتحدث إن الجيش تسلم المقر."
PLAIN = "الجيش العراقي يتسلم قاعدة عين الأسد\n\n" + BODY + "\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_article(folder, "000_existing.txt", article_text(url="https://example.com/old/1",
                                                           title="خبر قديم", body="نص الخبر القديم عن البرلمان."))
    return folder


def add(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["add", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def txt_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.txt"))


def test_plain_text_gets_a_header_and_a_canonical_name(tmp_path: Path, corpus: Path, capsys) -> None:
    src = write_article(tmp_path, "new.txt", PLAIN)
    url = "https://www.alsumaria.tv/news/politics/465123/ain-al-asad-handover"
    code, out, _ = add(capsys, str(src), "--corpus", str(corpus), "--date", "2026-01-14", "--url", url)
    assert code == 0
    target = corpus / "2026-01-14_alsumaria-news-politics-465123-ain-al-asad-handover.txt"
    assert target.is_file() and str(target) in out
    article = load_article(target)
    assert (article.date, article.url, article.title) == (dt.date(2026, 1, 14), url, "الجيش العراقي يتسلم قاعدة عين الأسد")
    assert article.body == BODY
    assert target.read_bytes().decode("utf-8").startswith(f" date 2026-01-14 {url}\n\n")


def test_file_with_header_is_copied_as_utf8_lf(tmp_path: Path, corpus: Path, capsys) -> None:
    text = article_text(date="2025-12-31", url="https://example.com/news/a-b", body=BODY)
    src = write_article(tmp_path, "in.txt", ("\ufeff" + text).replace("\n", "\r\n").encode("utf-8"))
    code, _, _ = add(capsys, str(src), "--corpus", str(corpus))
    assert code == 0
    (target,) = [p for p in corpus.glob("2025-12-31_*.txt")]
    assert target.read_bytes() == text.encode("utf-8")  # BOM dropped, CRLF -> LF


def test_plain_text_without_date_and_url_is_refused(tmp_path: Path, corpus: Path, capsys) -> None:
    src = write_article(tmp_path, "plain.txt", PLAIN)
    code, _, err = add(capsys, str(src), "--corpus", str(corpus))
    assert code == 2 and "plain.txt" in err and "--date and --url" in err
    code, _, err = add(capsys, str(src), "--corpus", str(corpus), "--date", "2026-01-14")
    assert code == 2 and "go together" in err
    code, _, err = add(capsys, str(src), "--corpus", str(corpus), "--date", "2026-02-30", "--url", "https://x.org/a")
    assert code == 2 and "no such day" in err
    assert txt_files(corpus) == ["000_existing.txt"]


@pytest.mark.parametrize("url, body, why", [
    ("https://example.com/old/1/", "نص مختلف تماما عن أي خبر آخر في المدونة.", "same URL"),
    ("https://other.example.net/copy", "نص  الخبر القديم عن البرلمان.", "same text"),
])
def test_duplicates_of_the_corpus_are_refused(tmp_path: Path, corpus: Path, capsys, url, body, why) -> None:
    src = write_article(tmp_path, "dup.txt", article_text(url=url, title="عنوان آخر", body=body))
    before = {p: p.read_bytes() for p in corpus.iterdir()}
    code, _, err = add(capsys, str(src), "--corpus", str(corpus))
    assert code == 2
    (line,) = [x for x in err.splitlines() if "dup.txt" in x]
    assert "duplicate" in line and why in line and "000_existing.txt" in line
    assert {p: p.read_bytes() for p in corpus.iterdir()} == before


def test_name_clash_gets_a_suffix_and_never_overwrites(tmp_path: Path, corpus: Path, capsys) -> None:
    first = write_article(tmp_path, "a.txt", article_text(url="https://example.com/story?id=1", body="الخبر الأول."))
    second = write_article(tmp_path, "b.txt", article_text(url="https://example.com/story?id=2", body="الخبر الثاني."))
    assert add(capsys, str(first), "--corpus", str(corpus))[0] == 0
    (target,) = corpus.glob("2025-12-31_*.txt")
    original = target.read_bytes()
    assert add(capsys, str(second), "--corpus", str(corpus))[0] == 0
    assert target.read_bytes() == original
    clash = target.with_name(target.stem + "_2.txt")
    assert clash.is_file() and load_article(clash).url.endswith("id=2")


def test_cp1256_needs_the_encoding_option(tmp_path: Path, corpus: Path, capsys) -> None:
    text = article_text(url="https://example.com/win/1", body=BODY)
    src = write_article(tmp_path, "win.txt", text.encode("cp1256"))
    code, _, err = add(capsys, str(src), "--corpus", str(corpus))
    assert code == 2 and "win.txt" in err and "cp1256" in err and "--encoding cp1256" in err
    assert txt_files(corpus) == ["000_existing.txt"]
    code, _, _ = add(capsys, str(src), "--corpus", str(corpus), "--encoding", "cp1256")
    assert code == 0
    (target,) = corpus.glob("2025-12-31_*.txt")
    assert target.read_bytes() == text.encode("utf-8")


def test_utf16_with_bom(tmp_path: Path, corpus: Path, capsys) -> None:
    text = article_text(url="https://example.com/u16", body=BODY)
    src = write_article(tmp_path, "u16.txt", text.encode("utf-16"))
    code, _, err = add(capsys, str(src), "--corpus", str(corpus))
    assert code == 2 and "--encoding utf-16" in err
    assert add(capsys, str(src), "--corpus", str(corpus), "--encoding", "utf-16")[0] == 0
    (target,) = corpus.glob("2025-12-31_*.txt")
    assert target.read_text(encoding="utf-8") == text


def test_wrong_encoding_option_is_refused(tmp_path: Path, corpus: Path, capsys) -> None:
    src = write_article(tmp_path, "utf8.txt", article_text(url="https://example.com/x", body=BODY))
    code, _, err = add(capsys, str(src), "--corpus", str(corpus), "--encoding", "cp1256")
    assert code == 2 and "UTF-8 already" in err
    code, _, err = add(capsys, str(src), "--corpus", str(corpus), "--encoding", "klingon")
    assert code == 2 and "unknown encoding" in err


def test_bad_files_refused_good_ones_added(tmp_path: Path, corpus: Path, capsys) -> None:
    bad = write_article(tmp_path, "bad.png.txt", b"\x89PNG\r\n\x1a\n\x00\x00binary")
    empty = write_article(tmp_path, "empty.txt", b"")
    good = write_article(tmp_path, "good.txt", article_text(url="https://example.com/good", body=BODY))
    code, out, err = add(capsys, str(bad), str(empty), str(good), str(tmp_path / "missing.txt"), "--corpus", str(corpus))
    assert code == 2
    assert "binary" in err and "empty file" in err and "missing.txt" in err and "2 of 4" not in err
    assert "3 of 4 input(s) refused" in err
    assert "good.txt" in out and len(txt_files(corpus)) == 2


def test_dry_run_writes_nothing(tmp_path: Path, corpus: Path, capsys) -> None:
    src = write_article(tmp_path, "new.txt", article_text(url="https://example.com/dry", body=BODY))
    code, out, _ = add(capsys, str(src), "--corpus", str(corpus), "--dry-run")
    assert code == 0 and "dry run" in out
    assert txt_files(corpus) == ["000_existing.txt"]


def test_future_date_added_with_a_warning(tmp_path: Path, corpus: Path, capsys) -> None:
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    src = write_article(tmp_path, "f.txt", article_text(date=future, url="https://example.com/f", body=BODY))
    code, _, err = add(capsys, str(src), "--corpus", str(corpus))
    assert code == 0 and "in the future" in err


def test_new_corpus_folder_is_created(tmp_path: Path, capsys) -> None:
    src = write_article(tmp_path, "n.txt", article_text(url="https://example.com/n", body=BODY))
    assert add(capsys, str(src), "--corpus", str(tmp_path / "fresh"))[0] == 0
    assert len(txt_files(tmp_path / "fresh")) == 1


def test_canonical_name_for_arabic_urls() -> None:
    url = "https://sarabic.ae/20251231/الجيش-العراقي-في-طريقه-1108774311.html"
    assert canonical_name(dt.date(2025, 12, 31), url) == "2025-12-31_sarabic-20251231-1108774311.txt"
    only_arabic = canonical_name(dt.date(2025, 1, 2), "https://www.aljazeera.net/الجيش")
    assert only_arabic.startswith("2025-01-02_aljazeera-") and len(only_arabic) == len("2025-01-02_aljazeera-") + 14


def test_console_script(tmp_path: Path, corpus: Path) -> None:
    src = write_article(tmp_path, "plain.txt", PLAIN)
    analysis = Path(sys.executable).with_name("analysis")
    env = {**os.environ, "ANALYSIS_QUIET": "1"}
    done = subprocess.run([str(analysis), "add", str(src), "--corpus", str(corpus)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "plain.txt" in done.stderr
    done = subprocess.run([str(analysis), "add", str(src), "--corpus", str(corpus), "--date", "2024-02-03",
                           "--url", "https://example.com/p"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (corpus / "2024-02-03_example-p.txt").is_file()
