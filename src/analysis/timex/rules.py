"""The grammar: each rule is a named pattern plus a value builder, testable one by one.

A rule's pattern runs on the normalized text (see ``normalize.py``); its group ``t`` is the
timex span (what lies outside ``t`` is context, e.g. a preposition). The builder turns a match
into a ``Candidate`` (type, value, mod) or rejects it (returns None). ``grammar.py`` runs all
rules, keeps the longest non-overlapping candidates and joins neighbours (weekday + date,
ranges, clock times anchored on a dateline).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from analysis.timex import lexicon as lx
from analysis.timex import patterns as P
from analysis.timex import resolve as R
from analysis.timex.patterns import ART, END, PRE, S, S0, norm, squash


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
    kind: str = ""  # role in joins: "day" (a day-level date), "weekday", "pod", "clock", "bare_pod"
    extra: dict = field(default_factory=dict)


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
        chunk = self.text[pos : pos + width]
        return chunk.split("\n", 1)[0]

    def prev_word(self, pos: int) -> str:
        """The word just before ``pos`` (empty when punctuation intervenes)."""
        m = _PREV_WORD.search(self.before(pos, 30))
        return m.group(1) if m else ""

    def next_word(self, pos: int) -> str:
        m = _NEXT_WORD.match(self.after(pos, 30))
        return m.group(1) if m else ""

    def tense(self, pos: int) -> str | None:
        """"past" right after منذ; "future" when a future marker precedes ``pos`` in the same
        sentence; else None."""
        if self.prev_word(pos) in _PAST_BEFORE:
            return "past"
        chunk = _SENTENCE_SPLIT.split(self.before(pos, 70))[-1]
        for word in _WORD.findall(chunk):
            if word in _FUTURE_WORDS:
                return "future"
            if _FUTURE_VERB.match(word) and not word.lstrip("وف").startswith(_NOT_FUTURE):
                return "future"
        return None


_PREV_WORD = re.compile(r"(\w+)[^\S\n]*$")
_NEXT_WORD = re.compile(r"[^\S\n]*(\w+)")
_WORD = re.compile(r"\w+")
_SENTENCE_SPLIT = re.compile(r"[.!?؟؛\n]")
_FUTURE_WORDS = frozenset(norm(w) for w in lx.FUTURE_MARKERS) | frozenset("و" + norm(w) for w in lx.FUTURE_MARKERS)
_FUTURE_VERB = re.compile(r"^[وف]?س[يتنا]\w{3,}$")
_NOT_FUTURE = tuple(norm(w) for w in lx.NOT_FUTURE_PREFIXES)
_PAST_BEFORE = frozenset(norm(w) for w in lx.PAST_MARKERS_BEFORE)

Builder = Callable[[re.Match, Context], "Candidate | None"]


@dataclass(frozen=True, eq=False)  # hashed by identity: rules are looked up in sets per word
class Rule:
    """One family of expressions: a compiled pattern with a span group ``t`` and a builder.

    ``starts`` lists the normalized first words a match can begin with (after an attached
    clitic); ``DIGIT`` stands for any word starting with a digit. The scanner only tries the
    rule where such a word starts, which keeps the whole grammar fast.
    """

    name: str
    pattern: re.Pattern
    build: Builder
    starts: frozenset[str]

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


RULES: dict[str, Rule] = {}
DIGIT = "#"


def _first_words(sources: Iterable) -> frozenset[str]:
    words: set[str] = set()
    for source in sources:
        items = [source] if isinstance(source, str) else list(source)
        for item in items:
            if isinstance(item, (tuple, list, set, frozenset)):
                words |= _first_words([item])
            else:
                word = norm(str(item)) if item != DIGIT else DIGIT
                if word.split():
                    words.add(word.split()[0])
    return frozenset(words)


def rule(name: str, pattern: str, starts: list) -> Callable[[Builder], Builder]:
    """Register ``builder`` under ``name`` with its pattern (compiled once, at import)."""

    def register(builder: Builder) -> Builder:
        RULES[name] = Rule(name, re.compile(pattern), builder, _first_words(starts))
        _INDEX.clear()
        _FOR_WORD.clear()
        return builder

    return register


_INDEX: dict[str, tuple[Rule, ...]] = {}
_FOR_WORD: dict[str, tuple[Rule, ...]] = {}  # memo of _rules_for (words repeat a lot in news)
_WORD_START = re.compile(r"(?<!\w)\w+")
_CLITICS = ("و", "ف", "ب", "ل", "ك")


def _index() -> dict[str, tuple[Rule, ...]]:
    if not _INDEX:
        table: dict[str, list[Rule]] = {}
        for r in RULES.values():
            for word in r.starts:
                table.setdefault(word, []).append(r)
        _INDEX.update({k: tuple(v) for k, v in table.items()})
    return _INDEX


def _rules_for(word: str, index: dict[str, tuple[Rule, ...]]) -> set[Rule]:
    """Rules that may start at a word (itself, or after one or two proclitic letters)."""
    found: set[Rule] = set()
    for k in range(3):
        stem = word[k:]
        if not stem:
            break
        key = DIGIT if stem[0].isdigit() or (stem[:2] == "ال" and stem[2:3].isdigit()) else stem
        found.update(index.get(key, ()))
        if stem[:2] == "لل" and k < 2:  # ل + article written short: "للعام" = ل + العام
            found.update(index.get("ا" + stem[1:], ()))
        if k < 2 and (word[k] not in _CLITICS or (k == 1 and word[0] not in "وف")):
            break
    return found


def scan(ctx: Context, rules: Iterable[Rule] | None = None) -> list[Candidate]:
    """Every candidate of every rule, trying each rule only where one of its first words starts."""
    index = _index()
    allowed = None if rules is None else set(rules)
    text = ctx.text
    out: list[Candidate] = []
    for w in _WORD_START.finditer(text):
        word = w.group()
        todo = _FOR_WORD.get(word)
        if todo is None:
            todo = tuple(_rules_for(word, index))
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


# --- Value helpers -----------------------------------------------------------------------------


def g(m: re.Match, name: str) -> str | None:
    """A named group, space-squashed, or None (also when the pattern lacks the group)."""
    try:
        value = m.group(name)
    except IndexError:
        return None
    return squash(value) if value else None


def number_value(text: str) -> int | None:
    """The integer of a cardinal in digits or words ("12", "خمسة وعشرين", "اثني عشر")."""
    text = squash(text)
    if text.startswith("ال"):
        text = text[2:].strip()
    if text.isdigit():
        return int(text)
    if text in P.UNIT_NUMBER_OF:
        return P.UNIT_NUMBER_OF[text]
    if text in P.TENS_OF:
        return P.TENS_OF[text]
    parts = text.split(" ")
    if len(parts) == 2 and parts[1] in ("عشر", "عشره") and parts[0] in P.TEEN_HEAD_OF:
        return 10 + P.TEEN_HEAD_OF[parts[0]]
    m = re.match(r"^(\w+) و ?(\w+)$", text)
    if m and m.group(1) in P.UNIT_NUMBER_OF and m.group(2) in P.TENS_OF:
        return P.UNIT_NUMBER_OF[m.group(1)] + P.TENS_OF[m.group(2)]
    return None


def ordinal_day(text: str) -> int | None:
    """The day number of an ordinal word ("الحادي والثلاثين" → 31)."""
    text = squash(text)
    if text in P.ORD_UNIT_OF:
        return P.ORD_UNIT_OF[text]
    if text in P.ORD_TENS_OF:
        return P.ORD_TENS_OF[text]
    parts = text.split(" ")
    if len(parts) == 2 and parts[1] == "عشر" and parts[0] in P.ORD_TEN_HEAD_OF:
        return 10 + P.ORD_TEN_HEAD_OF[parts[0]]
    m = re.match(r"^(\w+) و ?(\w+)$", text)
    if m and m.group(1) in P.ORD_TEN_HEAD_OF and m.group(2) in P.ORD_TENS_OF:
        return P.ORD_TEN_HEAD_OF[m.group(1)] + P.ORD_TENS_OF[m.group(2)]
    return None


def day_of(m: re.Match, p: str) -> int | None:
    if g(m, f"{p}d"):
        return int(g(m, f"{p}d"))  # type: ignore[arg-type]
    if g(m, f"{p}dw"):
        return ordinal_day(g(m, f"{p}dw"))  # type: ignore[arg-type]
    return None


def month_of(m: re.Match, p: str) -> tuple[int, bool] | None:
    """(month number, sure) from a MONTH block; ``sure`` is False for an ambiguous single name."""
    first = g(m, f"{p}m1")
    if not first:
        return None
    second = g(m, f"{p}m2") or g(m, f"{p}m3") or g(m, f"{p}m4") or g(m, f"{p}m5")
    if g(m, f"{p}m5") and P.MONTH_OF[g(m, f"{p}m5")] != P.MONTH_OF[first]:  # type: ignore[index]
        raise ValueError("two different months side by side are not a dual name")
    sure = bool(second) or bool(g(m, f"{p}shahr")) or first not in P.AMBIGUOUS_MONTHS
    return P.MONTH_OF[first], sure


def year_of(m: re.Match, p: str, ctx: Context) -> tuple[int | None, bool]:
    """(year, hijri) from a YEAR_EXPR block; year None when the block is absent."""
    if g(m, f"{p}y"):
        era = g(m, f"{p}era") or ""
        return int(g(m, f"{p}y")), era.startswith(("ه", "للهجر"))  # type: ignore[arg-type]
    if g(m, f"{p}this"):
        return (ctx.dct.year if ctx.dct else None), False
    if g(m, f"{p}ys"):
        return (ctx.dct.year + P.SHIFT_OF[g(m, f"{p}ys")] if ctx.dct else None), False  # type: ignore[index]
    if g(m, f"{p}ana"):
        return (ctx.dct.year + P.ANAPHOR_OF[g(m, f"{p}ana")] if ctx.dct else None), False  # type: ignore[index]
    return None, False


def anaphor(m: re.Match, p: str, unit: str = "Y") -> dict:
    """``extra`` for a value whose year (or month, day) refers back: ``{"anaphor": (unit, shift)}``.

    The builder resolves it against the dct; ``grammar.resolve_anaphors`` later re-anchors it on
    the last date named before it in the same paragraph, when there is one.
    """
    word = g(m, f"{p}ana")
    return {"anaphor": (unit, P.ANAPHOR_OF[word])} if word else {}


def mod_of(m: re.Match, p: str = "") -> str | None:
    word = g(m, f"{p}mod")
    return P.MOD_OF.get(word) if word else None


def unit_code(word: str) -> tuple[str, str]:
    return P.UNIT_OF[squash(word)]


def duration_value(amount: int | None, unit: str, half: bool = False) -> str:
    """ISO 8601 duration; ``amount`` None is vague (``PXY``); decades and centuries become years."""
    if unit in ("DE", "CE"):
        unit, amount = "Y", (None if amount is None else amount * (10 if unit == "DE" else 100))
    time = unit in ("TH", "TM")
    letter = unit[-1]
    if amount is None:
        return f"PTX{letter}" if time else f"PX{letter}"
    if half:
        extra = {"Y": "6M", "M": "15D", "W": "3D12H", "D": "T12H", "TH": "30M", "TM": "30S"}[unit if time else letter]
        if time:
            return f"PT{amount}{letter}{extra}"
        return f"P{amount}{letter}{extra}"
    return f"PT{amount}{letter}" if time else f"P{amount}{letter}"


# --- First words of the rules (for the scanner) --------------------------------------------------

MODS = tuple(lx.MODIFIERS)
APPROX = lx.APPROX_WORDS
ORDINALS = (*lx.ORDINAL_UNITS, *lx.ORDINAL_TEN_HEADS, *lx.ORDINAL_TENS)
MONTH_WORDS = (*lx.GREGORIAN_MONTHS.values(), *lx.LEVANTINE_MONTHS.values())
HIJRI_WORDS = tuple(lx.HIJRI_MONTHS.values())
WEEKDAY_WORDS = tuple(lx.WEEKDAYS.values())
NUMBER_WORD_STARTS = (*lx.UNIT_NUMBERS, *lx.TENS_NUMBERS, *lx.TEEN_HEADS)
NUMBER_WORD_STARTS += tuple("ال" + w for w in NUMBER_WORD_STARTS)  # "التسع أشهر الماضية"
UNIT_STARTS = tuple(w for forms in lx.UNIT_FORMS.values() for ws in forms.values() for w in ws)

# --- Absolute dates ----------------------------------------------------------------------------

_MREL = P.MONTH_REL("a")


@rule(
    "day_month_year",
    rf"{PRE}(?P<t>{P.MOD_PRE()}{P.DAY('a')}{S}(?:من{S}(?:شهر{S})?)?{P.MONTH('a')}"
    rf"(?:{S0}[,،]?{S0}(?:من{S})?(?:{P.YEAR_EXPR('a')})|{S}{_MREL})?){END}", starts=[MODS, DIGIT, ORDINALS, "ال"])
def _day_month_year(m: re.Match, ctx: Context) -> Candidate | None:
    """``31 ديسمبر 2025``, ``الحادي والثلاثين من شهر كانون الأول المقبل``, ``31 ديسمبر الجاري``."""
    day = day_of(m, "a")
    month, _sure = month_of(m, "a")  # type: ignore[misc]
    year, hijri = year_of(m, "a", ctx)
    if hijri or day is None:
        return None
    if year is None:
        if ctx.prev_word(m.start("t")) in P.NAME_HEADS:  # تحالف 14 آذار, مدينة 6 أكتوبر: a name
            return Candidate(0, 0, "DATE", "XXXX", kind="blocked")
        rel = g(m, "amrel")
        year = R.month_year(ctx.dct, month, ctx.tense(m.start("t")), P.SHIFT_OF[rel] if rel else None)
    inferred = year_of(m, "a", ctx)[0] is None
    value = R.date_value(year, month, day)
    if value is None:
        return None
    return Candidate(0, 0, "DATE", value, mod_of(m), kind="day", extra={"year_inferred": inferred, **anaphor(m, "a")})


@rule(
    "day_of_relative_month",
    rf"{PRE}(?P<t>{P.DAY('a')}{S}من{S}(?:(?P<this>هذا){S}الشهر|الشهر{S}(?:(?P<shift>{P.SHIFT})|(?P<ana>{P.ANAPHOR}))){END}){END}",
    starts=[DIGIT, ORDINALS, "ال"],
)
def _day_of_relative_month(m: re.Match, ctx: Context) -> Candidate | None:
    """``الثالث من الشهر الجاري`` → that day of the dct's month; ``20 من الشهر الماضي``;
    ``25 من الشهر نفسه`` → that day of the month named before (see ``anaphor``)."""
    day = day_of(m, "a")
    shift = P.SHIFT_OF[g(m, "shift")] if g(m, "shift") else 0  # type: ignore[index]
    extra = anaphor(m, "", "M")
    if extra:
        shift = extra["anaphor"][1]
    month = R.shift_months(ctx.dct, shift)
    if day is None:
        return None
    if month.startswith("X"):
        return Candidate(0, 0, "DATE", f"XXXX-XX-{day:02d}", kind="day")
    value = R.date_value(int(month[:4]), int(month[5:7]), day)
    return Candidate(0, 0, "DATE", value, kind="day", extra=extra) if value else None


@rule(
    "month_year",
    rf"{PRE}(?P<t>{P.MOD_PRE()}{P.MONTH('a')}(?:{S0}[,،]?{S0}(?:من{S})?(?:{P.YEAR_EXPR('a')})|{S}{_MREL})?){END}", starts=[MODS, 'شهر', MONTH_WORDS])
def _month_year(m: re.Match, ctx: Context) -> Candidate | None:
    """``سبتمبر 2025``, ``أيلول/سبتمبر 2024``, ``نهاية شهر أيلول من هذا العام``, bare ``أيلول``."""
    month, sure = month_of(m, "a")  # type: ignore[misc]
    year, hijri = year_of(m, "a", ctx)
    rel = g(m, "amrel")
    if hijri:
        return None
    inferred = year is None
    if year is None:
        if ctx.prev_word(m.start("t")).isdigit():
            return None  # a day the day rules rejected (تحالف 14 آذار): not a month alone either
        if not sure and not rel and not g(m, "mod") and ctx.prev_word(m.start("t")) not in _MONTH_CONTEXT:
            return None
        year = R.month_year(ctx.dct, month, ctx.tense(m.start("t")), P.SHIFT_OF[rel] if rel else None)
    value = R.date_value(year, month, None)
    extra = {"year_inferred": inferred and not rel, **anaphor(m, "a")}
    return Candidate(0, 0, "DATE", value, mod_of(m), extra=extra) if value else None


_MONTH_CONTEXT = frozenset(norm(w) for w in lx.MONTH_CONTEXT_BEFORE)
_NUM_L = r"(?<![\w.,/:-])"
_NUM_R = r"(?![\w]|[.,/:-]\d)"


@rule("numeric_dmy", rf"{_NUM_L}(?P<t>(?P<d>[0-3]?\d)(?P<sep>[./-])(?P<mo>[0-3]?\d)(?P=sep)(?P<y>(?:1[89]|2[01])\d\d)){_NUM_R}", starts=[DIGIT])
def _numeric_dmy(m: re.Match, ctx: Context) -> Candidate | None:
    """``31.12.2025``, ``31-12-2025``, ``31/12/2025`` (day first; ``12/31/2025`` month first when it cannot be day first)."""
    day, month, year = int(m.group("d")), int(m.group("mo")), int(m.group("y"))
    value = R.date_value(year, month, day) or R.date_value(year, day, month)
    return Candidate(0, 0, "DATE", value, kind="day") if value else None


@rule("numeric_ymd", rf"{_NUM_L}(?P<t>(?P<y>(?:1[89]|2[01])\d\d)(?P<sep>[./-])(?P<mo>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)){_NUM_R}", starts=[DIGIT])
def _numeric_ymd(m: re.Match, ctx: Context) -> Candidate | None:
    """``2025/12/31``, ``2025-12-31``."""
    value = R.date_value(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    return Candidate(0, 0, "DATE", value, kind="day") if value else None


@rule(
    "year",
    rf"{PRE}(?P<t>{P.MOD_PRE()}(?:(?P<ap>{P.APPROX}){S})?(?P<kw>{ART}?عام|{ART}?سنه|عامي){S0}{P.YEAR('a')}{P.ERA('a')}){END}", starts=[MODS, APPROX, 'عام', 'العام', 'سنة', 'السنة', 'عامي'])
def _year(m: re.Match, ctx: Context) -> Candidate | None:
    """``عام 2020``, ``العام 2014``, ``مطلع عام 2026``, ``سنة 2003م``, ``عام 1446 هـ``."""
    return _year_value(m, ctx)


def _year_value(m: re.Match, ctx: Context) -> Candidate | None:
    year, hijri = year_of(m, "a", ctx)
    mod = mod_of(m) or ("APPROX" if g(m, "ap") else None)
    if hijri:
        value = R.hijri_to_gregorian(year, 0, None)  # type: ignore[arg-type]
        return Candidate(0, 0, "DATE", value, mod, calendar="hijri") if value else None
    return Candidate(0, 0, "DATE", f"{year:04d}", mod)


_YEAR_CONTEXT = frozenset(norm(w) for w in lx.YEAR_CONTEXT_BEFORE)
_COUNT_BEFORE = frozenset(norm(w) for w in ("من", "نحو", "حوالي", "قرابة", "زهاء", "أكثر", "أقل", "الـ", "ال"))


@rule("bare_year", rf"(?<!\w)(?P<cl>[وبل])?(?P<t>{P.MOD_PRE()}{P.YEAR('a')}{P.ERA('a')}){END}", starts=[MODS, DIGIT])
def _bare_year(m: re.Match, ctx: Context) -> Candidate | None:
    """A bare year, when the context says it is one: ``في 2014``, ``و2017``, ``2025م``, ``(2014)``."""
    era = g(m, "aera")
    start = m.start()
    prev = ctx.prev_word(start)
    after = ctx.after(m.end("t"), 3)
    ok = bool(era) or bool(g(m, "mod")) or bool(g(m, "cl")) or prev in _YEAR_CONTEXT
    if not ok and prev not in _COUNT_BEFORE:
        ok = after == "" or after[0] in ".,،؛:)»\"'!?؟-" or after.startswith(" و")
    if not ok or (int(m.group("ay")) < 1900 and not era):
        return None
    return _year_value(m, ctx)


_RANGE_JOIN = r"(?:الي|حتي|لغايه|ولغايه|وحتي|والي|و)"


@rule(
    "year_range",
    rf"(?<![\w.,/:])(?P<t>(?:(?P<open>من|بين){S}(?:(?:ال)?عام(?:ي)?|سنتي|الاعوام|السنوات|الفتره{S}(?:من{S})?)?{S0}|(?P<dual>عامي|سنتي){S0})?"
    rf"{P.YEAR('a')}{P.ERA('a')}(?:{S0}-{S0}|{S}{_RANGE_JOIN}{S0}(?:(?:ال)?عام{S0})?)(?P<b>(?:1\d|2[01])\d\d|\d\d)(?![\d.,/:]){P.ERA('b')}){END}", starts=['من', 'بين', 'عامي', 'سنتي', DIGIT])
def _year_range(m: re.Match, ctx: Context) -> Candidate | None:
    """``2014–2017``, ``من 2014 إلى 2017``, ``بين عامي 2014 و2017`` → ``2014/2017``; ``عامي 2023 و2024``
    (two consecutive years) → ``2023/2024``."""
    a = int(m.group("ay"))
    raw_b = m.group("b")
    b = int(raw_b) if len(raw_b) == 4 else (a // 100) * 100 + int(raw_b)
    joined_by_dash = "-" in m.group("t")[m.end("ay") - m.start("t") :][:4]
    if not (a < b <= a + 100):
        return None
    joiner = m.group("t")[m.end("ay") - m.start("t") :]
    if m.group("dual") and not joined_by_dash:
        return Candidate(0, 0, "DATE", f"{a:04d}/{b:04d}") if b == a + 1 and "و" in joiner else None
    if not m.group("open") and not joined_by_dash:
        return None
    if m.group("open") == "بين" and "و" not in joiner:
        return None
    if m.group("open") == "من" and not joined_by_dash and not re.search(r"(?:الي|حتي|لغايه)", joiner):
        return None  # "من عام 2006 وعام 2007" is two years, not a range
    return Candidate(0, 0, "DATE", f"{a:04d}/{b:04d}")


# --- Relative days, weekdays, parts of day --------------------------------------------------------

_NOT_TODAY = P.alt(lx.NOT_TODAY_AFTER)
_WD_ADJ = rf"(?P<wadj>{P.WEEKDAY_ADJ}){END}"


_QUOTED_NAME = re.compile(rf"[(«]{S0}\w+{S}$")


def _is_outlet(m: re.Match, ctx: Context) -> bool:
    """``اليوم`` as the last word of an outlet's name: after a known name, or ``(X اليوم)``."""
    if ctx.prev_word(m.start("t")) in P.OUTLETS_BEFORE_TODAY:
        return True
    after = ctx.after(m.end("t"), 2).lstrip()
    return bool(after[:1] in (")", "»") and _QUOTED_NAME.search(ctx.before(m.start("t"), 30)))


