"""Modality and negation: is a trigger an event that happened, one that is planned, or none at all?

A withdrawal that is demanded, called for, denied, rumoured, merely discussed or possible has not
occurred (docs/ANNOTATION.md, "Events"). ``judge`` reads the words before a trigger in its clause:

* **none** (the trigger is dropped): negated (``لم تؤكد ... انسحاب``), denied (``نفى ... أي قرار
  بسحب``), the object of a rumour (``أنباء عن انسحاب``), demanded or called for (``طالب بمغادرة``,
  ``دعا إلى انسحاب``, ``رفض الدعوات إلى``), discussed (``مسودة قيد النقاش``, ``لبحث جدول زمني
  لإنهاء``), possible (``قد ينسحب``, ``من المحتمل``), threatened, conditional, cancelled, generic
  (``أي انسحاب``), a plan's name (``خطة الانسحاب``), a walk-out (``انسحاب كتلة``);
* **planned**: postponed (``تأجيل تسليم القاعدة إلى آذار``: planned for the new date; with no new
  date the report is dropped by extraction, ``تأجيل التصويت``);
* otherwise the trigger stands and its status comes from its date and tense (``attributes``).

Speech verbs that only cite a source (``بحسب ما أعلنت``, ``كشفت مصادر``) and denials of a rumour
(``نفى ما تداولته وسائل إعلام عن``) are no statement of their own. Cue words: ``data/event_cues.json``.
"""

from __future__ import annotations

from analysis.events import lexicon
from analysis.events.types import TYPES
from analysis.text import Token

NEGATION_REACH = 6  # ``ولا تنوي الولايات المتحدة سحب``: a negation this far back still governs
DENIAL_REACH = 14  # ``نفى المتحدث ... أن يكون الاتفاق يعني انسحابا``: the denied content
DEMAND_REACH = 9  # ``طالبت كتائب حزب الله في بيان القوات الأمريكية بمغادرة``: the demanded content
DELIBERATION_REACH = 6  # ``مسودة قيد النقاش إخلاء``, ``لوضع جدول زمني لإنهاء``
POSTPONE_REACH = 4  # ``تأجيل مراسم تسليم``
RUMOUR_REACH = 6
CIVIL_REACH = 3  # ``تسلم الوزير الجديد مهامه``
REFUSAL_REACH = 4  # ``رفض الجيش الأمريكي تأكيد انسحابه``
EXPOSURE_REACH = 2  # ``مكشوفة أمام هجوم``; not ``خطر عودة داعش بعد انسحاب``
MEDIA_REACH = 5  # ``أرسلت قيادة القوات الكردية رسالة``: verb, subject, object
PLAN_REACH = 3
BEGUN_REACH = 10  # ``أن انسحاب القوات من قاعدة عين الأسد بدأ فعلاً``: the subject's complements, then its verb
START_POINT_REACH = 6  # ``سلسلة طويلة بدأت مع الغزو``, ``فصلاً بدأ عام 2014، حين عادت``
HYPOTHESIS_REACH = 8  # ``انسحاب التحالف من إقليم كردستان قد يفتح``  # ``ضمن خطة التحالف لتقليص``  # ``ما تداولته وسائل إعلام عن انسحاب``

DROP = "drop"
PLANNED = "planned"
STRONG_BREAKS = frozenset({".", "؟", "!", "؛", ";"})
QUOTE_MARKS = frozenset('"“”«»')
STILL = frozenset({"يزال", "تزال", "زال", "يزالون", "زالت"})  # لا يزال: affirmative


def _is_break(tok: Token) -> bool:
    """A clause break (``clause_breaks``) or the end of a sentence."""
    return tok.text in lexicon.cues()["clause_breaks"] or tok.text in {".", "؟", "!"}


def words_before(toks: list[Token], first: int, reach: int, commas: bool = False) -> list[int]:
    """Indexes of up to ``reach`` tokens before ``first``, nearest first, stopping at a clause break
    (with ``commas``, only at a strong break or a clause opener: ``طالبت الفصائل، في بيان، بانسحاب``)."""
    out = []
    for j in range(first - 1, max(first - reach, 0) - 1, -1):
        tok = toks[j]
        if (tok.text in STRONG_BREAKS or lexicon.is_cue(tok, "clause_openers")) if commas else _is_break(tok):
            break
        out.append(j)
    return out


