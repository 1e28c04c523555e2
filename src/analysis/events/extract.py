"""Dated events from one article: trigger → governing timex → status, place, actors, provenance.

Per sentence: find the triggers that are events (``triggers.find_sentence_triggers``), date each
from the timex that governs it (``dating.assign_dates``), take its status, place, actors and
summary (``attributes``), then merge the reports of the same event inside the article
(``dedupe_events``: one event per distinct event). Conventions: docs/ANNOTATION.md, section
"Events"; cue words live in ``data/event_cues.json``, event types in ``data/event_types.tsv``.
"""

from __future__ import annotations

import warnings
from collections import Counter
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from analysis import entities as ner
from analysis.events import aspect, dating, lexicon, live, nominal, story
from analysis.events.attributes import (
    StatusCues, arrival_type, dated_since, due_by, event_status, event_summary, main_country, pick_actors, pick_place, sentence_places_actors,
    states_purpose,
)  # fmt: skip
from analysis.events.clauses import Span, civil_clause, clause_span, describes_participant, hypothetical_object, is_complementizer, means_of, readiness, relative_restatement, starts
from analysis.events.location import PlaceMention, place_level
from analysis.events.frames import framed
from analysis.events.places import compatible
from analysis.events.dating import anchor_forward, assign_dates, happened, sentence_timexes
from analysis.events.records import Event, Mention
from analysis.events.modality import present_verb
from analysis.events.screen import definite, on_timeline, roundup_paragraph
from analysis.events.statements import OPENING_SENTENCES, Voices, lead_sentences, mark_statements, own_dates, sources_lead, speech_triggers
from analysis.events.triggers import Trigger, find_sentence_triggers, finite_verb
from analysis.events.types import TYPES
from analysis.events.when_clause import when_clause_dates
from analysis.text import Sentence, Token, normalize, sentences, tokens
from analysis.timex import find_timexes


def _tag_entities(text: str) -> list[Any] | None:
    """Entities from ``analysis.entities``, or None when tagging fails (the gazetteers take over)."""
    try:
        return list(ner.tag_entities(text))
    except Exception as err:  # NER is optional for the timeline: never let it break events
        warnings.warn(f"entities unavailable for events ({type(err).__name__}: {err}); using the gazetteer", stacklevel=3)
        return None


def extract_events(
    article: Any,
    entities: Sequence[Any] | None = None,
    timexes: Sequence[Any] | None = None,
    use_ner: bool = True,
) -> list[Event]:
    """The events of one ``Article`` (one per distinct event), each with its provenance.

    ``timexes`` default to ``analysis.timex.find_timexes(article.analysis_text, article.date)``;
    ``entities`` to ``analysis.entities.tag_entities`` (or the built-in gazetteers when tagging
    fails or ``use_ner`` is False). The rules read each sentence in the light of the article's story
    (``analysis.events.story``).
    """
    sents = list(sentence_tokens(article.analysis_text))
    with story.told([toks for _, toks in sents]):
        return _article_events(article, sents, entities, timexes, use_ner)


