"""Pure helpers that turn the service's JSON-ready dicts into what templates show.

Nothing here does I/O: every function takes plain data (and the reader's language) and
returns plain data or :class:`markupsafe.Markup` built from escaped fragments.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape

from unlib.web.i18n import gettext, language_name, organ_name


def N_(message: str) -> str:
    """Mark a string for translation; it is translated where it is shown."""
    return message


DOC_TYPE_LABELS: Final = {
    "resolution": N_("Resolution"),
    "decision": N_("Decision"),
    "draft": N_("Draft"),
    "meeting": N_("Meeting record"),
    "statement": N_("Presidential statement"),
    "report": N_("Report"),
    "letter": N_("Letter"),
    "note": N_("Note"),
    "agenda": N_("Agenda"),
    "information": N_("Information document"),
    "publication": N_("Publication"),
    "treaty": N_("Treaty"),
    "document": N_("Document"),
}
FIELD_LABELS: Final = {
    "body": N_("Body"),
    "session": N_("Session"),
    "year": N_("Year"),
    "type": N_("Document type"),
    "lang": N_("Language"),
    "sdg": N_("Sustainable Development Goal"),
}
FIELD_HINTS: Final = {
    "body": N_(
        "The General Assembly, the Security Council and the other bodies that issue documents"
    ),
    "session": N_(
        "Sessions of the General Assembly and other bodies; years for the Security Council"
    ),
    "year": N_("The year each document was issued or adopted"),
    "type": N_("Resolutions, decisions, reports, letters, meeting records and more"),
    "lang": N_("Versions in Arabic, Chinese, English, French, Russian and Spanish"),
}
BY_FIELD: Final = {
    "body": N_("Documents by body"),
    "session": N_("Documents by session"),
    "year": N_("Documents by year"),
    "type": N_("Documents by type"),
    "lang": N_("Documents by language"),
}
# What the search service says in English, and how we say it in six languages.
_SERVICE_TEXTS: Final = (
    (
        re.compile(r"remove the filters .*"),
        N_("Remove the filters (language, body, year, type) to search everything."),
    ),
    (
        re.compile(r"drop the quotation marks .*"),
        N_("Drop the quotation marks to match the words anywhere in a passage."),
    ),
    (
        re.compile(r"the library may not hold that document yet.*"),
        N_("The library may not hold that document yet."),
    ),
    (
        re.compile(r"check the spelling, .*"),
        N_("Check the spelling, or try the words in another of the six languages."),
    ),
    (
        re.compile(r"the quote opened at position (?P<pos>\d+) was never closed.*"),
        N_("The quotation mark at position %(pos)s was never closed; we closed it for you."),
    ),
    (re.compile(r'"OR" at the end .*'), N_('"OR" at the end of the query was ignored.')),
    (
        re.compile(r'"OR" at position (?P<pos>\d+) has nothing before it'),
        N_('"OR" at position %(pos)s has nothing before it and was ignored.'),
    ),
    (re.compile(r'"OR" before .*'), N_('An "OR" next to a filter or an exclusion was ignored.')),
)
_CLI_HINT: Final = re.compile(r"\s*\((?:try|use) `[^`]*`[^)]*\)")


# -- URLs -----------------------------------------------------------------------------------


def quote_ref(ref: str) -> str:
    """A symbol or local id as a URL path (slashes kept: ``/record/A/RES/73/3``)."""
    return quote(ref, safe="/:()")


def record_url(ref: str, lang: str | None = None, anchor: str | None = None) -> str:
    url = "/record/" + quote_ref(ref)
    if lang:
        url += "?" + urlencode({"lang": lang})
    if anchor:
        url += "#" + quote(anchor, safe="")
    return url


def query_url(path: str, params: Mapping[str, Any]) -> str:
    """``path`` with the non-empty ``params`` as a query string."""
    kept = {k: v for k, v in params.items() if v not in (None, "") and not (k == "page" and v == 1)}
    return path + ("?" + urlencode(kept) if kept else "")


def with_param(path: str, params: Iterable[tuple[str, str]], name: str, value: str) -> str:
    """The current URL with one query parameter set (the interface language switcher)."""
    kept = [(k, v) for k, v in params if k != name] + [(name, value)]
    return path + "?" + urlencode(kept)


# -- text -----------------------------------------------------------------------------------


def highlight(text: str, spans: Sequence[Sequence[int]]) -> Markup:
    """``text`` escaped, with each ``[start, end)`` span wrapped in ``<mark>``."""
    out: list[str] = []
    cursor = 0
    for start, end in sorted((int(s), int(e)) for s, e in spans):
        start, end = max(start, cursor), min(end, len(text))
        if start >= end:
            continue
        out.append(str(escape(text[cursor:start])))
        out.append("<mark>" + str(escape(text[start:end])) + "</mark>")
        cursor = end
    out.append(str(escape(text[cursor:])))
    return Markup("".join(out))


def split_label(para: str | None, text: str) -> tuple[str | None, str]:
    """The printed paragraph label and the rest: ``("1.", "Reaffirm…")`` for ``1. Reaffirm…``.

    Labels the text does not print (``PP3``) are returned as they are, the text untouched.
    """
    if not para:
        return None, text
    found = re.match(r"[\s\-–•]*" + re.escape(para) + r"(?P<sep>[.、．)\s]|$)", text)
    if not found:
        return para, text
    return para + found.group("sep").strip(), text[found.end() :].lstrip()


def service_text(lang: str, text: str) -> str:
    """A message of the search service in the reader's language (as it came when unknown)."""
    for pattern, message in _SERVICE_TEXTS:
        found = pattern.fullmatch(text)
        if found:
            translated = gettext(lang, message)
            return translated % found.groupdict() if found.groupdict() else translated
    return text


