"""An official statement reported as news is an event of its own (docs/ANNOTATION.md, "Events", rounds 8 and 9).

The hand-annotated real articles list the statement an article leads with, when a state body made it
(``أعلنت وزارة الدفاع، اليوم، أن …``, ``نفت قيادة العمليات المشتركة …``), as an ``announcement``, besides
the events it reports, which keep the type of what happened; so is an earlier statement the article dates
apart. Round 9 adds the speech verbs the trigger table leaves out (``قالت``, ``أفادت بأن``, ``شدد``), each
entry of a live page (``13:05 - قالت وزارة …``), a state body's statement that the body opens as a reaction
(``من جهتها، نفت الخارجية …``) and a new state body's dated statement opening a body sentence with و (``وقالت
القيادة المركزية في بيان اليوم``). What media, sources or reports reveal (``كشفت مصادر``), an armed
group's claim (the attack), a party's or an MP's comment, the same speaker going on, and a joint statement
that is the agreement are not. Round 10 adds a live entry told subject first (``18:20 - وزارة الدفاع تعلن``), a
statement in a clause of reference with its own date or medium (``وفق ما أعلنته واشنطن في كانون الأول الماضي``), one in a
clause of time with its own date (``بعد أن دعا وكيل الوزارة، الاثنين،``) and ``وذلك في بيان صدر مساء الأحد`` dating a
statement. Cue lists: ``data/event_statement_cues.json``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from analysis.events import lexicon
from analysis.events.dating import TimexSlot
from analysis.events.lexicon import TriggerMatch, TriggerRule
from analysis.events.triggers import Trigger
from analysis.text import Token, normalize

STATEMENT_CUES = "event_statement_cues.json"
LEAD_SENTENCES = 2  # the headline and the first sentence of the body: where an article states its news
OPENING_SENTENCES = 3  # a headline cut in two at ``..`` and the body's first sentence: where a sources' story shows
LEAD_MIN_WORDS = 6  # shorter lines are datelines, bylines or dates, not the lead
PERFECT_REACH = 16  # ``وكان المتحدث باسم القائد العام للقوات المسلحة العراقية، صباح النعمان، قد أكد``
NEWS_DAYS = 1  # a statement of the report's day or the day before is the news itself, not an earlier one
DATELINE_WORDS = 5  # ``الوكيل الإخباري-``, ``بغداد (رويترز) -``: words before the mark that closes a dateline
SPEECH_RULE = "statement"  # the rule name of a speech verb taken as a statement here (``speech_triggers``)
SUBJECT_REACH = 8  # ``أعلن، اليوم الثلاثاء، العراق``: how far after its verb a statement's subject may start
NON_STATE_REACH = 4  # ``الناطق باسم كتائب``, ``رئيس كتلة``: how far after the head a party or armed group shows
OWN_DATE_REACH = 12  # ``قال المتحدث باسم وزارة الدفاع الأمريكية (البنتاغون)، الخميس``: the statement's own timex
ISSUE_REACH = 10  # ``أصدرت قيادة العمليات المشتركة بيانا``: how far after أصدر its statement noun may come
KEY_WORDS = 2  # a speaker told apart by its head and the word after it (``وزارة الخارجية``, ``الحكومة``)
SPOKESMAN_WORDS = frozenset(normalize(w) for w in ("المتحدث", "متحدث", "الناطق", "ناطق", "باسم"))  # the voice, not the body it speaks for
LEAD, ENTRY, REACTION, BODY, DATED = "lead", "entry", "reaction", "body", "dated"
SUBJECT, REFERENCE, TIMED = "subject", "reference", "timed"  # round 10: subject first, a clause of reference, a clause of time
ENTRY_STAMP = 4  # ``13``, ``:``, ``05``, ``-``: the tokens of a live entry's clock time and its dash
SUBJECT_VERB_REACH = 4  # ``18:20 - وزارة الدفاع تعلن``, ``لكن متحدثا باسمه قال``: words from the subject's head to its verb
TAIL_REACH = 3  # ``وذلك في بيان صدر مساء الأحد``: words from the statement noun to its timex
#: Kinds of statement told with no date of their own that are dated by the report's day (the dct): a live entry.
#: A lead or a reaction with no timex stays undated (docs/ANNOTATION.md: ``null`` when the article gives none), as the
#: dev gold of real articles (``جددت وزارة الدفاع الأمريكية التزامها``) and the challenge set (``في المقابل، نفى
#: المتحدث باسم البنتاغون``) leave it; the round-8 writers S–V date them by the dct.
DCT_KINDS = frozenset({ENTRY})


def listed(tok: Token, name: str) -> bool:
    """Is ``tok`` (clitics taken off) a word of the list ``name`` of ``event_statement_cues.json``?"""
    return lexicon.is_listed(tok, name, STATEMENT_CUES)


def word_count(toks: Sequence[Token]) -> int:
    """The tokens of a sentence that hold a letter (punctuation and digits left out)."""
    return sum(any(ch.isalpha() for ch in t.text) for t in toks)


def lead_sentences(sentence_tokens: Sequence[list[Token]], count: int = LEAD_SENTENCES) -> set[int]:
    """Indexes of the article's lead: its first ``count`` sentences of ``LEAD_MIN_WORDS`` words or more."""
    out: set[int] = set()
    for i, toks in enumerate(sentence_tokens):
        if len(out) == count:
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