def _article_events(
    article: Any,
    sents: list[tuple[Sentence, list[Token]]],
    entities: Sequence[Any] | None,
    timexes: Sequence[Any] | None,
    use_ner: bool,
) -> list[Event]:
    """``extract_events`` on the article's sentences (``sentence_tokens``), inside its story."""
    text = article.analysis_text
    dct = article.date
    if timexes is None:
        timexes = find_timexes(text, dct)
    if entities is None and use_ner:
        entities = _tag_entities(text)
    timexes = sorted(timexes, key=lambda t: (t.start, t.end))
    ents = sorted(entities, key=lambda e: e.start) if entities is not None else None
    ent_starts = [e.start for e in ents] if ents is not None else []
    title_end = getattr(article, "title_end", -1)
    raw: list[tuple[Event, bool]] = []
    in_frames: set[int] = set()  # trigger offsets of events named inside a temporal frame (``عقب الضربات``)
    seen_places: list[str] = []
    last_base: str | None = None  # the article's base so far: what ``القاعدة`` points back to
    base_counts: Counter[str] = Counter()
    lead = lead_sentences([toks for _, toks in sents])
    opening = lead_sentences([toks for _, toks in sents], OPENING_SENTENCES)
    voices = Voices()  # the article's state bodies heard so far (``statements.mark_statements``)
    for index, (sent, toks) in enumerate(sents):
        if not toks or roundup_paragraph(text, sent.start):
            continue  # ``وفي الرياضة، أعلن نادي``: a round-up paragraph on another subject
        in_sent = [t for t in timexes if sent.start <= t.start and t.end <= sent.end]
        trigs = find_sentence_triggers(toks, [(t.start, t.end) for t in in_sent])
        every = [Span(t.first, t.last, t.type) for t in trigs]
        trigs = [
            t for t in trigs
            if not describes_participant(toks, Span(t.first, t.last, t.type), every)
            and not (t.type in SPECULATION_TYPES and hypothetical_object(toks, Span(t.first, t.last, t.type), finite_verb(t.match)))
            and not (t.type in SPECULATION_TYPES and readiness(toks, Span(t.first, t.last, t.type), t.match.prefix))
        ]  # fmt: skip
        blocked = {i for i, t in enumerate(toks) for x in in_sent if x.start < t.end and t.start < x.end}
        voices.sourced = voices.sourced or index in opening and sources_lead(toks, blocked)  # ``كشفت مصادر``
        speech = speech_triggers(trigs, toks, blocked, index in lead)  # ``قالت وزارة الدفاع``: a statement, if news
        if not trigs and not speech:
            named = sentence_places_actors(toks, None, sent.start, sent.end, text, blocked, last_base, seen_places)[0]
            seen_places += [p.name for p in named if not p.excluded]
            last_base = _topic_base(named, base_counts, last_base)
            continue
        txs = sentence_timexes(in_sent, toks, dct)
        assign_dates(trigs, txs, toks)
        when_clause_dates(trigs, txs, toks)  # ``في آذار 2003، حين اجتاحت القوات``: the date the clause hangs on
        embedded_dates(trigs, toks)
        appositive_deadline(trigs, txs, toks)
        share_means_date(trigs, toks)
        share_relative_date(trigs, toks)
        nominal.light_verbs(trigs, toks)  # ``أنهت القوات إزالة المنظومات``: the noun decides the type
        stamp = live.entry_stamp(text, sent.start, timexes)
        if stamp is not None:  # ``11:30 - متحدث باسم التحالف: آخر قافلة …``: a live entry dates what it tells
            live.date_by_entry(trigs, stamp, toks)
        trigs = own_dates(speech, trigs, txs, toks)
        mark_statements(trigs, txs, toks, blocked, dct, index in lead, voices)  # an official statement reported as news is an event
        in_sentence = None if ents is None else ents[bisect_left(ent_starts, sent.start) : bisect_left(ent_starts, sent.end)]
        places, actors = sentence_places_actors(toks, in_sentence, sent.start, sent.end, text, blocked, last_base, seen_places)
        seen_places += [p.name for p in places if not p.excluded]
        last_base = _topic_base(places, base_counts, last_base)
        spans = [Span(t.first, t.last, t.type) for t in trigs if not t.reporter]
        opened = starts(toks, spans)
        told: list[tuple[Trigger, Event]] = []  # this sentence's events, for ``object_noun_place``
        for trig in trigs:
            trig.type = arrival_type(trig, places)  # ``القوات المنسحبة من عين الأسد وصلت إلى``: a redeployment
            trig.type = nominal.retype(trig, toks, places)  # ``تأسست البعثة``: a deployment; ``مراسم تسليم``: a handover (events.nominal)
            span = Span(trig.first, trig.last, trig.type)
            clause = clause_span(toks, span, spans, opened)
            if civil_clause(toks, span, clause):
                continue
            value, mod = trig.value, trig.mod
            anchored = trig.anchored_duration
            forward = None
            if anchored:
                forward = anchor_forward(toks, trig, trig.timex)
                value = dating.anchored_value(anchored, dct, forward)
            surface = article.content[toks[trig.first].start : toks[trig.last].end]
            if not on_timeline(trig, value, toks, surface) or topic_of_talk(trig, value, toks):
                continue
            if nominal.no_event(trig, value, toks):
                continue  # ``سنوات الحرب على داعش``, ``أن الاتفاق ينفذ بدقة``, ``ضرورة إنهاء``: no event (events.nominal)
            value = dating.never_future_if_past(value, mod, dct, trig.timex, happened(toks, trig))
            tx = trig.timex.timex if trig.timex is not None else None
            history = aspect.history_before(toks, trig.first)  # ``... حتى 2011، قبل أن يعود إليها``: history, over
            t_start, t_end = toks[trig.first].start, toks[trig.last].end
            mention = Mention(
                sent.start, sent.end, t_start, t_end, article.content[t_start:t_end],
                tx.text if tx else None, tx.start if tx else None, tx.end if tx else None,
            )  # fmt: skip
            event = Event(
                file=str(article.path),
                article_id=article.id,
                dct=dct,
                sentence_start=sent.start,
                sentence_end=sent.end,
                sentence=article.content[sent.start : sent.end],
                trigger_start=t_start,
                trigger_end=t_end,
                trigger=mention.trigger,
                type=trig.type,
                date=value,
                date_mod=mod,
                timex_text=mention.timex,
                timex_start=mention.timex_start,
                timex_end=mention.timex_end,
                status=event_status(value, mod, dct, StatusCues(
                    future=(trig.future and not history) or forward is True or (value is None and aspect.planned_sequel(toks, trig.first)) or (value is None and states_purpose(trig)) or due_by(toks, trig),
                    ongoing=trig.ongoing, continuing=trig.continuing and trig.type not in POINT_TYPES, since=trig.ongoing_since or dated_since(toks, trig),
                    ended=forward is False, happened=happened(toks, trig) or history, decided=trig.decided,
                    present=not history and sent.end > title_end and TYPES[trig.type].purpose and present_verb(trig.match.prefix, trig.match.rule.words[0]),
                    appointed=trig.appointed, launched=trig.launched,
                )),  # fmt: skip
                place=pick_place(places, trig, clause, toks),
                actors=pick_actors(actors, trig, clause),
                summary=event_summary(text, toks, trig),
                mentions=(mention,),
                news_statement=trig.news,
            )
            transfer = nominal.transfer_type(trig, toks) if event.status == "ongoing" else trig.type
            if transfer != trig.type:
                trig.type = transfer  # ``لا تزال عمليات نقل المعدات جارية``: a withdrawal
                event = replace(event, type=trig.type, place=pick_place(places, trig, clause, toks))  # from the site
            told.append((trig, event))
            if framed(toks, trig):
                in_frames.add(t_start)
        raw += [(e, sent.end <= title_end) for e in object_noun_place(told, toks)]
    # An event whose clauses govern no place happens in the country the article is about: the dev gold
    # (real articles, docs/ANNOTATION.md "Events") places such mission ends, votes and agreements there.
    country = main_country(seen_places)
    guessed: set[int] = set()  # trigger offsets of the events whose place is only the article's country
    if country:
        guessed = {e.trigger_start for e, _ in raw if e.place is None and TYPES[e.type].in_country}
        raw = [(replace(e, place=country) if e.trigger_start in guessed else e, t) for e, t in raw]
    return dedupe_events(raw, guessed, in_frames)


