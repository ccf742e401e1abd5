"""The one error the symbol grammar raises."""

from __future__ import annotations


class SymbolError(ValueError):
    """A text that is not a valid UN document symbol.

    ``message`` says what is wrong in words a librarian can act on; ``position`` is the
    0-based offset in the input where it went wrong (``None`` when it concerns the whole).
    """

    def __init__(self, message: str, position: int | None = None) -> None:
        where = f" (at position {position})" if position is not None else ""
        super().__init__(message + where)
        self.message = message
        self.position = position
