"""The document-type facet: what kind of UN document this is.

The own symbol decides when it can (A/RES/… is a resolution, …/L.4 a draft, …/PV.18 a meeting
record); otherwise the title and the cover say it in the document's language ("Report of the
Secretary-General", "Lettre datée du …", "秘书长的说明"); a founding instrument or a text shaped
like a treaty is a treaty; what none of these describe is a "document".
"""

from __future__ import annotations

import re
from typing import Final

from unlib.ingest.cover import cover_zone, document_head
from unlib.ingest.cover_terms import BARE_AUTHOR, DRAFT_LINE, TITLE_OPENINGS, compile_by_lang
from unlib.ingest.instruments import INSTRUMENT_TITLES, looks_like_treaty
from unlib.model import OwnSymbol

DOC_TYPES: Final = (
    "resolution",
    "decision",
    "draft",
    "meeting",
    "statement",
    "report",
    "letter",
    "note",
    "agenda",
    "information",
    "publication",
    "treaty",
    "document",
)

# Symbol components that name the type (checked on the normalized own symbol).
_SYMBOL_TYPES: Final = (
    (re.compile(r"/RES/"), "resolution"),
    (re.compile(r"/DEC/"), "decision"),
    (re.compile(r"/PRST/"), "statement"),
    (re.compile(r"/(?:PV|SR)\.\d"), "meeting"),
    (re.compile(r"/L\.\d"), "draft"),
    (re.compile(r"/INF/|/INF\.\d"), "information"),
    (re.compile(r"/Agenda(?:/|$)", re.IGNORECASE), "agenda"),
)
# Headings and phrases of the cover that give the type away, per language.
_HEAD_CUES: Final[dict[str, dict[str, str]]] = {
    # "Resolution adopted by …", or a Security Council heading "Resolution 600 (1987)" (the
    # year may be missing: "Resolution 290" alone on its line).
    "resolution": {
        "en": r"^\s*Resolution\s+adopted\s+by|^\s*(?:Resolution|RESOLUTION)\s+\d+(?:\s*\(\d{4}\)|[ \t]*$)",
        "fr": r"^\s*Résolution\s+adoptée\s+par|^\s*(?:Résolution|RÉSOLUTION)\s+\d+(?:\s*\(\d{4}\)|[ \t]*$)",
        "es": r"^\s*Resolución\s+aprobada\s+por|^\s*(?:Resolución|RESOLUCIÓN)\s+\d+(?:\s*\(\d{4}\)|[ \t]*$)",
        "ru": r"^\s*Резолюция,?\s+принятая|^\s*(?:Резолюция|РЕЗОЛЮЦИЯ)\s+\d+(?:\s*\(\d{4}\)|[ \t]*$)",
        "ar": r"^\s*القرار\s+الذي\s+اتخذته|^\s*القرار\s+\d+(?:\s*\(\d{4}\)|[ \t]*$)",
        "zh": r"通过的决议\s*$|^\s*第\s*\d+\s*\(\d{4}\)\s*号决议",
    },
    "decision": {
        "en": r"^\s*Decision\s+adopted\s+by",
        "fr": r"^\s*Décision\s+adoptée\s+par",
        "es": r"^\s*Decisión\s+aprobada\s+por",
        "ru": r"^\s*Решение,?\s+принятое",
        "ar": r"^\s*المقرر\s+الذي\s+اتخذته",
        "zh": r"通过的决定\s*$",
    },
    # A publication's copyright page: ISBN/ISSN, a sales number, "United Nations publication"
    # standing alone on its line (not "…publications increased" in running text).
    "publication": {
        "en": r"\bISBN\b|\bISSN\b|\bSales\s+No\.|^\s*United\s+Nations\s+publication\s*$",
        "fr": r"\bISBN\b|\bISSN\b|^\s*Publication\s+des\s+Nations\s+Unies\s*$|numéro\s+de\s+vente",
        "es": r"\bISBN\b|\bISSN\b|^\s*Publicación\s+de\s+las\s+Naciones\s+Unidas\s*$|Núm\.\s+de\s+venta",
        "ru": r"\bISBN\b|\bISSN\b|^\s*Издание\s+Организации\s+Объединенных\s+Наций\s*$",
        "ar": r"\bISBN\b|\bISSN\b|^\s*منشورات\s+الأمم\s+المتحدة\s*$",
        "zh": r"\bISBN\b|\bISSN\b|^\s*联合国出版物\s*$|出售品编号",
    },
}


