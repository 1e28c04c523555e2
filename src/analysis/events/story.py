"""What the article being read is about (its story), for rules whose sentence leaves the topic to the article.

A sentence in an article about the talks on the coalition's future (``عقدت الفرق أول اجتماعاتها في الثامن من
شباط``), about the bill on the foreign presence (``القراءة الثانية ستجري في غضون أسبوعين``), about an attack
being investigated (``التحقيقات مستمرة``) or about the Peshmerga's unification (``سيكتمل الدمج``) does not repeat
the topic: another sentence of the article names it. The same words in an article on the budget, a ministry's
talks or an ordinary crime are no events. ``extract_events`` sets the story of each article (``told``); rules ask
``current().has(topic)``. The story is worked out on first use only, and without an article (a rule called on
one sentence, the trigger cross-validation) there is none. Cue words: ``data/event_cues.json`` (``story_*``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from analysis.events import lexicon
from analysis.text import Token

#: Each topic: the cue lists that must all have a word in one sentence of the article.
TOPICS: dict[str, tuple[str, ...]] = {
    "talks": ("story_talks_nouns", "story_talks_topics"),  # ``جولة الحوار بشأن مستقبل التحالف``
    "bill": ("bill_words", "story_bill_topics"),  # ``مشروع قانون تنظيم الوجود العسكري الأجنبي``
    "inquiry": ("inquiry_words", "story_attack_words", "story_targets"),  # ``التحقيق في الهجوم على قاعدة``
    "peshmerga": ("story_reform_words", "story_peshmerga_words"),  # ``توحيد ألوية البيشمركة``
}


@dataclass
class Story:
    """The sentences of one article and, once asked, the topics one of them names."""

    sentences: Sequence[list[Token]] = ()
    _topics: frozenset[str] | None = field(default=None, repr=False)

    def has(self, topic: str) -> bool:
        """Does a sentence of the article name ``topic`` (a key of ``TOPICS``)?"""
        if self._topics is None:
            self._topics = frozenset(t for t, cues in TOPICS.items() if any(_names(toks, cues) for toks in self.sentences))
        return topic in self._topics


def _names(toks: list[Token], cues: tuple[str, ...]) -> bool:
    """Has the sentence a word of every cue list in ``cues``?"""
    return all(lexicon.has_cue(toks, 0, len(toks) - 1, cue) for cue in cues)


_CURRENT: ContextVar[Story] = ContextVar("story", default=Story())


def current() -> Story:
    """The story of the article being read (an empty one outside ``told``)."""
    return _CURRENT.get()


@contextmanager
def told(sentences: Sequence[list[Token]]) -> Iterator[Story]:
    """Read the rules of one article in the light of its ``sentences`` (its tokens, sentence by sentence)."""
    token = _CURRENT.set(Story(sentences))
    try:
        yield _CURRENT.get()
    finally:
        _CURRENT.reset(token)