def _weekday_direction(m: re.Match, ctx: Context) -> str:
    adj = g(m, "wadj")
    if adj:
        return P.WEEKDAY_ADJ_OF[adj]
    return "future" if ctx.tense(m.start("t")) == "future" else "past"


@rule(
    "relative_day",
    rf"{PRE}(?P<t>(?:(?:يوم{S})?(?P<rd>{P.RELDAY})|يوم{S}(?P<rdb>{P.RELDAY_BOUND}))(?:{S}(?P<wd>{P.WEEKDAY}))?){END}(?!{S}{_NOT_TODAY}{END})",
    starts=['يوم', lx.RELATIVE_DAYS])
def _relative_day(m: re.Match, ctx: Context) -> Candidate | None:
    """``اليوم``, ``أمس``, ``غدا``, ``يوم غد``, ``اليوم الأربعاء`` (one timex), ``أول أمس``."""
    if g(m, "rd") == "اليوم" and ctx.prev_word(m.start("t")) in P.NOT_TODAY_BEFORE:
        return None  # في ذلك اليوم: that day
    if g(m, "rd") == "اليوم" and not g(m, "wd") and _is_outlet(m, ctx):
        return None  # روسيا اليوم, (بغداد اليوم): a news outlet
    offset = P.RELDAY_OF[g(m, "rd")] if g(m, "rd") else P.RELDAY_BOUND_OF[g(m, "rdb")]  # type: ignore[index]
    return Candidate(0, 0, "DATE", R.shift_days(ctx.dct, offset), kind="weekday")


