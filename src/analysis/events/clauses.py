"""Clause boundaries inside a sentence: where one event's words (its place, its actors) stop.

A sentence often reports several events (``سلمت القوات قاعدة التنف، فيما هاجمت فصائل قاعدة
الشدادي``). Each event's place and actors come from its own clause only (docs/ANNOTATION.md,
"Events"). A clause ends at a strong break (``؛ . ! ؟``), before a clause opener (``فيما``,
``بينما``, ``حيث``, ``في حين``, ``مؤكدا``, a purpose ``لدعم``/``بهدف`` …: the cue lists ``clause_openers`` and
``clause_starts``), before a speech verb joined by و/ف (``وأعلنت``, ``وقال``), before أن/إن (what is said is another
clause) and before the trigger
of an event of another type. Commas alone do not end a clause: they set off dates, appositions and
relative clauses (``سلم التحالف، اليوم، قاعدة القيارة``).

The spans are token index ranges of the sentence's token list, both ends included. Entity spans
used as actors or places elsewhere should be cut the same way (``clause_span``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analysis.events import lexicon
from analysis.events.modality import imperfect
from analysis.text import Token, normalize

#: Tokens that end a clause whatever follows them.
STRONG_BREAKS = frozenset({".", "!", "؟", "?", "؛", ";"})
#: أن/إن as written (with its hamza: ``وان`` in ``كي وان`` is no أن), alone or with و/ف/ب/ل and a pronoun.
COMPLEMENTIZERS = frozenset(
    f"{pre}{word}{suf}" for pre in ("", "و", "ف", "ب", "ل") for word in ("أن", "إن") for suf in ("", "ه", "ها", "هم", "نا")
)
#: How far a clause reaches from its trigger at most (tokens), either side.
MAX_REACH = 18
SAME_REPORT_GAP = 2  # a trigger of the same type this close behind another reports the same event
#: Types whose relative-clause trigger only describes a participant of another movement in the sentence.
DESCRIBING_TYPES = frozenset({"withdrawal"})
#: The movements such a description serves (``الجنود الذين غادروا العراق جرى نقلهم``: the event is the move).
MOVEMENT_TYPES = frozenset({"redeployment", "handover", "deployment"})
#: The types a means (بـ + verbal noun) can be the way of ending: ``انتهت المرحلة ... بمغادرة القوات``.
ENDING_TYPES = frozenset({"mission_end"})
#: The movements that can be such a means.
MEANS_TYPES = frozenset({"withdrawal", "redeployment", "handover"})
MEANS_REACH = 12  # ``اكتملت في أيلول 2025 بمغادرة``: how far after its end the means may come
#: Types whose trigger in a civil clause (no military word, a civil participant) is a look-alike.
CIVIL_TYPES = frozenset({"withdrawal", "redeployment", "handover", "mission_end", "attack", "war"})
READINESS_REACH = 3  # ``ستبقى مستعدة لتنفيذ ضربات``: a light verb may stand between
RELATIVE_REACH = 6  # ``الهجوم بطائرة مسيرة الذي استهدف``: how far after its noun a relative verb may come
HYPOTHETICAL_REACH = 4  # ``قد يفتح الباب أمام تسليمها``: how far after قد + verb its object may come
#: Words that may stand between a relative pronoun and its verb (``التي كانت قد غادرت``).
RELATIVE_FILLERS = frozenset({"كان", "كانت", "كانوا", "قد"})


@dataclass(frozen=True)
class Span:
    """A trigger's position and type, as the clause splitter needs it (token indexes, inclusive)."""

    first: int
    last: int
    type: str


def _surface(tok: Token) -> str:
    """The token as written, without diacritics or tatweel (hamzas kept)."""
    return normalize(tok.text, alef=False, alef_maksura=False, teh_marbuta=False)


def is_complementizer(tok: Token) -> bool:
    """Is ``tok`` أن/إن as written (``COMPLEMENTIZERS``)? ``كان`` is not كـ + ان, ``وان`` in ``كي وان`` no أن."""
    return _surface(tok) in COMPLEMENTIZERS


