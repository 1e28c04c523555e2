"""Trigger rules for institutional procedure: votes put on or taken off the agenda, a parliament's mandate or
resolution named as a noun, investigations and court rulings (``event_triggers.tsv``).

A bill's vote is often told by the step that schedules it (``طرح المشروع للتصويت``, ``ترحيل التصويت إلى
أيلول``: a planned vote, docs/ANNOTATION.md "Events"; a postponement with no new date is dropped by
extraction), a vote by the noun of what it produced (``تفويض برلماني``, ``القرار الذي اتخذه مجلس النواب``),
and an investigation or a ruling by its committee or its court (``other``). Cue words: ``data/event_cues.json``.
"""

from __future__ import annotations

from analysis.events import lexicon, story
from analysis.events.modality import STRONG_BREAKS, words_before
from analysis.events.rules_statements import bill_named_before, definite, pronoun_object
from analysis.text import Token

AGENDA_REACH = 3  # ``طرح مشروع القانون للتصويت``: the verb, the bill, then the vote
TAKEN_REACH = 4  # ``القرار الذي اتخذه مجلس النواب``: the relative, the verb, the chamber
INQUIRY_REACH = 3  # ``تشكيل لجنة تحقيقية عليا``, ``نتائج التحقيق``
COURT_REACH = 8  # ``أصدرت المحكمة الاتحادية العليا، اليوم الأربعاء، قرارا``
COMMITTEE_BACK = 4  # ``اللجنة التحقيقية العليا، المشكلة في``


def _whole(toks: list[Token], cue: str) -> bool:
    """Is a word of ``cue`` anywhere in the sentence?"""
    return lexicon.has_cue(toks, 0, len(toks) - 1, cue)


