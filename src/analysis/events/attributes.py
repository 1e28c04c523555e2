"""An event's attributes besides its date: status, place, actors and summary.

``event_status`` reads occurred / ongoing / planned off the date against the article date and the
verb's cues; places and actors come from ``analysis.entities`` with the gazetteers filling in
(``sentence_places_actors``), and the nearest, most precise one is picked for each trigger.
Conventions: docs/ANNOTATION.md, section "Events".
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from analysis.events import aspect, dating, lexicon
from analysis.events.governing import (
    described_object_place, excluded_country, governed_place, legislature_country, object_pronoun, pronoun_antecedent,
)
from analysis.events.location import QUOTES, PlaceMention, sentence_places
from analysis.events.location import place_level, same_place
from analysis.events.modality import present_verb
from analysis.events.places import place_cues
from analysis.events.records import Event
from analysis.events.triggers import Trigger, past_verb
from analysis.events.types import TYPES
from analysis.text import Token, normalize, split_clitics
from analysis.timex.lexicon import AMBIGUOUS_MONTHS, GREGORIAN_MONTHS, LEVANTINE_MONTHS

__all__ = [
    "StatusCues", "arrival_type", "dated_since", "due_by", "event_status", "event_summary", "main_country", "pick_actors", "pick_place",
    "place_level", "same_place", "sentence_places_actors", "states_purpose", "unlocated_statements",
]  # fmt: skip  (place_level and same_place live in analysis.events.location; kept here for their callers)


@dataclass(frozen=True)
class StatusCues:
    """What the text says about an event's status besides its date (docs/ANNOTATION.md, "Events")."""

    future: bool = False  # سـ, سوف, من المقرر, من المتوقع; the thing agreed; a postponement
    ongoing: bool = False  # a word of ``ongoing_words`` around the trigger
    continuing: bool = False  # بدأت القوات الانسحاب, لا يزال مستمرا: begun and going on, even from a past start
    since: bool = False  # منذ: a state that began and goes on
    ended: bool = False  # a period that ends at the article date (أخلت القاعدة خلال الأسبوعين الماضيين)
    happened: bool = False  # a perfect verb or a past relative (انسحبت, القصف الذي طالها): over
    decided: bool = False  # قرر / أمر بـ: decided, not yet done
    present: bool = False  # an undated present tense of a movement (ينتقل عدد منهم إلى الكويت): what is to come
    appointed: bool = False  # موعد انتهاء المهمة: named by the date set for it, planned unless that date is past
    launched: bool = False  # أطلقت القوات اليوم عملية: an operation launched, going on while recent


STALE_START_DAYS = 365  # بدأت القوات غزو العراق في آذار 2003: a start this long before the article is over
LAUNCH_DAYS = 7  # أطلقت القوات، فجر الأحد، عملية: an operation launched this recently is going on


def event_status(value: str | None, mod: str | None, dct: dt.date, cues: StatusCues) -> str:
    """occurred / ongoing / planned from the date against the article date and the text's cues.

    A future date is planned; a past one occurred, unless the text says the event began and goes on
    (``بدأت ... الانسحاب``, ``مستمر``); a decision (``أمر بسحب``) is planned whatever day it was taken.
    """
    if cues.decided and not cues.continuing:
        return "planned"
    span = dating.interval(value, mod, dct)
    rel = dating.relation(span, dct)
    closed = rel == "before" and dating.granularity(value) == "interval"  # الحرب على داعش بين 2014 و2017: over
    if cues.since and not cues.future and not cues.happened and not closed:
        return "ongoing"
    if cues.appointed and rel != "before":
        return "planned"
    if cues.launched and span is not None and (dct - span[1]).days <= LAUNCH_DAYS and rel != "after":
        return "ongoing"
    if cues.ended:
        return "ongoing" if cues.continuing else "occurred"
    if value == "FUTURE_REF":
        return "planned"
    if value == "PAST_REF":
        return "ongoing" if cues.continuing else "occurred"
    if value == "PRESENT_REF":
        return "ongoing"
    if rel == "after":  # ``سيواصل التحالف انسحابه حتى أيلول 2026``: going on until then
        return "ongoing" if cues.continuing else "planned"
    if rel == "before":
        stale = span is not None and (dct - span[1]).days > STALE_START_DAYS
        return "ongoing" if cues.continuing and not stale else "occurred"
    if rel == "around":
        if cues.future:
            return "planned"
        if cues.continuing or cues.ongoing:
            return "ongoing"
        return "occurred" if cues.happened or dating.granularity(value) == "day" else "planned"
    if cues.future or (cues.present and not (cues.ongoing or cues.continuing)):
        return "planned"
    return "ongoing" if cues.ongoing or cues.continuing else "occurred"


