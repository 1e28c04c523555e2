"""The place a trigger governs among the places of its sentence (docs/ANNOTATION.md, "Events").

For a trigger the place is chosen inside its clause (``clauses.clause_span``) by the roles its type
allows, in the order of the ``place_roles`` column of ``data/event_types.tsv``: a withdrawal's
``من`` before its ``في``, a redeployment's ``إلى`` first, an attack's object; ``before`` lets a
place before the trigger count (the subject of ``تعرضت قاعدة حرير لهجوم``); ``at`` a في place right after
the trigger (``وقعا أمس في واشنطن``: where an agreement was done); ``origin`` a place the troops
come from or are stationed in (``القوة القادمة من التنف``, ``القوات المتمركزة في التنف``: what a
withdrawal leaves, never where a redeployment goes, never a ``before`` place of a type without it). Within a role the
nearest wins and a base beats its province, a province its country. A place after an exclusion
(``باستثناء إقليم كردستان``, ``خارج الإقليم``) is never the place, nor a bare country before the trigger
(its subject: ``إيطاليا نشرت قوات … وسحبتها``), nor a landmark before a type that takes no place before it
(a vote, a war). Which place contains which (a base ⊂ its province ⊂ its country) is ``analysis.events.places``
(the timeline's place tree).

A handover, attack or withdrawal whose clause names no place is at the base named last
before it in its sentence. When the clause governs none, ``analysis.events.attributes.pick_place`` also asks
for the place an object pronoun on the trigger stands for (``pronoun_antecedent``), the place a relative clause
on its object names (``described_object_place``) and a foreign legislature's country (``legislature_country``,
``data/legislatures.tsv``). The places themselves come from ``analysis.events.location``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from analysis.events import lexicon, modality
from analysis.events.location import PlaceMention, place_info
from analysis.resources import read_dicts
from analysis.text import Token, normalize

AT_REACH = 3  # ``وقعت في واشنطن``, ``وقعا أمس في واشنطن``: a place of role ``at`` is this close after the trigger
OBJ_CITY_REACH = 5  # a city (not a site) is the object of a trigger only this close after it
LEGISLATURES = "legislatures.tsv"
LEGISLATURE_REACH = 2  # ``مجلس النواب الهولندي``: words from a parliament word to its nationality
PLACE_PRONOUNS = ("ها",)  # an object pronoun that stands for a place named before (a base, a town: feminine)
SITE_FIRST_ROLES = ("obj", "من")  # types whose place is first the site acted on or left: a base named before stands in


def governed_place(
    mentions: Sequence[PlaceMention], first: int, last: int, clause: tuple[int, int], roles: Sequence[str],
    invades: bool = False, framing: bool = False,
) -> str | None:
    """The place of the trigger at ``first..last`` in its ``clause`` by the type's ``roles`` (see above).

    An object is a site anywhere in the clause, or a city right after the trigger (``OBJ_CITY_REACH``);
    a country is never an object (``انسحبت ألمانيا``: the subject), except of a trigger that ``invades`` a
    place (``غزو العراق``, ``غزت القوات العراق``: ``place_objects``), whose object comes first.
    Before the trigger the most precise place counts, never a government acting (``واشنطن``). A ``framing`` noun
    (``حتى انسحاب تلك القوات أواخر 2011``) takes only what it governs after it: the places before are the main clause's.
    """
    if framing:
        roles = tuple(r for r in roles if r != "before")
    own = roles
    if invades and roles and roles[0] != "إلى":  # a redeployment is at its destination, whatever it left
        roles = ("obj", *(r for r in roles if r != "obj"))
    lo, hi = clause
    listed = [m for m in mentions if lo <= m.first <= hi and not m.excluded]
    after = [m for m in listed if last < m.first and not m.example]
    before = [m for m in listed if m.last < first and not m.example]
    for role in (*roles, "near", "example") if roles else ():  # a landmark (``قرب مطار بغداد``) when nothing else is named
        if role == "before":
            pool = [m for m in before if m.role not in ("near", "speaker", "dateline") and (m.role != "origin" or "origin" in roles)
                    and not (m.role == "obj" and m.level == 1)]  # ``إيطاليا نشرت قوات … وسحبتها``: a bare country before is the subject
            pool = sorted((m for m in pool if not _acting(m.name)), key=lambda m: (-m.level, first - m.last))
        elif role == "obj":
            near = OBJ_CITY_REACH
            pool = [m for m in after if m.role == "obj" and (m.level == 3 or m.level == 2 and (m.headed or m.first - last <= near)
                                                          or invades and m.level == 1 and m.first - last <= near)]
        elif role == "named":  # ``معركة الباغوز``, ``عملية واسعة لتمشيط وادي حوران``: the place the trigger names, close after it
            pool = [m for m in after if m.role == "obj" and m.first - last <= OBJ_CITY_REACH]
        elif role == "at":  # ``وقعا أمس في واشنطن مذكرة``: where it was done, right after the trigger (not its content's place)
            pool = [m for m in after if m.role == "في" and m.first - last <= AT_REACH]
        elif role == "near":  # ``قرب مطار بغداد`` after the trigger, else before it (``تعرضت دورية قرب كوباني لقصف``)
            pool = [m for m in after if m.role == "near"]
            if not pool and "before" in own:  # a landmark before a vote or a war is another event's (``مقتل … قرب مطار بغداد، صوت``)
                pool = sorted((m for m in before if m.role == "near"), key=lambda m: -m.last)
        elif role == "example":  # ``بينها مطار صرين``: only when the clause names nothing else
            pool = [m for m in listed if m.example and m.first > last]
        else:  # the most precise of the places so governed, then the nearest
            pool = sorted((m for m in after if m.role == role), key=lambda m: (-m.level, m.first))
        if pool:
            return pool[0].name
    return _base_named_before(mentions, first, clause) if own and own[0] in SITE_FIRST_ROLES and not framing else None


def _base_named_before(mentions: Sequence[PlaceMention], first: int, clause: tuple[int, int]) -> str | None:
    """A trigger whose clause names no place, of a type whose place is the site acted on or left (its first
    role ``obj`` or ``من``: a handover, an attack, a withdrawal), is at the base named last before it in its
    sentence (``وتعرضت عين الأسد ... لهجمات ... كان أشدها هجوم في آب``; ``استهداف للقاعدة منذ أن انتقلت
    إلى السيطرة العراقية``), never a destination (``إلى``), a landmark, an origin, an example or an exception."""
    lo, hi = clause
    pool = [
        m for m in mentions
        if m.last < first and not lo <= m.first <= hi and m.level == 3
        and not m.excluded and not m.example and m.role not in ("near", "origin", "إلى", "speaker", "dateline")
    ]  # fmt: skip
    return max(pool, key=lambda m: m.first).name if pool else None



def described_object_place(mentions: Sequence[PlaceMention], toks: Sequence[Token], last: int, clause: tuple[int, int]) -> str | None:
    """The place the relative clause on a trigger's object names (``تسلم الجيش مقر التنسيق الذي كان يشغله التحالف
    في قضاء القائم``, ``مركز التدريب الذي كانت تديره البعثة في معسكر التاجي``, ``الموقع الذي كانت تشغله القوات قرب
    قضاء القائم``): a relative word after the trigger in its clause, then the most precise place governed by في or
    named as a landmark before the next comma or strong break (the site acted on is where that clause puts it)."""
    rel = next((j for j in range(last + 1, clause[1] + 1) if lexicon.is_cue(toks[j], "relatives")), None)
    if rel is None:
        return None
    end = next((j for j in range(rel + 1, len(toks)) if toks[j].text in modality.STRONG_BREAKS or toks[j].text in ("،", ",")), len(toks))
    pool = [m for m in mentions if rel < m.first < end and m.role in ("في", "near") and not m.excluded and not m.example]
    return min(pool, key=lambda m: (-m.level, m.first)).name if pool else None


@lru_cache(maxsize=1)
def legislatures() -> dict[str, str]:
    """``data/legislatures.tsv``: a legislature's name or nationality word (normalized) → its country."""
    return {normalize(row["word"]): row["country"] for row in read_dicts(LEGISLATURES)}


