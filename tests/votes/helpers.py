"""Helpers shared by the voting-data tests."""

from __future__ import annotations

from pathlib import Path


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    """The 1-based number of the line holding ``needle`` (its ``occurrence``-th time)."""
    seen = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not in {path}")
