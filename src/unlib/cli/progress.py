"""A rich progress bar for long ingest runs."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)


class RichProgress:
    """Shows files done, bytes done and time remaining on stderr."""

    def __init__(self) -> None:
        self._bar = Progress(
            TextColumn("[bold]ingesting"),
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.fields[current]}", style="dim"),
            console=Console(stderr=True),
            transient=False,
        )
        self._files: TaskID | None = None

    def start(self, files: int, total_bytes: int) -> None:
        self._bar.start()
        self._files = self._bar.add_task("files", total=max(total_bytes, 1), current="")
        self._count = files
        self._done = 0

    def advance(self, path: Path, size: int) -> None:
        if self._files is None:
            return
        self._done += 1
        self._bar.update(
            self._files, advance=size, current=f"{self._done}/{self._count} {path.name[:40]}"
        )

    def finish(self) -> None:
        self._bar.stop()
