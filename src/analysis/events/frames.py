"""Frames around a trigger: an event named inside another report's frame, and what a text or a plan says.

docs/ANNOTATION.md, "Events" (the writers' sets and the dev gold annotate them this way):

* an event inside a temporal frame (``عقب الضربات الأمريكية التي طالت مواقع``, ``إثر ضربة أمريكية``, ``بعد
  أقل من أسبوع على الغارات``) is an event of its own: it is kept apart from the main clause's event of the
  same type (``framed``), and neither dates the other (background triggers take no inherited date);
* a process named as the frame of a past report and said to be of that time (``ضمن إعادة تموضع للتحالف
  آنذاك``) is an event, not a process named in passing (``then_frame``; undated, as the writers leave it);
* what is said not to have happened (``من دون التصويت``, ``من دون أن تعلن أي هجوم``), what a vow lasts until (``ستواصل عملياتها حتى خروج آخر جندي``), what talks are to regulate (``حوار ينظم
  إنهاء مهمة التحالف``), the end point of a plan (``وصولا إلى إنهاء المهمة``), what a text includes (``بما
  يتضمن سحب القوات``), what a resolution, a bill or a demand asks with بـ (``قرار البرلمان الصادر عام 2020
  بإخراج القوات``) and the terms of a bill or a timetable (``المدد الزمنية لمغادرة القوات``) are content, not events (``content``): no actor states an intention or a schedule;
* an undated event named as the point before or after which a plan is to happen (``ستكون جاهزة لتسلم
  المسؤوليات بعد خروج التحالف``) stays an event: writers A, E and F annotate it (planned), H and I do not,
  so no convention holds to suppress it.

Cue words: ``data/event_frame_cues.json``.
"""

from __future__ import annotations


from analysis.events import lexicon
from analysis.events.modality import STRONG_BREAKS, present_verb, words_before
from analysis.events.triggers import Trigger, past_verb
from analysis.text import Token

FRAME_CUES = "event_frame_cues.json"
COUNTED_REACH = 6  # ``بعد أقل من أسبوع على الغارات``: from the frame word to على/من
THEN_REACH = 5  # ``ضمن إعادة تموضع للتحالف آنذاك``: the frame's event and its modifiers, then آنذاك
CONTENT_REACH = 2  # ``حوار ينظم إنهاء``, ``وصولا إلى إنهاء``: the content word and a preposition
COORD_CONTENT_REACH = 7  # ``بما يتضمن سحب القوات الأجنبية وتسليم القواعد``: a trigger joined by و to the content
TERM_REACH = 3  # ``بالمدد الزمنية لمغادرة``: the term noun, its adjective, the trigger with لـ
RESOLUTION_REACH = 10  # ``قرار البرلمان الصادر مطلع 2020 بإخراج``: head, body, participle and a date
WITHOUT_REACH = 4  # ``من دون أن يتضمن موعدا محددا لانسحاب``: دون, أن, the verb, its object
ANY_BREAK = frozenset({"،", ",", ".", "؛", ";", ":", "؟", "!", "(", ")"})


def frame_cues() -> dict[str, frozenset[str]]:
    """The word lists of ``event_frame_cues.json``, normalized."""
    return lexicon.word_lists(FRAME_CUES)


def _cue(tok: Token, name: str) -> bool:
    """Is ``tok`` (clitics taken off) a word of the frame list ``name``?"""
    return lexicon.is_listed(tok, name, FRAME_CUES)


def verbal_noun(trig: Trigger) -> bool:
    """A trigger that is no finite verb (``انسحاب``, ``الضربات``): only a noun can be framed or be content."""
    m = trig.match
    return not (past_verb(m) or present_verb(m.prefix, m.rule.words[0]) or m.prefix.endswith("س"))


def frame_word(toks: list[Token], trig: Trigger) -> int | None:
    """The index of the temporal frame word (``بعد``, ``عقب``, ``إثر``, ``قبل``, ``منذ``) that governs the
    verbal noun ``trig``: right before it, or before a counted period linked by على/من (``بعد تسعة أيام من
    إعلان``); None when there is none."""
    i = trig.first
    if i == 0 or not verbal_noun(trig):
        return None
    if _cue(toks[i - 1], "temporal_frames"):
        return i - 1
    if toks[i - 1].norm not in frame_cues()["frame_counters"]:
        return None
    for j in range(i - 2, max(i - 2 - COUNTED_REACH, -1), -1):
        if toks[j].text in ANY_BREAK:
            return None
        if _cue(toks[j], "temporal_frames"):
            return j
    return None


