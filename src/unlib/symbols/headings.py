"""Resolution headings at the top of a resolution: the resolution names itself.

Security Council: ``Resolution 600 (1987)``, ``RESOLUTION 800 (1993)``, ``12 (1946). Resolution
of 10 December 1946``, OCR-damaged ``Resolution 290`` / ``of 8 December 1970`` — followed by
"The Security Council". General Assembly (and ECOSOC): a line ``73/3. Title`` under
"Resolution adopted by the General Assembly".
"""

from __future__ import annotations

import re
from typing import Final

from unlib.model import OwnSymbol
from unlib.symbols.grammar import Symbol, try_parse

_TOP_LINES: Final = 6  # the heading is among the first few lines of the text
_COUNCIL_WINDOW: Final = 1200  # "The Security Council," follows the heading closely
_RESOLUTION_WORD: Final = r"(?:Resolution|RESOLUTION|Résolution|RÉSOLUTION|Resolución|RESOLUCIÓN|Резолюция|РЕЗОЛЮЦИЯ|القرار)"
_OF_DATE: Final = r"(?:of|du|de|от)\s+\d{1,2}(?:er)?\s+(?:de\s+)?[^\W\d]+\.?\s+(?:de\s+)?(?P<date_year>(?:19|20)\d\d)"
_COUNCIL_HEADINGS: Final = (
    re.compile(
        rf"^\s*{_RESOLUTION_WORD}\s+(?P<n>\d{{1,4}})\s*[(（]\s*(?P<year>(?:19|20)\d\d)\s*[)）]"
    ),
    re.compile(rf"^\s*(?P<n>\d{{1,4}})\s*\((?P<year>(?:19|20)\d\d)\)\.\s+{_RESOLUTION_WORD}\b"),
    re.compile(rf"^\s*{_RESOLUTION_WORD}\s+(?P<n>\d{{1,4}})\s*\n\s*{_OF_DATE}"),
    re.compile(r"^\s*第\s*(?P<n>\d{1,4})\s*[(（]\s*(?P<year>(?:19|20)\d\d)\s*[)）]\s*号决议"),
)
_DATE_LINE: Final = re.compile(
    r"[ \t]*\n\s*(?:of|du|de|от)\s+\d{1,2}(?:er)?\s+(?:de\s+)?[^\W\d]+\.?\s+(?:de\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b"
)
_SECURITY_COUNCIL: Final = re.compile(
    r"Security\s+Council|Conseil\s+de\s+sécurité|Consejo\s+de\s+Seguridad|Совет\s+Безопасности|"
    r"مجلس\s+الأمن|安全理事会"
)
_ADOPTED_BY: Final = re.compile(
    r"(?P<organ>Resolution\s+adopted\s+by\s+the\s+(?:General\s+Assembly|Economic\s+and\s+Social\s+Council)|"
    r"Résolution\s+adoptée\s+par\s+(?:l['’]Assemblée\s+générale|le\s+Conseil\s+économique\s+et\s+social)|"
    r"Resolución\s+aprobada\s+por\s+(?:la\s+Asamblea\s+General|el\s+Consejo\s+Económico\s+y\s+Social)|"
    r"Резолюция,\s+принятая\s+(?:Генеральной\s+Ассамблеей|Экономическим\s+и\s+Социальным\s+Советом)|"
    r"قرار\s+اتخذته\s+(?:الجمعية\s+العامة|المجلس\s+الاقتصادي\s+والاجتماعي)|"
    r"(?:大会|经济及社会理事会)[^\n]{0,30}通过的决议)"
)
_NUMBERED_TITLE: Final = re.compile(
    r"^[ \t]*(?P<session>(?:ES|S)-\d{1,2}|\d{1,4})/(?P<n>\d{1,4})(?:[ \t]*(?P<part>[A-Z]))?\.[ \t]*\S.*",
    re.MULTILINE,
)
_TITLE_LINES: Final = 12  # lines between "Resolution adopted by …" and "73/3. Title"


def resolution_heading(head: str) -> OwnSymbol | None:
    """The symbol of a resolution from its own heading, if the head has one."""
    return _council_heading(head) or _assembly_heading(head)


def _council_heading(head: str) -> OwnSymbol | None:
    top = _first_lines(head, _TOP_LINES)
    for pattern in _COUNCIL_HEADINGS:
        match = pattern.search(top)
        if match is None or not _confirmed(head, match):
            continue
        # The adoption date below the heading is the better witness of the year: OCR
        # misreads the heading ("Resolution 434 (1973)" / "of 18 September 1978").
        dated = _DATE_LINE.match(head, match.end())
        year = (dated and dated.group("year")) or match.groupdict().get("year")
        year = year or match.group("date_year")
        symbol = try_parse(f"S/RES/{match.group('n').lstrip('0')} ({year})")
        if symbol is not None:
            return _own(symbol, match.group(0))
    return None


def _confirmed(head: str, match: re.Match[str]) -> bool:
    """The heading names this resolution: "The Security Council" follows, or the heading is
    the whole first line of the text."""
    if _SECURITY_COUNCIL.search(head, match.end(), match.end() + _COUNCIL_WINDOW):
        return True
    first_line = head.lstrip().split("\n", 1)[0].strip()
    return first_line == match.group(0).strip()


def _assembly_heading(head: str) -> OwnSymbol | None:
    adopted = _ADOPTED_BY.search(head)
    if adopted is None:
        return None
    body = (
        "E"
        if re.search(
            r"Economic|économique|Económico|Экономическ|الاقتصادي|经济", adopted.group("organ")
        )
        else "A"
    )
    after = _first_lines(head[adopted.end() :], _TITLE_LINES)
    title = _NUMBERED_TITLE.search(after)
    if title is None:
        return None
    part = f" {title.group('part')}" if title.group("part") else ""
    symbol = try_parse(f"{body}/RES/{title.group('session')}/{title.group('n')}{part}")
    return _own(symbol, title.group(0)) if symbol is not None else None


def _first_lines(text: str, count: int) -> str:
    lines: list[str] = []
    for line in text.splitlines(keepends=True):
        lines.append(line)
        if sum(1 for kept in lines if kept.strip()) >= count:
            break
    return "".join(lines)


def _own(symbol: Symbol, evidence: str) -> OwnSymbol:
    return OwnSymbol(
        symbol.normalized, symbol.key, "resolution-heading", " ".join(evidence.split())
    )
