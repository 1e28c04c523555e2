"""The event-type vocabulary, read once from ``data/event_types.tsv``: lane order, labels, colour, rule flags.

This table is the one place an event type is declared (docs/ANNOTATION.md, section "Events", says
what each type means). The trigger lexicon may only name types it lists (``lexicon.trigger_rules``),
extraction reads the ``reported`` / ``unplaced`` / ``purpose`` / ``content_head`` columns and the
timeline figure the order, labels, colours and ``shown``. A bad row (unknown column value, colour
that is not ``#rrggbb``, a type, lane or label given twice) raises ``DataTableError`` naming the file
and line when this module is imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from analysis.resources import DataTableError, NumberedRow, data_path, read_json, read_numbered

COLUMNS = (
    "order", "type", "label_ar", "label_en", "colour", "reported", "unplaced", "purpose", "content_head", "shown",
    "place_roles",
)  # fmt: skip
#: The roles ``place_roles`` may list (see ``analysis.events.location``).
PLACE_ROLES = ("obj", "named", "at", "من", "إلى", "في", "على", "ب", "origin", "before")
#: Languages of the labels (``label_ar``, ``label_en``).
LANGUAGES = ("ar", "en")
TABLE = "event_types.tsv"

_NAME = re.compile(r"^[a-z][a-z_]*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_FLAGS = {"yes": True, "no": False}
_FLAG_COLUMNS = ("purpose", "shown")
#: ``unplaced``: yes (keeps no place when its clause governs none), no (takes the article's country then) or
#: country (its own words locate nothing, ``اجتماعها`` is its subject's, yet it happens in the article's country) or
#: dated (as country, but only a dated report takes the country: an undated ``الاتفاق`` refers to one told elsewhere).
_UNPLACED = {"yes": (True, False, False), "no": (False, True, False), "country": (True, True, False), "dated": (True, True, True)}
#: ``content_head``: no; yes (its content is no event: ``صوت على قرار بإخراج``); planned (its content is a
#: planned event of its own, dated by its deadline: ``اتفقا على إنهاء المهمة بحلول نهاية العام``).
_CONTENT = {"no": None, "yes": "drop", "planned": "planned"}


@dataclass(frozen=True)
class EventType:
    """One row of ``event_types.tsv`` (see the comments at the top of that file for each column)."""

    order: int  # lane in the timeline figure, 1 = top
    name: str
    label_ar: str
    label_en: str
    colour: str  # #rrggbb
    reported: str | None  # the cue list that makes a speech verb before it a statement of its own; None: never
    unplaced: bool  # its own words locate nothing: a pronoun on it is its subject, it lends no place to a light verb
    purpose: bool  # a bare ل on the trigger states an aim (planned when undated)
    content: str | None  # what its content is (``_CONTENT``): None (it has none), "drop" or "planned"
    shown: bool  # drawn in the timeline figure by default
    place_roles: tuple[str, ...] = ()  # where its place is, in order of preference (``analysis.events.location``)
    in_country: bool = False  # takes the country the article is about when its clauses govern no place
    country_if_dated: bool = False  # ... only when it is dated (an undated agreement refers to one told elsewhere)

    @property
    def content_head(self) -> bool:
        """What follows its trigger is its content (``اتفاق ... على إنهاء``), not an event it stands beside."""
        return self.content is not None

    def label(self, language: str) -> str:
        """The label in ``language`` (``ar`` or ``en``)."""
        return self.label_ar if language == "ar" else self.label_en


def _cue_lists() -> frozenset[str]:
    """The names of the cue word lists in ``event_cues.json`` (the values ``reported`` may take)."""
    return frozenset(k for k in read_json("event_cues.json") if not k.startswith("_"))


def _event_type(source: str | Path, row: NumberedRow, cue_lists: frozenset[str]) -> EventType:
    """One row as an ``EventType``; a cell it cannot be raises ``DataTableError`` for its line."""
    if len(row.fields) != len(COLUMNS):
        raise DataTableError(source, row.line, f"{len(row.fields)} fields, expected {len(COLUMNS)} ({' '.join(COLUMNS)})")
    cell = dict(zip(COLUMNS, row.fields))
    checks = [
        (not _NAME.match(cell["type"]), f"type {cell['type']!r} is not a name of lower-case letters and _"),
        (not cell["order"].isdigit() or int(cell["order"]) < 1, f"order {cell['order']!r} is not a positive whole number"),
        (not _COLOUR.match(cell["colour"]), f"colour {cell['colour']!r} is not #rrggbb"),
        (
            cell["reported"] != "no" and cell["reported"] not in cue_lists,
            f"reported {cell['reported']!r} is neither 'no' nor a cue list of event_cues.json",
        ),
        *((cell[c] not in _FLAGS, f"{c} {cell[c]!r} is neither 'yes' nor 'no'") for c in _FLAG_COLUMNS),
        (cell["unplaced"] not in _UNPLACED, f"unplaced {cell['unplaced']!r} is not one of {' '.join(_UNPLACED)}"),
        (cell["content_head"] not in _CONTENT, f"content_head {cell['content_head']!r} is not one of {' '.join(_CONTENT)}"),
        *((not cell[f"label_{lang}"].strip(), f"label_{lang} is empty") for lang in LANGUAGES),
        (
            not set(cell["place_roles"].split()) <= {*PLACE_ROLES, "-"},
            f"place_roles {cell['place_roles']!r} may only list {' '.join(PLACE_ROLES)}",
        ),
    ]
    problem = next((message for bad, message in checks if bad), None)
    if problem:
        raise DataTableError(source, row.line, problem)
    return EventType(
        order=int(cell["order"]),
        name=cell["type"],
        label_ar=cell["label_ar"],
        label_en=cell["label_en"],
        colour=cell["colour"],
        reported=None if cell["reported"] == "no" else cell["reported"],
        **{c: _FLAGS[cell[c]] for c in _FLAG_COLUMNS},
        unplaced=_UNPLACED[cell["unplaced"]][0],
        content=_CONTENT[cell["content_head"]],
        place_roles=tuple(r for r in cell["place_roles"].split() if r != "-"),
        in_country=_UNPLACED[cell["unplaced"]][1],
        country_if_dated=_UNPLACED[cell["unplaced"]][2],
    )


def load_event_types(path: str | Path | None = None) -> dict[str, EventType]:
    """The types of an event-type table (default: the packaged one), by name in file order; checks every row."""
    source = data_path(TABLE) if path is None else path
    header, rows = read_numbered(source)
    if tuple(header) != COLUMNS:
        raise DataTableError(source, None, f"the header must be {' '.join(COLUMNS)} (tab-separated), not {' '.join(header)}")
    cue_lists = _cue_lists()
    types: dict[str, EventType] = {}
    lanes: dict[int, str] = {}
    labels: dict[tuple[str, str], str] = {}
    for row in rows:
        new = _event_type(source, row, cue_lists)
        if new.name in types:
            raise DataTableError(source, row.line, f"type {new.name!r} is listed twice")
        if new.order in lanes:
            raise DataTableError(source, row.line, f"order {new.order} is already the lane of {lanes[new.order]!r}")
        for language in LANGUAGES:
            key = (language, new.label(language))
            if key in labels:
                raise DataTableError(source, row.line, f"label_{language} {key[1]!r} is already the label of {labels[key]!r}")
            labels[key] = new.name
        lanes[new.order] = new.name
        types[new.name] = new
    if not types:
        raise DataTableError(source, None, "no event types")
    return types


#: Every event type, by name, in the order of the table.
TYPES: dict[str, EventType] = load_event_types()
#: The type names in table order (the order of the annotation guide's list).
EVENT_TYPES: tuple[str, ...] = tuple(TYPES)
#: The type names in lane order, top to bottom of the timeline figure.
LANE_ORDER: tuple[str, ...] = tuple(sorted(TYPES, key=lambda name: TYPES[name].order))
#: The types the timeline draws by default (lane order).
DEFAULT_TYPES: tuple[str, ...] = tuple(name for name in LANE_ORDER if TYPES[name].shown)
#: Lane and legend labels: language → type → label.
LABELS: dict[str, dict[str, str]] = {lang: {t.name: t.label(lang) for t in TYPES.values()} for lang in LANGUAGES}
#: The colour of each type's marks in the figure.
COLOURS: dict[str, str] = {t.name: t.colour for t in TYPES.values()}


def check_type(name: str, path: str | Path, line: int | None) -> str:
    """``name`` if it is a type of the table, else a ``DataTableError`` for ``path:line``."""
    if name not in TYPES:
        raise DataTableError(path, line, f"unknown event type {name!r} (the types are listed in {TABLE})")
    return name
