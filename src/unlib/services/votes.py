"""Voting records as use cases: import, a resolution's vote, a country's record, agreement
between two countries, the list of roll calls, and flat tables of each for CSV/JSON export.

Every function takes the catalogue and returns JSON-ready data; the interfaces only format it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unlib.store.base import CatalogueStore
from unlib.store.speeches import speech_store
from unlib.store.votes import RollCallRow, VoteStore, vote_store
from unlib.symbols import try_parse
from unlib.votes import agreement as scoring
from unlib.votes.countries import (
    EUROPEAN_UNION,
    alpha3_from_alpha2,
    alpha3_from_name,
    country_name,
    is_alpha3,
)
from unlib.votes.importer import import_votes as run_import
from unlib.votes.records import VOTE_NAMES, roll_call_line, roll_call_record
from unlib.votes.resolutions import read_resolution

_SOURCES = ("unvotes", "undl")


class VotesNotFound(LookupError):
    """No roll call, or no votes of a country, under what was asked."""


@dataclass(frozen=True, slots=True)
class Table:
    """A flat table for export: CSV text, or JSON rows (one object per row)."""

    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows(["" if v is None else v for v in row] for row in self.rows)
        return out.getvalue()

    def to_json(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


# -- import ---------------------------------------------------------------------------------


def import_votes(catalogue: CatalogueStore, paths: Iterable[Path]) -> dict[str, Any]:
    """Import official Library voting CSVs and/or unvotes files (folders are searched)."""
    return run_import(catalogue, paths).to_json()


# -- a resolution's vote --------------------------------------------------------------------


def roll_calls(catalogue: CatalogueStore, ref: str) -> list[dict[str, Any]]:
    """Every roll call on a resolution (any spelling of its symbol: ``R/60/251``,
    ``a/res/60/251``; parts ``R/61/128AB``) or with an id (``unvotes:4593``)."""
    store = vote_store(catalogue)
    rows = _find(store, ref.strip())
    if not rows:
        raise VotesNotFound(_not_found(ref))
    return [_record(store, row) for row in rows]


def show(catalogue: CatalogueStore, ref: str) -> dict[str, Any] | list[dict[str, Any]]:
    """One record when the symbol had one roll call, a list when it had several."""
    records = roll_calls(catalogue, ref)
    return records[0] if len(records) == 1 else records


def _find(store: VoteStore, ref: str) -> list[RollCallRow]:
    source, _, source_id = ref.partition(":")
    if source in _SOURCES and source_id:
        row = store.roll_call_by_source(source, source_id.strip())
        return [row] if row else []
    resolution = read_resolution(ref)
    if resolution is not None:
        found = store.roll_calls_on(resolution.keys)
        if found or len(resolution.keys) > 1:
            return found
        return store.roll_calls_on_parts(resolution.keys[0])
    symbol = try_parse(ref)
    return store.roll_calls_on((symbol.key,)) if symbol else []


def _record(store: VoteStore, row: RollCallRow) -> dict[str, Any]:
    return roll_call_record(row, store.votes(row.id), store.issues(row.id), store.links(row.id))


def _not_found(ref: str) -> str:
    if read_resolution(ref) is None and try_parse(ref) is None:
        return f"{ref!r} is neither a resolution symbol nor a roll call id (unvotes:4593)"
    return f"no recorded vote on {ref} in this library (try `unlib votes list`)"


def roll_call_table(records: Sequence[dict[str, Any]]) -> Table:
    """One row per country and roll call."""
    rows = [
        (r["id"], r["symbol"], r["date"], c["code"], c["name"], c["vote"])
        for r in records
        for c in r["countries"]
    ]
    return Table(("roll_call", "symbol", "date", "country", "name", "vote"), rows)


# -- countries and agreement ----------------------------------------------------------------


def country_code(text: str) -> str:
    """An alpha-3 code from an alpha-3 or alpha-2 code or a name ("usa", "US", "Namibia")."""
    text = text.strip()
    upper = text.upper()
    if upper == EUROPEAN_UNION:
        return upper
    found = (
        upper
        if is_alpha3(upper)
        else alpha3_from_alpha2(upper)
        if len(upper) == 2
        else alpha3_from_name(text)
    )
    if found is None:
        raise VotesNotFound(f"{text!r} is not a country code or name we know")
    return found


def agreement(
    catalogue: CatalogueStore, a: str, b: str, *, by_year: bool = False
) -> dict[str, Any] | list[dict[str, Any]]:
    """``{"a","b","agreement","roll_calls","method"}``; with ``by_year`` a list of
    ``{"a","b","year","agreement","roll_calls"}``, one per year with a counted roll call.
    See :mod:`unlib.votes.agreement` for how votes are scored."""
    store = vote_store(catalogue)
    code_a, code_b = (_voting_country(store, x) for x in (a, b))
    pairs = store.paired_votes(code_a, code_b)
    if by_year:
        return [
            {"a": code_a, "b": code_b, "year": year, **_score(result)}
            for year, result in scoring.by_year(pairs).items()
        ]
    overall = scoring.overall(pairs)
    return {"a": code_a, "b": code_b, **_score(overall), "method": scoring.METHOD}


def _score(result: scoring.Agreement) -> dict[str, Any]:
    return {"agreement": result.value, "roll_calls": result.roll_calls}


def _voting_country(store: VoteStore, text: str) -> str:
    code = country_code(text)
    if not store.country_names(code):
        raise VotesNotFound(f"no votes of {code} in this library")
    return code


def agreement_table(result: dict[str, Any] | list[dict[str, Any]]) -> Table:
    rows = result if isinstance(result, list) else [result]
    columns = ("a", "b", "year", "agreement", "roll_calls")
    return Table(columns, [tuple(row.get(c) for c in columns) for row in rows])


def country_record(
    catalogue: CatalogueStore, code: str, *, other: str | None = None
) -> dict[str, Any]:
    """A member state's votes over time (each vote, and a summary by year), its speeches,
    and — with ``other`` — its agreement with that country year by year."""
    store = vote_store(catalogue)
    found = _voting_country(store, code)
    votes = store.country_votes(found)
    record: dict[str, Any] = {
        "country": found,
        "name": store.country_names(found)[0],
        "names": store.country_names(found),
        "standard_name": country_name(found),
        "roll_calls": len(votes),
        **_tally(vote for _, vote in votes),
        "by_year": _by_year(votes),
        "votes": [{**roll_call_line(row), "vote": vote} for row, vote in votes],
        "speeches": speech_store(catalogue).country_speeches(found),
    }
    if other:
        record["agreement_with"] = agreement(catalogue, found, other, by_year=True)
    return record


def _tally(votes: Iterable[str]) -> dict[str, int]:
    counts = dict.fromkeys(VOTE_NAMES.values(), 0)
    for vote in votes:
        counts[VOTE_NAMES[vote]] += 1
    return counts


def _by_year(votes: list[tuple[RollCallRow, str]]) -> list[dict[str, Any]]:
    years: dict[int | None, list[str]] = {}
    for row, vote in votes:
        years.setdefault(row["year"], []).append(vote)
    return [
        {"year": year, "roll_calls": len(found), **_tally(found)}
        for year, found in sorted(years.items(), key=lambda item: item[0] or 0)
    ]


def country_votes_table(record: dict[str, Any]) -> Table:
    columns = ("id", "symbol", "date", "session", "kind", "title", "vote")
    return Table(columns, [tuple(v[c] for c in columns) for v in record["votes"]])


# -- lists ------------------------------------------------------------------------------------


def list_roll_calls(
    catalogue: CatalogueStore,
    *,
    session: str | None = None,
    year: int | None = None,
    body: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> dict[str, Any]:
    """Roll calls by date: ``{"total","offset","limit","roll_calls":[...]}``."""
    where: dict[str, Any] = {}
    if session:
        where["session"] = session.strip().upper()
    if year is not None:
        where["year"] = year
    if body:
        where["body"] = {"GA": "A", "SC": "S"}.get(body.strip().upper(), body.strip().upper())
    total, rows = vote_store(catalogue).roll_calls_page(where, limit, offset)
    return {
        "total": total,
        "offset": offset,
        "limit": limit,
        "roll_calls": [roll_call_line(row) for row in rows],
    }


def list_table(result: dict[str, Any]) -> Table:
    columns: tuple[str, ...] = ("id", "symbol", "date", "session", "body", "kind", "title")
    columns += ("yes", "no", "abstain", "non_voting", "adopted", "totals_mismatch")
    return Table(columns, [tuple(r[c] for c in columns) for r in result["roll_calls"]])


def overview(catalogue: CatalogueStore) -> dict[str, int]:
    """How many roll calls, votes and countries the library holds."""
    return vote_store(catalogue).counts()
