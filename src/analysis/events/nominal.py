"""Event nouns read as classes (round 9): what a verbal noun's surroundings make of it.

docs/ANNOTATION.md, "Events", "Classes settled in round 9":

* a transfer noun going on (``عمليات نقل المعدات بدأت``) with no destination in its clause is a withdrawal from
  the site it names, not a redeployment (``transfer_type``);
* a verb of ending or completing whose object is another event's noun takes that noun's type (``أنهت القوات
  إزالة منظومات الدفاع الجوي``: a withdrawal, ``light_verbs``);
* a mission or garrison founded is a deployment (``وكانت البعثة قد تأسست عام 2018``, ``founded_type``);
* an undated war right after a noun of time or relation (``سنوات الحرب على داعش``, ``ذروة الحرب``, ``بانتهاء
  الحرب``, ``التعاون في الحرب على الإرهاب``) describes a period, it reports no war (``war_descriptor``);
* an undated definite agreement noun that is the subject of a claim (``أن التفاهم مع التحالف يمضي``) or the
  source of a rule (``وبحسب الاتفاق المبرم``) points to an agreement already told (``agreement_reference``);
* an event said to be necessary (``ضرورة إنهاء الوجود``, ``يجب أن يغادر``) is a demand (``necessity``);
* MPs or delegates walking out (``انسحاب عدد من النواب``) is no withdrawal of troops (``civil_leavers``).

Round 11 (docs/ANNOTATION.md, "Round 11: types"; ``retype`` and ``no_event``):

* a ceremony noun with a handover noun right after it (``مراسم تسليم القاعدة``) is the handover (``ceremony_type``);
* a transfer of duties or responsibility (``نقل المسؤولية الأمنية``, ``ستنقل مهامها``) is a handover (``duty_type``);
* an assassination placed in the theatre or dated (``اغتيال سليماني قرب مطار بغداد``) is an attack (``assassination_type``);
* a movement named as the reason for something else (``لأسباب تتعلق بنقل المعدات``) is no event (``reason_of``);
* ``ما تبقى من القوات`` (the rest of) is no stay (``remainder``); a projectile's launch point (``الصواريخ أطلقت
  من منطقة زراعية``) is no attack of its own (``launch_point``);
* a first batch handed over (``تسلم أول دفعة من طائرات إف-16``) is a delivery, ``other`` (``delivery_type``);
* an arrival whose destination lies outside Iraq and Syria (``وصل آخر رتل إلى الأراضي الأردنية``) is a
  redeployment (``arrival_abroad``);
* an event urged to go faster (``بتسريع انسحاب``, ``hastened``), an undated ``رحيل`` of commentary (``commentary``),
  an undated end in phases (``على مرحلتين``, ``phase_outline``), what a bill stipulates (``stipulated``) and what
  someone is able to do (``قدرته على تنفيذ ضربات``, ``capability``): no events.

Word lists: ``data/event_nominal_cues.json``.
"""

from __future__ import annotations

from analysis.events import lexicon
from analysis.events.location import QUOTES, PlaceMention
from analysis.events.places import place_info
from analysis.events.triggers import Trigger, finite_verb
from analysis.events.modality import words_before
from analysis.text import Token, normalize, split_clitics

