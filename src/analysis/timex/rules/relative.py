"""Periods relative to the article date or to a date named before: ``العام الماضي``, ``الشهر المقبل``,
``قبل ثلاثة أشهر``, ``العام نفسه``, ``20 منه``.

Values that refer back (``anaphor``) are re-anchored after selection (``grammar.resolve_anaphors``).
"""

from __future__ import annotations

import re

from analysis.timex import lexicon as lx
from analysis.timex import patterns as P
from analysis.timex import resolve as R
from analysis.timex.engine import DIGIT, Candidate, Context, rule
from analysis.timex.patterns import END, PRE, S, S0
from analysis.timex.rules.common import DURATION_SPEC, MODS, ORDINALS, anaphor, day_of, duration_spec, g, mod_of


@rule("day_of_relative_month", priority=20, starts=[DIGIT, ORDINALS, "ال"],
      pattern=rf"{PRE}(?P<t>{P.DAY('a')}{S}من{S}(?:(?P<this>هذا){S}الشهر|الشهر{S}(?:(?P<shift>{P.SHIFT})|(?P<ana>{P.ANAPHOR}))){END}){END}")
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


@rule("day_of_same_month", priority=160, starts=[DIGIT, ORDINALS, "ال"],
      pattern=rf"{PRE}(?P<t>{P.DAY('a')}{S}منه){END}")
def _day_of_same_month(m: re.Match, ctx: Context) -> Candidate | None:
    """``وتنتهي في 20 منه`` → the 20th of the month named before; dropped when there is none."""
    day = day_of(m, "a")
    if day is None or not 1 <= day <= 31:
        return None
    month = R.shift_months(ctx.dct, 0)
    value = R.date_value(int(month[:4]), int(month[5:7]), day) if not month.startswith("X") else None
    return Candidate(0, 0, "DATE", value or f"XXXX-XX-{day:02d}", kind="day", extra={"anaphor": ("M", 0), "needs_ref": True})


#: Adjectives that make a year another kind of year (``منتصف السنة الدراسية`` is not mid-2025).
_KIND_OF_YEAR = P.alt(("الدراسي", "الدراسية", "المالي", "المالية", "الهجري", "الهجرية", "الجامعي", "الفلاحي", "الزراعي", "الرياضي", "الكروي"))


@rule("relative_period", priority=190, starts=[MODS, lx.THIS_WORDS, lx.PERIOD_NOUNS], pattern=(
      rf"{PRE}(?P<t>{P.MOD_PRE()}(?:(?P<this>{P.THIS}){S}(?P<n1>{P.PERIOD})|(?P<n2>{P.PERIOD_ART}){S}(?:(?P<shift>{P.SHIFT})|(?P<ana>{P.ANAPHOR})))"
      rf"|(?P<mod2>{P.MODS}){S}(?P<n3>{P.PERIOD})(?!{S0}(?:1\d|2[01])\d\d(?!\d))(?!{S}(?:{P.SHIFT}|{P.ANAPHOR}|الاول|الثاني|من|{_KIND_OF_YEAR}){END})){END}"))
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


@rule("same_day", priority=200, starts=["يوم", "اليوم"],
      pattern=rf"{PRE}(?P<t>(?:يوم|اليوم){S}(?P<ana>{P.ANAPHOR})){END}")
def _same_day(m: re.Match, ctx: Context) -> Candidate | None:
    """``في اليوم نفسه`` / ``اليوم التالي`` → the day named before (+1), else the dct (+1)."""
    extra = anaphor(m, "", "D")
    return Candidate(0, 0, "DATE", R.shift_days(ctx.dct, extra["anaphor"][1]), extra=extra)


@rule("ago_later", priority=210, starts=["قبل", "بعد"],
      pattern=rf"{PRE}(?P<t>(?P<dir>قبل|بعد){S}(?:(?P<ap>{P.APPROX}){S})?{DURATION_SPEC}(?:{S}من{S}(?:الان|اليوم){END})?)(?!{S0}\d)(?!{S}(?:(?:فقط|تقريبا|علي{S}الاقل|{P.VAGUE_DUR_ADJ}){S})?من{END})")
def _ago_later(m: re.Match, ctx: Context) -> Candidate | None:
    """``قبل ثلاثة أشهر`` → dct month − 3, ``بعد أسبوعين`` → ISO week, ``قبل أيام`` → PAST_REF."""
    amount, unit, _half = duration_spec(m)
    sign = -1 if g(m, "dir") == "قبل" else 1
    mod = "APPROX" if g(m, "ap") else None
    if amount is None:
        return Candidate(0, 0, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    if unit in ("TH", "TM"):
        if unit == "TH" and amount >= 24:
            return Candidate(0, 0, "DATE", R.shift_days(ctx.dct, sign * (amount // 24)), mod)
        return Candidate(0, 0, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    return Candidate(0, 0, "DATE", R.shift(ctx.dct, unit, sign * amount), mod)


@rule("last_ten_of_month", priority=206, starts=["العشر"],
      pattern=rf"{PRE}(?P<t>العشر{S}الاواخر{S}من{S}(?:هذا{S})?الشهر){END}(?!{S}(?:{P.SHIFT}|{P.ANAPHOR}){END})")
def _last_ten_of_month(m: re.Match, ctx: Context) -> Candidate | None:
    """``العشر الأواخر من الشهر`` → days 21 to the end of the month named just before (a Hijri month's
    days, or a Gregorian month); dropped without one (``anchors.resolve_day_refs``)."""
    return Candidate(0, 0, "DATE", R.shift_months(ctx.dct, 0), extra={"day_ref": "last_ten"})
