"""The rules of the trigger lexicon: what must hold around a form for it to be an event.

Each row of ``data/event_triggers.tsv`` names a rule (its second column). A short or ambiguous word
needs its context: ``نقل`` is a redeployment only with troops after it or a destination, ``أطلق`` an
attack only when it fires projectiles, ``عاد`` a deployment only when troops return to a named
place. The rules here are functions of the sentence's tokens and the trigger's token range; the
cue lists they read live in ``data/event_cues.json``. Rules in ``DATED_RULES`` also need a timex to
date the trigger (checked by extraction once dates are assigned): a round of talks or a founding
is a timeline event only when the text says when.
"""

from __future__ import annotations

from collections.abc import Callable

from analysis.events import lexicon
from analysis.events.modality import QUOTE_MARKS, imperfect, words_before
from analysis.events.rules_military import finished_mission, in_service, operation, operation_end, reform_end, removed_systems, return_back, unification
from analysis.events.rules_procedure import (
    agenda_vote, arrest, chamber_vote, committee_formed, hosted, inquiry, mandate, rejected, results_announced, ruling, story_inquiry,
    story_reading, story_talks, story_vote, summoned, taken_decision,
)  # fmt: skip
from analysis.events.rules_statements import admission, ceremony, declared, issued, joint_approval, reading, reply, signed_back, stance
from analysis.text import Token, split_clitics

ZONE_MAX_TOKENS = 15  # a timex (or حتى) further than this after its trigger does not belong to it
UNTIL_MAX_TOKENS = 25  # "تستمر المهمة ... حتى أيلول 2026" may put its date further away
SITE_MAX_TOKENS = 12
PROJECTILE_REACH = 7  # ``سقطت أمس السبت أكثر من 30 صاروخا``
EQUIPMENT_REACH = 8  # ``نصبت القوات الأمريكية مطلع الشهر الجاري منظومة``
DESTINATION_REACH = 10  # ``انتقلوا من قاعدتي فكتوريا وعين الأسد إلى قاعدة حرير``
ARRIVAL_REACH = 16  # ``دخلت أكثر من مئة آلية تابعة للقوات الأمريكية، صباح أمس الاثنين، إلى إقليم كوردستان``
COMING_FROM_BEFORE = 8  # ``قوة أمريكية قادمة من قاعدة التنف السورية وصلت``
TROOPS_REACH_COUNTED = 7  # ``ستنشر عددا صغيرا من الجنود``: a number before the troops
SUBJECT_REACH = 8  # ``عدد القوات الأمريكية في موقع البرج 22 سيُخفض``
COORDINATION_REACH = 6  # ``بالتنسيق مع وزارة شؤون البيشمركة``: the partner's name before the task
BASES_REACH = 4  # ``ستقلص الولايات المتحدة عدد قواعدها``: the subject, a number word, then the bases
PERIOD_REACH = 6  # ``لعمليات عسكرية واسعة بين عامي 2014 و2017``: the years right after the operations
LAUNCH_REACH = 5  # ``بدء التحالف بقيادة واشنطن غاراته على مواقع التنظيم``
TOPIC_REACH = 14  # ``صوت البرلمان الألماني (بوندستاغ)، أمس الخميس، على تمديد التفويض``
BUILT_REACH = 12  # ``وتقع قاعدة التنف على الطريق الدولي بين دمشق وبغداد، وقد أقامها``
BASE_REACH = 6  # ``أغلقت القوات الأمريكية أمس قاعدة الشدادي``
RETURN_SUBJECT_REACH = 10  # ``استخدمتها القوات الأمريكية منذ الغزو عام 2003، ثم عادت إليها``
DEADLINE_REACH = 14  # ``ستغادر حرير مع بقية قوات التحالف في الإقليم "بحلول نهاية المرحلة الثانية"``
#: The movements a ``بحلول نهاية ...`` after them is the deadline of.
DEADLINE_OWNERS = frozenset({"withdrawal", "redeployment", "handover", "deployment"})
STRONG_BREAKS = frozenset({".", "!", "؟", "?", "؛", ";"})
MISSION_REACH_BEFORE = 7  # ``المهمة القتالية للقوات الأمريكية في العراق ستنتهي``: subject before the verb

#: Rules whose triggers count only when a timex dates them (never as a bare purpose ``لهزيمة``).
DATED_RULES = frozenset({"dated", "talks", "founded", "victory", "mission_start", "built", "parliament_decision", "ceremony", "visit", "presence_began", "troops_dated", "reading", "discussed", "signed_back", "joint_approval", "mandate", "taken_decision", "committee_formed",
                         "story_talks", "story_reading", "unification", "reform_end", "hosted"})