@dataclass
class Voices:
    """Who has spoken in an article so far: the state bodies (``speaker_key``) and whether its lead reports what
    sources or media reveal (``كشفت مصادر أمنية``)."""

    speakers: list[tuple[str, ...]] = field(default_factory=list)
    sourced: bool = False


def subject_index(toks: Sequence[Token], verb: int, blocked: set[int]) -> int | None:
    """The first word after a verb-first statement (its subject's head), past commas and the timex (``أعلن، اليوم، العراق``)."""
    for j in range(verb + 1, min(verb + SUBJECT_REACH, len(toks))):
        if j in blocked or not any(ch.isalpha() for ch in toks[j].text):
            continue
        return j
    return None


def speaker_index(toks: Sequence[Token], verb: int, blocked: set[int]) -> int | None:
    """The subject's head of a statement verb: the word after it, or, in a past perfect (``وكان المتحدث
    … قد أكد``), the word after كان."""
    aux = pluperfect_aux(toks, verb)
    return subject_index(toks, verb if aux is None else aux, blocked)


def pluperfect_aux(toks: Sequence[Token], verb: int) -> int | None:
    """The كان of a past perfect statement (``وكانت القيادة المركزية قد قالت``), or None."""
    if verb > 0 and toks[verb - 1].norm == "قد":
        for j in range(verb - 2, max(verb - PERFECT_REACH, -1), -1):
            if lexicon.bare(toks[j].norm) & {"كان", "كانت"}:
                return j
    return None


def official(toks: Sequence[Token], head: int | None) -> bool:
    """Is the subject whose head is at ``head`` a state body or its voice (``official_heads``), not a party's or an
    armed group's (``non_state_words`` within ``NON_STATE_REACH`` words: ``الناطق باسم كتائب حزب الله``)?"""
    if head is None or not listed(toks[head], "official_heads"):
        return False
    others = lexicon.word_lists(STATEMENT_CUES)["non_state_words"]
    return not any(t.norm in others for t in toks[head + 1 : head + 1 + NON_STATE_REACH])


def speech_verb(tok: Token) -> tuple[str, str] | None:
    """The proclitics and stem of a speech verb outside the trigger table (``speech_verbs``, ``issue_verbs``:
    ``وقالت`` → ``و``, ``قالت``), or None when ``tok`` is none."""
    lists = lexicon.word_lists(STATEMENT_CUES)
    verbs = lists["speech_verbs"] | lists["issue_verbs"]
    return next(((prefix, stem) for prefix, stem in lexicon.stems(tok.norm) if stem in verbs and prefix in ("", "و", "ف")), None)


