"""The words of UN cover pages in the six official languages, as compiled patterns.

Shared by the metadata readers (``cover``, ``adoption``, ``titles``) and the document-type
classifier: principal organs, author formulas ("Report of the Secretary-General"), cover
boiler-plate, and the markers where a document's body begins. Nothing here reads a document;
these are only vocabularies, kept in one place so that a missing translation is fixed once.
"""

from __future__ import annotations

import re
from typing import Final

# --- principal organs ----------------------------------------------------------------------------

# Symbol body code -> how each language names the organ (regex fragments; Russian declines).
# Only organs whose documents carry that code as the symbol's first component are listed, so a
# name read on a cover never yields a code the symbol would not have (the Human Rights Council
# issues A/HRC/… documents).
ORGAN_NAMES: Final[dict[str, dict[str, str]]] = {
    "A": {
        "en": r"General\s+Assembly",
        "fr": r"Assemblée\s+générale",
        "es": r"Asamblea\s+General",
        "ru": r"Генеральн\w*\s+Ассамбле\w*",
        "ar": r"الجمعية\s+العامة",
        "zh": r"大会",
    },
    "S": {
        "en": r"Security\s+Council",
        "fr": r"Conseil\s+de\s+sécurité",
        "es": r"Consejo\s+de\s+Seguridad",
        "ru": r"Совет\w*\s+Безопасности",
        "ar": r"مجلس\s+الأمن",
        "zh": r"安全理事会|安理会",
    },
    "E": {
        "en": r"Economic\s+and\s+Social\s+Council",
        "fr": r"Conseil\s+économique\s+et\s+social",
        "es": r"Consejo\s+Económico\s+y\s+Social",
        "ru": r"Экономическ\w*\s+и\s+Социальн\w*\s+Совет\w*",
        "ar": r"المجلس\s+الاقتصادي\s+والاجتماعي",
        "zh": r"经济及社会理事会|经社理事会",
    },
    "T": {
        "en": r"Trusteeship\s+Council",
        "fr": r"Conseil\s+de\s+tutelle",
        "es": r"Consejo\s+de\s+Administración\s+Fiduciaria",
        "ru": r"Совет\w*\s+по\s+опеке",
        "ar": r"مجلس\s+الوصاية",
        "zh": r"托管理事会",
    },
    "ST": {
        "en": r"Secretariat",
        "fr": r"Secrétariat",
        "es": r"Secretaría",
        "ru": r"Секретариат\w*",
        "ar": r"الأمانة\s+العامة",
        "zh": r"秘书处",
    },
    "A/HRC": {
        "en": r"Human\s+Rights\s+Council",
        "fr": r"Conseil\s+des\s+droits\s+de\s+l['’]homme",
        "es": r"Consejo\s+de\s+Derechos\s+Humanos",
        "ru": r"Совет\w*\s+по\s+правам\s+человека",
        "ar": r"مجلس\s+حقوق\s+الإنسان",
        "zh": r"人权理事会",
    },
}


def organ_pattern(lang: str) -> str:
    """One alternation of every organ name in ``lang``, each in a group named ``o_<code>``."""
    names = []
    # Longer names first: "Conseil des droits de l'homme" before a bare "Secrétariat".
    for code, by_lang in sorted(ORGAN_NAMES.items(), key=lambda item: -len(item[1].get(lang, ""))):
        if lang in by_lang:
            names.append(f"(?P<o_{code.replace('/', '_')}>{by_lang[lang]})")
    return "|".join(names)


def organ_code(match: re.Match[str]) -> str | None:
    """The key in ORGAN_NAMES of the organ a match of :func:`organ_pattern` named ("A/HRC")."""
    for name, value in match.groupdict().items():
        if name.startswith("o_") and value:
            return name[2:].replace("_", "/")
    return None


def top_level(code: str | None) -> str | None:
    """The symbol's first component for an organ key: "A/HRC" documents are "A" documents."""
    return code.split("/", 1)[0] if code else None


# --- author formulas -----------------------------------------------------------------------------

