"""What every evaluation shares: one-to-one matching of overlapping spans, and P/R/F1 from counts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

Span = tuple[int, int]


@dataclass
class PRF:
    """True positives, number predicted, number in gold -> precision, recall, F1 (0 when undefined)."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def p(self) -> float:
        """Precision."""
        return self.tp / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        """Recall."""
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1 (0 when undefined)."""
    score = PRF(tp, n_pred, n_gold)
    return score.p, score.r, score.f1


def match_overlaps(
    gold: Sequence[Span],
    pred: Sequence[Span],
    compatible: Callable[[int, int], bool] | None = None,
    ties: Literal["position", "index"] = "position",
) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs of overlapping spans, largest overlap first.

    Spans are ``(start, end)``; two spans overlap when they share at least one character.
    ``compatible(i, j)`` may forbid a pair (e.g. different entity types). Among equal overlaps
    the earlier pair wins: by gold start, then pred start (``ties="position"``), or by gold index,
    then pred index (``ties="index"``). Pairs are returned in the order they were chosen.
    """
    options = []
    for i, (gs, ge) in enumerate(gold):
        for j, (ps, pe) in enumerate(pred):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0 and (compatible is None or compatible(i, j)):
                options.append((-overlap, gs, ps, i, j) if ties == "position" else (-overlap, i, j, i, j))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for *_, i, j in sorted(options):
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return pairs