def words_after(toks: list[Token], last: int, reach: int) -> list[int]:
    """Indexes of up to ``reach`` tokens after ``last``, in order, stopping at a strong break (``.``, ``؛``)."""
    return _until_break(toks, range(last + 1, min(last + 1 + reach, len(toks))))


def words_back(toks: list[Token], first: int, reach: int) -> list[int]:
    """Indexes of up to ``reach`` tokens before ``first``, nearest first, stopping only at a strong break
    (``words_before`` stops at clause breaks too)."""
    return _until_break(toks, range(first - 1, max(first - 1 - reach, -1), -1))


def _until_break(toks: list[Token], indexes: range) -> list[int]:
    out = []
    for j in indexes:
        if toks[j].text in STRONG_BREAKS:
            break
        out.append(j)
    return out


def negated(toks: list[Token], first: int) -> bool:
    """A negation up to ``NEGATION_REACH`` tokens back in the clause, no أن/إن nor a relative pronoun between
    (``لم تؤكد قسد انسحاب``).

    ``لا يزال`` / ``لم يعد`` ... are affirmative or fixed phrases and do not count.
    """
    for j in _words_before_quotes(toks, first, NEGATION_REACH):
        if lexicon.is_cue(toks[j], "complementizers") or lexicon.is_cue(toks[j], "relatives"):
            return False  # ``لم تكن طرفا في الاتفاق الذي أبرم``: a relative clause is a clause of its own
        if _function_word(toks[j]) in lexicon.cues()["negations"]:  # لم, not لما (stems would read لما as لم + ا)
            nxt = lexicon.bare(toks[j + 1].norm) if j + 1 < len(toks) else set()
            return not (nxt & STILL) and not exceptive_after(toks, first)
    return False


def exceptive_after(toks: list[Token], first: int) -> bool:
    """An exceptive إلا after the trigger in its clause (``لم يكتمل إخلاء عين الأسد إلا في منتصف كانون الثاني``):
    the negation only says when or how much, and the event happened (round 11)."""
    for tok in toks[first + 1 : first + 1 + EXCEPTIVE_REACH]:
        if _is_break(tok):
            return False
        if tok.norm == EXCEPTIVE:
            return True
    return False


EXCEPTIVE = "الا"  # إلا, normalized
EXCEPTIVE_REACH = 6  # ``لم يكتمل إخلاء عين الأسد إلا``: the trigger's object between it and إلا


def _words_before_quotes(toks: list[Token], first: int, reach: int) -> list[int]:
    """``words_before`` that reads through quotation marks: ``لا تستهدف "إشعال حرب"`` is one clause."""
    out = []
    j = first - 1
    while j >= 0 and len(out) < reach:
        if toks[j].text not in QUOTE_MARKS:
            if _is_break(toks[j]):
                break
            out.append(j)
        j -= 1
    return out


def _function_word(tok: Token) -> str:
    """A short function word as written, a leading و/ف taken off (``ولم`` → ``لم``)."""
    word = tok.norm
    return word[1:] if len(word) > 2 and word[:1] in ("و", "ف") else word


def denied(toks: list[Token], first: int) -> bool:
    """The trigger is what a denial verb before it denies (``نفى ... أي قرار بسحب``, ``نافية ... إخلائها``)."""
    c = lexicon.cues()
    for j in range(first - 1, max(first - DENIAL_REACH, 0) - 1, -1):
        if toks[j].text in STRONG_BREAKS or lexicon.bare(toks[j].norm) & c["clause_openers"]:
            return False
        if lexicon.bare(toks[j].norm) & c["denials"]:
            return True
    return False


def _cue_before(
    toks: list[Token], first: int, reach: int, cue: str, commas: bool = False, relatives: bool = True
) -> int | None:
    """The nearest token of the cue list ``cue`` before ``first`` in its clause, or None (with
    ``relatives`` False, the search stops at a relative pronoun: ``تطالب بتنفيذ قرار البرلمان الذي صوت``)."""
    for j in words_before(toks, first, reach, commas):
        if lexicon.is_cue(toks[j], cue):
            return j
        if not relatives and lexicon.is_cue(toks[j], "relatives"):
            return None
    return None