def dated_since(toks: list[Token], trig: Trigger) -> bool:
    """``منذ 17 تشرين الأول``: an event dated by a منذ-date is still going on (unless a past verb says it ended)."""
    tx = trig.timex
    if tx is None or tx.first == 0 or not lexicon.is_cue(toks[tx.first - 1], "since_words"):
        return False
    return not past_verb(trig.match) and not aspect.happened_before_since(toks, tx.first - 1)


def due_by(toks: list[Token], trig: Trigger) -> bool:
    """``وتسليمه للقوات العراقية في موعد أقصاه نهاية العام``, ``بحلول نهاية العام``: an event dated by a deadline
    is planned, unless a perfect verb says it was done (``انسحبت بحلول``)."""
    tx = trig.timex
    return tx is not None and not past_verb(trig.match) and aspect.deadline_date(toks, tx.first)


def states_purpose(trig: Trigger) -> bool:
    """``في طريقه لتسلم``, ``ستباشر إجراءات لإخراج``: a bare ل on a verbal noun states an aim, not a fact."""
    return trig.match.prefix in ("ل", "ول", "فل") and TYPES[trig.type].purpose


# ---------------------------------------------------------------------------------------------
# Place and actors


def _in_parentheses(text: str, s_start: int, offset: int) -> bool:
    """Is ``offset`` inside ``( … )`` of its sentence (``(الإرهابي المحظور في روسيا)``, ``(واع)``)?"""
    before = text[s_start:offset]
    return before.count("(") > before.count(")")


def _is_outlet(toks: list[Token], idx: int, surface: str) -> bool:
    """A news outlet cited as the source (``بحسب الأناضول``, ``قال لرووداو``, ``الوكيل الإخباري``), not an actor."""
    if normalize(surface).endswith(("الاخباري", "الاخبارية")):
        return True
    j = idx - 1
    while j >= 0 and toks[j].text in QUOTES:
        j -= 1  # ``لـ«الشرق الأوسط»``: the quotes of a name
    if j >= 0 and (lexicon.is_cue(toks[j], "source_markers") or j < idx - 1 and toks[j].norm.rstrip("ـ") == "ل"):
        return True
    word = normalize(surface)
    cliticised = word.startswith("ل") and not word.startswith(("ال", "لل"))
    return cliticised and any(lexicon.is_cue(toks[j], "speech_verbs") for j in range(max(idx - 3, 0), idx))  # قال (النائب) لرووداو


def _canonical_actor(name: str) -> str:
    """An actor as the gazetteer names it (``البنتاغون`` → ``وزارة الدفاع الأمريكية``), else as written."""
    key = tuple(normalize(w) for w in name.split())
    return lexicon.actors().get(key, name)


def _token_range(toks: list[Token], start: int, end: int) -> tuple[int, int]:
    """The indexes of the first and last tokens overlapping ``start..end``."""
    first = bisect_right([t.end for t in toks], start)
    last = max(bisect_left([t.start for t in toks], end) - 1, first)
    return min(first, len(toks) - 1), min(last, len(toks) - 1)


