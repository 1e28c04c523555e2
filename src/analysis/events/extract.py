"""Dated events from one article: trigger → governing timex → status, place, actors, provenance.

Per sentence: find lexicon triggers (``lexicon.find_triggers``), keep those whose rule holds and
drop what is not an event (``_dropped``: negated ``لم تؤكد ... انسحاب``, denied ``نفى ... أي قرار
بسحب``, generic ``أي انسحاب``, threatened, conditional, cancelled ``تأجيل التصويت``, a plan's name
``خطة الانسحاب``, a walk-out ``انسحاب كتلة``; speech verbs that only cite a source ``بحسب ما
أعلنت``/``كشفت مصادر``), the content of an agreement, vote, resolution or demand (``اتفاق ... على
إنهاء``, ``قرار يطالب بإخراج``), and statements that only report an agreement or an attack; date
each from the timex that governs it (``_assign_dates``); take places and actors from
``analysis.entities`` with the gazetteers filling in; then merge the reports of the same event
inside the article (one event per distinct event). Cue words live in ``data/event_cues.json``.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from analysis.events import dating, lexicon
from analysis.text import Token, normalize, sentences, tokens

#: Timex types that can date an event; DURATIONs only when anchored (``خلال شهر``).
DATING_TYPES = ("DATE", "TIME")
ZONE_MAX_TOKENS = 15  # a timex further than this after its trigger does not date it
UNTIL_MAX_TOKENS = 25  # "تستمر المهمة ... حتى أيلول 2026" may put its date further away
INHERIT_WINDOW = 25  # how far after a dated announcement the announced event may be
CONTENT_WINDOW = 12  # ``اتفاق ... على إنهاء``: how far the content trigger may be from its head
ANNOUNCED_WINDOW = 12  # how far after a speech verb the agreement it announces may come
COORD_WINDOW = 16  # ``سحب جنودها من ...، ونقل قسم منهم``: how far a coordinated trigger shares the date
SITE_MAX_TOKENS = 12
MISSION_REACH_BEFORE = 7  # ``المهمة القتالية للقوات الأمريكية في العراق ستنتهي``: subject before the verb  # ``سلم التحالف الدولي بقيادة الولايات المتحدة، اليوم، قاعدة القيارة``
NEGATION_REACH = 6  # ``ولا تنوي الولايات المتحدة سحب``: a negation this far back still governs
DENIAL_REACH = 14  # ``نفى المتحدث ... أن يكون الاتفاق يعني انسحابا``: the denied content


@dataclass(frozen=True)
class Mention:
    """One report of an event inside an article: its sentence, trigger and timex (offsets into content)."""

    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    trigger: str
    timex: str | None
    timex_start: int | None
    timex_end: int | None


@dataclass(frozen=True)
class Event:
    """A dated (or undated) event with its provenance. Offsets are into ``Article.content``.

    ``date`` is a TIMEX value (``2024-09``, ``2026`` with ``date_mod`` START, ``2014/2017``,
    ``FUTURE_REF``) or None; ``status`` is occurred / ongoing / planned relative to ``dct``.
    ``mentions`` lists every report of this event in the article (the first is the one above).
    """

    file: str
    article_id: str
    dct: dt.date
    sentence_start: int
    sentence_end: int
    sentence: str
    trigger_start: int
    trigger_end: int
    trigger: str
    type: str
    date: str | None
    date_mod: str | None
    timex_text: str | None
    timex_start: int | None
    timex_end: int | None
    status: str
    place: str | None
    actors: tuple[str, ...]
    summary: str
    mentions: tuple[Mention, ...] = field(default=())

    @property
    def interval(self) -> dating.Interval | None:
        """The days this event's date covers (see ``dating.interval``)."""
        return dating.interval(self.date, self.date_mod, self.dct)

    def to_record(self) -> dict[str, Any]:
        """A flat dict for a DataFrame row (actors as a list, mentions as a list of dicts)."""
        record = asdict(self)
        record["actors"] = list(self.actors)
        record["mentions"] = [asdict(m) for m in self.mentions]
        return record


# ---------------------------------------------------------------------------------------------
# Working records


@dataclass
class _Trig:
    """A trigger during extraction (token indexes are within the sentence)."""

    match: lexicon.TriggerMatch
    type: str
    rule: str
    first: int
    last: int
    background: bool = False
    future: bool = False
    ongoing: bool = False
    timex: Any = None
    value: str | None = None
    mod: str | None = None
    anchored_duration: str | None = None  # a DURATION value to turn into an interval from the dct
    ongoing_since: bool = False  # ``يتعرض التحالف منذ أشهر لهجمات``: a state that began and goes on


