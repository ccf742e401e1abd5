"""Cheap, safe normalization of text extracted from any file format.

Applied by every parser before offsets are computed, so it must be idempotent: running it on
its own output changes nothing (offsets computed after the first pass stay valid).

What it does, and why:

* NFC, so that the same word typed with combining accents or precomposed letters matches.
* Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) -> NFKC *for those characters only*:
  PDF text layers of Arabic documents often carry contextual glyph forms instead of letters,
  which no stemmer or search query would match. A global NFKC is avoided on purpose: it would
  turn Chinese full-width punctuation (，：（）) into ASCII and change the text readers cite.
* Zero-width characters, soft hyphens, byte-order marks, bidi controls and C0/C1 control
  characters (except newline and tab) are removed: they are invisible and break matching.
* CRLF / CR -> LF; non-breaking and other fixed-width spaces -> a plain space; runs of spaces
  collapse to one and spaces before a line end are dropped. Newlines are kept (layout steps
  need them). The ideographic space U+3000 is kept: Chinese texts use it for indentation.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_INVISIBLE: Final = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # control characters except \t \n \r
    "\u00ad"  # soft hyphen
    "\u200b-\u200f"  # zero-width space/joiners, LRM/RLM
    "\u202a-\u202e\u2060-\u2064\u2066-\u2069"  # bidi embeddings, word joiner, isolates
    "\ufeff\ufffe\uffff]"  # byte-order mark and non-characters
)
_PRESENTATION_FORMS: Final = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")
_SPACES: Final = re.compile("[\u00a0\u2000-\u200a\u202f\u205f]")
# Spaces before a line end (or the very end) go; other runs of spaces become one. Two plain
# substitutions, no Python callback per match: this runs over every character ingested.
_SPACES_AT_LINE_END: Final = re.compile(" +(?=\n)| +$")
_SPACE_RUNS: Final = re.compile("  +")


def _nfkc(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group())


def normalize_extracted(text: str) -> str:
    """Return ``text`` normalized as described in the module docstring (idempotent)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        text = _PRESENTATION_FORMS.sub(_nfkc, text)
        text = _SPACES.sub(" ", text)
    if "  " in text:
        text = _SPACE_RUNS.sub(" ", text)
    if " \n" in text or text.endswith(" "):
        text = _SPACES_AT_LINE_END.sub("", text)
    return text
