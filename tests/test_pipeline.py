"""The cached, incremental pipeline: cold == cached, one new article computes one, versions invalidate."""

from __future__ import annotations

import dataclasses
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

import analysis.text
from analysis.cache import StageCache
from analysis.corpus import iter_articles
from analysis.pipeline import (
    STAGES, RunStats, available_stages, files_digest, iter_processed, process_corpus, runner, stage_version,
)
from analysis.progress import is_quiet, progress, quiet, resolve

from helpers import article_text, write_article

FIXTURES = Path(__file__).resolve().parent / "fixtures"

BODIES = [
    "أعلنت الحكومة العراقية في 15 كانون الثاني 2026 اكتمال انسحاب قوات التحالف من قاعدة عين الأسد.",
    "قال المتحدث باسم وزارة الدفاع يوم الأحد إن الجيش العراقي تسلم مقر التحالف في بغداد.",
    "صوت البرلمان العراقي في 5 يناير 2020 على قرار يطالب بخروج القوات الأجنبية من البلاد.",
    "ذكرت وكالة الأنباء أن المرحلة الثانية من الانسحاب ستنتهي في أيلول 2026 وفق الاتفاق.",
]


def make_corpus(folder: Path, n: int = 4) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "seed_000.txt", folder / "seed_000.txt")
    for i in range(n):
        write_article(folder, f"a{i:02d}.txt", article_text(date=f"2025-0{i + 1}-1{i}", url=f"https://example.com/n/{i}",
                                                            title=f"خبر رقم {i}", body=BODIES[i % len(BODIES)] + f" ({i})"))
    return folder


