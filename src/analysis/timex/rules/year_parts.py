"""Parts and kinds of years: quarters and halves (``الربع الثالث``, Maghreb ``الثلاثي الأول``,
``السداسي الأول``), seasons (``صيف 2024``, ``فصل الشتاء``, ``فصلي الخريف والشتاء``), fiscal years
(``العام المالي 2025/2026`` → July-June), sports seasons (``موسم 2025-2024``), months counted from a
year's start (``الأشهر الستة الأولى من 2024``) and periods that mirror the one just named
(``الفترة نفسها من العام الماضي``, resolved after selection by ``anchors.resolve_mirrors``)."""

from __future__ import annotations

import re

from analysis.timex import lexicon as lx
from analysis.timex import patterns as P
from analysis.timex import resolve as R
from analysis.timex.engine import DIGIT, Candidate, Context, rule
from analysis.timex.patterns import END, PRE, S, S0, norm
from analysis.timex.rules.common import MODS, NUMBER_WORD_STARTS, g, mod_of, number_value, year_of

#: "من العام" / "من السنة" with no adjective after it: the article's year, inside the span.
_THIS_YEAR = rf"(?P<bare>العام|السنه)(?!{S}(?:{P.SHIFT}|{P.ANAPHOR}|الذي|التي){END})"
_YEAR_TAIL = rf"(?:{S}(?:من{S}|ل)?(?:{P.YEAR_EXPR('a')}|{_THIS_YEAR}))?"
#: Words before a part of the year named alone that make it a date (``خلال الربع الثاني``).
_PART_CONTEXT = frozenset(norm(w) for w in ("في", "خلال", "منذ", "حتى", "بحلول", "قبل", "بعد", "طوال", "طيلة", "مع", "وفي", "وخلال"))
#: What follows a part of the year that is not a year (``الربع الأول من المباراة``).
_NOT_OF_YEAR = re.compile(rf"^{S}من{S}(?!العام|السنه|عام|سنه|\d)")
#: A Gregorian year in digits, for forms written with two years.
_Y4 = r"(?:19|20)\d\d"
_NUM_END = r"(?!\d|[.,/:]\d)"
#: An adjective after a season that is not a time word (الربيع العربي, a name).
_NAME_ADJ = re.compile(rf"^{S}ال\w+(?:ي|يه)(?!\w)")
_SENTENCE_END = re.compile(r"[.!?؟؛]")
_SPORTS_CUES = frozenset(norm(w) for w in lx.SPORTS_CUES)
_PAIR_SHIFT = {"الماضيين": -1, "المنصرمين": -1, "السابقين": -1, "المقبلين": 1, "القادمين": 1, "الحاليين": 0, "الجاريين": 0}


def _sports_sentence(ctx: Context, start: int, end: int) -> bool:
    """A word of a match report (``المباراة``, ``نقطة``) in the sentence around ``start:end``."""
    sentence = _SENTENCE_END.split(ctx.before(start, 150))[-1] + " " + _SENTENCE_END.split(ctx.after(end, 150))[0]
    return any(w.lstrip("وفبل") in _SPORTS_CUES or w in _SPORTS_CUES for w in re.findall(r"\w+", sentence))


def _year_or_dct(m: re.Match, ctx: Context) -> int | None:
    """The year of a ``_YEAR_TAIL`` block, the article's year for a bare ``من العام``, else None."""
    year, hijri = year_of(m, "a", ctx)
    if hijri:
        raise ValueError("a Gregorian period of a Hijri year")
    if year is None and g(m, "bare") and ctx.dct:
        return ctx.dct.year
    return year


@rule("year_part", priority=370, starts=[MODS, lx.YEAR_PART_HEADS],
      pattern=rf"{PRE}(?P<t>{P.MOD_PRE()}(?P<head>{P.PART_HEAD}){S}(?P<ord>{P.PART_ORD}){END}{_YEAR_TAIL}){END}")