# Lines that say who presents a document. A *bare* formula stands under the title ("Report of the
# Secretary-General"); an *extended* one is the title itself ("Report of the Secretary-General on
# the work of the Organization"). Each entry: document type -> per-language regex of the formula.
_SG = {
    "en": r"(?:the\s+)?Secretary-General",
    "fr": r"(?:du\s+)?Secrétaire\s+général",
    "es": r"(?:del\s+)?Secretario\s+General",
    "ru": r"Генерального\s+секретаря",
    "ar": r"(?:من\s+)?الأمين\s+العام",
    "zh": r"秘书长",
}
BARE_AUTHOR: Final[dict[str, dict[str, str]]] = {
    "report": {
        "en": rf"Report\s+of\s+{_SG['en']}",
        "fr": rf"Rapport\s+{_SG['fr']}",
        "es": rf"Informe\s+{_SG['es']}",
        "ru": rf"Доклад\s+{_SG['ru']}",
        "ar": rf"تقرير\s+{_SG['ar']}",
        "zh": r"秘书长的报告",
    },
    "note": {
        "en": rf"Note\s+by\s+(?:{_SG['en']}|the\s+Secretariat)",
        "fr": rf"Note\s+(?:{_SG['fr']}|du\s+Secrétariat)",
        "es": rf"Nota\s+(?:{_SG['es']}|de\s+la\s+Secretaría)",
        "ru": rf"Записка\s+(?:{_SG['ru']}|Секретариата)",
        "ar": rf"مذكرة\s+(?:{_SG['ar']}|من\s+الأمانة\s+العامة)",
        "zh": r"(?:秘书长|秘书处)的说明",
    },
}
# Title-forming openings: the line *is* the title when it begins like this.
TITLE_OPENINGS: Final[dict[str, dict[str, str]]] = {
    "report": {
        "en": r"(?:(?:Annual|Interim|Final|Progress|Consolidated)\s+)?Report\s+(?:of|on)\b",
        "fr": r"Rapport\s+(?:annuel\s+)?(?:du|de\s+la|de\s+l['’]|des|sur)\b",
        "es": r"Informe\s+(?:anual\s+)?(?:del|de\s+la|de\s+los|sobre)\b",
        "ru": r"(?:Ежегодный\s+)?Доклад\b",
        "ar": r"تقرير\b",
        "zh": r"[^\n。]{2,80}的报告$|[^\n。]{0,20}关于[^\n。]{2,80}报告$",
    },
    "letter": {
        "en": r"(?:Identical\s+)?Letters?\s+dated\b",
        "fr": r"(?:Lettres?\s+identiques\s+)?Lettres?\s+datées?\b|Lettres\s+identiques\b",
        "es": r"(?:Cartas?\s+idénticas\s+)?Cartas?\s+de\s+fecha\b|Cartas\s+idénticas\b",
        "ru": r"(?:Идентичные\s+)?Письм[оа]\b",
        "ar": r"(?:رسالة|رسالتان|الرسالة|الرسالتان)\s+(?:متطابقتان\s+)?(?:مؤرخة|المؤرخة|مؤرختان|المؤرختان)\b",
        "zh": r"[^\n。]{0,80}日[^\n。]{0,120}的(?:同文)?信$",
    },
    "statement": {
        "en": r"Statement\s+by\s+the\s+President\b",
        "fr": r"Déclaration\s+(?:du\s+Président|de\s+la\s+Présidence)\b",
        "es": r"Declaración\s+de\s+la\s+Presidencia\b|Declaración\s+del\s+Presidente\b",
        "ru": r"Заявление\s+Председателя\b",
        "ar": r"بيان\s+(?:من\s+)?(?:رئيس|رئيسة)\b",
        "zh": r"[^\n。]{0,20}主席的?声明$",
    },
    "agenda": {
        "en": r"(?:Provisional\s+|Annotated\s+provisional\s+)?agenda$",
        "fr": r"Ordre\s+du\s+jour(?:\s+provisoire)?(?:\s+annoté)?$",
        "es": r"Programa(?:\s+provisional)?(?:\s+anotado)?$",
        "ru": r"(?:Предварительная\s+)?повестка\s+дня$",
        "ar": r"جدول\s+الأعمال(?:\s+المؤقت)?(?:\s+المشروح)?$",
        "zh": r"(?:临时)?议程(?:说明)?$",
    },
    "meeting": {
        "en": r"(?:Provisional\s+)?(?:verbatim|summary)\s+record\b",
        "fr": r"(?:Procès-verbal|Compte\s+rendu\s+analytique)\b",
        "es": r"Acta\s+(?:literal|resumida)\b",
        "ru": r"(?:Стенографический|Краткий)\s+отчет\b",
        "ar": r"محضر\s+(?:حرفي|موجز)\b",
        "zh": r"[^\n。]{0,20}(?:逐字|简要)记录$",
    },
}


# The line that presents a draft: "Austria and Chile: draft resolution", "Draft decision
# submitted by the Chair". The draft's own title follows it, up to the preamble.
DRAFT_LINE: Final[dict[str, str]] = {
    "en": r"(?:^|:\s*)(?:revised\s+)?draft\s+(?:resolution|decision)\b[^:]*$",
    "fr": r"(?:^|:\s*)projet\s+de\s+(?:résolution|décision)\b[^:]*$",
    "es": r"(?:^|:\s*)proyecto\s+de\s+(?:resolución|decisión)\b[^:]*$",
    "ru": r"(?:^|:\s*)(?:пересмотренный\s+)?проект\s+(?:резолюции|решения)\b[^:]*$",
    "ar": r"(?:^|:\s*)مشروع\s+(?:قرار|مقرر)\b[^:]*$",
    "zh": r"(?:^|[:：]\s*)(?:订正)?(?:决议|决定)草案[^:：]*$",
}


def compile_by_lang(table: dict[str, dict[str, str]], lang: str) -> dict[str, re.Pattern[str]]:
    """Per document type, the regex of ``lang`` anchored at the start of a stripped line."""
    return {
        kind: re.compile(rf"(?:{by_lang[lang]})", re.IGNORECASE)
        for kind, by_lang in table.items()
        if lang in by_lang
    }