NOMINAL_CUES = "event_nominal_cues.json"
DESCRIPTOR_REACH = 2  # ``التعاون في الحرب``: the head noun, a preposition, the war
DESTINATION_REACH = 20  # ``نقل كميات كبيرة من المعدات … من قاعدة عين الأسد غربي العراق عبر أرتال برية تسلك الطريق الدولي باتجاه``
PURPOSE_MIN = 5  # ``لاستكمال``, ``لإتمام``: ل + a noun of four letters or more (not ``لا``, ``لدى``)
FOUNDED_REACH = 3  # ``وهي بعثة غير قتالية أنشئت``: the mission noun, an adjective phrase, the verb
FOUNDED_AFTER = 2  # ``وتأسست حامية التنف``: the verb, then its subject
NECESSITY_REACH = 6  # ``يجب أن يغادر ما تبقى من قوات التحالف``: the word, أن, a verb or its subject
LEAVERS_REACH = 3  # ``انسحاب عدد من النواب``: the subject's head, من, the members
LIGHT_REACH = 7  # ``أكملت القوات الأمريكية، أمس الاثنين، انسحابها``: subject and date between verb and noun
NOT_OBJECTS = frozenset({"mission_end", "announcement", "agreement"})  # ``أنهت مهمتها``: the verb's own event
PARTNER_WORDS = frozenset({"مع", "بين"})  # ``التفاهم مع التحالف الدولي يمضي``: the partner phrase skipped
STRONG_STOPS = frozenset({".", "؛", ";", ":", "؟", "!"})
MOVEMENT_TYPES = frozenset({"withdrawal", "redeployment", "deployment", "handover"})  # what a reason may name
HASTE_REACH = 2  # ``بتسريع انسحاب``, ``الإسراع في إخراج``, ``تسريع جدول خروج``
PHASE_REACH = 8  # ``إنهاء المهمة العسكرية للتحالف الدولي في العراق على مرحلتين``
STIPULATION_REACH = 10  # ``وينص المشروع في مادته الرابعة على أن "تغادر``: the verb, its subject, a phrase, على أن
SUBJECT_REACH = 2  # ``المشروع الذي ... ينص``: the bill right before the verb; ``وينص المقترح``: right after it
CAPABILITY_REACH = 3  # ``قدرته على تنفيذ ضربات``: the word, على, a light verb
BATCH_REACH = 2  # ``تسلم أول دفعة``, ``تسليم الدفعة الأولى``
THEATRE_REACH = 8  # ``اغتيال قاسم سليماني وأبو مهدي المهندس قرب مطار بغداد``: the names, قرب, the place
ARRIVAL_REACH = 8  # ``وصلت دفعة جديدة من القوات الأمريكية إلى قاعدة علي السالم``: subject words between
STOPS = frozenset({"،", ",", ".", "؛", ";", ":", "؟", "!", "(", ")"})  # a destination after these is another clause's


def _listed(tok: Token, name: str) -> bool:
    """Is ``tok`` (clitics taken off) a word of the list ``name`` of ``event_nominal_cues.json``?"""
    return lexicon.is_listed(tok, name, NOMINAL_CUES)


def _written(tok: Token, name: str) -> bool:
    """Is ``tok`` as written (normalized, clitics kept) a word of the list ``name``?"""
    return tok.norm in lexicon.word_lists(NOMINAL_CUES)[name]


def verbal_noun(trig: Trigger) -> bool:
    """A trigger that is neither a past nor a present verb (``نقل``, ``الاتفاق``)."""
    return not finite_verb(trig.match)


def verb_form(trig: Trigger) -> bool:
    """A verb, or a form the lexicon also lists with the perfect's feminine ت (``استهدف``/``استهدفت``, ``غادر``),
    without the article: the perfect of the third person masculine, which ``past_verb`` leaves to context."""
    m = trig.match
    return not verbal_noun(trig) or ("ال" not in m.prefix and normalize(m.rule.words[0]) + "ت" in lexicon.trigger_rules())


def has_destination(toks: list[Token], trig: Trigger) -> bool:
    """Does the trigger's clause name where to (``إلى``, ``نحو``, ``باتجاه``, ``خارج``) after it, before a break?"""
    for j in range(trig.last + 1, min(trig.last + 1 + DESTINATION_REACH, len(toks))):
        if toks[j].text in STOPS:
            return False
        if _written(toks[j], "destination_words") or _listed(toks[j], "destination_words"):
            return True
    return False


def purpose_of(toks: list[Token], trig: Trigger) -> bool:
    """Is the trigger the object of a purpose noun with لـ right before it (``أرجئ ... لاستكمال نقل الأرشيف``)?
    Then it is the reason given for something else, not a report of its own."""
    if trig.first == 0:
        return False
    word = split_clitics(toks[trig.first - 1].norm, prepositions="", article=False).stem  # ولاستكمال → لاستكمال
    return len(word) >= PURPOSE_MIN and lexicon.lam_prefix(word[:2] if word.startswith("لل") else word[:1])


