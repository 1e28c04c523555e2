"""Trigger rules where the object is equipment, not troops (``event_triggers.tsv``).

Air-defence and counter-rocket systems follow the presence: dismantling or removing them is a withdrawal
(``فككت القوات الأمريكية منظومات سي-رام``, ``منظومات مماثلة في حرير ستُزال``), while systems Iraq bought are
delivered (``تسليم الدفعة الأولى من الرادارات``: ``other``, as the gold of writer E types it) and then enter
service (``أن تدخل المنظومة الخدمة``: a deployment). Cue words live in ``data/event_cues.json``.
"""

from __future__ import annotations

from analysis.events import lexicon
from analysis.events.modality import STRONG_BREAKS, words_before
from analysis.text import Token

SYSTEMS_AFTER = 8  # ``أزالت، يوم السبت الماضي، منظومات الدفاع الجوي``: a date may stand between
SYSTEMS_BEFORE = 8  # ``منظومات مماثلة في قاعدة حرير بإقليم كردستان ستُزال``: the subject of a passive
DELIVERY_REACH = 16  # ``وصلت إلى قاعدة عين الأسد الجوية غربي الأنبار، أمس الاثنين، الدفعة الأولى من رادارات``
BATCH_REACH = 4  # ``الدفعة الأولى من الرادارات``
SERVICE_REACH = 4  # ``أن تدخل المنظومة الخدمة``
#: ``تزال`` / ``يزال`` are ``لا تزال`` (still) unless a future prefix makes them the passive of أزال (``ستُزال``).
STILL_FORMS = frozenset({"تزال", "يزال"})
#: Verbal nouns govern the object after them (``تفكيك منظومات``), never a subject before.
VERBAL_NOUNS = frozenset({"تفكيك", "ازاله", "نزع", "سحب"})


def _systems_after(toks: list[Token], m: lexicon.TriggerMatch, reach: int) -> int | None:
    """Index of a defence-system word up to ``reach`` tokens after the trigger, in its sentence."""
    for j in range(m.last + 1, min(m.last + 1 + reach, len(toks))):
        if toks[j].text in STRONG_BREAKS:
            return None
        if lexicon.is_cue(toks[j], "defence_systems"):
            return j
    return None


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


def _batch(toks: list[Token], j: int) -> bool:
    """A batch or purchase word just before the system word at ``j`` (``الدفعة الأولى من الرادارات``)."""
    return lexicon.has_cue(toks, j - BATCH_REACH, j - 1, "batch_words")


def delivery(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``تسليم الدفعة الأولى من الرادارات``, ``وصلت ... الدفعة الأولى من رادارات ومنصات منظومة الدفاع الجوي``:
    systems bought, delivered or arriving in batches (``other``), told by their batch or by a purchase word in
    the sentence (``التي تعاقدت عليها الوزارة``); a handover of a base or of the departing forces' gear is not."""
    j = _systems_after(toks, m, DELIVERY_REACH)
    if j is None:
        return False
    return _batch(toks, j) or lexicon.has_cue(toks, 0, len(toks) - 1, "purchase_words")


def in_service(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``أن تدخل المنظومة الخدمة الفعلية``, ``دخول الرادارات الخدمة``: a system entering service (a deployment)."""
    service = next((j for j in range(m.last + 1, min(m.last + 1 + SERVICE_REACH, len(toks))) if lexicon.is_cue(toks[j], "service_words")), None)
    if service is None:
        return False
    return lexicon.has_cue(toks, m.first - SERVICE_REACH, service, "defence_systems")