def framed(toks: list[Token], trig: Trigger) -> bool:
    """Is ``trig`` an event named inside a temporal frame (``عقب الضربات``, ``بعد أقل من أسبوع على الغارات``)?"""
    return frame_word(toks, trig) is not None


def then_frame(toks: list[Token], trig: Trigger) -> bool:
    """``ضمن إعادة تموضع للتحالف آنذاك``, ``ضمن عملية إعادة تموضع شملت حينها``: a frame noun said to be of the
    time of the report it frames (a then-word in its phrase) happened then; it is an event."""
    for j in range(trig.last + 1, min(trig.last + 1 + THEN_REACH, len(toks))):
        if toks[j].text in ANY_BREAK:
            return False
        if _cue(toks[j], "then_words"):
            return True
    return False


def content(toks: list[Token], trig: Trigger, value: str | None) -> bool:
    """Is the verbal noun ``trig`` (its date ``value``) what a vow, talks, a plan, a text, a resolution or a
    record says rather than an event (see the module docstring)?"""
    i = trig.first
    if without(toks, i):
        return True  # ``من دون التصويت``, ``من دون أن تعلن أي هجوم``: did not happen
    if not verbal_noun(trig):
        return False
    if trig.timex is not None and trig.timex.first > trig.last:
        return False  # ``المرحلة الثانية تتضمن مغادرة القوات أربيل في أيلول``: a date of its own, a planned event
    if _cue(toks[i], "target_phrases") and i + 1 < len(toks) and toks[i + 1].norm in ("الي", "إلى", "الى"):
        return True  # ``وصولا إلى``: the adverb, no arrival
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and value is None and _cue(prev, "end_points"):
        return True  # ``حتى خروج آخر جندي``: what a vow lasts until
    near = words_before(toks, i, COORD_CONTENT_REACH if trig.match.prefix.startswith("و") else CONTENT_REACH)
    if any(_cue(toks[j], name) for j in near for name in ("regulating_verbs", "target_phrases", "inclusion_verbs")):
        return True  # ``حوار ينظم إنهاء``, ``وصولا إلى إنهاء``, ``بما يتضمن سحب``
    if prev is not None and _cue(prev, "term_heads"):
        return True  # ``مهلة انسحاب القوات``
    if lexicon.lam_prefix(trig.match.prefix) and any(_cue(toks[j], "term_heads") for j in words_before(toks, i, TERM_REACH)):
        return True  # ``بالمدد الزمنية لمغادرة القوات``
    return resolution_content(toks, trig)


def without(toks: list[Token], first: int) -> bool:
    """``انتهت الجلسة من دون التصويت``, ``من دون أن يتضمن موعدا محددا لانسحاب``: a trigger after دون/بدون in its
    clause is what did not happen."""
    return any(_cue(toks[j], "without_words") for j in words_before(toks, first, WITHOUT_REACH))


def resolution_content(toks: list[Token], trig: Trigger) -> bool:
    """``قرار البرلمان الصادر مطلع 2020 بإخراج القوات``, ``مشروع قانون بإنهاء الوجود``: a بـ verbal noun after a
    bill or a demand, or after a resolution with a legislature named, in one stretch with no verb clause between."""
    if not trig.match.prefix.lstrip("وف").startswith("ب"):
        return False
    legislature = False
    for j in range(trig.first - 1, max(trig.first - 1 - RESOLUTION_REACH, -1), -1):
        tok = toks[j]
        if tok.text in STRONG_BREAKS or tok.text in ("،", ",") or lexicon.is_cue(tok, "complementizers") or lexicon.is_cue(tok, "relatives"):
            return False
        legislature = legislature or _cue(tok, "legislature_words")
        if _cue(tok, "resolution_heads"):
            return legislature or _cue(tok, "demand_heads")
    return False
