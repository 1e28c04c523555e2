"""The evidence behind an entry: every report with its sentence cut out of the file, and the status history."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.evidence import entry_reports, status_history
from analysis.study import Study

CORPUS = Path(__file__).resolve().parent / "fixtures" / "events"


@pytest.fixture(scope="module")
def study(tmp_path_factory) -> Study:
    return Study.load(CORPUS, cache_dir=tmp_path_factory.mktemp("cache"), review=tmp_path_factory.mktemp("r") / "none.csv")


def test_every_report_behind_an_entry_with_its_sentence_from_the_file(study: Study) -> None:
    entry = study.entries.sort_values("n_sources", ascending=False, kind="stable").iloc[0]
    reports = entry_reports(study, entry)
    assert len(reports) == len(entry["sources"]) == 2
    assert list(reports["date"]) == sorted(reports["date"])
    for report in reports.to_dict("records"):
        content = (CORPUS / report["file"]).read_text(encoding="utf-8")
        assert content[report["sentence_start"] : report["sentence_end"]] == report["sentence"]
        assert report["outlet"] == "example.org" and report["url"].startswith("https://example.org/")
        assert report["status"] in ("occurred", "ongoing", "planned")


def test_a_report_whose_offsets_do_not_hold_is_refused(study: Study) -> None:
    entry = dict(study.entries.iloc[0])
    entry["sources"] = [dict(entry["sources"][0], trigger_start=entry["sources"][0]["trigger_start"] + 1)]
    with pytest.raises(ValueError, match="is not at its offsets"):
        entry_reports(study, entry)


def test_the_status_history_follows_the_articles_dates(study: Study) -> None:
    history = status_history(study).set_index("id")
    assert list(history.index) == list(study.entries["id"])
    handover = study.entries[(study.entries["type"] == "handover") & (study.entries["n_sources"] == 2)].iloc[0]
    steps = history.loc[handover["id"], "history"].split(" → ")
    dates = [step.rsplit("(", 1)[1].rstrip(")") for step in steps]
    assert dates == sorted(dates) and steps[0].startswith("planned")
    assert history.loc[handover["id"], "status_counts"] == handover["status_counts"]
