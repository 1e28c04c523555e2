"""The bad-input matrix (docs/BAD_INPUT.md): every case built in a temp folder, run through the CLI.

Each case is a folder with two good articles and one bad file. Checked in-process
(``analysis.cli.main``) and through the installed ``analysis`` console script: errors give one
line naming the file and the problem and exit 2, with no traceback; warnings and ignored files
exit 0; ``--skip-errors`` still loads the good files.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.corpus import MAX_ARTICLE_BYTES, iter_articles, load_article

ANALYSIS = Path(sys.executable).with_name("analysis")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534


def article(url: str, title: str, body: str, date: str = "2024-03-01", newline: str = "\n") -> str:
    """An article in the seed format."""
    return newline.join([f" date {date} {url}", "", title, "", body, ""])


GOOD = {
    "good_a.txt": article("https://example.com/a", "انسحاب القوات من قاعدة عين الأسد",
                          "أعلنت الحكومة العراقية اليوم اكتمال المرحلة الأولى من انسحاب قوات التحالف."),
    "good_b.txt": article("https://example.org/b", "تسليم قاعدة فيكتوريا إلى الجيش العراقي",
                          "تسلم الجيش العراقي قاعدة فيكتوريا قرب مطار بغداد بعد مغادرة القوات الأمريكية."),
}
GOOD_TITLES = ["انسحاب القوات من قاعدة عين الأسد", "تسليم قاعدة فيكتوريا إلى الجيش العراقي"]
BODY = "قالت وزارة الدفاع إن القوات غادرت القاعدة صباح الأحد في إطار الاتفاق الثنائي بين البلدين."
FUTURE = (dt.date.today() + dt.timedelta(days=400)).isoformat()


def _write(name: str, data: bytes | str) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8", newline="")
        else:
            path.write_bytes(data)

    return build


def _big(folder: Path) -> None:
    line = ("كلمة " * 1000 + "\n").encode("utf-8")  # ~9 kB of prose per line
    with open(folder / "big.txt", "wb") as handle:
        handle.write(article("https://example.net/big", "مقال ضخم", "").encode("utf-8"))
        for _ in range(50 * 2**20 // len(line) + 1):
            handle.write(line)


def _symlink_loop_dir(folder: Path) -> None:
    os.symlink(".", folder / "loop")  # a folder link back to its own folder
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up")


def _symlink_loop_file(folder: Path) -> None:
    os.symlink("loop_b.txt", folder / "loop_a.txt")
    os.symlink("loop_a.txt", folder / "loop_b.txt")


def _unreadable(folder: Path) -> None:
    path = folder / "secret.txt"
    path.write_text(article("https://example.net/secret", "عنوان", BODY), encoding="utf-8")
    path.chmod(0)


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")


def _non_txt(folder: Path) -> None:
    (folder / "notes.md").write_text("not an article\n", encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / ".hidden.txt").write_text("", encoding="utf-8")


@dataclass(frozen=True)
class Case:
    """One row of the matrix: how to build the bad file and what the CLI must say about it."""

    id: str
    build: Callable[[Path], None]
    outcome: str  # "error" (exit 2, file skipped), "warning" (exit 0, loaded), "ok", "ignored"
    bad_file: str  # the file name the message must name ("" for ignored/ok)
    says: str  # a phrase the message must contain
    loaded: int = 2  # articles loaded with --skip-errors


CASES = [
    Case("empty", _write("empty.txt", b""), "error", "empty.txt", "empty file"),
    Case("whitespace", _write("blank.txt", " \n\n\t  \r\n"), "error", "blank.txt", "only white space"),
    Case("header_only", _write("head.txt", " date 2024-05-01 https://example.net/h\n"), "error", "head.txt",
         "header only"),
    Case("no_header", _write("plain.txt", "عنوان الخبر\n\n" + BODY + "\n"), "error", "plain.txt", "no header"),
    Case("missing_date", _write("nodate.txt", " date https://example.net/d\n\nعنوان\n\n" + BODY),
         "error", "nodate.txt", "missing date"),
    Case("malformed_date", _write("baddate.txt", article("https://example.net/m", "عنوان", BODY, date="01/05/2024")),
         "error", "baddate.txt", "malformed date"),
    Case("impossible_date", _write("d1345.txt", article("https://example.net/i", "عنوان", BODY, date="2025-13-45")),
         "error", "d1345.txt", "impossible date 2025-13-45"),
    Case("future_date", _write("future.txt", article("https://example.net/f", "عنوان المستقبل", BODY, date=FUTURE)),
         "warning", "future.txt", "in the future", loaded=3),
    Case("missing_url", _write("nourl.txt", " date 2024-05-01\n\nعنوان\n\n" + BODY), "error", "nourl.txt",
         "missing URL"),
    Case("headline_no_body", _write("nobody.txt", " date 2024-05-01 https://example.net/n\n\nعنوان فقط\n"),
         "error", "nobody.txt", "headline with no body"),
    Case("cp1256", _write("win.txt", article("https://example.net/w", "عنوان", BODY).encode("cp1256")),
         "error", "win.txt", "cp1256"),
    Case("utf16_bom", _write("u16.txt", article("https://example.net/u", "عنوان", BODY).encode("utf-16")),
         "error", "u16.txt", "UTF-16"),
    Case("utf8_bom", _write("bom.txt", "\ufeff" + article("https://example.net/bom", "عنوان بعلامة", BODY)),
         "ok", "", "", loaded=3),
    Case("binary_png", _write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
         "error", "image.txt", "binary"),
    Case("size_50mb", _big, "error", "big.txt", f"over the {MAX_ARTICLE_BYTES // 2**20} MB limit"),
    Case("long_line_1mb", _write("blob.txt", article("https://example.net/l", "عنوان", "ا" * 2**20)),
         "error", "blob.txt", "characters without a space"),
    Case("nul_bytes", _write("nul.txt", article("https://example.net/z", "عنوان", BODY).encode() + b"\x00\x00abc"),
         "error", "nul.txt", "NUL byte"),
    Case("mixed_newlines", _write("mixed.txt", " date 2024-05-02 https://example.net/crlf\r\n\r\nعنوان مختلط\n\n"
                                  + BODY + "\r\n\r\nفقرة ثانية.\n"), "ok", "", "", loaded=3),
    Case("html_markup", _write("html.txt", article("https://example.net/html", "عنوان <b>مهم</b>",
                                                   "<div class=\"x\"><p>" + BODY + "</p>&nbsp;<script>var a=1;"
                                                   "</script></div>")),
         "warning", "html.txt", "HTML markup", loaded=3),
    Case("symlink_loop_dir", _symlink_loop_dir, "warning", "/loop: ", "symbolic link"),
    Case("symlink_loop_file", _symlink_loop_file, "error", "loop_a.txt", "symbolic link loop"),
    Case("broken_symlink", lambda f: os.symlink("missing.txt", f / "dangling.txt"), "error", "dangling.txt",
         "broken symbolic link"),
    Case("unreadable", _unreadable, "error", "secret.txt", "permission denied"),
    Case("fifo", _fifo, "error", "pipe.txt", "not a regular file"),
    Case("same_url", _write("zz_again.txt", article("https://example.com/a", "نسخة أخرى", BODY)), "warning",
         "zz_again.txt", "same URL"),
    Case("same_body", _write("zz_copy.txt", article("https://mirror.example.com/a", GOOD_TITLES[0],
                                                 "أعلنت الحكومة العراقية اليوم  اكتمال المرحلة الأولى من انسحاب قوات "
                                                 "التحالف.")),
         "warning", "zz_copy.txt", "same text"),
    Case("non_txt_files", _non_txt, "ignored", "", ""),
]


@pytest.fixture
def corpus_dir():
    """A world-readable temp folder (so the unreadable case can run as 'nobody' when tests run as root)."""
    folder = Path(tempfile.mkdtemp(prefix="bad_input_"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(folder)


def build_case(case: Case, folder: Path) -> Path:
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    case.build(folder)
    return folder


class _AsUser:
    """Drop the effective uid to 'nobody' in-process when root (root reads a chmod 000 file)."""

    def __init__(self, active: bool):
        self.active = active

    def __enter__(self) -> None:
        if self.active:
            os.setegid(NOBODY)
            os.seteuid(NOBODY)

    def __exit__(self, *exc: object) -> None:
        if self.active:
            os.seteuid(0)
            os.setegid(0)


# Dropping to 'nobody' must not depend on where the clone and the venv sit: a fresh clone made by
# root in `mktemp -d` (mode 0700) is a folder 'nobody' cannot enter, and so may be the venv and the
# Python installation. So the command first runs once as root on a folder of the good articles:
# every module it imports and every data file it reads on the way is then loaded, and after the
# drop it only opens the corpus files under test. ``argv`` ends with the corpus folder.


def warm_up_folder() -> Path:
    """A folder with the good articles only, for the run as root before the privileges are dropped."""
    folder = Path(tempfile.mkdtemp(prefix="bad_input_warm_"))
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run_inprocess(argv: list[str], capsys, as_nobody: bool = False) -> tuple[int, str, str]:
    if as_nobody:
        warm = warm_up_folder()
        main([*argv[:-1], str(warm)])
        capsys.readouterr()
        shutil.rmtree(warm)
    with _AsUser(as_nobody):
        code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


DROP_AND_RUN = """\
import contextlib, io, json, os, sys
import analysis.cli
script, warm_argv, argv, uid = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]), int(sys.argv[4])
with open(script, encoding="utf-8") as handle:
    code = compile(handle.read(), script, "exec")
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    analysis.cli.main(warm_argv)
os.setegid(uid)
os.seteuid(uid)
sys.argv = [script, *argv]
exec(code, {"__name__": "__main__", "__file__": script})
"""


def run_script(argv: list[str], as_nobody: bool = False, **env: str) -> subprocess.CompletedProcess:
    """Run the installed console script; ``as_nobody`` (root only) drops the effective uid first.

    As 'nobody', the script is read and the command run once on the good articles while still
    root; then privileges are dropped and the script's code runs as ``__main__``.
    """
    run_env = {**os.environ, "ANALYSIS_QUIET": "1", **env}
    if not as_nobody:
        return subprocess.run([str(ANALYSIS), *argv], capture_output=True, text=True, timeout=300, env=run_env, cwd="/")
    warm = warm_up_folder()
    try:
        command = [sys.executable, "-c", DROP_AND_RUN, str(ANALYSIS), json.dumps([*argv[:-1], str(warm)]),
                   json.dumps(argv), str(NOBODY)]
        return subprocess.run(command, capture_output=True, text=True, timeout=300, env=run_env, cwd="/")
    finally:
        shutil.rmtree(warm)


def check_outcome(case: Case, code: int, out: str, err: str, skip_errors: bool) -> None:
    assert "Traceback" not in err and "Traceback" not in out
    lines = [line for line in err.splitlines() if line.strip()]
    if case.outcome in ("error", "warning"):
        about = [line for line in lines if case.bad_file in line]
        assert len(about) == 1, f"expected one line naming {case.bad_file}, got {lines}"
        assert case.says in about[0], about[0]
        assert (": error: " if case.outcome == "error" else ": warning: ") in about[0]
    else:
        assert not [line for line in lines if ": error: " in line or ": warning: " in line], lines
    if case.outcome == "error" and not skip_errors:
        assert code == 2, (code, err)
        return
    assert code == 0, (code, err)
    for title in GOOD_TITLES:
        assert title in out  # the good files were still loaded


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_matrix_in_process(case: Case, corpus_dir: Path, capsys) -> None:
    folder = build_case(case, corpus_dir)
    nobody = case.id == "unreadable" and IS_ROOT
    code, out, err = run_inprocess(["corpus", str(folder)], capsys, nobody)
    check_outcome(case, code, out, err, skip_errors=False)
    code, out, err = run_inprocess(["corpus", "--skip-errors", "--json", str(folder)], capsys, nobody)
    check_outcome(case, code, out, err, skip_errors=True)
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == case.loaded
    assert {r["title"] for r in records} >= set(GOOD_TITLES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_matrix_console_script(case: Case, corpus_dir: Path) -> None:
    folder = build_case(case, corpus_dir)
    nobody = case.id == "unreadable" and IS_ROOT
    done = run_script(["corpus", str(folder)], as_nobody=nobody)
    check_outcome(case, done.returncode, done.stdout, done.stderr, skip_errors=False)


def test_every_case_at_once_through_run(corpus_dir: Path, tmp_path: Path) -> None:
    """All bad files in one folder: ``analysis run --skip-errors`` reports each and processes the rest."""
    for case in CASES:
        if case.id != "unreadable" or not IS_ROOT:
            case.build(corpus_dir)
    for name, text in GOOD.items():
        (corpus_dir / name).write_text(text, encoding="utf-8")
    argv = ["run", "--corpus", str(corpus_dir), "--no-figures", "--stages", "tokens", "--quiet"]
    done = run_script([*argv, "--skip-errors"], ANALYSIS_CACHE_DIR=str(tmp_path / "cache"))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    for case in CASES:
        if case.outcome in ("error", "warning") and (case.id != "unreadable" or not IS_ROOT):
            about = [line for line in done.stderr.splitlines() if case.bad_file in line and case.says in line]
            assert about, f"{case.id}: no line about {case.bad_file} in\n{done.stderr}"
    without = run_script(argv, ANALYSIS_CACHE_DIR=str(tmp_path / "cache"))
    assert without.returncode == 2 and "--skip-errors" in without.stderr and "Traceback" not in without.stderr


# ---------------------------------------------------------------------------------------------
# What the loaded cases look like: offsets and blanking


def test_mixed_newlines_offsets_refer_to_the_content(corpus_dir: Path) -> None:
    build_case(CASES[[c.id for c in CASES].index("mixed_newlines")], corpus_dir)
    a = load_article(corpus_dir / "mixed.txt")
    assert a.content == open(corpus_dir / "mixed.txt", encoding="utf-8").read()
    assert "\r" not in a.content
    assert a.content[a.title_start:a.title_end] == a.title == "عنوان مختلط"
    assert a.content[a.body_start:a.body_end] == a.body and a.body.endswith("فقرة ثانية.")


def test_html_is_blanked_in_analysis_text_offsets_unchanged(corpus_dir: Path) -> None:
    from analysis.text import tokens

    build_case(CASES[[c.id for c in CASES].index("html_markup")], corpus_dir)
    a = load_article(corpus_dir / "html.txt")
    assert any("HTML" in w for w in a.warnings)
    text = a.analysis_text
    assert len(text) == len(a.content)
    words = [t.text for t in tokens(text)]
    assert not {"div", "class", "script", "var", "nbsp", "p", "b"} & set(words)
    for t in tokens(text):
        assert a.content[t.start:t.end] == t.text
    assert "مهم" in words and "الثنائي" in words


def test_future_date_is_loaded_with_its_date(corpus_dir: Path) -> None:
    build_case(CASES[[c.id for c in CASES].index("future_date")], corpus_dir)
    problems: list = []
    loaded = {a.id: a for a in iter_articles(corpus_dir, problems=problems)}
    assert loaded["future"].date.isoformat() == FUTURE
    assert [p.severity for p in problems if p.path.endswith("future.txt")] == ["warning"]


def test_symlink_loop_walk_terminates_each_file_once(corpus_dir: Path) -> None:
    build_case(CASES[[c.id for c in CASES].index("symlink_loop_dir")], corpus_dir)
    loaded = list(iter_articles(corpus_dir, problems=[]))
    assert sorted(a.id for a in loaded) == ["good_a", "good_b"]


def test_unreadable_file_mode_really_unreadable(corpus_dir: Path) -> None:
    _unreadable(corpus_dir)
    assert stat.S_IMODE((corpus_dir / "secret.txt").stat().st_mode) == 0
