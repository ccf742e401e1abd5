"""UN series prefixes (the first component of a symbol) and the names of the organs behind them.

A symbol is only valid when its first component is a known series: the principal organs
(A, S, E, T, ST), treaty bodies (CRC, CCPR, ...), funds and programmes (DP, UNW, UNEP, ...),
conferences and conventions (FCCC, NPT, CD, ...). The list is deliberately explicit: an unknown
prefix is far more often a typo or a non-UN reference ("WHA", "ILO") than a new series.
"""

from __future__ import annotations

import unicodedata
from typing import Final

# Series prefix -> what issues documents under it (English). Sources: the UN "United Nations
# Document Series Symbols" guide (ST/LIB/SER.B/5/Rev.5 and its online successor) and ODS usage.
SERIES: Final[dict[str, str]] = {
    # Principal organs and the Secretariat
    "A": "General Assembly",
    "S": "Security Council",
    "E": "Economic and Social Council",
    "T": "Trusteeship Council",
    "ST": "Secretariat",
    "SG": "Secretary-General (press releases)",
    "GA": "General Assembly (press releases)",
    "SC": "Security Council (press releases)",
    "ECOSOC": "Economic and Social Council (press releases)",
    "PBC": "Peacebuilding Commission",
    "JIU": "Joint Inspection Unit",
    "CEB": "United Nations System Chief Executives Board for Coordination",
    "ACC": "Administrative Committee on Coordination",
    "AT": "United Nations Administrative Tribunal",
    "UNDT": "United Nations Dispute Tribunal",
    "UNAT": "United Nations Appeals Tribunal",
    "DPI": "Department of Public Information",
    "DGC": "Department of Global Communications",
    "OHCHR": "Office of the United Nations High Commissioner for Human Rights",
    # Human rights treaty bodies
    "CAT": "Committee against Torture",
    "CCPR": "Human Rights Committee",
    "CED": "Committee on Enforced Disappearances",
    "CEDAW": "Committee on the Elimination of Discrimination against Women",
    "CERD": "Committee on the Elimination of Racial Discrimination",
    "CMW": "Committee on Migrant Workers",
    "CRC": "Committee on the Rights of the Child",
    "CRPD": "Committee on the Rights of Persons with Disabilities",
    "HRI": "Human rights instruments (treaty bodies, joint documents)",
    # Funds, programmes and other entities
    "DP": "Executive Board of UNDP, UNFPA and UNOPS",
    "UNW": "UN-Women Executive Board",
    "UNEP": "United Nations Environment Programme",
    "TD": "United Nations Conference on Trade and Development",
    "UNCTAD": "United Nations Conference on Trade and Development (secretariat)",
    "ID": "United Nations Industrial Development Organization",
    "IDB": "Industrial Development Board (UNIDO)",
    "PC": "Programme and Budget Committee (UNIDO)",
    "HSP": "UN-Habitat",
    "HS": "UN-Habitat (former series)",
    "UNITAR": "United Nations Institute for Training and Research",
    "UNU": "United Nations University",
    "UNRWA": "United Nations Relief and Works Agency for Palestine Refugees",
    "UNHCR": "Office of the United Nations High Commissioner for Refugees",
    "UNICEF": "United Nations Children's Fund",
    "UNODC": "United Nations Office on Drugs and Crime",
    "WFP": "World Food Programme",
    "ITC": "International Trade Centre",
    "UNAIDS": "Joint United Nations Programme on HIV/AIDS",
    "UNDP": "United Nations Development Programme",
    "UNFPA": "United Nations Population Fund",
    "UNOPS": "United Nations Office for Project Services",
    # Regional commissions
    "ECE": "Economic Commission for Europe",
    "ECA": "Economic Commission for Africa",
    "ESCAP": "Economic and Social Commission for Asia and the Pacific",
    "ESCWA": "Economic and Social Commission for Western Asia",
    "LC": "Economic Commission for Latin America and the Caribbean",
    "TRADE": "Economic Commission for Europe (trade series)",
    # Conventions, conferences and their bodies
    "FCCC": "United Nations Framework Convention on Climate Change",
    "ICCD": "United Nations Convention to Combat Desertification",
    "CBD": "Convention on Biological Diversity",
    "CTOC": "Conference of the Parties to the Convention against Transnational Organized Crime",
    "CAC": "Conference of the States Parties to the Convention against Corruption",
    "CD": "Conference on Disarmament",
    "NPT": "Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons",
    "BWC": "Biological Weapons Convention",
    "CCW": "Convention on Certain Conventional Weapons",
    "APLC": "Anti-Personnel Mine Ban Convention",
    "CCM": "Convention on Cluster Munitions",
    "ATT": "Arms Trade Treaty",
    "TPNW": "Treaty on the Prohibition of Nuclear Weapons",
    "ISBA": "International Seabed Authority",
    "SPLOS": "Meeting of States Parties to the Convention on the Law of the Sea",
    "LOS": "Law of the Sea (preparatory commission)",
    "IPBES": "Intergovernmental Science-Policy Platform on Biodiversity and Ecosystem Services",
    "ICC": "International Criminal Court (Assembly of States Parties)",
    "IT": "International Tribunal for the former Yugoslavia",
    "ITR": "International Criminal Tribunal for Rwanda",
    "MICT": "International Residual Mechanism for Criminal Tribunals",
}