def _window(toks: list[Token], lo: int, hi: int) -> set[str]:
    """Bare forms of tokens ``lo..hi`` (inclusive, clipped)."""
    out: set[str] = set()
    for t in toks[max(lo, 0) : min(hi, len(toks) - 1) + 1]:
        out |= lexicon.bare(t.norm)
    return out


def _has(toks: list[Token], lo: int, hi: int, cue: str) -> bool:
    return bool(_window(toks, lo, hi) & lexicon.cues()[cue])


def _rule_holds(rule: str, toks: list[Token], first: int, last: int) -> bool:
    """Check a lexicon row's rule around the trigger at tokens ``first..last``."""
    c = lexicon.cues()
    if rule == "-" or rule == "dated":
        return True
    if rule == "mission":
        if _has(toks, first - MISSION_REACH_BEFORE, last + 4, "mission_words"):
            return True
        for i in range(max(first - 4, 0), min(last + 4, len(toks) - 1) + 1):
            if lexicon.bare(toks[i].norm) & c["phase_words"] and i + 1 < len(toks):
                if lexicon.bare(toks[i + 1].norm) & c["phase_ordinals"]:
                    return True
        return False
    if rule == "troops":
        return _has(toks, last + 1, last + 4, "troop_words")
    if rule == "authority":
        return _has(toks, last + 1, last + 4, "authority_words")
    if rule == "bilateral":
        return _has(toks, last + 1, last + 6, "bilateral_words")
    if rule == "until":
        return _has(toks, last + 1, last + UNTIL_MAX_TOKENS, "until_words") and _rule_holds("mission", toks, first, last)
    if rule == "topic":  # صوّت ... على قرار يلزم الحكومة بإخراج القوات, not للتصويت على قانون الموازنة
        return _has(toks, first - 6, last + 10, "topic_words")
    if rule == "site":  # سلم التحالف ... قاعدة القيارة: a verb this short needs its object to be a site
        return _has(toks, last + 1, last + SITE_MAX_TOKENS, "site_words")
    if rule == "destination":  # ستنتقل إلى قاعدتي عين الأسد وحرير / نقل قسم منهم إلى قاعدة الشدادي
        for j in range(last + 1, min(last + 5, len(toks))):
            if lexicon.bare(toks[j].norm) & c["destination_preps"]:
                nxt = toks[j + 1 : j + 4]
                return bool(nxt) and (
                    _has(toks, j + 1, j + 2, "site_words") or any(s[0] == 0 for s in lexicon.gazetteer_spans(nxt, lexicon.places()))
                )
        return False
    if rule == "stay_until":  # قوات التحالف ستبقى في أربيل حتى أيلول 2026: the end of the presence there
        return _has(toks, last + 1, last + ZONE_MAX_TOKENS, "until_words") and _has(toks, first - 4, last + 3, "troop_words")
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
    return tok.text in lexicon.cues()["clause_breaks"] or tok.text in {".", "؟", "!"}


def _has_complementizer(toks: list[Token], lo: int, hi: int) -> bool:
    return any(lexicon.bare(t.norm) & lexicon.cues()["complementizers"] for t in toks[max(lo, 0) : max(hi, 0)])


def _words_before(toks: list[Token], first: int, reach: int) -> list[int]:
    """Indexes of up to ``reach`` tokens before ``first``, nearest first, stopping at a clause break."""
    out = []
    for j in range(first - 1, max(first - reach, 0) - 1, -1):
        if _is_break(toks[j]):
            break
        out.append(j)
    return out


def _in(tok: Token, cue: str) -> bool:
    return bool(lexicon.bare(tok.norm) & lexicon.cues()[cue])