def transfer_type(trig: Trigger, toks: list[Token]) -> str:
    """The type of a going-on redeployment told by a transfer noun (``نقل``; the caller checks the status): a
    withdrawal when its clause names no destination (``لا تزال عمليات نقل المعدات من قاعدة حقل العمر جارية``),
    else unchanged (a planned or past transfer without one stays a redeployment: writers S, V). A transfer named in a
    background frame (``بعد أيام من نقل آخر المعدات``) keeps its type: it is the step before the news."""
    if trig.type != "redeployment" or trig.background or not verbal_noun(trig) or purpose_of(toks, trig):
        return trig.type
    if normalize(trig.match.rule.words[0]) not in lexicon.word_lists(NOMINAL_CUES)["transfer_nouns"]:
        return trig.type
    return trig.type if has_destination(toks, trig) else "withdrawal"


def war_descriptor(trig: Trigger, value: str | None, toks: list[Token]) -> bool:
    """An undated war noun right after a noun of time or relation (``سنوات الحرب``, ``في ذروة الحرب``, ``التعاون
    في الحرب على الإرهاب``): a descriptor of a period, no reported war."""
    if trig.type != "war" or value is not None or not verbal_noun(trig):
        return False
    return any(_listed(toks[j], "war_descriptor_heads") for j in range(max(trig.first - DESCRIPTOR_REACH, 0), trig.first))


def agreement_reference(trig: Trigger, value: str | None, toks: list[Token]) -> bool:
    """An undated agreement noun with the article that is the subject of a claim (``مشددا على أن التفاهم مع
    التحالف يمضي``) or the source of a rule (``وبحسب الاتفاق المبرم``): an agreement already told, not one reached."""
    if trig.type != "agreement" or value is not None or not verbal_noun(trig) or trig.first == 0:
        return False
    before = toks[trig.first - 1]
    if _written(before, "according_to"):
        return True
    return "ال" in trig.match.prefix and _written(before, "claim_openers") and state_predicate(toks, trig.last + 1)


def state_predicate(toks: list[Token], j: int) -> bool:
    """Does a predicate of state follow at ``j`` (after a ``مع``/``بين`` phrase and quotes): an imperfect verb
    (``ينفذ``, ``يمضي``) or a listed adjective (``ملزم``)? ``الاتفاق جاء بعد جولات``: a past verb tells the making."""
    if j < len(toks) and toks[j].norm in PARTNER_WORDS:
        j += 1
        while j < len(toks) and (toks[j].norm.startswith("ال") or _known_partner(toks[j])):
            j += 1
    while j < len(toks) and toks[j].text in QUOTES:
        j += 1
    if j >= len(toks):
        return False
    word = toks[j].norm
    return _written(toks[j], "state_predicates") or (word[:1] in ("ي", "ت") and len(word) >= 4 and not word.startswith("تال"))


def _known_partner(tok: Token) -> bool:
    """A partner named without the article after ``مع`` (``مع واشنطن``, ``مع بغداد``)."""
    return _written(tok, "partners")


def light_verbs(trigs: list[Trigger], toks: list[Token]) -> None:
    """A verb of ending or completing read as a mission end (``أنهت القوات يوم الاثنين إزالة منظومات الدفاع``,
    ``أتمت تسليم``) whose object is the verbal noun of another event: the noun decides the type (round 8 lets it
    decide the place, ``extract.object_noun_place``). The verb takes the noun's type, and the noun the verb's date
    when it has none, so that the two reports make one event."""
    for k, verb in enumerate(trigs):
        if verb.type != "mission_end" or verbal_noun(verb) or not _listed(toks[verb.first], "light_verbs"):
            continue
        noun = trigs[k + 1] if k + 1 < len(trigs) else None
        if noun is None or noun.first - verb.last > LIGHT_REACH or not verbal_noun(noun) or noun.type in NOT_OBJECTS:
            continue
        if _listed(toks[noun.first], "ending_nouns"):
            continue  # ``على أن يستكمل إنهاء وجود القوات``: an end completed is the mission's end
        if any(t.text in STRONG_STOPS for t in toks[verb.last + 1 : noun.first]):
            continue
        verb.type = noun.type
        if noun.timex is None and verb.timex is not None:
            noun.timex, noun.value, noun.mod = verb.timex, verb.value, verb.mod