Rule = Callable[[list[Token], lexicon.TriggerMatch], bool]


def _always(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    return True


def _time_reference(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """An end noun that names a time, not an ending: ``نهاية ذلك الشهر`` (a unit of time after it), or
    the deadline of another movement of the clause (``ستغادر حرير ... بحلول نهاية المرحلة الثانية``)."""
    if m.rule.words != ("نهايه",):
        return False
    nxt = [j for j in range(m.last + 1, min(m.last + 3, len(toks))) if toks[j].text not in QUOTE_MARKS]
    if nxt and lexicon.is_cue(toks[nxt[0]], "demonstratives"):
        nxt = nxt[1:]
    if nxt and lexicon.is_cue(toks[nxt[0]], "unit_words"):
        return True
    before = [j for j in range(max(m.first - 3, 0), m.first) if toks[j].text not in QUOTE_MARKS]
    if not before or not lexicon.is_cue(toks[before[-1]], "deadline_of"):
        return False
    head = before[-1]
    lo = max(head - DEADLINE_REACH, 0)
    for j in range(head - 1, lo - 1, -1):
        if toks[j].text in STRONG_BREAKS:
            break
    else:
        j = lo - 1
    return any(t.type in DEADLINE_OWNERS for t in lexicon.find_triggers(toks[j + 1 : head]))


def _mission(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """A mission word near (``إنهاء مهمة``, ``المهمة ... ستنتهي``), its operations right after (``تنتهي
    عملياته انطلاقا من الإقليم``) or a numbered phase (``المرحلة الأولى``); not an end noun that names a time."""
    c = lexicon.cues()
    if _time_reference(toks, m):
        return False
    if lexicon.has_cue(toks, m.first - MISSION_REACH_BEFORE, m.last + 4, "mission_words"):
        return True
    if lexicon.has_cue(toks, m.last + 1, m.last + 2, "operations_words"):
        return True
    for i in range(max(m.first - 4, 0), min(m.last + 4, len(toks) - 1) + 1):
        if lexicon.bare(toks[i].norm) & c["phase_words"] and i + 1 < len(toks):
            if lexicon.bare(toks[i + 1].norm) & c["phase_ordinals"]:
                return True
    return False


def _after(cue: str, reach: int) -> Rule:
    """A rule: a word of ``cue`` within ``reach`` tokens after the trigger."""
    return lambda toks, m: lexicon.has_cue(toks, m.last + 1, m.last + reach, cue)


def _until(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``تستمر المهمة ... حتى أيلول 2026``: حتى after it and a mission word near."""
    return lexicon.has_cue(toks, m.last + 1, m.last + UNTIL_MAX_TOKENS, "until_words") and _mission(toks, m)


def _topic(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """صوّت ... على قرار يلزم الحكومة بإخراج القوات, not للتصويت على قانون الموازنة."""
    return lexicon.has_cue(toks, m.first - 6, m.last + TOPIC_REACH, "topic_words")


def _prep(tok: Token, cue: str) -> bool:
    """Is ``tok`` a preposition of the cue list, alone or after و/ف (``إلى``, ``وإلى``; not ``آلية`` read as إلى + ه)?"""
    words = lexicon.cues()[cue]
    return tok.norm in words or (tok.norm[:1] in ("و", "ف") and tok.norm[1:] in words)


def _known_place_at(toks: list[Token], j: int) -> bool:
    """Does a site word or a gazetteer place (after a head noun: ``محافظة دهوك``) start at token ``j``?"""
    if j >= len(toks):
        return False
    if lexicon.is_cue(toks[j], "region_heads"):
        return True  # ``إلى إقليم كوردستان``: a region, however its name is spelt
    if lexicon.is_cue(toks[j], "place_heads") and not lexicon.is_cue(toks[j], "site_words"):
        j += 1  # ``إلى محافظة دهوك``: a head noun before the name
    return lexicon.has_cue(toks, j, j + 1, "site_words") or any(s[0] == 0 for s in lexicon.gazetteer_spans(toks[j : j + 3], lexicon.places()))


def _destination(toks: list[Token], m: lexicon.TriggerMatch, reach: int = DESTINATION_REACH) -> bool:
    """``ستنتقل إلى قاعدتي عين الأسد``, ``نقل قسم منهم إلى قاعدة الشدادي``: إلى + a base or a known place."""
    c = lexicon.cues()
    for j in range(m.last + 1, min(m.last + reach, len(toks))):
        if toks[j].text in c["clause_breaks"] and toks[j].text not in ("،", ","):
            return False
        if _prep(toks[j], "destination_preps"):
            return _known_place_at(toks, j + 1)
    return False


def _troops_destination(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``سيتجه القسم الأكبر من القوات إلى مواقع التحالف``: a destination and troops (not ``يتجه الاهتمام إلى``)."""
    return _destination(toks, m) and lexicon.has_cue(toks, m.first - 5, m.last + 5, "troop_words")


def _arrival_from(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``وصلوا إلى أربيل ... قادمين من قاعدة عين الأسد``, ``قوة قادمة من التنف وصلت إلى``: troops arriving
    from another base (a redeployment); the participle may follow the destination or precede the verb.
    What arrives must be troops or their gear (``وصل المبعوث إلى أربيل قادما من بغداد`` is a visit)."""
    if not _destination(toks, m, ARRIVAL_REACH):
        return False
    if not lexicon.has_cue(toks, m.first - COMING_FROM_BEFORE, m.last + ARRIVAL_REACH, "troop_words") and not lexicon.has_cue(
        toks, m.first - COMING_FROM_BEFORE, m.last + ARRIVAL_REACH, "convoy_words"
    ):
        return False
    if lexicon.has_cue(toks, m.last + 1, m.last + ARRIVAL_REACH + 6, "coming_from") or lexicon.has_cue(
        toks, m.first - COMING_FROM_BEFORE, m.first - 1, "coming_from"
    ):
        return True
    return _origin(toks, m)


def _to_site(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``غادروا باتجاه قاعدة حرير``, ``انسحبت القوات إلى مطار أربيل``: leaving for another base is a
    redeployment (leaving for a country or home stays a withdrawal)."""
    c = lexicon.cues()
    for j in range(m.last + 1, min(m.last + DESTINATION_REACH, len(toks) - 1)):
        if toks[j].text in c["clause_breaks"] and toks[j].text not in ("،", ","):
            return False
        if _prep(toks[j], "destination_preps") or _prep(toks[j], "direction_words"):
            return lexicon.is_cue(toks[j + 1], "site_heads") or lexicon.is_cue(toks[j + 1], "base_words")
    return False


def _origin(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``وصول قوة أمريكية من التنف إلى قاعدة موفق السلطي``: من + a base or known place before the destination."""
    for j in range(m.last + 1, min(m.last + DESTINATION_REACH, len(toks))):
        if _prep(toks[j], "destination_preps"):
            return False
        if _prep(toks[j], "origin_preps") and _known_place_at(toks, j + 1):
            return True
    return False


def _stay_until(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """قوات التحالف ستبقى في أربيل حتى أيلول 2026: the end of the presence there."""
    return lexicon.has_cue(toks, m.last + 1, m.last + ZONE_MAX_TOKENS, "until_words") and lexicon.has_cue(
        toks, m.first - 4, m.last + 3, "troop_words"
    )


def _against(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``عمليات ضد القواعد``, not ``العمليات ضد (بقايا) داعش`` nor ``قيادة العمليات``."""
    c = lexicon.cues()
    words = [i for i in range(m.last + 1, len(toks)) if toks[i].norm[:1].isalpha()][:9]
    for i in words:
        if lexicon.bare(toks[i].norm) & {"ضد"}:
            target = lexicon.window(toks, i + 1, i + 3)
            before = toks[m.first - 1].norm if m.first > 0 else ""
            return not (target & c["not_against"]) and not (lexicon.bare(before) & c["not_before_operations"])
    return False


def _projectile(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``أطلقت صواريخ على القاعدة``, ``سقطت قذائف``, ``صواريخ سقطت``: something fired or falling."""
    return lexicon.has_cue(toks, m.last + 1, m.last + PROJECTILE_REACH, "projectiles") or lexicon.has_cue(toks, m.first - 2, m.first - 1, "projectiles")


def _return_to(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``عادت القوات الأمريكية إلى العراق``: troops coming back to a named place (a deployment)."""
    for j in range(m.last + 1, min(m.last + 4, len(toks))):
        if _prep(toks[j], "destination_preps"):
            return _known_place_at(toks, j + 1) and lexicon.has_cue(toks, m.first - 5, m.last + 5, "troop_words")
        if lexicon.is_cue(toks[j], "back_pronoun_preps"):
            # ``ثم عادت إليها عام 2014``, ``عودة القوات الأمريكية إليها``: back to the place just named
            return lexicon.has_cue(toks, m.first - RETURN_SUBJECT_REACH, m.last + 3, "troop_words")
    return False


def _return_home(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``عاد الجنود إلى بلادهم``: troops going home (a withdrawal)."""
    for j in range(m.last + 1, min(m.last + 5, len(toks))):
        if _prep(toks[j], "destination_preps"):
            return lexicon.has_cue(toks, j + 1, j + 1, "home_words")
    return False


def _to_authority(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``انتقال قاعدة كي وان إلى السيطرة العراقية``, ``الموقع الذي ينقل إلى القوات العراقية``: a site handed over."""
    if not lexicon.has_cue(toks, m.first - 4, m.last + 4, "site_words"):
        return False
    for j in range(m.last + 1, min(m.last + DESTINATION_REACH, len(toks))):
        if _prep(toks[j], "destination_preps"):
            return lexicon.has_cue(toks, j + 1, j + 2, "receivers")
    return False


def _abroad(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``نقل المعدات من قاعدة عين الأسد إلى خارج العراق``: moved out of the country is a withdrawal."""
    for j in range(m.last + 1, min(m.last + DESTINATION_REACH, len(toks) - 1)):
        if _prep(toks[j], "destination_preps"):
            return lexicon.is_cue(toks[j + 1], "exclusions") or lexicon.is_cue(toks[j + 1], "home_words")
    return False


def _signed(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``وقع البلدان اتفاقية``, not ``القصف الذي وقع الإثنين`` (``وقع``: it happened)."""
    if m.first > 0 and lexicon.is_cue(toks[m.first - 1], "relatives"):
        return False
    for j in range(m.last + 1, min(m.last + SIGNED_REACH, len(toks))):
        if toks[j].text in STRONG_BREAKS:
            break
        if lexicon.is_cue(toks[j], "signed_objects"):  # ``منع إبرام أي اتفاقية``: no agreement in particular
            return not (j > 0 and lexicon.is_cue(toks[j - 1], "generic_before"))
    return False


SIGNED_REACH = 9  # ``وقعت في أبريل (نيسان) الماضي مذكرة تعاون``: a date may stand between verb and object


def _troops_or_mission(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``توسيع مهمته التدريبية``, ``زيادة عدد القوات``: troops or a mission right after."""
    return lexicon.has_cue(toks, m.last + 1, m.last + 3, "troop_words") or lexicon.has_cue(toks, m.last + 1, m.last + 2, "mission_words")


def _eventive(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """A change, not a state: ``ستنتشر``, ``انتشرت`` but not ``لا تزال تنتشر`` (a present imperfect),
    unless the state is dated from its start (``يتمركز الجنود في سوريا منذ عام 2015``: ongoing since then)."""
    future = m.prefix.endswith("س") or lexicon.has_cue(toks, m.first - 4, m.first - 1, "future_words")
    since = lexicon.has_cue(toks, m.last + 1, m.last + 6, "since_words")  # ``يتمركز الجنود في سوريا منذ 2015``
    return future or since or not imperfect(m.prefix, m.rule.words[0])


def _takeover(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``سيتولى الجيش حماية الموقع``, ``تولت القوات العراقية إدارة القاعدة``: a site taken over, not a
    role held (``تتولى إدارة القاعدة``, a present state) nor a readiness (``جاهزية القوات لتولي المسؤولية``)."""
    last = m.last
    partner = next((j for j in range(m.last + 1, min(m.last + 4, len(toks))) if lexicon.is_cue(toks[j], "coordination_phrases")), None)
    if partner is not None:
        # ``ستتولى (الأجهزة الأمنية) بالتنسيق مع وزارة البيشمركة حماية المنشآت``: the partner named in passing stands between
        last = next((j - 1 for j in range(partner + 1, min(partner + 1 + COORDINATION_REACH, len(toks))) if lexicon.is_cue(toks[j], "authority_words")), last)
    if not lexicon.has_cue(toks, last + 1, last + 4, "authority_words"):
        return False
    if not (lexicon.has_cue(toks, last + 1, last + 6, "site_words") or lexicon.has_cue(toks, last + 1, last + 6, "facility_words")):
        return False
    return _eventive(toks, m)


def _mission_start(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``بدأت مهمتهم في تدريب البيشمركة مطلع 2015``, ``انطلاق بعثة الناتو``: a mission begins (a deployment)."""
    return lexicon.has_cue(toks, m.last + 1, m.last + 2, "mission_words") and not lexicon.has_cue(toks, m.last + 1, m.last + 3, "end_words")


def _built(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``إنشاء قاعدة عسكرية جديدة``, ``قاعدة التنف ... أقامها التحالف عام 2016``: a base set up (a deployment)."""
    if lexicon.has_cue(toks, m.last + 1, m.last + 2, "site_heads"):
        return True
    pronoun = toks[m.last].norm.endswith(("ها", "ه")) and toks[m.last].norm != m.rule.words[-1]
    return pronoun and lexicon.has_cue(toks, m.first - BUILT_REACH, m.first - 1, "site_heads")


def _raid(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``نفذت قوات خاصة عملية إنزال``, ``عملية اغتيال``: a raid is an attack."""
    return lexicon.has_cue(toks, m.last + 1, m.last + 2, "raid_words")


def _retaliation(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``سترد على المسؤولين عنه``, ``ردت على الهجوم بقصف``: a strike back (not ``رد على سؤال``)."""
    words = [j for j in range(m.last + 1, min(m.last + 6, len(toks))) if toks[j].text not in QUOTE_MARKS]
    for j in words[:2]:
        if _prep(toks[j], "target_preps"):
            return lexicon.has_cue(toks, j + 1, j + 3, "retaliation_targets")
    return False


def _adopt(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``سيعتمدان جدولا زمنيا للتسليم``: adopting a timetable or plan together is an agreement."""
    return lexicon.has_cue(toks, m.last + 1, m.last + 2, "plan_names")


def _base(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``أغلقت القوات الأمريكية قاعدة الشدادي``, ``تخلت عن قاعدة التنف``: a base closed or given up (a withdrawal)."""
    return lexicon.has_cue(toks, m.last + 1, m.last + BASE_REACH, "base_words")


def _base_control(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``سيطرت القوات السورية على قاعدة التنف``: control of a base taken (a handover; a city taken is not)."""
    for j in range(m.last + 1, min(m.last + BASE_REACH, len(toks))):
        if _prep(toks[j], "target_preps"):
            return lexicon.is_cue(toks[j + 1], "base_words") if j + 1 < len(toks) else False
    return False


def _crossing(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``عبرت أرتال أمريكية الحدود باتجاه سوريا``: troops crossing towards somewhere (not ``في حالة عبور``)."""
    return lexicon.has_cue(toks, m.first - 3, m.last + 3, "troop_words") and lexicon.has_cue(toks, m.last + 1, m.last + DESTINATION_REACH, "direction_words")


def _parliament(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``وافق البرلمان الألماني على تمديد التفويض``: a parliament's approval of the presence is a vote."""
    return lexicon.has_cue(toks, m.first - 5, m.last + 3, "parliament_words") and _topic(toks, m)


def _page(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``طوت القوات الإيطالية صفحة وجودها في أربيل``: turning the page of a mission or presence ends it."""
    page = next((j for j in range(m.last + 1, min(m.last + 5, len(toks))) if lexicon.bare(toks[j].norm) & {"صفحه"}), None)
    return page is not None and lexicon.has_cue(toks, page + 1, page + 3, "mission_words")


def _blast(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``انفجرت عبوة ناسفة برتل للتحالف``, ``تفجير سيارة مفخخة``: an explosive device (not a depot that blew up)."""
    return lexicon.has_cue(toks, m.first - 3, m.last + 3, "explosive_words")


def _presence_end(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``أنهت القوات الأمريكية وجودها في معسكر التاجي``: ending a presence is a withdrawal (ending a mission is not)."""
    return lexicon.has_cue(toks, m.last + 1, m.last + 4, "presence_words")


def _talks(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """A round of talks on the presence (``جولة الحوار الاستراتيجي``, ``مباحثات اللجنة العسكرية العليا``)."""
    return lexicon.has_cue(toks, m.first - 8, m.last + 10, "talks_topics")


def _founded(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """The founding of a coalition or mission (``التحالف الذي تأسس``, ``تشكيل التحالف``)."""
    return lexicon.has_cue(toks, m.first - 4, m.first - 1, "founded_subjects") or lexicon.has_cue(toks, m.last + 1, m.last + 2, "founded_subjects")


def _launched(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """A launch verb a few words before the trigger (``بدء التحالف بقيادة واشنطن غاراته``), not the
    adverbial ``انطلاقا من أربيل`` (based in, operating from), which launches nothing."""
    for j in range(max(m.first - LAUNCH_REACH, 0), m.first):
        if not lexicon.is_cue(toks[j], "launch_verbs"):
            continue
        adverbial = lexicon.is_cue(toks[j], "from_adverbials") and j + 1 < len(toks) and _prep(toks[j + 1], "origin_preps")
        if not adverbial:
            return True
    return False


def _military_period(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``كانت المدينة مسرحا لعمليات عسكرية واسعة بين عامي 2014 و2017``: military operations told with the
    years they spanned are a war or campaign (an aim, ``استعدادا لعمليات``, names no years)."""
    if not lexicon.has_cue(toks, m.last + 1, m.last + 1, "military_words"):
        return False
    return any(t.text.isdigit() and len(t.text) == 4 for t in toks[m.last + 2 : m.last + 2 + PERIOD_REACH])


def _reduce_bases(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``ستقلص الولايات المتحدة عدد قواعدها في سوريا``: fewer bases is a withdrawal, like fewer troops."""
    for j in range(m.last + 1, min(m.last + 1 + BASES_REACH, len(toks))):
        if lexicon.is_cue(toks[j], "base_words"):
            return True
        if not (lexicon.is_cue(toks[j], "quantity_words") or j == m.last + 1):
            return False  # ``خفض الضرائب على القواعد``: the object is something else
    return False


def _vacated(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``باتت قاعدة الشدادي خالية من القوات الأمريكية``, ``خلت القاعدة من الجنود``: a site emptied of troops
    (a nominal sentence that reports the withdrawal done), not ``خال من الإصابات``."""
    nxt = [j for j in range(m.last + 1, min(m.last + 3, len(toks)))]
    return bool(nxt) and _prep(toks[nxt[0]], "origin_preps") and lexicon.has_cue(toks, nxt[0] + 1, nxt[0] + 2, "troop_words")


def _campaign(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """A military campaign launched (``بدأت تركيا عمليتها العسكرية``, ``شن الجيش عملية برية``)."""
    return lexicon.has_cue(toks, m.last + 1, m.last + 2, "military_words") and _launched(toks, m)


def _isis_campaign(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """The war on ISIS (``بدأ التحالف غاراته على مواقع التنظيم``): a launched campaign whose target is ISIS."""
    if not _launched(toks, m):
        return False  # ``بدء التحالف بقيادة واشنطن غاراته``: the subject may stand between
    for j in range(m.last + 1, min(m.last + 4, len(toks))):
        if _prep(toks[j], "target_preps"):
            return lexicon.has_cue(toks, j + 1, j + 3, "not_against")
    return False


def _troops_around(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """Troops or equipment after the verb (past a number: ``ستنشر عددا صغيرا من الجنود``), just before
    it (``المعدات الثقيلة نقلت``), or as the subject of a verb further back in its clause (``عدد
    القوات في الموقع سيُخفض``)."""
    reach = TROOPS_REACH_COUNTED if lexicon.has_cue(toks, m.last + 1, m.last + 2, "quantity_words") else 4
    if lexicon.has_cue(toks, m.last + 1, m.last + reach, "troop_words") or lexicon.has_cue(toks, m.first - 2, m.first - 1, "troop_words"):
        return True
    if not _finite_verb(m) or _other_object(toks, m):
        return False
    for j in words_before(toks, m.first, SUBJECT_REACH):
        if lexicon.is_cue(toks[j], "complementizers") or lexicon.is_cue(toks[j], "speech_verbs"):
            return False  # ``قالت القوات إن الحكومة ستخفض``: the troops are the speaker, not the subject
        if lexicon.is_cue(toks[j], "troop_words"):
            return True
    return False


def _other_object(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """A definite noun right after the verb that is not troops, a number or a presence (``ستخفض الضرائب``)."""
    if m.last + 1 >= len(toks):
        return False
    nxt = toks[m.last + 1]
    return lexicon.has_article(nxt) and not (lexicon.is_cue(nxt, "troop_words") or lexicon.is_cue(nxt, "quantity_words"))


def _finite_verb(m: lexicon.TriggerMatch) -> bool:
    """A verb form whose subject may stand before it: a future (``سيخفض``), an imperfect in ي or a perfect."""
    word = m.rule.words[0]
    if "ال" in m.prefix:
        return False
    return m.prefix.endswith("س") or word[:1] == "ي" or word.endswith("وا") or (word.endswith("ت") and not word.endswith("ات"))


def _victory(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """A declaration of victory (``أعلن العبادي النصر``, ``إعلان النصر``)."""
    return lexicon.has_cue(toks, m.last + 1, m.last + 3, "victory_words")


# Statements, votes, ceremonies, visits and deployments (docs/ANNOTATION.md, "Events": announcement, vote, other)

DECISION_BACK_REACH = 20  # ``... مجلس النواب ... قرار المجلس الصادر``: where a bare ``المجلس`` was named in full
MINISTRY_WORDS = frozenset({"وزاره", "وزارات", "وزارتي", "وزارتا"})
VISIT_REACH = 3  # ``زار القاعدة``, ``خلال زيارته بغداد``
REDO_WORDS = frozenset({"اعاده"})  # ``إعادة الانتشار``, normalized: a redeployment's noun, not a presence
PRESENCE_BEFORE = 7  # ``وكان وجود القوات الأمريكية في التنف قد بدأ عام 2016``; ``صفحة وجود عسكري متعدد الجنسيات بدأ صيف 2014``
VOTE_BACK_REACH = 20  # ``مقترح قانون جدولة انسحاب القوات ... على أن يجري التصويت عليه``


def _parliament_decision(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``قرار البرلمان``, ``قرار مجلس النواب``, ``القرار النيابي``, ``قرار المجلس`` (after مجلس النواب): a
    parliament's resolution on the presence is its vote (dated only: ``DATED_RULES``)."""
    nxt = [j for j in range(m.last + 1, min(m.last + 3, len(toks)))]
    if not nxt or not _topic(toks, m):
        return False
    j = nxt[0]
    if lexicon.is_cue(toks[j], "parliament_after"):
        return True
    if lexicon.bare(toks[j].norm) & {"مجلس"} and j + 1 < len(toks) and lexicon.is_cue(toks[j + 1], "chamber_names"):
        return True
    if toks[j].norm == "المجلس":  # ``قرار المجلس``: the chamber named in full earlier in the sentence
        return any(
            lexicon.bare(toks[k].norm) & {"مجلس"} and k + 1 < len(toks) and lexicon.is_cue(toks[k + 1], "chamber_names")
            for k in range(max(m.first - DECISION_BACK_REACH, 0), m.first)
        ) or lexicon.has_cue(toks, m.first - DECISION_BACK_REACH, m.first - 1, "parliament_after")
    return False


def _visit(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``زار وزير الدفاع القاعدة``, ``خلال زيارته بغداد ... أن البعثة ستبقى``: a visit to a base, or to a
    named place in a sentence about the presence or a mission (dated only); never ``وزارة`` (a ministry, read
    as و + زار + ه)."""
    if lexicon.bare(toks[m.first].norm) & MINISTRY_WORDS:
        return False
    for j in range(m.last + 1, min(m.last + 1 + VISIT_REACH, len(toks))):
        if toks[j].text in lexicon.cues()["clause_breaks"] or toks[j].text in STRONG_BREAKS:
            return False
        if lexicon.is_cue(toks[j], "visit_objects"):
            return True
        place = j + 1 if _prep(toks[j], "destination_preps") else j
        if _known_place_at(toks, place):
            return lexicon.has_cue(toks, 0, len(toks) - 1, "topic_words") or lexicon.has_cue(toks, 0, len(toks) - 1, "mission_words")
    return False


def _presence_began(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``وجود عسكري متعدد الجنسيات بدأ صيف 2014``: a presence that began (a deployment; dated only)."""
    return _mission_start(toks, m) or any(
        lexicon.is_cue(toks[j], "presence_nouns") and not (j > 0 and split_clitics(toks[j - 1].norm).stem in REDO_WORDS)
        for j in words_before(toks, m.first, PRESENCE_BEFORE)
    )  # ``عمليات إعادة الانتشار ... بدأت``: a redeployment begun, not a presence


def _topic_back(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``على أن يجري التصويت عليه``: the vote on a bill named further back in its sentence; never an admission
    (``أقرت الوزارة، أمس، بأن``)."""
    if admission(toks, m):
        return False
    if _topic(toks, m):
        return True
    if m.last + 1 < len(toks) and lexicon.is_cue(toks[m.last + 1], "vote_back_refs"):
        return lexicon.has_cue(toks, m.first - VOTE_BACK_REACH, m.first - 1, "topic_words")
    return False


PETITION_REACH = 16  # ``قدّم 64 نائباً من كتل الإطار وكتل أخرى، أمس الأحد، طلباً موقّعاً``


def _petition(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``قدّم نواب طلباً موقعاً``, ``جمع النواب تواقيع``: a request or signatures handed in on the presence (an
    announcement), not ``بطلب من الحكومة`` (at its request)."""
    before = words_before(toks, m.first, PETITION_REACH, commas=True)
    return any(lexicon.is_cue(toks[j], "petition_verbs") for j in before) and _topic(toks, m)


ENTERED_REACH = 6  # ``دخلت القوات الأمريكية سوريا عام 2015``: verb, troops, then the country


def _entered(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``دخلت القوات الأمريكية سوريا``: foreign troops entering a country or region (a deployment), not a city
    taken in a war (``دخلت القوات المدينة``: no place of the gazetteer) nor a law coming into force."""
    if not lexicon.has_cue(toks, m.first - ENTERED_REACH, m.last + 3, "troop_words"):
        return False
    return any(
        _known_place_at(toks, j) and not lexicon.is_cue(toks[j], "site_words")
        for j in range(m.last + 1, min(m.last + 1 + ENTERED_REACH, len(toks)))
        if not lexicon.is_cue(toks[j - 1], "origin_preps")  # ``دخلت من سوريا``: where they came from
    )


def _discussed(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``بحث رئيس الوزراء مع قائد القيادة المركزية ... مستقبل وجود التحالف``: a meeting told by its past verb
    (``other``; dated only), not the noun of a discussion going on (``يجري بحث ترتيبات``) nor a search (``بحث عن``)."""
    if m.prefix.lstrip("وف") or (m.first > 0 and lexicon.is_cue(toks[m.first - 1], "aspect_verbs")):
        return False
    if m.last + 1 < len(toks) and toks[m.last + 1].norm == "عن":
        return False
    return _talks(toks, m)


RULES: dict[str, Rule] = {
    "-": _always,
    "learned": _always,  # a span the learned tagger proposes (``events.learned``): no lexicon rule to check
    "dated": _always,
    "mission": _mission,
    "troops": _troops_around,
    "authority": _after("authority_words", 4),
    "bilateral": _after("bilateral_words", 6),
    "site": _after("site_words", SITE_MAX_TOKENS),
    "equipment": _after("equipment_words", EQUIPMENT_REACH),
    "until": _until,
    "topic": _topic_back,
    "destination": _destination,
    "to_site": _to_site,
    "troops_destination": _troops_destination,
    "arrival_from": _arrival_from,
    "stay_until": _stay_until,
    "against": _against,
    "projectile": _projectile,
    "return_to": _return_to,
    "return_home": _return_home,
    "to_authority": _to_authority,
    "troops_or_mission": _troops_or_mission,
    "abroad": _abroad,
    "signed": _signed,
    "signed_back": signed_back,
    "joint_approval": joint_approval,
    "eventive": _eventive,
    "talks": _talks,
    "presence_end": _presence_end,
    "blast": _blast,
    "page": _page,
    "base": _base,
    "base_control": _base_control,
    "crossing": _crossing,
    "parliament": _parliament,
    "raid": _raid,
    "retaliation": _retaliation,
    "adopt": _adopt,
    "mission_start": _mission_start,
    "built": _built,
    "takeover": _takeover,
    "founded": _founded,
    "victory": _victory,
    "campaign": _campaign,
    "military_period": _military_period,
    "vacated": _vacated,
    "reduce_bases": _reduce_bases,
    "isis_campaign": _isis_campaign,
    "parliament_decision": _parliament_decision,
    "issued": issued,
    "stance": stance,
    "declared": declared,
    "ceremony": ceremony,
    "visit": _visit,
    "presence_began": _presence_began,
    "troops_dated": _troops_around,
    "petition": _petition,
    "reply": reply,
    "reading": reading,
    "entered": _entered,
    "discussed": _discussed,
    "agenda_vote": agenda_vote,
    "chamber_vote": chamber_vote,
    "mandate": mandate,
    "taken_decision": taken_decision,
    "inquiry": inquiry,
    "committee_formed": committee_formed,
    "ruling": ruling,
    "removed_systems": removed_systems,
    "in_service": in_service,
    "operation": operation,
    "operation_end": operation_end,
    "finished_mission": finished_mission,
    "return_back": return_back,
    "story_talks": story_talks,
    "story_reading": story_reading,
    "story_vote": story_vote,
    "story_inquiry": story_inquiry,
    "results_announced": results_announced,
    "arrest": arrest,
    "summoned": summoned,
    "rejected": rejected,
    "unification": unification,
    "reform_end": reform_end,
    "hosted": hosted,
}


def rule_holds(rule: str, toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """Does the lexicon row's ``rule`` hold around the trigger ``m``? An unknown rule is a ``ValueError``."""
    try:
        check = RULES[rule]
    except KeyError:
        raise ValueError(f"unknown trigger rule {rule!r}") from None
    return check(toks, m)