def _negated(toks: list[Token], first: int) -> bool:
    """A negation up to ``NEGATION_REACH`` tokens back in the clause, no أن/إن between (``لم تؤكد قسد انسحاب``).

    ``لا يزال`` / ``لم يعد`` ... are affirmative or fixed phrases and do not count.
    """
    for j in _words_before(toks, first, NEGATION_REACH):
        if _in(toks[j], "complementizers"):
            return False
        if _in(toks[j], "negations"):
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
    if before and _in(toks[before[0]], "generic_before") or before and _in(toks[before[0]], "cancellations"):
        return True
    for j in before:
        if _in(toks[j], "threats") or _in(toks[j], "conditionals") and (
            toks[j].norm not in ("حال",) or (j > 0 and toks[j - 1].norm == "في")
        ):
            return True
    if type_ == "announcement":
        if before and toks[before[0]].norm in c["attributions"]:
            return True
        if any(_in(t, "report_subjects") for t in toks[m.last + 1 : m.last + 3]):
            return True
        rest = toks[m.last].norm[len(m.prefix) :] if m.first == m.last else toks[m.last].norm
        if rest != words[-1] and rest.endswith(("ه", "ها")):
            return True  # أعلنته / تعلنه: an object pronoun, the verb of a relative clause
    if first > 0 and _in(toks[first - 1], "plan_heads") and "ال" in m.prefix:
        return True  # خطة الانسحاب, موعد الانسحاب: the name of a plan or a deadline, not the event
    if type_ == "withdrawal" and any(_in(t, "political_subjects") for t in toks[m.last + 1 : m.last + 3]):
        return True  # انسحاب كتلة نيابية من الجلسة: a walk-out, not troops
    if words[0] in c["demands"]:
        around = toks[max(first - 2, 0) : first] + toks[m.last + 1 : m.last + 3]
        if any(_in(t, "resolution_words") for t in around):
            return True
    return False


def _find_sentence_triggers(toks: list[Token], blocked: list[tuple[int, int]]) -> list[_Trig]:
    """Triggers whose rule holds, not negated/denied/generic, not inside a timex, not the content of another."""
    c = lexicon.cues()
    found: list[_Trig] = []
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
        trig = _Trig(m, rule.type, rule.rule, m.first, m.last)
        lo = m.first - 1
        while lo >= max(m.first - 3, 0) and not _is_break(toks[lo]):
            if lexicon.bare(toks[lo].norm) & c["background_before"]:
                trig.background = True
                break
            lo -= 1
        if found and m.prefix.startswith("و") and found[-1].background and m.first - found[-1].last <= 3:
            trig.background = True  # "بعد إنهاء المهام ومغادرة بعثة التحالف"
        verb = words[0]
        trig.future = m.prefix.endswith("س") or (verb[:1] == "س" and verb[1:2] in ("ي", "ت", "ن")) or _has(toks, m.first - 4, m.first - 1, "future_words") or any(
            " ".join(t.norm for t in toks[i : i + 2]) in c["future_phrases"] for i in range(max(m.first - 5, 0), m.first)
        )
        trig.ongoing = _has(toks, m.first - 3, m.first - 1, "ongoing_words") or _has(toks, m.last + 1, m.last + 2, "ongoing_words")
        trig.ongoing_since = _has(toks, m.first - 4, m.first - 1, "since_words") and not _past_verb(m)
        found.append(trig)
    kept = [t for t in found if not _is_content(t, found, toks)]
    return [t for t in kept if not _reports_event(t, kept, toks)]


#: Events a speech verb only reports: the statement is the agreement itself (``أعلنت بغداد وواشنطن، في
#: بيان مشترك، التوصل إلى اتفاق``), or it confirms or claims an attack (``أكدت السلطات ... تعرض قاعدة
#: حرير إلى هجوم``) that is the event.
REPORTED_TYPES = ("agreement", "attack")


def _reports_event(trig: _Trig, found: list[_Trig], toks: list[Token]) -> bool:
    """A speech verb whose clause reports an agreement or an attack (``REPORTED_TYPES``): not a statement of its own."""
    if trig.type != "announcement":
        return False
    for t in found:
        if t.type not in REPORTED_TYPES or not 0 < t.first - trig.last <= ANNOUNCED_WINDOW:
            continue
        if t.type == "attack" and not _has(toks, trig.last + 1, t.first - 1, "clause_openers"):
            return True  # but not "إعلان مسؤوليتها عن العملية، مؤكدة ... أن الاستهداف": a claim, then its words
        if t.type == "agreement" and not _has_complementizer(toks, trig.last + 1, t.first):
            return True
    return False


def _past_verb(m: lexicon.TriggerMatch) -> bool:
    """A perfect-tense verb form (``انسحبت``, ``غادروا``): what it reports is over, even with منذ."""
    word = m.rule.words[0]
    return not m.prefix.endswith("س") and word[:1] not in ("ي", "ت", "ن") and (
        word.endswith("وا") or (word.endswith("ت") and not word.endswith("ات"))  # not a plural noun (هجمات)
    )


