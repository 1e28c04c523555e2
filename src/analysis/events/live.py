"""Live-update entries (round 9): a line opened by a clock time (``11:30 - متحدث باسم التحالف: ...``) is a dated unit.

A live page ("تغطية مستمرة") is a list of timestamped entries, each a line of its own. An event told in an entry
with no date of its own happened at the entry's time (docs/ANNOTATION.md, "Events", "Classes settled in round 9"):
``10:40 - رفع العلم. مراسلنا: الفرقة السابعة تسلمت المقر`` is a handover at 10:40, in every sentence of the entry.
What is planned, framed as background or only reported keeps its own dating.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from analysis.events import nominal
from analysis.events.dating import TimexSlot
from analysis.events.rules import DATED_RULES
from analysis.events.triggers import Trigger

#: After the clock time that opens an entry: a dash or a colon (``11:30 -``, ``11:30 –``, ``11:30:``).
STAMP_END = re.compile(r"\s*[-–—:]")
STAMP_LEAD = 3  # at most this many characters (spaces, a bullet) before the time on its line


def entry_stamp(text: str, start: int, timexes: Sequence[Any]) -> Any | None:
    """The TIME timex that opens the line holding offset ``start``, followed by a dash or a colon: the entry's
    time stamp. None when the line is no live entry. ``timexes`` are sorted by start."""
    line = text.rfind("\n", 0, start) + 1
    for k in range(bisect_left(timexes, line, key=lambda t: t.start), len(timexes)):  # from the line's first timex
        tx = timexes[k]
        if tx.start > line + STAMP_LEAD:
            break
        if tx.type == "TIME" and not text[line : tx.start].strip(" \t•*") and STAMP_END.match(text, tx.end):
            return tx
    return None


def _announced_by(trig: Trigger) -> bool:
    """A verbal noun without the article under بـ (``إيذانا بتسلم الجيش القاعدة``): what the entry's act marks."""
    prefix = trig.match.prefix.lstrip("وف")
    return prefix == "ب"


def date_by_entry(trigs: Sequence[Trigger], stamp: Any, toks: Sequence[Any]) -> None:
    """Date each undated trigger of an entry's sentence by the entry's ``stamp`` (a TIME timex): what the entry
    tells happened then: a verb, or a verbal noun without the article under بـ (``إيذانا بتسلم الجيش القاعدة``). Planned,
    background, postponed and reporting triggers, statements and weak triggers (``مراسم``) are left as they are."""
    for trig in trigs:
        if trig.timex is not None or trig.future or trig.background or trig.postponed or trig.reporter or trig.content:
            continue
        if trig.type == "announcement" or trig.rule in DATED_RULES:
            continue  # statements keep the dating of ``events.statements``; weak triggers count only with a date of their own
        if trig.ongoing or trig.continuing:
            continue  # ``لا تزال تعمل في موقع سقوط الصواريخ``: what goes on at the entry's time began before it
        if not nominal.verb_form(trig) and not _announced_by(trig):
            continue  # ``ستراقب مدى جدية الانسحاب``, ``موقع سقوط الصواريخ``: a noun names what is told elsewhere
        first = next((i for i, t in enumerate(toks) if t.start >= stamp.start), 0)
        trig.timex = TimexSlot(stamp, first, first, stamp.value, stamp.mod, past=True)
        trig.value, trig.mod = stamp.value, stamp.mod