# Principal organs by language: the names used in running text and on cover pages.
ORGAN_NAMES: Final[dict[str, dict[str, str]]] = {
    "A": {
        "en": "General Assembly",
        "fr": "Assemblée générale",
        "es": "Asamblea General",
        "ru": "Генеральная Ассамблея",
        "ar": "الجمعية العامة",
        "zh": "大会",
    },
    "S": {
        "en": "Security Council",
        "fr": "Conseil de sécurité",
        "es": "Consejo de Seguridad",
        "ru": "Совет Безопасности",
        "ar": "مجلس الأمن",
        "zh": "安全理事会",
    },
    "E": {
        "en": "Economic and Social Council",
        "fr": "Conseil économique et social",
        "es": "Consejo Económico y Social",
        "ru": "Экономический и Социальный Совет",
        "ar": "المجلس الاقتصادي والاجتماعي",
        "zh": "经济及社会理事会",
    },
    "T": {
        "en": "Trusteeship Council",
        "fr": "Conseil de tutelle",
        "es": "Consejo de Administración Fiduciaria",
        "ru": "Совет по Опеке",
        "ar": "مجلس الوصاية",
        "zh": "托管理事会",
    },
    "ST": {
        "en": "Secretariat",
        "fr": "Secrétariat",
        "es": "Secretaría",
        "ru": "Секретариат",
        "ar": "الأمانة العامة",
        "zh": "秘书处",
    },
    "A/HRC": {
        "en": "Human Rights Council",
        "fr": "Conseil des droits de l'homme",
        "es": "Consejo de Derechos Humanos",
        "ru": "Совет по правам человека",
        "ar": "مجلس حقوق الإنسان",
        "zh": "人权理事会",
    },
}

# Short forms and alternative spellings people type or write (looked up case- and accent-folded).
_EXTRA_ALIASES: Final[dict[str, str]] = {
    "ga": "A",
    "unga": "A",
    "assembly": "A",
    "联合国大会": "A",
    "sc": "S",
    "unsc": "S",
    "安理会": "S",
    "联合国安全理事会": "S",
    "ecosoc": "E",
    "经社理事会": "E",
    "tc": "T",
    "hrc": "A/HRC",
    "unhrc": "A/HRC",
    "secretary-general": "ST",
    "секретарь": "ST",
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Russian "й" must keep its breve: re-compose before comparing Cyrillic words.
    return " ".join(unicodedata.normalize("NFC", folded).replace("’", "'").split())


def _alias_table() -> dict[str, str]:
    table = {_fold(code): code for code in SERIES}
    for code, names in ORGAN_NAMES.items():
        table[_fold(code)] = code
        for name in names.values():
            table[_fold(name)] = code
    for alias, code in _EXTRA_ALIASES.items():
        table[_fold(alias)] = code
    return table


_ALIASES: Final = _alias_table()


def is_known_series(prefix: str) -> bool:
    """True when ``prefix`` (any case) is a UN document series we recognise."""
    return prefix.upper() in SERIES


def body_name(code: str, lang: str = "en") -> str | None:
    """The organ or series behind a symbol body: ``"A"`` -> ``"General Assembly"``.

    Principal organs (and the Human Rights Council, ``"A/HRC"``) are named in all six
    languages; other series only in English, which is returned for every language.
    ``None`` for an unknown code.
    """
    upper = code.strip().upper()
    names = ORGAN_NAMES.get(upper)
    if names:
        return names.get(lang, names["en"])
    return SERIES.get(upper)


def body_code(alias: str) -> str | None:
    """The symbol body for a name or abbreviation in any official language.

    ``"GA"``, ``"General Assembly"``, ``"大会"``, ``"Assemblée générale"``, ``"a"`` -> ``"A"``.
    """
    return _ALIASES.get(_fold(alias))