def reference_clause(toks: Sequence[Token], verb: int) -> bool:
    """Is ``verb`` a statement verb named in a clause of reference (``وفق ما أعلنته واشنطن``, ``بحسب ما أكده نائب
    قائد العمليات``, ``بحسب ما أفاد به مكتب المتحدث``), with its object pronoun taken off?"""
    if verb < 1:
        return False
    lists = lexicon.word_lists(STATEMENT_CUES)
    prev = toks[verb - 1].norm
    if prev == "ما":
        if verb < 2 or not (lexicon.bare(toks[verb - 2].norm) & lists["reference_words"]):
            return False
    elif prev not in lists["reference_words"] or not prev.endswith("ما"):
        return False
    norm = toks[verb].norm
    forms = {norm} | {norm[: -len(suf)] for suf in lists["object_suffixes"] if norm.endswith(suf) and len(norm) > len(suf) + 2}
    return bool(forms & lists["statement_verbs"])


def time_clause(toks: Sequence[Token], verb: int) -> bool:
    """Is ``verb`` a bare statement verb right after a subordinator of time (``بعد أن دعا``, ``حين أعلنت``)? Such a
    statement is one of its own only with a state body as speaker and a date of its own clause (``mark_statements``)."""
    if verb < 1 or toks[verb].norm not in lexicon.word_lists(STATEMENT_CUES)["statement_verbs"]:
        return False
    words = lexicon.word_lists(STATEMENT_CUES)["time_clause_words"]
    one = toks[verb - 1].norm
    two = f"{toks[verb - 2].norm} {one}" if verb >= 2 else ""
    return one in words or (one[:1] == "و" and one[1:] in words) or two in words or (two[:1] == "و" and two[1:] in words)


def subject_first(toks: Sequence[Token], verb: int) -> int | None:
    """The head of a state body's subject told before its statement verb at a live entry's opening (``18:20 - وزارة
    الدفاع تعلن في بيان``), or None."""
    if not (lexicon.bare(toks[verb].norm) & lexicon.word_lists(STATEMENT_CUES)["statement_verbs"]):
        return None
    if toks[verb].norm[:1] in ("و", "ف") and toks[verb].norm[1:] in lexicon.word_lists(STATEMENT_CUES)["statement_verbs"]:
        return None  # ``وتقول``: the entry's speaker going on
    if not entry_opening(toks) or len(toks) <= ENTRY_STAMP:
        return None  # ``لكن قيادة عمليات نينوى قالت``: W27 lists the same body's dated statement instead, V16 this one
    head = ENTRY_STAMP  # the word right after the entry's dash
    if not 0 < verb - head <= SUBJECT_VERB_REACH:
        return None
    if any(not any(ch.isalpha() for ch in t.text) for t in toks[head:verb]):
        return None
    return head if official(toks, head) else None


def statement_head(toks: Sequence[Token], verb: int, blocked: set[int]) -> int | None:
    """The speaker's head of a statement verb: before it when told subject first, after ``به`` in a clause of reference
    (``بحسب ما أفاد به مكتب``), past a deputy's title (``نائب قائد العمليات``), else ``speaker_index``."""
    first = subject_first(toks, verb)
    if first is not None:
        return first
    head = speaker_index(toks, verb, blocked)
    lists = lexicon.word_lists(STATEMENT_CUES)
    if head is not None and reference_clause(toks, verb) and toks[head].norm in lists["reference_fillers"]:
        head = subject_index(toks, head, blocked)
    if head is not None and (reference_clause(toks, verb) or time_clause(toks, verb)) and toks[head].norm in lists["deputy_words"] and head + 1 < len(toks):
        head += 1
    return head


def issues_statement(toks: Sequence[Token], verb: int) -> bool:
    """Is a speech verb a statement by itself, or, for أصدر, followed by its statement noun (``أصدرت … بيانا``)?"""
    if not listed(toks[verb], "issue_verbs"):
        return True
    return any(listed(t, "statement_nouns") for t in toks[verb + 1 : verb + 1 + ISSUE_REACH])


def entry_opening(toks: Sequence[Token]) -> bool:
    """Does the sentence open a live page's entry with its clock time and a dash (``13:05 - قالت وزارة …``)?"""
    texts = [t.text for t in toks[:ENTRY_STAMP]]
    return len(texts) == ENTRY_STAMP and texts[0].isdigit() and texts[1] == ":" and texts[2].isdigit() and texts[3] in lexicon.word_lists(STATEMENT_CUES)["dateline_marks"]


