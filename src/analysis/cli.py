"""The ``analysis`` command line: one sub-command per module in ``analysis.commands``.

Every sub-command calls the same library functions as the notebooks. Expected bad input
(``AnalysisError``) is printed as one line on stderr with exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from functools import lru_cache
from types import ModuleType

from analysis import __version__, commands
from analysis.errors import AnalysisError


@lru_cache(maxsize=1)
def command_modules() -> tuple[ModuleType, ...]:
    """The modules of ``analysis.commands``, by name: found and imported once per process."""
    names = sorted(info.name for info in pkgutil.iter_modules(commands.__path__))
    return tuple(importlib.import_module(f"analysis.commands.{name}") for name in names)


def build_parser() -> argparse.ArgumentParser:
    """Collect the sub-commands: each module in ``analysis.commands`` has ``register(subparsers)``."""
    parser = argparse.ArgumentParser(prog="analysis", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in command_modules():
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one sub-command; the exit status (2 for expected bad input, printed as one line)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except AnalysisError as err:
        print(f"analysis {args.command}: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"analysis {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `analysis corpus ... | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
