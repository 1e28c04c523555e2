"""Place phrases of a sentence that change what a place name means (docs/ANNOTATION.md, "Events": place).

Compass words after a preposition (``في شمال سوريا``: a region of a country; ``بشرق بغداد``: the city), and
places listed as examples (``بينها مطار صرين``, ``بما في ذلك بغداد``: members of the place named before, the
event's place only when nothing else is). Word lists: ``data/place_cues.json``. Used by ``analysis.events.location``.
"""

from __future__ import annotations

from analysis.events import lexicon
from analysis.events.places import place_cues, place_info
from analysis.text import Token

#: Proclitics that govern the word they are attached to.
PROCLITIC_PREPS = {"ب": "ب", "ل": "إلى"}
EXAMPLE_REACH = 12  # words back from a place to the ``بينها`` that lists it


def compass_span(toks: list[Token], span: tuple[int, int, str]) -> tuple[int, int, str]:
    """A place after compass words that follow a preposition (``في شمال سوريا``, ``بشرق بغداد``): from the
    compass words on, a region of a country (``شمال سوريا``) or the province or city itself (``بغداد``).
    Without the preposition (``قاعدة X جنوب بغداد``) the place stays a landmark (``near``), unless the
    compass words and a name the tree does not know alone are a place it knows (``شرق الفرات``)."""
    first, last, name = span
    cues = place_cues()
    k = first
    while k > 0 and first - k < 2 and lexicon.bare(toks[k - 1].norm) & cues["compass_words"]:
        k -= 1
    if k == first:
        return span
    if place_info(name) is None and place_info(" ".join(t.text for t in toks[k : last + 1])) is not None:  # ``شرق الفرات``
        return (k, last, " ".join(t.text for t in toks[k : last + 1]))
    readings = [p for p, stem in lexicon.stems(toks[k].norm) if stem in cues["compass_words"]]
    governed = any(p.lstrip("وف") in PROCLITIC_PREPS for p in readings if p) or k > 0 and lexicon.bare(toks[k - 1].norm) & {"في", "من", "الي"}
    if not governed:
        return span
    info = place_info(name)
    if info is None or info.level != 1:
        return (k, last, name)
    compass = " ".join(next(stem for p, stem in lexicon.stems(t.norm) if stem in cues["compass_words"]) for t in toks[k:first])
    return (k, last, f"{compass} {info.canonical}")


def is_example(toks: list[Token], first: int) -> bool:
    """Is the place listed after ``بينها``/``ومنها`` (an example) in its stretch of the sentence?"""
    for j in range(first - 1, max(first - EXAMPLE_REACH, 0) - 1, -1):
        if toks[j].text in ("،", ",", ".", "؛"):
            return False
        if lexicon.bare(toks[j].norm) & place_cues()["example_words"] or inclusion(toks, j):
            return True
    return False


def inclusion(toks: list[Token], j: int) -> bool:
    """``بما في ذلك``, ``بما فيها``, ``بما فيه``: the places listed after it are members of the one named before."""
    return toks[j].norm in place_cues()["inclusion_words"] and j + 1 < len(toks) and toks[j + 1].norm in place_cues()["inclusion_next"]
