"""The search box syntax: words, "phrases", -exclusions, OR, filters and document symbols.

    digital library                 all words must match (in any of the six languages)
    "digital library"               exact phrase
    peacekeeping -Haiti             exclusion
    sanctions OR embargo            either word
    lang:zh body:S year:2020..2023 type:resolution
    body:GA   body:"General Assembly"
    S/RES/1244 (1999)               a document symbol: the work itself first, then passages citing it

Parsing never raises anything but :class:`QueryError`, whose message says what to change.
Small slips are read leniently (a missing closing quote) and reported in ``ParsedQuery.notes``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Final, Literal

from unlib.search.filters import Filters, parse_filter
from unlib.search.lexer import Item, QueryError, scan
from unlib.symbols import try_parse

__all__ = [
    "Filters",
    "ParsedQuery",
    "QueryError",
    "Term",
    "informative_words",
    "parse_free_text",
    "parse_query",
]

TermKind = Literal["word", "phrase", "symbol"]
# Long-query reduction for ranked ("any word") searches: a query of more than LONG_QUERY_WORDS
# plain words keeps only the words found in at most COMMON_WORD_SHARE of the passages (BM25 idf
# above ln 20 ≈ 3: commoner ones barely move the ranking, but each makes the search walk much of
# the index), at least the MIN_INFORMATIVE_WORDS rarest and at most the MAX_INFORMATIVE_WORDS
# rarest. On the SDG bench (bench/crosslingual.py) BM25 nDCG@10 went up a little with it.
LONG_QUERY_WORDS: Final = 8
COMMON_WORD_SHARE: Final = 0.05
MIN_INFORMATIVE_WORDS: Final = 4
MAX_INFORMATIVE_WORDS: Final = 32
# A symbol written with spaces ("S/RES/1244 (1999)", "A/RES/77/128 B") spans at most this
# many whitespace-separated pieces.
_MAX_SYMBOL_PIECES: Final = 4


@dataclass(frozen=True, slots=True)
class Term:
    """A word, an exact phrase, or a document symbol (``key`` = its identity key)."""

    text: str
    kind: TermKind = "word"
    key: str | None = None


@dataclass(frozen=True)
class ParsedQuery:
    """A query as the engine needs it.

    Every group must match; within a group any term may (``a OR b`` makes one group).
    """

    text: str
    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    filters: Filters = field(default_factory=Filters)
    notes: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when the query asks for no words, phrases or symbols (a browse)."""
        return not self.groups

    def terms(self) -> list[Term]:
        return [term for group in self.groups for term in group]


def parse_query(q: str) -> ParsedQuery:
    """Read a search box string; raises :class:`QueryError` with a helpful message."""
    text = unicodedata.normalize("NFKC", q).strip()
    items, notes = scan(text)
    return _Assembler(text, items, notes).build()


def informative_words(
    parsed: ParsedQuery, frequency: Callable[[str], int], passages: int
) -> ParsedQuery:
    """``parsed`` reduced to its informative plain words when it is a long query (see
    :data:`LONG_QUERY_WORDS`); ``frequency(word)``: the passages holding the word. Phrases,
    symbols, OR groups, exclusions and filters always stay; so does a word's every repeat."""
    plain = [g[0].text for g in parsed.groups if len(g) == 1 and g[0].kind == "word"]
    if len(plain) <= LONG_QUERY_WORDS:
        return parsed
    counts = {word: frequency(word) for word in dict.fromkeys(w.casefold() for w in plain)}
    rarest = sorted(counts, key=lambda word: counts[word])  # stable: ties in query order
    rare = sum(1 for count in counts.values() if count <= COMMON_WORD_SHARE * passages)
    kept = set(rarest[: min(MAX_INFORMATIVE_WORDS, max(MIN_INFORMATIVE_WORDS, rare))])
    if len(kept) == len(counts):
        return parsed
    groups = tuple(
        g
        for g in parsed.groups
        if not (len(g) == 1 and g[0].kind == "word") or g[0].text.casefold() in kept
    )
    return replace(parsed, groups=groups)