def body_opening(toks: Sequence[Token], verb: int) -> bool:
    """Does a statement verb joined by و open its sentence (``وقالت القيادة المركزية الأمريكية في بيان اليوم``)? A
    new state body's statement told so in the body is news of its own (class 7 of round 9); the same speaker going
    on is not (``same_speaker``), and an undated one is screened as the report carried on (``screen.continues_report``)."""
    return toks[verb].norm[:1] == "و" and opens_sentence(toks, verb)


def reaction_opening(toks: Sequence[Token], verb: int) -> bool:
    """Is the verb the first after an opener of another side's statement and its comma (``من جهتها، نفت``, ``وفي
    المقابل، قال``, ``وفي بغداد، قال``)?"""
    if verb < 2 or toks[verb - 1].text not in {"،", ","}:
        return False
    words = [t.norm for t in toks[: verb - 1]]
    if not words or not all(any(ch.isalpha() for ch in w) for w in words):
        return False
    if words[0][:1] in ("و", "ف") and words[0][1:] and (words[0][1:] == "في" or len(words) > 1 and words[0][1:] in ("من", "بالمقابل", "الى")):
        words[0] = words[0][1:]
    elif words[0][:1] in ("و", "ف") and words[0][1:] in lexicon.word_lists(STATEMENT_CUES)["reaction_openers"]:
        words[0] = words[0][1:]  # ``وبدوره،``
    phrase = " ".join(words)
    if phrase in lexicon.word_lists(STATEMENT_CUES)["reaction_openers"]:
        return True
    return len(words) >= 2 and words[0] == "في" and " ".join(words[1:]) in lexicon.place_by_name()


def speaker_key(toks: Sequence[Token], head: int) -> tuple[str, ...]:
    """Who speaks, as its first ``KEY_WORDS`` words (a spokesman's words left out: the body he speaks for), up to a
    mark or a complementizer: ``وزارة الخارجية``, ``الحكومة``."""
    key: list[str] = []
    for t in toks[head:]:
        if not any(ch.isalpha() for ch in t.text) or lexicon.is_cue(t, "complementizers") or t.norm == "في" or len(key) == KEY_WORDS:
            break
        if t.norm not in SPOKESMAN_WORDS:
            key.append(t.norm)
    return tuple(key)


def same_speaker(key: tuple[str, ...], spoken: Sequence[tuple[str, ...]]) -> bool:
    """Has a speaker of ``spoken`` the same head and, when both name one, the same next word (``الوزارة`` after
    ``وزارة الدفاع``: the same; ``وزارة الخارجية`` after ``وزارة الدفاع``: another)?"""
    alike = lambda a, b: bool(lexicon.bare(a) & lexicon.bare(b))  # noqa: E731
    return any(
        bool(key) and bool(e) and alike(key[0], e[0]) and (len(key) == 1 or len(e) == 1 or alike(key[1], e[1]))
        for e in spoken
    )


def speech_triggers(found: Sequence[Trigger], toks: Sequence[Token], blocked: set[int], in_lead: bool) -> list[Trigger]:
    """The speech verbs the trigger table leaves out (``speech_verbs``: ``قالت``, ``أفادت``, ``شدد``) that a state
    body speaks where a statement is news: opening a lead sentence or a live entry, after a reaction's opener, or in
    a past perfect (``وكانت القيادة المركزية قد قالت``). They are reporters, kept only as statements, and undated
    until ``own_dates``; ``found`` are the sentence's triggers."""
    taken = {j for t in found for j in range(t.first, t.last + 1)}
    negations = lexicon.cues()["negations"]
    out: list[Trigger] = []
    for i, tok in enumerate(toks):
        verb = None if i in taken or i in blocked else speech_verb(tok)
        if verb is None and i not in taken and i not in blocked and reference_clause(toks, i):
            verb = ("", tok.norm)  # ``وفق ما أعلنته``: the verb with its object pronoun
        if verb is None or (i > 0 and toks[i - 1].norm in negations) or not issues_statement(toks, i):
            continue
        prefix, stem = verb
        placed = pluperfect_aux(toks, i) is not None or reaction_opening(toks, i) or (not in_lead and body_opening(toks, i)) or (
            not prefix and (in_lead or entry_opening(toks)) and opens_sentence(toks, i))
        if placed and official(toks, speaker_index(toks, i, blocked)) or round10_kind(toks, i, blocked) is not None:
            match = TriggerMatch(TriggerRule("announcement", SPEECH_RULE, (stem,)), i, i, prefix)
            out.append(Trigger(match, "announcement", SPEECH_RULE, i, i, reporter=True))
    return out


