"""Which organ a reference belongs to, read from the words right around it.

"Security Council resolution 1244 (1999)", "the General Assembly, in its resolution 35/219 A",
"la résolution 1244 (1999) du Conseil de sécurité", "人权理事会第33/11号决议". Only an organ
*adjacent* to the reference counts (separated by a few function words): "the Committee
established pursuant to resolution 661 (1990)" is not a Committee resolution.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from unlib.symbols.phrases import organ_alternation, organ_code

_WINDOW: Final = 120

# Words allowed between an organ and the reference for the organ to count as "adjacent".
_GAP_WORDS: Final = {
    "en": r"in|by|its|their|the|relevant|previous|earlier|subsequent|adopted|also|recent|"
    r"latest|most|has|have|had|and|at|with",
    "fr": r"dans|par|sa|ses|leur|leurs|la|les|pertinentes?|adoptée?s?|précédentes?|récentes?|"
    r"aussi|également|a|avait|à|en",
    "es": r"en|su|sus|por|la|las|pertinentes?|anteriores?|aprobad[ao]s?|también|ha|había|a",
    "ru": r"в|во|своей|своих|своем|своём|её|ее|его|их|принят\w*|соответствующ\w*|"
    r"предыдущ\w*|также|на|от",
    "ar": r"في|ب|وفي|على",
    "zh": r"在|于|通过了?|以|根据|的|依照|按照|关于|已|曾|还|也|并|又|其",
}
_ZH_DATE: Final = (
    r"\d{4}\s*年(?:\s*\d{1,2}\s*月份?(?:\s*\d{1,2}\s*日)?)?|\d{1,2}\s*月份?(?:\s*\d{1,2}\s*日)?"
)
# Chinese puts a resolution's title before its number: "人权理事会2022年3月31日题为“…”的第49/6号
# 决议", "其1970年10月24日载有《…》的第2625(XXV)号决议".
_ZH_TITLE: Final = r"(?:题为|载有|关于)\s*[“\"「《][^”\"」》\n]{0,150}[”\"」》]\s*的?"
# Between a reference list and an organ named after it: "… of the Security Council".
_AFTER: Final = {
    # Not "by the": "violations of resolution 1591 (2005) by the Government" names the violator.
    "en": r"\s*,?\s*of\s+the\s+",
    "fr": r"\s*,?\s*(?:de\s+l'|du\s+|de\s+la\s+|des\s+)",
    "es": r"\s*,?\s*(?:de\s+la\s+|del\s+)",
    "ru": r"\s*,?\s*",
    "ar": r"\s*،?\s*(?:الصادر\s+عن\s+|الذي\s+اتخذه\s+|التي\s+اتخذها\s+)?",
    "zh": r"(?!)",
}


# The rest of a body's name after the word we know: "Commission for Social Development",
# "Commission on the Status of Women", "Comisión de Desarrollo Social".
_TAIL_WORD: Final = (
    r"(?!(?:and|et|y|e|и|or|ou|o|la|las|le|les|el|los|sa|ses|su|sus|its|his|в|своей)\b)[\w'’-]+"
)
_NAME_TAIL: Final = {
    "en": r"(?:\s+(?:for|on|of|and|against)(?:\s+the)?\s+[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*)*",
    "fr": rf"(?:\s+(?:et\s+)?(?:du|de\s+la|de\s+l['’]|des|de|d['’]|pour|sur|contre|au\s+service\s+du)\s*{_TAIL_WORD}(?:\s+{_TAIL_WORD}){{0,2}}){{0,4}}",
    "es": rf"(?:\s+(?:y\s+)?(?:del|de\s+la|de\s+los|de|sobre|para|contra)\s+{_TAIL_WORD}(?:\s+(?:y\s+)?{_TAIL_WORD}){{0,2}}){{0,4}}",
    "ru": rf"(?:\s+(?:по|для|против)\s+{_TAIL_WORD}(?:\s+{_TAIL_WORD}){{0,3}})?",
    "ar": r"",
    "zh": r"",
}


@cache
def _before_re(lang: str) -> re.Pattern[str]:
    words = _GAP_WORDS[lang]
    if lang == "zh":
        gap = rf"(?:\s|{words}|{_ZH_DATE}|{_ZH_TITLE}|[,，])*"
    else:
        gap = rf"(?:(?:'s|’s)?\s*,?\s*(?:(?:{words})\b\s*,?\s*)*)"
    return re.compile(rf"(?:{organ_alternation(lang)}){_NAME_TAIL[lang]}{gap}$")


@cache
def _after_re(lang: str) -> re.Pattern[str]:
    return re.compile(rf"{_AFTER[lang]}(?:{organ_alternation(lang)})")


@cache
def _any_organ_re(lang: str) -> re.Pattern[str]:
    return re.compile(organ_alternation(lang))


def organ_before(view: str, position: int, lang: str, *, names: bool = True) -> str | None:
    """The organ named right before ``position`` ("Security Council resolution …"), if any.

    "other" when another body is named there, including one we have no name for: a proper
    name or acronym glued to the cue in mid-sentence ("… the Caribbean resolution 689 (XXXV)",
    "WHO resolution") is not a UN organ's.
    """
    start = max(0, position - _WINDOW)
    window = view[start:position]
    for match in _any_organ_re(lang).finditer(window):
        tail = _before_re(lang).match(window, match.start())
        if tail is not None:
            return organ_code(tail)
    return "other" if names and _foreign_name_before(window) else None


# A name (or acronym) right before the cue, itself preceded by a word or comma: mid-sentence.
_NAME_BEFORE: Final = re.compile(
    r"(?:[\w,'’)][ \t]+|[\w,)][ \t]*\n[ \t]*)(?P<name>[A-ZА-ЯЁ][\w'’.-]*)[ \t\n]+$"
)
# Capitalised words that may stand before "resolution" without naming another body.
_NOT_A_BODY: Final = frozenset(
    {
        "Nations",
        "Council",
        "Assembly",
        "Conseil",
        "Assemblée",
        "Consejo",
        "Asamblea",
        "Совета",
        "Ассамблеи",
        "UN",
        "UNGA",
        "UNSC",
        "GA",
        "SC",
        "ECOSOC",
        "HRC",
        "OP",
        "PP",
    }
)


def _foreign_name_before(window: str) -> bool:
    match = _NAME_BEFORE.search(window)
    if match is None or match.group("name") in _NOT_A_BODY:
        return False
    # In an all-capitals heading ("COMMITTEE ESTABLISHED BY RESOLUTION 661") capitals say nothing.
    before = window[max(0, match.start("name") - 40) : match.start("name")]
    return not (
        match.group("name").isupper()
        and before.upper() == before
        and any(c.isalpha() for c in before)
    )


def organ_after(view: str, position: int, lang: str) -> str | None:
    """The organ named right after a reference ("… du Conseil de sécurité"), if any."""
    match = _after_re(lang).match(view, position, min(len(view), position + _WINDOW))
    return organ_code(match) if match else None


def organ_nearby(view: str, position: int, lang: str) -> str | None:
    """The closest organ named in the same sentence before ``position`` (for meetings)."""
    start = max(0, position - _WINDOW)
    window = view[start:position]
    cut = max(window.rfind(". "), window.rfind("。"), window.rfind(";"), window.rfind("\n\n"))
    window = window[cut + 1 :]
    last: str | None = None
    for match in _any_organ_re(lang).finditer(window):
        last = organ_code(match)
    return last