def _year_part(m: re.Match, ctx: Context) -> Candidate | None:
    """``الربع الأول من عام 2025`` → ``2025-Q1``, ``الثلاثي الثاني`` → the dct's ``Q2``,
    ``النصف الثاني من العام`` / ``السداسي الأول`` → ``YYYY-H2`` / ``H1``, ``نهاية الربع الأول`` (END)."""
    kind = P.PART_HEAD_OF[g(m, "head")]  # type: ignore[index]
    number = P.PART_ORD_OF[g(m, "ord")]  # type: ignore[index]
    count = lx.PARTS_PER_YEAR[kind]
    number = count if number < 0 else number
    if not 1 <= number <= count:
        return None
    year = _year_or_dct(m, ctx)
    if year is None:
        # a part alone is a date after a time preposition or with a modifier; النصف alone is too
        # often a match's half, and "الربع الأول من المباراة" is never a date
        if _NOT_OF_YEAR.match(ctx.after(m.end("t"), 20)) or not ctx.dct:
            return None
        if not g(m, "mod") and (g(m, "head") == "النصف" or ctx.prev_word(m.start()) not in _PART_CONTEXT):
            return None
        if _sports_sentence(ctx, m.start("t"), m.end("t")):
            return None  # "في الربع الأول" of a basketball game
        year = ctx.dct.year
    return Candidate(0, 0, "DATE", f"{year:04d}-{kind}{number}", mod_of(m))


@rule("season", priority=380, starts=[MODS, lx.SEASONS],
      pattern=rf"{PRE}(?P<t>{P.MOD_PRE()}(?P<s>{P.SEASONS}){S0}(?:{P.YEAR_EXPR('a')})){END}")
def _season(m: re.Match, ctx: Context) -> Candidate | None:
    """``صيف 2024`` → ``2024-SU``, ``خريف هذا العام``."""
    year, hijri = year_of(m, "a", ctx)
    if hijri or year is None:
        return None
    return Candidate(0, 0, "DATE", f"{year:04d}-{P.SEASON_OF[g(m, 's')]}", mod_of(m))  # type: ignore[index]


@rule("season_relative", priority=390, starts=[MODS, "فصل", "موسم", lx.SEASONS_DEF, lx.THIS_WORDS],
      pattern=rf"{PRE}(?P<t>{P.MOD_PRE()}(?:(?:فصل|موسم){S}(?P<s1>{P.SEASONS_DEF})(?:{S}(?P<sh1>{P.SHIFT}))?|(?P<s2>{P.SEASONS_DEF})(?:{S}(?P<sh2>{P.SHIFT}))?"
              rf"|{P.THIS}{S}(?P<s3>{P.SEASONS_DEF}))){END}")
def _season_relative(m: re.Match, ctx: Context) -> Candidate | None:
    """``فصل الصيف`` / ``موسم الشتاء`` / ``هذا الشتاء`` / ``الشتاء الحالي`` → the season holding the dct,
    else the dct's year's (``2025-WI`` in January 2026); ``الشتاء المقبل`` / ``الماضي`` → the next / last
    one; a bare season needs a modifier, an adjective or a time preposition (``بداية الشتاء``,
    ``خلال الصيف``)."""
    if ctx.dct is None:
        return None
    if g(m, "s2") and not (g(m, "sh2") or g(m, "mod")) and ctx.prev_word(m.start()) not in _PART_CONTEXT:
        return None  # "الربيع" alone is a season only after a time preposition (خلال الصيف)
    if _NAME_ADJ.match(ctx.after(m.end("t"), 20)) and not (g(m, "sh1") or g(m, "sh2")):
        return None  # الربيع العربي
    season = P.SEASON_DEF_OF[g(m, "s1") or g(m, "s2") or g(m, "s3")]  # type: ignore[index]
    shift = g(m, "sh1") or g(m, "sh2")
    year = R.season_year(ctx.dct, season, P.SHIFT_OF[shift] if shift else None)  # type: ignore[index]
    return Candidate(0, 0, "DATE", f"{year:04d}-{season}", mod_of(m))


