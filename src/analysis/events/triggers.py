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
from collections.abc import Sequence
from typing import Any

from analysis.events import aspect, learned, lexicon, modality, story
from analysis.events.rules import rule_holds
from analysis.events.types import TYPES
from analysis.text import Token

CONTENT_WINDOW = 12  # ``اتفاق ... على إنهاء``: how far the content trigger may be from its head
REFERENCE_REACH = 6  # ``بموجب المرحلة الثانية من الاتفاق``: a phrase that names an event in passing
ONGOING_REACH = 16
DECISION_REACH = 10
DECISION_NOUN_REACH = 5  # ``قرار الرئيس الأمريكي دونالد ترامب سحب``: words between a decision noun and its object, not a date's
PREDICATE_REACH = 10
FUTURE_CLAUSE_REACH = 10  # ``ستشرف على جرد المنشآت قبل انتقال القاعدة``  # ``انسحاب نحو ألفي جندي من الأراضي السورية سيجري``
SCHEDULED_REACH = 5  # ``وكان من المفترض أن تنسحب``
PREPARATION_REACH = 2  # ``ترتيبات تسليم``, ``استكمال ترتيبات تسليم``
INTENTION_REACH = 4  # ``تعتزم الحكومة الإيطالية سحب``: the subject may stand between
COORD_REACH = 16  # ``سحب جنودها من ...، ونقل قسم منهم``: a coordinated trigger shares the first one's aspect  # ``أمر وزير الدفاع الأمريكي مارك إسبر، أمس الأحد، بسحب``  # ``انسحاب ... لا يزال مستمرا``: how far after the trigger its ongoing word may come
VICTORY_WAR_REACH = 8  # ``خاض التحالف حربا استمرت ثلاث سنوات انتهت بإعلان النصر``
CEREMONY_OCCASION_REACH = 6  # ``الحفل الرسمي الخاص باستلام قاعدة``: the occasion right after the ceremony
RELATIVE_HEAD_REACH = 6  # ``اتفاق بغداد وواشنطن الأخير، الذي أُعلن``: the head, its modifiers, the relative
ANNOUNCED_WINDOW = 30  # how far after a speech verb the event it only reports may come (``reported`` types)
#: Announcement rules that are statements of their own: a reaction or a request never only reports an event after it.
OWN_STATEMENT_RULES = frozenset({"stance", "petition", "rejected", "summoned"})
#: Rules whose trigger stands in a relative clause or participle on a noun: the main clause's mood (a demand, a
#: discussion, a possibility) is not its own.
OWN_CLAUSE_RULES = frozenset({"signed_back"})


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
    continuing: bool = False  # ``بدأت القوات الانسحاب``, ``لا يزال مستمرا``: begun and going on
    decided: bool = False  # ``أمر وزير الدفاع ... بسحب``: decided, not yet done
    reporter: bool = False  # a speech verb that only reports an event of the sentence: dates it, is no event
    reference: bool = False  # ``بموجب المرحلة الثانية من الاتفاق``: named in passing, not reported
    absorbed: bool = False  # a stay until a date that is the deadline of a withdrawal in the sentence
    predicate: int | None = None  # ``انسحاب ... سيجري``: the future verb the trigger is the subject of
    news: bool = False  # the lead's statement by a state body: an announcement besides what it reports (``statements``)
    content: bool = False  # the thing agreed (``اتفقا على إنهاء المهمة``): planned, dated by its deadline only
    appointed: bool = False  # ``موعد انتهاء المهمة``: named by the date set for it, planned
    scheduled_at: int | None = None  # ``تسليم ... لا يزال مقررا``: the index of a participle of scheduling after it
    launched: bool = False  # ``أطلقت القوات اليوم عملية``: an operation launched, going on while recent


def _is_break(tok: Token) -> bool:
    """A clause break (``clause_breaks``) or the end of a sentence."""
    return tok.text in lexicon.cues()["clause_breaks"] or tok.text in {".", "؟", "!"}