def _may_continue_symbol(piece: Item) -> bool:
    """Whether a word after a symbol may belong to it ("B" in "A/RES/77/128 B", "(1999)"):
    lower-case words ("a", "and") are read as words, as readers mean them."""
    return not piece.negated and not (piece.value.isalpha() and piece.value.islower())


class _Assembler:
    """Turns scanned items into groups, exclusions and filters."""

    def __init__(self, text: str, items: list[Item], notes: list[str]) -> None:
        self.text = text
        self.items = items
        self.notes = notes
        self.groups: list[list[Term]] = []
        self.excluded: list[Term] = []
        self.filters = Filters()
        self.join_next = False  # an OR was seen: the next term joins the last group

    def build(self) -> ParsedQuery:
        i = 0
        while i < len(self.items):
            i = self._consume(i)
        if self.join_next:
            self.notes.append('"OR" at the end of the query was ignored')
        return ParsedQuery(
            text=self.text,
            groups=tuple(tuple(group) for group in self.groups),
            excluded=tuple(self.excluded),
            filters=self.filters,
            notes=tuple(self.notes),
        )

    def _consume(self, i: int) -> int:
        item = self.items[i]
        if item.kind == "or":
            if not self.groups or self.join_next:
                self.notes.append(f'"OR" at position {item.start + 1} has nothing before it')
            else:
                self.join_next = True
            return i + 1
        if item.kind == "filter":
            self._add_filter(item)
            return i + 1
        term, i = self._term_at(i)
        self._add_term(term, negated=item.negated)
        return i

    def _add_filter(self, item: Item) -> None:
        if item.negated:
            raise QueryError(
                f'excluding a filter ("-{item.name}:{item.value}") is not supported: choose the '
                f"values you want instead, e.g. {item.name}:…"
            )
        if self.join_next:
            self.notes.append(f'"OR" before {item.name}: was ignored (filters always apply)')
            self.join_next = False
        self.filters = self.filters.united(parse_filter(item.name, item.value))

    def _add_term(self, term: Term, *, negated: bool) -> None:
        if negated:
            self.excluded.append(term)
            if self.join_next:
                self.notes.append(f'"OR" before -{term.text} was ignored')
                self.join_next = False
        elif self.join_next:
            self.groups[-1].append(term)
            self.join_next = False
        else:
            self.groups.append([term])

    def _term_at(self, i: int) -> tuple[Term, int]:
        item = self.items[i]
        if item.kind == "phrase":
            return Term(item.value, "phrase"), i + 1
        symbol = self._symbol_at(i)
        if symbol is not None:
            return symbol
        return Term(item.value, "word"), i + 1

    def _symbol_at(self, i: int) -> tuple[Term, int] | None:
        """The longest document symbol starting at word ``i``, with the index after it."""
        first = self.items[i]
        if "/" not in first.value:  # every UN document symbol has a slash
            return None
        best: tuple[Term, int] | None = None
        best_normalized: str | None = None
        last = i
        while last < len(self.items) and last - i < _MAX_SYMBOL_PIECES:
            piece = self.items[last]
            if piece.kind != "word" or (last > i and not _may_continue_symbol(piece)):
                break
            candidate = self.text[first.start : piece.end]
            symbol = try_parse(candidate)
            # Take the longest reading, but not a piece the parser silently ignored.
            if symbol is not None and symbol.normalized != best_normalized:
                best = Term(symbol.normalized, "symbol", symbol.key), last + 1
                best_normalized = symbol.normalized
            last += 1
        return best


# Characters of the query syntax that free text (a question, a pasted sentence) uses as
# punctuation.
_SYNTAX: Final = re.compile(r"[\"'():«»“”‘’„‹›\-]+")


def parse_free_text(text: str) -> ParsedQuery:
    """The text as the search syntax reads it; text the syntax rejects (a stray ``word:``,
    an unclosed quote or bracket) is searched as plain words instead of failing."""
    try:
        return parse_query(text)
    except QueryError:
        return parse_query(_SYNTAX.sub(" ", text.replace(":", " ")))
