"""A clause of time hung on a date: ``في آذار/مارس 2003، حين اجتاحت القوات العراق`` (docs/ANNOTATION.md, round 11).

History is told as a date and then what happened at it, in a clause opened by ``حين``/``عندما``/``حينما``
(``when_words``) right after the date (a comma between at most). The writers' gold dates what that clause tells by
the date it hangs on (29 of 29 such clauses with a listed event on A–I, N–Z and the dev gold: the same date, or a
day within it, ``عام 2011، حين انسحبت`` listed as 2011-12-18): the
clause's first trigger takes the date whatever else its clause names (``خلال ثلاثة أسابيع`` is how long it took), and
when that trigger is a statement, an undated trigger it announces takes it too (``حين أعلنت انتهاء المهمة``); any
other trigger further in the clause keeps its own dating (``حين جرى تسليم المعسكر قبيل الانسحاب``: background). A period (``منذ عقدين``), a
duration or a vague reference dates nothing here.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.events import lexicon
from analysis.events.dating import TimexSlot
from analysis.events.triggers import Trigger
from analysis.text import Token

#: Tokens that end the clause of time (``، لتبدأ مرحلة``: the next clause is another event's).
CLAUSE_END = frozenset({"،", ",", ".", "؛", ";", ":", "؟", "!", "(", ")"})


def when_clause_dates(trigs: Sequence[Trigger], txs: Sequence[TimexSlot], toks: list[Token]) -> None:
    """Date the triggers of a clause of time opened right after a dated timex by that timex (module docstring)."""
    for x in txs:
        opener = _opener_after(toks, x)
        if opener is None or not _calendar_date(x):
            continue
        end = next((j for j in range(opener + 1, len(toks)) if toks[j].text in CLAUSE_END), len(toks))
        inside = sorted((t for t in trigs if opener < t.first < end), key=lambda t: t.first)
        for k, trig in enumerate(inside):
            if k == 0 or (inside[0].type == "announcement" and trig.timex is None):
                trig.timex, trig.value, trig.mod, trig.anchored_duration = x, x.value, x.mod, None


def _opener_after(toks: list[Token], x: TimexSlot) -> int | None:
    """The index of ``حين``/``عندما`` right after timex ``x`` (a comma between at most), or None."""
    j = x.last + 1
    if j < len(toks) and toks[j].text in ("،", ","):
        j += 1
    if j < len(toks) and toks[j].norm in lexicon.cues()["when_words"]:
        return j
    return None


def _calendar_date(x: TimexSlot) -> bool:
    """A date on the calendar (``2003-03``, ``2014/2017``, ``2026-09`` + END), not a duration, a period counted from
    the article day, nor a vague reference."""
    return not x.anchored and bool(x.value) and x.value[:4].isdigit()  # a duration (``P2W``) starts with P