def find_sentence_triggers(toks: list[Token], blocked: list[tuple[int, int]]) -> list[Trigger]:
    """Triggers whose rule holds, not negated/denied/generic, not inside a timex, not the content of another."""
    c = lexicon.cues()
    found: list[Trigger] = []
    matches = lexicon.find_triggers(toks)
    tagged = learned.tagged_spans(toks, matches, bool(blocked))
    # the tagger may propose these words as its own where the article is about the story (``open_to_tagger``)
    unclaimed = [m for m in matches if _open_and_failed(toks, m)]
    unclaimed = unclaimed if unclaimed and open_to_tagger(toks) else []
    claimed = [m for m in matches if m not in unclaimed]
    in_date = lambda t: _in_timex(t, blocked)  # noqa: E731  (a date's words are no aspect: ``aspect``)
    for m in sorted(claimed + learned.new_matches(toks, claimed, tagged), key=lambda m: m.first):
        span = (toks[m.first].start, toks[m.last].end)
        if any(s < span[1] and span[0] < e for s, e in blocked):
            continue  # e.g. نهاية inside "نهاية أيلول 2025"
        if lexicon.is_cue(toks[m.first], "manner_adverbials"):
            continue  # ``بشكل رسمي``: بـ + a noun, not the verb شكل (no rule, no rescue)
        rows = [m.rule] if m.rule.rule == learned.LEARNED_RULE else lexicon.alternatives(m)
        rule = next((r for r in rows if rule_holds(r.rule, toks, m)), None)
        if rule is None and rescuable(toks, m, matches):  # the form's context cue is missing; the learned tagger may see an event
            rule = learned.rescue(m, tagged)
        if rule is None:
            continue
        words = rule.words
        verdict = modality.judge(toks, m, words, rule.type)
        if verdict == modality.DROP and rule.rule in OWN_CLAUSE_RULES and not modality.negated(toks, m.first):
            verdict = None  # ``لبحث تنفيذ المذكرة الموقعة في آذار``: the signing is told in a clause of its own
        if verdict == modality.DROP or (rule.type == "agreement" and _what_was_agreed(toks, m)):
            continue
        trig = Trigger(m, _victory_type(toks, m, rule), rule.rule, m.first, m.last, postponed=verdict == modality.PLANNED)
        lo = m.first - 1 if not finite_verb(m) else -1  # ``العاملين ضمن التحالف الدولي غادروا``: a verb heads its own clause
        while lo >= max(m.first - 3, 0) and not _is_break(toks[lo]):
            if lexicon.bare(toks[lo].norm) & c["background_before"] and not _date_word(toks, lo, blocked):
                trig.background = True
                break
            if lo == m.first - 1 and toks[lo].norm == "من" and lo > 0 and _in_timex(toks[lo - 1], blocked):
                trig.background = True  # ``في غضون مئة يوم من إعلان القرار``: the event a period is counted from
                break
            lo -= 1
        trig.reference = trig.background or not finite_verb(m) and any(
            lexicon.is_cue(toks[j], "background_before") or lexicon.is_cue(toks[j], "phase_words")
            for j in modality.words_before(toks, m.first, REFERENCE_REACH)
            if not _date_word(toks, j, blocked)
        )
        if found and m.prefix.startswith("و") and found[-1].background and m.first - found[-1].last <= 3:
            trig.background = True  # "بعد إنهاء المهام ومغادرة بعثة التحالف"
        verb = words[0]
        trig.future = trig.postponed or m.prefix.endswith("س") or (verb[:1] == "س" and verb[1:2] in ("ي", "ت", "ن")) or any(lexicon.is_cue(toks[j], "future_words") for j in modality.words_before(toks, m.first, 4, commas=True)) or _intended(toks, m) or _prepared(toks, m) or any(
            " ".join(t.norm for t in toks[i : i + 2]) in c["future_phrases"] for i in range(max(m.first - 5, 0), m.first)
        )
        trig.predicate = _future_predicate(toks, m)
        trig.future = trig.future or trig.predicate is not None or (trig.background and _future_clause(toks, m)) or _future_governor(toks, m)
        trig.ongoing = lexicon.has_cue(toks, m.first - 3, m.first - 1, "ongoing_words") or _ongoing_after(toks, m, "ongoing_words", trig.background)
        trig.continuing = aspect.continuing_before(toks, m.first, in_date) or _ongoing_after(toks, m, "continuing_words", trig.background)
        trig.appointed = aspect.appointed(toks, m.first, in_date)
        trig.scheduled_at = None if finite_verb(m) else aspect.scheduled_after(toks, m.last)
        trig.launched = trig.type == "war" and aspect.launched(toks, m.first, in_date)
        trig.decided = _decided(toks, m, blocked) or _intended(toks, m) or (trig.future and _was_scheduled(toks, m))
        if found and m.prefix.startswith("و") and m.first - found[-1].last <= COORD_REACH:
            trig.continuing = trig.continuing or found[-1].continuing  # بدأت ... سحب جنودها ...، ونقل قسم منهم
        # ``يتعرض التحالف منذ أشهر لهجمات`` goes on; ``منذ القصف الذي`` names the start point, an event that is over
        anchor = m.first > 0 and lexicon.is_cue(toks[m.first - 1], "since_words")
        since = [j for j in range(max(m.first - 4, 0), m.first) if lexicon.is_cue(toks[j], "since_words")]
        trig.ongoing_since = bool(since) and not past_verb(m) and not anchor and not aspect.happened_before_since(toks, since[0])
        if modality.starting_point(toks, m.first, m.prefix) or aspect.since_start_point(toks, m.first):  # ``بدأت مع الغزو``, ``منذ انطلاق الحوار``: that point is over
            trig.continuing = trig.ongoing = trig.ongoing_since = False
        elif modality.begun_predicate(toks, m.first, m.prefix):  # ``أن انسحاب القوات من المقر بدأ فعلاً``: under way
            trig.continuing = True
        found.append(trig)
    kept = []
    for trig in found:
        if _names_head_report(trig, found, toks):
            continue  # ``اتفاق بغداد وواشنطن الأخير، الذي أُعلن في أيلول``: the head is the event, and the date is its
        content = _content_of(trig, found, toks)
        if content == "drop":
            continue
        if content == "planned":
            trig.content, trig.future = True, True
        kept.append(trig)
    for trig in kept:  # ``تأجيل انتهاء المهمة، الذي كان مقررا في أيلول``: the participle is the nearest trigger's
        at = trig.scheduled_at
        trig.appointed = trig.appointed or (at is not None and not any(trig.last < t.first < at for t in kept))
    for prev, trig in zip(kept, kept[1:]):
        if _shares_future(prev, trig, toks):
            trig.future = True  # ``ستغادر القوات القاعدة وتسلمها للجيش``: the coordinated verb is to come too
    for trig in kept:  # kept until dated: the report's date may be what dates the event it reports
        trig.reporter = _reports_event(trig, kept, toks)
    return kept


