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
* repeated attacks over a vague past period (``تعرضت خلال السنوات الماضية لهجمات``): a background, not an event.
"""

from __future__ import annotations

from analysis.events import lexicon
from analysis.events.rules import DATED_RULES
from analysis.events.triggers import Trigger
from analysis.text import Token, normalize, split_clitics


def definite(trigger: str) -> bool:
    """A trigger noun with the article (``التسليم``, ``والانسحاب``, ``بالهجمات``, ``للاتفاق``)."""
    word = normalize(trigger.split()[0])
    return split_clitics(word, prepositions="بك", bare_prepositions=False, min_stem=0, exceptions=False).definite


def on_timeline(trig: Trigger, value: str | None, toks: list[Token], surface: str) -> bool:
    """Does the dated trigger ``trig`` (its date ``value``, its text ``surface``) go on the timeline?"""
    if trig.reporter:
        return False
    if trig.rule in DATED_RULES and (value is None or lexicon.lam_prefix(trig.match.prefix)):
        if not (trig.rule == "talks" and value is None and trig.ongoing):  # ``تجري دمشق وواشنطن مباحثات``: going on now
            return False
    if value is None and (trig.content or trig.postponed):
        return False
    if trig.absorbed:
        return False
    if value is None and trig.first > 0 and lexicon.is_cue(toks[trig.first - 1], "frame_words") and "ال" not in trig.match.prefix:
        return False  # ``في إطار إعادة تموضع القوات``: the process a report belongs to, named in passing
    if trig.type == "announcement" and value is None and (continues_report(toks, trig) or definite(surface) or trig.background):
        if not (trig.rule == "stance" and not trig.background):  # ``ودانت الخارجية الهجوم``: a reaction of its own
            return False
    if trig.type == "announcement" and _points_back(trig, surface):
        return False
    if trig.type == "agreement" and value is None and trig.reference:
        return False
    if trig.type == "war" and value is None and lexicon.has_cue(toks, trig.first - 3, trig.first - 1, "backdrop_words"):
        return False  # على خلفية الحرب في غزة, منذ اندلاع الحرب: the backdrop of the news, not a reported event
    plural = lexicon.is_cue(toks[trig.last], "plural_attacks")
    return not (trig.type == "attack" and value == "PAST_REF" and plural)


def continues_report(toks: list[Token], trig: Trigger) -> bool:
    """A speech verb joined by و/ف or after كما: it carries on the same report."""
    return trig.match.prefix.startswith(("و", "ف")) or (trig.first > 0 and toks[trig.first - 1].norm == "كما")


def _points_back(trig: Trigger, surface: str) -> bool:
    """A statement named again by a definite noun, whatever its date (``ويأتي الإعلان بعد عشر سنوات``): the
    statement was reported before (a verb in a relative clause, ``الخطة التي أُعلن عنها مطلع العام``, stays)."""
    return definite(surface) and trig.rule == "-"