def _is_content(trig: _Trig, found: list[_Trig], toks: list[Token]) -> bool:
    """True for the agreed, voted or demanded thing, not an event of its own: ``اتفاق ... على إنهاء
    مهام``, ``صادق ... على قرار لإنهاء``, ``اتفاق إنهاء مهمة``, ``تطالب بإنهاء وجود``."""
    c = lexicon.cues()
    heads = c["content_heads"]
    if trig.type in heads:
        return False
    prev = lexicon.bare(toks[trig.first - 1].norm) if trig.first > 0 else set()
    linked = trig.match.prefix.endswith("ل") or bool(prev & c["content_links"]) or bool(prev & c["demands"])
    if linked and any(
        _in(toks[j], "resolution_words") and not _has_complementizer(toks, j + 1, trig.first)
        for j in range(max(trig.first - CONTENT_WINDOW, 0), trig.first)
    ):
        return True  # قرار ... تم إعداده من قبل الكتل ... لإنهاء التواجد: the purpose of a resolution
    for head in found:
        if head is trig or head.last >= trig.first:
            continue
        demand = head.match.rule.words[0] in c["demands"]
        if head.type not in heads and not demand:
            continue
        adjacent = head.last == trig.first - 1  # اتفاق إنهاء: the construct state
        if not (linked or adjacent or (demand and trig.match.prefix.endswith("ب"))):
            continue
        if trig.first - head.last <= CONTENT_WINDOW and not _has_complementizer(toks, head.last + 1, trig.first):
            between = [t for t in found if head.last < t.first < trig.first]
            if not between:
                return True
    return False


# ---------------------------------------------------------------------------------------------
# Dating


@dataclass
class _Tx:
    timex: Any
    first: int
    last: int
    value: str | None
    mod: str | None
    anchored: bool = False  # a DURATION made into an interval by خلال


def _sentence_timexes(timexes: Sequence[Any], toks: list[Token], dct: dt.date) -> list[_Tx]:
    """Timexes of the sentence that can date an event, with their token index range."""
    c = lexicon.cues()
    out = []
    for tx in timexes:
        idx = [i for i, t in enumerate(toks) if t.start < tx.end and tx.start < t.end]
        if not idx:
            continue
        first, last = idx[0], idx[-1]
        if tx.value == "PRESENT_REF" and first > 0 and lexicon.bare(toks[first - 1].norm) & c["until_words"]:
            continue  # ``حتى الآن`` (so far) scopes a statement, it does not date an event
        if tx.type in DATING_TYPES and tx.value and (dating.interval(tx.value, tx.mod, dct) or tx.value.endswith("_REF")):
            out.append(_Tx(tx, first, last, tx.value, tx.mod))
        elif tx.type == "DURATION" and first > 0 and lexicon.bare(toks[first - 1].norm) & c["anchor_preps"]:
            if dating.duration_days(tx.value) is not None:
                out.append(_Tx(tx, first, last, tx.value, tx.mod, anchored=True))
    return out


def _inside_background(toks: list[Token], trig: _Trig, x: _Tx, trigs: list[_Trig]) -> bool:
    """``الاتفاق جاء بعد ثماني جولات من الحوار بدأت في كانون الثاني``: the timex dates the بعد-clause's own verb."""
    if any(trig.last < t.first < x.first for t in trigs):
        return False
    return any(
        _in(toks[j], "background_before") and not (toks[j].norm == "قبل" and toks[j - 1].norm == "من")  # من قبل = by
        for j in range(trig.last + 1, x.first - 1)
    )