def working_stages() -> list[str]:
    """Every stage whose module is importable (the others are skipped by design)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return available_stages()


def run(corpus: Path, cache: Path, **kw) -> tuple[dict[str, pd.DataFrame], RunStats]:
    stats = RunStats()
    kw.setdefault("stages", ("tokens",))
    frames = process_corpus(corpus, cache_dir=cache, progress=False, stats=stats, **kw)
    return frames, stats


def test_tokens_frame_has_articles_and_valid_offsets(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c")
    frames, stats = run(corpus, tmp_path / "cache")
    tokens = frames["tokens"]
    assert list(tokens.columns[:2]) == ["article_id", "path"]
    assert set(tokens["article_id"]) == {"seed_000", "a00", "a01", "a02", "a03"}
    contents = {a.path: a.content for a in iter_articles(corpus)}
    for row in tokens.itertuples():
        assert contents[row.path][row.start:row.end] == row.text
    # The header line is never tokenized.
    header_ends = {a.path: a.header_end for a in iter_articles(corpus)}
    assert (tokens["start"] >= tokens["path"].map(header_ends)).all()
    assert stats.articles == 5 and stats.computed == {"tokens": 5}


def test_second_run_is_all_cached_and_identical(tmp_path: Path) -> None:
    corpus, cache = make_corpus(tmp_path / "c"), tmp_path / "cache"
    stages = working_stages()
    cold, s1 = run(corpus, cache, stages=stages)
    warm, s2 = run(corpus, cache, stages=stages)
    assert s1.computed == {n: 5 for n in s1.stages} and s1.cached == {n: 0 for n in s1.stages}
    assert s2.computed == {n: 0 for n in s2.stages} and s2.cached == {n: 5 for n in s2.stages}
    nocache, s3 = run(corpus, cache, stages=stages, use_cache=False)
    assert s3.computed == {n: 5 for n in s3.stages}
    for name in s1.stages:
        pd.testing.assert_frame_equal(cold[name], warm[name])
        pd.testing.assert_frame_equal(cold[name], nocache[name])


def test_one_new_article_computes_one(tmp_path: Path) -> None:
    corpus, cache = make_corpus(tmp_path / "c"), tmp_path / "cache"
    run(corpus, cache)
    write_article(corpus, "new.txt", article_text(url="https://example.com/new", title="جديد",
                                                  body="خبر جديد تماما عن تسليم قاعدة حرير في أربيل."))
    frames, stats = run(corpus, cache)
    assert stats.computed == {"tokens": 1} and stats.cached == {"tokens": 5}
    assert "new" in set(frames["tokens"]["article_id"])
    # An edited article is a new content hash: recomputed too.
    path = corpus / "a01.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nفقرة مضافة.\n", encoding="utf-8")
    frames, stats = run(corpus, cache)
    assert stats.computed == {"tokens": 1}
    assert "مضافة" in set(frames["tokens"].loc[frames["tokens"]["article_id"] == "a01", "text"])


def test_changed_version_invalidates(tmp_path: Path, monkeypatch) -> None:
    corpus, cache = make_corpus(tmp_path / "c"), tmp_path / "cache"
    run(corpus, cache)
    monkeypatch.setattr(runner, "stage_version", lambda name: "0123456789abcdef")
    _, stats = run(corpus, cache)
    assert stats.computed == {"tokens": 5}
    assert (cache / "tokens" / "0123456789abcdef").is_dir()


def test_version_depends_on_code_and_data_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "lexicon.tsv", tmp_path / "stage.py"
    a.write_text("x\t1\n", encoding="utf-8")
    b.write_text("def f(): return 1\n", encoding="utf-8")
    before = files_digest("timexes", [a, b])
    assert files_digest("timexes", [b, a]) == before
    a.write_text("x\t2\n", encoding="utf-8")
    assert files_digest("timexes", [a, b]) != before
    assert files_digest("entities", [a, b]) != files_digest("timexes", [a, b])
    # The real versions: stable within a process, distinct per stage.
    assert stage_version("tokens") == stage_version("tokens") and len(stage_version("tokens")) == 16


def test_corrupt_segment_is_a_miss_not_a_crash(tmp_path: Path) -> None:
    corpus, cache = make_corpus(tmp_path / "c"), tmp_path / "cache"
    cold, _ = run(corpus, cache)
    for seg in (cache / "tokens").rglob("seg-*.parquet"):
        seg.write_bytes(b"PAR1 half written")
    again, stats = run(corpus, cache)
    assert stats.computed == {"tokens": 5}
    pd.testing.assert_frame_equal(cold["tokens"], again["tokens"])


def test_no_cache_leaves_the_cache_alone(tmp_path: Path) -> None:
    corpus, cache = make_corpus(tmp_path / "c"), tmp_path / "cache"
    run(corpus, cache, use_cache=False)
    assert not cache.exists()


def test_workers_give_the_same_result(tmp_path: Path, monkeypatch) -> None:
    corpus, cache = make_corpus(tmp_path / "c", n=7), tmp_path / "cache"
    monkeypatch.setattr(runner, "BATCH", 3)  # so a pool starts on this small corpus
    serial, _ = run(corpus, tmp_path / "serial", use_cache=False)
    parallel, stats = run(corpus, cache, workers=2)
    assert stats.computed == {"tokens": 8}
    pd.testing.assert_frame_equal(serial["tokens"], parallel["tokens"])


def test_segments_are_compacted(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("analysis.cache.COMPACT_ABOVE", 3)
    corpus, cache = make_corpus(tmp_path / "c"), tmp_path / "cache"
    full, _ = run(corpus, cache)
    for i in range(4):  # one article per run: one new segment each time
        write_article(corpus, f"z{i}.txt", article_text(url=f"https://example.com/z/{i}", body=f"نص إضافي رقم {i}."))
        run(corpus, cache)
    segments = list((cache / "tokens").rglob("seg-*.parquet"))
    assert len(segments) <= 3
    frames, stats = run(corpus, cache)
    assert stats.computed == {"tokens": 0}
    pd.testing.assert_frame_equal(frames["tokens"][frames["tokens"]["article_id"].isin(full["tokens"]["article_id"])]
                                  .reset_index(drop=True), full["tokens"])


def test_missing_stage_is_skipped_with_a_warning(tmp_path: Path, monkeypatch) -> None:
    fake = dataclasses.replace(STAGES["timexes"], module="analysis.no_such_module", function="find")
    monkeypatch.setitem(STAGES, "timexes", fake)
    with pytest.warns(UserWarning, match="stage 'timexes' skipped"):
        frames, stats = run(make_corpus(tmp_path / "c"), tmp_path / "cache", stages=("tokens", "timexes"))
    assert set(frames) == {"tokens"} and stats.stages == ("tokens",)


def test_unknown_stage_is_an_error(tmp_path: Path) -> None:
    from analysis.errors import AnalysisError

    with pytest.raises(AnalysisError, match="unknown stage"):
        run(make_corpus(tmp_path / "c"), tmp_path / "cache", stages=("tokens", "sentiment"))


def test_bad_files_skipped_and_reported(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c")
    write_article(corpus, "bad.txt", b"\xff\xfe\x00\x00")
    problems: list = []
    frames, stats = run(corpus, tmp_path / "cache", errors="skip", problems=problems)
    assert stats.articles == 5 and [p.path.endswith("bad.txt") for p in problems] == [True]


def test_iter_processed_matches_process_corpus(tmp_path: Path) -> None:
    corpus, cache = make_corpus(tmp_path / "c"), tmp_path / "cache"
    frames, _ = run(corpus, cache)
    rows = []
    for article, out in iter_processed(corpus, stages=("tokens",), cache_dir=cache):
        assert set(out["tokens"]["article_id"]) == {article.id}
        rows.append(out["tokens"])
    pd.testing.assert_frame_equal(pd.concat(rows, ignore_index=True), frames["tokens"])


def test_collect_false_returns_empty_frames_but_fills_the_cache(tmp_path: Path) -> None:
    corpus, cache = make_corpus(tmp_path / "c"), tmp_path / "cache"
    frames, _ = run(corpus, cache, collect=False)
    assert frames["tokens"].empty
    cached = StageCache(cache, "tokens", stage_version("tokens"))
    assert {a.content_hash for a in iter_articles(corpus)} <= set(cached.index())


def test_progress_is_quiet_under_pytest_and_when_asked(capsys) -> None:
    assert is_quiet()
    assert resolve(True) is True and resolve(False) is False and resolve(None) is False
    bar = progress(range(3), desc="x")
    assert bar.disable and list(bar) == [0, 1, 2]
    with quiet():
        assert is_quiet()
    shown = progress(range(2), desc="visible", disable=False)
    list(shown)
    shown.close()
    assert "visible" in capsys.readouterr().err


def test_a_stage_crashing_on_one_article_is_reported_not_fatal(tmp_path: Path, monkeypatch) -> None:
    corpus, cache = make_corpus(tmp_path / "c"), tmp_path / "cache"
    real = analysis.text.tokens

    def flaky(text):
        if "خبر رقم 1" in text:  # the title of a01
            raise ValueError("boom on a01")
        return real(text)

    monkeypatch.setattr(analysis.text, "tokens", flaky)  # what the registry's tokens stage calls
    with pytest.raises(ValueError, match="boom"):
        run(corpus, cache)  # errors="raise": a developer sees the real exception
    problems: list = []
    frames, stats = run(corpus, cache, errors="skip", problems=problems)
    assert [(Path(p.path).name, p.severity) for p in problems] == [("a01.txt", "error")]
    assert "stage tokens failed: ValueError: boom on a01" in problems[0].problem
    assert "a01" not in set(frames["tokens"]["article_id"]) and stats.failed == {"tokens": 1}
    monkeypatch.setattr(analysis.text, "tokens", real)
    frames, stats = run(corpus, cache)  # the failure was not cached: computed now
    assert stats.computed == {"tokens": 1} and "a01" in set(frames["tokens"]["article_id"])


def test_setup_errors_always_propagate(tmp_path: Path, monkeypatch) -> None:
    from analysis.errors import AnalysisError

    def no_model(text):
        raise AnalysisError("model folder missing")

    monkeypatch.setattr(analysis.text, "tokens", no_model)
    with pytest.raises(AnalysisError, match="model folder missing"):
        run(make_corpus(tmp_path / "c"), tmp_path / "cache", errors="skip")


def test_run_command_fills_the_cache_then_reuses_it(tmp_path: Path, capsys, monkeypatch) -> None:
    from analysis.cli import main

    corpus = make_corpus(tmp_path / "c")
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    argv = ["run", "--corpus", str(corpus), "--figures-dir", str(tmp_path / "figs"), "--workers", "1"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "5 articles; computed: tokens 5" in out
    assert list((tmp_path / "figs").glob("*.png")), "analysis run wrote no figure"
    assert main([*argv, "--no-figures"]) == 0
    assert "computed: tokens 0, " in capsys.readouterr().out
    assert main([*argv, "--no-figures", "--no-cache", "--quiet"]) == 0
    assert capsys.readouterr().out == ""


def test_run_command_reports_bad_files(tmp_path: Path, capsys, monkeypatch) -> None:
    from analysis.cli import main

    corpus = make_corpus(tmp_path / "c")
    write_article(corpus, "broken.txt", " date 2025-02-30 https://example.com/x\n\nعنوان\n\nنص.\n")
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    argv = ["run", "--corpus", str(corpus), "--no-figures", "--stages", "tokens"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "broken.txt:1: error: impossible date 2025-02-30" in err and "--skip-errors" in err
    assert main([*argv, "--skip-errors"]) == 0
    assert "5 articles" in capsys.readouterr().out
