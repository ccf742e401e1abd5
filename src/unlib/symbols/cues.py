"""Per-language words that announce a UN document reference in running text.

Each table is a regular-expression fragment (no capturing groups). They are compiled into the
phrase patterns of ``unlib.symbols.phrases``; keep them free of leading/trailing spaces.
"""

from __future__ import annotations

from typing import Final

LANGS: Final = ("en", "fr", "es", "ru", "ar", "zh")

# "resolution(s)" and "decision(s)" as the word before the number (zh is handled apart: the
# cue 号决议 follows the number). Arabic words may carry the clitics و ب ل ف and the article.
RESOLUTION_WORDS: Final = {
    # OCR and line-end hyphenation leave "resoiutions", "reso-\nlutions".
    "en": r"\b(?:[Rr]eso[li]utions?|RESOLUTIONS?|[Rr]e-\s*solutions?|[Rr]eso-\s*lutions?|[Rr]esolu-\s*tions?)",
    "fr": r"\b(?:[Rr]ésolutions?|RÉSOLUTIONS?)",
    "es": r"\b(?:[Rr]esoluci(?:ón|ones)|RESOLUCI(?:ÓN|ONES))",
    "ru": r"\b(?:[Рр]езолюци[яиюейямх]{1,3})",
    "ar": r"(?<![\w])(?:[وبلف]{0,2}(?:ال)?قرار(?:ات|ي|ا|ها|ه|يه|يها|اته|اتها|اتهما)?)",
}
DECISION_WORDS: Final = {
    "en": r"\b(?:[Dd]ecisions?)",
    "fr": r"\b(?:[Dd]écisions?)",
    "es": r"\b(?:[Dd]ecisi(?:ón|ones))",
    "ru": r"\b(?:[Рр]ешени[еяюйм]{1,3}|[Рр]ешениях)",
    "ar": r"(?<![\w])(?:[وبلف]{0,2}(?:ال)?مقرر(?:ات|ي|ها|ه|يه|اته)?)",
}
# The characters a cue word can start with: a leading lookahead on them lets the regex engine
# skip most positions quickly (3-4 times faster on long texts).
CUE_FIRST_CHARS: Final = {
    "en": "RrDd",
    "fr": "RrDd",
    "es": "RrDd",
    "ru": "Рр",
    "ar": "وبلفاقم",
    "zh": "第0123456789SE",  # "大会S-24/2号决议" starts with the special session
}
# What may stand between the cue word and the first number: "resolution No. 5", "n° 5".
NUMBER_SIGN: Final = {
    "en": r"(?:No\.\s*)?",
    "fr": r"(?:n[o°º]\.?\s*)?",
    "es": r"(?:n[úu]m\.\s*|N[oº°]\.?\s*)?",
    "ru": r"(?:№\s*)?",
    "ar": r"(?:رقم\s*)?",
    "zh": r"",
}
# Words joining the items of a list ("661 (1990), 665 (1990) and 678 (1990)").
LIST_WORDS: Final = {
    "en": r"and(?:\s+also|\s+in\s+particular)?|or|as\s+well\s+as|(?:in\s+)?particular(?:ly)?|"
    r"including|especially|notably",
    "fr": r"et(?:\s+en\s+particulier|\s+notamment)?|ou|ainsi\s+que|notamment|en\s+particulier",
    "es": r"y(?:\s+en\s+particular)?|e|o|así\s+como|en\s+particular|especialmente",
    "ru": r"и(?:\s+в\s+частности)?|или|а\s+также|в\s+частности|особенно",
    "ar": r"و|أو|وكذلك",
    "zh": r"和|及|以及|与|或|并",
}
# Month names, for dates between items ("661 (1990) of 6 August 1990").
MONTHS: Final = {
    "en": r"January|February|March|April|May|June|July|August|September|October|November|December",
    "fr": r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
    "es": r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre",
    "ru": r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря",
    "ar": r"[\u0600-\u06ff]+(?:\s*/\s*[\u0600-\u06ff]+)?",
}
DATE_AFTER_ITEM: Final = {
    # The year may be left out when the next item gives it: "186 (1964) of 4 March, 187 …".
    "en": rf"\s*,?\s+(?:of|dated|adopted\s+on)\s+(?:\d{{1,2}}(?:\s+and\s+\d{{1,2}})?\s+(?:{MONTHS['en']})(?:\s+\d{{4}})?|(?:{MONTHS['en']})\s+\d{{1,2}}(?:,?\s+\d{{4}})?)",
    "fr": rf"\s*,?\s+(?:du|en\s+date\s+du)\s+\d{{1,2}}(?:er)?\s+(?:{MONTHS['fr']})(?:\s+\d{{4}})?",
    "es": rf"\s*,?\s+de(?:l)?\s+\d{{1,2}}\s+de\s+(?:{MONTHS['es']})(?:\s+de\s+\d{{4}})?",
    "ru": rf"\s*,?\s+от\s+\d{{1,2}}\s+(?:{MONTHS['ru']})(?:\s+\d{{4}}(?:\s+года|\s+г\.)?)?",
    "ar": rf"\s*،?\s+(?:المؤرخ|المؤرخة|المؤرخين|المؤرخات)\s+\d{{1,2}}\s+(?:{MONTHS['ar']})(?:\s+\d{{4}})?",
}