def _assign_dates(trigs: list[_Trig], txs: list[_Tx], toks: list[Token]) -> None:
    """Give each trigger the timex that governs it (see the module docstring of the rules)."""
    claimed: set[int] = set()

    def give(trig: _Trig, k: int) -> None:
        trig.timex, trig.value, trig.mod = txs[k], txs[k].value, txs[k].mod
        claimed.add(k)

    # 1. the trigger's own zone: timexes after it, before the next trigger
    for i, trig in enumerate(trigs):
        end = trigs[i + 1].first if i + 1 < len(trigs) else len(toks)
        limit = trig.last + (UNTIL_MAX_TOKENS if trig.rule == "until" else ZONE_MAX_TOKENS)
        zone = [k for k, x in enumerate(txs) if trig.last < x.first < end and x.first <= limit]
        points = [k for k in zone if not txs[k].anchored]
        points = [k for k in points if not _inside_background(toks, trig, txs[k], trigs)]
        zone = [k for k in zone if k in points or txs[k].anchored]
        latest = [k for k in points if _has(toks, trig.last + 1, txs[k].first - 1, "latest_words")]
        pick = (latest or points or zone or [None])[0]  # ``هجمات ... خلال السنوات الماضية، كان آخرها في 2 شباط``
        if pick is not None:
            give(trig, pick)
    # 2. timexes nobody claimed: the trigger right after, the first trigger, or the main trigger before
    for k, x in enumerate(txs):
        if k in claimed:
            continue
        after = [t for t in trigs if t.first > x.last]
        before = [t for t in trigs if t.last < x.first]
        nxt = after[0] if after else None
        in_relative = _has(toks, x.first - 4, x.first - 1, "relatives")  # "التي كانت تستخدم سابقاً"
        if nxt is not None and nxt.timex is None and not nxt.background and (
            nxt.first - x.last <= 2 or (not before and not in_relative and nxt.first - x.last <= 10)
        ) and not _has_complementizer(toks, x.last + 1, nxt.first):
            give(nxt, k)
            continue
        for trig in reversed(before):
            if trig.timex is None and not trig.background and x.first - trig.last <= 25:
                if not _has_complementizer(toks, trig.last + 1, x.first) and not _inside_background(toks, trig, x, trigs):
                    give(trig, k)
                break
    # 3. a dated announcement dates what it announces when no أن intervenes (أعلنت، اليوم، إكمال انسحاب)
    for trig in trigs:
        if trig.type != "announcement" or trig.timex is None:
            continue
        if set(trig.match.rule.words) & lexicon.cues()["denials"]:
            continue  # "نفت ... تمديد موعد انسحاب": what is denied did not happen that day
        for other in trigs:
            if other.first <= trig.timex.last or other.timex is not None or other.background or other.future:
                continue
            if other.first - trig.timex.last <= INHERIT_WINDOW and not _has_complementizer(toks, trig.last + 1, other.first):
                other.timex, other.value, other.mod = trig.timex, trig.value, trig.mod
    # 4. ``تنتهي المرحلة الأولى في ...، وتشمل مغادرة ...``: the included event shares the date
    for i, trig in enumerate(trigs):
        if trig.timex is None and i > 0 and trig.first > 0 and _in(toks[trig.first - 1], "inclusion_verbs"):
            src = trigs[i - 1]
            if src.timex is not None:
                trig.timex, trig.value, trig.mod = src.timex, src.value, src.mod
    # 5. ``بدأت القوات، اليوم، سحب جنودها من ...، ونقل قسم منهم إلى ...``: a coordinated trigger shares the date
    for i, trig in enumerate(trigs):
        if trig.timex is not None or i == 0 or trig.background or not trig.match.prefix.startswith("و"):
            continue
        src = trigs[i - 1]
        if src.timex is not None and not src.background and trig.first - src.last <= COORD_WINDOW and not _has_complementizer(toks, src.last + 1, trig.first):
            trig.timex, trig.value, trig.mod = src.timex, src.value, src.mod
    # anchored durations become intervals from the article date, forward for planned events
    for trig in trigs:
        if trig.timex is not None and trig.timex.anchored:
            trig.value, trig.mod = None, None
            trig.anchored_duration = trig.timex.value


def _status(value: str | None, mod: str | None, dct: dt.date, future: bool, ongoing: bool, since: bool = False) -> str:
    """occurred / ongoing / planned from the date against the dct and the verb's cues (``منذ`` → ongoing)."""
    if since and not future:
        return "ongoing"
    if value == "FUTURE_REF":
        return "planned"
    if value == "PAST_REF":
        return "occurred"
    if value == "PRESENT_REF":
        return "ongoing"
    rel = dating.relation(dating.interval(value, mod, dct), dct)
    if rel == "after":
        return "ongoing" if ongoing and not future else "planned"
    if rel == "before":
        return "occurred"
    if rel == "around":
        if future:
            return "planned"
        if ongoing or dating.granularity(value) not in ("day",):
            return "ongoing"
        return "occurred"
    return "planned" if future else "ongoing" if ongoing else "occurred"


# ---------------------------------------------------------------------------------------------
# Place and actors


def _place_level(name: str) -> int:
    from analysis.text import normalize

    place = lexicon.place_by_name().get(normalize(name))
    return place.level if place else 2


def _canonical_place(name: str) -> str:
    from analysis.text import normalize

    place = lexicon.place_by_name().get(normalize(name))
    return place.canonical if place else name


