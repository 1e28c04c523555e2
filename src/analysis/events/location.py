"""Where an event happens: the place its trigger governs in its sentence (docs/ANNOTATION.md, "Events").

Candidates come from ``analysis.entities`` (LOC), the gazetteer (``data/event_places.tsv``) and
site names written with their head noun even when the gazetteer does not know them (``قاعدة كي
وان``, ``معسكر الأزرق``, ``مطار أربيل الدولي``, ``موقع «البرج 22»``). Each candidate records the
preposition that governs it (``من``/``إلى``/``في``/``على``/``ب``, or none: an object).

The place a trigger governs among these is chosen by ``analysis.events.governing``.

Classes (word lists in ``data/place_cues.json``; compass words and examples in
``analysis.events.place_phrases``): compass words after a preposition name a region of
a country or stand for the city they qualify (``من شمال سوريا``, ``في شرق بغداد``); places listed
after ``بينها``/``ومنها``/``بما في ذلك`` are examples, the place only when nothing else is; a name starting with or
after a force's head (``قوات سوريا الديمقراطية``) and a head noun alone (``ريف``) are no places; a
place named with its head noun (``مدينة أربيل``) is an object at any distance; ``منها``/``إليها``
point back to the base named before in the sentence (else the place named before), a generic
``الإقليم``/``البلاد`` to the place of that kind (a region or city also in the article's sentences
before); a known name after a site head is taken whatever its words look like
(``قاعدة علي السالم``); a landmark before the trigger (``تعرضت دورية قرب كوباني لقصف``) places it
when nothing else does. A definite site noun followed by a relative clause (``المقر الذي كان يشغله
التحالف في مطار أربيل``) is the site that clause names; places after ``بما في ذلك`` are examples; a
place joined by ``و`` to the one before it shares its preposition; ``حيث`` after a place stands for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from analysis.events import lexicon
from analysis.events.place_phrases import PROCLITIC_PREPS, compass_span, is_example
from analysis.events.places import hierarchy, place_cues, place_info
from analysis.text import Token, normalize

#: Prepositions that govern a place, by their normalized form.
PREPOSITIONS = {
    "من": "من", "الي": "إلى", "نحو": "إلى", "باتجاه": "إلى", "في": "في", "داخل": "في", "علي": "على", "عن": "من",
    "يخص": "في", "تخص": "في", "يتعلق": "في",  # ``بما يخص أربيل``: the part of the event that concerns a place
}  # fmt: skip
SITE_NAME_MAX = 3  # words of an unknown site's name after its head noun
QUOTES = frozenset({"«", "»", '"', "“", "”"})
RELATIVE_REACH = 8  # words from ``الذي``/``التي`` to the site its clause names
WHERE_REACH = 6  # words back from ``حيث`` to the place it stands for
STRONG_STOPS = frozenset({".", "؛", ";", "!", "؟"})
DATELINE_MARKS = frozenset("-–—/:(")  # after a place that opens a line: the dateline (``بغداد (رويترز) -``)
SPEAKER_VERBS = ("speech_verbs", "stance_verbs", "denials")  # a place right after one of these is the speaker


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    """Head nouns a place name may follow (``قاعدة``, ``مدينة``, ``جيب``): ``place_heads`` and ``area_heads``."""
    return lexicon.cues()["place_heads"] | place_cues()["area_heads"]


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Words that never start a site's name: a force's head, an example marker."""
    return place_cues()["force_heads"] | place_cues()["example_words"]


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a sentence: token range, canonical name, level, governing preposition."""

    first: int
    last: int
    name: str
    level: int
    role: str  # "obj" (no preposition), the preposition (من إلى في على ب), "origin" (``القادمة من``, ``المتمركزة في``)
    # "speaker" (the subject of a speech verb: ``نفت السفارة الأمريكية``) or "dateline" (``أربيل (أ ف ب) -``)
    excluded: bool = False  # after باستثناء / خارج / عدا
    headed: bool = False  # named with a head noun (``مدينة أربيل``, ``قاعدة حرير``): an object wherever it stands
    example: bool = False  # listed as an example (``بينها مطار صرين``): the place only when nothing else is
    moved: bool = False  # an origin the troops come from (``القادمة من``, ``المنسحبة من``), not where they are stationed


# ---------------------------------------------------------------------------------------------
# The gazetteer: levels and containment


def place_level(name: str) -> int:
    """A place's precision: 3 base/site, 2 city/region (also any unknown place), 1 country."""
    place = place_info(name)
    return place.level if place else 2


