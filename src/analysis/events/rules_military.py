"""Trigger rules where the object is equipment, not troops (``event_triggers.tsv``).

Air-defence and counter-rocket systems follow the presence: dismantling or removing them is a withdrawal
(``فككت القوات الأمريكية منظومات سي-رام``, ``منظومات مماثلة في حرير ستُزال``), and a system entering service
(``أن تدخل المنظومة الخدمة``) is a deployment. (Deliveries of bought systems, ``other`` in writer E's gold, are
not typed here: a rule for them made unseen development text worse.) Cue words live in ``data/event_cues.json``.
"""

from __future__ import annotations

from analysis.events import lexicon, story
from analysis.events.modality import STRONG_BREAKS, words_after, words_back, words_before
from analysis.events.rules_statements import pronoun_object
from analysis.text import Token

SYSTEMS_AFTER = 8  # ``أزالت، يوم السبت الماضي، منظومات الدفاع الجوي``: a date may stand between
SYSTEMS_BEFORE = 8  # ``منظومات مماثلة في قاعدة حرير بإقليم كردستان ستُزال``: the subject of a passive
SERVICE_REACH = 4  # ``أن تدخل المنظومة الخدمة``
#: ``تزال`` / ``يزال`` are ``لا تزال`` (still) unless a future prefix makes them the passive of أزال (``ستُزال``).
STILL_FORMS = frozenset({"تزال", "يزال"})
#: Verbal nouns govern the object after them (``تفكيك منظومات``), never a subject before.
VERBAL_NOUNS = frozenset({"تفكيك", "ازاله", "نزع", "سحب"})


def _systems_after(toks: list[Token], m: lexicon.TriggerMatch, reach: int) -> int | None:
    """Index of a defence-system word up to ``reach`` tokens after the trigger, in its sentence."""
    return next((j for j in words_after(toks, m.last, reach) if lexicon.is_cue(toks[j], "defence_systems")), None)


