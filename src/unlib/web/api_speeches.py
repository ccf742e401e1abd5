"""``/api/v1/speeches``: General Debate speeches — search with filters and snippets, and one
speech with its numbered paragraphs (the JSON of ``unlib speeches … --json``).

The search is also CSV with ``?format=csv`` (one row per speech found, with its snippet).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import JSONResponse, Response

from unlib.services import speeches as service
from unlib.services.speeches import SpeechNotFound, SpeechQuery
from unlib.services.votes import VotesNotFound
from unlib.speeches.index import SpeechIndexError
from unlib.web.api_votes import CSV, FormatQuery, csv_response, not_found
from unlib.web.api_votes_models import SpeechRecord, SpeechSearch
from unlib.web.deps import LibraryDep
from unlib.web.problems import problem_responses
from unlib.web.views_votes import without_server_paths

router = APIRouter(tags=["speeches"])


@router.get(
    "/speeches",
    response_model=SpeechSearch,
    responses={**CSV, **problem_responses(400, 503)},
    summary="Search General Debate speeches (unlib speeches search)",
    description='Words as in the document search ("phrases", -excluded, OR), narrowed by '
    "country, session, year and speaker. Without words: the speeches the filters select, "
    "newest first. Each result has a snippet of its best paragraph with highlight offsets.",
)
async def speech_search(
    library: LibraryDep,
    q: Annotated[str, Query(max_length=1000, description="Words to find.")] = "",
    country: Annotated[
        str | None, Query(max_length=100, description="ISO 3166 alpha-3 (or alpha-2, or name).")
    ] = None,
    session: Annotated[int | None, Query(ge=1, le=999, description="Session, e.g. 75.")] = None,
    year: Annotated[int | None, Query(ge=1945, le=2200)] = None,
    speaker: Annotated[
        str | None, Query(max_length=200, description="Part of the speaker's name.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 10,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
    fmt: FormatQuery = "json",
) -> Response:
    query = SpeechQuery(
        q,
        country=country or None,
        session=session,
        year=year,
        speaker=speaker or None,
        limit=limit,
        offset=offset,
    )
    try:
        data = library.speech_search(query)
    except VotesNotFound as error:  # a country we cannot read
        raise HTTPException(400, str(error)) from error
    except SpeechIndexError as error:
        raise HTTPException(503, str(error)) from error
    if fmt == "csv":
        return csv_response(service.search_table(data), "speeches")
    return JSONResponse(data)


@router.get(
    "/speeches/{speech_id}",
    response_model=SpeechRecord,
    responses=problem_responses(404),
    summary="One speech with its numbered paragraphs (unlib speeches show)",
)
async def speech(
    library: LibraryDep,
    speech_id: Annotated[
        str, Path(min_length=1, max_length=100, description="COUNTRY_SESSION_YEAR: USA_75_2020.")
    ],
) -> Response:
    try:
        return JSONResponse(without_server_paths(library.speech(speech_id)))
    except SpeechNotFound as error:
        raise not_found(error) from error