def content_disposition(name: str) -> str:
    """``attachment`` with the original file name, in ASCII and in UTF-8 (RFC 6266)."""
    fallback = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "_" for c in name)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def error_detail(detail: str) -> str:
    """A service error message for a web page: command-line hints dropped, capitalised."""
    cleaned = _CLI_HINT.sub("", detail).replace("`", "").strip()
    return cleaned[:1].upper() + cleaned[1:]


# -- labels ---------------------------------------------------------------------------------


def doc_type_label(lang: str, doc_type: str | None) -> str:
    if not doc_type:
        return ""
    return gettext(lang, DOC_TYPE_LABELS.get(doc_type, doc_type))


def by_field_title(lang: str, field: str) -> str:
    """The heading of a breakdown of the library by ``field`` ("Documents by body")."""
    return gettext(lang, BY_FIELD.get(field, field))


def value_label(lang: str, field: str, value: str | None) -> str:
    """A facet or browse value as the reader reads it (language, body and type named)."""
    if value is None:
        return ""
    if field == "lang":
        return language_name(lang, value)
    if field == "body":
        return organ_name(lang, value)
    if field == "type":
        return doc_type_label(lang, value)
    if field == "sdg":
        return gettext(lang, N_("SDG %(goal)s")) % {"goal": value}
    return value


def title_in(titles: Mapping[str, str | None], prefer: Sequence[str | None]) -> tuple[str, str]:
    """The first title held in the ``prefer`` languages (else any), with its language."""
    for lang in (*prefer, *titles):
        if lang and titles.get(lang):
            return str(titles[lang]), lang
    return "", ""


# -- paging ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageLink:
    number: int | None  # None: a gap ("…")
    url: str = ""
    current: bool = False


def page_count(total: int, per_page: int) -> int:
    return max(1, math.ceil(total / max(1, per_page)))


def page_links(page: int, pages: int, url_for: Any, window: int = 2) -> list[PageLink]:
    """Links to the first, last and nearby pages, with gaps between."""
    wanted = {1, pages, *range(max(1, page - window), min(pages, page + window) + 1)}
    links: list[PageLink] = []
    previous = 0
    for number in sorted(wanted):
        if number - previous > 1:
            links.append(PageLink(None))
        links.append(PageLink(number, url_for(number), number == page))
        previous = number
    return links


def to_int(value: str | None, default: int, low: int = 1, high: int = 10_000) -> int:
    """A page number from a URL: anything unreadable is the default, the rest clamped."""
    try:
        number = int(value) if value is not None else default
    except ValueError:
        return default
    return min(max(number, low), high)