def round10_kind(toks: Sequence[Token], verb: int, blocked: set[int]) -> str | None:
    """The round-10 class of a state body's statement at ``verb``: told subject first (``SUBJECT``), named in a clause
    of reference (``REFERENCE``) or in a clause of time (``TIMED``, news only when dated in its own clause); or None."""
    kind = SUBJECT if subject_first(toks, verb) is not None else REFERENCE if reference_clause(toks, verb) else TIMED if time_clause(toks, verb) else None
    if kind is None or kind != SUBJECT and not official(toks, statement_head(toks, verb, blocked)):
        return None
    return kind


def own_dates(speech: Sequence[Trigger], trigs: Sequence[Trigger], txs: Sequence[TimexSlot], toks: Sequence[Token]) -> list[Trigger]:
    """``trigs`` with the ``speech`` triggers, each dated by the timex of its own clause: after the verb and before
    its أن/إن (``قالت الوزارة، اليوم الثلاثاء، إن``), or a live entry's clock time before it. They are dated apart
    from ``dating.assign_dates``, so that what the sentence reports keeps the date it had without them."""
    for trig in speech:
        own_date(trig, txs, toks)
    return sorted([*trigs, *speech], key=lambda t: t.first)


def own_date(trig: Trigger, txs: Sequence[TimexSlot], toks: Sequence[Token]) -> None:
    """Date ``trig`` by the timex of its own clause, if any: the first after it and before its أن/إن, past a
    statement noun (``رحبت الخارجية، في بيان نشرته اليوم الأحد، بـ``), or a live entry's clock time before it."""
    slot = next((x for x in txs if trig.last < x.first <= trig.last + OWN_DATE_REACH and not x.anchored
                 and not lexicon.has_complementizer(toks, trig.last + 1, x.first)), None)
    if slot is None and entry_opening(toks):
        slot = next((x for x in txs if x.last < trig.first), None)
    if slot is None:
        slot = statement_tail(trig, txs, toks)
    if slot is not None:
        trig.timex, trig.value, trig.mod = slot, slot.value, slot.mod


def timed_own_date(trig: Trigger, txs: Sequence[TimexSlot], toks: Sequence[Token]) -> bool:
    """Date a statement told in a clause of time by its own clause's timex (``بعد أن دعا وكيل الوزارة، الاثنين،``);
    False, with the trigger as it was, when its clause has none."""
    kept = (trig.timex, trig.value, trig.mod)
    trig.timex, trig.value, trig.mod = None, None, None
    own_date(trig, txs, toks)
    if trig.value is None:
        trig.timex, trig.value, trig.mod = kept
        return False
    return True


def names_medium(toks: Sequence[Token], verb: int) -> bool:
    """Does a statement's clause name the statement it was made in (``بحسب ما أكده نائب قائد العمليات في تصريح
    صحفي``), a statement noun within ``ISSUE_REACH`` words after the verb, before a mark?"""
    for t in toks[verb + 1 : verb + 1 + ISSUE_REACH]:
        if not any(ch.isalpha() for ch in t.text):
            return False
        if listed(t, "statement_nouns"):
            return True
    return False


