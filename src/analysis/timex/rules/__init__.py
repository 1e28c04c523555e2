"""The rule tables, one module per family; importing this package registers every rule.

Where a newcomer adds a date rule: the family module it belongs to (``docs/TIMEX.md``, "Adding
a rule"); ``RULES`` is the engine's registry, complete once this package is imported.

- ``dates``: day month year, month year, years, weeks of a month, ISO weeks
- ``year_parts``: quarters, halves, seasons, fiscal and sports years, counted months, mirrors
- ``numeric``: ``31.12.2025``, ``2025-12-31``
- ``ranges``: ``2014–2017``, ``من 20 إلى 25 أيار``
- ``days``: ``اليوم``, ``أمس``, weekdays
- ``times``: parts of the day, clock times
- ``relative``: ``العام الماضي``, ``قبل ثلاثة أشهر``, ``العام نفسه``, ``20 منه``
- ``periods``: decades, centuries, millennia
- ``durations``: ``11 عاما``, ``ربع قرن``
- ``vague``: ``الآن``, ``مؤخرا``, ``الأيام المقبلة``
- ``sets``: ``يوميا``, ``كل عامين``, ``الثالث من آب من كل عام``
- ``hijri``: Hijri dates, months, years and named periods (as Gregorian day intervals)
"""

from __future__ import annotations

from analysis.timex.engine import RULES
from analysis.timex.rules import dates, days, durations, hijri, numeric, periods, ranges, relative, sets, times, vague, year_parts

FAMILIES = (dates, numeric, ranges, days, times, relative, periods, durations, vague, sets, year_parts, hijri)

__all__ = ["RULES", "FAMILIES"]