@rule("weekday", rf"{PRE}(?P<t>(?:يوم{S})?(?P<wd>{P.WEEKDAY})(?:{S}{_WD_ADJ})?){END}(?!{S}(?:عشر|عشره){END})", starts=["يوم", WEEKDAY_WORDS])
def _weekday(m: re.Match, ctx: Context) -> Candidate | None:
    """``الأربعاء`` (last such day on/before dct unless the verb is future), ``الخميس المقبل``."""
    weekday = P.WEEKDAY_OF[g(m, "wd")]  # type: ignore[index]
    return Candidate(0, 0, "DATE", R.weekday_date(ctx.dct, weekday, _weekday_direction(m, ctx)), kind="weekday")


@rule(
    "part_of_day",
    rf"{PRE}(?P<t>(?P<pod>{P.POD}){S}(?:(?P<rd>{P.RELDAY}|{P.RELDAY_BOUND})(?:{S}(?P<wd>{P.WEEKDAY}))?|(?:يوم{S})?(?P<wd2>{P.WEEKDAY})(?:{S}{_WD_ADJ})?)"
    rf"(?:(?:{S}(?:علي|الي){S}|{S0}-{S0})(?:يوم{S})?{P.WEEKDAY}{END})?"
    rf"|(?P<this>{P.THIS_POD})){END}", starts=[lx.PARTS_OF_DAY, lx.THIS_PART_OF_DAY])
