"""The options ``analysis figures`` and ``analysis run`` share: output folder, language, width, timeline filters.

Not a sub-command (no ``register``): both commands call ``add_figure_options`` on their parser and
``figure_options`` on the parsed arguments, so the flags and their meaning are the same in both.
"""

from __future__ import annotations

import argparse
from typing import Any


def add_figure_options(parser: argparse.ArgumentParser) -> None:
    """``--out``, ``--labels``, ``--width`` and the timeline filters ``--from/--to/--types/--min-sources/--place``."""
    parser.add_argument("--out", default=None, metavar="DIR",
                        help="output folder for the figures (default: $ANALYSIS_FIGURES_DIR, else figures/)")
    parser.add_argument("--labels", choices=("ar", "en"), default="ar",
                        help="language of every word in every figure (default: ar)")
    parser.add_argument("--width", choices=("column", "page"), default="column",
                        help="timeline width: column (3.5 in) or page (7 in) (default: column)")
    group = parser.add_argument_group("timeline filters (the figure, its CSV and the HTML view)")
    group.add_argument("--from", dest="date_from", default=None, metavar="YYYY[-MM[-DD]]",
                       help="entries whose dates reach this day or later")
    group.add_argument("--to", dest="date_to", default=None, metavar="YYYY[-MM[-DD]]",
                       help="entries whose dates start on or before the end of this period")
    group.add_argument("--types", default=None, metavar="T1,T2",
                       help="event types (event_types.tsv names), comma-separated, or 'all' "
                            "(default: the types drawn by default)")
    group.add_argument("--min-sources", type=int, default=None, metavar="N",
                       help="entries reported by at least N articles")
    group.add_argument("--place", default=None, metavar="NAME",
                       help="entries at this place (Arabic or English name; a country includes its places)")


def figure_options(args: argparse.Namespace) -> dict[str, Any]:
    """``labels``, ``filters`` and ``width`` for ``make_all_figures``; a bad filter raises ``FilterError``."""
    from analysis.timeline import EntryFilter

    filters = EntryFilter.parse(date_from=args.date_from, date_to=args.date_to, types=args.types,
                                min_sources=args.min_sources, place=args.place)  # fmt: skip
    return {"labels": args.labels, "filters": filters, "width": args.width}
