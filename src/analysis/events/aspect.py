"""What the words around a trigger say of its aspect: begun and going on, set for a date, or over.

Round 8 (issue 8, status accuracy): cues read by ``analysis.events.triggers`` into a trigger's status flags
and by ``analysis.events.attributes.event_status``. Conventions: docs/ANNOTATION.md, "Events" (Status).
"""

from __future__ import annotations

from collections.abc import Callable

from analysis.events import lexicon, modality
from analysis.text import Token, normalize

CONTINUING_REACH = 8  # ``بدأت قوات التحالف الدولي، خلال الأيام الماضية، تقليص``: words, not counting commas or a date
CONTINUING_SPAN = 16  # at most this many tokens back, commas and dates included
APPOINTED_REACH = 4  # ``الموعد المحدد لانتهاء``, ``موعد أيلول 2026 لانتهاء``
SCHEDULED_REACH = 16  # ``تسليم الطائرات المسيرة الاستطلاعية ... لا يزال مقررا``
ASPECT = "event_aspect_cues.json"  # the word lists of this module
SINCE_CLAUSE = frozenset(normalize(w) for w in ("أن", "ما"))  # ``منذ أن تعرضت``, ``منذ ما``
BEFORE_CLAUSE = normalize("أن")  # ``قبل أن يعود``
HISTORY_REACH = 40  # the narrative before ``قبل أن``: words back to the sentence's start
SEQUEL_REACH = 16  # ``ستسلم إلى القوة الجوية العراقية في غضون أسبوعين، بعد إخلاء``: the future verb this far before بعد
CHAIN_REACH = 10  # ``قبل أن تنسحب من قصر البصرة إلى المطار ثم تغادر``: a verb chained by ثم this far after أن


def future_form(tok: Token) -> bool:
    """A verb with the future prefix سـ (``سيجري``, ``ستستمر``, ``وسيكتمل``)."""
    word = tok.norm[1:] if tok.norm[:1] in ("و", "ف") else tok.norm
    return len(word) > 3 and word[0] == "س" and word[1] in ("ي", "ت", "ن")


def continuing_before(toks: list[Token], first: int, in_date: Callable[[Token], bool]) -> bool:
    """A continuing word (``بدأت``, ``لا تزال``, ``تواصل``) before the trigger in its clause, the nearest aspect
    word: a future word nearer the trigger wins (``لا تزال عمليات الإخلاء جارية، ومن المقرر تسليمها``: the
    handover is planned), and أن/إن opens a clause of its own. Commas and the words of a date (``in_date``) do not count against the reach
    (``بدأت القوات، الأحد الماضي، نقل``)."""
    counted = 0
    for j in modality.words_before(toks, first, CONTINUING_SPAN, commas=True):
        tok = toks[j]
        if tok.text in ("،", ",") or in_date(tok):
            continue  # ``خلال الأيام الماضية``: a date's words are no aspect (ماضية is also "going ahead")
        if lexicon.is_listed(tok, "sequel_words", ASPECT):
            return False  # ``سيستمر التعاون بعد انتهاء مهمة التحالف``: what goes on is not the event after بعد
        if lexicon.is_cue(tok, "continuing_words") or completing(toks, j):
            return True
        if lexicon.is_cue(tok, "future_words") or future_form(tok) or lexicon.is_cue(tok, "complementizers"):
            return False  # ``بدأ فعلاً، وأن نحو نصف الأفراد غادروا``: a clause of its own
        counted += 1
        if counted >= CONTINUING_REACH:
            break
    return False


def completing(toks: list[Token], j: int) -> bool:
    """``تستكمل القوات مغادرة بغداد``, ``مهلة لإكمال إخلاء المستودعات``: what is being completed is going on;
    not what is to be completed (``ستكمل انسحابها``, ``على أن يستكمل``, ``من المتوقع أن تستكمل``)."""
    tok = toks[j]
    if tok.norm in lexicon.word_lists(ASPECT)["completing_purposes"]:
        return True
    if future_form(tok) or not lexicon.is_listed(tok, "completing_verbs", ASPECT):
        return False
    return not any(lexicon.is_cue(toks[k], "complementizers") or lexicon.is_cue(toks[k], "future_words") for k in range(max(j - 2, 0), j))


