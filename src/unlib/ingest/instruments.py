"""Founding instruments recognised by the way they speak of themselves.

The Charter's text carries no title line: it opens "WE THE PEOPLES OF THE UNITED NATIONS" and
calls itself "the present Charter" dozens of times. A treaty text is recognised by such
self-references (in its own language) and given its official title in that language; other
treaties are recognised as treaties by their final clause ("IN FAITH WHEREOF …") and numbered
articles, without a title of our invention.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Final

# A text must refer to itself this often before we call it the instrument: a resolution may
# quote "the present Charter" once or twice, the Charter does so more than fifty times.
_MIN_SELF_REFERENCES: Final = 8
_MIN_ARTICLES: Final = 5
# A treaty names itself throughout; its first part is evidence enough, and reading no more keeps
# the cost bounded on a large file.
_SAMPLE_CHARS: Final = 200_000


@dataclass(frozen=True, slots=True)
class Instrument:
    self_reference: dict[str, str]  # lang -> regex of "the present Charter"
    title: dict[str, str]  # lang -> official title
    # A regex that must also occur near the start, when the self-reference is common to many
    # instruments ("the present Statute" is said by several courts' statutes).
    requires: str | None = None


INSTRUMENTS: Final = (
    Instrument(
        self_reference={
            "en": r"\bpresent\s+Charter\b",
            "fr": r"\bprésente\s+Charte\b",
            "es": r"\bpresente\s+Carta\b",
            "ru": r"\bнастоящ\w+\s+Устав\w*",
            "ar": r"هذا\s+الميثاق",
            "zh": r"本宪章",
        },
        title={
            "en": "Charter of the United Nations",
            "fr": "Charte des Nations Unies",
            "es": "Carta de las Naciones Unidas",
            "ru": "Устав Организации Объединенных Наций",
            "ar": "ميثاق الأمم المتحدة",
            "zh": "联合国宪章",
        },
    ),
    Instrument(
        self_reference={
            "en": r"\bpresent\s+Statute\b",
            "fr": r"\bprésent\s+Statut\b",
            "es": r"\bpresente\s+Estatuto\b",
            "ru": r"\bнастоящ\w+\s+Статут\w*",
            "ar": r"هذا\s+النظام\s+الأساسي",
            "zh": r"本规约",
        },
        title={
            "en": "Statute of the International Court of Justice",
            "fr": "Statut de la Cour internationale de Justice",
            "es": "Estatuto de la Corte Internacional de Justicia",
            "ru": "Статут Международного Суда",
            "ar": "النظام الأساسي لمحكمة العدل الدولية",
            "zh": "国际法院规约",
        },
        requires=r"International\s+Court|Cour\s+internationale|Corte\s+Internacional"
        r"|Международн\w+\s+Суд|محكمة\s+العدل|国际法院",
    ),
)
INSTRUMENT_TITLES: Final = frozenset(t for i in INSTRUMENTS for t in i.title.values())
# The closing formula of a treaty and its numbered articles, per language.
_FINAL_CLAUSE: Final = re.compile(
    r"IN\s+(?:FAITH|WITNESS)\s+WHEREOF|EN\s+FOI\s+DE\s+QUOI|EN\s+FE\s+DE\s+LO\s+CUAL"
    r"|В\s+УДОСТОВЕРЕНИЕ\s+ЧЕГО|وإثباتا\s+لذلك|ومصادقا\s+لما\s+تقدم|为此[^。\n]{0,40}签字",
    re.IGNORECASE,
)
_ARTICLE_HEADING: Final = re.compile(
    r"^[ \t]*(?:Article|Artículo|Статья|المادة)\s+\d+[ \t]*$|^[ \t]*第[一二三四五六七八九十百]+条[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)


def instrument_title(text: str, lang: str) -> str | None:
    """The official title when ``text`` is one of the known founding instruments."""
    for instrument in INSTRUMENTS:
        pattern = instrument.self_reference.get(lang)
        if pattern is None:
            continue
        sample = text[:_SAMPLE_CHARS]
        if not _at_least(re.finditer(pattern, sample, re.IGNORECASE), _MIN_SELF_REFERENCES):
            continue
        if instrument.requires and not re.search(instrument.requires, sample, re.IGNORECASE):
            continue
        return instrument.title.get(lang)
    return None


def looks_like_treaty(text: str) -> bool:
    """A treaty's shape: numbered articles and the closing "IN FAITH WHEREOF" formula."""
    tail = text[-5_000:]
    if not _FINAL_CLAUSE.search(tail):
        return False
    return _at_least(_ARTICLE_HEADING.finditer(text[:_SAMPLE_CHARS]), _MIN_ARTICLES)


def _at_least(matches: Iterator[re.Match[str]], count: int) -> bool:
    """Whether there are ``count`` matches, reading no further than that."""
    return sum(1 for _ in islice(matches, count)) >= count
