"""Member States on record: the use cases behind the country pages, the speech search page and
the vote shown on a resolution's record, with the flat tables their pages export.

Built on :mod:`unlib.services.votes` and :mod:`unlib.services.speeches`; the JSON of each
function is theirs (``country_record``, ``search_speeches``) with what a page adds beside it.
"""

from __future__ import annotations

from typing import Any

from unlib.services import speeches, votes
from unlib.services.votes import Table, VotesNotFound
from unlib.speeches.index import SpeechIndex
from unlib.store.base import CatalogueStore
from unlib.store.member_states import CountrySpeaking, CountryVoting, member_state_store
from unlib.store.speeches import speech_store
from unlib.store.votes import vote_store
from unlib.votes.countries import country_name
from unlib.votes.records import roll_call_line

_TALLY = ("yes", "no", "abstain", "non_voting")


# -- the country index ------------------------------------------------------------------------


def country_index(catalogue: CatalogueStore) -> dict[str, Any]:
    """Every country with votes or speeches: ``{"total", "countries": [{"code", "name",
    "standard_name", "roll_calls", "yes", "no", "abstain", "non_voting", "first_year",
    "last_year", "speeches"}]}``, by code."""
    store = member_state_store(catalogue)
    voting = {c.code: c for c in store.voting()}
    speaking = {c.code: c for c in store.speaking()}
    countries = [
        _index_row(catalogue, code, voting.get(code), speaking.get(code))
        for code in sorted(set(voting) | set(speaking))
    ]
    return {"total": len(countries), "countries": countries}


def _index_row(
    catalogue: CatalogueStore,
    code: str,
    voting: CountryVoting | None,
    speaking: CountrySpeaking | None,
) -> dict[str, Any]:
    standard = country_name(code)
    return {
        "code": code,
        "name": standard or _data_name(catalogue, code, speaking),
        "standard_name": standard,
        "roll_calls": voting.roll_calls if voting else 0,
        "yes": voting.yes if voting else 0,
        "no": voting.no if voting else 0,
        "abstain": voting.abstain if voting else 0,
        "non_voting": voting.non_voting if voting else 0,
        "first_year": voting.first_year if voting else None,
        "last_year": voting.last_year if voting else None,
        "speeches": speaking.speeches if speaking else 0,
    }


def _data_name(catalogue: CatalogueStore, code: str, speaking: CountrySpeaking | None) -> str:
    """The name the data gives a code no standard names (only looked up for those)."""
    names = vote_store(catalogue).country_names(code)
    if names:
        return names[0]
    return (speaking.name if speaking else None) or code


def countries_table(index: dict[str, Any]) -> Table:
    columns = ("code", "name", "roll_calls", *_TALLY, "first_year", "last_year", "speeches")
    return Table(columns, [tuple(c[name] for name in columns) for c in index["countries"]])


# -- a country's page -------------------------------------------------------------------------


def country_page(catalogue: CatalogueStore, code: str, other: str | None = None) -> dict[str, Any]:
    """:func:`unlib.services.votes.country_record` (also for a country that only spoke), with
    ``agreement`` (overall) and ``agreement_with`` (by year) when ``other`` is given — or
    ``agreement_error`` saying why not — and ``countries``: the codes it can be compared with."""
    found = votes.country_code(code)
    store = member_state_store(catalogue)
    codes = store.voting_codes()
    if found in codes:
        record = votes.country_record(catalogue, found)
    else:
        record = _speaker_record(catalogue, found)
    if other and other.strip():
        record.update(_comparison(catalogue, found, other))
    record["countries"] = [c for c in codes if c != found]
    return record


def country_record(
    catalogue: CatalogueStore, code: str, other: str | None = None
) -> dict[str, Any]:
    """:func:`unlib.services.votes.country_record`, or for a country that only spoke (the
    European Union) its speeches with no votes; ``other`` needs votes of both."""
    found = votes.country_code(code)
    if found in member_state_store(catalogue).voting_codes() or other:
        return votes.country_record(catalogue, found, other=other)
    return _speaker_record(catalogue, found)


