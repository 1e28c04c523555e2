"""`analysis corpus` and `analysis tokens`: output, offsets into the file, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

from analysis.cli import build_parser, command_modules, main
from helpers import article_text, write_article


def test_corpus_json_lines(seed_path, capsys):
    assert main(["corpus", str(seed_path), "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["date"] == "2025-12-31" and record["source"] == "sarabic.ae"
    assert {"path", "url", "title"} <= set(record)


def test_corpus_summary(seed_path, capsys):
    assert main(["corpus", str(seed_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 articles, 2025-12-31 to 2025-12-31, 1 sources")


def test_folder_of_broken_files_one_line_each_and_skip(tmp_path, capsys):
    write_article(tmp_path, "good.txt", article_text())
    write_article(tmp_path, "empty.txt", "")
    write_article(tmp_path, "nodate.txt", " date 2025-99-01 https://x.org/1\n\nع\n\nن\n")
    write_article(tmp_path, "win.txt", article_text(url="https://x.org/2").encode("cp1256"))
    assert main(["corpus", str(tmp_path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert sum("empty.txt" in line for line in err) == 1
    assert sum("nodate.txt:1" in line for line in err) == 1
    assert sum("win.txt:3" in line and "cp1256" in line for line in err) == 1
    assert main(["corpus", str(tmp_path), "--skip-errors", "--json"]) == 0
    captured = capsys.readouterr()
    assert [json.loads(line)["path"].endswith("good.txt") for line in captured.out.splitlines()] == [True]


def test_console_script_error_has_no_traceback(tmp_path):
    bad = write_article(tmp_path, "bad.txt", "no header\n")
    proc = subprocess.run([sys.executable, "-m", "analysis.cli", "tokens", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "bad.txt:1" in proc.stderr


def test_tokens_offsets_into_file_content(seed_path, capsys):
    assert main(["tokens", str(seed_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    content = seed_path.read_text(encoding="utf-8")
    assert rows and all(content[r["start"]:r["end"]] == r["text"] for r in rows)
    assert rows[0]["start"] > content.index("\n")  # nothing from the header line
    assert rows[0]["text"] == "الجيش"


def test_command_modules_are_found_once():
    """Sub-commands are discovered and imported once per process (a later parse reads no folder)."""
    modules = command_modules()
    assert command_modules() is modules
    names = {m.__name__.rsplit(".", 1)[1] for m in modules}
    assert {"add", "corpus", "entities", "evaluate", "timex", "tokens", "train_ner"} <= names
    assert build_parser().parse_args(["corpus", "x"]).command == "corpus"