def founded_type(trig: Trigger, toks: list[Token]) -> str:
    """A mission or garrison founded (``وكانت البعثة قد تأسست عام 2018``, ``وتأسست حامية التنف عام 2016``) is a
    deployment (writers C, R, U); a coalition, committee or base founded stays ``other`` (A, D, F, H, I)."""
    if trig.rule != "founded":
        return trig.type
    near = range(max(trig.first - FOUNDED_REACH, 0), min(trig.last + 1 + FOUNDED_AFTER, len(toks)))
    return "deployment" if any(_listed(toks[j], "founded_deployments") for j in near if j != trig.first) else trig.type


def _stem(tok: Token) -> str:
    """The token without و/ف and the article, prepositions kept (``والتسليم`` → ``تسليم``, ``لتسلم`` stays)."""
    return split_clitics(tok.norm, prepositions="").stem


def _stem_listed(tok: Token, name: str) -> bool:
    """Is ``tok`` without و/ف and the article (a preposition on it kept) a word of the list ``name``?"""
    return _stem(tok) in lexicon.word_lists(NOMINAL_CUES)[name]


def ceremony_type(trig: Trigger, toks: list[Token]) -> str:
    """A ceremony noun with a handover noun right after it, no preposition (``مراسم تسليم قاعدة الإمام علي``,
    ``مراسم تسلم الجيش مقر التحالف``), is the handover (writers I, N, R, V, X); the trigger takes the noun in, so
    that what is handed over is its object. ``الحفل الرسمي لتسلم القاعدة``, ``احتفال تسلم`` stay a ceremony (C, F)."""
    j = trig.last + 1
    if trig.rule != "ceremony" or j >= len(toks) or not _stem_listed(toks[trig.first], "handover_ceremonies"):
        return trig.type
    if not _stem_listed(toks[j], "ceremony_handovers"):
        return trig.type
    trig.last = j
    return "handover"


def duty_type(trig: Trigger, toks: list[Token]) -> str:
    """A transfer word with a noun of duties right after it (``نقل المسؤولية الأمنية عن القاعدة``, ``ستنقل
    مهامها إلى الضباط العراقيين``, ``عملية نقل المهام مستمرة``) hands the duties over: a handover."""
    j = trig.last + 1
    if trig.type == "handover" or j >= len(toks) or not _listed(toks[trig.first], "duty_transfers"):
        return trig.type
    return "handover" if _written(toks[j], "duties") or _stem_listed(toks[j], "duties") else trig.type


def assassination_type(trig: Trigger, toks: list[Token]) -> str:
    """An assassination the sentence dates or places in its clause after it (``اغتيال سليماني والمهندس قرب مطار
    بغداد``, ``بضربة أمريكية``) is an attack of the theatre (writers D, F, T, U, W); undated and unplaced
    (``ردا على اغتيال المرشد الإيراني``) it stays ``other`` (dev gold 049)."""
    if trig.type != "other" or not _listed(toks[trig.first], "assassinations"):
        return trig.type
    if trig.timex is not None:
        return "attack"
    for j in range(trig.last + 1, min(trig.last + 1 + THEATRE_REACH, len(toks))):
        if toks[j].text in STOPS:
            break
        if _listed(toks[j], "strike_words") or _gazetteer_place(toks[j]):
            return "attack"
    return trig.type


def delivery_type(trig: Trigger, toks: list[Token]) -> str:
    """A handover verb with a first batch right after it (``تسلم العراق أول دفعة من طائرات إف-16``, ``تسليم الدفعة
    الأولى من الرادارات``) is the delivery of something bought: ``other`` (writers E, H), not a base handed over."""
    if trig.type != "handover":
        return trig.type
    after = range(trig.last + 1, min(trig.last + 1 + BATCH_REACH, len(toks)))
    first = [j for j in after if _stem_listed(toks[j], "first_batches")]
    once = any(j + 1 < len(toks) and _stem_listed(toks[j + 1], "times") for j in first)  # ``سلمت فكتوريا أول مرة``
    return "other" if first and not once else trig.type


