"""Dates written only with digits: ``31.12.2025``, ``31/12/2025``, ``2025-12-31``."""

from __future__ import annotations

import re

from analysis.timex import resolve as R
from analysis.timex.engine import DIGIT, Candidate, Context, rule

#: Not inside a longer number, a decimal, a ratio or a clock time.
_NUM_L = r"(?<![\w.,/:-])"
_NUM_R = r"(?![\w]|[.,/:-]\d)"


@rule("numeric_dmy", priority=40, starts=[DIGIT],
      pattern=rf"{_NUM_L}(?P<t>(?P<d>[0-3]?\d)(?P<sep>[./-])(?P<mo>[0-3]?\d)(?P=sep)(?P<y>(?:1[89]|2[01])\d\d)){_NUM_R}")
def _numeric_dmy(m: re.Match, ctx: Context) -> Candidate | None:
    """``31.12.2025``, ``31-12-2025``, ``31/12/2025`` (day first; ``12/31/2025`` month first when it cannot be day first)."""
    day, month, year = int(m.group("d")), int(m.group("mo")), int(m.group("y"))
    value = R.date_value(year, month, day) or R.date_value(year, day, month)
    return Candidate(0, 0, "DATE", value, kind="day") if value else None


@rule("numeric_ymd", priority=50, starts=[DIGIT],
      pattern=rf"{_NUM_L}(?P<t>(?P<y>(?:1[89]|2[01])\d\d)(?P<sep>[./-])(?P<mo>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)){_NUM_R}")
def _numeric_ymd(m: re.Match, ctx: Context) -> Candidate | None:
    """``2025/12/31``, ``2025-12-31``."""
    value = R.date_value(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    return Candidate(0, 0, "DATE", value, kind="day") if value else None
