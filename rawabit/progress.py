"""Progress on long runs, on standard error, only when it is a terminal."""
from __future__ import annotations

import sys
from typing import Any

__all__ = ["Progress"]


class Progress:
    """A spinner with a count of articles done (rich), silent when not on a terminal."""

    def __init__(self, *, enabled: bool = True):
        self.enabled = enabled and sys.stderr.isatty()
        self.done = 0
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> "Progress":
        if self.enabled:
            from rich.progress import Progress as Bar, SpinnerColumn, TextColumn, TimeElapsedColumn
            from rich.console import Console
            self._bar = Bar(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                            console=Console(stderr=True), transient=True)
            self._bar.__enter__()
            self._task = self._bar.add_task("reading articles", total=None)
        return self

    def advance(self, _doc: Any = None) -> None:
        self.done += 1
        if self._bar is not None:
            self._bar.update(self._task, description=f"{self.done} articles read")

    def __exit__(self, *exc: Any) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
