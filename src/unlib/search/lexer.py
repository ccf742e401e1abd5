"""Splitting a search box string into items: words, quoted phrases, filters and OR.

Positions are kept so that messages can point at the offending part and so that a document
symbol written with spaces ("S/RES/1244 (1999)") can be cut back out of the original string.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Final, Literal

ItemKind = Literal["word", "phrase", "filter", "or"]

# Opening quote → the characters that may close it (readers mix straight and curly quotes,
# French uses guillemets and Chinese 「」/『』 or curly quotes).
_QUOTES: Final = {
    '"': '"”“',
    "“": '”"“',
    "”": '”"“',
    "„": '“”"',
    "«": '»"',
    "「": "」",
    "『": "』",
}
# Canonical filter names and the other spellings we accept.
FILTER_NAMES: Final = {
    "lang": "lang",
    "language": "lang",
    "body": "body",
    "organ": "body",
    "year": "year",
    "type": "type",
}
_FILTER: Final = re.compile(r"([A-Za-z]{2,12}):(?=\S)")
_OR_WORDS: Final = frozenset({"OR", "|", "||"})
_AND_WORDS: Final = frozenset({"AND", "&", "&&"})


class QueryError(ValueError):
    """The query cannot be read; the message says what to change."""


@dataclass(frozen=True, slots=True)
class Item:
    kind: ItemKind
    value: str
    start: int  # offsets of ``value`` in the scanned string
    end: int
    negated: bool = False
    name: str = ""  # canonical filter name, for filters


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.items: list[Item] = []
        self.notes: list[str] = []

    def run(self) -> tuple[list[Item], list[str]]:
        negate_next = False
        while self._skip_spaces():
            negated = negate_next or self._take_prefix()
            negate_next = False
            if self.text.startswith("NOT ", self.pos) and not negated:
                self.pos += 3
                negate_next = True
                continue
            self._scan_item(negated)
        return self.items, self.notes

    def _skip_spaces(self) -> bool:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1
        return self.pos < len(self.text)

    def _take_prefix(self) -> bool:
        """Consume a leading "-" (exclude) or "+" (require, the default anyway)."""
        char = self.text[self.pos]
        following = self.text[self.pos + 1 : self.pos + 2]
        if char in "-+" and following and not following.isspace():
            self.pos += 1
            return char == "-"
        return False

    def _scan_item(self, negated: bool) -> None:
        if self.text[self.pos] in _QUOTES:
            value, start, end = self._quoted()
            if value.strip():
                self.items.append(Item("phrase", value.strip(), start, end, negated))
            return
        match = _FILTER.match(self.text, self.pos)
        if match and not self.text.startswith("//", match.end()):
            self._filter(match, negated)
            return
        start = self.pos
        while self.pos < len(self.text) and not self.text[self.pos].isspace():
            self.pos += 1
        word = self.text[start : self.pos]
        if word in _OR_WORDS and not negated:
            self.items.append(Item("or", word, start, self.pos))
        elif word not in _AND_WORDS:
            self.items.append(Item("word", word, start, self.pos, negated))

    def _quoted(self) -> tuple[str, int, int]:
        opener = self.text[self.pos]
        start = self.pos + 1
        end = start
        while end < len(self.text) and self.text[end] not in _QUOTES[opener]:
            end += 1
        if end == len(self.text):
            self.notes.append(f"the quote opened at position {start} was never closed: closed it")
            self.pos = end
        else:
            self.pos = end + 1
        return self.text[start:end], start, end

    def _filter(self, match: re.Match[str], negated: bool) -> None:
        written = match.group(1)
        name = FILTER_NAMES.get(written.lower())
        if name is None:
            raise QueryError(_unknown_filter_message(written, self.text, match.start()))
        self.pos = match.end()
        if self.text[self.pos] in _QUOTES:
            value, start, end = self._quoted()
        else:
            start = self.pos
            while self.pos < len(self.text) and not self.text[self.pos].isspace():
                self.pos += 1
            value, end = self.text[start : self.pos], self.pos
        self.items.append(Item("filter", value.strip(), start, end, negated, name))


def _unknown_filter_message(written: str, text: str, start: int) -> str:
    close = difflib.get_close_matches(written.lower(), list(FILTER_NAMES), n=1, cutoff=0.5)
    if close:
        return f'unknown filter "{written}:" — did you mean {close[0]}:?'
    token = text[start:].split(maxsplit=1)[0]
    return (
        f'unknown filter "{written}:" — the filters are lang:, body:, year: and type:; '
        f'to search for the text itself, put it in quotes: "{token}"'
    )


def scan(text: str) -> tuple[list[Item], list[str]]:
    """Items of ``text`` in order, and notes about what was read leniently."""
    return _Scanner(text).run()
