"""The last screen before a dated trigger becomes an event: is it something the timeline shows?

Once a trigger has its date (``dating.assign_dates``) some reports turn out to name an event only
in passing or to say nothing datable (docs/ANNOTATION.md, "Events"):

* a speech verb that only reports an event (``أكدت الوزارة انسحاب القوات``): the type follows the
  happening, the verb lent the event its date and is no event itself;
* weak triggers (``DATED_RULES``: دحر, جولة, تأسس) count only when dated, never as an aim (``لهزيمة``);
  talks said to go on now (``تجري دمشق وواشنطن مباحثات``) count undated;
* the thing agreed (``اتفقا على إنهاء المهمة``) is an event of its own only with its deadline;
* a postponement with no new date (``تأجيل التصويت``) puts nothing on the timeline;
* a stay until a date that became a withdrawal's deadline is not an event of its own;
* a speech verb that carries on the same report (``وأكد``, ``كما أكد``), a definite noun that points
  back to a statement (``جدية الإعلان``) or an undated one in a background phrase (``بعد أيام من إعلان
  البيت الأبيض``, or the event a period is counted from: ``في غضون مئة يوم من إعلان القرار``) is no new statement;
* an agreement named in passing (``بموجب المرحلة الثانية من الاتفاق``, ``وفقا للاتفاق``) with no date;
* a war named as the backdrop (``على خلفية الحرب في قطاع غزة``, ``منذ اندلاع الحرب``) with no date;
* an undated process named as the frame of a report (``في إطار إعادة تموضع القوات``, ``ضمن انسحاب``);
* repeated attacks over a vague past period (``تعرضت خلال السنوات الماضية لهجمات``): a background, not an event;
* an agreement already in force named as a ground or a limit (``يستند إلى الاتفاق``, ``محكوم باتفاقية``, ``رغم
  الاتفاق``, ``يتجاوز التفاهم``, ``بشأن مذكرة التفاهم``), unless its own date follows in the same stretch;
* the era after an event (``لما بعد انتهاء مهمة التحالف``) and an event pointed back to by a demonstrative
  (``ذلك الانسحاب``): a frame or a back-reference, not a new report;
* the title of a bill (``مشروع قانون "إخراج القوات"``) and what a resolution or bill obliges (``ألزم الحكومة
  بالعمل على إنهاء وجود القوات``): content, not events;
* what a vow, talks, a plan, a text or a bill says, or what did not happen (``حتى خروج آخر جندي``, ``حوار ينظم
  إنهاء المهمة``, ``من دون التصويت``), and a frame noun of a past report unless it is of that time
  (``ضمن إعادة تموضع آنذاك`` stays): ``events.frames``;
* a paragraph of a news round-up on another subject (``وفي الرياضة، أعلن نادي``, ``اقتصاديا، أعلنت وزارة
  المالية``) that names no forces, base or security (``roundup_paragraph``; cue lists in ``data/event_screen_cues.json``).
"""

from __future__ import annotations


from analysis.events import lexicon
from analysis.events.frames import content, then_frame
from analysis.events.rules import DATED_RULES
from analysis.events.modality import present_verb, words_before
from analysis.events.triggers import Trigger, past_verb
from analysis.text import Token, normalize, split_clitics, tokens

SCREEN_CUES = "event_screen_cues.json"
REFERENCE_REACH = 3  # ``يستند إلى الاتفاق``: the cue, a preposition, the agreement noun
OBLIGATION_REACH = 16  # ``إلزام الحكومة بإخراج جميع القوات الأجنبية خلال سنة من تاريخ نفاذه، وإغلاق القواعد``
QUOTES = frozenset('"“”«»')
BREAKS = frozenset({"،", ",", ".", "؛", ";", ":", "؟", "!"})  # a date after one of these is another clause's
OPENER_WORDS = 4  # the longest round-up opener (``في الشأن المحلي``) and its comma


def definite(trigger: str) -> bool:
    """A trigger noun with the article (``التسليم``, ``والانسحاب``, ``بالهجمات``, ``للاتفاق``)."""
    word = normalize(trigger.split()[0])
    return split_clitics(word, prepositions="بك", bare_prepositions=False, min_stem=0, exceptions=False).definite


