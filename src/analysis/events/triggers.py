"""Finding a sentence's event triggers and dropping what is not an event of its own.

A trigger is a lexicon form (``lexicon.find_triggers``) whose rule holds (``mission`` needs a
mission word near it, ``troops`` a word for troops after it, …; see ``event_triggers.tsv``). It is
dropped when it is negated (``لم تؤكد ... انسحاب``), denied (``نفى ... أي قرار بسحب``), generic
(``أي انسحاب``), threatened, conditional, cancelled (``تأجيل التصويت``), a plan's name (``خطة
الانسحاب``), a walk-out (``انسحاب كتلة``), a speech verb that only cites a source (``بحسب ما
أعلنت``, ``كشفت مصادر``), the content of an agreement, vote, resolution or demand (``اتفاق ... على
إنهاء``, ``قرار يطالب بإخراج``), or a statement that only reports an agreement or an attack.
Conventions: docs/ANNOTATION.md, section "Events". Cue words live in ``data/event_cues.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from analysis.events import lexicon, modality
from analysis.events.rules import rule_holds
from analysis.events.types import TYPES
from analysis.text import Token

CONTENT_WINDOW = 12  # ``اتفاق ... على إنهاء``: how far the content trigger may be from its head
VICTORY_WAR_REACH = 8  # ``خاض التحالف حربا استمرت ثلاث سنوات انتهت بإعلان النصر``
ANNOUNCED_WINDOW = 20  # how far after a speech verb the event it only reports may come (``reported`` types)


@dataclass
class Trigger:
    """A trigger during extraction (token indexes are within the sentence)."""

    match: lexicon.TriggerMatch
    type: str
    rule: str
    first: int
    last: int
    background: bool = False
    future: bool = False
    ongoing: bool = False
    timex: Any = None  # the ``dating.TimexSlot`` that dates it
    value: str | None = None
    mod: str | None = None
    anchored_duration: str | None = None  # a DURATION value to turn into an interval from the dct
    ongoing_since: bool = False  # ``يتعرض التحالف منذ أشهر لهجمات``: a state that began and goes on
    postponed: bool = False  # ``تأجيل تسليم القاعدة إلى آذار``: planned (for the new date, if given)


def _is_break(tok: Token) -> bool:
    """A clause break (``clause_breaks``) or the end of a sentence."""
    return tok.text in lexicon.cues()["clause_breaks"] or tok.text in {".", "؟", "!"}


def find_sentence_triggers(toks: list[Token], blocked: list[tuple[int, int]]) -> list[Trigger]:
    """Triggers whose rule holds, not negated/denied/generic, not inside a timex, not the content of another."""
    c = lexicon.cues()
    found: list[Trigger] = []
    for m in lexicon.find_triggers(toks):
        span = (toks[m.first].start, toks[m.last].end)
        if any(s < span[1] and span[0] < e for s, e in blocked):
            continue  # e.g. نهاية inside "نهاية أيلول 2025"
        rule = next((r for r in lexicon.alternatives(m) if rule_holds(r.rule, toks, m)), None)
        if rule is None:
            continue
        words = rule.words
        verdict = modality.judge(toks, m, words, rule.type)
        if verdict == modality.DROP:
            continue
        trig = Trigger(m, _victory_type(toks, m, rule), rule.rule, m.first, m.last, postponed=verdict == modality.PLANNED)
        lo = m.first - 1
        while lo >= max(m.first - 3, 0) and not _is_break(toks[lo]):
            if lexicon.bare(toks[lo].norm) & c["background_before"]:
                trig.background = True
                break
            lo -= 1
        if found and m.prefix.startswith("و") and found[-1].background and m.first - found[-1].last <= 3:
            trig.background = True  # "بعد إنهاء المهام ومغادرة بعثة التحالف"
        verb = words[0]
        trig.future = trig.postponed or m.prefix.endswith("س") or (verb[:1] == "س" and verb[1:2] in ("ي", "ت", "ن")) or lexicon.has_cue(toks, m.first - 4, m.first - 1, "future_words") or any(
            " ".join(t.norm for t in toks[i : i + 2]) in c["future_phrases"] for i in range(max(m.first - 5, 0), m.first)
        )
        trig.ongoing = lexicon.has_cue(toks, m.first - 3, m.first - 1, "ongoing_words") or lexicon.has_cue(toks, m.last + 1, m.last + 2, "ongoing_words")
        trig.ongoing_since = lexicon.has_cue(toks, m.first - 4, m.first - 1, "since_words") and not past_verb(m)
        found.append(trig)
    kept = [t for t in found if not _is_content(t, found, toks)]
    return [t for t in kept if not _reports_event(t, kept, toks)]


def _victory_type(toks: list[Token], m: lexicon.TriggerMatch, rule: lexicon.TriggerRule) -> str:
    """A declaration of victory is the end of the war it closes (``حربا ... انتهت بإعلان النصر``), else its own event."""
    if rule.rule == "victory" and lexicon.has_cue(toks, m.first - VICTORY_WAR_REACH, m.first - 1, "war_context"):
        return "war"
    return rule.type


def _reports_event(trig: Trigger, found: list[Trigger], toks: list[Token]) -> bool:
    """A speech verb whose clause only reports an event of a ``reported`` type (``event_types.tsv``).

    The statement is the agreement itself (``أعلنت بغداد وواشنطن، في بيان مشترك، التوصل إلى اتفاق``),
    or it confirms or claims an attack (``أكدت السلطات ... تعرض قاعدة حرير إلى هجوم``) that is the
    event; the type's cue list between them (an agreement: أن; an attack: a new clause, as in
    ``إعلان مسؤوليتها عن العملية، مؤكدة ... أن الاستهداف``) makes the verb a statement of its own.
    """
    if trig.type != "announcement":
        return False
    for t in found:
        blocker = TYPES[t.type].reported
        if blocker is None or not 0 < t.first - trig.last <= ANNOUNCED_WINDOW:
            continue
        if not lexicon.has_cue(toks, trig.last + 1, t.first - 1, blocker):
            return True
    return False


def past_verb(m: lexicon.TriggerMatch) -> bool:
    """A perfect-tense verb form (``انسحبت``, ``غادروا``): what it reports is over, even with منذ."""
    word = m.rule.words[0]
    return not m.prefix.endswith("س") and word[:1] not in ("ي", "ت", "ن") and (
        word.endswith("وا") or (word.endswith("ت") and not word.endswith("ات"))  # not a plural noun (هجمات)
    )


def _is_content(trig: Trigger, found: list[Trigger], toks: list[Token]) -> bool:
    """True for the agreed, voted or demanded thing, not an event of its own: ``اتفاق ... على إنهاء
    مهام``, ``صادق ... على قرار لإنهاء``, ``اتفاق إنهاء مهمة``, ``تطالب بإنهاء وجود``."""
    c = lexicon.cues()
    if TYPES[trig.type].content_head:
        return False
    prev = lexicon.bare(toks[trig.first - 1].norm) if trig.first > 0 else set()
    linked = trig.match.prefix.endswith("ل") or bool(prev & c["content_links"]) or bool(prev & c["demands"])
    if linked and any(
        lexicon.is_cue(toks[j], "resolution_words") and not lexicon.has_complementizer(toks, j + 1, trig.first)
        for j in range(max(trig.first - CONTENT_WINDOW, 0), trig.first)
    ):
        return True  # قرار ... تم إعداده من قبل الكتل ... لإنهاء التواجد: the purpose of a resolution
    for head in found:
        if head is trig or head.last >= trig.first:
            continue
        demand = head.match.rule.words[0] in c["demands"]
        if not TYPES[head.type].content_head and not demand:
            continue
        adjacent = head.last == trig.first - 1  # اتفاق إنهاء: the construct state
        if not (linked or adjacent or (demand and trig.match.prefix.endswith("ب"))):
            continue
        if trig.first - head.last <= CONTENT_WINDOW and not lexicon.has_complementizer(toks, head.last + 1, trig.first):
            between = [t for t in found if head.last < t.first < trig.first]
            if not between:
                return True
    return False
