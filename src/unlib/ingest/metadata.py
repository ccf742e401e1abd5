"""Bibliographic metadata read from a document's own text, in the six official languages.

``extract_metadata`` is the one entry point the ingest pipeline calls. It reads the document
*head* (first page, a few thousand characters) for the cover facts — organ, session, agenda
items, issue date, title — and the *end* for the adoption note. Cost: a few milliseconds per
document, plus one regex pass over the whole text only when a resolution's adoption note is not
near its end. What the text does not say stays ``None``: nothing is guessed from thin air.

Precedence, strongest evidence first:

- body: the own symbol's first component, else an organ named on the cover or in the preamble,
  else the organ named in the adoption phrase;
- session: the cover's session line, else the resolution number ("73/3." -> 73), else the own
  symbol; for the Security Council the year;
- date: the date under "Distr.: General" (or bracketed alone on a line), else the adoption date,
  else a reissue note's date, else a letter's own date ("Letter dated 5 July 2024 …"), else a
  date standing alone on a cover line (never a period such as a session's "24 April–4 May 2023",
  never a date inside a sentence).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from unlib.ingest.adoption import Adoption, find_adoption
from unlib.ingest.cover import (
    agenda_items,
    body_from_cover,
    cover_zone,
    dated_line,
    document_head,
    issue_date,
    reissue_date,
    session_from_cover,
)
from unlib.ingest.cover_terms import top_level
from unlib.ingest.title_blocks import letter_date
from unlib.ingest.titles import (
    find_title,
    resolution_heading_session,
    security_council_heading,
)
from unlib.model import DocMetadata, OwnSymbol
from unlib.symbols import try_parse

# General Assembly plenary records carry the session in their symbol from the 31st session
# (1976, A/31/PV.1) on; before that they were numbered in one series (A/PV.1000).
_FIRST_SESSION_WITH_PV_SERIES: Final = 31
_YEAR: Final = re.compile(r"^\d{4}$")
_RES_OR_DEC: Final = re.compile(r"/(?:RES|DEC)/")


def extract_metadata(
    text: str,
    lang: str,
    *,
    pages: list[tuple[int, int]] | None = None,
    own: OwnSymbol | None = None,
    embedded_title: str | None = None,
    filename: str | None = None,
) -> DocMetadata:
    """Read title, dates, organ, session, agenda items and adopting meeting from ``text``.

    ``lang`` is the document's language ("ar", "zh", "en", "fr", "ru", "es"); ``pages`` the
    page offsets when the format has pages; ``own`` the document's own symbol when known;
    ``embedded_title`` the title in the file's properties; ``filename`` the original file name
    (an embedded title that merely repeats it is ignored).
    """
    head = document_head(text, pages)
    zone = cover_zone(head)
    adoption = find_adoption(head, text, lang, resolution_like=_resolution_like(own, head))
    body = _body(own, head, lang, adoption)
    adopted = adoption.date
    title = find_title(
        head, zone, text, lang, own=own, embedded_title=_unless_filename(embedded_title, filename)
    )
    date = (
        issue_date(head, lang)
        or adopted
        or reissue_date(head, lang)
        or letter_date(title, lang)
        or dated_line(zone, lang)
    )
    session = _session(own, head, zone, lang, body, adopted or date)
    return DocMetadata(
        title=title,
        date=date,
        adopted=adopted,
        body=body,
        session=session,
        agenda_items=agenda_items(zone, lang),
        meeting=_meeting_symbol(adoption, own, body, session),
    )


def _resolution_like(own: OwnSymbol | None, head: str) -> bool:
    """A resolution or decision by its symbol or its heading ("73/3.", "Resolution 600 (1987)")."""
    if own is not None and _RES_OR_DEC.search(own.symbol):
        return True
    return bool(resolution_heading_session(head) or security_council_heading(head))


def _body(own: OwnSymbol | None, head: str, lang: str, adoption: Adoption) -> str | None:
    if own is not None:
        return own.symbol.split("/", 1)[0]
    named = body_from_cover(head, lang) or top_level(adoption.organ)
    if named:
        return named
    return "S" if security_council_heading(head) else None


def _session(
    own: OwnSymbol | None, head: str, zone: str, lang: str, body: str | None, dated: str | None
) -> str | None:
    symbol_session = _session_from_symbol(own)
    if body == "S":
        # The Security Council has no numbered sessions: its documents are filed by year.
        if symbol_session and _YEAR.match(symbol_session):
            return symbol_session
        return dated[:4] if dated else None
    from_cover = session_from_cover(zone, lang)
    if from_cover:
        return from_cover
    from_heading = resolution_heading_session(head)
    if from_heading and body in (None, "A", "E"):
        return from_heading
    return symbol_session


def _session_from_symbol(own: OwnSymbol | None) -> str | None:
    """The session (or year) the own symbol states for its organ, not a subsidiary's year.

    A/73/…, A/C.3/78/…, A/HRC/52/… -> the session; S/2023/…, E/2023/… -> the year; a
    subsidiary body's year (A/AC.198/2023/4) is not a session and gives nothing.
    """
    symbol = try_parse(own.symbol) if own else None
    if symbol is None or symbol.session_or_year is None:
        return None
    value = symbol.session_or_year
    if _YEAR.match(value):
        return value if not symbol.subsidiary and symbol.body in ("S", "E") else None
    return value if symbol.body == "A" else None


def _meeting_symbol(
    adoption: Adoption, own: OwnSymbol | None, body: str | None, session: str | None
) -> str | None:
    """The meeting record that adopted the text: S/PV.2754, A/73/PV.18, A/ES-10/PV.5."""
    if adoption.meeting is None:
        return None
    # Only the Council's and the Assembly's plenary records are numbered this way: a meeting
    # of a subsidiary organ (the Human Rights Council, A/HRC/…) is not an Assembly plenary.
    organ = adoption.organ or body
    if organ == "S":
        return f"S/PV.{adoption.meeting}"
    if organ != "A" or not adoption.plenary or session is None or _subsidiary(own):
        return None
    if session.isdigit() and int(session) < _FIRST_SESSION_WITH_PV_SERIES:
        return f"A/PV.{adoption.meeting}"
    return f"A/{session}/PV.{adoption.meeting}"


def _subsidiary(own: OwnSymbol | None) -> bool:
    symbol = try_parse(own.symbol) if own else None
    return bool(symbol and symbol.subsidiary)


def _unless_filename(title: str | None, filename: str | None) -> str | None:
    """An embedded title equal to the file's own name says nothing."""
    if title and filename and title.strip().lower() == Path(filename).stem.lower():
        return None
    return title