def arrival_abroad(trig: Trigger, toks: list[Token], places: list[PlaceMention]) -> str:
    """A deployment told by an arrival whose destination lies outside the theatre (``آخر رتل خارج من التنف وصل إلى
    الأراضي الأردنية``, ``عاد الجزء الأكبر إلى الكويت``): troops leaving the theatre, a redeployment."""
    if trig.type != "deployment" or not _listed(toks[trig.first], "arrivals"):
        return trig.type
    theatre = lexicon.word_lists(NOMINAL_CUES)["theatre_countries"]
    for m in places:
        if m.role == "إلى" and 0 < m.first - trig.last <= ARRIVAL_REACH:
            info = place_info(m.name)
            if info is not None and normalize(info.country) not in theatre:
                return "redeployment"
    return trig.type


def _gazetteer_place(tok: Token) -> bool:
    """Is the token (clitics taken off) a place of the gazetteer in the theatre (``بغداد``, ``الأنبار``; not ``لبنان``)?"""
    names, theatre = lexicon.place_by_name(), lexicon.word_lists(NOMINAL_CUES)["theatre_countries"]
    return any(stem in names and normalize(names[stem].country) in theatre for stem in lexicon.bare(tok.norm))


def retype(trig: Trigger, toks: list[Token], places: list[PlaceMention] | None = None) -> str:
    """The type a trigger's surroundings make of it (``founded_type``, ``ceremony_type``, ``duty_type``,
    ``assassination_type``, ``delivery_type``, in that order, each seeing the type the one before gave; then
    ``arrival_abroad`` with the sentence's ``places``)."""
    for rule in (founded_type, ceremony_type, duty_type, assassination_type, delivery_type):
        trig.type = rule(trig, toks)
    trig.type = arrival_abroad(trig, toks, places or [])
    return trig.type


def reason_of(trig: Trigger, toks: list[Token]) -> bool:
    """A movement noun named as the reason for something else (``أرجئ ... لأسباب لوجستية تتعلق بنقل المعدات
    الثقيلة إلى أربيل``, ``بسبب تأخر نقل بعض المعدات``): the postponement is the news, the move no event."""
    if trig.type not in MOVEMENT_TYPES or not verbal_noun(trig) or trig.first == 0:
        return False
    j = trig.first - 1
    if _listed(toks[j], "delay_words") and j > 0:
        j -= 1
    return _listed(toks[j], "reason_words") or _written(toks[j], "reason_words")


def remainder(trig: Trigger, toks: list[Token]) -> bool:
    """``ما تبقى من قوات التحالف``: the rest of the forces, no stay and no end of a presence."""
    return trig.rule == "stay_until" and trig.first > 0 and _written(toks[trig.first - 1], "remainder_words")


def launch_point(trig: Trigger, toks: list[Token]) -> bool:
    """A projectile as the subject right before a launch verb with من after it (``الصواريخ أطلقت من منطقة
    زراعية``, ``المسيرة انطلقت من منطقة تقع خارج الإقليم``): where an attack told elsewhere came from."""
    if trig.type != "attack" or "ال" in trig.match.prefix or trig.first == 0 or trig.last + 1 >= len(toks):
        return False
    return _listed(toks[trig.first - 1], "projectiles") and toks[trig.last + 1].norm == "من"


def hastened(trig: Trigger, toks: list[Token]) -> bool:
    """An event right after a word of hastening (``طالبت قوى الحكومة بتسريع انسحاب ما تبقى``, ``الحل هو الإسراع
    بإخراج``, ``الإسراع في إخراج القوات``): what someone urges to go faster, a demand."""
    return any(_listed(toks[j], "hastening_words") for j in words_before(toks, trig.first, HASTE_REACH))