def object_noun_place(told: list[tuple[Trigger, Event]], toks: list[Token]) -> list[Event]:
    """The events of a sentence, a light verb's (``شنت أمس ضربات على مواقع في جرف الصخر``, ``نفذ عملية في جبال مكحول``)
    with the place of the event noun right after it (``LIGHT_VERB_GAP`` words, no break) when its own clause, which
    that noun of another type ends, governs none: the verb and its object report one happening. Only a finite verb of
    a placed type borrows (``اتفاق على إنهاء``, ``نتائج التحقيق في الهجوم``: a noun and what it is about)."""
    out = []
    for trig, event in told:
        if event.place is None and finite_verb(trig.match) and not TYPES[trig.type].unplaced:
            after = [e for t, e in told if e.place is not None and 0 < t.first - trig.last <= LIGHT_VERB_GAP
                     and not any(x.text in LIGHT_VERB_BREAKS for x in toks[trig.last + 1 : t.first])]
            if after:
                event = replace(event, place=after[0].place)
        out.append(event)
    return out


LIGHT_VERB_GAP = 4  # ``نفذت فجر اليوم الجمعة ضربات``: the verb, a date, its object noun
LIGHT_VERB_BREAKS = frozenset({"،", ",", ".", "؛", ";", ":", "-", "–", "(", ")", '"', "«", "»"})


