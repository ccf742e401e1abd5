"""Parse, validate and normalize UN document symbols.

``parse("a/res/77/128b")`` -> ``Symbol`` with ``normalized == "A/RES/77/128 B"``.

Canonical form: components joined by "/", upper case except the tokens in
``lexer.MIXED_CASE`` (Add., Corr., Rev., Sub., Agenda, OzL.Pro, ...); one space before a part
letter (``77/128 B``) and before a parenthetical (``1244 (1999)``, ``5 (Vol.I)``); none inside
``Add.1`` or ``Vol.I``. The Voeten/unvotes short form ``R/60/251`` is read as ``A/RES/60/251``.

Identity (``key``): upper case, no spaces, no reissue ``*``, and without the parenthetical that
only repeats the year or session (``S/RES/1244 (1999)`` is the work ``S/RES/1244``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from unlib.symbols.bodies import is_known_series
from unlib.symbols.errors import SymbolError
from unlib.symbols.lexer import (
    MODIFIER_WORDS,
    Component,
    fold_input,
    is_repeat_paren,
    lex_component,
    split_components,
)

# Bare components that name the document type rather than a body ("A/RES/...", "CRC/C/GC/25").
DOC_TYPES: Final = frozenset(
    {"RES", "DEC", "PRST", "INF", "GC", "SGB", "AI", "IC", "Agenda", "REP", "NOTE", "OD"}
)
# Document types written with their number after a dot ("PV.9000", "L.74", "SR.5").
DOTTED_DOC_TYPES: Final = frozenset(
    {"PV", "SR", "L", "INF", "WP", "CRP", "MISC", "NGO", "R", "Res", "Dec", "LIMITED"}
)
_KINDS: Final = {
    "RES": "resolution",
    "Res": "resolution",
    "DEC": "decision",
    "Dec": "decision",
    "PV": "meeting",
    "SR": "meeting",
}


@dataclass(frozen=True)
class Symbol:
    """A parsed, canonical UN document symbol."""

    body: str
    subsidiary: tuple[str, ...]
    session_or_year: str | None
    doc_type: str | None
    number: str | None
    modifiers: tuple[str, ...]
    components: tuple[str, ...]

    @property
    def normalized(self) -> str:
        return "/".join(self.components)

    @property
    def key(self) -> str:
        return symbol_key_from_components(self.components)

    @property
    def kind(self) -> str:
        return _KINDS.get(self.doc_type or "", "document")

    def to_json(self, input: str) -> dict[str, Any]:
        """The ``unlib symbols parse`` JSON object for a valid symbol."""
        return {
            "input": input,
            "valid": True,
            "normalized": self.normalized,
            "body": self.body,
            "subsidiary": list(self.subsidiary),
            "session_or_year": self.session_or_year,
            "doc_type": self.doc_type,
            "number": self.number,
            "modifiers": list(self.modifiers),
            "error": None,
            "key": self.key,
            "kind": self.kind,
            "components": list(self.components),
        }


def symbol_key_from_components(components: tuple[str, ...]) -> str:
    """Upper case, no spaces, no ``*``, no parenthetical that merely repeats year/session."""
    parts: list[str] = []
    for component in components:
        kept = component
        start = kept.find(" (")
        while start != -1:
            end = kept.index(")", start)
            if is_repeat_paren(kept[start + 2 : end]):
                kept = kept[:start] + kept[end + 1 :]
                start = kept.find(" (", start)
            else:
                start = kept.find(" (", end)
        parts.append(kept.replace("*", "").replace(" ", "").upper())
    return "/".join(parts)


# Real symbols are short; only inputs up to this length are remembered, so that callers trying
# whole lines or paragraphs cannot fill the cache with long texts.
_CACHED_LENGTH = 80


def parse(text: str) -> Symbol:
    """Parse a symbol written in any case and spacing; raise SymbolError saying what is wrong."""
    result = _parse_cached(text) if len(text) <= _CACHED_LENGTH else _parse_uncached(text)
    if isinstance(result, SymbolError):
        # A fresh exception each time: re-raising one instance would pile up tracebacks.
        raise SymbolError(result.message, result.position)
    return result


def _parse_uncached(text: str) -> Symbol | SymbolError:
    try:
        return _parse(text)
    except SymbolError as error:
        # A kept traceback would keep every frame of the caller's stack alive (and with them
        # whole documents): keep only the message and position.
        return SymbolError(error.message, error.position)


@lru_cache(maxsize=65536)
def _parse_cached(text: str) -> Symbol | SymbolError:
    """Extraction parses the same few thousand symbols over and over: remember them."""
    return _parse_uncached(text)


def _parse(text: str) -> Symbol:
    folded = fold_input(text)
    pieces = split_components(folded)
    body_raw, body_at = pieces[0]
    body = _check_body(body_raw, body_at, len(pieces))
    components: list[Component] = []
    for raw, offset in pieces[1:]:
        previous_ozl = bool(components) and components[-1].core.endswith("OzL")
        components.append(lex_component(raw, offset, previous_ozl=previous_ozl))
    if body == "R":
        body, components = _expand_voeten(components, body_at)
    return _assemble(body, components, body_at)


def try_parse(text: str) -> Symbol | None:
    """``parse`` that returns None instead of raising."""
    try:
        return parse(text)
    except SymbolError:
        return None


def normalize(text: str) -> str:
    return parse(text).normalized


def symbol_key(text: str) -> str:
    return parse(text).key


def parse_json(text: str) -> dict[str, Any]:
    """The ``unlib symbols parse`` JSON object for any input, valid or not."""
    try:
        return parse(text).to_json(text)
    except SymbolError as error:
        return {
            "input": text,
            "valid": False,
            "normalized": None,
            "body": None,
            "subsidiary": [],
            "session_or_year": None,
            "doc_type": None,
            "number": None,
            "modifiers": [],
            "error": str(error),
            "key": None,
            "kind": None,
            "components": [],
        }


def _check_body(raw: str, offset: int, count: int) -> str:
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip().upper()
    at = offset + lead
    if body.replace(" ", "").isdigit():
        raise SymbolError(
            f"{raw.strip()!r} is a number, not a document symbol: a symbol starts with a "
            "series prefix such as A, S or E (e.g. A/78/1)",
            at,
        )
    if not body.replace(".", "").isalnum() or " " in body:
        raise SymbolError(f"malformed series prefix {raw.strip()!r}", at)
    series = body.split(".")[0]
    if body != "R" and not is_known_series(series):
        raise SymbolError(f"{raw.strip()!r} is not a known UN series prefix", at)
    if count == 1:
        raise SymbolError(
            f"{raw.strip()!r} alone is not a document symbol: the components after it "
            "are missing (e.g. A/78/1)",
            at,
        )
    return body


def _expand_voeten(components: list[Component], at: int) -> tuple[str, list[Component]]:
    """``R/60/251`` (unvotes, Voeten) is General Assembly resolution ``A/RES/60/251``."""
    if len(components) != 2 or not all(c.is_number for c in components):
        raise SymbolError("'R' is only known as the short form R/<session>/<number>", at)
    res = Component("RES", None, (), "", at)
    return "A", [res, *components]


def _assemble(body: str, components: list[Component], body_at: int) -> Symbol:
    fields = _classify(components)
    texts = (body, *(c.text for c in components))
    if fields.number is None and fields.session_or_year is None:
        raise SymbolError(f"{'/'.join(texts)} has no document number", body_at)
    return Symbol(
        body=body,
        subsidiary=tuple(fields.subsidiary),
        session_or_year=fields.session_or_year,
        doc_type=fields.doc_type,
        number=fields.number,
        modifiers=tuple(fields.modifiers),
        components=texts,
    )


@dataclass(slots=True)
class _Fields:
    subsidiary: list[str]
    modifiers: list[str]
    session_or_year: str | None = None
    doc_type: str | None = None
    number: str | None = None


def _classify(components: list[Component]) -> _Fields:
    """Assign each component a role: subsidiary body, session/year, type, number, modifier."""
    fields = _Fields([], [])
    numbers: list[str] = []
    in_modifiers = False
    for component in components:
        head = component.core.split(".")[0]
        if in_modifiers or head in MODIFIER_WORDS:
            in_modifiers = True
            fields.modifiers.append(component.core)
        elif component.is_number:
            numbers.append(component.core)
        elif component.core in DOC_TYPES and fields.doc_type is None:
            fields.doc_type = component.core
        elif head in DOTTED_DOC_TYPES and "." in component.core and fields.number is None:
            fields.doc_type, fields.number = head, component.core.split(".", 1)[1]
        else:
            fields.subsidiary.append(component.core)
        _collect_tail(component, fields)
    _assign_numbers(fields, numbers)
    return fields


def _collect_tail(component: Component, fields: _Fields) -> None:
    if component.part:
        fields.modifiers.append(component.part)
    for paren in component.parens:
        fields.modifiers.append(f"({paren})")
        if is_repeat_paren(paren) and fields.session_or_year is None:
            fields.session_or_year = paren
    if component.star:
        fields.modifiers.append(component.star)


def _assign_numbers(fields: _Fields, numbers: list[str]) -> None:
    """The last number is the document number, the first (if another follows) the session."""
    if fields.number is None and numbers:
        fields.number = numbers.pop()
    if fields.number is None and fields.subsidiary and "." in fields.subsidiary[-1]:
        # Series whose last component is "letter.number" of their own: ECLAC's LC/G.2345.
        head, _, number = fields.subsidiary[-1].partition(".")
        if number.isdigit():
            fields.subsidiary.pop()
            fields.doc_type, fields.number = head, number
    if numbers:
        # A year/session given as a component wins over one repeated in parentheses.
        fields.session_or_year = numbers[0]
