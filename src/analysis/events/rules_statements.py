"""Trigger rules for statements, ceremonies and agreements told after the fact (``event_triggers.tsv``).

Each rule takes the sentence's tokens and a lexicon match and says whether the trigger counts there:
an issued statement (``أصدرت ... بياناً``), a stance (``دانت الحكومة الضربة``), a declared truce, a reply,
a ceremony and a bill's reading, the signing of a document named just before it (``المذكرة التي وقعها``,
``الوثيقة الموقعة``) and what a joint body of both sides approves (``أقرت اللجنة العسكرية العليا``).
Conventions: docs/ANNOTATION.md, section "Events"; cue words live in ``data/event_cues.json``.
"""

from __future__ import annotations

from analysis.events import lexicon
from analysis.events.modality import STRONG_BREAKS, words_after, words_before
from analysis.text import Token

SIGNED_POINTER_REACH = 8  # ``مذكرة للتعاون الأمني الثنائي من المتوقع توقيعها``: past the modifiers and the expectation
SIGNED_BACK_REACH = 4  # ``مذكرة التعاون الأمني التي وقعها``: the document, its modifiers, the relative
PARTICIPLES = frozenset({"الموقعه", "موقعه", "الموقع"})
ADMISSION_REACH = 12  # ``أقرت وزارة الدفاع الأمريكية (البنتاغون)، أمس الخميس، بأن``
ADMISSION_LINKS = frozenset({"بان", "بانه", "بانها", "بانهم", "وبان"})
JOINT_BEFORE = 5  # ``غير أن اللجنة العسكرية العليا وافقت``
JOINT_AFTER = 3  # ``أقرت اللجنة العسكرية العليا``
ISSUER_REACH = 8  # ``وأصدرت كتلة برلمانية مقربة من الفصائل بياناً``: verb, subject, object
STANCE_REACH = 6  # ``دانت الحكومة العراقية الضربة``
DECLARED_REACH = 3  # ``هدنة أعلنتها الكتائب``, ``أعلنت هدنة``
REPLY_REACH = 10  # ``ردّ المتحدث باسم الحكومة باسم العوادي اليوم الاثنين بأن``
CEREMONY_REACH = 6  # ``الحفل الرسمي الخاص باستلام قاعدة``