def month_names() -> frozenset[str]:
    """The Gregorian and Levantine month names that are no ordinary word (``data/timex_months.tsv``), normalized."""
    names = (w for table in (GREGORIAN_MONTHS, LEVANTINE_MONTHS) for words in table.values() for w in words)
    return frozenset(normalize(w) for w in names if w not in AMBIGUOUS_MONTHS)


MONTH_NAMES = month_names()


def is_month_name(name: str) -> bool:
    """``حزيران``, ``وحزيران``: a month, which the tagger sometimes takes for a place (ANERcorp has few months)."""
    return normalize(name) in MONTH_NAMES or normalize(split_clitics(name).stem) in MONTH_NAMES


def sentence_places_actors(
    toks: list[Token],
    entities: Sequence[Any] | None,
    s_start: int,
    s_end: int,
    text: str = "",
    blocked: set[int] = frozenset(),
    last_base: str | None = None,
    named_before: Sequence[str] = (),
) -> tuple[list[PlaceMention], list[tuple[int, str]]]:
    """The places (``places.PlaceMention``) and actors (token index, name) of a sentence:
    ``analysis.entities`` first, the gazetteers for what the tagger left out (or everything when
    there are no entities), and sites named with their head noun (``places.sentence_places``; tokens
    in ``blocked`` name no site, ``القاعدة`` stands for ``last_base``, ``الإقليم`` for the region of ``named_before``).

    Entities inside parentheses are skipped: asides and acronyms, not the event's place or actors.
    """
    located: list[tuple[int, int, str]] = []
    actors: list[tuple[int, str]] = []
    covered: list[tuple[int, int]] = []
    if entities is not None:
        for ent in entities:
            if not (s_start <= ent.start and ent.end <= s_end):
                continue
            if text and _in_parentheses(text, s_start, ent.start):
                continue
            first, last = _token_range(toks, ent.start, ent.end)
            name = getattr(ent, "canonical", None) or ent.text
            if _is_outlet(toks, first, ent.text):
                continue
            if ent.type == "LOC" and normalize(name) in lexicon.cues()["generic_places"]:
                continue  # البلاد, المنطقة: no place named
            if ent.type == "LOC" and is_month_name(ent.text):
                continue  # في حزيران/يونيو: a date, not a place
            known = normalize(name) in lexicon.place_by_name()
            acting = tuple(normalize(w) for w in name.split()) in lexicon.actors()
            if ent.type == "LOC" and (known or not acting or _where_governed(toks, first)):
                located.append((first, last, name))
                covered.append((ent.start, ent.end))
            elif ent.type == "LOC":  # واشنطن, الولايات المتحدة: a government acting, not where it happens
                actors.append((first, _canonical_actor(name)))
                covered.append((ent.start, ent.end))
            elif ent.type in ("ORG", "PERS"):
                actors.append((first, _canonical_actor(name)))
                covered.append((ent.start, ent.end))

    def free(first: int, last: int) -> bool:
        a, b = toks[first].start, toks[last].end
        inside = bool(text) and _in_parentheses(text, s_start, a)
        return not inside and not any(s < b and a < e for s, e in covered)

    for i, j, place in lexicon.gazetteer_spans(toks, lexicon.places()):
        wider = [span for span in located if i <= span[0] and span[1] <= j and (span[0], span[1]) != (i, j)]
        if wider:  # the tagger found ``كردستان`` of ``إقليم كردستان``: the gazetteer's whole name
            located = [span for span in located if span not in wider]
            located.append((i, j, place.canonical))
        elif free(i, j):
            located.append((i, j, place.canonical))
    for i, j, a in lexicon.gazetteer_spans(toks, lexicon.actors()):
        if not free(i, j):
            continue
        name = split_clitics(toks[i].norm, article=False).stem if i == j else a  # بواشنطن → واشنطن; التحالف keeps ال
        if _where_governed(toks, i) and _proper_name(name):
            located.append((i, j, name))  # ``وقعت المذكرة في واشنطن``: the capital where it happened, not the government
        else:
            actors.append((i, a))
    return sentence_places(toks, located, blocked, last_base, named_before), actors


