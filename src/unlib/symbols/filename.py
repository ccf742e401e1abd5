"""Symbols and languages in file names, as the UN and its mirrors name files.

``A_RES_73_3-EN.pdf`` (UN Digital Library: "/" written "_", language after "-"),
``S_RES_0012_1946_EN_GOLD.txt`` (CR-UNSC corpus: zero-padded number and year),
``E_CN.4_2002_1_Add.1-FR.pdf``, ``un_charter_en.txt`` (language only), ``N1816895.pdf``
(a job number: nothing).
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Final
from urllib.parse import unquote

from unlib.symbols.grammar import Symbol, try_parse

# Language codes as file names write them; "ch" and "sp" are older UN conventions.
_LANGUAGE_CODES: Final = {
    "ar": "ar",
    "zh": "zh",
    "ch": "zh",
    "zh-cn": "zh",
    "en": "en",
    "fr": "fr",
    "ru": "ru",
    "es": "es",
    "sp": "es",
}
# The language token: a separate piece of the stem, at the end or before a trailing tag
# such as "_GOLD" or "_final".
_LANGUAGE_TOKEN: Final = re.compile(
    r"(?:^|[-_. ])(?P<lang>ar|zh-cn|zh|ch|en|fr|ru|es|sp)(?P<rest>(?:[-_][A-Za-z]{2,8})?)$",
    re.IGNORECASE,
)
_EXTENSIONS: Final = re.compile(r"(?:\.(?:pdf|docx?|txt|html?|xml|rtf|odt|md))+$", re.IGNORECASE)
# CR-UNSC names: S_RES_0012_1946 is S/RES/12 (1946).
_COUNCIL_RESOLUTION: Final = re.compile(r"S_RES_0*(\d{1,4})_((?:19|20)\d\d)", re.IGNORECASE)


def symbol_from_filename(name: str) -> tuple[Symbol | None, str | None]:
    """``("A_RES_73_3-EN.pdf")`` -> (A/RES/73/3, "en"); either part may be None."""
    # Unquote after taking the base name: "A%2FRES%2F73%2F3-EN.pdf" keeps its slashes.
    stem = _EXTENSIONS.sub("", unquote(PurePath(name).name))
    lang, stem = _split_language(stem)
    return _symbol_from_stem(stem), lang


def language_from_filename(name: str) -> str | None:
    """Just the language code of a file name, if it carries one."""
    return symbol_from_filename(name)[1]


def _split_language(stem: str) -> tuple[str | None, str]:
    match = _LANGUAGE_TOKEN.search(stem)
    if match is None:
        return None, stem
    return _LANGUAGE_CODES[match.group("lang").lower()], stem[: match.start()]


def _symbol_from_stem(stem: str) -> Symbol | None:
    council = _COUNCIL_RESOLUTION.fullmatch(stem)
    if council:
        return try_parse(f"S/RES/{council.group(1)} ({council.group(2)})")
    if "/" in stem:
        return try_parse(stem)
    if "_" not in stem:
        return None  # a symbol has at least two components: "N1816895" is a job number
    return try_parse(stem.replace("_", "/"))