# --- boiler-plate and structure ------------------------------------------------------------------

# Cover lines that are never a title (whole stripped line, case-insensitive).
BOILERPLATE_LINE: Final = re.compile(
    r"""^(?:
        united\s+nations|nations\s+unies|naciones\s+unidas|организация\s+объединенных\s+наций
        |الأمم\s+المتحدة|联合国|
        distr\b.*|التوزيع\b.*|original\s*:.*|оригинал\s*:.*|الأصل\s*:.*|原文\s*[:：].*
        |english|français|french|spanish|español|russian|русский|arabic|عربي|chinese|中文
        |general|générale|limited|limitée|limitada|restricted|общая|ограниченная|عام|محدود
        |summary|résumé|resumen|резюме|موجز|摘要|contents|table\s+des\s+matières|índice
        |содержание|المحتويات|目录|please\s+recycle|advance\s+unedited\s+version
        |official\s+records|documents\s+officiels|documentos\s+oficiales|официальные\s+отчеты
        |الوثائق\s+الرسمية|正式记录|
        (?:page\s+)?\d+\s*(?:/\s*\d+)?|[\d\s./–-]+|\*+.*|\[.*\]|\(.*\)
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A job number and print date: "18-16895 (E) 241018", "25-07881 (C) 100725 080825".
JOB_NUMBER: Final = re.compile(r"^\d{2}-\d{5}\s*(?:\([A-Z]\))?[\s\d]*$|^\*\d{7}\*$")
# A line made of a document symbol (or several), possibly after "United Nations".
SYMBOL_LINE: Final = re.compile(
    r"^(?:(?:United\s+Nations|Nations\s+Unies|Naciones\s+Unidas|Организация\s+Объединенных"
    r"\s+Наций|الأمم\s+المتحدة|联合国)\s*)?"
    r"(?:[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)+(?:\s*\(\d{4}\))?\*?\s*(?:[-–]\s*|$))+$"
)

# Where the cover ends and the body begins: a preamble, a summary, a contents list, the first
# numbered paragraph or article. The cover facts (session, agenda, title) live before it.
BODY_START: Final = re.compile(
    r"""^[ \t]*(?:
        (?:The\s+|L['’]\s*|La\s+|El\s+)?(?:General\s+Assembly|Security\s+Council|Economic\s+and
            \s+Social\s+Council|Human\s+Rights\s+Council|Assemblée\s+générale|Conseil\s+de
            \s+sécurité|Asamblea\s+General|Consejo\s+de\s+Seguridad)\s*,\s*$
        |Генеральная\s+Ассамблея\s*,|Совет\s+Безопасности\s*,|إن\s+\S+\s+\S+\s*،
        |(?:大会|安全理事会|经济及社会理事会|人权理事会)\s*[，,]\s*$
        |(?:Summary|Résumé|Resumen|Резюме|موجز|摘要|Contents|Table\s+des\s+matières|Índice
            |Содержание|المحتويات|目录)\s*$
        |(?:1|I|一)\s*[.．、]\s+\S
        |(?:Article|Artículo|Статья|المادة)\s+1\b|第一条\s*$
        |(?:Chapter|Chapitre|Capítulo|Глава)\s+(?:I|1)\b|الفصل\s+الأول|第一章
    )""",
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)

# Words a wrapped line cannot end with: the text goes on below ("… meeting of the").
OPEN_ENDING: Final = re.compile(
    r"(?:\b(?:of|the|to|and|on|for|in|from|by|at|with|a|an|de|du|des|la|le|les|et|en|del|y|el"
    r"|los|las|para|sur|и|в|о|об|по|на|для|с|к)|[-,:(])$",
    re.IGNORECASE,
)

# Preamble openers that end a resolution's title block: "The General Assembly," / "大会，".
# An article or a comma is required, so that a title wrapped as "… special session of the" /
# "General Assembly" is not cut there.
_COUNCIL: Final = r"[^\W\d_]+(?:\s+[^\W\d_]+){0,3}"
_PREAMBLE_ORGANS: Final = "|".join(
    [name for by_lang in ORGAN_NAMES.values() for name in by_lang.values()]
    + [rf"(?:Conseil|Consejo|Council|Совет\w*|مجلس|المجلس)\s+{_COUNCIL}"]
)
PREAMBLE_START: Final = re.compile(
    rf"""^[ \t]*(?:
        (?-i:The\s+|L['’]\s*|La\s+|El\s+|Le\s+|إن\s+)(?:{_PREAMBLE_ORGANS})\s*[,،，]?\s*$
        |(?:{_PREAMBLE_ORGANS})\s*[,،，]\s*$
        |(?-i:The)\s+(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council)\b
        |We,\s|Nous,\s|Nosotros,\s|Мы,\s|نحن\s|我们
    )""",
    re.IGNORECASE | re.VERBOSE,
)