def canonical_place(name: str) -> str:
    """A place as the gazetteer names it, else as written."""
    place = place_info(name)
    return place.canonical if place else name


def same_place(a: str | None, b: str | None) -> bool:
    """Equal places, or one missing, or one the country of the other (the merge's looser test)."""
    if a is None or b is None or a == b:
        return True
    pa, pb = place_info(a), place_info(b)
    return bool(pa and pb and (pa.country == pb.canonical or pb.country == pa.canonical) and min(pa.level, pb.level) == 1)


# ---------------------------------------------------------------------------------------------
# Place mentions of a sentence


def _proclitics(tok: Token, word: str) -> str | None:
    """The proclitics of ``tok`` before ``word`` (normalized), or None when ``tok`` does not end in it."""
    if tok.norm == word:
        return ""
    if tok.norm.endswith(word) and len(tok.norm) - len(word) <= 3:
        return tok.norm[: len(tok.norm) - len(word)]
    return None


def _role(toks: list[Token], first: int, name: str) -> str:
    """What governs the place at ``first`` (its head noun skipped): a preposition, ``near`` (a landmark:
    ``قرب``, ``جنوب``, ``المجاورة لـ``), ``speaker`` (right after a speech verb: ``أوضحت السفارة``) or ``obj``
    (nothing: an object or a subject)."""
    heads = _heads()
    i = first
    while i > 0 and lexicon.bare(toks[i - 1].norm) & heads:
        i -= 1
    if i < first:  # ``بقاعدة حرير``: the clitic is on the head noun
        prefix = next((p for p, stem in lexicon.stems(toks[i].norm) if stem in heads), "")
    else:
        words = normalize(name).split()
        prefix = (_proclitics(toks[first], words[0]) if words else "") or ""
    prefix = prefix.lstrip("وف")
    prev = toks[i - 1] if i > 0 else None
    if not prefix and lexicon.is_cue(toks[first], "near_words") and (prev is None or prev.norm not in PREPOSITIONS):
        return "near"  # ``الوحدات الكردية شرق الفرات``: a region named with its compass word, no preposition
    if prev is not None and (lexicon.is_cue(prev, "near_words") or prefix.startswith("ل") and lexicon.is_cue(prev, "adjacent_words")):
        return "near"
    for clitic, role in PROCLITIC_PREPS.items():
        if prefix.startswith(clitic):
            return role
    if prev is not None:
        word = prev.norm[1:] if prev.norm[:1] in ("و", "ف") and prev.norm[1:] in PREPOSITIONS else prev.norm
        if word in PREPOSITIONS:
            return "origin" if i > 1 and _describes_troops(toks[i - 2], PREPOSITIONS[word]) else PREPOSITIONS[word]
    if prev is not None and any(lexicon.is_cue(prev, cue) for cue in SPEAKER_VERBS):
        return "speaker"  # ``أوضحت السفارة الأمريكية أن``: who speaks, not where anything happens
    return "obj"


def _describes_troops(participle: Token, prep: str) -> bool:
    """``القوة القادمة من التنف``, ``القوات المنسحبة من عين الأسد``, ``القوات المتمركزة في التنف``: a participle
    before the preposition says where the troops come from or are stationed, a place no trigger governs (role
    ``origin``)."""
    coming = lexicon.is_cue(participle, "coming_from") or bool(lexicon.bare(participle.norm) & place_cues()["withdrawn_from"])
    return prep == "من" and coming or prep == "في" and lexicon.is_cue(participle, "stationed_words")


def _after_from(toks: list[Token], first: int) -> bool:
    """Is the place at ``first`` (its head nouns skipped) governed by من (``القادمة من قاعدة عين الأسد``)?"""
    i = first
    while i > 0 and lexicon.bare(toks[i - 1].norm) & _heads():
        i -= 1
    return i > 0 and toks[i - 1].norm.lstrip("وف") == "من"


def _excluded(toks: list[Token], first: int) -> bool:
    """Is the place at ``first`` named as an exception (``باستثناء``, ``خارج``, ``عدا``)?"""
    c = lexicon.cues()
    for j in range(first - 1, max(first - 4, -1), -1):
        if lexicon.is_cue(toks[j], "exclusions"):
            return True
        if not lexicon.bare(toks[j].norm) & c["place_heads"] and toks[j].text not in ("،", ","):
            return False
    return False