def _in_parentheses(text: str, s_start: int, offset: int) -> bool:
    """Is ``offset`` inside ``( … )`` of its sentence (``(الإرهابي المحظور في روسيا)``, ``(واع)``)?"""
    before = text[s_start:offset]
    return before.count("(") > before.count(")")


def _is_outlet(toks: list[Token], idx: int, surface: str) -> bool:
    """A news outlet cited as the source (``بحسب الأناضول``, ``قال لرووداو``, ``الوكيل الإخباري``), not an actor."""
    if normalize(surface).endswith(("الاخباري", "الاخبارية")):
        return True
    if idx > 0 and _in(toks[idx - 1], "source_markers"):
        return True
    word = normalize(surface)
    cliticised = word.startswith("ل") and not word.startswith(("ال", "لل"))
    return cliticised and any(_in(toks[j], "speech_verbs") for j in range(max(idx - 3, 0), idx))  # قال (النائب) لرووداو


def _canonical_actor(name: str) -> str:
    """An actor as the gazetteer names it (``البنتاغون`` → ``وزارة الدفاع الأمريكية``), else as written."""
    key = tuple(normalize(w) for w in name.split())
    return lexicon.actors().get(key, name)


def _sentence_places_actors(
    toks: list[Token], entities: Sequence[Any] | None, s_start: int, s_end: int, text: str = ""
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(token index, name) of places and actors in the sentence: ``analysis.entities`` first, the
    gazetteers for what the tagger left out (or everything when there are no entities).

    Entities inside parentheses are skipped: asides and acronyms, not the event's place or actors.
    """
    places: list[tuple[int, str]] = []
    actors: list[tuple[int, str]] = []
    covered: list[tuple[int, int]] = []
    if entities is not None:
        for ent in entities:
            if not (s_start <= ent.start and ent.end <= s_end):
                continue
            if text and _in_parentheses(text, s_start, ent.start):
                continue
            idx = next((i for i, t in enumerate(toks) if t.end > ent.start), 0)
            name = getattr(ent, "canonical", None) or ent.text
            if _is_outlet(toks, idx, ent.text):
                continue
            if ent.type == "LOC" and normalize(name) in lexicon.cues()["generic_places"]:
                continue  # البلاد, المنطقة: no place named
            known = normalize(name) in lexicon.place_by_name()
            acting = tuple(normalize(w) for w in name.split()) in lexicon.actors()
            if ent.type == "LOC" and (known or not acting):
                places.append((idx, _canonical_place(name)))
                covered.append((ent.start, ent.end))
            elif ent.type == "LOC":  # واشنطن, الولايات المتحدة: a government acting, not where it happens
                actors.append((idx, _canonical_actor(name)))
                covered.append((ent.start, ent.end))
            elif ent.type in ("ORG", "PERS"):
                actors.append((idx, _canonical_actor(name)))
                covered.append((ent.start, ent.end))

    def free(first: int, last: int) -> bool:
        a, b = toks[first].start, toks[last].end
        inside = bool(text) and _in_parentheses(text, s_start, a)
        return not inside and not any(s < b and a < e for s, e in covered)

    places += [(i, p.canonical) for i, j, p in lexicon.gazetteer_spans(toks, lexicon.places()) if free(i, j)]
    actors += [(i, a) for i, j, a in lexicon.gazetteer_spans(toks, lexicon.actors()) if free(i, j)]
    return places, actors


def _pick_place(places: list[tuple[int, str]], trig: _Trig) -> str | None:
    """The most precise place near the trigger (a base over a city over a country)."""
    best, best_score = None, None
    for idx, name in places:
        dist = abs(idx - trig.first)
        score = _place_level(name) - 0.05 * dist + (0.5 if idx > trig.last else 0)
        if best_score is None or score > best_score:
            best, best_score = name, score
    return best


def _pick_actors(actors: list[tuple[int, str]], trig: _Trig, limit: int = 3) -> tuple[str, ...]:
    """Up to ``limit`` actors nearest the trigger; a name inside a longer one (``التحالف``) is dropped."""
    names = {name for _, name in actors}
    out: list[str] = []
    for _, name in sorted(actors, key=lambda a: (abs(a[0] - trig.first), a[0])):
        longer = any(other != name and f" {name} " in f" {other} " for other in names)
        if name not in out and not longer:
            out.append(name)
        if len(out) == limit:
            break
    return tuple(out)


def _summary(text: str, toks: list[Token], trig: _Trig, max_chars: int = 110) -> str:
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


# ---------------------------------------------------------------------------------------------
# Articles


def _find_timexes(text: str, dct: dt.date) -> list[Any]:
    try:
        from analysis.timex import find_timexes
    except ImportError:  # pragma: no cover - only while the timex module is being written
        warnings.warn("analysis.timex is not available: events are undated", stacklevel=3)
        return []
    return list(find_timexes(text, dct))


def _tag_entities(text: str) -> list[Any] | None:
    """Entities from ``analysis.entities`` when it works, else None (the gazetteers take over)."""
    try:
        from analysis.entities import tag_entities
    except ImportError:
        return None
    try:
        return list(tag_entities(text))
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
    ``entities`` to ``analysis.entities.tag_entities`` (or the built-in gazetteers when that is
    missing, fails, or ``use_ner`` is False).
    """
    text = article.analysis_text
    dct = article.date
    if timexes is None:
        timexes = _find_timexes(text, dct)
    if entities is None and use_ner:
        entities = _tag_entities(text)
    timexes = sorted(timexes, key=lambda t: (t.start, t.end))
    title_end = getattr(article, "title_end", -1)
    raw: list[tuple[Event, bool]] = []
    seen_places: list[str] = []
    for sent in sentences(text):
        toks = [replace(t, start=t.start + sent.start, end=t.end + sent.start) for t in tokens(sent.text)]
        if not toks:
            continue
        in_sent = [t for t in timexes if sent.start <= t.start and t.end <= sent.end]
        trigs = _find_sentence_triggers(toks, [(t.start, t.end) for t in in_sent])
        if not trigs:
            continue
        txs = _sentence_timexes(in_sent, toks, dct)
        _assign_dates(trigs, txs, toks)
        places, actors = _sentence_places_actors(toks, entities, sent.start, sent.end, text)
        seen_places += [name for _, name in sorted(places)]
        for trig in trigs:
            value, mod = trig.value, trig.mod
            anchored = trig.anchored_duration
            if anchored:
                forward = _anchor_forward(toks, trig, trig.timex)
                value = dating.anchored_value(anchored, dct, forward)
            if trig.rule == "dated" and (value is None or trig.match.prefix.endswith("ل")):
                continue
            if trig.type == "announcement" and value is None and _continues_report(toks, trig):
                continue  # وأكد المسؤول ... / كما أكد: the report goes on, no new statement  # weak triggers (دحر, هزيمة) count only when dated, never as a purpose (لهزيمة داعش)
            tx = trig.timex.timex if trig.timex is not None else None
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
                status=_status(value, mod, dct, trig.future or (value is None and _purpose(trig)), trig.ongoing, since=trig.ongoing_since or _since(toks, trig)),
                place=_pick_place(places, trig),
                actors=_pick_actors(actors, trig),
                summary=_summary(text, toks, trig),
                mentions=(mention,),
            )
            raw.append((event, sent.end <= title_end))
    country = _main_country(seen_places)
    if country:  # an event whose sentence names no place happens in the country the article is about
        raw = [(replace(e, place=country) if e.place is None and e.type not in UNPLACED_TYPES else e, t) for e, t in raw]
    return dedupe_events(raw)


