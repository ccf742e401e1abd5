"""Symbols written out in full: "A/74/5 (Vol.I)", "(S/RES/1244 (1999))", "undocs.org/ch/A/RES/75/101",
and the list continuations that share their base: "S/26649 and Add.1", "A/78/1 et Corr.1",
"A/78/1和Corr.1", "S/8248/Add.7-9".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final
from urllib.parse import unquote

from unlib.symbols.bodies import SERIES
from unlib.symbols.grammar import Symbol, try_parse
from unlib.symbols.lexer import MODIFIER_WORDS

_PREFIXES: Final = "|".join(sorted((re.escape(code) for code in SERIES), key=len, reverse=True))
_COMPONENT: Final = r"(?:E?S-\d{1,3}|[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)"
_TAIL: Final = r"(?:[ \t]?\([^()\n]{1,24}\))*\*{0,2}"
# A series prefix (upper case, not glued to a word or a path) and at least one "/component".
_BARE: Final = re.compile(
    rf"(?<![A-Za-z0-9/._])(?:{_PREFIXES})(?:\.\d+)?(?:[ \t]?/(?:[ \t]|\n)?{_COMPONENT})+"
    rf"(?:[ \t](?P<part>[A-Z])(?![\w/.]))?{_TAIL}"
)
_PREFIX_BEFORE_SLASH: Final = re.compile(rf"(?<![A-Za-z0-9/._])(?:{_PREFIXES})(?:\.\d+)?[ \t]?$")
_URL: Final = re.compile(
    r"(?i:undocs\.org/(?:(?:ar|zh|ch|en|fr|ru|es|zh-cn)/)?|documents\.un\.org/symbol-explorer\?s="
    r"|daccess-ods\.un\.org/access\.nsf/Get\?Open&DS=)"
    r"(?P<symbol>[A-Za-z][A-Za-z0-9./()\-*%]*[A-Za-z0-9)*])"
)
_CONTINUATION: Final = re.compile(
    r"(?:\s*[-–](?P<range>\d+)(?![\d/]|\.\d)"
    r"|(?:\s*[,;、，]\s*|\s+)?(?:(?:and|et|y|e|и|و|和|及|以及|or|to|à|a|至)\s*)?"
    r"(?P<word>Add|Corr|Rev|Amend)\.\s?(?P<n>\d+|I(?![\w]))(?![\d/.]\d)"
    r"(?:\s?(?:[-–]|to|à|a|至)\s?(?P<to>\d+))?(?P<more>(?:/(?:Add|Corr|Rev|Amend)\.\d+)*))"
)


@dataclass(frozen=True, slots=True)
class Found:
    symbol: Symbol
    start: int  # view offsets
    end: int


def find_bare(view: str) -> Iterator[Found]:
    """Full symbols in the text, each with the continuations that follow it."""
    for match in _bare_matches(view):
        found = _longest_valid(view, match)
        if found is None:
            continue
        yield found
        yield from _continuations(view, found)
    if not any(host in view for host in ("undocs.org", "documents.un.org", "daccess")):
        return
    for match in _URL.finditer(view):
        symbol = try_parse(unquote(match.group("symbol")))
        if symbol is not None:
            yield Found(symbol, match.start("symbol"), match.end("symbol"))


def _bare_matches(view: str) -> Iterator[re.Match[str]]:
    """Matches of the symbol pattern, tried only where a series prefix ends at a "/": slashes
    are rare in prose, so this is far cheaper than running the pattern over every position."""
    resume = 0
    slash = view.find("/")
    while slash != -1:
        if slash >= resume:
            before = _PREFIX_BEFORE_SLASH.search(view, max(resume, slash - 12), slash)
            match = _BARE.match(view, before.start()) if before else None
            if match is not None:
                resume = match.end()
                yield match
        slash = view.find("/", slash + 1)


def _longest_valid(view: str, match: re.Match[str]) -> Found | None:
    """The match itself if it parses, else shorter readings (without tail, without part)."""
    text = match.group(0)
    candidates = [text]
    stripped = re.sub(rf"{_TAIL}$", "", text)
    if match.group("part"):
        without_part = stripped[:-2] if stripped.endswith(" " + match.group("part")) else stripped
        candidates += [stripped, without_part]
    else:
        candidates.append(stripped)
    for candidate in candidates:
        candidate = candidate.rstrip()
        symbol = try_parse(re.sub(r"\s*/\s*", "/", candidate))
        if symbol is None:
            continue
        if match.group("part") and symbol.doc_type not in ("RES", "DEC") and candidate == stripped:
            continue  # "S/25046 A new approach": a capital after a space is not a part letter
        return Found(symbol, match.start(), match.start() + len(candidate))
    return None


def _continuations(view: str, base: Found) -> Iterator[Found]:
    """ "S/26649 and Add.1" -> S/26649/Add.1; chains ("Add.43, Add.44 and Add.45") and ranges."""
    current = base
    position = base.end
    while True:
        match = _CONTINUATION.match(view, position)
        if not match:
            return
        produced = list(_continued_symbols(current.symbol, match))
        if not produced:
            return
        start = match.start("range") if match.group("range") else match.start("word")
        for symbol in produced:
            current = Found(symbol, start, match.end())
            yield current
        position = match.end()
        position, extra = _bare_numbers(view, position, current)
        for found in extra:
            current = found
            yield found


# "Add.1 and 2": a further number continues the same modifier word.
_MORE_NUMBER: Final = re.compile(
    r"(?:\s*,\s*|\s+(?:and|et|y|и|or)\s+|\s*(?:和|及|、)\s*)(?P<n>\d{1,3})"
    r"(?=\s*[.,;)\]]|\s*$|\s+and\b|\s*\n)"
)


def _bare_numbers(view: str, position: int, current: Found) -> tuple[int, list[Found]]:
    found: list[Found] = []
    word, _, number = current.symbol.components[-1].partition(".")
    if word not in MODIFIER_WORDS or not number.isdigit():
        return position, found
    while (match := _MORE_NUMBER.match(view, position)) is not None:
        symbol = try_parse(_with_modifier(current.symbol, f"{word}.{match.group('n')}"))
        if symbol is None:
            break
        current = Found(symbol, match.start("n"), match.end("n"))
        found.append(current)
        position = match.end()
    return position, found


def _continued_symbols(base: Symbol, match: re.Match[str]) -> Iterator[Symbol]:
    """The documents a continuation writes out. A range names its two ends ("Add.7-9",
    "Add.1584 to Add.1640"); the ones in between are not written, and like every mention we
    report what is written."""
    if match.group("range"):
        word = base.components[-1].partition(".")[0]
        if word in MODIFIER_WORDS:
            yield from _parsed(_with_modifier(base, f"{word}.{match.group('range')}"))
        return
    word = match.group("word")
    first = "1" if match.group("n") == "I" else match.group("n")  # "Add.I": OCR for Add.1
    extra = match.group("more") or ""
    yield from _parsed(_with_modifier(base, f"{word}.{first}") + extra)
    if match.group("to"):
        yield from _parsed(_with_modifier(base, f"{word}.{match.group('to')}") + extra)


def _parsed(text: str) -> Iterator[Symbol]:
    symbol = try_parse(text)
    if symbol is not None:
        yield symbol


def _with_modifier(base: Symbol, modifier: str) -> str:
    """Attach a continued modifier to the symbol it continues.

    "S/1/Add.1 and Add.2": the same word replaces its earlier occurrence (and what followed
    it). A corrigendum ends a chain, so "S/1 and Corr.1 and Add.1" gives S/1/Add.1; otherwise
    the modifier is appended ("S/1/Add.1 and Corr.1" is the corrigendum of the addendum).
    """
    components = list(base.components)
    word = modifier.split(".")[0]
    words = [component.split(".")[0] for component in components]
    first_modifier = next(
        (index for index, w in enumerate(words) if index and w in MODIFIER_WORDS), len(words)
    )
    for index in range(len(components) - 1, first_modifier - 1, -1):
        if words[index] == word:
            return "/".join([*components[:index], modifier])
    while len(components) > first_modifier and words[len(components) - 1] == "Corr":
        components.pop()
    return "/".join([*components, modifier])