def since_start_point(toks: list[Token], first: int) -> bool:
    """``منذ أن تعرضت لهجوم``, ``منذ إعلان انتهاء المهمة``: منذ names the point something began, an event
    that is over; or a verb that says it took place governs the trigger (``منذ أيلول، جرى تسليم``)."""
    for j in range(max(first - 4, 0), first):
        if lexicon.is_cue(toks[j], "since_words") and j + 1 < first and toks[j + 1].norm in SINCE_CLAUSE:
            return True
    if first > 1 and lexicon.is_listed(toks[first - 1], "since_points", ASPECT) and lexicon.is_cue(toks[first - 2], "since_words"):
        return True  # ``منذ إعلان انتهاء المهمة القتالية``: since it was announced, an event that is over
    return happened_before_since(toks, first)  # ``جرى تسليم``: a verb of taking place governs the trigger


def happened_before_since(toks: list[Token], since: int) -> bool:
    """``شهدت منذ آب الماضي نقل``, ``جرى منذ أيلول تسليم``: a verb of taking place right before منذ-date."""
    return since > 0 and lexicon.is_cue(toks[since - 1], "followed_verbs")


def launched(toks: list[Token], first: int, in_date: Callable[[Token], bool]) -> bool:
    """``أطلقت القوات، فجر اليوم، عملية``, ``انطلقت اليوم عملية``: an operation launched by the main verb of its
    clause (the trigger or a verb before it; not ``التي انطلقت في أيار``, ``كانت العملية قد انطلقت``): it goes on."""
    verb = first if lexicon.is_listed(toks[first], "operation_launches", ASPECT) else None
    counted = 0
    for j in [] if verb is not None else modality.words_before(toks, first, CONTINUING_SPAN, commas=True):
        if lexicon.is_listed(toks[j], "operation_launches", ASPECT):
            verb = j
            break
        if toks[j].text in ("،", ",") or in_date(toks[j]):
            continue
        counted += 1
        if counted >= CONTINUING_REACH:
            return False
    if verb is None:
        return False
    for j in modality.words_before(toks, verb, 2):
        if lexicon.is_cue(toks[j], "relatives") or lexicon.is_cue(toks[j], "was_words") or toks[j].norm in ("قد", "وقد"):
            return False
    return True


def appointed(toks: list[Token], first: int, in_date: Callable[[Token], bool]) -> bool:
    """``موعد انتهاء المهمة``, ``الموعد المحدد لانتهاء``, ``موعد أيلول 2026 لانتهاء``: the event named by the date
    set for it, which is planned (docs/ANNOTATION.md, "Events")."""
    for j in modality.words_before(toks, first, APPOINTED_REACH):
        tok = toks[j]
        if lexicon.is_listed(tok, "appointed_words", ASPECT):
            return True
        if not (lexicon.is_listed(tok, "appointment_fillers", ASPECT) or in_date(tok)):
            return False
    return False


def scheduled_after(toks: list[Token], last: int) -> int | None:
    """``تسليم الطائرات ... لا يزال مقررا في الربع الأول``, ``المرحلة الثانية، المقررة نهاية الشهر``, ``الزيارة التي كان
    مقررا أن``: the index of a participle of scheduling after the trigger, in its sentence part (None if none)."""
    for j in modality.words_after(toks, last, SCHEDULED_REACH):
        if lexicon.is_cue(toks[j], "scheduled_words"):
            return None if lexicon.is_listed(toks[j - 1], "from_words", ASPECT) else j  # ``، ومن المقرر تسليمها``: the next verb's
        if lexicon.is_cue(toks[j], "clause_openers") or lexicon.is_cue(toks[j], "complementizers"):
            return None
    return None


