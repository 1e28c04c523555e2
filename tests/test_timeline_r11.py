"""Round 11: the merge's classes (a battle inside its war, a country's plan and a part's happening, a plan
made after the event was done, the completion's date) and two dating classes, on reports and sentences of
our own; the lifecycle's earlier guarantees are checked again beside them (docs/TIMELINE_EVAL.md)."""

from __future__ import annotations

import datetime as dt

from helpers import body_events, events_of, merged_rows as rows, report, same_both_ways

from analysis.events import lifecycle


# ---------------------------------------------------------------------------------------------
# A battle inside its war: two written ranges, one under half the other's length


def test_a_battle_inside_its_war_is_an_event_of_its_own():
    found = same_both_ways(
        report("war", "العراق", "2014/2017", "occurred", "2025-11-20", "a.txt", trigger="الحرب"),
        report("war", "الموصل", "2016-10/2017-07", "occurred", "2025-11-21", "b.txt", trigger="معركة"),
    )
    assert sorted((r["place"], r["date"]) for r in found) == [("العراق", "2014/2017"), ("الموصل", "2016-10/2017-07")]


def test_a_year_inside_the_war_still_restates_it():
    (row,) = same_both_ways(
        report("war", "العراق", "2014/2017", "occurred", "2025-11-20", "a.txt", trigger="الحرب"),
        report("war", "العراق", "2017", "occurred", "2025-11-22", "b.txt", trigger="الحرب"),
    )
    assert row["n_sources"] == 2


def test_nested_ranges():
    day = dt.date.fromisoformat
    war, battle = (day("2014-01-01"), day("2017-12-31")), (day("2016-10-01"), day("2017-07-31"))
    assert lifecycle.nested_ranges("2016-10/2017-07", battle, "2014/2017", war)
    assert lifecycle.nested_ranges("2014/2017", war, "2016-10/2017-07", battle)  # either order
    assert not lifecycle.nested_ranges("2017", (day("2017-01-01"), day("2017-12-31")), "2014/2017", war)
    wide = (day("2014-06-01"), day("2017-12-31"))  # the same war, written to the month: not under half
    assert not lifecycle.nested_ranges("2014-06/2017-12", wide, "2014/2017", war)


# ---------------------------------------------------------------------------------------------
# A plan for a whole country, reported after a part of it was done, is the plan for the rest


def test_a_countrys_plan_after_a_part_was_done_is_another_event():
    found = same_both_ways(
        report("withdrawal", "حقل العمر", "2026-10-20", "occurred", "2026-10-20", "a.txt"),
        report("withdrawal", "سوريا", "2026", "planned", "2026-11-05", "b.txt", mod="END"),
    )
    by_place = {r["place"]: r for r in found}
    assert set(by_place) == {"حقل العمر", "سوريا"}
    assert by_place["سوريا"]["status"] == "planned" and by_place["حقل العمر"]["status"] == "occurred"


def test_a_countrys_plan_told_before_the_part_happened_still_merges():
    (row,) = same_both_ways(
        report("withdrawal", "العراق", "2025", "planned", "2025-04-14", "a.txt", mod="END"),
        report("withdrawal", "فيكتوريا", "2025-09", "planned", "2025-07-20", "b.txt", mod="END"),
        report("withdrawal", "فيكتوريا", "2025-10-01", "occurred", "2025-10-05", "c.txt"),
    )
    assert (row["place"], row["date"], row["status"]) == ("فيكتوريا", "2025-10-01", "occurred")


def test_a_vaguer_report_that_it_happened_in_the_country_still_merges():
    (row,) = same_both_ways(
        report("handover", "عين الأسد", "2026-01-17", "occurred", "2026-01-18", "a.txt"),
        report("handover", "العراق", "2026-01", "occurred", "2026-02-10", "b.txt"),
    )
    assert row["place"] == "عين الأسد" and row["n_sources"] == 2


# ---------------------------------------------------------------------------------------------
# Done is done: a plan reported afterwards for later days is a new event


def test_a_plan_made_after_the_event_was_done_is_a_new_event():
    found = same_both_ways(
        report("handover", "العراق", "2026-01-08/2026-02-08", "planned", "2026-01-08", "a.txt"),
        report("handover", "العراق", "2026-03", "occurred", "2026-03-25", "b.txt", mod="MID"),
        report("handover", "العراق", "2026-06", "planned", "2026-04-06", "c.txt", mod="START"),
    )
    assert sorted((r["date"], r["status"]) for r in found) == [("2026-03", "occurred"), ("2026-06", "planned")]
    done = next(r for r in found if r["status"] == "occurred")
    assert done["planned_dates"] == ["2026-01-08/2026-02-08"]


def test_the_old_plan_told_after_the_event_is_still_its_history():
    (row,) = same_both_ways(
        report("withdrawal", "عين الأسد", "2026-01-15", "occurred", "2026-01-17", "a.txt"),
        report("withdrawal", "عين الأسد", "2025-09", "planned", "2026-02-03", "b.txt"),
    )
    assert (row["date"], row["status"], row["planned_dates"]) == ("2026-01-15", "occurred", ["2025-09"])


def test_planned_anew():
    day = dt.date.fromisoformat
    june = (day("2026-06-01"), day("2026-06-10"))
    assert lifecycle.planned_anew(day("2026-03-20"), june, day("2026-04-06"))
    assert not lifecycle.planned_anew(None, june, day("2026-04-06"))  # nothing done yet
    assert not lifecycle.planned_anew(day("2026-03-20"), june, day("2026-03-01"))  # reported before it was done
    assert not lifecycle.planned_anew(day("2026-03-20"), (day("2025-09-01"), day("2025-09-30")), day("2026-04-06"))