# Words that open a title or description between the items of a list.
TITLE_AFTER_ITEM: Final = {
    "en": r"on|entitled|concerning|relating\s+to|containing|by\s+which|in\s+which",
    "fr": r"sur|intitulée?s?|concernant|relative?s?\s+à|par\s+laquelle|dans\s+laquelle",
    "es": r"sobre|titulada?s?|relativa?s?\s+a|relativa?s?\s+al|en\s+la\s+que|por\s+la\s+que",
    "ru": r"о|об|озаглавленн\w+|касающ\w+|в\s+которой",
}

# Organs that issue documents under our symbols, in each language (nominative and the oblique
# forms met in running text). "council" alone is resolved from the citing document's body.
ORGANS: Final[dict[str, dict[str, str]]] = {
    "A": {
        "en": r"General\s+Assembly|GENERAL\s+ASSEMBLY|Assembly",
        "fr": r"Assemblée\s+générale|Assemblée",
        "es": r"Asamblea\s+General|Asamblea",
        "ru": r"Генеральн\w+\s+Ассамбле\w+|Ассамбле\w+",
        "ar": r"[لو]?ل?الجمعية\s+العامة|الجمعية",
        "zh": r"大会|联大",
    },
    "S": {
        "en": r"Security\s+Council|SECURITY\s+COUNCIL",
        "fr": r"Conseil\s+de\s+sécurité",
        "es": r"Consejo\s+de\s+Seguridad",
        "ru": r"Совет\w*\s+Безопасности",
        "ar": r"[لو]?مجلس\s+الأمن",
        "zh": r"安全理事会|安理会",
    },
    "E": {
        "en": r"Economic\s+and\s+Social\s+Council|ECOSOC",
        "fr": r"Conseil\s+économique\s+et\s+social",
        "es": r"Consejo\s+Económico\s+y\s+Social",
        "ru": r"Экономическ\w+\s+и\s+Социальн\w+\s+Совет\w*",
        "ar": r"[لو]?ل?المجلس\s+الاقتصادي\s+والاجتماعي",
        "zh": r"经济及社会理事会|经社理事会",
    },
    "A/HRC": {
        "en": r"Human\s+Rights\s+Council",
        "fr": r"Conseil\s+des\s+droits\s+de\s+l'homme",
        "es": r"Consejo\s+de\s+Derechos\s+Humanos",
        "ru": r"Совет\w*\s+по\s+правам\s+человека",
        "ar": r"[لو]?مجلس\s+حقوق\s+الإنسان",
        "zh": r"人权理事会",
    },
    "E/CN.4": {
        "en": r"Commission\s+on\s+Human\s+Rights",
        "fr": r"Commission\s+des\s+droits\s+de\s+l'homme",
        "es": r"Comisión\s+de\s+Derechos\s+Humanos",
        "ru": r"Комисси\w+\s+по\s+правам\s+человека",
        "ar": r"[لو]?لجنة\s+حقوق\s+الإنسان",
        "zh": r"人权委员会",
    },
    "T": {
        "en": r"Trusteeship\s+Council",
        "fr": r"Conseil\s+de\s+tutelle",
        "es": r"Consejo\s+de\s+Administración\s+Fiduciaria",
        "ru": r"Совет\w*\s+по\s+Опеке",
        "ar": r"[لو]?مجلس\s+الوصاية",
        "zh": r"托管理事会",
    },
    # Generic "the Council": whose council depends on who is speaking (the ``body`` argument).
    "council": {
        "en": r"Council",
        "fr": r"Conseil",
        "es": r"Consejo",
        "ru": r"Совет\w*",
        "ar": r"[لو]?ل?المجلس",
        "zh": r"理事会",
    },
    # Bodies whose resolutions are *not* UN document symbols: a reference to them is skipped.
    "other": {
        "en": (
            r"World\s+Health\s+Assembly|WHA|Executive\s+Board|Governing\s+Council|Governing\s+Body|"
            r"General\s+Conference|Conference\s+of\s+the\s+Parties|Board\s+of\s+Governors|"
            r"Sub-Commission|Commission|Committee|Conference|Board|Assembly\s+of\s+States\s+Parties|"
            r"UNESCO|ILO|IAEA|WHO|FAO|ICAO|IMO|ITU|OAU|OAS|African\s+Union|Council\s+of\s+Europe|"
            r"European\s+Union|European\s+Parliament|League\s+of\s+Arab\s+States|"
            r"Congress|Parliament|Senate|Government"
        ),
        "fr": (
            r"Assemblée\s+mondiale\s+de\s+la\s+Santé|Conseil\s+d'administration|Conseil\s+exécutif|"
            r"Conférence\s+générale|Conférence\s+des\s+Parties|Sous-Commission|Commission|Comité|"
            r"Conférence|Union\s+africaine|Conseil\s+de\s+l'Europe|Union\s+européenne"
        ),
        "es": (
            r"Asamblea\s+Mundial\s+de\s+la\s+Salud|Junta\s+Ejecutiva|Consejo\s+de\s+Administración|"
            r"Conferencia\s+General|Conferencia\s+de\s+las\s+Partes|Subcomisión|Comisión|Comité|"
            r"Conferencia|Unión\s+Africana|Consejo\s+de\s+Europa|Unión\s+Europea"
        ),
        "ru": (
            r"Всемирн\w+\s+ассамбле\w+\s+здравоохранения|Исполнительн\w+\s+совет\w*|"
            r"Генеральн\w+\s+конференци\w+|Конференци\w+|Комисси\w+|Комитет\w*|Подкомисси\w+|"
            r"Африканск\w+\s+союз\w*|Совет\w*\s+Европы|Европейск\w+\s+союз\w*"
        ),
        "ar": (
            r"جمعية\s+الصحة\s+العالمية|المجلس\s+التنفيذي|المؤتمر\s+العام|مؤتمر\s+الأطراف|"
            r"اللجنة|لجنة|المؤتمر|مؤتمر|الاتحاد\s+الأفريقي|الاتحاد\s+الأوروبي"
        ),
        "zh": (
            r"世界卫生大会|执行局|执行委员会|理事机构|大会各委员会|缔约方大会|缔约方会议|委员会|工作组|"
            r"小组委员会|非洲联盟|欧洲联盟|欧洲委员会|执行理事会"
        ),
    },
}