def _opens_clause(toks: list[Token], i: int) -> bool:
    """Does token ``i`` open a new clause (an opener word, ``في حين``, or و/ف + a speech verb)?"""
    tok = toks[i]
    if lexicon.is_cue(tok, "clause_openers") or tok.norm in lexicon.cues()["clause_starts"]:
        return True
    if tok.norm == "في" and i + 1 < len(toks) and toks[i + 1].norm == "حين":
        return True
    if tok.norm == "مع" and i > 0 and toks[i - 1].text in ("،", ","):
        return True  # ``…، مع بقاء قوة محدودة في إقليم كردستان``: a circumstance of its own
    return tok.norm[:1] in ("و", "ف") and len(tok.norm) > 3 and tok.norm[1:] in lexicon.cues()["speech_verbs"]


def starts(toks: list[Token], triggers: Sequence[Span]) -> set[int]:
    """Token indexes where a new clause begins (the opener itself belongs to the new clause)."""
    out = {i for i in range(len(toks)) if _opens_clause(toks, i)}
    out |= {i for i, t in enumerate(toks) if is_complementizer(t)}  # أكد التحالف ... أن قواته ستبقى
    out |= {i + 1 for i, t in enumerate(toks) if t.text in STRONG_BREAKS}
    return out


def clause_span(toks: list[Token], trig: Span, triggers: Sequence[Span], opened: set[int] | None = None) -> tuple[int, int]:
    """The token range ``(lo, hi)`` of the clause of ``trig`` among the sentence's ``triggers``.

    Backwards it stops at the start of the clause or after the trigger of another type; forwards
    before the next clause or before a trigger of another type (``اتفاق على إنهاء مهمة``: the
    agreement's clause ends where its content begins).
    """
    opened = starts(toks, triggers) if opened is None else opened
    lo = max(trig.first - MAX_REACH, 0)
    for i in range(trig.first, lo - 1, -1):
        if i in opened and i <= trig.first:
            lo = i
            break
    hi = min(trig.last + MAX_REACH, len(toks) - 1)
    for i in range(trig.last + 1, hi + 1):
        if i in opened:
            hi = i - 1
            break
    for other in triggers:
        if other == trig or other.type == trig.type and _same_report(toks, trig, other):
            continue
        if trig.last < other.first <= hi:
            hi = other.first - 1
        if lo <= other.last < trig.first and other.type != trig.type:
            lo = other.last + 1
    return lo, hi


def _same_report(toks: list[Token], a: Span, b: Span) -> bool:
    """Two triggers of one type that report one event: the later close behind (``هجوم صاروخي استهدف``)
    or in a relative clause of the earlier (``الهجوم الذي استهدف``)."""
    first, second = (a, b) if a.first < b.first else (b, a)
    gap = toks[first.last + 1 : second.first]
    return len(gap) <= SAME_REPORT_GAP or any(lexicon.is_cue(t, "relatives") for t in gap[:3])


def describes_participant(toks: list[Token], trig: Span, triggers: Sequence[Span]) -> bool:
    """Is ``trig`` a verb in a relative clause that only says who or what takes part in another
    movement of the sentence (``أعيد نشر القوات التي غادرت العراق في الكويت``, ``الموقع الذي أخلاه
    المستشارون جرى تسلمه``)? The sentence reports the move or the handover, not a withdrawal of its own."""
    if trig.type not in DESCRIBING_TYPES:
        return False
    j = trig.first - 1
    while j >= 0 and normalize(toks[j].text) in {normalize(w) for w in RELATIVE_FILLERS}:
        j -= 1
    if j < 0 or not lexicon.is_cue(toks[j], "relatives"):
        return False
    return any(other.type in MOVEMENT_TYPES for other in triggers if other != trig)