def _where_governed(toks: list[Token], first: int) -> bool:
    """Is the name at ``first`` governed by في/إلى or a ب on it (``في واشنطن``, ``إلى واشنطن``, ``بواشنطن``)? Then a
    capital that usually stands for its government acting (``أعلنت واشنطن``) is where something happens or goes."""
    prev = split_clitics(toks[first - 1].norm, prepositions="").stem if first > 0 else ""  # وفي → في
    return prev in WHERE_PREPOSITIONS or "ب" in split_clitics(toks[first].norm).proclitics  # بواشنطن, not بغداد


def _proper_name(name: str) -> bool:
    """A one-word name without the article (``واشنطن``, ``طهران``): a capital, not a body (``البرلمان العراقي``)."""
    words = normalize(name).split()
    return len(words) == 1 and not words[0].startswith("ال")


#: Types whose event a foreign legislature in its clause holds in its own country (a vote; a hearing or session: ``other``).
LEGISLATIVE_TYPES = frozenset({"vote", "other"})


#: Prepositions before a capital that make it the place of the event (``في واشنطن``, ``إلى واشنطن``).
WHERE_PREPOSITIONS = frozenset({"في", "الي"})


def pick_place(
    mentions: Sequence[PlaceMention], trig: Trigger, clause: tuple[int, int], toks: Sequence[Token] = ()
) -> str | None:
    """The place ``trig`` governs in its clause, by its type's ``place_roles`` (``places.governed_place``);
    else, when the trigger carries an object pronoun (``أخلاها``, ``استعادتها``), the place named before it
    in the sentence that the pronoun stands for (``governing.pronoun_antecedent``; on a verbal noun of an
    unplaced type the pronoun is its subject: ``اجتماعها``, ``انضمامها``); for a type whose place is its object,
    the place of a relative clause on that object (``governing.described_object_place``). A vote, hearing or session
    (``LEGISLATIVE_TYPES``) of a foreign legislature is in its country first (``governing.legislature_country``). For a type that is placed,
    the rest of a country named by an exclusion (``خارج إقليم كردستان``). A denial has none: a place after
    it is in what is denied."""
    if trig.type == "announcement" and normalize(trig.match.rule.words[0]) in lexicon.cues()["denials"]:
        return None  # ``نفت الحكومة تقارير عن نقل قوات من قاعدة حرير``: the place is the denied content's (v3, v4 adjudication)
    roles = TYPES[trig.type].place_roles
    verb = past_verb(trig.match) or present_verb(trig.match.prefix, trig.match.rule.words[0])
    if trig.type in LEGISLATIVE_TYPES and toks and (country := legislature_country(toks, clause)) is not None:
        return country  # ``يأتي الانسحاب بعد تصويت البوندستاغ ... بينها إيطاليا``, ``جلسة استماع في مجلس النواب الأمريكي``
    place = governed_place(mentions, trig.first, trig.last, clause, roles, object_place(trig), framing_noun(trig, toks, verb))
    if place is None and roles and toks and object_pronoun(toks[trig.last].text) and (verb or not TYPES[trig.type].unplaced):
        place = pronoun_antecedent(mentions, trig.first)
    if place is None and "obj" in roles and toks:
        place = described_object_place(mentions, toks, trig.last, clause)
    if place is None and not TYPES[trig.type].unplaced:
        place = excluded_country(mentions, clause)
    return place


#: Types whose events keep no place in the output: the writers of every set since N leave a statement without one
#: (236 of 236 gold announcements of N–Z, even ``قالت السفارة الأسترالية في بغداد``: where the speaker sits).
UNLOCATED_TYPES = frozenset({"announcement"})


