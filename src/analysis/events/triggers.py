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

from analysis.events import lexicon
from analysis.events.types import TYPES
from analysis.text import Token

ZONE_MAX_TOKENS = 15  # a timex (or حتى) further than this after its trigger does not belong to it
UNTIL_MAX_TOKENS = 25  # "تستمر المهمة ... حتى أيلول 2026" may put its date further away
CONTENT_WINDOW = 12  # ``اتفاق ... على إنهاء``: how far the content trigger may be from its head
ANNOUNCED_WINDOW = 12  # how far after a speech verb the event it only reports may come (``reported`` types)
SITE_MAX_TOKENS = 12
MISSION_REACH_BEFORE = 7  # ``المهمة القتالية للقوات الأمريكية في العراق ستنتهي``: subject before the verb  # ``سلم التحالف الدولي بقيادة الولايات المتحدة، اليوم، قاعدة القيارة``
NEGATION_REACH = 6  # ``ولا تنوي الولايات المتحدة سحب``: a negation this far back still governs
DENIAL_REACH = 14  # ``نفى المتحدث ... أن يكون الاتفاق يعني انسحابا``: the denied content


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


def _rule_holds(rule: str, toks: list[Token], first: int, last: int) -> bool:
    """Check a lexicon row's rule around the trigger at tokens ``first..last``."""
    c = lexicon.cues()
    if rule == "-" or rule == "dated":
        return True
    if rule == "mission":
        if lexicon.has_cue(toks, first - MISSION_REACH_BEFORE, last + 4, "mission_words"):
            return True
        for i in range(max(first - 4, 0), min(last + 4, len(toks) - 1) + 1):
            if lexicon.bare(toks[i].norm) & c["phase_words"] and i + 1 < len(toks):
                if lexicon.bare(toks[i + 1].norm) & c["phase_ordinals"]:
                    return True
        return False
    if rule == "troops":
        return lexicon.has_cue(toks, last + 1, last + 4, "troop_words")
    if rule == "authority":
        return lexicon.has_cue(toks, last + 1, last + 4, "authority_words")
    if rule == "bilateral":
        return lexicon.has_cue(toks, last + 1, last + 6, "bilateral_words")
    if rule == "until":
        return lexicon.has_cue(toks, last + 1, last + UNTIL_MAX_TOKENS, "until_words") and _rule_holds("mission", toks, first, last)
    if rule == "topic":  # صوّت ... على قرار يلزم الحكومة بإخراج القوات, not للتصويت على قانون الموازنة
        return lexicon.has_cue(toks, first - 6, last + 10, "topic_words")
    if rule == "site":  # سلم التحالف ... قاعدة القيارة: a verb this short needs its object to be a site
        return lexicon.has_cue(toks, last + 1, last + SITE_MAX_TOKENS, "site_words")
    if rule == "destination":  # ستنتقل إلى قاعدتي عين الأسد وحرير / نقل قسم منهم إلى قاعدة الشدادي
        for j in range(last + 1, min(last + 5, len(toks))):
            if lexicon.bare(toks[j].norm) & c["destination_preps"]:
                nxt = toks[j + 1 : j + 4]
                return bool(nxt) and (
                    lexicon.has_cue(toks, j + 1, j + 2, "site_words") or any(s[0] == 0 for s in lexicon.gazetteer_spans(nxt, lexicon.places()))
                )
        return False
    if rule == "stay_until":  # قوات التحالف ستبقى في أربيل حتى أيلول 2026: the end of the presence there
        return lexicon.has_cue(toks, last + 1, last + ZONE_MAX_TOKENS, "until_words") and lexicon.has_cue(toks, first - 4, last + 3, "troop_words")
    if rule == "against":
        words = [i for i in range(last + 1, len(toks)) if toks[i].norm[:1].isalpha()][:9]
        for i in words:
            if lexicon.bare(toks[i].norm) & {"ضد"}:
                nxt = toks[i + 1].norm if i + 1 < len(toks) else ""
                before = toks[first - 1].norm if first > 0 else ""
                return not (lexicon.bare(nxt) & c["not_against"]) and not (
                    lexicon.bare(before) & c["not_before_operations"]
                )
        return False
    raise ValueError(f"unknown trigger rule {rule!r}")


def _is_break(tok: Token) -> bool:
    """A clause break (``clause_breaks``) or the end of a sentence."""
    return tok.text in lexicon.cues()["clause_breaks"] or tok.text in {".", "؟", "!"}


def _words_before(toks: list[Token], first: int, reach: int) -> list[int]:
    """Indexes of up to ``reach`` tokens before ``first``, nearest first, stopping at a clause break."""
    out = []
    for j in range(first - 1, max(first - reach, 0) - 1, -1):
        if _is_break(toks[j]):
            break
        out.append(j)
    return out


def _negated(toks: list[Token], first: int) -> bool:
    """A negation up to ``NEGATION_REACH`` tokens back in the clause, no أن/إن between (``لم تؤكد قسد انسحاب``).

    ``لا يزال`` / ``لم يعد`` ... are affirmative or fixed phrases and do not count.
    """
    for j in _words_before(toks, first, NEGATION_REACH):
        if lexicon.is_cue(toks[j], "complementizers"):
            return False
        if lexicon.is_cue(toks[j], "negations"):
            nxt = lexicon.bare(toks[j + 1].norm) if j + 1 < len(toks) else set()
            return not (nxt & {"يزال", "تزال", "زال", "يزالون", "زالت"})
    return False