#: Types that keep no place when their sentence names none (a statement is not located).
UNPLACED_TYPES = ("announcement",)


def _main_country(names: Sequence[str]) -> str | None:
    """The country most of the article's places lie in (ties: the first named); None if none is known."""
    from collections import Counter

    countries = [p.country for p in (lexicon.place_by_name().get(normalize(n)) for n in names) if p is not None]
    if not countries:
        return None
    counts = Counter(countries)
    return max(countries, key=lambda c: (counts[c], -countries.index(c)))


def _purpose(trig: _Trig) -> bool:
    """``في طريقه لتسلم``, ``ستباشر إجراءات لإخراج``: a bare ل on a verbal noun states an aim, not a fact."""
    return trig.match.prefix in ("ل", "ول", "فل") and trig.type not in ("agreement", "vote", "announcement", "attack", "war")


def _continues_report(toks: list[Token], trig: _Trig) -> bool:
    """A speech verb joined by و/ف or after كما: it carries on the same report."""
    return trig.match.prefix.startswith(("و", "ف")) or (trig.first > 0 and toks[trig.first - 1].norm == "كما")


def _since(toks: list[Token], trig: _Trig) -> bool:
    """``منذ 17 تشرين الأول``: an event dated by a منذ-date is still going on (unless a past verb says it ended)."""
    tx = trig.timex
    return tx is not None and tx.first > 0 and _in(toks[tx.first - 1], "since_words") and not _past_verb(trig.match)