def _speaker_record(catalogue: CatalogueStore, code: str) -> dict[str, Any]:
    """The record of a country that has speeches but no votes (the European Union)."""
    spoken = speech_store(catalogue).country_speeches(code)
    if not spoken:
        raise VotesNotFound(f"no votes or speeches of {code} in this library")
    return {
        "country": code,
        "name": spoken[0]["country_name"] or country_name(code) or code,
        "names": [],
        "standard_name": country_name(code),
        "roll_calls": 0,
        **dict.fromkeys(_TALLY, 0),
        "by_year": [],
        "votes": [],
        "speeches": spoken,
    }


def _comparison(catalogue: CatalogueStore, code: str, other: str) -> dict[str, Any]:
    try:
        overall = votes.agreement(catalogue, code, other)
        by_year = votes.agreement(catalogue, code, other, by_year=True)
    except VotesNotFound as error:
        return {"agreement_error": str(error)}
    return {"agreement": overall, "agreement_with": by_year}


def by_year_table(record: dict[str, Any]) -> Table:
    columns = ("year", "roll_calls", *_TALLY)
    return Table(columns, [tuple(y[name] for name in columns) for y in record["by_year"]])


def speeches_table(lines: list[dict[str, Any]]) -> Table:
    columns = ("id", "country", "country_name", "session", "year", "speaker", "post", "lang")
    return Table(columns, [tuple(s[name] for name in columns) for s in lines])


# -- speeches ---------------------------------------------------------------------------------


def speech_choices(catalogue: CatalogueStore) -> dict[str, Any]:
    """What a speech search can be narrowed to: ``{"countries": [{"code", "name",
    "speeches"}], "sessions": [{"session", "year", "speeches"}]}``."""
    store = member_state_store(catalogue)
    return {
        "countries": [
            {"code": c.code, "name": c.name or country_name(c.code), "speeches": c.speeches}
            for c in store.speaking()
        ],
        "sessions": [
            {"session": s.session, "year": s.year, "speeches": s.speeches} for s in store.sessions()
        ],
    }


def speech_search_page(
    catalogue: CatalogueStore,
    index: SpeechIndex,
    request: speeches.SpeechQuery,
    snippet_chars: int = 240,
) -> dict[str, Any]:
    """:func:`unlib.services.speeches.search_speeches` with the ``choices`` of its filters."""
    found = speeches.search_speeches(catalogue, index, request, snippet_chars)
    return {**found, "choices": speech_choices(catalogue)}


# -- the list of roll calls -------------------------------------------------------------------


def roll_call_page(
    catalogue: CatalogueStore, *, text: str | None = None, **filters: Any
) -> dict[str, Any]:
    """:func:`unlib.services.votes.list_roll_calls` (same filters, same JSON) narrowed to the
    roll calls whose symbol, title, description or agenda item holds every word of ``text``."""
    words = (text or "").split()
    if not words:
        return {**votes.list_roll_calls(catalogue, **filters), "text": None}
    total, rows = member_state_store(catalogue).roll_calls_with_words(
        _where(filters), words, filters.get("limit"), filters.get("offset", 0)
    )
    return {
        "total": total,
        "offset": filters.get("offset", 0),
        "limit": filters.get("limit"),
        "roll_calls": [roll_call_line(row) for row in rows],
        "text": " ".join(words),
    }


def _where(filters: dict[str, Any]) -> dict[str, Any]:
    """The columns :func:`unlib.services.votes.list_roll_calls` narrows on, read the same way."""
    where: dict[str, Any] = {}
    if filters.get("session"):
        where["session"] = str(filters["session"]).strip().upper()
    if filters.get("year") is not None:
        where["year"] = filters["year"]
    if filters.get("body"):
        body = str(filters["body"]).strip().upper()
        where["body"] = {"GA": "A", "SC": "S"}.get(body, body)
    return where


# -- the vote on a work -----------------------------------------------------------------------


def work_votes(catalogue: CatalogueStore, key: str) -> list[dict[str, Any]]:
    """The roll calls on the work with identity key ``key`` (or on its lettered parts), as
    list lines (``unlib votes list``); empty when none was recorded."""
    store = vote_store(catalogue)
    rows = store.roll_calls_on((key,)) or store.roll_calls_on_parts(key)
    return [roll_call_line(row) for row in rows]
