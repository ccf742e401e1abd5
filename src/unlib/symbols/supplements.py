"""Own symbols stated in words on a report's cover.

* A title followed by its symbol and session: ``秘书长关于联合国工作的报告 (A/78/1, 第七十八届会议)``
  — taken only when the session in words matches the symbol's session.
* The Official Records statement: ``大会正式记录第八十届会议补编第 1 号`` = "Official Records of
  the General Assembly, Eightieth Session, Supplement No. 1" = A/80/1. Since the 31st session
  (1976) supplements carry the symbol A/<session>/<supplement number>.
"""

from __future__ import annotations

import re
from typing import Final

from unlib.model import OwnSymbol
from unlib.symbols.grammar import Symbol, try_parse
from unlib.text.numbers import ordinal_value

_FIRST_NUMBERED_SESSION: Final = 31  # before 1976 supplements had other symbols (A/2404 …)
_SYMBOL: Final = r"(?P<symbol>[A-Z][A-Za-z0-9./()\-]*\d[A-Za-z0-9.()]*)"
_ZH_NUMERAL: Final = r"[一二三四五六七八九十百零〇]+"
# Session in words after the symbol: "第七十八届会议", "seventy-eighth session", …
_TITLED: Final = (
    (re.compile(rf"[(（]\s*{_SYMBOL}\s*[,，]\s*第(?P<words>{_ZH_NUMERAL})届会议\s*[)）]"), "zh"),
    (re.compile(rf"\(\s*{_SYMBOL}\s*,\s*(?P<words>[A-Za-z]+(?:-[a-z]+)?)\s+[Ss]ession\s*\)"), "en"),
    (re.compile(rf"\(\s*{_SYMBOL}\s*,\s*(?P<words>[^\W\d]+(?:-[^\W\d]+)*)\s+session\s*\)"), "fr"),
    (
        re.compile(
            rf"\(\s*{_SYMBOL}\s*,\s*(?P<words>[^\W\d]+(?:\s[^\W\d]+)?)\s+período\s+de\s+sesiones\s*\)"
        ),
        "es",
    ),
    (
        re.compile(rf"\(\s*{_SYMBOL}\s*,\s*(?P<words>[^\W\d]+(?:\s[^\W\d]+)?)\s+сесси[яи]\s*\)"),
        "ru",
    ),
    (re.compile(rf"\(\s*{_SYMBOL}\s*،\s*الدورة\s+(?P<words>[^\W\d]+(?:\s[^\W\d]+)?)\s*\)"), "ar"),
)
_SUPPLEMENTS: Final = (
    (
        re.compile(
            r"大\s*会\s*正\s*式\s*记\s*录\s*第\s*(?P<session>[一二三四五六七八九十百零〇]+)\s*届"
            r"\s*会\s*议\s*补\s*编\s*第\s*(?P<n>\d{1,3})\s*号"
        ),
        "zh",
    ),
    (
        re.compile(
            r"Official\s+Records\s+of\s+the\s+General\s+Assembly,?\s+(?P<session>[A-Za-z]+(?:[- ][a-z]+)?)"
            r"\s+[Ss]ession,?\s+Supplement\s+No\.?\s*(?P<n>\d{1,3})\b"
        ),
        "en",
    ),
    (
        re.compile(
            r"Documents\s+officiels\s+de\s+l['’]Assemblée\s+générale,?\s+(?P<session>[^\W\d]+(?:-[^\W\d]+)*)"
            r"\s+session,?\s+Supplément\s+n[o°º]\.?\s*(?P<n>\d{1,3})\b"
        ),
        "fr",
    ),
    (
        re.compile(
            r"Documentos\s+Oficiales\s+de\s+la\s+Asamblea\s+General,?\s+(?P<session>[^\W\d]+(?:\s[^\W\d]+)?)"
            r"\s+período\s+de\s+sesiones,?\s+Suplemento\s+(?:núm\.|No\.|N[oº°]\.?)\s*(?P<n>\d{1,3})\b"
        ),
        "es",
    ),
    (
        re.compile(
            r"Официальные\s+отчеты\s+Генеральной\s+Ассамблеи,?\s+(?P<session>[^\W\d]+(?:\s[^\W\d]+)?)"
            r"\s+сесси[яи],?\s+Дополнение\s+№\s*(?P<n>\d{1,3})\b"
        ),
        "ru",
    ),
    (
        re.compile(
            r"الوثائق\s+الرسمية\s+للجمعية\s+العامة،?\s+الدورة\s+(?P<session>[^\W\d]+(?:\s[^\W\d]+)?)"
            r"،?\s+الملحق\s+رقم\s*(?P<n>\d{1,3})\b"
        ),
        "ar",
    ),
)
# "See Official Records …", "参见…": a citation, not the document's own statement.
_SEE_BEFORE: Final = re.compile(
    r"(?:\bSee|\bsee|\bvoir|\bVoir|\bvéase|\bVéase|\bсм\.|\bСм\.|انظر|参见|见)\W{0,3}$"
)


def titled_symbol(head: str) -> OwnSymbol | None:
    """``Title (A/78/1, 第七十八届会议)`` when the session words agree with the symbol."""
    for pattern, lang in _TITLED:
        for match in pattern.finditer(head):
            symbol = try_parse(match.group("symbol"))
            if symbol is None or not symbol.session_or_year:
                continue
            session = ordinal_value(match.group("words"), lang)
            if session is not None and str(session) == symbol.session_or_year:
                return _own(symbol, "text", match.group(0))
    return None


def supplement_symbol(head: str) -> OwnSymbol | None:
    """The A/<session>/<n> symbol of a General Assembly Official Records supplement."""
    for pattern, lang in _SUPPLEMENTS:
        for match in pattern.finditer(head):
            if _SEE_BEFORE.search(head, max(0, match.start() - 12), match.start()):
                continue
            session = ordinal_value(match.group("session"), lang)
            if session is None or session < _FIRST_NUMBERED_SESSION:
                continue
            symbol = try_parse(f"A/{session}/{int(match.group('n'))}")
            if symbol is not None:
                return _own(symbol, "text", match.group(0))
    return None


def _own(symbol: Symbol, source: str, evidence: str) -> OwnSymbol:
    return OwnSymbol(symbol.normalized, symbol.key, source, " ".join(evidence.split()))
