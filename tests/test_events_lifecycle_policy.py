"""Lifecycle merge policy (docs/TIMELINE_EVAL.md): what is done stays done, the date most reports agree
with, an undated "goes on" and its completion, a whole country's plan and a part of it."""

from __future__ import annotations

import datetime as dt

from helpers import report, same_both_ways

from analysis.events import lifecycle


# ---------------------------------------------------------------------------------------------
# What was reported done stays done


def test_a_later_report_that_it_goes_on_does_not_reopen_what_was_done():
    (row,) = same_both_ways(
        report("attack", "التنف", "2023-10-19", "occurred", "2023-10-20", "a.txt"),
        report("attack", "التنف", "2023-10-19", "occurred", "2023-10-24", "b.txt"),
        report("attack", "سوريا", "2023-10", "ongoing", "2023-11-05", "c.txt", mod="MID"),
    )
    assert (row["status"], row["date"], row["status_counts"]) == ("occurred", "2023-10-19", "occurred 2 · ongoing 1")


def test_status_of_keeps_the_newest_report_otherwise():
    day = dt.date.fromisoformat
    assert lifecycle.status_of([(day("2026-01-01"), "planned"), (day("2026-02-01"), "ongoing")]) == "ongoing"
    assert lifecycle.status_of([(day("2026-01-01"), "occurred"), (day("2026-02-01"), "ongoing")]) == "occurred"
    assert lifecycle.status_of([(day("2026-01-01"), "occurred"), (day("2026-02-01"), "planned")]) == "occurred"


def test_on_the_newest_day_the_dated_reports_decide():
    day = dt.date.fromisoformat
    same_day = [(day("2026-11-24"), "ongoing", True), (day("2026-11-24"), "occurred", False)]
    assert lifecycle.status_of([(day("2026-10-20"), "planned", True), *same_day]) == "ongoing"
    (row,) = same_both_ways(
        report("withdrawal", "حرير", "2026-11", "planned", "2026-10-20", "a.txt"),
        report("withdrawal", "حرير", "2026-11", "ongoing", "2026-11-24", "b.txt", mod="START"),
        report("withdrawal", "حرير", None, "occurred", "2026-11-24", "b.txt", start=800),
    )
    assert (row["status"], row["status_counts"]) == ("ongoing", "occurred 1 · ongoing 1 · planned 1")


def test_an_undated_report_that_it_was_done_does_not_close_an_entry_that_goes_on():
    day = dt.date.fromisoformat
    reports = [(day("2026-11-24"), "ongoing", True), (day("2026-11-20"), "occurred", False)]
    assert lifecycle.status_of(reports) == "ongoing"


# ---------------------------------------------------------------------------------------------
# The date most reports agree with: vaguer restatements back the precise date


def test_vaguer_restatements_back_the_precise_date():
    (row,) = same_both_ways(
        report("agreement", None, "2024-09-27", "occurred", "2024-09-28", "a.txt"),
        report("agreement", None, "2024-09", "occurred", "2025-08-30", "b.txt"),
        report("agreement", None, "2024", "occurred", "2025-10-02", "c.txt"),
        report("agreement", None, "2024", "occurred", "2026-03-03", "d.txt"),
    )
    assert row["date"] == "2024-09-27" and row["n_sources"] == 4


def test_dates_that_do_not_contain_each_other_count_only_their_own_reports():
    day, month = (dt.date(2020, 3, 19),) * 2, (dt.date(2020, 3, 1), dt.date(2020, 3, 31))
    other_day, across = (dt.date(2020, 3, 18),) * 2, (dt.date(2020, 3, 15), dt.date(2020, 4, 15))
    assert lifecycle.date_support([(day, 2), (month, 1), (other_day, 1), (None, 3)]) == [3, 1, 2, 3]
    assert lifecycle.date_support([(month, 2), (across, 1)]) == [2, 1]


# ---------------------------------------------------------------------------------------------
# An undated report that something goes on, and its completion


def test_an_undated_move_under_way_joins_its_completion():
    (row,) = same_both_ways(
        report("redeployment", "مطار أربيل الدولي", None, "ongoing", "2025-08-30", "a.txt"),
        report("redeployment", "أربيل", "2025-W39", "occurred", "2025-10-02", "b.txt"),
    )
    assert (row["status"], row["date"], row["n_sources"]) == ("occurred", "2025-W39", 2)


def test_an_undated_move_under_way_does_not_join_what_was_done_long_after():
    found = same_both_ways(
        report("redeployment", "أربيل", None, "ongoing", "2024-01-10", "a.txt"),
        report("redeployment", "أربيل", "2025-W39", "occurred", "2025-10-02", "b.txt"),
    )
    assert len(found) == 2


def test_an_undated_happening_does_not_join_what_happened_after_its_article():
    found = same_both_ways(
        report("handover", "التنف", None, "occurred", "2025-12-28", "a.txt"),
        report("handover", "التنف", "2026-02-16", "occurred", "2026-02-16", "b.txt"),
    )
    assert len(found) == 2


# ---------------------------------------------------------------------------------------------
# A plan for a whole country does not slip onto a part of it


def test_a_plan_for_a_whole_country_is_not_what_became_of_it_in_one_region():
    found = same_both_ways(
        report("withdrawal", "سوريا", "2019-04", "planned", "2019-02-23", "a.txt", mod="END"),
        report("withdrawal", "شمال شرق سوريا", "2019-10-13", "ongoing", "2019-10-14", "b.txt"),
        report("withdrawal", "شمال شرق سوريا", "2019-W43", "occurred", "2019-10-31", "c.txt"),
    )
    by_place = {r["place"]: r for r in found}
    assert set(by_place) == {"سوريا", "شمال شرق سوريا"}
    assert by_place["سوريا"]["status"] == "planned" and by_place["شمال شرق سوريا"]["n_sources"] == 2


def test_a_vaguer_restatement_on_the_same_days_still_merges():
    (row,) = same_both_ways(
        report("withdrawal", "شمال سوريا", "2019-10-13", "ongoing", "2019-10-14", "a.txt"),
        report("withdrawal", "سوريا", "2019-10-13", "ongoing", "2019-10-15", "b.txt"),
    )
    assert row["place"] == "شمال سوريا" and row["n_sources"] == 2


def test_a_regions_plan_still_slips_onto_its_base():
    (row,) = same_both_ways(
        report("withdrawal", "إقليم كردستان", "2026-09", "planned", "2024-09-28", "a.txt"),
        report("withdrawal", "حرير", "2026-11", "ongoing", "2026-11-24", "b.txt", mod="START"),
    )
    assert (row["place"], row["status"], row["planned_dates"]) == ("حرير", "ongoing", ["2026-09"])


def test_whole_country_over_part():
    assert lifecycle.whole_country_over_part("سوريا", "شمال سوريا")
    assert lifecycle.whole_country_over_part("العراق", "عين الأسد")
    assert not lifecycle.whole_country_over_part("إقليم كردستان", "حرير")
    assert not lifecycle.whole_country_over_part("سوريا", "سوريا") and not lifecycle.whole_country_over_part(None, "حرير")
    assert lifecycle.country_and_part("شمال سوريا", "سوريا") and lifecycle.country_and_part("سوريا", "التنف")
    assert not lifecycle.country_and_part("التنف", "الشدادي")
