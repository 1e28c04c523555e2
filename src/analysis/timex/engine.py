"""The scanner: candidates, the context builders see, the rule registry and the first-word index.

A rule is a named pattern plus a value builder (the rule tables are in ``timex/rules/``). Its
pattern runs on the normalized text (see ``normalize.py``); its group ``t`` is the timex span
(what lies outside ``t`` is context, e.g. a preposition). The builder turns a match into a
``Candidate`` (type, value, mod) or rejects it (returns None). Each rule has an explicit
``priority``: between two candidates of the same length the lower priority wins (see
``grammar.select``). ``scan`` tries a rule only where one of its first words starts, which keeps
the whole grammar fast.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from analysis.timex import lexicon as lx
from analysis.timex.patterns import norm


@dataclass
class Candidate:
    """A timex found by one rule, with offsets into the normalized text."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    calendar: str | None = None
    rule: str = ""
    kind: str = ""  # role in joins: "day" (a day-level date), "weekday", "pod", "clock", "bare_pod", "blocked"
    extra: dict = field(default_factory=dict)


_PREV_WORD = re.compile(r"(\w+)[^\S\n]*$")
_NEXT_WORD = re.compile(r"[^\S\n]*(\w+)")
_WORD = re.compile(r"\w+")
_SENTENCE_SPLIT = re.compile(r"[.!?؟؛\n]")
_CLAUSE_SPLIT = re.compile(r"[،,]")
_ONE_WORD_CUES = [norm(w) for w in (*lx.FUTURE_MARKERS, *lx.SCHEDULE_VERBS) if " " not in w]
_FUTURE_WORDS = frozenset(_ONE_WORD_CUES) | frozenset(c + w for w in _ONE_WORD_CUES for c in "وف")
_FUTURE_PHRASE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(norm(w)).replace(r"\ ", r"\s+") for w in lx.FUTURE_MARKERS if " " in w) + r")(?!\w)"
)
_SCHEDULE_WORDS = frozenset(c + norm(w) for w in lx.SCHEDULE_VERBS for c in ("", "و", "ف"))
_RELATIVE_PRONOUNS = frozenset(norm(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"))
_FUTURE_VERB = re.compile(r"^[وف]?س(?:[يتن]\w{2,}|ا\w{3,})$")
_NOT_FUTURE = tuple(norm(w) for w in lx.NOT_FUTURE_PREFIXES)
_PAST_BEFORE = frozenset(norm(w) for w in lx.PAST_MARKERS_BEFORE)


@dataclass
class Context:
    """What builders may look at: the normalized text and the document creation date."""

    text: str
    dct: dt.date | None
    original: Callable[[int, int], str] | None = None  # normalized span -> original surface

    def surface(self, start: int, end: int) -> str:
        """The original text of a normalized span (the normalized text when no map is given)."""
        return self.original(start, end) if self.original else self.text[start:end]

    def before(self, pos: int, width: int = 40) -> str:
        """The text before ``pos`` on the same line (at most ``width`` characters)."""
        chunk = self.text[max(0, pos - width) : pos]
        return chunk.rsplit("\n", 1)[-1]

    def after(self, pos: int, width: int = 40) -> str:
        """The text after ``pos`` on the same line (at most ``width`` characters)."""
        chunk = self.text[pos : pos + width]
        return chunk.split("\n", 1)[0]

    def prev_word(self, pos: int) -> str:
        """The word just before ``pos`` (empty when punctuation intervenes)."""
        m = _PREV_WORD.search(self.before(pos, 30))
        return m.group(1) if m else ""

    def next_word(self, pos: int) -> str:
        """The word just after ``pos`` (empty when punctuation intervenes)."""
        m = _NEXT_WORD.match(self.after(pos, 30))
        return m.group(1) if m else ""

    def tense(self, pos: int) -> str | None:
        """"past" right after منذ; "future" when a future marker, a schedule verb (تبدأ, يقام) or a
        future verb (س + imperfect) precedes ``pos`` in its clause (after the last comma, or the one
        before when nothing but a preposition follows that comma); a schedule verb right after a
        relative pronoun (التي تستضيف) describes and does not count; else None."""
        if self.prev_word(pos) in _PAST_BEFORE:
            return "past"
        chunk = _SENTENCE_SPLIT.split(self.before(pos, 70))[-1]
        clauses = _CLAUSE_SPLIT.split(chunk)
        words = _WORD.findall(clauses[-1])
        if len(words) < 2 and len(clauses) > 1:  # "سيزور الوزير، الخميس،": the verb is before the comma
            chunk = clauses[-2] + clauses[-1]
            words = _WORD.findall(chunk)
        else:
            chunk = clauses[-1]
        if _FUTURE_PHRASE.search(chunk):
            return "future"
        for i, word in enumerate(words):
            if word in _FUTURE_WORDS:
                if i and word in _SCHEDULE_WORDS and words[i - 1] in _RELATIVE_PRONOUNS:
                    continue  # "القاعدة التي تستضيف قوات": a present verb that describes, not a schedule
                return "future"
            if "س" in word[:2] and _FUTURE_VERB.match(word) and not word.lstrip("وف").startswith(_NOT_FUTURE):
                return "future"
        return None


Builder = Callable[[re.Match, Context], "Candidate | None"]


@dataclass(frozen=True, eq=False)  # hashed by identity: rules are looked up in sets per word
class Rule:
    """One family of expressions: a compiled pattern with a span group ``t`` and a builder.

    ``starts`` lists the normalized first words a match can begin with (after an attached
    clitic); ``DIGIT`` stands for any word starting with a digit, ``SUFFIX`` + three letters for any
    word ending with them. ``priority`` breaks ties
    between candidates of the same length (lower wins); no two rules share one.
    """

    name: str
    pattern: re.Pattern
    build: Builder
    starts: frozenset[str]
    priority: int

    def make(self, m: re.Match, ctx: Context) -> Candidate | None:
        """The candidate of one match, or None when the builder rejects it."""
        try:
            cand = self.build(m, ctx)
        except (ValueError, OverflowError, KeyError, IndexError, TypeError):
            return None
        if cand is not None:
            cand.start, cand.end = m.span("t")
            cand.rule = self.name
        return cand

    def candidates(self, ctx: Context) -> list[Candidate]:
        """Every candidate of this rule in the whole text (a full scan; see ``scan`` for the fast path)."""
        return [c for m in self.pattern.finditer(ctx.text) if (c := self.make(m, ctx)) is not None]


#: Every registered rule by name, in priority order (filled by importing ``analysis.timex.rules``).
RULES: dict[str, Rule] = {}
#: The first word standing for "any word that starts with a digit".
DIGIT = "#"
#: The prefix of a first word standing for "any word that ends with these three letters" (``~تين``:
#: a feminine dual such as ``مرتين``, ``عمليتين``).
SUFFIX = "~"


def first_words(sources: Iterable) -> frozenset[str]:
    """The normalized first words of ``sources``: words, phrases, or (nested) collections of them."""
    words: set[str] = set()
    for source in sources:
        items = [source] if isinstance(source, str) else list(source)
        for item in items:
            if isinstance(item, (tuple, list, set, frozenset)):
                words |= first_words([item])
            else:
                word = norm(str(item)) if item != DIGIT else DIGIT
                if word.split():
                    words.add(word.split()[0])
    return frozenset(words)


def register(new: Rule) -> None:
    """Add a rule to ``RULES`` (kept in priority order); a name or a priority used twice is an error."""
    if new.name in RULES:
        raise ValueError(f"timex rule {new.name!r} is defined twice")
    for old in RULES.values():
        if old.priority == new.priority:
            raise ValueError(f"timex rules {old.name!r} and {new.name!r} both have priority {new.priority}")
    ordered = sorted([*RULES.values(), new], key=lambda r: r.priority)
    RULES.clear()
    RULES.update((r.name, r) for r in ordered)
    _INDEX.clear()
    _FOR_WORD.clear()


def rule(name: str, pattern: str, starts: list, priority: int) -> Callable[[Builder], Builder]:
    """Decorator: register ``builder`` under ``name`` with its pattern (compiled once, at import),
    its first words and its priority."""

    def add(builder: Builder) -> Builder:
        register(Rule(name, re.compile(pattern), builder, first_words(starts), priority))
        return builder

    return add


_INDEX: dict[str, tuple[Rule, ...]] = {}
_FOR_WORD: dict[str, tuple[Rule, ...]] = {}  # memo of _rules_for (words repeat a lot in news)
_WORD_START = re.compile(r"(?<!\w)\w+")
_CLITICS = ("و", "ف", "ب", "ل", "ك")


def _index() -> dict[str, tuple[Rule, ...]]:
    """First word -> the rules that may start with it (built once after the last registration)."""
    if not _INDEX:
        table: dict[str, list[Rule]] = {}
        for r in RULES.values():
            for word in r.starts:
                table.setdefault(word, []).append(r)
        _INDEX.update({k: tuple(v) for k, v in table.items()})
    return _INDEX


def _rules_for(word: str, index: dict[str, tuple[Rule, ...]]) -> tuple[Rule, ...]:
    """Rules that may start at a word (itself, or after one or two proclitic letters), by priority."""
    found: set[Rule] = set()
    for k in range(3):
        stem = word[k:]
        if not stem:
            break
        key = DIGIT if stem[0].isdigit() or (stem[:2] == "ال" and stem[2:3].isdigit()) else stem
        found.update(index.get(key, ()))
        found.update(index.get(SUFFIX + stem[-3:], ()))  # rules that start at any word with this ending
        if stem[:2] == "لل" and k < 2:  # ل + article written short: "للعام" = ل + العام
            found.update(index.get("ا" + stem[1:], ()))
        if k < 2 and (word[k] not in _CLITICS or (k == 1 and word[0] not in "وف")):
            break
    return tuple(sorted(found, key=lambda r: r.priority))


def scan(ctx: Context, rules: Iterable[Rule] | None = None) -> list[Candidate]:
    """Every candidate of every rule (or of ``rules``), trying each rule only where one of its
    first words starts."""
    index = _index()
    allowed = None if rules is None else set(rules)
    text = ctx.text
    out: list[Candidate] = []
    for w in _WORD_START.finditer(text):
        word = w.group()
        todo = _FOR_WORD.get(word)
        if todo is None:
            todo = _rules_for(word, index)
            if len(_FOR_WORD) < 200_000:
                _FOR_WORD[word] = todo
        if not todo:
            continue
        pos = w.start()
        for r in todo:
            if allowed is not None and r not in allowed:
                continue
            m = r.pattern.match(text, pos)
            if m is not None and (c := r.make(m, ctx)) is not None:
                out.append(c)
    return out