def demanded(toks: list[Token], first: int) -> bool:
    """Demanded or called for (``طالبت ... بمغادرة``, ``دعا إلى انسحاب``, ``الدعوات إلى``, ``مطالبين بإخراج``).

    A demand that is itself the content of an agreement or decision (``اتفقا على``) is not reached:
    the search stops at a complementizer (``طالب بأن`` still counts: the complementizer follows the demand).
    """
    return _cue_before(toks, first, DEMAND_REACH, "demand_cues", commas=True, relatives=False) is not None


def deliberated(toks: list[Token], first: int) -> bool:
    """Merely discussed or to be worked out (``مسودة قيد النقاش``, ``لبحث جدول زمني لإنهاء``, ``تحديد موعد انتهاء``)."""
    j = _cue_before(toks, first, DELIBERATION_REACH, "deliberation_cues", relatives=False)
    if j is None:
        return False
    # ``اتفقا على جدول زمني ينهي``: an agreed timetable is decided, not discussed
    return not any(lexicon.is_cue(toks[k], "agreed_words") for k in words_before(toks, j + 1, 4))


def possible(toks: list[Token], first: int, prefix: str, word: str) -> bool:
    """Only possible: ``قد`` before an imperfect verb (``قد تسحب``), ``ربما``, ``من المحتمل``, ``احتمال``."""
    before = words_before(toks, first, 4)
    if before and "قد" in lexicon.bare(toks[before[0]].norm) and imperfect(prefix, word):
        return True
    if any(lexicon.is_cue(toks[j], "exposure_words") for j in before[:EXPOSURE_REACH]):
        return True  # ``مكشوفة أمام هجوم``, ``عرضة لهجمات``, ``تحسبا لهجوم``: feared, not reported
    return any(lexicon.is_cue(toks[j], "possibility") for j in before)


def imperfect(prefix: str, word: str, strict: bool = False) -> bool:
    """An imperfect verb form (``تسحب``, ``ينسحب``): a present or future, not a past.

    ``strict``: four-letter forms in ت (``تأسس``, ``تشكل``, ``تسلم``) may be perfects of تفعّل and do not count.
    """
    if prefix.endswith("س") or len(word) < 3:
        return False
    if word[:1] == "ي":  # يصوت, ينسحب: a perfect never starts with ي
        return True
    perfect = word.endswith("وا") or word.endswith("ت") and not word.endswith("ات")  # نشرت, تسلمت
    if len(word) < 4:
        return False  # نقل, نشر: a perfect (ننقل, تنقل are the imperfects)
    return word[:1] in ("ت", "ن") and not perfect and not (strict and len(word) <= 4)


def present_verb(prefix: str, word: str) -> bool:
    """An unambiguous present-tense verb (``ينسحب``, ``تغادر`` whose ي-form the lexicon lists too), not a
    verbal noun (``تقليص``, ``تموضع``) nor a form that is also a perfect (``تسلم``)."""
    if "ال" in prefix or not imperfect(prefix, word, strict=True):
        return False
    return word[:1] == "ي" or ("ي" + word[1:]) in lexicon.trigger_rules()


def planned_in_a_plan(toks: list[Token], first: int, prefix: str) -> bool:
    """The aim of a plan or timetable (``خطة إعادة التموضع``, ``خطة التحالف لتقليص``, ``جدول زمني لانسحاب``),
    unless the plan is the thing agreed (``اتفقا على جدول زمني لانسحاب``: a planned event of its own)."""
    j = next((j for j in words_before(toks, first, PLAN_REACH) if lexicon.is_cue(toks[j], "plan_names")), None)
    if j is None or not (j == first - 1 or lexicon.lam_prefix(prefix)):
        return False
    return not any(lexicon.is_cue(toks[k], "agreed_words") for k in words_before(toks, j + 1, 6))