def _anchor_forward(toks: list[Token], trig: _Trig, tx: _Tx) -> bool:
    """``خلال شهر`` points forward unless it says ``الماضية`` or the verb is a past tense (``أخلت … خلال أسبوعين``)."""
    words = _window(toks, tx.first, tx.last + 1)
    if words & lexicon.cues()["past_words"]:
        return False
    if words & lexicon.cues()["future_words"] or trig.future:
        return True
    word = trig.match.rule.words[0]
    past_verb = not trig.match.prefix.endswith("س") and word[:1] not in ("ي", "ت", "ن") and word.endswith(("ت", "وا"))
    return not past_verb


def _same_place(a: str | None, b: str | None) -> bool:
    """Equal places, or one missing, or one the country of the other."""
    if a is None or b is None or a == b:
        return True
    pa, pb = lexicon.place_by_name().get(_norm(a)), lexicon.place_by_name().get(_norm(b))
    return bool(pa and pb and (pa.country == pb.canonical or pb.country == pa.canonical) and min(pa.level, pb.level) == 1)


def _norm(name: str) -> str:
    from analysis.text import normalize

    return normalize(name)


def _definite(trigger: str) -> bool:
    """A trigger noun with the article (``التسليم``, ``والانسحاب``, ``بالهجمات``, ``للاتفاق``)."""
    word = _norm(trigger.split()[0])
    for conj in ("و", "ف", ""):
        if not word.startswith(conj):
            continue
        rest = word[len(conj) :]
        if rest.startswith("ال") or rest.startswith(("بال", "كال", "لل")):
            return True
    return False


def _more_precise(a: Event, b: Event) -> bool:
    """Does ``a`` carry a better date than ``b`` (dated over undated, narrower span, earlier)?"""
    wa, wb = dating.width(a.interval), dating.width(b.interval)
    return (a.date is not None, not _vague(a.date), -wa) > (b.date is not None, not _vague(b.date), -wb)


def _vague(value: str | None) -> bool:
    return bool(value) and value.endswith("_REF")


def _mergeable(a: Event, b: Event, same_sentence: bool) -> bool:
    if a.type != b.type:
        return False
    if a.type == "announcement" and a.date != b.date:
        return False  # statements on different dates are different statements
    if a.date is None and b.date is None:
        later = a if a.trigger_start > b.trigger_start else b
        return same_sentence or a.place == b.place or (_definite(later.trigger) and a.status == b.status)
    if a.date is None or b.date is None:
        undated = a if a.date is None else b
        # ``عملية التسليم جرت وفق الجدول``: an undated definite noun points back to the event already reported
        dated = b if undated is a else a
        same_base = a.place is not None and a.place == b.place and _place_level(a.place) >= 3 and a.status == b.status
        return same_sentence or same_base or (_definite(undated.trigger) and undated.trigger_start > dated.trigger_start)
    ia, ib = a.interval, b.interval
    same_date = a.date == b.date and a.date_mod == b.date_mod
    return (same_date or dating.overlaps(ia, ib)) and _same_place(a.place, b.place)


def dedupe_events(raw: list[tuple[Event, bool]]) -> list[Event]:
    """One event per distinct event in an article; every report kept in ``mentions``.

    Same type and same sentence → one; same type, overlapping dates and compatible places → one;
    undated reports of the same type and place → one; an undated headline event joins the body's.
    """
    merged: list[Event] = []
    for event, in_title in sorted(raw, key=lambda r: (r[1], r[0].sentence_start, r[0].trigger_start)):
        target = None
        for k, kept in enumerate(merged):
            same_sentence = kept.sentence_start == event.sentence_start
            if _mergeable(kept, event, same_sentence) or (
                in_title and event.date is None and kept.type == event.type and _same_place(kept.place, event.place)
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
            place=best.place or other.place,
            actors=best.actors or other.actors,
            mentions=best.mentions + tuple(m for m in other.mentions if m not in best.mentions),
        )
    return sorted(merged, key=lambda e: (e.sentence_start, e.trigger_start))


def events_frame(corpus_df: Any, **kwargs: Any) -> Any:
    """A DataFrame of the events of every article in a corpus DataFrame (``load_corpus``)."""
    import pandas as pd

    from analysis.corpus import articles_from_frame

    rows = [e.to_record() for a in articles_from_frame(corpus_df) for e in extract_events(a, **kwargs)]
    columns = list(Event.__dataclass_fields__)
    frame = pd.DataFrame(rows, columns=columns)
    return frame
