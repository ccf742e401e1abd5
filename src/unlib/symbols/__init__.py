"""UN document symbols: parse, validate and normalize them, find them in running text in the
six official languages, and find a document's own symbol.

    >>> from unlib.symbols import normalize, symbol_key
    >>> normalize("a/res/77/128b")
    'A/RES/77/128 B'
    >>> symbol_key("S/RES/1244 (1999)")
    'S/RES/1244'
"""

from __future__ import annotations

from unlib.symbols.bodies import body_code, body_name
from unlib.symbols.errors import SymbolError
from unlib.symbols.extract import extract
from unlib.symbols.filename import symbol_from_filename
from unlib.symbols.grammar import (
    Symbol,
    normalize,
    parse,
    parse_json,
    symbol_key,
    try_parse,
)
from unlib.symbols.own import find_own_symbol

__all__ = [
    "Symbol",
    "SymbolError",
    "body_code",
    "body_name",
    "extract",
    "find_own_symbol",
    "normalize",
    "parse",
    "parse_json",
    "symbol_from_filename",
    "symbol_key",
    "try_parse",
]
