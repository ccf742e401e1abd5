"""``/api/v1/votes``, ``/api/v1/countries``, ``/api/v1/agreement``: recorded votes, Member
States' records and agreement between two of them — the JSON of ``unlib votes … --json``.

Every tabular answer is also CSV with ``?format=csv`` (the table of ``--format csv``): the
roll-call list, the votes of each country on a resolution, a country's votes, agreement, the
country index. Imported file paths are reduced to the file's name.
"""

from __future__ import annotations

from typing import Annotated, Any, Final, Literal

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import JSONResponse, Response

from unlib.services import member_states
from unlib.services import votes as service
from unlib.services.votes import Table, VotesNotFound
from unlib.web import views
from unlib.web.api_votes_models import (
    Agreement,
    AgreementYear,
    CountryIndex,
    CountryRecord,
    RollCall,
    RollCallList,
)
from unlib.web.deps import LibraryDep
from unlib.web.problems import problem_responses
from unlib.web.views_votes import without_server_paths

Format = Literal["json", "csv"]
FormatQuery = Annotated[
    Format, Query(alias="format", description="json (default) or csv: the same data as a table.")
]
CSV: Final[dict[int | str, dict[str, Any]]] = {
    200: {
        "description": "JSON, or with format=csv a CSV table (header row, UTF-8).",
        "content": {"text/csv": {"schema": {"type": "string"}}},
    }
}
CountryCode = Annotated[
    str, Path(min_length=2, max_length=100, description="ISO 3166 alpha-3 (or alpha-2, or name).")
]

router = APIRouter(tags=["votes"])


def csv_response(table: Table, name: str) -> Response:
    return Response(
        table.to_csv(),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": views.content_disposition(f"{name}.csv")},
    )


def not_found(error: LookupError) -> HTTPException:
    return HTTPException(404, str(error.args[0] if error.args else error))


@router.get(
    "/votes",
    response_model=RollCallList,
    responses={**CSV, **problem_responses(400)},
    summary="Roll calls by date, with their totals (unlib votes list)",
)
async def roll_call_list(
    library: LibraryDep,
    q: Annotated[
        str | None, Query(max_length=200, description="Words in the symbol, title or agenda.")
    ] = None,
    session: Annotated[str | None, Query(max_length=20, description="75, ES-10, S-26")] = None,
    year: Annotated[int | None, Query(ge=1900, le=2200)] = None,
    body: Literal["GA", "SC", "A", "S"] | None = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    fmt: FormatQuery = "json",
) -> Response:
    data = library.roll_call_page(
        text=q, session=session, year=year, body=body, limit=limit, offset=offset
    )
    return csv_response(service.list_table(data), "votes") if fmt == "csv" else JSONResponse(data)


@router.get(
    "/votes/{symbol:path}",
    response_model=RollCall | list[RollCall],
    responses={**CSV, **problem_responses(404)},
    summary="The recorded vote(s) on a resolution, any spelling of its symbol (unlib votes show)",
    description="One object when the resolution had one roll call, an array when several. "
    "A roll call id (`unvotes:4593`) gives that roll call.",
)
async def vote(
    library: LibraryDep,
    symbol: Annotated[str, Path(min_length=1, max_length=300)],
    fmt: FormatQuery = "json",
) -> Response:
    try:
        data = without_server_paths(library.votes_show(symbol))
    except VotesNotFound as error:
        raise not_found(error) from error
    if fmt == "csv":
        records = data if isinstance(data, list) else [data]
        return csv_response(service.roll_call_table(records), "votes")
    return JSONResponse(data)


@router.get(
    "/countries",
    response_model=CountryIndex,
    responses=CSV,
    summary="Every country with recorded votes or speeches",
)
async def countries(library: LibraryDep, fmt: FormatQuery = "json") -> Response:
    data = library.countries()
    if fmt == "csv":
        return csv_response(member_states.countries_table(data), "countries")
    return JSONResponse(data)


@router.get(
    "/countries/{code}",
    response_model=CountryRecord,
    responses={**CSV, **problem_responses(404)},
    summary="A country's votes over time, by year, and its speeches (unlib votes country)",
    description="With `with`, also its agreement with that country by year. As CSV: one row "
    "per roll call it voted on.",
)
async def country(
    library: LibraryDep,
    code: CountryCode,
    other: Annotated[
        str | None, Query(alias="with", max_length=100, description="Another country.")
    ] = None,
    fmt: FormatQuery = "json",
) -> Response:
    try:
        data = library.country_record(code, other=other or None)
    except VotesNotFound as error:
        raise not_found(error) from error
    if fmt == "csv":
        return csv_response(service.country_votes_table(data), f"votes-{data['country']}")
    return JSONResponse(data)


@router.get(
    "/agreement",
    response_model=Agreement | list[AgreementYear],
    responses={**CSV, **problem_responses(404)},
    summary="How often two countries voted alike (unlib votes agreement)",
    description="1 for the same vote, 0.5 when one abstained, 0 for yes against no; roll "
    "calls where either did not vote are left out. With `by_year`, one score per year.",
)
async def agreement(
    library: LibraryDep,
    a: Annotated[str, Query(min_length=2, max_length=100, description="A country.")],
    b: Annotated[str, Query(min_length=2, max_length=100, description="Another country.")],
    by_year: bool = False,
    fmt: FormatQuery = "json",
) -> Response:
    try:
        data = library.agreement(a, b, by_year=by_year)
    except VotesNotFound as error:
        raise not_found(error) from error
    if fmt == "csv":
        return csv_response(service.agreement_table(data), "agreement")
    return JSONResponse(data)