def means_of(toks: list[Token], trig: Span, prefix: str, triggers: Sequence[Span]) -> Span | None:
    """The ending whose means ``trig`` is (``انتهت المرحلة الأولى في أيلول بمغادرة التحالف بغداد``): a
    verbal noun with بـ a few words after a mission end of its clause, or None."""
    if trig.type not in MEANS_TYPES or not prefix.lstrip("وف").startswith("ب"):
        return None
    heads = [t for t in triggers if t.type in ENDING_TYPES and t.last < trig.first and trig.first - t.last <= MEANS_REACH]
    if not heads:
        return None
    head = max(heads, key=lambda t: t.last)
    between = toks[head.last + 1 : trig.first]
    if any(t.text in STRONG_BREAKS or t.text in ("،", ",") for t in between) or any(
        _opens_clause(toks, i) for i in range(head.last + 1, trig.first)
    ):
        return None
    if any(t.first > head.last and t.last < trig.first for t in triggers):
        return None
    return head


def hypothetical_object(toks: list[Token], trig: Span, finite: bool) -> bool:
    """A verbal noun in what something only may do (``وهو ما قد يعقد ترتيبات الانسحاب``, ``قد يفتح الباب
    أمام تسليمها``): a topic of speculation, not a report of the event."""
    if finite:
        return False
    for j in range(trig.first - 1, max(trig.first - 1 - HYPOTHETICAL_REACH, 0), -1):
        tok = toks[j]
        if tok.text in STRONG_BREAKS or tok.text in lexicon.cues()["clause_breaks"] or is_complementizer(tok):
            return False
        if tok.norm == "قد" and j + 1 < trig.first and imperfect("", toks[j + 1].norm, strict=True):
            return True
    return False


def relative_restatement(toks: list[Token], noun: Span, verb: Span) -> bool:
    """Is ``verb`` the verb of a relative clause on ``noun``, both of one type (``الهجوم بطائرة مسيرة الذي
    استهدف مطار أربيل ليل الثلاثاء``)? The clause tells the event the noun names, and when it happened."""
    if noun.type != verb.type or not 0 < verb.first - noun.last <= RELATIVE_REACH:
        return False
    gap = toks[noun.last + 1 : verb.first]
    if any(t.text in STRONG_BREAKS or is_complementizer(t) for t in gap):
        return False
    return bool(gap) and lexicon.is_cue(gap[-1], "relatives")


def civil_clause(toks: list[Token], trig: Span, clause: tuple[int, int]) -> bool:
    """A movement or violence word in a civil, economic, political or sports clause (``انسحبت الشركة من
    السوق``, ``هاجم الوزير منتقديه``, ``سلمت الوزارة الرواتب``): a civil participant in its clause and no
    troops, base, weapon or military actor there."""
    if trig.type not in CIVIL_TYPES:
        return False
    lo, hi = clause
    civil = any(lexicon.is_cue(toks[j], "civil_participants") for j in range(lo, hi + 1) if not trig.first <= j <= trig.last)
    if not civil:
        return False
    military = ("troop_words", "base_words", "site_heads", "projectiles", "explosive_words", "military_words", "military_anchors")
    return not any(lexicon.is_cue(toks[j], cue) for j in range(lo, hi + 1) for cue in military)


def readiness(toks: list[Token], trig: Span, prefix: str) -> bool:
    """What someone is ready for (``الإقليم مستعد لتسلم حرير``, ``ستبقى مستعدة لتنفيذ ضربات``): a capacity,
    not an event (``استعدادا لـ`` is a preparation, handled as planned elsewhere, and is not this)."""
    for j in range(trig.first - 1, max(trig.first - 1 - READINESS_REACH, -1), -1):
        tok = toks[j]
        if tok.text in STRONG_BREAKS or tok.text in lexicon.cues()["clause_breaks"]:
            return False
        if lexicon.is_cue(tok, "readiness_words") and "ال" not in tok.norm[:2]:
            return lexicon.lam_prefix(prefix) or (j + 1 < trig.first and lexicon.lam_prefix(toks[j + 1].norm[:2]))
    return False