def legislature_country(toks: Sequence[Token], clause: tuple[int, int]) -> str | None:
    """The country of a foreign legislature in a vote's clause (``صوت البرلمان الهولندي``, ``يصوت البوندستاغ``,
    ``مجلس النواب الأمريكي``): a parliament word that is itself in ``legislatures`` or has a nationality word of
    it within ``LEGISLATURE_REACH`` words after it; None for a legislature of no listed country (``العراقي``)."""
    table = legislatures()
    lo, hi = clause
    for i in range(lo, hi + 1):
        if not lexicon.is_cue(toks[i], "parliament_words"):
            continue
        for j in range(i, min(i + LEGISLATURE_REACH + 1, hi + 1, len(toks))):
            country = next((table[w] for w in (toks[j].norm, *lexicon.bare(toks[j].norm)) if w in table), None)
            if country is not None:
                return country
    return None


def object_pronoun(word: str) -> bool:
    """Does a trigger word end in an object pronoun that may stand for a place (``أخلاها``, ``استعادتها``,
    ``دخلتها``, ``زارها``: ها on a stem of three letters or more)?"""
    bare = normalize(word)
    return bare.endswith(PLACE_PRONOUNS) and len(bare) - 2 >= 3


def pronoun_antecedent(mentions: Sequence[PlaceMention], first: int) -> str | None:
    """The place a trigger's object pronoun stands for: the most precise place named before it in its sentence,
    the nearest on a tie (``جرف الصخر خاضعة لسيطرة فصائل منذ استعادتها``, ``نقطة الدعم التي كان يشغلها التحالف
    في سنجار، بعد أن أخلاها المستشارون``), never a landmark, a speaker, a dateline, an example or an exception."""
    pool = [
        m for m in mentions
        if m.last < first and not m.excluded and not m.example and m.role not in ("near", "speaker", "dateline")
    ]  # fmt: skip
    return min(pool, key=lambda m: (-m.level, first - m.last)).name if pool else None


def _acting(name: str) -> bool:
    """Is ``name`` also an actor (``واشنطن``: a government acting)?"""
    return tuple(normalize(w) for w in name.split()) in lexicon.actors()


def excluded_country(mentions: Sequence[PlaceMention], clause: tuple[int, int]) -> str | None:
    """``خارج إقليم كردستان``: the country of an excluded place in the clause (the rest of that country)."""
    lo, hi = clause
    for m in mentions:
        if m.excluded and lo <= m.first <= hi:
            info = place_info(m.name)
            if info is not None and info.country != info.canonical:
                return info.country
    return None