def _systems_before(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """A defence-system word as the subject before a finite verb (``منظومات مماثلة ... ستُزال``), in its clause
    and not the speaker's (``قال مسؤول إن ...``: a complementizer or speech verb ends the search)."""
    for j in words_before(toks, m.first, SYSTEMS_BEFORE, commas=True):
        if lexicon.is_cue(toks[j], "complementizers") or lexicon.is_cue(toks[j], "speech_verbs"):
            return False
        if lexicon.is_cue(toks[j], "defence_systems"):
            return True
    return False


def removed_systems(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``فككت القوات الأمريكية منظومات سي-رام``, ``بعد تفكيك منظومات``, ``أزالت ... منظومات الدفاع الجوي``,
    ``منظومات مماثلة ... ستُزال``: air-defence systems dismantled or removed (a withdrawal); not ``لا تزال``
    (still), nor launchers a security force dismantles (``صواريخ معدة للإطلاق``: no defence system)."""
    word = m.rule.words[0]
    if word in STILL_FORMS and not m.prefix.endswith("س"):
        return False
    if _systems_after(toks, m, SYSTEMS_AFTER) is not None:
        return True
    return "ال" not in m.prefix and word not in VERBAL_NOUNS and _systems_before(toks, m)


def in_service(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``أن تدخل المنظومة الخدمة الفعلية``, ``دخول الرادارات الخدمة``: a system entering service (a deployment)."""
    service = next((j for j in range(m.last + 1, min(m.last + 1 + SERVICE_REACH, len(toks))) if lexicon.is_cue(toks[j], "service_words")), None)
    if service is None:
        return False
    return lexicon.has_cue(toks, m.first - SERVICE_REACH, service, "defence_systems")


# Operations against ISIS (or any military operation): a war event when launched, going on or ended
# (``أطلقت القوات العراقية عملية عسكرية واسعة``, ``تتواصل عمليات تفتيش``, ``انتهاء العملية العسكرية``).

KIND_REACH = 3  # ``عملية عسكرية واسعة``, ``عمليات تفتيش``, ``عملية واسعة لتعقب خلايا``
OPERATION_LAUNCH_REACH = 9  # ``أطلقت القوات العراقية، فجر الأحد، عملية عسكرية``
OPERATION_START_AFTER = 6  # ``العملية الواسعة في جبال حمرين التي انطلقت``
OPERATION_GOING_AFTER = 4  # ``لا تزال عمليات التعقب مستمرة``, ``تتواصل عمليات``
OPERATION_BACK_REACH = 14  # ``أسفرت عملية حمرين عن مقتل 61 مسلحا ... فيما أُعلن انتهاؤها``


def military_operation(toks: list[Token], j: int) -> bool:
    """Is token ``j`` an operation noun that is a military one: qualified (``عسكرية``, ``تفتيش``, ``تعقب``)
    or, unqualified, in a sentence of fighting (``بمشاركة الجيش``, ``خلايا التنظيم``) and not the process of
    another event (``عملية الانسحاب``, ``عملية التسليم``: a movement's steps)."""
    if not lexicon.is_cue(toks[j], "operation_nouns"):
        return False
    if j > 0 and (lexicon.is_cue(toks[j - 1], "support_words") or lexicon.is_cue(toks[j - 1], "not_before_operations")):
        return False  # ``لدعم العمليات ضد داعش``: the coalition's standing role; ``قيادة العمليات``: a command's name
    if lexicon.has_cue(toks, j + 1, j + KIND_REACH, "operation_kinds"):
        return True
    if j + 1 < len(toks) and lexicon.find_triggers(toks[j + 1 : j + 2]):
        return False  # ``عملية التسليم``, ``عملية الانسحاب``: a process, not an operation
    # ``عمليات تفتيش``, ``العملية`` alone: a search or an operation named before, in a sentence of fighting
    # (``بمشاركة الجيش``, ``خلايا التنظيم``); ``باشرت القوات الأمنية عمليات تفتيش في القرى`` after an attack is none
    return lexicon.has_cue(toks, 0, len(toks) - 1, "operation_context")


NAMING_LINKS = frozenset({"علي", "عليه", "عليها", "عليهم", "اسم"})  # normalized (``على`` → ``علي``)


def _naming(toks: list[Token], j: int) -> bool:
    """``التي يطلق عليها "عملية العزم الصلب"``, ``أطلق اسم``: a launch verb that names, launching nothing."""
    return j + 1 < len(toks) and toks[j + 1].norm in NAMING_LINKS


def operation(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """A military operation launched (``أطلقت ... عملية عسكرية``, ``ستبدأ صفحة جديدة من العمليات``), going on
    (``تتواصل عمليات تفتيش``, ``لا تزال عمليات التعقب مستمرة``) or told with its start (``العملية ... التي
    انطلقت في أيار``): a war event. Its end (``انتهاء العملية``) belongs to the end noun (``operation_end``)."""
    if not military_operation(toks, m.first):
        return False
    before = words_before(toks, m.first, OPERATION_LAUNCH_REACH, commas=True)
    if before and lexicon.is_cue(toks[before[0]], "end_words"):
        return False
    if any(lexicon.is_cue(toks[j], "launch_verbs") and not _naming(toks, j) for j in before):
        return True
    if any(lexicon.is_cue(toks[j], "operation_starts") or lexicon.is_cue(toks[j], "operation_executions") for j in before):
        return True  # ``انطلقت اليوم الاثنين عملية عسكرية``, ``نفذت القطعات عملية تفتيش``: the verb before its subject
    if any(lexicon.is_cue(toks[j], "continuing_words") for j in before[:OPERATION_GOING_AFTER]):
        return True  # ``تتواصل عمليات تفتيش``: the operations themselves go on
    for j in words_after(toks, m.last, OPERATION_START_AFTER):
        if lexicon.is_cue(toks[j], "operation_starts") or (j - m.last <= OPERATION_GOING_AFTER and lexicon.is_cue(toks[j], "continuing_words")):
            return True
        if j - m.last <= OPERATION_GOING_AFTER and lexicon.is_cue(toks[j], "operation_executions"):
            return True  # ``عمليات تفتيش برية تنفذها قطعات الفرقة الخامسة``: carried out
    return False


def operation_end(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``انتهاء العملية العسكرية في جبال حمرين``, ``أُعلن انتهاؤها`` (an operation named before): a military
    operation's end is a war event (its last day)."""
    if any(military_operation(toks, j) for j in range(m.last + 1, min(m.last + 3, len(toks)))):
        return True
    if finite_end(m) and not _outcome_after(toks, m) and _operation_subject(toks, m):
        return True  # ``العملية المشتركة في صحراء كركوك - صلاح الدين انتهت بالكامل``: the operation, then its end
    if not toks[m.last].norm.endswith(("ها", "ه")) or toks[m.last].norm.endswith("اه"):
        return False  # ``انتهاؤها``: the operation named before; not ``انتهاء`` (its hamza seat is no pronoun)
    # ``عملية حمرين ...، فيما أُعلن انتهاؤها``: past the clause opener
    return any(military_operation(toks, j) for j in words_back(toks, m.first, OPERATION_BACK_REACH))


SUBJECT_BACK_REACH = 10  # ``العملية المشتركة في صحراء كركوك - صلاح الدين انتهت``: the subject and its place
#: Finite end verbs, past or present (``انتهت``, ``تنتهي``), not the verbal nouns (``انتهاء``: the noun governs after).
FINITE_ENDS = frozenset({"انتهت", "انتهي", "تنتهي", "ينتهي", "اختتمت", "اختتم"})


def finite_end(m: lexicon.TriggerMatch) -> bool:
    """Is the end trigger a finite verb (``انتهت``), which takes its subject before it?"""
    return m.rule.words[0] in FINITE_ENDS


#: Adverbs with ب after an end verb that say how it ended, not what it ended with (``انتهت بالكامل``).
MANNER_ADVERBS = frozenset({"الكامل", "كامل", "نجاح"})


def _outcome_after(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``عملية إنزال ... انتهت بمقتل زعيم التنظيم``: the end verb tells the raid's outcome, not a war event of its own."""
    if m.last + 1 >= len(toks) or not toks[m.last + 1].norm.startswith("ب"):
        return False
    return not lexicon.bare(toks[m.last + 1].norm) & MANNER_ADVERBS


def _operation_subject(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """A military operation as the subject before the end verb, in its clause (no break, no other verb's
    complementizer): ``العملية المشتركة في صحراء كركوك انتهت``; not ``قال قائد العمليات إن المهمة انتهت``."""
    for j in range(m.first - 1, max(m.first - 1 - SUBJECT_BACK_REACH, -1), -1):
        if toks[j].text in STRONG_BREAKS or lexicon.is_cue(toks[j], "complementizers") or lexicon.is_cue(toks[j], "clause_openers"):
            return False
        if military_operation(toks, j):
            return True
    return False


# Round 7: the Peshmerga's unification backed by the coalition (``دمجت فرقتين إضافيتين``, ``الدمج ... سيمتد
# إلى الربع الأول من 2027``): a reform of the forces the coalition trains, an ``other`` event (dated only).

UNITS_AFTER = 4  # ``دمج ما تبقى من ألوية الحزبين``
REFORM_BACK = 6  # ``الدمج يسير بوتيرة أبطأ وإنه سيمتد``


def _peshmerga(toks: list[Token]) -> bool:
    """Is the sentence, or the article (``analysis.events.story``), about the Peshmerga's unification?"""
    return lexicon.has_cue(toks, 0, len(toks) - 1, "story_peshmerga_words") or story.current().has("peshmerga")


def unification(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``دمجت فرقتين إضافيتين من قوات الوحدتين 70 و80``, ``توحيد ألوية البيشمركة``: units merged (their units
    named after it), or ``الدمج`` of an article about the Peshmerga's reform; not a merger of ministries or banks."""
    if not _peshmerga(toks):
        return False
    if lexicon.has_cue(toks, m.last + 1, m.last + UNITS_AFTER, "reform_units"):
        return True
    return "ال" in m.prefix and story.current().has("peshmerga")


def reform_end(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``دمج ما تبقى من ألوية الحزبين سيكتمل قبل نهاية 2026``, ``الدمج ... وإنه سيمتد إلى الربع الأول``: the
    unification's completion (``other``; dated only), its noun a few words before."""
    if not _peshmerga(toks):
        return False
    return any(lexicon.is_cue(toks[j], "story_reform_words") for j in words_back(toks, m.first, REFORM_BACK))


# A mission finished by its own force, and troops coming back after a withdrawal.

OWN_MISSION_REACH = 14  # ``أنهت القوة الأسترالية العاملة في قاعدة التاجي، اليوم الأربعاء، مهمتها``: subject, place, date
RETURN_BACK_REACH = 16  # ``استخدمت القوات الأمريكية القاعدة منذ غزو العراق عام 2003، قبل أن تعود إليها``
RETURN_AFTER = 3  # ``لتعود القوات الأمريكية في آب``


def finished_mission(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``أنهى فريق التدريب الأسترالي في بغداد مهمته``: a finish verb, its subject, then the subject's own mission
    (a pronoun on the mission word) is the end of that mission, however long the subject."""
    for j in range(m.last + 1, min(m.last + 1 + OWN_MISSION_REACH, len(toks))):
        tok = toks[j]
        if tok.text in STRONG_BREAKS or lexicon.is_cue(tok, "complementizers") or lexicon.is_cue(tok, "relatives"):
            return False
        if lexicon.is_cue(tok, "own_mission_words"):
            return True
    return False


def _troops_subject(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """Troops just after the verb (``لتعود القوات الأمريكية``) or earlier in its sentence (``انسحبت القوات ...
    قبل أن تعود``), with no other sentence between."""
    if lexicon.has_cue(toks, m.last + 1, m.last + RETURN_AFTER, "troop_words"):
        return True
    return any(lexicon.is_cue(toks[j], "troop_words") for j in words_back(toks, m.first, RETURN_BACK_REACH))


def return_back(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``انسحبت القوات الأمريكية عام 2011 قبل أن تعود بعد ثلاث سنوات``, ``لتعود القوات الأمريكية في آب على رأس
    تحالف لمواجهة داعش``: troops coming back, with no destination named (or a country's common noun, ``إلى
    البلاد``), told against their earlier withdrawal or the war they came back for (a deployment); not troops
    going home (``return_home``) nor ``عاد`` as "again" (``عاد ليؤكد``: no troops, no withdrawal)."""
    after = [j for j in range(m.last + 1, min(m.last + 3, len(toks)))]
    if after and toks[after[0]].norm[:1] == "ل" and not lexicon.is_cue(toks[after[0]], "troop_words"):
        return False  # ``عادت لتؤكد``: again, not back
    if any(lexicon.is_cue(toks[j], "home_words") or lexicon.is_cue(toks[j], "not_against") for j in after):
        return False  # going home; ``منع عودة تنظيم داعش``: the enemy's return
    if after and lexicon.is_cue(toks[after[0]], "presence_words"):
        return False  # ``يعود وجود التحالف إلى عام 2014``: dates back to, no movement
    if m.rule.words[0].startswith("عوده") and pronoun_object(toks[m.last].norm, m.rule.words[0]):
        return False  # ``ومنع عودته``: whose return is told elsewhere, often the enemy's
    return _troops_subject(toks, m) and lexicon.has_cue(toks, 0, len(toks) - 1, "return_context")
