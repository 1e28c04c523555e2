"""Dates an event takes from words around it that point elsewhere: a postponement, a report, a back-reference, another clause.

Three classes of docs/ANNOTATION.md "Events" (an event is dated by its own clause):

* a postponement said after the event (``تسليم المركز، الذي كان مقررا هذا الصيف، تأجل إلى تشرين الثاني``,
  ``نشر المنظومات لن يتم في الربع الثاني بل سيؤجل إلى الربع الثالث``): the event is planned for the new date,
  whatever date it had before;
* a date inside a reporting relative clause (``خفض عدد الأفراد الذي أُعلن في حزيران``, ``وفق ما أعلنته الوزارة
  الأسبوع الماضي``): it dates the report, not the event (``reported_date``);
* a back-reference to a date just named (``ستغادر في موعد أقصاه 30 أيلول، على أن تسلم المواقع قبل ذلك الموعد``):
  the event takes that date.

The timex slots are ``dating.TimexSlot`` records (duck-typed here: ``first``, ``last``, ``value``, ``mod``,
``anchored``), so that ``dating`` can call this module without an import cycle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from analysis.events import lexicon
from analysis.events.clauses import is_complementizer
from analysis.events.triggers import Trigger, past_verb
from analysis.text import Token, normalize, split_clitics
from analysis.timex.values import DAY_TIME_VALUE

POSTPONE_REACH = 25  # from the event noun (the subject) to the verb that postpones it
NEW_DATE_GAP = 2  # ``أُرجئ إلى آب``, ``سيؤجل إلى الربع الثالث``: إلى right after the verb (an adverb may stand between)
REPORT_GAP = 6  # ``الذي أُعلن في حزيران``, ``وفق ما أعلنته وزارة البيشمركة الأسبوع الماضي``: verb to its date
REPORT_FILLERS = frozenset({"كان", "كانت", "قد", "تم", "جرى"})
PARTICIPLE_GAP = 2  # ``الصادر عام 2020``, ``الموقعة في 2008``: participle to its date
HEAD_SPAN = 4  # the modified noun with its genitive or adjectives (``للاتفاق العراقي الأمريكي الموقع``)
BACK_REACH = 14  # from the trigger to ``قبل ذلك الموعد`` in its clause
PROGRESSIVE_WORDS = frozenset(normalize(w) for w in ("يجري", "تجري", "جار", "جاري", "جارية"))  # ``يجري حاليا تفكيك``
PRESENT_REACH = 4  # from a relative pronoun or a comma to the حاليا of its clause
FRONTED_GAP = 2  # ``بدأت القوات، اليوم، سحب``: a date this close after the first verb governs its coordination
LIGHT_REACH = 22  # from ``جرى أمس`` to the verbal noun it reports


def reported_date(toks: list[Token], first: int) -> int | None:
    """Where the reporting relative clause opens (its ``الذي``/``ما``) when the timex starting at ``first`` is
    the date of that report (``الذي أُعلن في حزيران``, ``وفق ما أعلنته الوزارة الأسبوع الماضي``), else None.
    Such a date belongs to the report, not to an event named before the clause."""
    for v in range(first - 1, max(first - 1 - REPORT_GAP, -1), -1):
        tok = toks[v]
        if tok.text in ("،", ",", ".", "؛") or is_complementizer(tok):
            return None
        if not lexicon.is_cue(tok, "report_verbs"):
            continue
        j = v - 1
        while j >= 0 and toks[j].norm in REPORT_FILLERS:
            j -= 1
        return j if j >= 0 and lexicon.is_cue(toks[j], "report_relatives") else None
    return None


def modified_noun_date(toks: list[Token], first: int) -> int | None:
    """Where the noun a participle modifies ends when the timex at ``first`` follows that participle
    (``قرار البرلمان الصادر عام 2020``, ``الاتفاق الموقع في 2008``), else None: the date is that noun's, and
    no event named before it takes it."""
    for j in range(first - 1, max(first - 1 - PARTICIPLE_GAP, -1), -1):
        if lexicon.is_cue(toks[j], "dated_participles"):
            return j - HEAD_SPAN
    return None


def light_verb_dates(trigs: Sequence[Trigger], txs: Sequence[Any], toks: list[Token], claimed: set[int]) -> None:
    """``جرى يوم أمس الأحد، وبحضور رئيس الأركان ...، توقيع محضر نقل المسؤولية``: a date right after جرى/تم
    dates the verbal noun that is that verb's subject, however long the circumstance between them."""
    for k, x in enumerate(txs):
        if k in claimed or x.anchored or x.first == 0 or not lexicon.is_cue(toks[x.first - 1], "passive_light_verbs"):
            continue
        nxt = next((t for t in trigs if t.first > x.last), None)
        if nxt is None or nxt.timex is not None or past_verb(nxt.match) or nxt.first - x.last > LIGHT_REACH:
            continue
        between = toks[x.last + 1 : nxt.first]
        if any(t.text in (".", "؛", ";") or is_complementizer(t) for t in between):
            continue
        nxt.timex, nxt.value, nxt.mod = x, x.value, x.mod
        claimed.add(k)


