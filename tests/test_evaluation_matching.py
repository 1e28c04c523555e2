"""The span matcher and P/R/F1 that the timex, event and NER evaluations share."""

from __future__ import annotations

import pytest

from analysis.evaluation.matching import PRF, match_overlaps, prf


def test_prf():
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(2, 4, 2) == pytest.approx((0.5, 1.0, 2 / 3))
    s = PRF(3, 4, 6)
    assert (s.p, s.r, s.f1) == pytest.approx((0.75, 0.5, 0.6))


def test_one_to_one_largest_overlap_first():
    gold = [(0, 10), (20, 30)]
    pred = [(5, 25), (0, 4), (8, 22)]
    # (0,10)~(5,25) overlap 5, (0,10)~(0,4) 4, (0,10)~(8,22) 2, (20,30)~(5,25) 5, (20,30)~(8,22) 2
    assert match_overlaps(gold, pred) == [(0, 0), (1, 2)]
    assert match_overlaps(gold, []) == [] and match_overlaps([], pred) == []


def test_touching_spans_do_not_overlap():
    assert match_overlaps([(0, 5)], [(5, 9)]) == []


def test_compatible_pairs_only():
    gold, pred = [(0, 5, "ORG"), (6, 9, "LOC")], [(0, 9, "LOC")]
    same_type = lambda i, j: gold[i][2] == pred[j][2]  # noqa: E731
    assert match_overlaps([g[:2] for g in gold], [p[:2] for p in pred], compatible=same_type) == [(1, 0)]


def test_ties_by_position_or_by_index():
    gold = [(10, 14), (0, 4)]  # gold not in text order
    pred = [(2, 12)]  # overlaps both by 2
    assert match_overlaps(gold, pred, ties="position") == [(1, 0)]  # the earlier gold span
    assert match_overlaps(gold, pred, ties="index") == [(0, 0)]  # the first gold span listed