def _in_organisation(toks: list[Token], first: int) -> bool:
    """Is the place part of an organisation's name (``قيادة عمليات بغداد``, ``حكومة إقليم كردستان``)? A definite
    head takes no name after it (``تسلمت الحكومة مركز بغداد للدعم الدبلوماسي``: the government, then the object)."""
    if first == 0:
        return False
    heads = lexicon.cues()["org_heads"]
    readings = [p for p, stem in lexicon.stems(toks[first - 1].norm) if stem in heads]
    return bool(readings) and not all("ال" in p or p.endswith("لل") for p in readings)


def _name_word(tok: Token) -> bool:
    """Can ``tok`` be a word of a site's name (not a stop word, a preposition with a clitic, punctuation)?"""
    c = lexicon.cues()
    if not tok.text[:1].isalnum() or lexicon.bare(tok.norm) & c["site_name_stops"] or lexicon.is_cue(tok, "site_heads"):
        return False
    if tok.norm.startswith(("لل", "بال", "وال", "كال")) or tok.norm.endswith(("ها", "هم", "هما")):
        return False
    if lexicon.bare(tok.norm) & _not_names():
        return False  # ``قاعدة قوات التحالف``: the forces' base, no name
    # يقتل, تستضيف: an imperfect verb ends the name (a known تكريت or تلعفر is found by the gazetteer first)
    return not (tok.norm[:1] == "ي" and len(tok.norm) >= 4 or tok.norm[:1] == "ت" and len(tok.norm) >= 5)


def _site_names(toks: list[Token], taken: set[int]) -> list[tuple[int, int, str, bool]]:
    """Sites named with their head (``قاعدة كي وان``, ``مطار X الدولي``, ``موقع «X»``): first, last, name, airport.

    An airport keeps its head noun (``مطار أربيل الدولي``); other heads are left out (``قاعدة حرير`` →
    ``حرير``). A definite head (``القاعدة``) names no site: it points back (``anaphoric_sites``).
    ``taken`` are tokens already named (known places) or inside a timex.
    """
    out = []
    for i, tok in enumerate(toks[:-1]):
        readings = [(p, stem) for p, stem in lexicon.stems(tok.norm) if stem in lexicon.cues()["site_heads"]]
        if not readings or any("ال" in p for p, _ in readings if p):
            continue
        if i > 0 and lexicon.is_cue(toks[i - 1], "quantifiers"):
            continue  # ``أول قاعدة تخليها``, ``أي قاعدة``: no particular site
        airport = any(stem == "مطار" for _, stem in readings)
        j = i + 1
        known = _known_after(toks, j, airport)
        if known is not None:  # ``قاعدة علي السالم``: a name the gazetteer knows, whatever its words look like
            k, name = known
            out.append((i, k, name, True) if airport else (j, k, name, False))
            continue
        if toks[j].text in QUOTES:
            k = next((k for k in range(j + 1, min(j + 6, len(toks))) if toks[k].text in QUOTES), None)
            if k is not None and k > j + 1:
                out.append((j + 1, k - 1, " ".join(t.text for t in toks[j + 1 : k]), False))
            continue
        if not airport and any(k in taken for k in range(j, min(j + 3, len(toks)))):
            continue  # ``قاعدة الاحتلال الأمريكي عين الأسد``: the known place names it
        words: list[int] = []
        while j < len(toks) and len(words) < SITE_NAME_MAX and _name_word(toks[j]) and (airport or j not in taken):
            words.append(j)
            j += 1
        if not words:
            continue
        known = [k for k in words if k in taken]
        if airport and known:  # ``مطار أربيل``: the airport is named after the known city, nothing more
            words = words[: words.index(known[0]) + 1]
            j = words[-1] + 1
        if airport and j < len(toks) and toks[j].norm == "الدولي":
            words.append(j)
        name = " ".join(t.text for t in toks[words[0] : words[-1] + 1])
        out.append((i, words[-1], f"مطار {name}", True) if airport else (words[0], words[-1], name, False))
    return out


def _kept_head_sites(toks: list[Token], taken: set[int]) -> list[tuple[int, int, str, bool]]:
    """Places whose head noun is part of their name (``وادي حوران``: ``kept_heads``), not known to the gazetteer:
    the head and up to ``SITE_NAME_MAX`` name words after it (first, last, name, True: a known place inside is
    part of it, as in an airport's name). A definite head (``الوادي``) names none."""
    out = []
    heads = place_cues()["kept_heads"]
    for i, tok in enumerate(toks[:-1]):
        if i in taken or not any(stem in heads and "ال" not in p for p, stem in lexicon.stems(tok.norm)):
            continue
        words = []
        j = i + 1
        while j < len(toks) and len(words) < SITE_NAME_MAX and j not in taken and _name_word(toks[j]):
            words.append(j)
            j += 1
        if words:
            head = next(stem for p, stem in lexicon.stems(tok.norm) if stem in heads)
            out.append((i, words[-1], " ".join([head, *(toks[k].text for k in words)]), True))
    return out