def signed_back(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``مذكرة التعاون التي وقعها الوزيران في آذار``, ``الوثيقة الموقعة في أيار``: the signing of a document
    named just before (a relative clause or a participle); the document noun is no trigger of its own (dated only)."""
    word = m.rule.words[0]
    participle = word in PARTICIPLES
    relative = m.first > 0 and lexicon.is_cue(toks[m.first - 1], "relatives")
    pointer = word.startswith("توقيع") and toks[m.last].norm.endswith(("ها", "ه"))  # ``مذكرة ... من المتوقع توقيعها``
    if participle and relative:
        return False
    if not (participle or relative or pointer or word in ("وقع", "وقعت")):
        return False  # ``وقعها`` with no relative before: the ordinary signing verb
    reach = SIGNED_POINTER_REACH if pointer else SIGNED_BACK_REACH
    for j in range(m.first - 1, max(m.first - 1 - reach, -1), -1):
        tok = toks[j]
        if tok.text in lexicon.cues()["clause_breaks"] or tok.text in STRONG_BREAKS:
            return False
        if lexicon.is_cue(tok, "signed_documents"):
            # ``مذكرة التفاهم التي وقعها``: the two-word trigger مذكرة تفاهم carries the agreement itself
            return not (j + 1 < len(toks) and lexicon.bare(toks[j + 1].norm) & {"تفاهم"})
    return False


def admission(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``أقرت وزارة الدفاع، أمس الخميس، بأن``: أقرّ with بأن after its subject admits a fact (no vote, no approval)."""
    if not m.rule.words[0].startswith("اقر"):
        return False
    return any(toks[j].norm in ADMISSION_LINKS for j in words_after(toks, m.last, ADMISSION_REACH))


def joint_approval(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``أقرت اللجنة العسكرية العليا المشتركة تعديل الجدول``, ``الجدول الذي أقرته اللجنة``: what a joint body of
    both sides approves is agreed by them (an agreement, dated only), not a parliament's vote."""
    if admission(toks, m):
        return False
    lo, hi = m.first - JOINT_BEFORE, m.last + JOINT_AFTER
    if lexicon.has_cue(toks, lo, hi, "parliament_words") or lexicon.has_cue(toks, lo, hi, "parliament_after") or lexicon.has_cue(
        toks, lo, hi + 3, "parliament_committees"
    ):
        return False  # ``لجنة الأمن والدفاع النيابية``: a committee of the parliament
    before = [j for j in words_before(toks, m.first, JOINT_BEFORE) if lexicon.is_cue(toks[j], "joint_bodies")]
    return bool(before) or lexicon.has_cue(toks, m.last + 1, hi, "joint_bodies")


def issued(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``أصدرت الوزارة بياناً``, ``تصدر السفارة بياناً تهنئ فيه``: a statement issued (an announcement), not a
    source (``وقالت في بيان``)."""
    return any(lexicon.is_cue(toks[j], "issuing_verbs") for j in words_before(toks, m.first, ISSUER_REACH))


def stance(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``دانت الحكومة الضربة``, ``استنكرت الوزارة القصف``: a condemnation of an attack (a statement of its own)."""
    return lexicon.has_cue(toks, m.last + 1, m.last + STANCE_REACH, "stance_objects")


def declared(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``هدنة أعلنتها كتائب حزب الله``, ``أعلنت الفصائل هدنة``: a truce declared is a statement of policy."""
    return lexicon.has_cue(toks, m.first - DECLARED_REACH, m.last + DECLARED_REACH, "declare_verbs")


def reply(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``ردّ المتحدث ... بأن الحكومة لن تفاوض``: a reply is a statement (``رد على الهجوم`` is a strike back)."""
    return any(toks[j].norm in ("بان", "بانه", "بانها") for j in words_after(toks, m.last, REPLY_REACH))


def ceremony(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``الحفل الرسمي لتسلم القاعدة``, ``حفلاً بمناسبة استكمال التسليم``: the ceremony of a handover or a
    mission's end (``other``; dated only), not a party or a wedding."""
    return lexicon.has_cue(toks, m.last + 1, m.last + CEREMONY_REACH, "ceremony_topics")


def reading(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``إكمال القراءتين الأولى والثانية`` of a bill on the presence: a step of a law (``other``; dated only).
    The bill is on the presence when its sentence says so, or when the reading names the bill told of before
    (``القراءة الأولى للمشروع``, ``لمشروع القانون``, ``قراءته الثانية``): the article's bill, not a new one."""
    marked = lexicon.has_cue(toks, m.first - 2, m.last + 3, "reading_marks")
    return marked and (lexicon.has_cue(toks, 0, len(toks) - 1, "topic_words") or bill_named_before(toks, m))


BILL_REACH = 3  # ``القراءة الأولى لمشروع القانون``: the ordinal, then the bill


def definite(tok: Token) -> bool:
    """Does the token carry the article (``المشروع``, ``للمشروع``, ``والقانون``)?"""
    return any(prefix.endswith(("ال", "لل")) for prefix, _ in lexicon.stems(tok.norm) if prefix)


def pronoun_object(norm: str, word: str) -> bool:
    """Does the token carry a pronoun suffix (``قراءته``, ``طرحه``), not a taa marbuta written ه (``القراءه``)?"""
    if norm.endswith(("ته", "تها")):
        return True
    return norm.endswith(("ه", "ها")) and not word.endswith("ه")


def bill_named_before(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """The trigger's bill is one the text named before: its pronoun (``قراءته``, ``طرحه``) or a definite bill
    word that ends the bill's name right after it (``للمشروع``, ``لمشروع القانون``; not ``لمشروع قانون الموازنة``)."""
    if pronoun_object(toks[m.last].norm, m.rule.words[-1]):
        return True
    for j in range(m.last + 1, min(m.last + 1 + BILL_REACH, len(toks))):
        if not lexicon.is_cue(toks[j], "bill_words"):
            continue
        k = j
        while k + 1 < len(toks) and lexicon.is_cue(toks[k + 1], "bill_words"):
            k += 1  # ``مشروع القانون``: the head and its noun
        return definite(toks[k])
    return False
