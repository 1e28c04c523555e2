"""The withdrawal timeline: merged event entries on a time axis a paper can print, and an HTML view to explore.

``timeline_table`` is the numbered table behind the figure, ``numbered_table`` its readable form,
``plot_timeline`` the matplotlib figure (column or page width), ``EntryFilter``/``filter_entries``
choose the entries, ``timeline_html``/``timeline_view`` the interactive Plotly timeline.
``analysis.report`` makes the figures from a ``Study``.
"""

from analysis.timeline.draw import WIDTHS, figure_width, plot_timeline, reference_date
from analysis.timeline.filters import ALL_TYPES, EntryFilter, FilterError, filter_entries
from analysis.timeline.table import TABLE_COLUMNS, date_text, numbered_table, timeline_table

__all__ = [
    "ALL_TYPES", "EntryFilter", "FilterError", "TABLE_COLUMNS", "WIDTHS", "date_text", "figure_width",
    "filter_entries", "numbered_table", "plot_timeline", "reference_date", "timeline_table",
]  # fmt: skip