def _known_after(toks: list[Token], j: int, airport: bool) -> tuple[int, str] | None:
    """The longest known place of up to ``SITE_NAME_MAX`` words from ``j`` (last token, canonical name):
    ``قاعدة علي السالم`` even when the tagger reads a person. An airport is named as the tree names it."""
    for k in range(min(j + SITE_NAME_MAX, len(toks)) - 1, j - 1, -1):
        words = " ".join(t.text for t in toks[j : k + 1])
        name = f"مطار {words}" if airport else words
        info = place_info(name)
        if info is not None and info.level == 3 and not any(t.text in QUOTES for t in toks[j : k + 1]):
            return k, info.canonical
    return None


def anaphoric_sites(toks: list[Token], blocked: set[int] = frozenset()) -> list[int]:
    """Token indexes of a definite site head with no name after it (``القاعدة``, ``المعسكر``): the base named before.

    ``تنظيم القاعدة`` is an organisation; a timex right after (``القاعدة مساء الخميس``) is no name.
    """
    out = []
    heads = lexicon.cues()["anaphoric_heads"] | place_cues()["anaphoric_heads"]
    for i, tok in enumerate(toks):
        readings = [p for p, stem in lexicon.stems(tok.norm) if stem in heads]
        if readings and any(p.endswith(("ال", "لل")) for p in readings) and not (i > 0 and toks[i - 1].norm == "تنظيم"):
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is None or i + 1 in blocked or not _names_after_definite_head(toks, i + 1):
                out.append(i)
    return out


def _names_after_definite_head(toks: list[Token], j: int) -> bool:
    """Does the word at ``j`` name the site a definite head stands before (``القاعدة عين الأسد``)? Only a
    known place or a quoted name does: an Arabic definite noun takes no unknown name after it, so
    ``تسلمت القاعدة بكامل منشآتها`` and ``منشآت القاعدة فور خروج`` point back to the base named before;
    a web page (``الموقع الرسمي``) is no site."""
    tok = toks[j]
    if tok.text in QUOTES or lexicon.bare(tok.norm) & place_cues()["not_site_after_head"]:
        return True
    return _name_word(tok) and any(place_info(" ".join(t.text for t in toks[j:k])) is not None for k in range(j + 1, min(j + SITE_NAME_MAX, len(toks)) + 1))