# Part letters of a multi-part resolution as each language writes them: "77/128 B".
# Russian texts sometimes type Cyrillic look-alikes (А, В, С, Е); Arabic spells the letters.
PART_LETTER: Final = {
    "en": r"[A-Z]",
    "fr": r"[A-Z]",
    "es": r"[A-Z]",
    "ru": r"[A-ZАВСЕКМНОРТХ]",
    "ar": r"[A-Z]|ألف|باء|جيم|دال|هاء|واو|زاي|حاء|طاء|ياء|كاف|لام",
    "zh": r"[A-Z]",
}
ARABIC_PART_LETTERS: Final = {
    "ألف": "A",
    "باء": "B",
    "جيم": "C",
    "دال": "D",
    "هاء": "E",
    "واو": "F",
    "زاي": "G",
    "حاء": "H",
    "طاء": "I",
    "ياء": "J",
    "كاف": "K",
    "لام": "L",
}
CYRILLIC_LOOKALIKES: Final = str.maketrans("АВСЕКМНОРТХ", "ABCEKMHOPTX")

# Meeting numbers: "3157th meeting", "4011e séance", "4011ª sesión", "4011-м заседании",
# "جلسته 4011", "第4011次会议". Group "n" is the meeting number.
MEETING: Final = {
    # A list is allowed ("the 1354th, 1355th and 1357th meetings"); OCR reads 1 as I or l
    # ("I851st", "63lst") and "th" as "1h" ("24491h"): see phrases.meeting_number.
    "en": r"\b(?P<list>(?:(?:\d|[IlO](?=[\dIlO]*\d))[\dIlO]{0,3}\s?(?:st|nd|rd|th|h)_?\s*(?:,\s*|\s+and\s+|\s+to\s+|\s+or\s+))*"
    r"(?:\d|[IlO](?=[\dIlO]*\d))[\dIlO]{0,3}\s?(?:st|nd|rd|th|h)?_?)\s+(?:\(\w+\)\s+|formal\s+)?meetings?\b",
    "fr": r"\b(?P<list>\d{1,4})\s?(?:e|è|ème|re)\s+séance\b",
    "es": r"\b(?P<list>\d{1,4})\s?[ªa]\.?\s+sesión\b",
    "ru": r"\b(?P<list>\d{1,4})\s?-?(?:м|й|е|го|ом)\s+заседани[иея]\b",
    "ar": r"(?:جلسته|جلستها|الجلسة|جلسة)\s+(?:رقم\s+)?(?P<list>\d{1,4})(?!\s*/)",
    "zh": r"第\s*(?P<list>\d(?:[ \t]?\d){0,3})\s*次(?:正式)?会议",  # "第 8 967 次会议"
}
# The noun every meeting phrase contains: the cheap anchor the search starts from.
MEETING_NOUN: Final = {
    "en": "meeting",
    "fr": "séance",
    "es": "sesión",
    "ru": "заседани",
    "ar": "جلس",
    "zh": "次",
}
# After a meeting number: "of the Commission" means it was not the speaker's (or the SC's).
MEETING_OF_OTHER: Final = {
    "en": r"\s+of\s+the\s+(?!Security\s+Council|Council\b)[A-Z]",
    "fr": r"\s+(?:de\s+la|du)\s+(?!Conseil\b)[A-Z]",
    "es": r"\s+(?:de\s+la|del)\s+(?!Consejo\b)[A-Z]",
    "ru": r"\s+(?!Совета\b)[А-Я][а-я]+\w*",
    "ar": r"\s+(?:لل|ل)(?!مجلس\s+الأمن)",
    "zh": r"(?!)",
}