def statement_tail(trig: Trigger, txs: Sequence[TimexSlot], toks: Sequence[Token]) -> TimexSlot | None:
    """The timex that dates a statement told after what it says: ``، وذلك في بيان صدر مساء الأحد`` (round 10), or None."""
    lists = lexicon.word_lists(STATEMENT_CUES)
    for j in range(trig.last + 1, len(toks) - 2):
        if toks[j].norm == "وذلك" and toks[j + 1].norm == "في" and listed(toks[j + 2], "statement_nouns"):
            noun = j + 2
            slot = next((x for x in txs if noun < x.first <= noun + TAIL_REACH and not x.anchored), None)
            if slot is not None and all(toks[k].norm in lists["statement_tail_verbs"] for k in range(noun + 1, slot.first)):
                return slot
    return None


def joint_statement(trig: Trigger, toks: Sequence[Token], blocked: set[int]) -> bool:
    """Is the statement made by two states together: ``في بيان مشترك`` in its sentence, or a subject of two
    (``أعلنت بغداد وواشنطن``)?"""
    if any(t.norm in lexicon.word_lists(STATEMENT_CUES)["joint_words"] for t in toks):
        return True
    head = speaker_index(toks, trig.first, blocked)
    nxt = head + 1 if head is not None else len(toks)
    return nxt < len(toks) and toks[nxt].norm[:1] == "و" and listed(Token(toks[nxt].text[1:], 0, 0, toks[nxt].norm[1:]), "official_heads")


def reports_agreement(trig: Trigger, found: Sequence[Trigger], toks: Sequence[Token], blocked: set[int]) -> bool:
    """Is the statement the agreement it reports: its first event after it an agreement, which it names as its object
    (``أعلنت الحكومة التوصل إلى تفاهمات``) or states jointly (``أعلنت بغداد وواشنطن، في بيان مشترك، أن …``)? A state's
    statement that an agreement was signed (``أعلن البنتاغون أن البلدين وقعا أمس مذكرة تفاهم``) is one of its own, and so is a
    welcome or a denial (``reaction_verbs``: ``رحبت الحكومة بمذكرة التفاهم``) and a signing put off (``أعلنت الوزارة إرجاء توقيع
    الاتفاق``)."""
    after = [t for t in found if t.first > trig.last]
    if not after:
        return False
    first = min(after, key=lambda t: t.first)
    if first.type != "agreement" or first.postponed or listed(toks[trig.first], "reaction_verbs"):
        return False  # ``رحبت حكومة الإقليم بمذكرة التفاهم``, ``أعلنت الوزارة إرجاء توقيع الاتفاق``: no agreement reached (round 11)
    return not lexicon.has_complementizer(toks, trig.last + 1, first.first) or joint_statement(trig, toks, blocked)


def earlier(value: str | None, dct: dt.date) -> bool:
    """A date apart from the article's news (``في وقت سابق``, ``قبل أيام``, an earlier month or day), not the day
    of the report nor the day before it (``أمس``, ``الاثنين``: the news itself, told as it is told)."""
    if value is None or value == "PAST_REF":
        return value is not None
    if not value[:4].isdigit():
        return False
    if value[4:6] == "-W" and value[6:8].isdigit():  # ``قبل أسبوعين``, ``الأسبوع الماضي``: a week before the report's
        return (int(value[:4]), int(value[6:8])) < tuple(dct.isocalendar())[:2]
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
    if reports_agreement(trig, found, toks, blocked):
        return False
    return official(toks, speaker_index(toks, trig.first, blocked))


def news_statement(trig: Trigger, found: Sequence[Trigger], toks: Sequence[Token], blocked: set[int]) -> bool:
    """Is ``trig`` the lead's statement by a state body (``أعلنت اللجنة العسكرية العليا، اليوم، إكمال انسحاب``)?

    Call only on a lead sentence (``lead_sentences``) or a live entry (``entry_opening``). A joint statement whose
    sentence reports an agreement is that agreement (``أعلنت بغداد وواشنطن في بيان مشترك التوصل إلى اتفاق``), so it
    is none.
    """
    if trig.type != "announcement" or trig.match.prefix or not listed(toks[trig.first], "statement_verbs"):
        return False
    if not opens_sentence(toks, trig.first) or reports_agreement(trig, found, toks, blocked):
        return False
    return official(toks, subject_index(toks, trig.last, blocked))