def embedded_dates(trigs: list[Trigger], toks: list[Token]) -> None:
    """``أعلن الوزير أن القوات نفذت فجر اليوم الجمعة ضربات``: a timex after أن/إن belongs to the reported
    clause, not to the speech verb before it; it dates the undated trigger of that clause it stands next to."""
    for trig in trigs:
        x = trig.timex
        if x is None or x.first <= trig.last:
            continue
        comp = next((j for j in range(trig.last + 1, x.first) if is_complementizer(toks[j])), None)
        if comp is None:
            continue
        inner = [t for t in trigs if t is not trig and comp < t.first and t.timex is None and not t.background]
        near = [t for t in inner if 0 < t.first - x.last <= EMBEDDED_REACH] or [t for t in inner if t.last < x.first]
        if near:
            target = near[0]
            target.timex, target.value, target.mod = x, x.value, x.mod
            target.anchored_duration = trig.anchored_duration  # ``قال … إن القوات ستغادر خلال أسبوعين``: the period goes too
            trig.timex, trig.value, trig.mod, trig.anchored_duration = None, None, None, None


EMBEDDED_REACH = 2  # ``نفذت فجر اليوم الجمعة ضربات``: the trigger right after the timex


def appositive_deadline(trigs: list[Trigger], txs: list[Any], toks: list[Token]) -> None:
    """``مع اقتراب 30 أيلول الجاري، الموعد المحدد لانتهاء مهمة التحالف``: a date set in apposition to ``الموعد
    (المحدد) لـ`` an event is that event's date (a deadline: the event is planned for it)."""
    for trig in trigs:
        if not lexicon.lam_prefix(trig.match.prefix):
            continue
        j = trig.first - 1
        while j >= 0 and lexicon.is_cue(toks[j], "scheduled_words"):
            j -= 1
        if j < 1 or not lexicon.is_cue(toks[j], "appointment_words") or toks[j - 1].text not in ("،", ","):
            continue
        before = [x for x in txs if x.last == j - 2]
        if before:
            x = before[0]
            trig.timex, trig.value, trig.mod = x, x.value, x.mod


def sentence_tokens(text: str) -> Iterator[tuple[Sentence, list[Token]]]:
    """Each sentence of ``text`` with its tokens as extraction reads them: offsets into ``text``, and no
    quotation mark after a detached proclitic (``attached_quotes``). The learned tagger trains on the same."""
    for sent in sentences(text):
        yield sent, attached_quotes([Token(t.text, t.start + sent.start, t.end + sent.start, t.norm) for t in tokens(sent.text)])


def attached_quotes(toks: list[Token]) -> list[Token]:
    """The tokens without a quotation mark that follows a detached proclitic (``طالبوا بـ"خروج القوات"``):
    the quote opens what is demanded, it does not end the clause (the word keeps its own offsets)."""
    return [t for i, t in enumerate(toks) if not (t.text in QUOTES_AFTER_PROCLITIC and i > 0 and toks[i - 1].text.endswith(TATWEEL))]


TATWEEL = "\u0640"
QUOTES_AFTER_PROCLITIC = frozenset('"“”«»\'')