def unlocated_statements(events: Sequence[Event]) -> list[Event]:
    """The events with no place for a statement (``UNLOCATED_TYPES``). Its clause's place is still read before the
    dedup, where it tells two undated statements apart (``ذكر جهاز … في أربيل`` and ``وفي بغداد، دانت الوزارة``)."""
    return [replace(e, place=None) if e.type in UNLOCATED_TYPES else e for e in events]


def framing_noun(trig: Trigger, toks: Sequence[Token], verb: bool) -> bool:
    """Is the trigger a verbal noun right after a frame word (``حتى انسحاب``, ``مع انسحاب``, ``ضمن الانسحاب``:
    ``framing_words`` of ``data/place_cues.json``), history that frames its main clause?"""
    return not verb and 0 < trig.first <= len(toks) and bool(lexicon.bare(toks[trig.first - 1].norm) & place_cues()["framing_words"])


def arrival_type(trig: Trigger, mentions: Sequence[PlaceMention]) -> str:
    """A deployment (an arrival, a reinforcement) of troops that come from another base or country is a
    redeployment (the v3 adjudication's convention): its sentence names where they come from (``قادمة من
    قاعدة عين الأسد``, ``القوات المنسحبة من عين الأسد``: a place of role ``origin`` after من). Any other type
    is kept."""
    if trig.type != "deployment":
        return trig.type
    moved = any(m.role == "origin" and m.moved for m in mentions)
    return "redeployment" if moved else trig.type


def object_place(trig: Trigger) -> bool:
    """Is the trigger a verb or noun whose direct object is the place invaded or occupied (``غزو العراق``,
    ``غزت القوات العراق``: ``place_objects`` of ``data/place_cues.json``) or left (``غادرت القوات العراق``,
    ``لمغادرة العراق``: ``leave_objects``)?"""
    word = normalize(trig.match.rule.words[0])
    return word in place_cues()["place_objects"] or word in place_cues()["leave_objects"]


def pick_actors(actors: list[tuple[int, str]], trig: Trigger, clause: tuple[int, int] | None = None, limit: int = 3) -> tuple[str, ...]:
    """Up to ``limit`` actors of the trigger's clause, nearest first; a name inside a longer one (``التحالف``) is dropped."""
    if clause is not None:
        actors = [a for a in actors if clause[0] <= a[0] <= clause[1]]
    names = {name for _, name in actors}
    out: list[str] = []
    for _, name in sorted(actors, key=lambda a: (abs(a[0] - trig.first), a[0])):
        longer = any(other != name and f" {name} " in f" {other} " for other in names)
        if name not in out and not longer:
            out.append(name)
        if len(out) == limit:
            break
    return tuple(out)


def main_country(names: Sequence[str]) -> str | None:
    """The country most of the article's places lie in (ties: the first named); None if none is known."""
    countries = [p.country for p in (lexicon.place_by_name().get(normalize(n)) for n in names) if p is not None]
    if not countries:
        return None
    counts = Counter(countries)
    return max(countries, key=lambda c: (counts[c], -countries.index(c)))


# ---------------------------------------------------------------------------------------------
# Summary


def event_summary(text: str, toks: list[Token], trig: Trigger, max_chars: int = 110) -> str:
    """The sentence clipped around the trigger (a few words before, up to its date after)."""
    lo = toks[max(trig.first - 3, 0)].start
    hi_tok = max(trig.last + 10, trig.timex.last if trig.timex is not None else 0)
    hi = toks[min(hi_tok, len(toks) - 1)].end
    piece = text[lo:hi]
    if len(piece) > max_chars:
        piece = piece[:max_chars].rsplit(" ", 1)[0]
    prefix = "…" if lo > toks[0].start else ""
    suffix = "…" if hi < toks[-1].end or len(text[lo:hi]) > max_chars else ""
    return f"{prefix}{piece.strip()}{suffix}"
