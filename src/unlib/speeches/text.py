"""Speech text as stored and shown: decoded, without BOM, with "\\n" line ends; one paragraph
per non-empty line (the General Debate corpus writes one paragraph per line)."""

from __future__ import annotations

import unicodedata

BOM = "\ufeff"


class TextError(ValueError):
    """The file is not text we can read."""


def decode(raw: bytes) -> str:
    """UTF-8 (a BOM is dropped), else Windows-1252; line ends become "\\n"."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as error:
            raise TextError(f"neither UTF-8 nor Windows-1252 text ({error})") from None
    if "\x00" in text:
        raise TextError("binary content (NUL bytes), not text")
    return normalize_newlines(text.removeprefix(BOM))


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a speech, in order, spaces at their ends removed."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def fold(text: str) -> str:
    """Lower case without accents, spaces collapsed: for matching speaker names."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(plain.replace(".", " ").split())