def share_means_date(trigs: list[Trigger], toks: list[Token]) -> None:
    """``اكتملت المرحلة الأولى في أيلول 2025 بمغادرة القوات بغداد``: the movement by which a phase or mission
    ended (بـ + verbal noun) happened when it ended; an undated means takes its end's date."""
    for trig in trigs:
        if trig.timex is not None:
            continue
        head = means_of(toks, Span(trig.first, trig.last, trig.type), trig.match.prefix,
                        [Span(t.first, t.last, t.type) for t in trigs])
        if head is None:
            continue
        end = next(t for t in trigs if (t.first, t.last) == (head.first, head.last))
        if end.timex is not None and not end.future:
            trig.timex, trig.value, trig.mod = end.timex, end.value, end.mod


def share_relative_date(trigs: list[Trigger], toks: list[Token]) -> None:
    """``تبنت الجماعة مساء الخميس الهجوم الذي استهدف المطار ليل الثلاثاء``: a noun and the verb of its relative
    clause report one event, dated by the verb (a timex before the noun may be the claim's)."""
    for noun in trigs:
        if noun.timex is None or noun.timex.first > noun.last:
            continue  # undated, it joins the verb's report anyway; a timex of its own, after it, is the noun's
        for verb in trigs:
            if verb.timex is not None and relative_restatement(toks, Span(noun.first, noun.last, noun.type), Span(verb.first, verb.last, verb.type)):
                noun.timex, noun.value, noun.mod = verb.timex, verb.value, verb.mod


def topic_of_talk(trig: Trigger, value: str | None, toks: list[Token]) -> bool:
    """An undated verbal noun that is the topic a head noun names (``قضية انسحاب القوات``, ``تداعيات
    استقدام القوات``, ``أهمية الانسحاب``): what is talked about, not a report that it happened."""
    if value is not None or trig.type not in SPECULATION_TYPES or finite_verb(trig.match) or trig.first == 0:
        return False
    return lexicon.is_cue(toks[trig.first - 1], "topic_heads")


#: Types whose verbal noun under ``قد`` + verb (``قد يعقد ترتيبات الانسحاب``) is a topic of speculation.
SPECULATION_TYPES = frozenset({"withdrawal", "redeployment", "handover", "mission_end", "attack", "war"})


#: Types whose events are points, never begun-and-going-on (``بدأ العد التنازلي للمرحلة الأولى من الاتفاق``).
POINT_TYPES = ("agreement", "vote", "announcement")


def _topic_base(places: Sequence[PlaceMention], counts: Counter[str], before: str | None) -> str | None:
    """The base the article is about so far (named most often, the latest on a tie): what a later
    ``القاعدة`` points back to. ``counts`` is updated with the bases of ``places``."""
    for p in places:
        if p.level == 3 and not p.excluded and p.role != "near":
            counts[p.name] += 1
            before = p.name if counts[p.name] >= counts.get(before or "", 0) else before
    return before


# ---------------------------------------------------------------------------------------------
# In-article dedup


def _merged_place(best: Event, other: Event, guessed: frozenset[int]) -> str | None:
    """The place of two merged reports: the kept report's, unless it is only the article's country
    (``guessed``) and the other report's clause governs a place (``شنت الطائرات ضربات على مواقع في جبال
    حمرين``: the light verb's clause names none, the noun's does)."""
    if (best.trigger_start in guessed and other.place and other.trigger_start not in guessed
            and best.sentence_start == other.sentence_start):
        return other.place
    return best.place or other.place


def _more_precise(a: Event, b: Event) -> bool:
    """Does ``a`` carry a better date than ``b`` (dated over undated, narrower span, earlier)?"""
    wa, wb = dating.width(a.interval), dating.width(b.interval)
    return (a.date is not None, not _vague(a.date), -wa) > (b.date is not None, not _vague(b.date), -wb)


def _vague(value: str | None) -> bool:
    """A ``PAST_REF``/``FUTURE_REF``/``PRESENT_REF`` date."""
    return bool(value) and value.endswith("_REF")