def capability(trig: Trigger, toks: list[Token]) -> bool:
    """An event right after a word of capability and على (``سيحافظ على قدرته على تنفيذ ضربات``, ``قادرة على تأمين
    المواقع``): what someone can do, not what happens (``أثبتت قدرتها خلال معارك التحرير`` tells a war)."""
    return any(_listed(toks[j], "capability_words") and toks[j + 1].norm == "علي"
               for j in words_before(toks, trig.first, CAPABILITY_REACH))  # fmt: skip


def commentary(trig: Trigger, value: str | None, toks: list[Token]) -> bool:
    """An undated departure noun of commentary (``بعد رحيل القوات``, ``رحيل المدربين لا يعني``): no event."""
    return value is None and _stem_listed(toks[trig.first], "commentary_nouns")


def phase_outline(trig: Trigger, value: str | None, toks: list[Token]) -> bool:
    """An undated mission end or withdrawal in phases (``إنهاء مهمة التحالف على مرحلتين``): the outline of a plan,
    whose phases the article dates apart, no event of its own."""
    if value is not None or trig.type not in ("mission_end", "withdrawal"):
        return False
    for j in range(trig.last + 1, min(trig.last + PHASE_REACH, len(toks) - 1)):
        if toks[j].text in STOPS:
            return False
        if toks[j].norm in ("علي", "عبر", "في") and _stem_listed(toks[j + 1], "phase_words"):
            return True
    return False


def stipulated(trig: Trigger, toks: list[Token]) -> bool:
    """What a bill stipulates (``وينص المشروع في مادته الرابعة على أن "تغادر القوات الأجنبية``, ``وينص المقترح على
    أن تغادر``): a bill is not yet law, its terms are no event. Not a draft decision (``مشروع القرار``, a
    government's about its own troops) nor an agreement or a law (their terms are planned events)."""
    for j in words_before(toks, trig.first, STIPULATION_REACH, commas=True):
        if not _listed(toks[j], "stipulations"):
            continue
        near = [k for k in range(max(j - SUBJECT_REACH, 0), min(j + SUBJECT_REACH + 1, len(toks))) if k != j]
        return any(_stem_listed(toks[k], "bills") and not (k + 1 < len(toks) and _written(toks[k + 1], "decision_nouns"))
                   for k in near)  # fmt: skip
    return False


def necessity(trig: Trigger, toks: list[Token]) -> bool:
    """An event said to be necessary (``شددت اللجنة على ضرورة إنهاء الوجود الأجنبي``, ``يجب أن يغادر ما تبقى من
    القوات``): a demand, not an intention or a schedule (no gold event of the readable sets follows such a word)."""
    return any(_listed(toks[j], "necessity_words") for j in words_before(toks, trig.first, NECESSITY_REACH, commas=True))


def civil_leavers(trig: Trigger, toks: list[Token]) -> bool:
    """A withdrawal whose subject, right after the noun, is members of a civil body (``بعد انسحاب عدد من النواب
    وعدم اكتمال النصاب``): people leaving a session, not troops leaving a place."""
    if trig.type != "withdrawal" or not verbal_noun(trig):
        return False
    return any(_listed(toks[j], "civil_leavers") for j in range(trig.last + 1, min(trig.last + 1 + LEAVERS_REACH, len(toks))))


def no_event(trig: Trigger, value: str | None, toks: list[Token]) -> bool:
    """A background mention that is no event (``war_descriptor``, ``agreement_reference``, ``necessity``,
    ``civil_leavers``; round 11: ``reason_of``, ``remainder``, ``launch_point``, ``hastened``, ``commentary``,
    ``phase_outline``, ``stipulated``, ``capability``): ``value`` is the date the trigger got."""
    return (war_descriptor(trig, value, toks) or agreement_reference(trig, value, toks) or necessity(trig, toks)
            or civil_leavers(trig, toks) or reason_of(trig, toks) or remainder(trig, toks)
            or launch_point(trig, toks) or hastened(trig, toks) or commentary(trig, value, toks)
            or phase_outline(trig, value, toks) or stipulated(trig, toks) or capability(trig, toks))  # fmt: skip