@rule("season_pair", priority=385, starts=[MODS, "فصلي"],
      pattern=rf"{PRE}(?P<t>{P.MOD_PRE()}فصلي{S}(?P<s1>{P.SEASONS_DEF}){S}و{S0}(?P<s2>{P.SEASONS_DEF})"
              rf"(?:{S}(?P<sh>{P.alt(_PAIR_SHIFT)}))?(?:{S0}(?:{P.YEAR_EXPR('a')}))?){END}")
def _season_pair(m: re.Match, ctx: Context) -> Candidate | None:
    """``فصلي الخريف والشتاء`` → one interval ``2025-FA/2025-WI``; ``... الماضيين`` → the last such pair."""
    first, second = (P.SEASON_DEF_OF[g(m, k)] for k in ("s1", "s2"))  # type: ignore[index]
    shift = _PAIR_SHIFT[g(m, "sh")] if g(m, "sh") else None  # type: ignore[index]
    year, _hijri = year_of(m, "a", ctx)
    if year is not None:
        y1 = year
    elif shift is not None and shift < 0 and R.SEASON_AFTER[first] == second:
        y2 = R.season_year(ctx.dct, second, shift)
        if y2 is None:
            return None
        y1 = y2 - 1 if second == "SP" else y2
    else:
        y1 = R.season_year(ctx.dct, first, shift)  # type: ignore[assignment]
        if y1 is None:
            return None
    y2 = y1 + 1 if first == "WI" and R.SEASON_AFTER[first] == second else y1
    return Candidate(0, 0, "DATE", f"{y1:04d}-{first}/{y2:04d}-{second}", mod_of(m))


@rule("fiscal_year", priority=372, starts=[MODS, lx.FISCAL_HEADS],
      pattern=rf"{PRE}(?P<t>{P.MOD_PRE()}(?P<fh>{P.FISCAL})(?:{S}(?P<y1>{_Y4}){S0}[/-]{S0}(?P<y2>{_Y4}|\d\d){_NUM_END}"
              rf"|{S}(?P<y>{_Y4}){_NUM_END}|{S}(?P<sh>{P.SHIFT}|الجديد|الجديده){END})){END}")
def _fiscal_year(m: re.Match, ctx: Context) -> Candidate | None:
    """``العام المالي 2025/2026`` → ``2025-07/2026-06`` (a July-June year); ``نهاية العام المالي الجاري``
    → the fiscal year holding the dct (END); ``السنة المالية 2025`` → ``2025``."""
    start = P.FISCAL_OF[P.period_key(g(m, "fh"))]  # type: ignore[arg-type]
    if g(m, "y"):
        return Candidate(0, 0, "DATE", g(m, "y"), mod_of(m))  # type: ignore[arg-type]
    if g(m, "y1"):
        y1, raw = int(m.group("y1")), m.group("y2")
        y2 = int(raw) if len(raw) == 4 else y1 // 100 * 100 + int(raw)
        if y2 != y1 + 1:
            return None
    else:
        if ctx.dct is None:
            return None
        current = ctx.dct.year if ctx.dct.month >= start else ctx.dct.year - 1
        word = g(m, "sh")
        if word in ("الجديد", "الجديده"):  # the one that starts next, unless the current one has just begun
            shift = 0 if (ctx.dct.month - start) % 12 < 2 else 1
        else:
            shift = P.SHIFT_OF[word]  # type: ignore[index]
        y1 = current + shift
        y2 = y1 + 1
    return Candidate(0, 0, "DATE", _fiscal_value(y1, y2, start), mod_of(m))


def _fiscal_value(y1: int, y2: int, start: int) -> str:
    """The months of a fiscal year that starts in month ``start`` of ``y1``."""
    if start == 1:
        return f"{y1:04d}"
    end_year, end_month = R.add_months(y1, start, 11)
    return f"{y1:04d}-{start:02d}/{end_year:04d}-{end_month:02d}"


