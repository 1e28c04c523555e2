"""Replace several output folders together or not at all: build in a staging folder, then commit.

``make figures`` executes the notebooks into a staging folder (``.make-figures/run-*`` in the
project) and only then moves the executed notebooks and the figures over the old ones. The moves
are listed first in a manifest (``COMMIT.json``, written atomically); each move is an atomic
rename on the same file system. A run killed before the manifest exists changed nothing (its
staging folder is deleted by the next run); a run killed during the moves is finished by the next
run (``recover``), which replays the manifest. Ctrl-C and SIGTERM are held off during the moves.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from analysis.io import atomic_write

#: The staging area, under the project folder (git-ignored).
STAGING_DIR = ".make-figures"
MANIFEST = "COMMIT.json"


@dataclass
class Stage:
    """One run's staging folder: ``targets`` maps each staged folder to the folder it replaces files in."""

    root: Path
    targets: dict[Path, Path] = field(default_factory=dict)
    roots: set[Path] = field(default_factory=set)  # every run folder made (one per file system)
    committed: bool = False  # every move done (a signal held off during the moves arrives after this)

    @classmethod
    def create(cls, project: Path) -> Stage:
        """A fresh staging folder under ``project/.make-figures``."""
        base = project / STAGING_DIR
        base.mkdir(exist_ok=True)
        root = base / f"run-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
        root.mkdir()
        return cls(root)

    def folder(self, name: str, target: Path) -> Path:
        """A staged folder whose files will replace those of ``target`` (same file system as ``target``)."""
        root = self.root
        if not _same_device(self.root, target):  # a rename cannot cross file systems: stage beside the target
            root = target.parent / STAGING_DIR / self.root.name
        staged = root / name
        staged.mkdir(parents=True, exist_ok=True)
        self.roots.add(root)
        self.targets[staged] = target
        return staged

    def moves(self) -> list[tuple[Path, Path]]:
        """(staged file, destination) for every file staged, in a stable order."""
        out = []
        for staged, target in self.targets.items():
            for path in sorted(p for p in staged.iterdir() if p.is_file()):
                out.append((path, target / path.name))
        return out

    def commit(self) -> list[Path]:
        """Move every staged file over its destination, all or (after a crash, by ``recover``) eventually all."""
        moves = self.moves()
        folders = sorted(str(r) for r in self.roots | {self.root})
        record = {"moves": [[str(s), str(d)] for s, d in moves], "folders": folders}
        with held_signals():
            with atomic_write(self.root / MANIFEST, "w", encoding="utf-8") as handle:
                json.dump(record, handle, ensure_ascii=False, indent=1)
            replay(self.root / MANIFEST)
            self.committed = True
        return [d for _, d in moves]

    def discard(self) -> None:
        """Delete the staging folder(s) without touching any destination."""
        for root in self.roots | {self.root}:
            shutil.rmtree(root, ignore_errors=True)
            _remove_if_empty(root.parent)


def _same_device(a: Path, b: Path) -> bool:
    b = b if b.exists() else next((p for p in b.parents if p.exists()), b)
    return os.stat(a).st_dev == os.stat(b).st_dev


def replay(manifest: Path) -> None:
    """Do the moves a manifest lists (those not done yet), then delete the staging folders it names."""
    record = json.loads(manifest.read_text(encoding="utf-8"))
    for source, destination in record["moves"]:
        if os.path.exists(source):
            Path(destination).parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, destination)
    for folder in record["folders"]:
        if Path(folder) != manifest.parent:
            shutil.rmtree(folder, ignore_errors=True)
            _remove_if_empty(Path(folder).parent)
    shutil.rmtree(manifest.parent, ignore_errors=True)  # the manifest last: a crash above replays it
    _remove_if_empty(manifest.parent.parent)


def recover(project: Path) -> list[str]:
    """Finish the commit of a run killed while moving its files; delete the staging of runs that never got there.

    Returns one line per staging folder dealt with (for the log).
    """
    base = project / STAGING_DIR
    if not base.is_dir():
        return []
    lines = []
    for run in sorted(p for p in base.iterdir() if p.is_dir() and p.name.startswith("run-")):
        manifest = run / MANIFEST
        if manifest.is_file():
            replay(manifest)
            lines.append(f"finished the interrupted update of {run.name}")
        else:
            shutil.rmtree(run, ignore_errors=True)
            lines.append(f"removed the unfinished run {run.name}")
    _remove_if_empty(base)
    return lines


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()


@contextlib.contextmanager
def held_signals() -> Iterator[None]:
    """Hold off SIGINT and SIGTERM while a commit moves its files: they are raised again after the block.

    The Python handlers are swapped for a recorder (a signal mask would not do: the signal may be
    delivered to another thread, and Python runs its handler in the main thread anyway).
    """
    received: list[int] = []
    previous = {s: signal.signal(s, lambda signum, frame: received.append(signum)) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for signum in received:
            signal.raise_signal(signum)
