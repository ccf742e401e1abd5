"""How an ingestion step says no.

A step raises :class:`Reject` when the file cannot become a document (the original goes to
quarantine with the reason) and :class:`Skip` when there is nothing to do (already present).
Reasons are written for a librarian: what is wrong, and what to do about it when we know.
"""

from __future__ import annotations


class Reject(Exception):
    """The file cannot be ingested; ``reason`` says why in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Skip(Exception):
    """Nothing to do for this file (for example: the same bytes are already in the library)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
