"""Cleaning label text as sources deliver it."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_SPACES: Final = re.compile(r"\s+")


def clean_label(text: str | None) -> str | None:
    """Whitespace (no-break spaces included) collapsed and trimmed; None when nothing is left."""
    if text is None:
        return None
    cleaned = _SPACES.sub(" ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()
    return cleaned or None


def fold(text: str) -> str:
    """Case- and diacritics-insensitive form for exact label comparison ("Résilience" →
    "resilience"); NFKC first so presentation forms and full-width letters compare equal."""
    if text.isascii():  # most labels and headings: nothing to decompose (5x faster)
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare.casefold()).strip()