def on_timeline(trig: Trigger, value: str | None, toks: list[Token], surface: str) -> bool:
    """Does the dated trigger ``trig`` (its date ``value``, its text ``surface``) go on the timeline?"""
    if trig.reporter and not trig.news:
        return False
    if trig.rule in DATED_RULES and (value is None or lexicon.lam_prefix(trig.match.prefix)):
        if not (trig.rule == "talks" and value is None and trig.ongoing):  # ``تجري دمشق وواشنطن مباحثات``: going on now
            return False
    if value is None and (trig.content or trig.postponed):
        return False
    if trig.absorbed:
        return False
    if value is None and trig.first > 0 and lexicon.is_cue(toks[trig.first - 1], "frame_words") and "ال" not in trig.match.prefix:
        if not then_frame(toks, trig):  # ``ضمن إعادة تموضع للتحالف آنذاك``: of that time, an event (events.frames)
            return False  # ``في إطار إعادة تموضع القوات``: the process a report belongs to, named in passing
    if trig.type == "announcement" and value is None and (continues_report(toks, trig) or definite(surface) or trig.background):
        if not (trig.rule == "stance" and not trig.background):  # ``ودانت الخارجية الهجوم``: a reaction of its own
            return False
    if trig.type == "announcement" and _points_back(trig, surface):
        return False
    if trig.type == "agreement" and value is None and trig.reference:
        return False
    if trig.type == "agreement" and cites_agreement(toks, trig):
        return False  # ``يستند إلى الاتفاق الاتحادي``: an agreement in force named as a ground, not one reached
    if era_after(toks, trig) or points_back(toks, trig) or bill_title(toks, trig) or obliged(toks, trig):
        return False
    if trig.type == "war" and value is None and lexicon.has_cue(toks, trig.first - 3, trig.first - 1, "backdrop_words"):
        return False  # على خلفية الحرب في غزة, منذ اندلاع الحرب: the backdrop of the news, not a reported event
    if content(toks, trig, value):
        return False  # ``حتى خروج آخر جندي``, ``حوار ينظم إنهاء المهمة``: what a vow or talks say (events.frames)
    if trig.rule == "until" and value is None:
        return False  # ``ستواصل عملياتها حتى خروج آخر جندي``: a vow with no date, no planned end
    plural = lexicon.is_cue(toks[trig.last], "plural_attacks")
    return not (trig.type == "attack" and value == "PAST_REF" and plural)


def continues_report(toks: list[Token], trig: Trigger) -> bool:
    """A speech verb joined by و/ف or after كما: it carries on the same report."""
    return trig.match.prefix.startswith(("و", "ف")) or (trig.first > 0 and toks[trig.first - 1].norm == "كما")


def _points_back(trig: Trigger, surface: str) -> bool:
    """A statement named again by a definite noun, whatever its date (``ويأتي الإعلان بعد عشر سنوات``): the
    statement was reported before (a verb in a relative clause, ``الخطة التي أُعلن عنها مطلع العام``, stays)."""
    return definite(surface) and trig.rule == "-"


def screen_cues() -> dict[str, frozenset[str]]:
    """The word lists of ``event_screen_cues.json``, normalized (phrases keep their spaces)."""
    return lexicon.word_lists(SCREEN_CUES)


def _cue(tok: Token, name: str) -> bool:
    """Is ``tok`` (clitics taken off) a word of the screen list ``name``?"""
    return lexicon.is_listed(tok, name, SCREEN_CUES)


def cites_agreement(toks: list[Token], trig: Trigger) -> bool:
    """An agreement noun after a word that names an agreement in force (``يستند إلى الاتفاق``, ``محكوم
    باتفاقية``, ``رغم الاتفاق على``), with no date of its own right after it (``الموقع في أيلول 2024``)."""
    j = trig.first - 1
    while j >= 0 and trig.first - j <= REFERENCE_REACH and toks[j].norm in screen_cues()["agreement_reference_skip"]:
        j -= 1
    own = trig.match.prefix.lstrip("وف")
    cited = j >= 0 and trig.first - j <= REFERENCE_REACH and _cue(toks[j], "agreement_reference_cues")
    if not cited and not (own.startswith(("ب", "ل")) and j == trig.first - 1 and j >= 0 and _cue(toks[j], "agreement_reference_cues")):
        return False
    x = trig.timex
    if x is None or x.first <= trig.last:
        return True
    return any(t.text in BREAKS for t in toks[trig.last + 1 : x.first])  # ``بموجب اتفاقية سحب القوات، قبل أن تعود … 2014``