def sentence_places(
    toks: list[Token], located: Sequence[tuple[int, int, str]], blocked: set[int] = frozenset(), last_base: str | None = None,
    named_before: Sequence[str] = (),
) -> list[PlaceMention]:
    """Every place of the sentence: ``located`` (entity and gazetteer spans: first, last, name), site
    names, ``القاعدة`` standing for ``last_base`` (the base the article named last), and a generic
    ``الإقليم``/``المدينة``/``البلاد`` standing for the place of its kind named last before it (this
    sentence, else ``named_before``: the places the article named in the sentences before, in order).

    A place inside an airport's name (``أربيل`` in ``مطار أربيل الدولي``) is the airport; a place in
    an organisation's name (``قيادة عمليات بغداد``) is no place; tokens in ``blocked`` (timexes) name none.
    """
    located = [compass_span(toks, span) for span in [*located, *_unclaimed(toks, located)] if _named_place(toks, span)]
    taken = {i for first, last, _ in located for i in range(first, last + 1)} | set(blocked)
    sites = _site_names(toks, taken) + _kept_head_sites(toks, taken)
    airports = [(f, l) for f, l, _, is_airport in sites if is_airport]
    spans = [s for s in located if not any(f <= s[0] and s[1] <= l for f, l in airports)]
    spans += [(f, l, name) for f, l, name, _ in sites]
    anaphoric = [i for i in anaphoric_sites(toks, set(blocked)) if i not in taken]
    for i in anaphoric:  # the site its relative clause names, else the base named last before it (this sentence or earlier)
        described = _described_site(toks, i, spans)
        earlier = [s for s in spans if s[1] < i and _level(toks, s) == 3 and _role(toks, s[0], s[2]) not in ("near", "speaker")]
        base = described or (max(earlier, key=lambda s: s[0])[2] if earlier else last_base)
        if base:
            spans.append((i, i, base))
    generic = _generic_anaphors(toks, spans, taken, named_before)
    spans += [(i, i, name) for i, name in generic.items()]
    pronouns: dict[int, str] = {}
    levels: dict[int, int] = {}
    for i, tok in enumerate(toks):  # ``انسحابها منها``: the base named before it in this sentence, else the place
        if i in taken or tok.norm not in place_cues()["pronoun_objects"]:  # (``دخلت العراق ... قبل أن تعود إليه``)
            continue
        named = [(s, _level(toks, s)) for s in spans if s[1] < i and _role(toks, s[0], s[2]) not in ("near", "speaker", "dateline")]
        earlier = [(s, lv) for s, lv in named if lv == 3] or named
        if earlier:
            span, levels[i] = max(earlier, key=lambda e: e[0][0])
            spans.append((i, i, span[2]))
            pronouns[i] = PREPOSITIONS.get(normalize(tok.norm[:-2] if tok.norm.endswith("ها") else tok.norm[:-1]), "obj")
    for i, tok in enumerate(toks):  # ``إلى أربيل في إقليم كردستان، حيث يستمر عمل التحالف``: where = in that place
        if i in taken or tok.norm not in place_cues()["where_words"]:
            continue
        named = [s for s in spans if i - WHERE_REACH <= s[1] < i and not any(t.text in STRONG_STOPS for t in toks[s[1] + 1 : i])]
        if named:
            spans.append((i, i, max(named, key=lambda s: (_level(toks, s), -s[0]))[2]))
            pronouns[i] = "في"
    out = []
    seen: list[tuple[int, int]] = []
    for first, last, name in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if any(f <= first and last <= l for f, l in seen) or _in_organisation(toks, first):
            continue
        seen.append((first, last))
        level = 3 if first in anaphoric else levels.get(first, 3) if first in pronouns else _level(toks, (first, last, name))
        headed = first in anaphoric or first in pronouns or first in generic or _with_head(toks, first)
        role = pronouns.get(first) or _role(toks, first, toks[first].text if first in generic else name)
        if first == 0 and last + 1 < len(toks) and toks[last + 1].text[:1] in DATELINE_MARKS:
            role = "dateline"  # ``أربيل (أ ف ب) -``, ``بغداد/ شفق نيوز-``: where the report was filed, no event's place
        moved = role == "origin" and _after_from(toks, first)
        out.append(PlaceMention(
            first, last, canonical_place(name), level, role, _excluded(toks, first), headed, is_example(toks, first), moved,
        ))  # fmt: skip
    return _coordinated(toks, out)


