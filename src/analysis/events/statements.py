"""An official statement reported as news is an event of its own (docs/ANNOTATION.md, "Events", round 8).

The hand-annotated real articles list the statement an article leads with, when a state body made it
(``أعلنت وزارة الدفاع، اليوم، أن …``, ``نفت قيادة العمليات المشتركة …``), as an ``announcement``, besides
the events it reports, which keep the type of what happened. What media, sources or reports reveal
(``كشفت مصادر``), an armed group's claim (the attack) and a joint statement that is the agreement are not.
Cue lists: ``data/event_statement_cues.json``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from analysis.events import lexicon
from analysis.events.triggers import Trigger
from analysis.text import Token

STATEMENT_CUES = "event_statement_cues.json"
LEAD_SENTENCES = 2  # the headline and the first sentence of the body: where an article states its news
LEAD_MIN_WORDS = 6  # shorter lines are datelines, bylines or dates, not the lead
PERFECT_REACH = 16  # ``وكان المتحدث باسم القائد العام للقوات المسلحة العراقية، صباح النعمان، قد أكد``
NEWS_DAYS = 1  # a statement of the report's day or the day before is the news itself, not an earlier one
DATELINE_WORDS = 5  # ``الوكيل الإخباري-``, ``بغداد (رويترز) -``: words before the mark that closes a dateline


def listed(tok: Token, name: str) -> bool:
    """Is ``tok`` (clitics taken off) a word of the list ``name`` of ``event_statement_cues.json``?"""
    return lexicon.is_listed(tok, name, STATEMENT_CUES)


def word_count(toks: Sequence[Token]) -> int:
    """The tokens of a sentence that hold a letter (punctuation and digits left out)."""
    return sum(any(ch.isalpha() for ch in t.text) for t in toks)


def lead_sentences(sentence_tokens: Sequence[list[Token]]) -> set[int]:
    """Indexes of the article's lead: its first ``LEAD_SENTENCES`` sentences of ``LEAD_MIN_WORDS`` words or more."""
    out: set[int] = set()
    for i, toks in enumerate(sentence_tokens):
        if len(out) == LEAD_SENTENCES:
            break
        if word_count(toks) >= LEAD_MIN_WORDS:
            out.add(i)
    return out


def opens_sentence(toks: Sequence[Token], first: int) -> bool:
    """Does the word at ``first`` open its sentence, after at most a dateline closed by a dash (``بغداد – أعلن``)?"""
    before = [j for j in range(first) if any(ch.isalpha() for ch in toks[j].text)]
    if not before:
        return True
    dashes = lexicon.word_lists(STATEMENT_CUES)["dateline_marks"]
    marks = [j for j in range(first) if toks[j].text.strip() in dashes]
    return bool(marks) and len(before) <= DATELINE_WORDS and all(j < marks[-1] for j in before)


def subject_head(toks: Sequence[Token], verb: int, blocked: set[int]) -> Token | None:
    """The first word after a verb-first statement (its subject's head), past commas and the timex (``أعلن، اليوم، العراق``)."""
    for j in range(verb + 1, min(verb + 8, len(toks))):
        if j in blocked or not any(ch.isalpha() for ch in toks[j].text):
            continue
        return toks[j]
    return None


def reports_agreement(trig: Trigger, found: Sequence[Trigger]) -> bool:
    """Is the first event after the statement an agreement (``أعلنت بغداد وواشنطن، في بيان مشترك، …``)? Then
    the statement is that agreement, not an announcement of its own."""
    after = [t for t in found if t.first > trig.last]
    return bool(after) and min(after, key=lambda t: t.first).type == "agreement"


def speaker_head(toks: Sequence[Token], verb: int, blocked: set[int]) -> Token | None:
    """The subject's head of a statement verb: the word after it, or, in a past perfect (``وكان المتحدث
    … قد أكد``), the word after كان."""
    if verb > 0 and toks[verb - 1].norm == "قد":
        for j in range(verb - 2, max(verb - PERFECT_REACH, -1), -1):
            if lexicon.bare(toks[j].norm) & {"كان", "كانت"}:
                return subject_head(toks, j, blocked)
    return subject_head(toks, verb, blocked)


def earlier(value: str | None, dct: dt.date) -> bool:
    """A date apart from the article's news (``في وقت سابق``, ``قبل أيام``, an earlier month or day), not the day
    of the report nor the day before it (``أمس``, ``الاثنين``: the news itself, told as it is told)."""
    if value is None or value == "PAST_REF":
        return value is not None
    if not value[:4].isdigit():
        return False
    if len(value) >= 10 and value[4] == "-" and value[7:8] == "-" and value[5:7].isdigit() and value[8:10].isdigit():
        return dt.date(int(value[:4]), int(value[5:7]), int(value[8:10])) < dct - dt.timedelta(days=NEWS_DAYS)
    if len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
        return value[:7] < dct.isoformat()[:7]
    return value[:4] < dct.isoformat()[:4]


def dated_statement(trig: Trigger, found: Sequence[Trigger], toks: Sequence[Token], blocked: set[int], dct: dt.date) -> bool:
    """An earlier statement of a state body that the article dates on its own (``وكانت السفارة قد أعلنت، في
    وقت سابق، أن``; ``قد أكد قبل أيام أن``): an announcement besides what it reports, anywhere in the article."""
    if trig.type != "announcement" or not listed(toks[trig.first], "statement_verbs") or not earlier(trig.value, dct):
        return False
    if reports_agreement(trig, found):
        return False
    head = speaker_head(toks, trig.first, blocked)
    return head is not None and listed(head, "official_heads")


def news_statement(trig: Trigger, found: Sequence[Trigger], toks: Sequence[Token], blocked: set[int]) -> bool:
    """Is ``trig`` the lead's statement by a state body (``أعلنت اللجنة العسكرية العليا، اليوم، إكمال انسحاب``)?

    Call only on a lead sentence (``lead_sentences``). A statement whose sentence reports an agreement is
    that agreement (``أعلنت بغداد وواشنطن في بيان مشترك التوصل إلى اتفاق``), so it is none.
    """
    if trig.type != "announcement" or trig.match.prefix or not listed(toks[trig.first], "statement_verbs"):
        return False
    if not opens_sentence(toks, trig.first) or reports_agreement(trig, found):
        return False
    head = subject_head(toks, trig.last, blocked)
    return head is not None and listed(head, "official_heads")