def era_after(toks: list[Token], trig: Trigger) -> bool:
    """``نموذجا لما بعد انتهاء مهمة التحالف``: ما بعد + an undated event names the era after it, not the event."""
    i = trig.first
    return trig.timex is None and i >= 2 and "بعد" in lexicon.bare(toks[i - 1].norm) and toks[i - 2].norm in screen_cues()["era_words"]


def points_back(toks: list[Token], trig: Trigger) -> bool:
    """``غير أن ذلك الانسحاب لم يصمد``: a distal demonstrative before a definite trigger noun points back to an
    event told before; it is no new report (``هذه العمليات``, the series going on now, stays)."""
    i = trig.first
    return i >= 1 and _cue(toks[i - 1], "distal_demonstratives") and "ال" in trig.match.prefix


def bill_title(toks: list[Token], trig: Trigger) -> bool:
    """``مشروع قانون "إخراج القوات الأجنبية"``: a trigger right after a bill's or law's head noun (quotes
    between allowed) is the bill's title, not an event."""
    j = trig.first - 1
    while j >= 0 and toks[j].text in QUOTES:
        j -= 1
    return j >= 0 and not trig.match.prefix.strip("وف") and _cue(toks[j], "bill_heads")


def obliged(toks: list[Token], trig: Trigger) -> bool:
    """``القرار الذي ألزم الحكومة بالعمل على إنهاء وجود القوات``, ``ينص على إلزام الحكومة بإخراج القوات ...
    وإغلاق القواعد``: a verbal noun after an obligation word in its clause, attached to it by بـ (or بالعمل على)
    or joined by و to what is obliged, is what is obliged, not an event."""
    if past_verb(trig.match) or present_verb(trig.match.prefix, trig.match.rule.words[0]):
        return False  # a finite verb heads its own clause
    prefix, i = trig.match.prefix, trig.first
    attached = prefix.lstrip("وف").startswith("ب") or prefix.startswith("و")  # بإخراج; وإغلاق: joined to the obliged
    attached = attached or i > 1 and toks[i - 1].norm == "علي" and "عمل" in lexicon.bare(toks[i - 2].norm)  # بالعمل على
    return attached and any(_cue(toks[j], "obligation_words") for j in words_before(toks, i, OBLIGATION_REACH, commas=True))


def roundup_paragraph(text: str, start: int) -> bool:
    """Is the sentence starting at ``start`` in a paragraph of a news round-up on another subject? The paragraph
    (the line) or the sentence opens with a round-up cue (``وفي الرياضة،``, ``اقتصاديا،``, ``في سياق منفصل،``)
    and, from there to the end of the paragraph, names no forces, base or security (``roundup_topic_words``)."""
    para = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    for lo in dict.fromkeys((start, para)):
        if opens_roundup(tokens(_first_words(text, lo, end, OPENER_WORDS + 1))):  # the rest only when it opens one
            return not any(_cue(t, "roundup_topic_words") for t in tokens(text[lo:end]))
    return False


def _first_words(text: str, lo: int, end: int, n: int) -> str:
    """``text[lo:end]`` up to its ``n``-th space: at least ``n`` tokens, as many as the whole would open with."""
    cut = lo
    for _ in range(n):
        cut = text.find(" ", cut + 1, end)
        if cut < 0:
            return text[lo:end]
    return text[lo:cut]


def opens_roundup(toks: list[Token]) -> bool:
    """Do ``toks`` open with a round-up cue: a listed phrase, a one-word domain adverb before a comma
    (``قضائيا،``), or في/على + a heading noun + a domain word before a comma (``وفي شأن قضائي،``)?"""
    if not toks:
        return False
    words = [t.norm for t in toks[:OPENER_WORDS + 1]]
    if words[0][:1] in ("و", "ف") and len(words[0]) > 2:
        words[0] = words[0][1:]
    cues = screen_cues()
    comma = [k for k, t in enumerate(toks[:OPENER_WORDS + 1]) if t.text in ("،", ",")]
    for n in range(2, OPENER_WORDS + 1):  # ``إلى ذلك،``: a two-word phrase only before its comma
        if " ".join(words[:n]) in cues["roundup_openers"] and (n > 2 or n in comma):
            return True
    if comma and comma[0] == 1 and words[0] in cues["roundup_adverbs"]:
        return True
    if comma and comma[0] == 3 and words[0] in ("في", "علي") and words[1] in cues["roundup_heads"]:
        return words[2] not in cues["roundup_continuations"]
    return False
