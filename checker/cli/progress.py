"""A rich progress display that tells the truth: stage, items done / total, rate, time left.

Stages that count items (articles, claims) show a bar, the count, the rate and the time
left; stages that do not show only that they are running or done and how long they took.
Items the claim store already had are counted as done but kept out of the rate, so a resumed
run's time left comes from the work it is really doing.
"""
from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn


class RichProgress:
    """Implements `checker.pipeline.Progress` on stderr; silent when stderr is not a terminal."""

    def __init__(self, console: Console | None = None):
        self.console = console or Console(stderr=True)
        self.enabled = self.console.is_terminal and sys.stderr.isatty()
        self.progress = Progress(SpinnerColumn(finished_text="✓"), TextColumn("{task.description:<28}"),
                                 BarColumn(), TextColumn("{task.fields[count]:>13}"), TextColumn("{task.fields[rate]:>9}"),
                                 TimeElapsedColumn(), TextColumn("{task.fields[left]}"), TimeRemainingColumn(),
                                 console=self.console, transient=False, disable=not self.enabled)
        self.task = None
        self.countable = False
        self.reused = 0

    def __enter__(self) -> "RichProgress":
        self.progress.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self._finish()
        self.progress.__exit__(*exc)

    def _finish(self) -> None:
        if self.task is None:
            return
        t = self.progress.tasks[self.task]
        total = t.total if self.countable else 1
        shown = int(total) + self.reused
        self.progress.update(self.task, total=total, completed=total,
                             count=f"{shown:,}/{shown:,}" if self.countable else "done", left="")
        self.task = None

    def stage(self, name: str, total: int | None = None) -> None:
        self._finish()
        self.countable = bool(total)
        self.reused = 0
        self.task = self.progress.add_task(name, total=total if self.countable else None,
                                           count=f"0/{total:,}" if self.countable else "", rate="",
                                           left="left" if self.countable else "")

    def reuse(self, n: int) -> None:
        """`n` items of this stage were already in the store: done, but not part of the rate."""
        if self.task is None or not n or not self.countable:
            return
        self.reused += n
        t = self.progress.tasks[self.task]
        self.progress.update(self.task, total=max(0, t.total - n), count=self.count())

    def count(self) -> str:
        t = self.progress.tasks[self.task]
        return f"{int(t.completed) + self.reused:,}/{int(t.total) + self.reused:,}"

    def advance(self, n: int = 1) -> None:
        if self.task is None or not n:
            return
        self.progress.advance(self.task, n)
        t = self.progress.tasks[self.task]
        fields = {}
        if self.countable:
            fields["count"] = self.count()
        if t.speed:
            fields["rate"] = f"{t.speed:,.0f}/s"
        self.progress.update(self.task, **fields)