def _coordinated(toks: list[Token], mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A place joined by ``و`` right after another (``في جرف النصر والقائم``) shares that place's role: the
    preposition governs both, the second is no object of its own."""
    out: list[PlaceMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        joined = toks[m.first].norm.startswith("و") and not normalize(m.name).startswith("و")
        if prev is not None and joined and prev.last == m.first - 1 and m.role == "obj" and prev.role not in ("obj", "near"):
            m = replace(m, role=prev.role, example=prev.example)
        out.append(m)
    return out


def _described_site(toks: list[Token], i: int, spans: Sequence[tuple[int, int, str]]) -> str | None:
    """The site named in the relative clause after the definite site noun at ``i`` (``المقر الذي كان يشغله
    التحالف في مطار أربيل``: the airport), within ``RELATIVE_REACH`` words; None without one."""
    words = place_cues()["relative_words"]
    rel = next((j for j in range(i + 1, min(i + 3, len(toks))) if toks[j].norm in words), None)
    if rel is None:
        return None
    inside = [s for s in spans if rel < s[0] <= rel + RELATIVE_REACH and _level(toks, s) == 3]
    return min(inside, key=lambda s: s[0])[2] if inside else None


def _with_head(toks: list[Token], first: int) -> bool:
    """Is the place named with a head noun (``مدينة أربيل``, ``قاعدة حرير``, ``جيب هجين``)?"""
    return first > 0 and bool(lexicon.bare(toks[first - 1].norm) & _heads())


def _generic_anaphors(
    toks: list[Token], spans: Sequence[tuple[int, int, str]], taken: set[int], named_before: Sequence[str] = ()
) -> dict[int, str]:
    """``تغادر الإقليم``, ``خارج البلاد``: a definite generic place noun standing alone (token index) and
    the place of its kind named last before it in the sentence (a region, a city or province, a country),
    else (a region, a city) in the article's sentences before (``named_before``; a region also as the region of a place inside it:
    ``أربيل`` before ``الإقليم`` is in ``إقليم كردستان``). A news story names its region or city once and then
    writes ``الإقليم``, ``المدينة``."""
    cues = place_cues()
    kinds = {"generic_region": lambda i: i.level == 2 and normalize(i.canonical).startswith("اقليم"),
             "generic_city": lambda i: i.level == 2 and not normalize(i.canonical).startswith("اقليم"),
             "generic_country": lambda i: i.level == 1}  # fmt: skip
    out: dict[int, str] = {}
    words = cues["generic_region"] | cues["generic_city"] | cues["generic_country"]
    for i, tok in enumerate(toks):
        stems = lexicon.bare(tok.norm)
        if not stems & words or i in taken or _in_organisation(toks, i):
            continue
        if i + 1 < len(toks) and _name_word(toks[i + 1]) and place_info(toks[i + 1].text) is not None:
            continue  # ``المدينة الموصل``-like apposition: the name follows
        kind = next(k for k in kinds if stems & cues[k])
        before = [(s[0], info.canonical) for s in spans if s[1] < i and (info := place_info(s[2])) is not None and kinds[kind](info)]
        if before:
            out[i] = max(before)[1]
            continue
        if kind == "generic_country":
            continue  # ``في البلاد`` with no country before it in the sentence: the article's country, guessed later anyway
        named = next((q for p in reversed(named_before) if (q := _of_kind(p, kind, kinds[kind])) is not None), None)
        if named is not None:
            out[i] = named
    return out


def _of_kind(name: str, kind: str, fits: Callable[[lexicon.Place], bool]) -> str | None:
    """``name`` itself when it is a place of ``kind`` (``fits``); for a region, else the region it lies in
    (``حرير`` → ``إقليم كردستان``, by the place tree); None otherwise."""
    info = place_info(name)
    if info is not None and fits(info):
        return info.canonical
    if kind != "generic_region":
        return None
    for outer in hierarchy().chain(name)[1:]:
        info = place_info(outer)
        if info is not None and fits(info):
            return info.canonical
    return None


def _unclaimed(toks: list[Token], located: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Gazetteer places the tagger read as something else (``بلدة عين عيسى`` as a person): names of two
    words or more, or after a place head noun, that no located span overlaps."""
    out = []
    for i, j, place in lexicon.gazetteer_spans(toks, lexicon.places()):
        if any(f <= j and i <= l for f, l, _ in located):
            continue
        if j > i or _with_head(toks, i):
            out.append((i, j, place.canonical))
    return out


def _named_place(toks: list[Token], span: tuple[int, int, str]) -> bool:
    """Is a tagged span a place name? Not a force's name, a head noun alone, or a verb after a site head
    (``قاعدة تستضيف قوات``: the base that hosts forces)."""
    first, last, name = span
    if _force_named(toks, first) or _head_only(name):
        return False
    return not (first == last and _headed(toks, first) and place_info(name) is None and not _name_word(toks[first]))


def _head_only(name: str) -> bool:
    """Is a named span only a head noun (``ريف`` of ``ريف دير الزور``, ``منطقة``)? It names no place."""
    words = normalize(name).split()
    return len(words) == 1 and bool(lexicon.bare(words[0]) & _heads())


def _force_named(toks: list[Token], first: int) -> bool:
    """Does a named span start with, or follow, a force's head (``قوات التحالف الدولي``, ``قوات سوريا الديمقراطية``)?"""
    heads = place_cues()["force_heads"]
    return bool(lexicon.bare(toks[first].norm) & heads) or first > 0 and bool(lexicon.bare(toks[first - 1].norm) & heads)


def _level(toks: list[Token], span: tuple[int, int, str]) -> int:
    """The level of a named span: the gazetteer's, else 3 for a site named with its head, else 2."""
    known = place_info(span[2])
    kept = bool(lexicon.bare(normalize(span[2].split()[0])) & place_cues()["kept_heads"]) if span[2] else False
    return known.level if known else 3 if _headed(toks, span[0]) or span[2].startswith("مطار ") or kept else 2


def _headed(toks: list[Token], first: int) -> bool:
    """Is the place right after a site head noun (``قاعدة``, ``معسكر``, ``مطار``)?"""
    return first > 0 and bool(lexicon.bare(toks[first - 1].norm) & lexicon.cues()["site_heads"])
