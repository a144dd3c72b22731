"""A rich progress display that tells the truth: stage, items done / total, rate, time left."""
from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TaskProgressColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)


class RichProgress:
    """Implements `checker.pipeline.Progress` on stderr; silent when stderr is not a terminal."""

    def __init__(self, console: Console | None = None):
        self.console = console or Console(stderr=True)
        self.enabled = self.console.is_terminal and sys.stderr.isatty()
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description:<28}"), BarColumn(),
                                 MofNCompleteColumn(), TaskProgressColumn(), TextColumn("{task.fields[rate]}"),
                                 TimeElapsedColumn(), TimeRemainingColumn(), console=self.console,
                                 transient=False, disable=not self.enabled)
        self.task = None

    def __enter__(self) -> "RichProgress":
        self.progress.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self._finish()
        self.progress.__exit__(*exc)

    def _finish(self) -> None:
        if self.task is not None:
            t = self.progress.tasks[self.task]
            self.progress.update(self.task, total=t.completed if t.total is None else t.total,
                                 completed=t.total if t.total is not None else t.completed)

    def stage(self, name: str, total: int | None = None) -> None:
        self._finish()
        self.task = self.progress.add_task(name, total=total, rate="")

    def advance(self, n: int = 1) -> None:
        if self.task is None:
            return
        self.progress.advance(self.task, n)
        t = self.progress.tasks[self.task]
        if t.speed:
            self.progress.update(self.task, rate=f"{t.speed:,.0f}/s")