# Headings of legislative-mandate lists: "General Assembly resolutions" followed by lines
# that start with a resolution number ("70/93 A  Questions relating to information").
MANDATE_HEADINGS: Final = {
    "en": r"(?P<organ>General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|Human\s+Rights\s+Council)\s+(?P<kind>resolutions|decisions)",
    "fr": r"(?P<kind>Résolutions|Décisions)\s+(?:de\s+l'|du\s+)(?P<organ>Assemblée\s+générale|Conseil\s+de\s+sécurité|Conseil\s+économique\s+et\s+social|Conseil\s+des\s+droits\s+de\s+l'homme)",
    "es": r"(?P<kind>Resoluciones|Decisiones)\s+(?:de\s+la\s+|del\s+)(?P<organ>Asamblea\s+General|Consejo\s+de\s+Seguridad|Consejo\s+Económico\s+y\s+Social|Consejo\s+de\s+Derechos\s+Humanos)",
    "ru": r"(?P<kind>Резолюции|Решения)\s+(?P<organ>Генеральной\s+Ассамблеи|Совета\s+Безопасности|Экономического\s+и\s+Социального\s+Совета|Совета\s+по\s+правам\s+человека)",
    "ar": r"(?P<kind>قرارات|مقررات)\s+(?P<organ>الجمعية\s+العامة|مجلس\s+الأمن|المجلس\s+الاقتصادي\s+والاجتماعي|مجلس\s+حقوق\s+الإنسان)",
    "zh": r"(?P<organ>大会|安全理事会|经济及社会理事会|人权理事会)(?P<kind>决议|决定)",
}