def agenda_vote(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``ستطرح هيئة الرئاسة القانون للتصويت``, ``ترحيل التصويت إلى الجلسة المقبلة``, ``تعثر طرحه للتصويت``:
    a vote the agenda puts or moves, on a bill of the presence (said in the sentence, or the bill told before)."""
    for j in words_before(toks, m.first, AGENDA_REACH + 2):
        if not lexicon.is_cue(toks[j], "agenda_verbs"):
            continue
        between = range(j + 1, m.first)
        if all(lexicon.is_cue(toks[k], "bill_words") or k - j <= 2 for k in between):
            verb = min(lexicon.bare(toks[j].norm) & lexicon.cues()["agenda_verbs"], key=len)
            named = pronoun_object(toks[j].norm, verb)  # ``تعثر طرحه للتصويت``: the bill told before
            bill = [k for k in between if lexicon.is_cue(toks[k], "bill_words")]
            told = named or bool(bill) and definite(toks[bill[-1]]) or bill_named_before(toks, m)  # ``التصويت على المشروع``
            return told or _whole(toks, "topic_words")
    return False


MANDATE_REACH = 3  # ``تفويضا من مجلس النواب``


def mandate(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``حصلت الحكومة على تفويض برلماني بسحب قواتها``, ``تفويضا من الكونغرس``: a parliament's mandate on the
    presence is its vote (dated only; what it allows is its content), not a government's or a mission's mandate."""
    given = lexicon.has_cue(toks, m.last + 1, m.last + MANDATE_REACH, "mandate_givers")
    return given and _whole(toks, "topic_words")


def taken_decision(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``القرار الذي اتخذه مجلس النواب في كانون الثاني 2020``: a resolution a parliament took, named as a
    noun, is that parliament's vote (dated only)."""
    if m.last + 2 >= len(toks) or not lexicon.is_cue(toks[m.last + 1], "relatives"):
        return False
    if not lexicon.is_cue(toks[m.last + 2], "decision_taking_verbs"):
        return False
    return lexicon.has_cue(toks, m.last + 3, m.last + 2 + TAKEN_REACH, "parliament_words") or lexicon.has_cue(
        toks, m.last + 3, m.last + 2 + TAKEN_REACH, "parliament_after"
    )


def _inquiry_topic(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """An attack or the presence in the investigation's sentence (``للوقوف على ملابسات الهجوم``)."""
    return _whole(toks, "inquiry_topics") or _whole(toks, "topic_words")


def inquiry(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``تشكيل لجنة تحقيقية``, ``شكّل لجنة للتحقيق``, ``فتح تحقيقا``, ``نتائج التحقيق``: an investigation
    opened or its results, into an attack or on the presence (``other``)."""
    if not lexicon.has_cue(toks, m.last + 1, m.last + INQUIRY_REACH, "inquiry_words"):
        return False
    return _inquiry_topic(toks, m)


def committee_formed(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``اللجنة التحقيقية العليا، المشكلة في الرابع عشر من آذار``: the participle dates the forming of an
    investigative committee named just before (``other``; dated only)."""
    for j in range(m.first - 1, max(m.first - 1 - COMMITTEE_BACK, -1), -1):
        if toks[j].text in STRONG_BREAKS or toks[j].norm in ("في", "على", "من", "عن", "حول"):
            return False  # ``التحقيق في المشكلة``: a problem looked into, no committee formed
        if lexicon.is_cue(toks[j], "inquiry_words"):
            return _inquiry_topic(toks, m)
    return False


def ruling(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``أصدرت المحكمة الاتحادية العليا قرارا ردت بموجبه دعوى``, ``قضت المحكمة``: a court's ruling on the
    presence (``other``), not a parliament's resolution nor a verdict on a crime."""
    near = lexicon.has_cue(toks, m.first - COURT_REACH, m.last + 3, "court_words")
    return near and _whole(toks, "topic_words")


CHAMBER_REACH = 3  # ``صوّت مجلس النواب الإسباني``: the verb, then the chamber


def chamber_vote(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``صوّت مجلس النواب الإسباني، مساء الثلاثاء، بأغلبية واسعة لصالح مقترح ... يقضي بإنهاء مشاركة القوات``: a
    chamber voting (its name right after the verb) in a sentence on the presence, however far the topic."""
    if "ال" in m.prefix:
        return False  # ``التصويت``: the noun is the agenda's (``agenda_vote``) or the topic rule's
    return lexicon.has_cue(toks, m.last + 1, m.last + CHAMBER_REACH, "mandate_givers") and _whole(toks, "topic_words")


# Round 7: families told against the article's story (``analysis.events.story``): a sentence of an article
# about the talks, the bill or an investigation need not name the presence again.

MEETING_REACH = 4  # ``عقدت الفرق الفنية أول اجتماعاتها``, ``الجولة الثانية على مستوى القيادات ستعقد``
ROUND_AFTER = 1  # ``جولة ميدانية``: a tour, not a round of talks
RESULTS_REACH = 3  # ``أعلنت اللجنة، اليوم الأربعاء، نتائج``: the announcing verb, a date may stand between
GOING_REACH = 3  # ``التحقيقات "مستمرة ولا تزال``
SUSPECT_REACH = 4  # ``اعتقال ثلاثة متهمين``
ENVOY_REACH = 9  # ``استدعت وزارة الخارجية، اليوم الخميس، القائم بالأعمال``: subject and date between
REJECT_REACH = 8  # ``رفضت كتل نيابية معارضة، أمس الأحد، الاتفاق الأمني``
VOTE_OBJECT_REACH = 3  # ``التصويت على مشروع القانون``: على, then the bill


def _within(toks: list[Token], lo: int, hi: int, cue: str) -> int | None:
    """The first token of ``cue`` among ``lo..hi`` (clipped), stopping at a strong break."""
    step = 1 if hi >= lo else -1
    for j in range(lo, hi + step, step):
        if not 0 <= j < len(toks) or toks[j].text in STRONG_BREAKS:
            return None
        if lexicon.is_cue(toks[j], cue):
            return j
    return None


def _generic_plural(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """An indefinite plural with no pronoun (``اجتماعات``, ``جولات``): meetings in general, not one of them."""
    word = m.rule.words[-1]
    return word.endswith("ات") and "ال" not in m.prefix and not pronoun_object(toks[m.last].norm, word)


def story_talks(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``عقدت الفرق أول اجتماعاتها``, ``تجتمع الفرق الفنية المنبثقة عن اللجنة``, ``ثم جولة ثالثة في العاصمة``: a
    meeting or a round in an article about the talks on the presence (``other``; dated only), not a tour
    (``جولة ميدانية``), a press conference or a session (``عقد مؤتمرا صحفيا``) nor any meeting elsewhere."""
    if not story.current().has("talks"):
        return False
    if _within(toks, m.last + 1, m.last + MEETING_REACH, "not_meetings") is not None:
        return False
    if not lexicon.is_cue(toks[m.first], "meeting_verbs"):  # a round or a meeting, named by its noun
        if m.prefix.lstrip("وف").startswith("ب") or _generic_plural(toks, m):
            return False  # ``عملت باجتماعات مكثفة``: the means of other work; ``جولات``: rounds in general
        return _within(toks, m.last + 1, m.last + ROUND_AFTER, "not_talks_rounds") is None
    if pronoun_object(toks[m.last].norm, m.rule.words[-1]) or (m.first > 0 and lexicon.is_cue(toks[m.first - 1], "relatives")):
        return False  # ``في اجتماعها الذي عقدته أمس``: the meeting is its noun's (the talks rule), the verb its relative
    return (
        _within(toks, m.last + 1, m.last + MEETING_REACH, "meeting_bodies") is not None
        or _within(toks, m.first - 1, m.first - MEETING_REACH, "meeting_bodies") is not None
    )


def story_reading(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``القراءة الثانية ستجري في غضون أسبوعين``: a reading of the article's bill on the presence (``other``;
    dated only), its sentence naming only the reading's number."""
    return story.current().has("bill") and lexicon.has_cue(toks, m.first - 2, m.last + 3, "reading_marks")


def story_vote(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``تمهيدا للتصويت على القانون في نيسان``, ``التصويت أرجئ ... على أن يجري في أيلول``: the vote on the
    article's bill; not a vote on another bill (``التصويت على قانون الموازنة``) or another matter."""
    if not story.current().has("bill"):
        return False
    if lexicon.has_cue(toks, m.last + 1, m.last + VOTE_OBJECT_REACH, "bill_words"):
        return bill_named_before(toks, m)
    nxt = toks[m.last + 1].norm if m.last + 1 < len(toks) else ""
    return nxt != "علي"  # ``التصويت على الموازنة``: something else is voted on (``عليه``: the bill told before)


def story_inquiry(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``التحقيقات "مستمرة ولا تزال في مراحلها الأولى``: the investigation of the article's attack going on (``other``)."""
    return story.current().has("inquiry") and _within(toks, m.last + 1, m.last + 1 + GOING_REACH, "inquiry_going") is not None


def results_announced(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``ستعلن نتائجها خلال أيام``, ``إعلان النتائج النهائية ... تأجل``: the findings of the article's investigation
    announced (``other``: the findings are the event, the announcing verb reports them)."""
    if not story.current().has("inquiry"):
        return False
    return _within(toks, m.first - 1, m.first - RESULTS_REACH, "announce_verbs") is not None


def arrest(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``اعتقال ثلاثة متهمين بالضلوع في الهجوم``: suspects of an attack arrested (``other``), the attack named in
    the sentence or investigated in the article; not arrests for an ordinary crime."""
    if _within(toks, m.last + 1, m.last + SUSPECT_REACH, "arrest_suspects") is None:
        return False
    return story.current().has("inquiry") or _whole(toks, "story_attack_words") and _whole(toks, "story_targets")


def summoned(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``استدعت وزارة الخارجية القائم بالأعمال الأمريكي``: an envoy summoned in protest (an ``announcement``)."""
    return _within(toks, m.last + 1, m.last + ENVOY_REACH, "envoy_words") is not None


def rejected(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``رفضت كتل نيابية معارضة، أمس الأحد، الاتفاق الأمني``, ``رفض تحالف الفتح القرار``: a party rejecting an
    agreement, a decision or a truce on the presence (an ``announcement``); not ``رفض الإفصاح عن اسمه``."""
    return _within(toks, m.last + 1, m.last + REJECT_REACH, "rejected_objects") is not None and _whole(toks, "topic_words")


HOST_REACH = 3  # ``استضافت لجنة الأمن والدفاع النيابية``


def hosted(toks: list[Token], m: lexicon.TriggerMatch) -> bool:
    """``استضافت لجنة الأمن والدفاع وزير الدفاع``: a committee hearing a minister on the article's bill or on the
    presence (``other``; dated only), not a city hosting a festival."""
    committee = _within(toks, m.last + 1, m.last + HOST_REACH, "committee_words") is not None or _within(
        toks, m.first - 1, m.first - HOST_REACH, "committee_words"
    ) is not None
    return committee and (story.current().has("bill") or _whole(toks, "topic_words"))