def hypothetical_subject(toks: list[Token], last: int) -> bool:
    """The subject of what might follow (``انسحاب التحالف من الإقليم قد يفتح الباب``, ``الانسحاب سيترك
    المناطق مكشوفة``, ``إتمام الانسحاب سيعزز موقف الحكومة``): discussed, not reported."""
    for j in range(last + 1, min(last + 1 + HYPOTHESIS_REACH, len(toks) - 1)):
        if toks[j].text in STRONG_BREAKS or _is_break(toks[j]) or lexicon.is_cue(toks[j], "complementizers"):
            return False
        if toks[j].norm == "قد" and imperfect("", toks[j + 1].norm):
            return True
        if lexicon.is_cue(toks[j], "consequence_verbs"):
            return True  # ``الانسحاب سيترك المناطق مكشوفة``: what it would cause, not a report of it
    return False


def opinion(toks: list[Token], first: int) -> bool:
    """What an event is said to mean (``مغادرة القوات تعني نهاية الوجود``): an interpretation, no report of it."""
    return any(lexicon.is_cue(toks[j], "interpretation_verbs") for j in words_before(toks, first, 3))


def rumoured(toks: list[Token], first: int) -> bool:
    """The object of a rumour or unconfirmed report (``أنباء عن انسحاب``, ``ما تداولته مواقع عن``)."""
    return _cue_before(toks, first, RUMOUR_REACH, "rumour_cues") is not None


def postponed(toks: list[Token], first: int) -> bool:
    """Postponed (``تأجيل تسليم``, ``أرجئت مراسم تسليم``): planned, for the new date if one is given."""
    return _cue_before(toks, first, POSTPONE_REACH, "postponements") is not None


def denies_rumour(toks: list[Token], last: int) -> bool:
    """A denial whose object is a rumour (``نفى ... ما تداولته وسائل إعلام``): no statement of its own."""
    return any(lexicon.is_cue(t, "rumour_cues") for t in toks[last + 1 : last + 1 + RUMOUR_REACH])