def _denied(toks: list[Token], first: int) -> bool:
    """The trigger is what a denial verb before it denies (``نفى ... أي قرار بسحب``, ``نافية ... إخلائها``)."""
    c = lexicon.cues()
    for j in range(first - 1, max(first - DENIAL_REACH, 0) - 1, -1):
        if toks[j].text in {".", "؟", "!", "؛", ";"} or lexicon.bare(toks[j].norm) & c["clause_openers"]:
            return False
        if lexicon.bare(toks[j].norm) & c["denials"]:
            return True
    return False


def _dropped(toks: list[Token], m: lexicon.TriggerMatch, words: tuple[str, ...], type_: str) -> bool:
    """Triggers that are not events: negated, denied, generic (أي انسحاب), threatened, conditional,
    cancelled (تأجيل التصويت); speech verbs that only attribute a source (بحسب ما أعلنت, كشفت مصادر);
    demands that are only the wording of a resolution (قرار يطالب بإخراج)."""
    c = lexicon.cues()
    first = m.first
    if words[0] not in c["negations"] and _negated(toks, first):
        return True
    if type_ != "announcement" and _denied(toks, first):
        return True
    before = _words_before(toks, first, 3)
    if before and lexicon.is_cue(toks[before[0]], "generic_before") or before and lexicon.is_cue(toks[before[0]], "cancellations"):
        return True
    for j in before:
        if lexicon.is_cue(toks[j], "threats") or lexicon.is_cue(toks[j], "conditionals") and (
            toks[j].norm not in ("حال",) or (j > 0 and toks[j - 1].norm == "في")
        ):
            return True
    if type_ == "announcement":
        if before and toks[before[0]].norm in c["attributions"]:
            return True
        if any(lexicon.is_cue(t, "report_subjects") for t in toks[m.last + 1 : m.last + 3]):
            return True
        rest = toks[m.last].norm[len(m.prefix) :] if m.first == m.last else toks[m.last].norm
        if rest != words[-1] and rest.endswith(("ه", "ها")):
            return True  # أعلنته / تعلنه: an object pronoun, the verb of a relative clause
    if first > 0 and lexicon.is_cue(toks[first - 1], "plan_heads") and "ال" in m.prefix:
        return True  # خطة الانسحاب, موعد الانسحاب: the name of a plan or a deadline, not the event
    if type_ == "withdrawal" and any(lexicon.is_cue(t, "political_subjects") for t in toks[m.last + 1 : m.last + 3]):
        return True  # انسحاب كتلة نيابية من الجلسة: a walk-out, not troops
    if words[0] in c["demands"]:
        around = toks[max(first - 2, 0) : first] + toks[m.last + 1 : m.last + 3]
        if any(lexicon.is_cue(t, "resolution_words") for t in around):
            return True
    return False


def find_sentence_triggers(toks: list[Token], blocked: list[tuple[int, int]]) -> list[Trigger]:
    """Triggers whose rule holds, not negated/denied/generic, not inside a timex, not the content of another."""
    c = lexicon.cues()
    found: list[Trigger] = []
    for m in lexicon.find_triggers(toks):
        span = (toks[m.first].start, toks[m.last].end)
        if any(s < span[1] and span[0] < e for s, e in blocked):
            continue  # e.g. نهاية inside "نهاية أيلول 2025"
        rule = next((r for r in lexicon.alternatives(m) if _rule_holds(r.rule, toks, m.first, m.last)), None)
        if rule is None:
            continue
        words = rule.words
        if _dropped(toks, m, words, rule.type):
            continue
        trig = Trigger(m, rule.type, rule.rule, m.first, m.last)
        lo = m.first - 1
        while lo >= max(m.first - 3, 0) and not _is_break(toks[lo]):
            if lexicon.bare(toks[lo].norm) & c["background_before"]:
                trig.background = True
                break
            lo -= 1
        if found and m.prefix.startswith("و") and found[-1].background and m.first - found[-1].last <= 3:
            trig.background = True  # "بعد إنهاء المهام ومغادرة بعثة التحالف"
        verb = words[0]
        trig.future = m.prefix.endswith("س") or (verb[:1] == "س" and verb[1:2] in ("ي", "ت", "ن")) or lexicon.has_cue(toks, m.first - 4, m.first - 1, "future_words") or any(
            " ".join(t.norm for t in toks[i : i + 2]) in c["future_phrases"] for i in range(max(m.first - 5, 0), m.first)
        )
        trig.ongoing = lexicon.has_cue(toks, m.first - 3, m.first - 1, "ongoing_words") or lexicon.has_cue(toks, m.last + 1, m.last + 2, "ongoing_words")
        trig.ongoing_since = lexicon.has_cue(toks, m.first - 4, m.first - 1, "since_words") and not past_verb(m)
        found.append(trig)
    kept = [t for t in found if not _is_content(t, found, toks)]
    return [t for t in kept if not _reports_event(t, kept, toks)]


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
