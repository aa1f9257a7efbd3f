"""Progress of a long build: a bar per stage on a terminal, plain lines otherwise (logs, CI, pipes).

The build calls ``stage(name, total)`` when a stage starts and ``advance(item)`` as each item is done;
``Progress`` (the default) shows nothing.
"""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    """Receives the progress of a build and shows nothing."""

    def __init__(self, stages: int = 0):
        self.stages = stages
        self.number = 0

    def stage(self, name: str, total: int) -> None:
        self.number += 1

    def advance(self, item: str = "") -> None:
        pass

    def close(self, completed: bool = True) -> None:
        pass

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        self.close(completed=exc_type is None)


class PlainProgress(Progress):
    """One line per item: ``[2/4] layout and TEI: urumqi-negotiations-1923``."""

    def __init__(self, stages: int, stream: TextIO | None = None):
        super().__init__(stages)
        self.stream = stream or sys.stderr
        self.name = ""
        self.total = 0
        self.done = 0

    def stage(self, name: str, total: int) -> None:
        super().stage(name, total)
        self.name, self.total, self.done = name, total, 0
        if total == 0:
            self._line("")

    def advance(self, item: str = "") -> None:
        self.done += 1
        self._line(item)

    def _line(self, item: str) -> None:
        count = f" ({self.done}/{self.total})" if self.total > 1 else ""
        suffix = f": {item}" if item else ""
        print(f"[{self.number}/{self.stages}] {self.name}{suffix}{count}", file=self.stream, flush=True)


class RichProgress(Progress):
    """A bar per stage, drawn by rich on the terminal (stderr)."""

    def __init__(self, stages: int, stream: TextIO | None = None):
        super().__init__(stages)
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as Bars

        self.bars = Bars(
            TextColumn("[bold]{task.fields[step]}[/] {task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[item]}", markup=False),
            TimeElapsedColumn(),
            console=Console(file=stream or sys.stderr),
            transient=False,
        )
        self.bars.start()
        self.task = None

    def stage(self, name: str, total: int) -> None:
        super().stage(name, total)
        self._finish()
        self.task = self.bars.add_task(name, total=max(total, 1), step=f"[{self.number}/{self.stages}]",
                                       item="")
        if total == 0:
            self.bars.update(self.task, completed=1)

    def advance(self, item: str = "") -> None:
        if self.task is not None:
            self.bars.update(self.task, advance=1, item=item)

    def _finish(self) -> None:
        if self.task is not None:
            task = self.bars.tasks[self.task]
            self.bars.update(self.task, completed=task.total, item="")

    def close(self, completed: bool = True) -> None:
        if completed:
            self._finish()
        self.bars.stop()


def progress_for(stages: int, stream: TextIO | None = None, quiet: bool = False) -> Progress:
    """Bars when the stream (stderr by default) is a terminal, plain lines otherwise, nothing if quiet."""
    stream = stream or sys.stderr
    if quiet:
        return Progress(stages)
    if stream.isatty():
        return RichProgress(stages, stream)
    return PlainProgress(stages, stream)