def _part_of_day(m: re.Match, ctx: Context) -> Candidate | None:
    """``مساء اليوم``, ``صباح أمس``, ``مساء الخميس``, ``فجر اليوم الأربعاء``, ``الليلة`` → ``…TEV``."""
    if g(m, "this"):
        code = P.THIS_POD_OF[g(m, "this")]  # type: ignore[index]
        day = R.shift_days(ctx.dct, -1 if g(m, "this").endswith("الماضيه") else 0)  # type: ignore[union-attr]
    else:
        code = P.POD_OF[g(m, "pod")]  # type: ignore[index]
        day = _day_of(m, ctx, "rd", "wd2")
    return Candidate(0, 0, "TIME", f"{day}T{code}", kind="pod", extra={"code": code})


def _day_of(m: re.Match, ctx: Context, rd: str, wd: str) -> str:
    """The day of a relative-day word (``اليوم``, ``غد``) or of a weekday name in a match."""
    word = g(m, rd)
    if word:
        return R.shift_days(ctx.dct, P.RELDAY_OF.get(word, P.RELDAY_BOUND_OF.get(word, 0)))
    return R.weekday_date(ctx.dct, P.WEEKDAY_OF[g(m, wd)], _weekday_direction(m, ctx))  # type: ignore[index]


@rule(
    "hours_of_part_of_day",
    rf"{PRE}(?P<t>(?:ال)?ساعات{S}(?:(?P<podd>{P.POD_DEF})(?:{S}{P.POD_HOURS_ADJ})?|{P.POD_HOURS_ADJ}{S}من{S}"
    rf"(?:(?P<pod>{P.POD})(?:{S}(?:(?P<rd>{P.RELDAY}|{P.RELDAY_BOUND})|(?:يوم{S})?(?P<wd>{P.WEEKDAY})(?:{S}{_WD_ADJ})?))?|(?P<podd2>{P.POD_DEF})))){END}",
    starts=["ساعات", "الساعات"])
def _hours_of_part_of_day(m: re.Match, ctx: Context) -> Candidate | None:
    """``ساعات الصباح الأولى`` / ``الساعات الأولى من الفجر`` / ``الساعات الأولى من صباح اليوم`` →
    that part of the day (``…TMO``)."""
    word = g(m, "podd") or g(m, "podd2")
    code = P.POD_DEF_OF[word] if word else P.POD_OF[g(m, "pod")]  # type: ignore[index]
    day = _day_of(m, ctx, "rd", "wd") if g(m, "rd") or g(m, "wd") else R.shift_days(ctx.dct, 0)
    return Candidate(0, 0, "TIME", f"{day}T{code}", kind="pod", extra={"code": code})


@rule(
    "late_hours",
    rf"{PRE}(?P<t>(?:ساعه|ساعات|وقت){S}(?:متاخره|مبكره|متقدمه){S}من{S}(?:(?P<pod>{P.POD})(?:{S}(?:(?P<rd>{P.RELDAY}|{P.RELDAY_BOUND})|(?:يوم{S})?(?P<wd>{P.WEEKDAY})(?:{S}{_WD_ADJ})?))?|(?P<podd>{P.POD_DEF}))){END}",
    starts=["ساعة", "ساعات", "وقت"])
def _late_hours(m: re.Match, ctx: Context) -> Candidate | None:
    """``ساعة متأخرة من الليل`` / ``ساعة متأخرة من ليل الأحد`` / ``وقت مبكر من صباح اليوم`` → ``…TNI``."""
    code = P.POD_OF[g(m, "pod")] if g(m, "pod") else P.POD_DEF_OF[g(m, "podd")]  # type: ignore[index]
    day = _day_of(m, ctx, "rd", "wd") if g(m, "rd") or g(m, "wd") else R.shift_days(ctx.dct, 0)
    return Candidate(0, 0, "TIME", f"{day}T{code}", kind="pod", extra={"code": code})


@rule(
    "yearly_date",
    rf"{PRE}(?P<t>(?:{P.DAY('a')}{S}(?:من{S})?)?(?:شهر{S})?(?P<am1>{P.MONTHS}){END}{S}من{S}كل{S}(?:عام|سنه)){END}",
    starts=[DIGIT, ORDINALS, "ال", "شهر", MONTH_WORDS])
def _yearly_date(m: re.Match, ctx: Context) -> Candidate | None:
    """``الثالث من آب من كل عام`` → SET ``XXXX-08-03``; ``في نيسان من كل عام`` → ``XXXX-04``."""
    month = P.MONTH_OF[g(m, "am1")]  # type: ignore[index]
    day = day_of(m, "a")
    value = R.date_value(None, month, day)
    return Candidate(0, 0, "SET", value) if value else None


@rule("monthly_date", rf"{PRE}(?P<t>(?:يوم{S})?{P.DAY('a')}{S}من{S}كل{S}شهر){END}", starts=["يوم", DIGIT, ORDINALS, "ال"])
def _monthly_date(m: re.Match, ctx: Context) -> Candidate | None:
    """``يوم 10 من كل شهر`` → SET ``XXXX-XX-10``."""
    day = day_of(m, "a")
    return Candidate(0, 0, "SET", f"XXXX-XX-{day:02d}") if day and 1 <= day <= 31 else None


@rule(
    "day_of_same_month",
    rf"{PRE}(?P<t>{P.DAY('a')}{S}منه){END}", starts=[DIGIT, ORDINALS, "ال"])
def _day_of_same_month(m: re.Match, ctx: Context) -> Candidate | None:
    """``وتنتهي في 20 منه`` → the 20th of the month named before; dropped when there is none."""
    day = day_of(m, "a")
    if day is None or not 1 <= day <= 31:
        return None
    month = R.shift_months(ctx.dct, 0)
    value = R.date_value(int(month[:4]), int(month[5:7]), day) if not month.startswith("X") else None
    return Candidate(0, 0, "DATE", value or f"XXXX-XX-{day:02d}", kind="day", extra={"anaphor": ("M", 0), "needs_ref": True})


@rule("bare_part_of_day", rf"{PRE}(?P<t>(?P<pod>{P.POD})){END}(?={S}(?:يوم{S})?(?:\d|(?:ال{S0})\d|{P.ORDINAL_DAY}{END}))", starts=[lx.PARTS_OF_DAY])
def _bare_part_of_day(m: re.Match, ctx: Context) -> Candidate | None:
    """A part of day before a date (``مساء 15 سبتمبر``): kept only when joined to that date."""
    code = P.POD_OF[g(m, "pod")]  # type: ignore[index]
    return Candidate(0, 0, "TIME", f"{R.shift_days(ctx.dct, 0)}T{code}", kind="bare_pod", extra={"code": code})


@rule(
    "clock",
    rf"(?<![\w:.])(?P<t>(?:(?P<ap>{P.APPROX}){S})?(?:(?:الساعه{S0})?(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?![\d:])(?:{S0}(?P<mark>{P.CLOCK_MARK}){END})?"
    rf"|الساعه{S}(?:(?P<hw>{P.HOUR_WORD})|(?P<hd>[01]?\d|2[0-3])(?![\d:.,]))(?:{S}(?P<frac>{P.FRACTION}))?(?:{S}(?P<mark2>{P.CLOCK_MARK}){END})?"
    rf"|(?P<hw3>{P.HOUR_WORD})(?:{S}(?P<frac3>{P.FRACTION}))?{S}(?P<mark3>{P.CLOCK_MARK_WORD}){END}(?!{S}(?:يوم|{P.RELDAY}|{P.RELDAY_BOUND}|{P.WEEKDAY}){END}))"
    rf"(?:{S}(?:ب|وفق{S})?(?:ال)?توقيت{S}\w+)?){END}", starts=['الساعة', DIGIT, APPROX, lx.HOUR_WORDS])