def reaction_statement(trig: Trigger, toks: Sequence[Token], blocked: set[int], voices: Voices, in_lead: bool = False) -> bool:
    """Is ``trig`` a state body's statement that the body opens as a reaction or the other side (``من جهتها، نفت
    وزارة الخارجية``, ``في المقابل، قال المتحدث باسم الحكومة``) or with و (``body_opening``), by a speaker not
    heard before? Not in an article led by what sources reveal: the real articles leave the official answer to them
    out (``Voices.sourced``)."""
    if trig.type != "announcement" or trig.match.prefix not in ("", "و") or not listed(toks[trig.first], "statement_verbs"):
        return False
    head = subject_index(toks, trig.last, blocked)
    body = not in_lead and body_opening(toks, trig.first)  # a lead's ``وأعلنت`` goes on from its headline
    if voices.sourced or not (reaction_opening(toks, trig.first) or body) or not official(toks, head):
        return False
    return not same_speaker(speaker_key(toks, head or 0), voices.speakers)


def sources_lead(toks: Sequence[Token], blocked: set[int]) -> bool:
    """Does a sentence open with what sources or media reveal (``كشفت مصادر أمنية مطلعة``, ``ذكرت وسائل إعلام``), not
    going on with و (``وقال مصدر نيابي``: a source the story quotes)?"""
    verb = next((j for j, t in enumerate(toks) if any(ch.isalpha() for ch in t.text) and opens_sentence(toks, j)), None)
    if verb is None or toks[verb].norm[:1] in ("و", "ف") or not (listed(toks[verb], "statement_verbs") or lexicon.is_cue(toks[verb], "report_verbs")):
        return False
    head = subject_index(toks, verb, blocked)
    return head is not None and lexicon.is_cue(toks[head], "report_subjects")


def mark_statements(
    trigs: Sequence[Trigger], txs: Sequence[TimexSlot], toks: Sequence[Token], blocked: set[int], dct: dt.date, in_lead: bool,
    voices: Voices,
) -> None:
    """Mark the dated triggers of a sentence that are a state body's statements reported as news (``Trigger.news``),
    date a live entry with no time of its own by the report's day (``DCT_KINDS``), and add their speakers to the article's ``voices``."""
    entry = entry_opening(toks)
    spoken = voices.speakers
    for trig in trigs:
        if trig.type != "announcement":
            continue
        head = speaker_index(toks, trig.first, blocked)
        kind = None
        if (in_lead or entry) and trig.reporter and news_statement(trig, trigs, toks, blocked):
            kind = ENTRY if entry and not in_lead else LEAD
        elif trig.reporter and dated_statement(trig, trigs, toks, blocked, dct):
            kind = DATED
        elif (r10 := round10_kind(toks, trig.first, blocked)) is not None:
            kind, head = r10, statement_head(toks, trig.first, blocked)
        elif reaction_statement(trig, toks, blocked, voices, in_lead):
            kind = BODY if body_opening(toks, trig.first) else REACTION
        elif in_lead and official(toks, head) and opens_sentence(toks, trig.first):
            spoken.append(speaker_key(toks, head or 0))  # the lead's speaker, though what it says is no statement of news
        if kind is None:
            continue
        if kind == TIMED and not timed_own_date(trig, txs, toks):
            continue  # ``بعد أن دعا …، الاثنين،``: news only with a date of its own clause
        if kind == REFERENCE and not timed_own_date(trig, txs, toks) and not names_medium(toks, trig.last):
            continue  # ``وفق ما أعلنت قيادة العمليات``: whose word the news is (writer A), not a statement told apart
        if trig.value is None:  # ``رحبت الخارجية، في بيان نشرته اليوم``: the statement noun took the date first
            own_date(trig, txs, toks)
        if trig.value is None and (kind in DCT_KINDS or kind == REFERENCE and in_lead):  # ``بحسب ما أكده`` in the lead: its news  # with no date of its own, of the report's day
            trig.value, trig.mod, trig.anchored_duration = dct.isoformat(), None, None
        trig.news = True
        if kind != DATED and head is not None:
            spoken.append(speaker_key(toks, head))