def _compile_cues(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    cues = [
        (kind, re.compile(by_lang[lang], re.MULTILINE | re.IGNORECASE))
        for kind, by_lang in {**_HEAD_CUES, "draft": DRAFT_LINE}.items()
        if lang in by_lang
    ]
    # The publication cue reads the whole head; the others are cover headings.
    return sorted(cues, key=lambda cue: cue[0] == "publication")


_LANGS: Final = ("ar", "zh", "en", "fr", "ru", "es")
_CUES: Final = {lang: _compile_cues(lang) for lang in _LANGS}
_TITLE_KINDS: Final = {lang: compile_by_lang(TITLE_OPENINGS, lang) for lang in _LANGS}
_BARE_KINDS: Final = {lang: compile_by_lang(BARE_AUTHOR, lang) for lang in _LANGS}
_TREATY_TITLE: Final = re.compile(
    r"^(?:Charter|Convention|Covenant|Protocol|Treaty|Statute|Agreement|Charte|Pacte|Protocole"
    r"|Traité|Statut|Accord|Carta|Convención|Pacto|Protocolo|Tratado|Estatuto|Acuerdo|Устав"
    r"|Конвенция|Пакт|Протокол|Договор|Статут|Соглашение|ميثاق|اتفاقية|العهد|بروتوكول|معاهدة"
    r"|النظام\s+الأساسي)\b|(?:宪章|公约|盟约|议定书|条约|规约)$",
    re.IGNORECASE,
)


def classify_doc_type(own: OwnSymbol | None, title: str | None, text: str, lang: str) -> str:
    """One of :data:`DOC_TYPES` for the document (``"document"`` when nothing says more)."""
    head = document_head(text, None)
    zone = cover_zone(head)
    return (
        _from_symbol(own)
        or _cue_in(zone, lang, exclude=("publication",))
        or _from_title(title, lang)
        or _from_head(head, zone, lang)
        or ("treaty" if _is_instrument(title) or looks_like_treaty(text) else None)
        or "document"
    )


def _is_instrument(title: str | None) -> bool:
    # The title step already recognised the founding instruments: no second scan of the text.
    return title is not None and title in INSTRUMENT_TITLES


def _from_symbol(own: OwnSymbol | None) -> str | None:
    if own is None:
        return None
    for pattern, kind in _SYMBOL_TYPES:
        if pattern.search(own.symbol):
            return kind
    return None


def _from_title(title: str | None, lang: str) -> str | None:
    if not title:
        return None
    stripped = title.strip()
    for kind, pattern in (*_TITLE_KINDS.get(lang, {}).items(), *_BARE_KINDS.get(lang, {}).items()):
        if pattern.match(stripped):
            return kind
    if _TREATY_TITLE.search(stripped):
        return "treaty"
    return _cue_in(stripped, lang, exclude=("publication",))


def _from_head(head: str, zone: str, lang: str) -> str | None:
    for line in zone.split("\n"):
        stripped = line.strip().rstrip("*∗ ")
        for kind, pattern in _BARE_KINDS.get(lang, {}).items():
            if pattern.fullmatch(stripped):
                return kind
    # Beyond the cover only a publication's copyright page is a reliable sign.
    others = tuple(kind for kind, _ in _CUES.get(lang, []) if kind != "publication")
    return _cue_in(head, lang, exclude=others)


def _cue_in(text: str, lang: str, *, exclude: tuple[str, ...]) -> str | None:
    for kind, pattern in _CUES.get(lang, []):
        if kind not in exclude and pattern.search(text):
            return kind
    return None