def relative_present(toks: list[Token], first: int) -> bool:
    """Is ``حاليا``/``الآن`` at ``first`` in a relative clause (``التي تستخدمها حالياً``) or after a comma
    or a second clause (``والمطلوب الآن``)? It then describes a state, not when an event happens."""
    if first > 0 and split_clitics(toks[first - 1].norm, prepositions="").stem in PROGRESSIVE_WORDS:
        return False  # ``، فيما يجري حاليا تفكيك المنظومات``: the time of what is under way
    for j in range(first - 1, max(first - 1 - PRESENT_REACH, -1), -1):
        if lexicon.is_cue(toks[j], "relatives"):
            return True
        if toks[j].text in ("،", ","):
            return True
    return False


def own_clause_date(src: Trigger, trig: Trigger, toks: list[Token]) -> bool:
    """``وتسلمت الحكومة المركز في شباط، وسحبت واشنطن المنظومات``: a date that closes the first clause, set off
    from a coordinated finite verb by a comma, is that clause's own; the verb has its own clause (and subject).
    A date right after the first verb (``بدأت القوات، اليوم، سحب …، ونقل``) still governs both."""
    x = src.timex
    if x is None or not past_verb(trig.match) or x.first <= src.last + FRONTED_GAP:
        return False
    return x.last < trig.first and any(t.text in ("،", ",") for t in toks[x.last + 1 : trig.first])


def counted_offset(words: list[Token]) -> bool:
    """Is a timex's text a count from another day (``بعد يومين``, ``قبل ثلاثة أيام``), which the timex resolves
    from the article date but an event after an earlier date counts from that date?"""
    return bool(words) and words[0].norm in ("بعد", "قبل") and lexicon.has_cue(words, 1, len(words), "unit_words")


#: Prepositions that name the event a count runs from (``بعد عشر سنوات على إنشائها``, ``بعد يومين من الهجوم``).
COUNTED_FROM = frozenset({"علي", "من"})  # normalized: ``على`` is written ``علي``


#: Endings of a noun with a possessive pronoun (``إنشائها``, ``وصولهم``): a definite event a count runs from.
POSSESSIVE_ENDINGS = ("ها", "هم", "هما")


def counted_from_event(words: list[Token], following: list[Token]) -> bool:
    """Is a count (``counted_offset``) followed by the definite event it runs from (``بعد نحو عشر سنوات على
    إنشائها``, ``بعد يومين من الهجوم``)?

    The timex resolves it from the article date (ten years ahead); it runs from the founding, a day the
    sentence does not give, so it dates nothing. Only after ``بعد``, and only before a definite noun: in
    ``اتفقتا قبل نحو عام على جدول الانسحاب`` and ``صوّت … بعد يومين على قرار`` the ``على`` is the verb's.
    """
    if len(following) < 2 or following[0].norm not in COUNTED_FROM:
        return False
    noun = following[1].norm
    definite = noun.startswith("ال") or noun.endswith(POSSESSIVE_ENDINGS)
    return definite and counted_offset(words) and words[0].norm == "بعد"


def from_anchor(anchor: str | None, value: str, dct: dt.date) -> str | None:
    """``بعد يومين`` (``value``, resolved from the article date ``dct``) counted from the day named before it
    (``anchor``) instead; None when that is no day (``مطلع 2020``)."""
    if not anchor or not DAY_TIME_VALUE.match(anchor):
        return None
    offset = dt.date.fromisoformat(value[:10]) - dct
    return (dt.date.fromisoformat(anchor[:10]) + offset).isoformat()


