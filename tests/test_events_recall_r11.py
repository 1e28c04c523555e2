"""Round 11: event recall classes (docs/ANNOTATION.md, "Round 11: recall").

Inflections the lexicon left out (a subjunctive plural in وا, a hamza before a pronoun), trigger words of their own
(an intercepted drone, troops on the move, the last flight out, انقضاء, نقل المهام), triggers screened out wrongly (a
liaison team leaving, a negation answered by إلا, a state body's denial of a rumour), statements missed (a governor
or a secretary general speaking, an outlet's tag closed by a slash, a welcome of an agreement) and a clause of time
hung on a date. Sentences are written for these tests; extraction runs with and without the learned tagger.
"""

from __future__ import annotations

import pytest

from analysis.events import lexicon
from analysis.events.modality import exceptive_after
from analysis.text import normalize, tokens


@pytest.fixture
def events(extraction):
    """Events of a short article, by the rules alone or with the learned tagger (the default)."""
    return lambda body, dct="2026-02-10", title="تقرير إخباري عن القوات": extraction(body, dct, title)


def typed(found, type_):
    """The (trigger surfaces, date) of the events of ``type_`` among ``found``."""
    return [(tuple(m.trigger for m in e.mentions), e.date) for e in found if e.type == type_]


def has(found, type_, trigger, date="any"):
    """Is there an event of ``type_`` with a report whose trigger is ``trigger`` (and, unless "any", that date)?"""
    return any(e.type == type_ and any(m.trigger == trigger for m in e.mentions) and (date == "any" or e.date == date) for e in found)


# --- inflections -------------------------------------------------------------------------------------------


def test_inflection_subjunctive_plural_matches_the_imperfect_plural_form():
    rules = lexicon.trigger_rules()
    assert any(r.type == "withdrawal" for r in rules[normalize("يغادروا")])
    assert any(r.type == "withdrawal" for r in rules[normalize("ينسحبوا")])
    assert lexicon.inflections((normalize("يغادرون"),)) == ((normalize("يغادروا"),),)
    assert lexicon.inflections((normalize("غادروا"),)) == ()  # a perfect plural has no such form


def test_inflection_hamza_before_a_pronoun_reads_as_the_bare_noun():
    assert normalize("إخلاء") in lexicon.bare(normalize("بإخلائها"))
    assert normalize("إنهاء") in lexicon.bare(normalize("إنهاؤها"))


def test_subjunctive_plural_in_a_sentence_is_a_withdrawal(events):
    body = "وقع ضباط التحالف المتبقون في قاعدة الحبانية محضر التسليم صباح اليوم قبل أن يغادروا على متن مروحيتين عسكريتين."
    assert has(events(body), "withdrawal", "يغادروا")


def test_verbal_noun_with_a_pronoun_and_hamza_is_a_withdrawal(events):
    body = "تسلم الجيش العراقي، اليوم الثلاثاء، معسكر التاجي بعد إخلائها من آخر مستشاري التحالف الدولي يوم أمس."
    assert has(events(body), "withdrawal", "إخلائها")


# --- trigger words -----------------------------------------------------------------------------------------


def test_intercepted_drone_is_an_attack(events):
    body = "أسقطت الدفاعات الجوية طائرة مسيرة مفخخة قرب قاعدة حرير الجوية شمال أربيل مساء اليوم الثلاثاء."
    assert has(events(body), "attack", "أسقطت", "2026-02-10TEV")


def test_regime_brought_down_is_no_attack(events):
    body = "في ربيع عام 2003 دخلت القوات الأمريكية بغداد وأسقطت حكومة البعث خلال أسابيع قليلة."
    assert not has(events(body), "attack", "وأسقطت")


def test_convoy_moving_towards_a_place_is_a_crossing(events):
    body = "تحركت قافلة عسكرية أمريكية من قاعدة الحبانية ليلة أمس نحو مطار أربيل الدولي."
    assert has(events(body), "redeployment", "تحركت")


def test_last_flight_out_dated_is_a_withdrawal(events):
    body = "أقلعت آخر طائرة نقل تابعة للتحالف الدولي من مدرج قاعدة الحبانية، صباح أمس الاثنين، متجهة إلى الكويت."
    assert has(events(body), "withdrawal", "أقلعت", "2026-02-09TMO")


def test_lapse_of_a_phase_is_a_mission_end(events):
    body = "ومع انقضاء المرحلة الأولى من مهمة التحالف اليوم، تبقى في البلاد مكاتب تنسيق صغيرة."
    assert has(events(body), "mission_end", "انقضاء")


def test_responsibilities_moved_to_the_army_are_a_handover(events):
    body = "أكد قائد القوة الجوية، اليوم الثلاثاء، أن نقل المهام في قاعدة الحبانية إلى القوات العراقية اكتمل بالكامل."
    assert "handover" in {e.type for e in events(body)}


