"""Resolution symbols as voting data writes them, read into the works they name.

Sources write the same resolution many ways: Voeten's ``R/60/251`` (A/RES/60/251), the official
``A/RES/ES-10/19`` and ``S/RES/1244 (1999)``, and resolutions in lettered parts — ``R/61/128A``,
``A/RES/377(V)[A-C]``. A roll call on several parts at once names them together: ``R/61/128AB``
is parts A **and** B, so it links to two works. Each part is its own work (as
:mod:`unlib.symbols` keys them: ``A/RES/61/128A``), and older ones put the part before the
session parenthetical (``A/RES/377 A (V)``, key ``A/RES/377A``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from unlib.symbols import Symbol, try_parse
from unlib.symbols.lexer import roman_to_int

# "X[A]", "X[A-C]", "X [A, B]"
_BRACKETED: Final = re.compile(r"^(?P<base>.+?)\s*\[(?P<parts>[A-Z](?:\s*[-–,]\s*[A-Z])*)\]$")
# "X A-B", "X (V) A-C", "X A, B", "X A and B"
_RANGE: Final = re.compile(r"^(?P<base>.*[\d)])\s*(?P<parts>[A-Z](?:\s*(?:[-–,&]|and)\s*[A-Z])+)$")
# "X (V) A" with the part after the session (the grammar wants it before: "377 A (V)")
_PART_AFTER_PAREN: Final = re.compile(r"^(?P<base>.*\))\s*(?P<parts>[A-Z]{1,6})$")
_LETTERS: Final = re.compile(r"[A-Z]")
_PAREN_TAIL: Final = re.compile(r"^(?P<head>.*?)(?P<paren>(?:\s*\([^)]*\))*)$")


@dataclass(frozen=True, slots=True)
class ResolutionRef:
    """The work(s) a roll call adopted: usually one symbol, several for a vote on parts."""

    symbol: str  # for display: "A/RES/61/128 A-B" for parts voted together
    parts: tuple[Symbol, ...]
    body: str  # "A", "S", ...
    kind: str  # "resolution" | "decision" | "document"
    session: str | None  # "61", "ES-10", "S-26", "5" (from V); None for the Council

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(part.key for part in self.parts)


def read_resolution(text: str) -> ResolutionRef | None:
    """The resolution(s) ``text`` names, or None when it is not a symbol we can read."""
    text = " ".join(text.split())
    if not text:
        return None
    for pattern in (_BRACKETED, _RANGE, _PART_AFTER_PAREN):
        match = pattern.match(text)
        if match:
            return _with_parts(match.group("base"), _letters(match.group("parts")))
    symbol = try_parse(text)
    if symbol is None:
        return None
    joined = _joined_parts(symbol)
    if joined:
        base = symbol.normalized.removesuffix(" " + joined)
        return _with_parts(base, list(joined))
    return _ref((symbol,))


def symbol_or_none(text: str) -> tuple[str, str] | None:
    """(normalized symbol, identity key) of a draft or meeting symbol, None when unreadable."""
    symbol = try_parse(" ".join(text.split())) if text.strip() else None
    return (symbol.normalized, symbol.key) if symbol else None


def session_number(session: str | None) -> str | None:
    """Sessions as the Assembly counts them today: "V" → "5", "ES-10" and "S-26" unchanged."""
    if session is None:
        return None
    for prefix in ("ES-", "S-", ""):
        if session.startswith(prefix):
            core = session[len(prefix) :]
            number = roman_to_int(core)
            if number is not None:
                return f"{prefix}{number}"
    return session


def _joined_parts(symbol: Symbol) -> str | None:
    """ "AB" in R/61/128AB: two or more part letters written together."""
    last = symbol.modifiers[-1] if symbol.modifiers else ""
    if len(last) >= 2 and last.isalpha() and last.isupper() and len(set(last)) == len(last):
        return last
    return None


def _letters(spec: str) -> list[str]:
    letters = _LETTERS.findall(spec)
    if len(letters) == 2 and re.search(r"[-–]", spec):
        first, last = ord(letters[0]), ord(letters[1])
        if first < last:
            return [chr(code) for code in range(first, last + 1)]
    return letters


def _with_parts(base_text: str, letters: list[str]) -> ResolutionRef | None:
    base = try_parse(base_text)
    if base is None or not letters:
        return None
    match = _PAREN_TAIL.match(base.normalized)
    head, paren = (match.group("head"), match.group("paren")) if match else (base.normalized, "")
    parts = [try_parse(f"{head} {letter}{paren}") for letter in letters]
    if any(part is None for part in parts):
        return None
    return _ref(tuple(part for part in parts if part is not None))


def _ref(parts: tuple[Symbol, ...]) -> ResolutionRef:
    first = parts[0]
    kind = first.kind if first.kind in ("resolution", "decision") else "document"
    session = first.session_or_year if first.body != "S" else None
    return ResolutionRef(
        symbol=_display(parts),
        parts=parts,
        body=first.body,
        kind=kind,
        session=session_number(session),
    )


def _display(parts: tuple[Symbol, ...]) -> str:
    if len(parts) == 1:
        return parts[0].normalized
    letters = [_part_letter(part) for part in parts]
    first = parts[0].normalized
    joined = (
        f"{letters[0]}-{letters[-1]}"
        if [ord(c) for c in letters] == list(range(ord(letters[0]), ord(letters[0]) + len(letters)))
        else ", ".join(letters)
    )
    # Put the joined letters where the first part's letter stands ("377 A (V)" → "377 A-C (V)").
    return re.sub(rf"(?<=\s){letters[0]}(?=(\s*\(|$))", joined, first, count=1)


def _part_letter(part: Symbol) -> str:
    return next(m for m in part.modifiers if len(m) == 1 and m.isalpha())
