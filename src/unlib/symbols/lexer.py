"""Split a symbol into its "/"-separated components and bring each to its canonical spelling.

A component is a *core* (``78``, ``RES``, ``AC.198``, ``PV.9000``, ``ES-10``, ``Add.1``),
optionally followed by part letters (``128 B``), parentheticals (``1244 (1999)``,
``5 (Vol.I)``, ``PV.5000 (Resumption 1)``) and a reissue marker (``251*``). Input may be in
any case, with stray spaces (``A / 74 / 5(Vol. I)``, ``Rev. 1``) and full-width characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from unlib.symbols.errors import SymbolError
from unlib.text.numbers import roman_to_int

# Full-width forms and dash look-alikes -> ASCII, one character for one (positions survive).
_FOLD: Final = {
    **{0xFF01 + i: 0x21 + i for i in range(0x5E)},
    0x3000: 0x20,
    0x2010: 0x2D,
    0x2011: 0x2D,
    0x2012: 0x2D,
    0x2013: 0x2D,
    0x2014: 0x2D,
    0x2212: 0x2D,
    0xA0: 0x20,
    0x2009: 0x20,
    0x202F: 0x20,
}
_ALLOWED: Final = re.compile(r"[A-Za-z0-9/.\-()* ]")

# Tokens whose canonical spelling is not upper case. Everything else is upper-cased.
MIXED_CASE: Final = {
    "ADD": "Add",
    "CORR": "Corr",
    "REV": "Rev",
    "AMEND": "Amend",
    "SUMMARY": "Summary",
    "SUB": "Sub",
    "AGENDA": "Agenda",
    "OZL": "OzL",
}
_DOTTED_MIXED_CASE: Final = {"RES": "Res", "DEC": "Dec"}
# Only canonical in a given company: "OzL.Pro.35", "OzL.Conv.12".
_AFTER_OZL: Final = {"PRO": "Pro", "CONV": "Conv"}
MODIFIER_WORDS: Final = frozenset({"Add", "Corr", "Rev", "Amend", "Summary"})

_CORE: Final = re.compile(
    r"(?P<core>(?:ES|S)-\d{1,3}|\d+|[A-Za-z]+\d*(?:\.[A-Za-z0-9]+)*\.?)"
    r"(?P<part>(?<=\d)[A-Za-z]{1,2}(?![A-Za-z0-9.]))?",
    re.IGNORECASE,
)
_SESSION_CORE: Final = re.compile(r"(?:ES|S)-\d{1,3}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Component:
    """One "/"-separated component, canonicalised."""

    core: str  # "78", "RES", "AC.198", "PV.9000", "Add.1", "ES-10"
    part: str | None  # part letters after a number: "B", "AB"
    parens: tuple[str, ...]  # canonical parentheticals without brackets: "1999", "Vol.I"
    star: str  # "" or "*" (reissue marker)
    position: int  # offset of the component in the input

    @property
    def text(self) -> str:
        """The canonical display form: ``128 B``, ``1244 (1999)``, ``5 (Vol.I)``, ``251*``."""
        out = self.core
        if self.part:
            out += " " + self.part
        # "1244 (1999)", "PV.5000 (Resumption 1)" but "COP(15)": the space follows a number.
        gap = " " if out[-1:].isdigit() or self.part else ""
        for paren in self.parens:
            out += f"{gap}({paren})"
        return out + self.star

    @property
    def is_number(self) -> bool:
        return self.core.isdigit() or bool(_SESSION_CORE.fullmatch(self.core))


def fold_input(text: str) -> str:
    """Full-width letters, ideographic spaces and dash variants to ASCII (same length)."""
    return text.translate(_FOLD)


def split_components(text: str) -> list[tuple[str, int]]:
    """Check characters and brackets, then split on "/" outside parentheses.

    Returns ``(raw component, offset)`` pairs; raises SymbolError on the first problem.
    """
    if not text.strip():
        raise SymbolError("empty input: a document symbol such as A/78/1 was expected")
    _check_characters(text)
    pieces: list[tuple[str, int]] = []
    depth, start = 0, 0
    for index, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "/" and depth == 0:
            pieces.append((text[start:index], start))
            start = index + 1
    pieces.append((text[start:], start))
    _check_empty_components(text, pieces)
    return pieces


def _check_characters(text: str) -> None:
    depth, opened = 0, -1
    for index, ch in enumerate(text):
        if not _ALLOWED.match(ch):
            raise SymbolError(f"illegal character {ch!r} in a document symbol", index)
        if ch == "(":
            if depth:
                raise SymbolError("nested parentheses are not allowed", index)
            depth, opened = 1, index
        elif ch == ")":
            if not depth:
                raise SymbolError("')' without a matching '('", index)
            depth = 0
    if depth:
        raise SymbolError("'(' is never closed", opened)


def _check_empty_components(text: str, pieces: list[tuple[str, int]]) -> None:
    if not pieces[0][0].strip():
        at = len(text) - len(text.lstrip())
        raise SymbolError("the series prefix (A, S, E, ...) is missing before the first '/'", at)
    for number, (raw, offset) in enumerate(pieces[1:], start=1):
        if raw.strip():
            continue
        if number == len(pieces) - 1:
            raise SymbolError("trailing '/': a component is missing at the end", offset - 1)
        raise SymbolError("empty component: two '/' in a row", offset)


def lex_component(raw: str, offset: int, *, previous_ozl: bool = False) -> Component:
    """Canonicalise one raw component (``" 5(Vol. I)"`` -> core 5, parens ("Vol.I",))."""
    lead = len(raw) - len(raw.lstrip())
    body, parens_text, star = _split_tail(raw.strip(), offset + lead)
    compact = re.sub(r"\s*\.\s*", ".", body)
    compact, part_text = _split_spaced_part(compact)
    match = _CORE.fullmatch(compact)
    if match is None:
        raise SymbolError(f"malformed component {raw.strip()!r}", offset + lead)
    core = match.group("core")
    part = (part_text or match.group("part") or "").upper() or None
    if core.endswith("."):
        raise SymbolError(
            f"{core!r} is incomplete: a number must follow the dot (e.g. {core}1)", offset + lead
        )
    if part and not core[-1:].isdigit():
        raise SymbolError(f"part letter {part!r} must follow a number", offset + lead)
    parens = tuple(_canonical_paren(content, offset + lead) for content in parens_text)
    return Component(_canonical_core(core, previous_ozl), part, parens, star, offset + lead)


def _split_tail(text: str, offset: int) -> tuple[str, list[str], str]:
    """Separate ``core [part]`` from trailing ``(…)`` groups and a ``*`` marker."""
    star_match = re.search(r"\s*(\*+)$", text)
    star = "*" * len(star_match.group(1)) if star_match else ""
    if star_match:
        text = text[: star_match.start()]
    parens: list[str] = []
    while text.endswith(")"):
        opening = text.rfind("(")
        parens.insert(0, text[opening + 1 : -1])
        text = text[:opening].rstrip()
    if "(" in text or ")" in text:
        raise SymbolError("a parenthesis may only close a component", offset + text.find("("))
    if not text:
        raise SymbolError("a parenthetical needs a number before it", offset)
    return text, parens, star


def _split_spaced_part(text: str) -> tuple[str, str | None]:
    """``"128 B"`` -> ("128", "B"); part letters written after a space."""
    match = re.fullmatch(r"(\S*\d)\s+([A-Za-z]{1,2})", text)
    if match:
        return match.group(1), match.group(2)
    return text, None


def _canonical_core(core: str, previous_ozl: bool) -> str:
    if _SESSION_CORE.fullmatch(core):
        return core.upper()
    pieces = core.split(".")
    out: list[str] = []
    for piece in pieces:
        upper = piece.upper()
        after_ozl = bool(out and out[-1] == "OzL") or (previous_ozl and not out)
        out.append(_AFTER_OZL.get(upper, upper) if after_ozl else MIXED_CASE.get(upper, upper))
    if len(out) > 1 and out[0] in _DOTTED_MIXED_CASE:
        # "UNEP/EA.6/Res.1": resolutions numbered after a dot are written "Res."
        out[0] = _DOTTED_MIXED_CASE[out[0]]
    return ".".join(out)


_PAREN_FORMS: Final = (
    (re.compile(r"vol\.?\s*([ivxlc]+|\d+)", re.I), "Vol.{}"),
    (re.compile(r"resumption\s*(\d+)", re.I), "Resumption {}"),
    (re.compile(r"part\.?\s*([ivxlc]+|\d+)", re.I), "Part {}"),
    (re.compile(r"prog\.?\s*(\d+[a-z]?)", re.I), "Prog. {}"),
    (re.compile(r"sect\.?\s*(\d+[a-z]?)", re.I), "Sect. {}"),
    (re.compile(r"((?:es|s)-(?:[ivxlc]+|\d{1,2}))", re.I), "{}"),
)


def _canonical_paren(content: str, offset: int) -> str:
    text = " ".join(content.split())
    upper = text.upper()
    if re.fullmatch(r"\d{1,4}", text):
        return text  # a year (1999) or a session number COP(15)
    if roman_to_int(upper) is not None:
        return upper
    if upper in ("RESUMED", "SUMMARY"):
        return text.capitalize()
    for pattern, template in _PAREN_FORMS:
        match = pattern.fullmatch(text)
        if match:
            return template.format(match.group(1).upper())
    raise SymbolError(f"unrecognised parenthetical '({text})'", offset)


def is_repeat_paren(paren: str) -> bool:
    """Parentheticals that only repeat the year or session: (1999), (XV), (S-VI), (ES-V)."""
    if re.fullmatch(r"(?:19|20)\d\d", paren):
        return True
    core = paren.removeprefix("ES-").removeprefix("S-")
    return roman_to_int(core) is not None or (core != paren and core.isdigit())