# --- screened out wrongly ----------------------------------------------------------------------------------


def test_a_liaison_team_leaving_is_no_walk_out(events):
    body = "غادر آخر فريق ارتباط تابع للتحالف الدولي قاعدة الحبانية، أمس الاثنين، متوجها إلى الكويت."
    assert has(events(body), "withdrawal", "غادر", "2026-02-09")


def test_a_team_walking_out_of_a_session_stays_out(events):
    body = "انسحب فريق الكتلة النيابية من جلسة البرلمان أمس احتجاجا على جدول الأعمال."
    assert not typed(events(body), "withdrawal")


def test_exceptive_after_a_negation_is_a_happening(events):
    body = "لم يكتمل إخلاء قاعدة الحبانية إلا في منتصف كانون الثاني/يناير 2026، بعد تأخير دام أشهرا."
    assert has(events(body), "withdrawal", "إخلاء", "2026-01")


def test_negation_without_exceptive_is_still_no_event(events):
    body = "لم يكتمل إخلاء قاعدة الحبانية حتى الآن بسبب تأخر شحن المعدات الثقيلة."
    assert not has(events(body), "withdrawal", "إخلاء")


def test_exceptive_after_stops_at_a_clause_break():
    toks = tokens("لم يكتمل الإخلاء، إلا أن القوات غادرت")
    assert not exceptive_after(toks, 2)
    assert exceptive_after(tokens("لم يكتمل الإخلاء إلا أمس"), 2)


def test_state_body_denying_a_rumour_is_a_statement(events):
    body = "نفت قيادة العمليات المشتركة، اليوم الثلاثاء، ما تداولته صفحات عن تأجيل تسليم مقرات المستشارين في بغداد."
    assert has(events(body), "announcement", "نفت")


def test_a_source_denying_a_rumour_stays_out(events):
    body = "نفى مصدر مطلع، اليوم الثلاثاء، ما تداولته صفحات عن تأجيل تسليم مقرات المستشارين في بغداد."
    assert not typed(events(body), "announcement")


# --- statements --------------------------------------------------------------------------------------------


def test_a_governor_leading_an_article_speaks_for_the_state(events):
    body = "الناصرية (وكالات) – قال محافظ ذي قار، اليوم الثلاثاء، إن تسليم قاعدة الإمام علي الجوية تأجل إلى الأسبوع المقبل."
    assert typed(events(body), "announcement") == [(("قال",), "2026-02-10")]


def test_an_outlets_tag_closed_by_a_slash_is_a_dateline(events):
    body = "شفق نيوز/ أفادت خلية الإعلام الأمني، اليوم الثلاثاء، بأن طائرة مسيرة سقطت قرب قاعدة القيارة الجوية."
    assert typed(events(body), "announcement") == [(("أفادت",), "2026-02-10")]


def test_a_welcome_of_an_agreement_is_a_statement_besides_it(events):
    body = "أربيل (وكالات) - رحبت حكومة إقليم كوردستان، اليوم الثلاثاء، بمذكرة التفاهم الموقعة في واشنطن بشأن انسحاب قوات التحالف."
    assert typed(events(body), "announcement") == [(("رحبت",), "2026-02-10")]


# --- a clause of time hung on a date -----------------------------------------------------------------------


def test_when_clause_takes_the_date_it_hangs_on(events):
    body = "وتعود الحكاية إلى كانون الأول/ديسمبر 2011، حين انسحبت القوات الأمريكية من العراق خلال أسبوعين فقط."
    assert has(events(body), "withdrawal", "انسحبت", "2011-12")


def test_when_clause_after_a_duration_takes_no_date(events):
    body = "انتهى وجود دام عقدين، حين تسلمت القوات العراقية قاعدة الحبانية أمس الاثنين."
    assert has(events(body), "handover", "تسلمت", "2026-02-09")


def test_offsets_of_the_new_triggers_are_the_article_text(events):
    body = "أسقطت الدفاعات الجوية طائرة مسيرة مفخخة قرب قاعدة حرير الجوية شمال أربيل مساء اليوم الثلاثاء."
    found = events(body)
    assert found
    for e in found:
        for m in e.mentions:
            assert e.sentence[m.trigger_start - e.sentence_start : m.trigger_end - e.sentence_start] == m.trigger


def test_a_signing_put_off_is_a_statement_not_the_agreement(events):
    body = "لندن (وكالات) - أعلنت وزارة الدفاع البريطانية، اليوم الثلاثاء، إرجاء توقيع اتفاق التعاون الدفاعي مع العراق إلى الربيع."
    assert typed(events(body), "announcement") == [(("أعلنت",), "2026-02-10")]
