"""Split a passage into sentences, with offsets, in the six languages.

A sentence ends at ``. ! ? …`` (``。！？`` and Arabic ``؟`` need no space after them), with
any closing quotes or brackets. A full stop is not an end when it closes an abbreviation
("Mr.", "No.", "art.", "г."), an initial, or the paragraph number at the start ("3."), or when
the next word starts in lower case. A very long sentence (an operative paragraph of
clauses) is cut further at semicolons. ``text[s.start:s.end] == s.text`` always holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

# Closing punctuation that stays with the sentence it ends.
_CLOSERS: Final = "\"'”’»)]）」』"
# French sets its closing guillemet apart: « Non. »
_END: Final = re.compile(rf"(?:[.!?…]+|[。！？؟]+)(?:[ \u00a0\u202f]?»)?[{re.escape(_CLOSERS)}]*")
_CJK_ENDS: Final = frozenset("。！？")
# Words that end in a full stop without ending the sentence (lower-cased, without the dot).
_ABBREVIATIONS: Final = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "no",
        "nos",
        "vol",
        "vols",
        "art",
        "arts",
        "para",
        "paras",
        "p",
        "pp",
        "ch",
        "chap",
        "cf",
        "e.g",
        "i.e",
        "etc",
        "al",
        "approx",
        "fig",
        "figs",
        "sect",
        "op",
        "ed",
        "eds",
        "rev",
        "corr",
        "add",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "sra",
        "srs",
        "mme",
        "mlle",
        "me",
        "mm",
        "dir",
        "nº",
        "núm",
        "párr",
        "pág",
        "págs",
        "doc",
        "docs",
        "gen",
        "gov",
        "г",
        "гг",
        "см",
        "т.е",
        "т.д",
        "т.п",
        "др",
        "ст",
        "п",
        "пп",
        "стр",
        "им",
        "тыс",
        "млн",
        "млрд",
        "ок",
        "рис",
    ]
)
_LABEL: Final = re.compile(r"\s*(?:\(?[0-9IVXivx]{1,4}|[A-Za-z])[.)]?\s*")
# A sentence longer than this is cut at its semicolons (resolution paragraphs are one sentence).
LONG_SENTENCE: Final = 400
_SEMICOLON: Final = re.compile(r"[;；؛]\s+")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order (whitespace between them left out)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for found in _END.finditer(text):
        end = found.end()
        if _is_boundary(text, start, found.start(), end):
            spans.append((start, end))
            start = end
    spans.append((start, len(text)))
    pieces = [piece for span in spans for piece in _cut_long(text, *span)]
    return [Sentence(s, e, text[s:e]) for s, e in (_trim(text, s, e) for s, e in pieces) if e > s]


def _is_boundary(text: str, start: int, mark: int, end: int) -> bool:
    following = text[end : end + 1]
    if text[mark] in _CJK_ENDS or text[mark] == "؟":
        return True
    if following and not following.isspace():
        return False  # "3.5", "A/C.3/78", "e.g.,"
    after = text[end:].lstrip()
    if not after:
        return True
    if text[mark] == "." and (
        _LABEL.fullmatch(text[start : mark + 1]) or _abbreviation(text, start, mark)
    ):
        return False
    return not after[0].islower()


def _abbreviation(text: str, start: int, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[start:dot])
    if word is None:
        return False
    token = word.group(1).lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if end - start <= LONG_SENTENCE:
        return [(start, end)]
    pieces = []
    for found in _SEMICOLON.finditer(text, start, end):
        pieces.append((start, found.start() + 1))
        start = found.start() + 1
    pieces.append((start, end))
    return pieces


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
