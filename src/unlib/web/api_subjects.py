"""``/api/v1/subjects``: UNBIS subject suggestions for a document or a text, a document's
stored subjects with their provenance, and librarians' decisions (token required).

Documents are named by the ``work`` query parameter (symbols hold slashes)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from unlib.services import subjects as service
from unlib.subjects.backend import MAX_LIMIT
from unlib.web.deps import LibraryDep, TokenDep
from unlib.web.problems import problem_responses

router = APIRouter(prefix="/subjects", tags=["subjects"])

Language = Literal["ar", "zh", "en", "fr", "ru", "es"]
Backend = Literal["ensemble", "learned", "lexical"]
Work = Annotated[
    str, Query(min_length=1, max_length=200, description="Symbol or local id: A/C.3/78/L.8")
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Suggestion(_Strict):
    uri: str = Field(description="UNBIS concept URI (metadata.un.org)")
    label: str = Field(description="Preferred label in the language asked (English pooled).")
    score: float = Field(description="0..1; a calibrated probability for the ensemble.")
    backend: str = Field(description="ensemble | learned | lexical")


class Assignment(_Strict):
    uri: str
    label: str
    status: str = Field(description="suggested | accepted | rejected")
    score: float | None = Field(description="The backend's latest score (null: never suggested)")
    backend: str | None
    model_version: str | None
    source: str = Field(description="Who set the status: backend | librarian")
    agent: str | None = Field(description="The librarian or client that decided")
    suggested_at: str | None
    decided_at: str | None


class Assignments(_Strict):
    work: str
    symbol: str | None
    lang: str
    subjects: list[Assignment]
    known: list[str] = Field(description="Concepts librarians gave it (MARC 650, accepted).")
    counts: dict[str, int]


class TextRequest(_Strict):
    text: str = Field(max_length=2_000_000)
    lang: Language
    limit: int = Field(default=service.DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    backend: Backend | None = None


class DecisionRequest(_Strict):
    work: str = Field(min_length=1, max_length=200)
    uri: str = Field(min_length=1, max_length=300)
    status: Literal["accepted", "rejected"]
    agent: str | None = Field(default=None, max_length=200)


class Decision(_Strict):
    work: str
    symbol: str | None
    uri: str
    label: str
    status: str
    score: float | None
    backend: str | None
    source: str
    agent: str | None
    decided_at: str | None


class Stored(_Strict):
    work: str
    new_suggestions: int


def _bad(error: service.SubjectsError) -> HTTPException:
    return HTTPException(400, str(error))


@router.get(
    "/suggest",
    response_model=list[Suggestion],
    responses=problem_responses(400, 404),
    summary="Ranked subject suggestions for a document (all language versions pooled)",
)
async def suggest(
    library: LibraryDep,
    work: Work,
    lang: Annotated[Language | None, Query(description="Only this language version.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = service.DEFAULT_LIMIT,
    backend: Backend | None = None,
) -> Response:
    try:
        rows = service.suggest_work(library, work, lang, limit, backend)
    except service.SubjectsError as error:
        raise _bad(error) from error
    return JSONResponse(rows)


@router.post(
    "/suggest-text",
    response_model=list[Suggestion],
    responses=problem_responses(400),
    summary="Ranked subject suggestions for a text (nothing is stored)",
)
async def suggest_text(library: LibraryDep, body: TextRequest) -> Response:
    try:
        rows = service.suggest_text(library, body.text, body.lang, body.limit, body.backend)
    except service.SubjectsError as error:
        raise _bad(error) from error
    return JSONResponse(rows)


@router.get(
    "",
    response_model=Assignments,
    responses=problem_responses(404),
    summary="A document's stored subjects: suggested, accepted, rejected, with provenance",
)
async def assignments(
    library: LibraryDep,
    work: Work,
    hl: Annotated[Language, Query(description="Language of the labels.")] = "en",
) -> Response:
    return JSONResponse(service.assignments(library, work, hl))


@router.post(
    "/suggestions",
    response_model=Stored,
    responses=problem_responses(400, 401, 404),
    dependencies=[TokenDep],
    summary="Suggest subjects for a document and store them as suggestions",
)
async def store(library: LibraryDep, work: Work) -> Response:
    found = library.resolve(work)
    try:
        new = service.store_suggestions(library, found)
    except service.SubjectsError as error:
        raise _bad(error) from error
    return JSONResponse({"work": found.key, "new_suggestions": new})


@router.post(
    "/decisions",
    response_model=Decision,
    responses=problem_responses(400, 401, 404),
    dependencies=[TokenDep],
    summary="Accept or reject a subject for a document (a librarian's decision)",
)
async def decide(library: LibraryDep, body: DecisionRequest) -> Response:
    try:
        row = service.decide(library, body.work, body.uri, body.status, body.agent)
    except service.SubjectsError as error:
        raise _bad(error) from error
    return JSONResponse(row)