@rule("sports_season", priority=374, starts=[lx.SPORTS_HEADS],
      pattern=rf"{PRE}(?P<t>(?P<head>{P.SPORTS_HEAD})(?:{S}{P.SPORTS_ADJ})?{S}(?P<y1>{_Y4}){S0}[/-]{S0}(?P<y2>{_Y4}|\d\d){_NUM_END}){END}")
def _sports_season(m: re.Match, ctx: Context) -> Candidate | None:
    """``موسم 2023/24``, ``الموسم الكروي 2025-2024`` → the two years, earlier first (``2024/2025``)."""
    y1, raw = int(m.group("y1")), m.group("y2")
    y2 = int(raw) if len(raw) == 4 else y1 // 100 * 100 + int(raw)
    if abs(y1 - y2) != 1:
        return None
    return Candidate(0, 0, "DATE", f"{min(y1, y2):04d}/{max(y1, y2):04d}")


_COUNT = rf"(?:ال)?(?:\d{{1,2}}|{P.NUMBER_WORDS})"


@rule("counted_year_period", priority=376, starts=[DIGIT, NUMBER_WORD_STARTS, lx.COUNT_HEADS],
      pattern=rf"{PRE}(?P<t>(?:(?P<head>{P.COUNT_HEAD}){S}(?P<num>{_COUNT}){S}|(?P<num2>{_COUNT}){S}(?P<head2>{P.COUNT_HEAD}){S}"
              rf"|(?P<dual>الشهرين){S})(?P<ord>{P.COUNT_ORDER}){S}من{S}(?:{P.YEAR_EXPR('a')}|{_THIS_YEAR})){END}")
def _counted_year_period(m: re.Match, ctx: Context) -> Candidate | None:
    """``الأشهر الستة الأولى من 2024`` / ``8 أشهر الأولى من عام 2023`` → ``2024-01/2024-06``, ``2023-01/2023-08``
    (a date, not a duration); ``الأشهر الثلاثة الأخيرة من العام الماضي`` → its last three months."""
    head = g(m, "head") or g(m, "head2") or g(m, "dual")
    amount = 2 if g(m, "dual") else number_value(g(m, "num") or g(m, "num2"))  # type: ignore[arg-type]
    first = P.COUNT_ORDER_OF[g(m, "ord")] == "first"  # type: ignore[index]
    year = _year_or_dct(m, ctx)
    if P.COUNT_HEAD_OF[head] != "M" or not amount or amount > 12 or year is None:  # type: ignore[index]
        return None
    a, b = (1, amount) if first else (13 - amount, 12)
    return Candidate(0, 0, "DATE", f"{year:04d}-{a:02d}/{year:04d}-{b:02d}")


@rule("mirror", priority=378, starts=[lx.MIRROR_HEADS],
      pattern=rf"{PRE}(?P<t>(?P<head>{P.MIRROR_HEAD}){S}(?P<adj>{P.MIRROR_ADJ}){S}من{S}(?:{P.YEAR_EXPR('a')})){END}")
def _mirror(m: re.Match, ctx: Context) -> Candidate | None:
    """``الفترة نفسها من العام الماضي`` / ``الربع المقابل من 2023`` / ``الشهر المقابل من 2023``: the period
    named before, in that year (``anchors.resolve_mirrors``); alone, the year itself."""
    year, hijri = year_of(m, "a", ctx)
    if hijri or year is None:
        return None
    unit = P.MIRROR_OF[g(m, "head")]  # type: ignore[index]
    anaphoric = g(m, "aana")
    extra = {"mirror": (unit, ("shift", P.ANAPHOR_OF[anaphoric]) if anaphoric else ("year", year))}
    return Candidate(0, 0, "DATE", f"{year:04d}", extra=extra)