def _media_object(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """The verb's object is a message, not troops (``نشرت القوات الأمريكية بيانا``, ``أرسلت رسالة``), or
    it quotes (``نقلت عن مصادر``): a look-alike of a movement."""
    if m.last + 1 < len(toks) and lexicon.is_cue(toks[m.last + 1], "quoting_preps"):
        return True
    for j in range(m.last + 1, min(m.last + 1 + MEDIA_REACH, len(toks))):
        if _is_break(toks[j]):
            return False
        if lexicon.is_cue(toks[j], "media_objects"):
            before = toks[j - 1].norm if j > m.last + 1 else ""
            bare_object = any(stem in lexicon.cues()["media_objects"] and "ب" not in prefix for prefix, stem in lexicon.stems(toks[j].norm))
            return bare_object and before not in ("في", "عبر", "ضمن")  # not ``في بيان``, ``ببيان``
    return False


def _civil(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """A civil look-alike of a movement: its object is a vote, an envoy, money or an office (``سحب الثقة``,
    ``سحب سفيرها``, ``تسلم مهامه``), or it leaves an election, a union or a contest (``انسحابه من الانتخابات``)."""
    after = toks[m.last + 1 : m.last + 3]
    for tok in toks[m.last + 1 : m.last + 1 + CIVIL_REACH]:  # ``تسلم الوزير الجديد مهامه``: past a subject
        if _is_break(tok) or lexicon.is_cue(tok, "base_words") or lexicon.is_cue(tok, "troop_words"):
            break
        if lexicon.is_cue(tok, "civil_objects"):
            return True
    return len(after) == 2 and lexicon.bare(after[0].norm) & {"من"} and lexicon.is_cue(after[1], "civil_bodies")


def _document(toks: list[Token], first: int) -> bool:
    """The trigger names a document (``نص البيان المشترك``, ``نسخة من الاتفاق``), not the event."""
    j = first - 1
    if j > 0 and lexicon.bare(toks[j].norm) & {"من"}:
        j -= 1
    return j >= 0 and lexicon.is_cue(toks[j], "document_words")


def judge(toks: list[Token], m: lexicon.TriggerMatch, words: tuple[str, ...], type_: str) -> str | None:
    """``DROP`` (not an event), ``PLANNED`` (postponed, so planned) or None (an event; status from its date)."""
    c = lexicon.cues()
    first = m.first
    if words[0] not in c["negations"] and negated(toks, first):
        return DROP
    if type_ == "announcement":
        return DROP if _no_statement(toks, m, words) else None
    if denied(toks, first) or rumoured(toks, first) or demanded(toks, first) or deliberated(toks, first):
        return DROP
    if possible(toks, first, m.prefix, words[0]) or hypothetical_subject(toks, m.last) or opinion(toks, first):
        return DROP
    before = words_before(toks, first, 3)
    if before and (lexicon.is_cue(toks[before[0]], "generic_before") or lexicon.is_cue(toks[before[0]], "cancellations")):
        return DROP
    if any(lexicon.is_cue(toks[j], "refusals") for j in words_before(toks, first, REFUSAL_REACH)):
        return DROP  # ``رفض الجيش الأمريكي تأكيد انسحابه``, ``امتنع عن تسليم``: refused, not done
    for j in before:
        if lexicon.is_cue(toks[j], "threats") or lexicon.is_cue(toks[j], "conditionals") and (
            toks[j].norm not in ("حال",) or (j > 0 and toks[j - 1].norm == "في")
        ):
            return DROP
    if type_ in ("withdrawal", "handover", "redeployment") and _civil(toks, m):
        return DROP  # سحب الثقة, سحب سفيرها, انسحابه من الانتخابات, تسلم مهامه: not troops or a base
    if TYPES[type_].purpose and _media_object(toks, m):
        return DROP  # نشرت القوات بيانا, نقلت الصحيفة عن مصادر: a message published or quoted, not troops moved
    if type_ == "agreement" and _document(toks, first):
        return DROP  # نص الاتفاقية, نسخة من الاتفاق: the document, named in passing, not the agreement reached
    if first > 0 and lexicon.is_cue(toks[first - 1], "plan_heads") and "ال" in m.prefix:
        return DROP  # خطة الانسحاب, موعد الانسحاب: the name of a plan or a deadline, not the event
    if lexicon.lam_prefix(m.prefix) and any(
        lexicon.is_cue(toks[j], "body_names") and not _verb_between(toks, j + 1, first) for j in words_before(toks, first, PLAN_REACH + 1)
    ):
        return DROP  # اللجنة العسكرية العليا لإنهاء مهمة التحالف: the name of a body, not an event
    if planned_in_a_plan(toks, first, m.prefix):
        return DROP  # خطة إعادة التموضع, ضمن خطة التحالف لتقليص مواقعه: what a plan is for
    if first > 0 and lexicon.is_cue(toks[first - 1], "relatives") and imperfect(m.prefix, words[0], strict=True):
        return DROP  # القواعد التي يخليها التحالف: a description or a habit, not an event
    if type_ == "withdrawal" and any(lexicon.is_cue(t, "political_subjects") for t in toks[m.last + 1 : m.last + 3]):
        return DROP  # انسحاب كتلة نيابية من الجلسة: a walk-out, not troops
    if postponed(toks, first):
        return PLANNED
    return None


def _verb_between(toks: list[Token], lo: int, hi: int) -> bool:
    """A future verb or an agenda verb among tokens ``lo..hi-1`` (``هيئة الرئاسة ستطرح القانون للتصويت``): the
    body is a subject there, and the ل its verb's complement, not the purpose in a body's name."""
    for tok in toks[lo:hi]:
        word = tok.norm[1:] if tok.norm[:1] in ("و", "ف") else tok.norm
        if len(word) > 3 and word[0] == "س" and word[1] in ("ي", "ت", "ن") or lexicon.is_cue(tok, "agenda_verbs"):
            return True
    return False


def _no_statement(toks: list[Token], m: lexicon.TriggerMatch, words: tuple[str, ...]) -> bool:
    """A speech verb that is no statement of its own: it cites a source (``بحسب ما أعلنت``, ``كشفت
    مصادر``), is a relative clause's verb (``أعلنته``), or denies a rumour."""
    c = lexicon.cues()
    before = words_before(toks, m.first, 3)
    if before and toks[before[0]].norm in c["attributions"]:
        return True
    if any(lexicon.is_cue(t, "report_subjects") for t in toks[m.last + 1 : m.last + 3]):
        return True
    rest = toks[m.last].norm[len(m.prefix) :] if m.first == m.last else toks[m.last].norm
    if rest != words[-1] and rest.endswith(("ه", "ها")):
        return True  # أعلنته / تعلنه: an object pronoun, the verb of a relative clause
    return bool(set(words) & c["denials"]) and denies_rumour(toks, m.last) and not official_denial(toks, m.last)


def official_denial(toks: list[Token], last: int) -> bool:
    """Is a denial's subject, its first word after the verb, a state body or its voice (``نفت قيادة العمليات المشتركة
    ما تداولته صفحات``)? Round 11: a state body's denial is a statement of its own (docs/ANNOTATION.md, round 8)."""
    head = next((t for t in toks[last + 1 : last + 1 + RUMOUR_REACH] if any(ch.isalpha() for ch in t.text)), None)
    return head is not None and lexicon.is_listed(head, "official_heads", STATEMENT_CUES)


STATEMENT_CUES = "event_statement_cues.json"  # the state bodies that speak (``analysis.events.statements``)


def starting_point(toks: list[Token], first: int, prefix: str) -> bool:
    """Does the trigger at ``first`` name the point where something else began (an event that is over) or,
    after ``حتى``, the point it goes on until (its status is its own date's)?

    ``بدأت مع الغزو`` (the start verb's ``مع``; its ``بـ`` only after a relative, ``الوجود الذي بدأ بغزو 2003``:
    ``بدأت القوات بنقل`` is began doing it), ``منذ انطلاق الحوار`` (right after
    ``منذ``), ``صفحة بدأت قبل اثني عشر عاماً حين تشكل التحالف`` (a ``حين`` clause after the start verb):
    the start verb tells that the series, the presence or the chapter goes on, not the trigger.
    """
    c = lexicon.cues()
    before = words_before(toks, first, START_POINT_REACH, commas=False)
    prev = toks[first - 1] if first > 0 else None
    if prev is not None and (lexicon.is_cue(prev, "since_words") or prev.norm in c["end_point_words"]):
        return True  # ``منذ القصف``; ``سيستمر حتى نهاية المرحلة الثانية``: the end point, not what goes on until it
    if prev is not None and prev.norm in c["start_nouns"] and first > 1 and lexicon.is_cue(toks[first - 2], "since_words"):
        return True  # ``منذ انطلاق الحوار``: since the dialogue was launched
    if prev is not None and prev.norm in c["start_point_preps"]:  # not ``بدأت بنقل عناصرها``: began doing it
        return any(lexicon.is_cue(toks[j], "start_words") for j in before[1:4])
    if prev is not None and prev.norm in c["when_words"]:
        reach = [j for j in range(first - 2, max(first - START_POINT_REACH - 2, -1), -1) if toks[j].text not in STRONG_BREAKS]
        return any(lexicon.is_cue(toks[j], "start_words") for j in reach)
    if prefix.lstrip("وف").startswith("ب") and prev is not None and lexicon.is_cue(prev, "start_words"):
        # ``الوجود العسكري الذي بدأ بغزو 2003``: what the relative clause says began with it
        return first > 1 and lexicon.is_cue(toks[first - 2], "relatives")
    return False


def begun_predicate(toks: list[Token], first: int, prefix: str) -> bool:
    """Is the trigger the subject of a start verb after it (``وأن انسحاب عناصر التحالف من المقر بدأ فعلاً``)?

    After a complementizer (``أن``, ``إن``) a verbal noun opens a nominal clause whose verb follows its
    complements; ``بدأ`` there says the happening has begun and goes on. Not a relative ``الذي بدأ`` (when
    it began: ``الغزو الذي بدأ في آذار 2003``)."""
    if first == 0 or prefix.strip("وف") or not lexicon.is_cue(toks[first - 1], "complementizers"):
        return False
    for j in range(first + 1, min(first + 1 + BEGUN_REACH, len(toks))):
        tok = toks[j]
        if _is_break(tok) or tok.text in QUOTE_MARKS or lexicon.is_cue(tok, "relatives"):
            return False
        if lexicon.is_cue(tok, "start_words"):
            return True
    return False