def deadline_date(toks: list[Token], timex_first: int | None) -> bool:
    """The trigger's date is a deadline (``بحلول نهاية العام``, ``في موعد أقصاه``): what is due by it is planned.
    The marker stands before the timex or opens it (a timex that took ``بحلول`` in)."""
    if timex_first is None:
        return False
    if toks[timex_first].norm in lexicon.word_lists(ASPECT)["deadline_markers"]:
        return True
    return timex_first > 0 and lexicon.is_listed(toks[timex_first - 1], "deadline_markers", ASPECT)


def history_before(toks: list[Token], first: int) -> bool:
    """``وكانت القاعدة قد استقبلت القوات ... حتى 2011، قبل أن يعود إليها مستشارو التحالف``, ``تعرضت القوات لهجمات
    بين 2005 و2007، قبل أن تنسحب ... ثم تغادر``: the verb of a قبل أن clause (or one chained to it by ثم) after a
    past narrative (a year, كانت or قد, and no future word) tells history, which occurred; not ``ستسلم القاعدة
    قبل أن تغادر القوات`` nor ``يجب تسليمها قبل أن تنسحب``."""
    before = _before_that(toks, first)
    if before is None:
        return False
    history = False
    for j in modality.words_back(toks, before, HISTORY_REACH):
        tok = toks[j]
        if lexicon.is_cue(tok, "future_words") or future_form(tok) or lexicon.is_cue(tok, "scheduled_words"):
            return False
        if lexicon.is_listed(tok, "history_markers", ASPECT) or lexicon.is_cue(tok, "past_words") or _year(tok):
            history = True
    return history


def _before_that(toks: list[Token], first: int) -> int | None:
    """The index of ``قبل`` in ``قبل أن`` right before the trigger or before the verb it is chained to by ثم."""
    if first >= 2 and toks[first - 1].norm == BEFORE_CLAUSE and lexicon.is_listed(toks[first - 2], "before_words", ASPECT):
        return first - 2
    if first < 1 or not lexicon.is_listed(toks[first - 1], "chain_words", ASPECT):
        return None
    for j in modality.words_before(toks, first - 1, CHAIN_REACH):
        if j >= 1 and toks[j].norm == BEFORE_CLAUSE and lexicon.is_listed(toks[j - 1], "before_words", ASPECT):
            return j - 1
    return None


def _year(tok: Token) -> bool:
    """A year written in digits (``2011``, ``و2007``), the mark of a date told in the past or the future."""
    digits = tok.text.lstrip("وب")
    return len(digits) == 4 and digits.isdigit() and digits[:2] in ("19", "20")


def planned_sequel(toks: list[Token], first: int) -> bool:
    """``ستسلم القاعدة في غضون أسبوعين، بعد إخلاء آخر المستشارين``: an undated event right after بعد/عقب whose
    sentence has a future verb before it, nearest of the aspect words, is still to come; not ``غادرت القوات
    بعد إخلاء القاعدة``, ``وكانت قد انسحبت بعد إخلاء`` nor after a frame (``ستزال ... في إطار تقليص الوجود بعد
    انتهاء المهمة``: the end is the frame's background)."""
    if first < 1 or not lexicon.is_listed(toks[first - 1], "sequel_words", ASPECT):
        return False
    for j in modality.words_back(toks, first - 1, SEQUEL_REACH):
        tok = toks[j]
        if lexicon.is_cue(tok, "future_words") or future_form(tok):
            return True
        if lexicon.is_listed(tok, "history_markers", ASPECT) or lexicon.is_cue(tok, "past_words") or _year(tok):
            return False
        if lexicon.is_cue(tok, "background_before"):
            return False  # ``ستزال ... في إطار تقليص الوجود بعد انتهاء المهمة``: بعد belongs to the frame's noun
    return False