def _mergeable(
    a: Event, b: Event, same_sentence: bool, guessed: frozenset[int] = frozenset(), in_frames: frozenset[int] = frozenset()
) -> bool:
    """Are two reports of one article the same event (see ``dedupe_events``)? ``guessed``: trigger
    offsets whose place is only the article's country (``وأن إعادة تمركزها تمت``: no place of its own);
    ``in_frames``: trigger offsets of events named inside a temporal frame (``وجاءت الضربة أمس بعد أقل من أسبوع
    على الغارات``: in one sentence, an undated framed event is not the dated main clause's)."""
    if a.type != b.type:
        return False
    if same_sentence and (a.trigger_start in in_frames) != (b.trigger_start in in_frames):
        inner, main = (a, b) if a.trigger_start in in_frames else (b, a)
        if inner.date is None and main.date is not None:
            return False  # a dated frame joins an undated report of it (``وهو القصف الذي``), two undated ones too
    if a.type == "announcement" and a.date != b.date:
        return False  # statements on different dates are different statements
    own = a.trigger_start not in guessed and b.trigger_start not in guessed
    if same_sentence and a.type == "attack" and (_launch(a) or _launch(b)):
        return True  # ``سقطت صواريخ قرب القاعدة ... وأطلقت من منطقة قريبة``: where from is not a second target
    if same_sentence and own and not compatible(a.place, b.place):
        return False  # ``يسلم التحالف قاعدة القيارة ...، فيما سيجري تسليم قاعدة كي وان``: two bases, two events
    if a.date is None and b.date is None:
        later = a if a.trigger_start > b.trigger_start else b
        return same_sentence or a.place == b.place or (definite(later.trigger) and a.status == b.status)
    if a.date is None or b.date is None:
        undated = a if a.date is None else b
        # ``عملية التسليم جرت وفق الجدول``: an undated definite noun points back to the event already reported
        dated = b if undated is a else a
        same_base = a.place is not None and a.place == b.place and place_level(a.place) >= 3 and a.status == b.status
        # ``غادر المقاولون القاعدة بعد سلسلة ضربات``: an undated event named in a frame is not the dated report's
        same_base = same_base and undated.trigger_start not in in_frames
        return same_sentence or same_base or (definite(undated.trigger) and undated.trigger_start > dated.trigger_start)
    ia, ib = a.interval, b.interval
    same_date = a.date == b.date and a.date_mod == b.date_mod
    return (same_date or dating.overlaps(ia, ib)) and compatible(a.place, b.place)


def _launch(event: Event) -> bool:
    """Is the event's trigger the firing of projectiles (``أطلقت``, ``إطلاق``), whose place is where they came from?"""
    return any(lexicon.bare(normalize(w)) & lexicon.cues()["projectile_launches"] for w in event.trigger.split())


def dedupe_events(
    raw: list[tuple[Event, bool]], guessed: set[int] | frozenset[int] = frozenset(), in_frames: set[int] | frozenset[int] = frozenset()
) -> list[Event]:
    """One event per distinct event in an article; every report kept in ``mentions``.

    Same type and same sentence → one; same type, overlapping dates and compatible places → one;
    undated reports of the same type and place → one; an undated headline event joins the body's. In one
    sentence, a place that is only the article's country (``guessed`` trigger offsets) never keeps two apart,
    and an undated event named inside a temporal frame (``in_frames`` trigger offsets) is not the dated main clause's.
    """
    guessed, frames = frozenset(guessed), frozenset(in_frames)
    merged: list[Event] = []
    for event, in_title in sorted(raw, key=lambda r: (r[1], r[0].sentence_start, r[0].trigger_start)):
        target = None
        for k, kept in enumerate(merged):
            same_sentence = kept.sentence_start == event.sentence_start
            if _mergeable(kept, event, same_sentence, guessed, frames) or (
                in_title and event.date is None and kept.type == event.type and compatible(kept.place, event.place)
            ):
                target = k
                break
        if target is None:
            merged.append(event)
            continue
        kept = merged[target]
        best, other = (event, kept) if _more_precise(event, kept) else (kept, event)
        merged[target] = replace(
            best,
            place=_merged_place(best, other, guessed),
            actors=best.actors or other.actors,
            mentions=best.mentions + tuple(m for m in other.mentions if m not in best.mentions),
        )
    return sorted(merged, key=lambda e: (e.sentence_start, e.trigger_start))
