"""Progress bars for long runs (corpus processing, training, evaluation), quiet where they would hurt.

``progress(iterable, ...)`` wraps ``tqdm.auto.tqdm``. Whether a bar is shown:

- ``disable=True`` / ``show=False``: never; ``disable=False`` / ``show=True``: always (also in a notebook);
- otherwise (``None``, the default) a bar is shown only in an interactive terminal, and never when
  ``$ANALYSIS_QUIET`` is set (``1``/``true``/``yes``), under pytest, inside a Jupyter kernel (executed
  notebooks must keep stable outputs: pass ``progress=True`` to a function to see a bar there), or
  inside a ``quiet()`` block (what the CLI's ``--quiet`` uses).
"""

from __future__ import annotations

import contextlib
import os
import sys
import warnings
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from tqdm.std import TqdmWarning

with warnings.catch_warnings():  # a Jupyter kernel without ipywidgets: tqdm.auto says so, then uses text bars
    warnings.simplefilter("ignore", TqdmWarning)
    from tqdm.auto import tqdm

T = TypeVar("T")

QUIET_ENV = "ANALYSIS_QUIET"
_forced_quiet = 0


def in_notebook() -> bool:
    """True inside a Jupyter kernel (notebook, JupyterLab, nbconvert/nbval execution)."""
    shell = sys.modules.get("IPython")
    if shell is None or "ipykernel" not in sys.modules:
        return False
    try:
        ip = shell.get_ipython()  # type: ignore[attr-defined]
    except Exception:  # pragma: no cover - IPython without a running shell
        return False
    return ip is not None and type(ip).__name__ == "ZMQInteractiveShell"


def is_quiet() -> bool:
    """True when bars are off by default: ``quiet()`` block, $ANALYSIS_QUIET, pytest or a notebook kernel."""
    if _forced_quiet:
        return True
    if os.environ.get(QUIET_ENV, "").strip().lower() in ("1", "true", "yes", "on"):
        return True
    # pytest >= 8.2 sets PYTEST_VERSION for the whole run (inherited by nbval's kernels too).
    if "PYTEST_VERSION" in os.environ or "PYTEST_CURRENT_TEST" in os.environ:
        return True
    return in_notebook()


@contextlib.contextmanager
def quiet(enabled: bool = True) -> Iterator[None]:
    """Turn default bars off inside the block (nestable); ``quiet(False)`` does nothing."""
    global _forced_quiet
    _forced_quiet += int(enabled)
    try:
        yield
    finally:
        _forced_quiet -= int(enabled)


def resolve(show: bool | None) -> bool:
    """Decide whether to show a bar: an explicit ``True``/``False`` wins, ``None`` means the default."""
    if show is not None:
        return bool(show)
    if is_quiet():
        return False
    stream = sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)())


def progress(
    iterable: Iterable[T] | None = None,
    total: int | None = None,
    desc: str | None = None,
    disable: bool | None = None,
    unit: str = "it",
    **kwargs: Any,
) -> Iterable[T]:
    """A ``tqdm.auto`` bar over ``iterable`` (or a manual bar when ``iterable`` is None).

    ``disable=None`` applies the package's default (see the module docstring); the returned
    object is a real tqdm instance in every case, so ``.update()``/``.set_postfix()`` work.
    """
    show = resolve(None if disable is None else not disable)
    return tqdm(iterable, total=total, desc=desc, disable=not show, unit=unit, dynamic_ncols=True, **kwargs)