# ---------------------------------------------------------------------------------------------
# What began and its completion: the row is dated by the completion


def test_what_began_and_was_completed_is_dated_by_the_completion():
    (row,) = same_both_ways(
        report("withdrawal", "حقل العمر", "2026-10-20", "occurred", "2026-10-20", "a.txt"),
        report("withdrawal", "حقل العمر", "2026-10-20", "ongoing", "2026-11-05", "b.txt"),
        report("withdrawal", "حقل العمر", "2026-11-27", "occurred", "2026-11-28", "c.txt"),
    )
    assert (row["date"], row["status"]) == ("2026-11-27", "occurred")


def test_the_date_most_reports_agree_with_still_wins():
    (row,) = same_both_ways(
        report("withdrawal", "حقل العمر", "2026-10-20", "occurred", "2026-10-20", "a.txt"),
        report("withdrawal", "حقل العمر", "2026-10-20", "occurred", "2026-10-21", "b.txt"),
        report("withdrawal", "حقل العمر", "2026-10-20", "ongoing", "2026-11-05", "c.txt"),
        report("withdrawal", "حقل العمر", "2026-11-27", "occurred", "2026-11-28", "d.txt"),
    )
    assert row["date"] == "2026-10-20"


# ---------------------------------------------------------------------------------------------
# The lifecycle's guarantees still hold


def test_planned_then_occurred_is_still_one_entry():
    (row,) = same_both_ways(
        report("withdrawal", "عين الأسد", "2025-09", "planned", "2025-01-14", "a.txt", mod="END"),
        report("withdrawal", "عين الأسد", "2026-01-15", "occurred", "2026-01-17", "b.txt"),
    )
    assert (row["date"], row["status"], row["planned_dates"]) == ("2026-01-15", "occurred", ["2025-09 END"])


def test_a_restatement_still_merges():
    (row,) = same_both_ways(
        report("handover", "التاجي", "2025-11-19", "occurred", "2025-11-19", "a.txt"),
        report("handover", "التاجي", "2025-11", "occurred", "2025-12-02", "b.txt"),
    )
    assert (row["date"], row["n_sources"]) == ("2025-11-19", 2)


def test_two_bases_still_never_merge():
    found = same_both_ways(
        report("withdrawal", "عين الأسد", "2026-01-15", "occurred", "2026-01-17", "a.txt"),
        report("withdrawal", "حرير", "2026-01-15", "occurred", "2026-01-17", "b.txt"),
        report("withdrawal", "العراق", "2026", "planned", "2026-02-01", "c.txt", mod="END"),
    )
    assert {r["place"] for r in found} >= {"عين الأسد", "حرير"}
    assert all(len({s["place"] for s in r["sources"]} & {"عين الأسد", "حرير"}) <= 1 for r in found)


def test_ids_stay_stable_when_unrelated_articles_arrive():
    story = [
        report("withdrawal", "حقل العمر", "2026-10-20", "occurred", "2026-10-20", "a.txt"),
        report("withdrawal", "سوريا", "2026", "planned", "2026-11-05", "b.txt", mod="END"),
        report("war", "الموصل", "2016-10/2017-07", "occurred", "2025-11-21", "c.txt", trigger="معركة"),
    ]
    other = [report("attack", "حرير", "2026-11-01", "occurred", "2026-11-02", "z.txt", trigger="هجوم")]
    before = {(r["type"], r["place"]): r["id"] for r in rows(*story)}
    after = {(r["type"], r["place"]): r["id"] for r in rows(*story, *other)}
    assert all(after[k] == v for k, v in before.items())


# ---------------------------------------------------------------------------------------------
# Dating: the perfect verb of a relative clause; a count from an event the sentence does not date


def test_a_month_in_a_relative_clause_in_the_perfect_is_the_last_one_before_the_article(tmp_path):
    events = body_events(tmp_path, "وقال المسؤول إن أي وجود أجنبي سيخضع للقانون الذي أقره البرلمان في آذار.", dct="2026-05-10")
    (vote,) = events_of(events, "vote")
    assert (vote.date, vote.status) == ("2026-03", "occurred")


def test_a_month_in_a_relative_clause_in_the_imperfect_may_be_ahead(tmp_path):
    events = body_events(tmp_path, "ويتابع النواب القانون الذي يقره البرلمان في آب.", dct="2026-05-10")
    assert all(e.date != "2025-08" for e in events_of(events, "vote"))


def test_a_count_from_a_founding_dates_nothing(tmp_path):
    body = "أكملت القوات الأمريكية أمس الأربعاء انسحابها من قاعدة التنف، بعد نحو عشر سنوات على إنشائها."
    events = body_events(tmp_path, body, dct="2026-04-23")
    (withdrawal,) = events_of(events, "withdrawal")
    assert (withdrawal.date, withdrawal.status) == ("2026-04-22", "occurred")


def test_a_time_ago_before_the_verbs_own_preposition_still_dates(tmp_path):
    body = "وكانت بغداد وواشنطن قد اتفقتا قبل نحو عام على جدول الانسحاب."
    events = body_events(tmp_path, body, dct="2025-12-20")
    (deal,) = events_of(events, "agreement")
    assert deal.date == "2024" and deal.status == "occurred"