def postponed_after(trigs: Sequence[Trigger], txs: Sequence[Any], toks: list[Token]) -> None:
    """An event noun followed by the verb that postpones it to a date (``تسليم ...، أُرجئ إلى آب``) is planned
    for that date; the date it had before (``لن يتم في الربع الثاني``) is dropped."""
    for p, tok in enumerate(toks):
        if not lexicon.is_cue(tok, "postponed_verbs"):
            continue
        k = _new_date(txs, toks, p)
        if k is None:
            continue
        before = [t for t in trigs if t.last < p and p - t.last <= POSTPONE_REACH]
        if not before:
            continue
        trig = before[-1]
        if past_verb(trig.match) or any(is_complementizer(t) for t in toks[trig.last + 1 : p]):
            continue  # ``انسحبت القوات ثم أجلت ...``: a verb is no subject; ``أن`` opens another clause
        trig.timex, trig.value, trig.mod = txs[k], txs[k].value, txs[k].mod
        trig.postponed = trig.future = True


def _new_date(txs: Sequence[Any], toks: list[Token], p: int) -> int | None:
    """The timex a postponement verb at ``p`` moves its event to (``إلى``/``حتى`` + date right after it)."""
    for k, x in enumerate(txs):
        if x.anchored or not p < x.first <= p + 1 + NEW_DATE_GAP:
            continue
        if lexicon.is_cue(toks[x.first - 1], "destination_preps") or lexicon.bare(toks[x.first - 1].norm) & lexicon.cues()["until_words"]:
            return k
    return None


def back_referenced(trigs: Sequence[Trigger], txs: Sequence[Any], toks: list[Token]) -> None:
    """``على أن تسلم المواقع قبل ذلك الموعد``: an undated trigger whose clause points back to a date
    (``ذلك الموعد``, ``الموعد نفسه``, ``هذا التاريخ``) takes the date named last before it in the sentence."""
    for i, trig in enumerate(trigs):
        if trig.timex is not None:
            continue
        end = min([t.first for t in trigs[i + 1 :]] + [trig.last + 1 + BACK_REACH, len(toks) - 1])
        ref = next((j for j in range(trig.last + 1, end) if _points_back(toks, j)), None)
        if ref is None:
            continue
        k = next((k for k in reversed(range(len(txs))) if txs[k].last < trig.first and not txs[k].anchored), None)
        if k is not None:
            trig.timex, trig.value, trig.mod = txs[k], txs[k].value, txs[k].mod


def _points_back(toks: list[Token], j: int) -> bool:
    """Is token ``j`` a date noun pointed back to (``ذلك الموعد``, ``هذا التاريخ``, ``الموعد نفسه``)?"""
    if not lexicon.is_cue(toks[j], "back_reference_dates") or toks[j].norm.startswith("و"):
        return False
    before = j > 0 and lexicon.is_cue(toks[j - 1], "back_reference_pointers") and toks[j - 1].norm in ("ذلك", "هذا")
    after = j + 1 < len(toks) and lexicon.is_cue(toks[j + 1], "back_reference_pointers") and toks[j + 1].norm not in ("ذلك", "هذا")
    return bool(before or after)


#: First letters of an imperfect verb (``يقر``, ``تنسحب``, ``نسلم``): after a relative, the event may be to come.
IMPERFECT_LETTERS = frozenset("يتن")


def relative_perfect(toks: list[Token], trig: Trigger) -> bool:
    """Is the trigger the verb of a relative clause in the perfect (``القانون الذي أقره البرلمان في آذار``)?

    A word right after ``الذي``/``التي`` is the clause's verb; without the article, the future ``س`` and an
    imperfect's first letter, it is a perfect (``أقره``, ``وقعها``): what it tells has happened, so a month
    without its year is the last one before the article. Form-V perfects (``تسلمها``) look imperfect and
    are left out.
    """
    if trig.first == 0 or not lexicon.is_cue(toks[trig.first - 1], "relatives"):
        return False
    m = trig.match
    word = m.rule.words[0]
    return "ال" not in m.prefix and not m.prefix.endswith("س") and word[:1] not in IMPERFECT_LETTERS