def _clock(m: re.Match, ctx: Context) -> Candidate | None:
    """``01:48 م`` → ``T13:48``, ``الساعة ٨:٤٧ مساءً``, ``الساعة الثامنة والنصف مساء``,
    ``العاشرة ليلا`` (an hour word alone needs a part-of-day word after it)."""
    if g(m, "h"):
        hour, minute = int(m.group("h")), int(m.group("mi"))
        mark = g(m, "mark")
    elif g(m, "hw3"):
        hour, minute = P.HOUR_OF[g(m, "hw3")], 0  # type: ignore[index]
        if g(m, "frac3"):
            minute = P.FRACTION_OF[g(m, "frac3")]  # type: ignore[index]
            if minute < 0:
                hour, minute = hour - 1, 60 + minute
        mark = g(m, "mark3")
    else:
        if g(m, "hw"):
            hour = P.HOUR_OF[g(m, "hw")]  # type: ignore[index]
        else:
            hour = int(m.group("hd"))
        minute = 0
        frac = g(m, "frac")
        if frac:
            minute = P.FRACTION_OF[frac]
            if minute < 0:
                hour, minute = hour - 1, 60 + minute
        mark = g(m, "mark2")
        if mark is None and g(m, "hd"):
            return None  # "الساعة 10" alone is too often a count
    code = P.CLOCK_MARK_OF.get(mark) if mark else None
    if code == "pm" and hour < 12:
        hour += 12
    elif code == "noon" and hour < 6:
        hour += 12
    elif code == "night" and 6 <= hour < 12:
        hour += 12
    elif code == "am" and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    hhmm = f"T{hour:02d}:{minute:02d}"
    mod = "APPROX" if g(m, "ap") else None
    return Candidate(0, 0, "TIME", f"{R.shift_days(ctx.dct, 0)}{hhmm}", mod, kind="clock", extra={"hhmm": hhmm})


# --- Relative periods ------------------------------------------------------------------------------


@rule(
    "relative_period",
    rf"{PRE}(?P<t>{P.MOD_PRE()}(?:(?P<this>{P.THIS}){S}(?P<n1>{P.PERIOD})|(?P<n2>{P.PERIOD_ART}){S}(?:(?P<shift>{P.SHIFT})|(?P<ana>{P.ANAPHOR})))"
    rf"|(?P<mod2>{P.MODS}){S}(?P<n3>{P.PERIOD})(?!{S0}(?:1\d|2[01])\d\d(?!\d))(?!{S}(?:{P.SHIFT}|{P.ANAPHOR}|الاول|الثاني|من){END})){END}", starts=[MODS, lx.THIS_WORDS, lx.PERIOD_NOUNS])
def _relative_period(m: re.Match, ctx: Context) -> Candidate | None:
    """``العام الماضي`` → year−1, ``الشهر المقبل``, ``الأسبوع الماضي`` (ISO week), ``مطلع هذا العام``;
    ``العام نفسه`` / ``العام التالي`` → the year named before (+1) (see ``anaphor``)."""
    noun = P.period_key(g(m, "n1") or g(m, "n2") or g(m, "n3"))  # type: ignore[arg-type]
    unit = P.PERIOD_OF[noun]
    amount = P.SHIFT_OF[g(m, "shift")] if g(m, "shift") else 0  # type: ignore[index]
    extra = anaphor(m, "", unit)
    if extra:
        amount = extra["anaphor"][1]
    mod = mod_of(m) or (P.MOD_OF[g(m, "mod2")] if g(m, "mod2") else None)  # type: ignore[index]
    if unit == "DE":  # العقد الماضي → the previous decade, "201X"
        if extra:
            return None
        value = f"{ctx.dct.year // 10 + amount:03d}X" if ctx.dct else "XXXX"
        return Candidate(0, 0, "DATE", value, mod)
    return Candidate(0, 0, "DATE", R.shift(ctx.dct, unit, amount), mod, extra=extra)


@rule("same_day", rf"{PRE}(?P<t>(?:يوم|اليوم){S}(?P<ana>{P.ANAPHOR})){END}", starts=["يوم", "اليوم"])
def _same_day(m: re.Match, ctx: Context) -> Candidate | None:
    """``في اليوم نفسه`` / ``اليوم التالي`` → the day named before (+1), else the dct (+1)."""
    extra = anaphor(m, "", "D")
    return Candidate(0, 0, "DATE", R.shift_days(ctx.dct, extra["anaphor"][1]), extra=extra)


_DUR_NUM = rf"(?:ال{S0})?(?P<num>\d{{1,4}}|{P.NUMBER_WORDS}(?=\s)){S0}(?P<u1>{P.UNIT_ANY_INDEF})"  # ستعقد is not ست + عقد
_DUR_SPEC = (
    rf"(?:{_DUR_NUM}|(?P<dual>{P.UNIT_TWO})|(?P<vq>{P.VAGUE_Q}){S}(?P<u3>{P.UNIT_PLURAL_INDEF})"
    rf"|(?P<pl>{P.UNIT_PLURAL_INDEF})|(?P<one>{P.UNIT_ONE_INDEF})(?:{S}(?P<wahid>واحد|واحده))?){END}"
    rf"(?:{S}(?P<half>ونصف|و{S}نصف){END})?"
)


def _spec(m: re.Match) -> tuple[int | None, str, bool] | None:
    """(amount or None when vague, unit code, half) of a duration spec match."""
    half = bool(g(m, "half"))
    if g(m, "num"):
        amount = number_value(g(m, "num"))  # type: ignore[arg-type]
        if amount is None:
            return None
        return amount, unit_code(g(m, "u1"))[0], half  # type: ignore[arg-type]
    if g(m, "dual"):
        return 2, unit_code(g(m, "dual"))[0], half  # type: ignore[arg-type]
    if g(m, "u3"):
        return None, unit_code(g(m, "u3"))[0], False  # type: ignore[arg-type]
    if g(m, "pl"):
        return None, unit_code(g(m, "pl"))[0], False  # type: ignore[arg-type]
    if g(m, "one"):
        return 1, unit_code(g(m, "one"))[0], half  # type: ignore[arg-type]
    return None


@rule(
    "ago_later",
    rf"{PRE}(?P<t>(?P<dir>قبل|بعد){S}(?:(?P<ap>{P.APPROX}){S})?{_DUR_SPEC}(?:{S}من{S}(?:الان|اليوم){END})?)(?!{S0}\d)(?!{S}من{END})",
    starts=['قبل', 'بعد'])
