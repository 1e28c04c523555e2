"""arnews-analysis: Arabic news articles -> entities, dates, events and a cited timeline.

Each pipeline stage is one module: ``corpus``, ``text``, ``entities``, ``timex``,
``events``, ``timeline``. Notebooks and the ``analysis`` CLI call the same functions.
"""

__version__ = "0.1.0"