def _shares_future(prev: Trigger, trig: Trigger, toks: list[Token]) -> bool:
    """Is ``trig`` joined by و to a future ``prev`` in its clause, with no aspect of its own (``ستغادر ...
    وتسلمها``, ``بإخلاء المجمع وتسليمه``)? A perfect verb or a continuing word keeps its own."""
    m = trig.match
    if not (prev.future and m.prefix.startswith("و")) or trig.future or trig.continuing or trig.ongoing or past_verb(m):
        return False
    if trig.first - prev.last > COORD_REACH:
        return False
    return not any(toks[j].text in modality.STRONG_BREAKS or _is_break(toks[j]) for j in range(prev.last + 1, trig.first))


#: Rules of forms added for the article's story (round 7, ``analysis.events.story``): where none of a form's rows
#: holds, the form is left to the learned tagger as a new span, as before it was in the lexicon (not a guarded rescue).
OPEN_RULES = frozenset({
    "story_talks", "story_reading", "story_vote", "story_inquiry", "results_announced", "arrest", "summoned",
    "rejected", "unification", "reform_end", "hosted",
})  # fmt: skip


def _open_and_failed(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """Are all the form's lexicon rows round-7 story rules (``OPEN_RULES``), none of which holds here?"""
    rows = lexicon.alternatives(m)
    return all(r.rule in OPEN_RULES for r in rows) and not any(rule_holds(r.rule, toks, m) for r in rows)


#: Cue lists whose words make a sentence part of the story (forces, bases, armed actors).
STORY_CUES = ("troop_words", "base_words", "site_words", "military_anchors")
#: The narrower cues a sentence needs before the tagger may take a round-7 story form the story rules left
#: (``OPEN_RULES``): the troop words (``أفراد``, ``عناصر``) also name a gang's members.
OPEN_CUES = ("base_words", "site_words", "military_anchors")
#: Words after a verb that are still the story's objects (``سلمت القاعدة``, ``سحبت 500 جندي``).
STORY_OBJECTS = STORY_CUES + ("quantity_words",)


def open_to_tagger(toks: list[Token]) -> bool:
    """May the tagger take the round-7 story forms the story rules left (``OPEN_RULES``)? Where the sentence
    names a base or an armed actor (``OPEN_CUES``), or the article names one of the story's topics, or no
    article is known (a sentence read alone): not in an article on an ordinary crime or a ministry's talks."""
    told = story.current()
    return story_sentence(toks, OPEN_CUES) or not told.sentences or any(told.has(t) for t in story.TOPICS)


def story_sentence(toks: list[Token], cues: Sequence[str] = ()) -> bool:
    """Does the sentence name a force, a base or an armed actor (``cues``, by default ``STORY_CUES``)?"""
    return any(lexicon.is_cue(t, cue) for t in toks for cue in cues or STORY_CUES)


def rescuable(toks: list[Token], m: lexicon.TriggerMatch, matches: Sequence[lexicon.TriggerMatch] = ()) -> bool:
    """May the learned tagger stand in for a lexicon form whose context rule failed? Only in a sentence
    about the story (a force, base or armed actor named), not for a verb whose object is some other
    definite noun (``ستخفض الضرائب``, ``للتصويت على قانون الموازنة``), and not for the verb of a relative
    clause on an event noun of another type (``القصف الذي وقع أمس``: "happened", not "signed"): the rule
    failed for a reason there. A round-7 story form (``OPEN_RULES``) needs a base or an armed actor named."""
    story_form = m.rule.rule != learned.LEARNED_RULE and all(r.rule in OPEN_RULES for r in lexicon.alternatives(m))
    if not story_sentence(toks, OPEN_CUES if story_form else STORY_CUES):
        return False
    if m.first >= 2 and lexicon.is_cue(toks[m.first - 1], "relatives") and any(
        o.first <= m.first - 2 <= o.last and o.type != m.type for o in matches
    ):
        return False
    if not (finite_verb(m) or m.prefix.endswith("س")) or m.last + 1 >= len(toks):
        return True
    nxt = toks[m.last + 1]
    return not lexicon.has_article(nxt) or any(lexicon.is_cue(nxt, cue) for cue in STORY_OBJECTS)


def _what_was_agreed(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``ملتزمة بما اتُّفق عليه``, ``بحسب ما اتفق عليه``: what was agreed, with no one named as agreeing, only
    refers to an agreement told elsewhere (``وفق ما اتفق عليه الرئيسان`` names them: an event)."""
    if m.first == 0 or m.last + 1 >= len(toks) or lexicon.bare(toks[m.first - 1].norm).isdisjoint({"ما", "بما"}):
        return False
    if not lexicon.is_cue(toks[m.last + 1], "vote_back_refs"):
        return False  # ``عليه``, ``عليها``
    after = toks[m.last + 2] if m.last + 2 < len(toks) else None
    return after is None or _is_break(after) or after.text in modality.QUOTE_MARKS or after.norm in ("مع", "بين", "سابقا")


def _intended(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``أعلن أمس عزمه سحب``, ``تعتزم سحب``, ``كانت تخطط لإنهاء``: an intention is planned, and the day it was
    stated does not date what is intended (a future trigger inherits no announcement's date)."""
    return any(lexicon.is_cue(toks[j], "intention_words") for j in modality.words_before(toks, m.first, INTENTION_REACH))


def _was_scheduled(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``كان من المفترض أن تنسحب القوات في أيلول الماضي``, ``كانت ستغادر``: a plan as it stood, planned
    whatever its date (the text does not say it happened)."""
    return lexicon.has_cue(toks, m.first - SCHEDULED_REACH, m.first - 1, "was_words")


def _prepared(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``بانتظار استكمال ترتيبات تسليم القاعدة``, ``تمهيدا لإخلاء``: what is being prepared or awaited is planned."""
    return any(lexicon.is_cue(toks[j], "preparation_words") for j in modality.words_before(toks, m.first, PREPARATION_REACH))


def _decided(toks: list[Token], m: lexicon.TriggerMatch, blocked: list[tuple[int, int]] = ()) -> bool:
    """``أمر وزير الدفاع، أمس، بسحب``, ``قررت الحكومة إنهاء``: the object of a decision, planned."""
    if past_verb(m):
        return False  # ``قال آمر اللواء إن قطعاته انتشرت أمس``: a perfect verb tells it was done
    if any(lexicon.is_cue(toks[j], "decision_verbs") for j in modality.words_before(toks, m.first, DECISION_REACH, commas=True)):
        return True
    words = 0
    for j in modality.words_before(toks, m.first, DECISION_REACH, commas=True):  # ``قرار ترامب في كانون الأول سحب``
        if lexicon.is_cue(toks[j], "complementizers") or lexicon.is_cue(toks[j], "relatives"):
            return False  # ``وجاء القرار بعد أن شنت تركيا هجوما``: the noun heads another clause
        words += not _in_timex(toks[j], blocked) and toks[j].text not in ("،", ",")
        if words > DECISION_NOUN_REACH:
            return False  # ``قرارا ردت بموجبه دعوى أقامها نائبان للطعن في دستورية البيان``: too far to be its object
        if lexicon.is_cue(toks[j], "temporal_background") or toks[j].norm in lexicon.cues()["end_point_words"]:
            return False  # ``القرار اتخذ بعد اجتماع``, ``قرار إبقاء قوة عقب انسحابها``: the event the decision came after
        if lexicon.is_cue(toks[j], "decision_nouns"):
            return not (j > 0 and lexicon.is_cue(toks[j - 1], "temporal_background"))  # ``عقب قرار مجلس النواب، سلّم``
    return False


def _ongoing_after(toks: list[Token], m: lexicon.TriggerMatch, cue: str, background: bool = False) -> bool:
    """``انسحاب القوات من قاعدة حرير، الذي بدأ مطلع الشهر، لا يزال مستمرا``: an ongoing word later in its clause.
    A background frame ends at its comma (``بعد شهرين على قراءته الأولى، لا يزال المشروع``: the main clause's)."""
    c = lexicon.cues()
    for j in range(m.last + 1, min(m.last + 1 + ONGOING_REACH, len(toks))):
        tok = toks[j]
        if tok.text in modality.STRONG_BREAKS or lexicon.is_cue(tok, "clause_openers") or tok.norm in c["clause_starts"]:
            return False
        if background and tok.text in ("،", ","):
            return False
        near = j - m.last <= 2
        if lexicon.is_cue(tok, "start_words"):
            continue  # ``الغزو الذي بدأ في آذار 2003``: when it began, not that it goes on
        if aspect.future_form(tok):
            return False  # ``انسحاب ... سيجري على مراحل``: what will take place, not what goes on
        if lexicon.is_cue(tok, cue) and (near or not lexicon.is_cue(tok, "ongoing_verbs") and not tok.norm.startswith("ال")):
            return True
    return False


def _future_governor(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """A future verb right before the trigger noun governs it (``ستوقع مذكرة تفاهم``, ``سيعلن انسحاب``)."""
    return not finite_verb(m) and any(aspect.future_form(toks[j]) for j in modality.words_before(toks, m.first, 2))


def _future_clause(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """A background noun (``قبل انتقال القاعدة``) in a clause whose verb is a future (``ستشرف لجنة ... قبل
    انتقال``): what comes before or after a future event is to come too."""
    return any(aspect.future_form(toks[j]) for j in modality.words_before(toks, m.first, FUTURE_CLAUSE_REACH))


def _future_predicate(toks: list[Token], m: lexicon.TriggerMatch) -> int | None:
    """The trigger noun is the subject of a future verb of taking place (``انسحاب نحو ألفي جندي ...
    سيجري على مراحل``, ``عملية التسليم ستتم``): planned; returns the verb's index (its date is the trigger's) or None."""
    if m.prefix.endswith("س") or finite_verb(m):
        return None  # a verb is no subject
    for j in range(m.last + 1, min(m.last + 1 + PREDICATE_REACH, len(toks))):
        tok = toks[j]
        if tok.text in modality.QUOTE_MARKS:
            continue  # ``أن الانسحاب من القاعدة "سيتأخر بضعة أسابيع"``: the quoted predicate is still its verb
        if tok.text in modality.STRONG_BREAKS or _is_break(tok) or lexicon.is_cue(tok, "complementizers"):
            return None
        if aspect.future_form(tok) and lexicon.is_cue(tok, "aspect_verbs"):
            return j
        if tok.norm == "لن" and j + 1 < len(toks) and lexicon.is_cue(toks[j + 1], "aspect_verbs"):
            return j  # ``عملية التسليم لن تتأخر عن موعدها``: a future, negated only in its delay
    return None


def _in_timex(tok: Token, blocked: list[tuple[int, int]]) -> bool:
    """Is ``tok`` inside one of the ``blocked`` (timex) spans (``قبل`` of ``قبل ثمانية أيام``)?"""
    return any(s < tok.end and tok.start < e for s, e in blocked)


def finite_verb(m: lexicon.TriggerMatch) -> bool:
    """A finite verb (``غادروا``, ``ينسحب``), not a verbal noun: no background preposition before it can govern it."""
    return past_verb(m) or modality.present_verb(m.prefix, m.rule.words[0])


def _date_word(toks: list[Token], j: int, blocked: list[tuple[int, int]]) -> bool:
    """Is token ``j`` part of a timex, or the منذ of the timex right after it (``بدأت منذ مطلع الأسبوع نقل``)?
    Other words stay background (``بعد أسبوع من هجوم``: counted from an earlier event)."""
    if _in_timex(toks[j], blocked):
        return True
    return lexicon.is_cue(toks[j], "since_words") and j + 1 < len(toks) and _in_timex(toks[j + 1], blocked)


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
    if trig.type != "announcement" or trig.rule in OWN_STATEMENT_RULES:
        return False  # ``دانت الحكومة الضربة``, ``قدم نواب طلباً بشأن الانسحاب``: a statement of its own, not a report
    for t in found:
        blocker = TYPES[t.type].reported
        if blocker is None or not 0 < t.first - trig.last <= ANNOUNCED_WINDOW or t.background:
            continue  # ``أعلنت ... وقف عملياتها، بعد أسبوع من هجوم``: a background event is not what is announced
        if _schedule_of(t, toks):
            continue  # ``جدد تأكيده أن موعد انتهاء المهمة ثابت``: a statement fixing a date is its own
        if not lexicon.has_cue(toks, trig.last + 1, t.first - 1, blocker) and not lexicon.has_cue(
            toks, trig.last + 1, t.first - 1, "stance_verbs"
        ):  # ``أصدر بياناً دان فيه الاعتداءات``: a statement that takes a stance is its own
            return True
    return False


def past_verb(m: lexicon.TriggerMatch) -> bool:
    """A perfect-tense verb form (``انسحبت``, ``غادروا``): what it reports is over, even with منذ."""
    word = m.rule.words[0]
    if "ال" in m.prefix or word[:1] == "ت" and len(word) >= 5 and word[-2] == "ي":
        return False  # التصويت, تصويت, تثبيت: a verbal noun, not a verb
    return not m.prefix.endswith("س") and word[:1] != "ي" and (
        word.endswith("وا") or (word.endswith("ت") and not word.endswith("ات"))  # not a plural noun (هجمات)
    )


def _content_of(trig: Trigger, found: list[Trigger], toks: list[Token]) -> str | None:
    """What ``trig`` is when it is the agreed, voted or demanded thing rather than an event beside its
    head: ``"drop"`` (the purpose of a resolution: ``قرار ... لإنهاء التواجد``; the thing voted or
    demanded: ``صادق على قرار لإنهاء``, ``تطالب بإنهاء وجود``), ``"planned"`` (the thing agreed:
    ``اتفاق ... على إنهاء مهام``, ``اتفاق إنهاء مهمة``, a planned event of its own) or None."""
    c = lexicon.cues()
    if _occasion_of_ceremony(trig, found, toks):
        return "drop"
    if TYPES[trig.type].content_head:
        return None
    prev = lexicon.bare(toks[trig.first - 1].norm) if trig.first > 0 else set()
    linked = lexicon.lam_prefix(trig.match.prefix) or bool(prev & c["content_links"]) or bool(prev & c["demands"])
    linked = linked or bool(prev & c["content_participles"])  # ``قرار المجلس ... والقاضي بإخراج القوات``
    if trig.match.prefix.lstrip("وف").startswith("ب") and lexicon.has_cue(toks, trig.first - 4, trig.first - 1, "obligations"):
        linked = True  # قرار يلزم الحكومة بإنهاء وجود القوات: what the resolution obliges
    for head in sorted(found, key=lambda h: -h.last):
        if head is trig or head.last >= trig.first:
            continue
        demand = head.match.rule.words[0] in c["demands"] or head.rule == "petition"  # what a petition asks for
        if not TYPES[head.type].content_head and not demand:
            continue
        adjacent = head.last == trig.first - 1  # اتفاق إنهاء: the construct state
        if not (linked or adjacent or (demand and trig.match.prefix.endswith("ب"))):
            continue
        if trig.first - head.last <= CONTENT_WINDOW and not lexicon.has_complementizer(toks, head.last + 1, trig.first):
            between = [t for t in found if head.last < t.first < trig.first]
            if not between:
                return "drop" if demand else TYPES[head.type].content
        break
    if linked and any(
        lexicon.is_cue(toks[j], "resolution_words") and not lexicon.has_complementizer(toks, j + 1, trig.first)
        for j in range(max(trig.first - CONTENT_WINDOW, 0), trig.first)
    ):
        return "drop"  # قرار ... تم إعداده من قبل الكتل ... لإنهاء التواجد: the purpose of a resolution
    return None


def _occasion_of_ceremony(trig: Trigger, found: list[Trigger], toks: list[Token]) -> bool:
    """``الحفل الرسمي الخاص باستلام القاعدة``, ``حفلاً بمناسبة استكمال التسليم``: what a ceremony marks is its
    occasion, reported (and dated) elsewhere; the ceremony is the event of its sentence."""
    for head in found:
        if head.rule != "ceremony" or not 0 < trig.first - head.last <= CEREMONY_OCCASION_REACH:
            continue
        if any(_is_break(toks[j]) or lexicon.is_cue(toks[j], "complementizers") for j in range(head.last + 1, trig.first)):
            continue
        return True
    return False


def _schedule_of(trig: Trigger, toks: list[Token]) -> bool:
    """``موعد انتهاء المهمة``, ``الجدول الزمني للانسحاب``: the event named only as the date or timetable a
    statement fixes or denies (docs/ANNOTATION.md: such a statement is an announcement)."""
    return any(lexicon.is_cue(toks[j], "schedule_words") for j in range(max(trig.first - 3, 0), trig.first))


def _names_head_report(trig: Trigger, found: list[Trigger], toks: list[Token]) -> bool:
    """A speech verb in a relative clause on an event trigger just before it (``الاتفاق الذي أُعلن في أيلول``,
    ``القرار الذي أعلنه البرلمان``): it tells how that event became known, and is no statement of its own."""
    if trig.type != "announcement" or trig.rule != "-" or trig.first == 0 or not lexicon.is_cue(toks[trig.first - 1], "relatives"):
        return False
    heads = [t for t in found if t.last < trig.first - 1]
    return bool(heads) and heads[-1].type != "announcement" and trig.first - heads[-1].last <= RELATIVE_HEAD_REACH