def _ago_later(m: re.Match, ctx: Context) -> Candidate | None:
    """``قبل ثلاثة أشهر`` → dct month − 3, ``بعد أسبوعين`` → ISO week, ``قبل أيام`` → PAST_REF."""
    spec = _spec(m)
    if spec is None:
        return None
    amount, unit, _half = spec
    sign = -1 if g(m, "dir") == "قبل" else 1
    mod = "APPROX" if g(m, "ap") else None
    if amount is None:
        return Candidate(0, 0, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    if unit in ("TH", "TM"):
        if unit == "TH" and amount >= 24:
            return Candidate(0, 0, "DATE", R.shift_days(ctx.dct, sign * (amount // 24)), mod)
        return Candidate(0, 0, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    return Candidate(0, 0, "DATE", R.shift(ctx.dct, unit, sign * amount), mod)


_DUR_CONTEXT = frozenset(norm(w) for w in lx.DURATION_CONTEXT) | {"من", "مدى", "مدار"}
_DECADE_CONTEXT = frozenset(norm(w) for w in ("منذ", "خلال", "لمدة", "طيلة", "طوال", "نحو", "قرابة", "حوالي"))
_AGE = re.compile("|".join(re.escape(norm(w)) for w in lx.AGE_CUES))
_DIR_ADJ = rf"(?:{S}(?:القليله{S})?(?P<diradj>الماضيه|المقبله|القادمه|الاخيره|الماضيين|المقبلين|الاولي|الاولى|المنصرمه|الفائته|السابقه){END})?"


@rule(
    "duration",
    rf"{PRE}(?P<t>(?:(?P<ap>{P.APPROX}){S})?{_DUR_SPEC}(?:{S}(?P<vadj>{P.VAGUE_DUR_ADJ}){END})?(?:{S}(?P<ztail>{P.DURATION_TAIL}){END})?{_DIR_ADJ})",
    starts=[APPROX, 'ال', DIGIT, NUMBER_WORD_STARTS, UNIT_STARTS, lx.VAGUE_QUANTIFIERS, lx.ADVERBIAL_PLURALS])
def _duration(m: re.Match, ctx: Context) -> Candidate | None:
    """``11 عاما`` → P11Y, ``ثلاثة أشهر``, ``عامين``, ``خلال شهر`` → P1M, ``سنوات طويلة`` → PXY."""
    spec = _spec(m)
    if spec is None:
        return None
    amount, unit, half = spec
    start = m.start("t")
    prev = ctx.prev_word(m.start())
    clitic = m.group(0)[: start - m.start()]
    if g(m, "pl") or g(m, "one"):
        # a bare unit is a duration only after خلال/منذ/لمدة..., a clitic ل, with an adjective,
        # with "من الزمن", or as an adverbial accusative plural ("استمرت أشهرا")
        lam = clitic.endswith("ل") and bool(g(m, "pl"))  # "لسنوات" = for years; "لعام" is often "for the year"
        adverbial = g(m, "pl") in P.ADVERBIAL_OF
        tail = bool(g(m, "ztail"))
        if prev[:1] in ("و", "ف") and prev[1:] in _DUR_CONTEXT:
            prev = prev[1:]  # وقبل, وخلال
        if g(m, "one") and re.match(rf"{S0}\d", ctx.after(m.end("t"), 3)):
            return None  # سنة 3000: the year keyword, not one year
        if g(m, "pl") in P.SUPERLATIVE_PLURALS and (prev == "من" or ctx.next_word(m.end("t")).startswith("ال")):
            return None  # من أشهر كلماته: among the most famous
        if not (prev in _DUR_CONTEXT or lam or adverbial or tail or g(m, "vadj") or g(m, "wahid") or g(m, "ap")):
            return None
        if g(m, "pl") and unit in ("DE", "CE") and prev not in _DUR_CONTEXT and not tail:
            return None
        if g(m, "one") and unit in ("DE", "CE") and not g(m, "wahid") and prev not in _DECADE_CONTEXT and not tail:
            return None
    if amount is not None and g(m, "num") and amount == 0:
        return None
    if (g(m, "dual") or "").startswith("ال") and ctx.next_word(m.end("t")) in P.ORDINAL_FIRST:
        return None  # القرنين العاشر والحادي عشر: two named centuries, not a length
    before = ctx.before(start, 30)
    if unit == "Y" and (_AGE.search(before) or before.rstrip().endswith("(") and ctx.after(m.end("t"), 2).lstrip().startswith(")")):
        return None  # an age
    if unit == "Y" and ctx.after(m.end("t"), 12).strip().startswith("من العمر"):
        return None
    mod = "APPROX" if g(m, "ap") else None
    return Candidate(0, 0, "DURATION", duration_value(amount, unit, half), mod)


_FRACTION_TO: dict[str, tuple[str, int]] = {"CE": ("Y", 100), "DE": ("Y", 10), "Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60)}


@rule(
    "fraction_duration",
    rf"{PRE}(?P<t>(?:(?P<ap>{P.APPROX}){S})?(?P<fr>{P.FRACTION_UNIT}){S}(?P<u>{P.UNIT_ONE_INDEF})(?:{S}(?P<ztail>{P.DURATION_TAIL}))?){END}",
    starts=[APPROX, lx.UNIT_FRACTIONS])
def _fraction_duration(m: re.Match, ctx: Context) -> Candidate | None:
    """``ربع قرن`` → P25Y, ``نصف ساعة`` → PT30M, ``نصف عام`` → P6M (in the next smaller unit)."""
    num, den = P.FRACTION_UNIT_OF[g(m, "fr")]  # type: ignore[index]
    smaller, size = _FRACTION_TO[unit_code(g(m, "u"))[0]]  # type: ignore[arg-type]
    if (num * size) % den:
        return None
    mod = "APPROX" if g(m, "ap") else None
    return Candidate(0, 0, "DURATION", duration_value(num * size // den, smaller), mod)


@rule(
    "counted_period",
    rf"{PRE}(?P<t>(?P<pl>{P.VAGUE_PL}){S}(?P<num>ال{S0}?\d{{1,3}}|ال{P.NUMBER_WORDS}){END}{S}(?P<adj>{P.VAGUE_ADJ}){END})",
    starts=[lx.VAGUE_PERIOD_PLURALS],
)
def _counted_period(m: re.Match, ctx: Context) -> Candidate | None:
    """``السنوات العشر الماضية`` → P10Y, ``الأيام الثلاثة المقبلة`` → P3D (a counted span: a duration)."""
    amount = number_value(g(m, "num"))  # type: ignore[arg-type]
    plural = g(m, "pl")
    code = unit_code(plural)[0] if plural in P.UNIT_OF else None  # type: ignore[operator]
    if amount is None or code is None:
        return None
    return Candidate(0, 0, "DURATION", duration_value(amount, code))


# --- Decades, centuries, millennia ----------------------------------------------------------------

_CENTURY = rf"(?:(?P<cth>هذا){S}القرن|القرن{S}(?:(?P<cord>{P.CENTURY_ORD})|(?:ال{S0})?(?P<cnum>[12]?\d)(?![\d.,/:])|(?P<cshift>{P.SHIFT})))"
DECADE_STARTS = tuple(p + root + end for root in lx.DECADE_ROOTS for end in lx.DECADE_ENDINGS for p in ("", "ال"))


def _century(m: re.Match, ctx: Context) -> int | None:
    """The century number (20 = the 1900s) of a ``_CENTURY`` block, None when absent or unknown."""
    if g(m, "cord"):
        return P.CENTURY_OF[g(m, "cord")]  # type: ignore[index]
    if g(m, "cnum"):
        return int(g(m, "cnum"))  # type: ignore[arg-type]
    if ctx.dct is None:
        return None
    if g(m, "cth"):
        return ctx.dct.year // 100 + 1
    if g(m, "cshift"):
        return ctx.dct.year // 100 + 1 + P.SHIFT_OF[g(m, "cshift")]  # type: ignore[index]
    return None


@rule("decade", rf"{PRE}(?P<t>{P.MOD_PRE()}{P.DECADE}(?:{S}(?:من{S})?{_CENTURY})?){END}", starts=[MODS, DECADE_STARTS])
def _decade(m: re.Match, ctx: Context) -> Candidate | None:
    """``التسعينيات`` → ``199X`` (the latest such decade not after the dct), ``تسعينيات القرن الماضي``,
    ``أواخر الثمانينيات من القرن العشرين`` (mod END); not an age (``في الخمسينيات من عمره``)."""
    if re.match(rf"{S0}{P.AGE_AFTER}{END}", ctx.after(m.end("t"), 20)) or _AGE.search(ctx.before(m.start("t"), 20)):
        return None
    tens = P.DECADE_OF[g(m, "dec")]  # type: ignore[index]
    century = _century(m, ctx)
    if century is not None:
        prefix: int | None = century - 1
    elif ctx.dct is not None:
        prefix = ctx.dct.year // 100
        if prefix * 100 + tens * 10 > ctx.dct.year:
            prefix -= 1
    else:
        prefix = None
    if prefix is not None and not 0 <= prefix <= 99:
        return None
    head = "XX" if prefix is None else f"{prefix:02d}"
    return Candidate(0, 0, "DATE", f"{head}{tens}X", mod_of(m))


@rule("century", rf"{PRE}(?P<t>{P.MOD_PRE()}{_CENTURY}){END}", starts=[MODS, "القرن", "هذا"])
def _century_rule(m: re.Match, ctx: Context) -> Candidate | None:
    """``القرن العشرين`` → ``19XX``, ``القرن الحادي والعشرين`` / ``هذا القرن`` → ``20XX``, ``القرن الماضي``."""
    century = _century(m, ctx)
    if century is None or not 1 <= century <= 100:
        return None
    return Candidate(0, 0, "DATE", f"{century - 1:02d}XX", mod_of(m))


@rule(
    "millennium",
    rf"{PRE}(?P<t>{P.MOD_PRE()}الالفيه(?:{S}(?P<mord>{P.MILLENNIUM_ORD})|{S}(?P<mthis>{P.MILLENNIUM_THIS}))?){END}",
    starts=[MODS, "الألفية"])
def _millennium(m: re.Match, ctx: Context) -> Candidate | None:
    """``الألفية الثالثة`` → ``2XXX``; ``مطلع الألفية`` / ``الألفية الجديدة`` → the dct's millennium.

    A bare ``الألفية`` (أهداف الألفية, a name) needs a modifier or an adjective."""
    if g(m, "mord"):
        return Candidate(0, 0, "DATE", f"{P.MILLENNIUM_OF[g(m, 'mord')] - 1}XXX", mod_of(m))  # type: ignore[index]
    if not (g(m, "mthis") or g(m, "mod")) or ctx.dct is None:
        return None
    return Candidate(0, 0, "DATE", f"{ctx.dct.year // 1000}XXX", mod_of(m))


# --- Ranges of days, weeks of a month, clock hours of a part of day ----------------------------------

_DAY_RANGE_JOIN = rf"(?:{S0}-{S0}|{S}(?P<jw>الي|حتي|لغايه|وحتي|والي|و){S0})"


@rule(
    "day_range",
    rf"{PRE}(?P<t>(?:(?P<open>من|بين){S})?(?:ال{S0})?(?<![\d.,/:])(?P<d1>[0-3]?\d){_DAY_RANGE_JOIN}(?:ال{S0})?(?P<d2>[0-3]?\d)(?![\d.,/:])"
    rf"{S}(?:من{S}(?:شهر{S})?)?{P.MONTH('a')}(?:{S0}[,،]?{S0}(?:من{S})?(?:{P.YEAR_EXPR('a')})|{S}{_MREL})?){END}",
    starts=["من", "بين", DIGIT, "ال"])
def _day_range(m: re.Match, ctx: Context) -> Candidate | None:
    """``من 20 إلى 25 أيار 2025`` / ``بين 10 و12 تشرين الثاني`` / ``20-25 مايو`` → ``D1/D2``."""
    word, opened = g(m, "jw"), g(m, "open")
    if word == "و" and opened != "بين" or word not in (None, "و") and opened != "من" or word is None and opened == "بين":
        return None
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    month, _sure = month_of(m, "a")  # type: ignore[misc]
    year, hijri = year_of(m, "a", ctx)
    if hijri or not d1 < d2:
        return None
    if year is None:
        rel = g(m, "amrel")
        year = R.month_year(ctx.dct, month, ctx.tense(m.start("t")), P.SHIFT_OF[rel] if rel else None)
    a, b = R.date_value(year, month, d1), R.date_value(year, month, d2)
    if a is None or b is None:
        return None
    return Candidate(0, 0, "DATE", f"{a}/{b}", mod_of(m), extra=anaphor(m, "a"))


@rule(
    "week_of_month",
    rf"{PRE}(?P<t>الاسبوع{S}(?P<wo>{P.WEEK_ORD}){S}من{S}(?:شهر{S})?{P.MONTH('a')}(?:{S0}[,،]?{S0}(?:من{S})?(?:{P.YEAR_EXPR('a')})|{S}{_MREL})?){END}",
    starts=["الأسبوع"])
def _week_of_month(m: re.Match, ctx: Context) -> Candidate | None:
    """``الأسبوع الأول من تموز`` → the ISO week holding the month's 4th day (the last week: its
    last day − 3)."""
    month, _sure = month_of(m, "a")  # type: ignore[misc]
    year, hijri = year_of(m, "a", ctx)
    if hijri:
        return None
    if year is None:
        rel = g(m, "amrel")
        year = R.month_year(ctx.dct, month, ctx.tense(m.start("t")), P.SHIFT_OF[rel] if rel else None)
    if year is None:
        return Candidate(0, 0, "DATE", f"XXXX-{month:02d}")
    n = P.WEEK_OF_MONTH_OF[g(m, "wo")]  # type: ignore[index]
    last = R.calendar.monthrange(year, month)[1]
    day = last - 3 if n < 0 else 7 * (n - 1) + 4
    return Candidate(0, 0, "DATE", R.week_value(dt.date(year, month, day)), extra=anaphor(m, "a"))


_POD_HOURS = {"MO": 0, "AF": 12, "EV": 12, "NI": 12}


@rule(
    "clock_of_day",
    rf"{PRE}(?P<t>(?:(?P<ap>{P.APPROX}){S})?(?:(?:الساعه{S})?(?P<hw>{P.HOUR_WORD})|الساعه{S}(?<![\d.,/:])(?P<hd>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?(?![\d.,/:]))"
    rf"(?:{S}(?P<frac>{P.FRACTION}))?{S}(?:من{S})?(?P<pod>{P.POD}){S}(?:(?P<rd>{P.RELDAY}|{P.RELDAY_BOUND})|(?:يوم{S})?(?P<wd>{P.WEEKDAY})(?:{S}{_WD_ADJ})?)){END}",
    starts=[APPROX, "الساعة", lx.HOUR_WORDS, DIGIT])
def _clock_of_day(m: re.Match, ctx: Context) -> Candidate | None:
    """``التاسعة من صباح اليوم`` → ``T09:00``, ``الساعة السادسة من مساء الأحد`` → ``T18:00``,
    ``الثالثة فجر اليوم`` → ``T03:00``."""
    hour = P.HOUR_OF[g(m, "hw")] if g(m, "hw") else int(m.group("hd"))  # type: ignore[index]
    minute = int(m.group("mi")) if g(m, "mi") else 0
    if g(m, "frac"):
        minute = P.FRACTION_OF[g(m, "frac")]  # type: ignore[index]
        if minute < 0:
            hour, minute = hour - 1, 60 + minute
    code = P.POD_OF[g(m, "pod")]  # type: ignore[index]
    if hour < 12 and not (code == "NI" and hour < 5):
        hour += _POD_HOURS[code]
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    day = _day_of(m, ctx, "rd", "wd")
    mod = "APPROX" if g(m, "ap") else None
    return Candidate(0, 0, "TIME", f"{day}T{hour:02d}:{minute:02d}", mod)


# --- Vague references, sets, quarters, seasons, Hijri ---------------------------------------------

_NOT_VAGUE_AFTER = frozenset(norm(w) for w in lx.NOT_VAGUE_AFTER)
_BLOCKABLE = frozenset(norm(w) for w in ("قريبا", "وقت سابق", "وقت لاحق", "سابقا", "لاحقا"))


@rule("vague_ref", rf"{PRE}(?P<t>(?P<w>{P.VAGUE})){END}(?P<blk>{S}(?:من|علي){END})?", starts=[lx.VAGUE_REFS])
def _vague_ref(m: re.Match, ctx: Context) -> Candidate | None:
    """``الآن``/``حاليا`` → PRESENT_REF, ``مؤخرا``/``في وقت سابق`` → PAST_REF, ``قريبا`` → FUTURE_REF."""
    word = g(m, "w")
    if g(m, "blk") and word in _BLOCKABLE:
        return None
    if word == "الان" and ctx.surface(m.start("t"), m.end("t")).startswith("آ"):
        return None  # آلان = Alain, not الآن
    if ctx.prev_word(m.start("t")) in _NOT_VAGUE_AFTER:
        return None  # أخبار الآن (a news outlet)
    return Candidate(0, 0, "DATE", P.VAGUE_OF[word])  # type: ignore[index]


@rule("vague_after_fi", rf"(?<!\w)[وف]?في{S}(?P<t>(?P<w>{P.VAGUE_FI})){END}(?!{S}(?:القريب|البعيد))", starts=['في'])
def _vague_after_fi(m: re.Match, ctx: Context) -> Candidate | None:
    """``في الماضي`` → PAST_REF, ``في المستقبل`` → FUTURE_REF (the preposition stays outside)."""
    return Candidate(0, 0, "DATE", P.VAGUE_FI_OF[g(m, "w")])  # type: ignore[index]


@rule(
    "vague_period",
    rf"{PRE}(?P<t>(?P<pl>{P.VAGUE_PL}){S}(?:(?:القليله|الكثيره|العديده){S})?(?P<adj>{P.VAGUE_ADJ})){END}", starts=[lx.VAGUE_PERIOD_PLURALS])
def _vague_period(m: re.Match, ctx: Context) -> Candidate | None:
    """``الأيام المقبلة`` → FUTURE_REF, ``الأيام القليلة الماضية`` / ``الأشهر الأخيرة`` → PAST_REF."""
    return Candidate(0, 0, "DATE", P.VAGUE_ADJ_OF[g(m, "adj")])  # type: ignore[index]


@rule("truncated_coming_days", rf"(?<!\w)[وف]?خلال{S}(?P<t>الايام)(?={S0}(?:\.\.\.?|…))", starts=['خلال'])
def _truncated_coming_days(m: re.Match, ctx: Context) -> Candidate | None:
    """A teaser cut after ``خلال الأيام...``: the days to come (FUTURE_REF)."""
    return Candidate(0, 0, "DATE", "FUTURE_REF")


@rule("set_word", rf"{PRE}(?P<t>(?P<w>{P.SETS})){END}(?!{S0}\d)", starts=[lx.SETS])
def _set_word(m: re.Match, ctx: Context) -> Candidate | None:
    """``يوميا`` → P1D, ``أسبوعيا`` → P1W, ``سنويا`` → P1Y, ``ربع سنوي`` → P3M."""
    return Candidate(0, 0, "SET", P.SET_OF[g(m, "w")])  # type: ignore[index]


@rule(
    "set_every",
    rf"{PRE}(?P<t>كل{S}(?:(?P<num>\d{{1,3}}|{P.NUMBER_WORDS}(?=\s)){S0}(?P<u1>{P.UNIT_ANY_INDEF})|(?P<dual>{P.UNIT_TWO})|(?P<one>{P.UNIT_ONE_INDEF}))){END}", starts=[lx.EVERY_WORDS])
def _set_every(m: re.Match, ctx: Context) -> Candidate | None:
    """``كل يوم`` → P1D, ``كل عام`` → P1Y, ``كل ثلاثة أشهر`` → P3M, ``كل أسبوعين`` → P2W."""
    spec = _spec(m)
    if spec is None or spec[0] is None:
        return None
    amount, unit, _ = spec
    return Candidate(0, 0, "SET", duration_value(amount, unit))


_YEAR_TAIL = rf"(?:{S}(?:من{S}|ل)?(?:{P.YEAR_EXPR('a')}))?"


@rule("quarter", rf"{PRE}(?P<t>{P.MOD_PRE()}(?P<kind>الربع|النصف){S}(?P<ord>{P.QUARTER_ORD}){END}{_YEAR_TAIL}){END}", starts=[MODS, 'الربع', 'النصف'])
def _quarter(m: re.Match, ctx: Context) -> Candidate | None:
    """``الربع الأول من عام 2025`` → ``2025-Q1``; ``النصف الثاني من العام`` → ``YYYY-H2``."""
    year, hijri = year_of(m, "a", ctx)
    if hijri:
        return None
    if year is None:
        if not ctx.dct:
            year_text = "XXXX"
        else:
            year_text = f"{ctx.dct.year:04d}"
        # "الربع الأول" alone is a date only with a modifier (نهاية الربع الأول) or before
        # من العام / هذا العام etc. (else it is often a match's first quarter)
        nxt = ctx.after(m.end("t"), 20).strip()
        if not g(m, "mod") and not nxt.startswith(("من العام", "من هذا العام", "من السنه", "من عام")):
            return None
    else:
        year_text = f"{year:04d}"
    ordinal = g(m, "ord")
    if g(m, "kind") == "الربع":
        return Candidate(0, 0, "DATE", f"{year_text}-Q{P.QUARTER_OF[ordinal]}", mod_of(m))  # type: ignore[index]
    if ordinal not in P.HALF_OF:
        return None
    return Candidate(0, 0, "DATE", f"{year_text}-H{P.HALF_OF[ordinal]}", mod_of(m))


@rule("season", rf"{PRE}(?P<t>{P.MOD_PRE()}(?P<s>{P.SEASONS}){S0}(?:{P.YEAR_EXPR('a')})){END}", starts=[MODS, lx.SEASONS])
def _season(m: re.Match, ctx: Context) -> Candidate | None:
    """``صيف 2024`` → ``2024-SU``, ``خريف هذا العام``."""
    year, hijri = year_of(m, "a", ctx)
    if hijri or year is None:
        return None
    return Candidate(0, 0, "DATE", f"{year:04d}-{P.SEASON_OF[g(m, 's')]}", mod_of(m))  # type: ignore[index]


@rule(
    "season_relative",
    rf"{PRE}(?P<t>{P.MOD_PRE()}(?:فصل{S}(?P<s1>{P.SEASONS_DEF})(?:{S}(?P<sh1>{P.SHIFT}))?|(?P<s2>{P.SEASONS_DEF}){S}(?P<sh2>{P.SHIFT})|{P.THIS}{S}(?P<s3>{P.SEASONS_DEF}))){END}",
    starts=[MODS, "فصل", lx.SEASONS_DEF, lx.THIS_WORDS])
def _season_relative(m: re.Match, ctx: Context) -> Candidate | None:
    """``فصل الصيف`` / ``هذا الصيف`` → the dct's year, ``الشتاء المقبل`` → next year's (``YYYY-WI``)."""
    if ctx.dct is None:
        return None
    season = P.SEASON_DEF_OF[g(m, "s1") or g(m, "s2") or g(m, "s3")]  # type: ignore[index]
    shift = g(m, "sh1") or g(m, "sh2")
    year = ctx.dct.year + (P.SHIFT_OF[shift] if shift else 0)  # type: ignore[index]
    return Candidate(0, 0, "DATE", f"{year:04d}-{season}", mod_of(m))


@rule(
    "iso_week",
    rf"{PRE}(?P<t>الاسبوع{S}(?:رقم{S})?(?:ال{S0})?(?P<wn>\d{{1,2}}){S}من{S}(?:{P.YEAR_EXPR('a')})){END}", starts=['الأسبوع'])
def _iso_week(m: re.Match, ctx: Context) -> Candidate | None:
    """``الأسبوع 35 من عام 2025`` → ``2025-W35``."""
    year, hijri = year_of(m, "a", ctx)
    week = int(m.group("wn"))
    if hijri or year is None or not 1 <= week <= 53:
        return None
    return Candidate(0, 0, "DATE", f"{year:04d}-W{week:02d}")


_HIJRI_YEAR = (
    rf"(?:(?:عام|سنه|العام){S0})?(?<![\d.,/:])(?:(?P<hy>1[34]\d\d)(?![\d.,/:])(?:{S0}(?P<he>ه|هجري|هجريه|للهجره){END})?"
    rf"|(?P<hy2>\d{{1,4}})(?![\d.,/:]){S0}(?P<he2>ه|هجري|هجريه|للهجره){END})"
)


@rule(
    "hijri",
    rf"{PRE}(?P<t>{P.MOD_PRE()}(?:{P.DAY('a')}{S}(?:من{S})?)?(?:(?P<shahr>شهر){S})?(?P<hm>{P.HIJRI}){END}(?:{S0}[,،]?{S0}{_HIJRI_YEAR})?){END}", starts=[MODS, DIGIT, ORDINALS, 'شهر', HIJRI_WORDS])
def _hijri(m: re.Match, ctx: Context) -> Candidate | None:
    """``15 رمضان 1446 هـ`` → Gregorian ``2025-03-15`` (calendar hijri); ``شهر رمضان`` → its month."""
    month = P.HIJRI_MONTH_OF[g(m, "hm")]  # type: ignore[index]
    day = day_of(m, "a")
    year = int(g(m, "hy") or g(m, "hy2") or 0) or None
    if g(m, "hy2"):
        value = R.hijri_to_gregorian(year, month, day)  # type: ignore[arg-type]
        return Candidate(0, 0, "DATE", value, mod_of(m), calendar="hijri") if value else None
    if year is None and day is None and not g(m, "shahr"):
        return None
    if year is None and day is None and g(m, "hm") in P.AMBIGUOUS_HIJRI and not g(m, "shahr"):
        return None
    if year is None and g(m, "hm") in P.STRICT_HIJRI and not g(m, "shahr"):
        return None  # "1 صفر" is a score, not the 1st of Safar
    if year is None:
        year = R.hijri_year_of(ctx.dct, month)
        if year is None:
            return None
    value = R.hijri_to_gregorian(year, month, day)
    return Candidate(0, 0, "DATE", value, mod_of(m), calendar="hijri") if value else None


@rule("hijri_year", rf"{PRE}(?P<t>{P.MOD_PRE()}(?:(?:ال)?عام|(?:ال)?سنه){S0}(?P<hy>1[34]\d\d){S0}(?P<he>ه|هجري|هجريه|للهجره)){END}", starts=[MODS, 'عام', 'العام', 'سنة', 'السنة'])
def _hijri_year(m: re.Match, ctx: Context) -> Candidate | None:
    """``عام 1446 هـ`` → the Gregorian year holding its middle (calendar hijri)."""
    value = R.hijri_to_gregorian(int(m.group("hy")), 0, None)
    return Candidate(0, 0, "DATE", value, mod_of(m), calendar="hijri") if value else None
