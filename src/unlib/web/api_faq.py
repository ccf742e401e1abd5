"""``/api/v1/faq``: the FAQ knowledge base — read freely; create, replace, delete and import
with the server's API token. Entries are JSON objects (see :mod:`unlib.faq.entries`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from unlib.faq.entries import FaqError
from unlib.services.faq import FaqNotFound
from unlib.web.api_ask import FaqAnswer, FaqLinkOut
from unlib.web.deps import LibraryDep, TokenDep
from unlib.web.problems import problem_responses

router = APIRouter(prefix="/faq", tags=["faq"])

Language = Literal["ar", "zh", "en", "fr", "ru", "es"]
Format = Literal["json", "csv"]
MAX_IMPORT_BYTES = 5_000_000


class FaqTextOut(BaseModel):
    question: str
    answer: str
    variants: list[str]


class FaqEntryOut(BaseModel):
    id: int | None
    key: str
    source_lang: str
    languages: list[str]
    views: int
    created_at: str
    updated_at: str
    url: str | None
    texts: dict[str, FaqTextOut] = Field(description="By language: question, answer, variants.")
    links: list[FaqLinkOut]
    shown: FaqAnswer = Field(description="The entry in the language asked for (else its own).")


class FaqSummary(FaqAnswer):
    updated_at: str


class FaqList(BaseModel):
    total: int
    lang: str | None
    entries: list[FaqSummary]


class FaqImport(BaseModel):
    added: int
    updated: int
    total: int


class FaqDeleted(BaseModel):
    deleted: int
    key: str


_ENTRY_EXAMPLE: dict[str, Any] = {
    "key": "security-council-size",
    "source_lang": "en",
    "texts": {
        "en": {
            "question": "How many members does the Security Council have?",
            "answer": "Fifteen: five permanent and ten elected members.",
            "variants": ["What is the size of the Security Council?"],
        }
    },
    "links": [{"kind": "search", "target": "Security Council composition", "label": ""}],
}
EntryBody = Annotated[dict[str, Any], Body(examples=[_ENTRY_EXAMPLE])]
Ref = Annotated[str, Path(min_length=1, max_length=80, description="Entry id or key.")]


@router.get("", response_model=FaqList, summary="Every FAQ entry, shown in one language")
async def list_entries(library: LibraryDep, lang: Language | None = None) -> Response:
    return JSONResponse(library.faq().list_entries(lang))


@router.get(
    "/export",
    summary="Every entry as a file (JSON or CSV), for backup or another library",
    responses={200: {"content": {"application/json": {}, "text/csv": {}}}},
)
async def export(library: LibraryDep, format: Format = "json") -> Response:
    text = library.faq().export_text(format)
    media = "text/csv; charset=utf-8" if format == "csv" else "application/json"
    disposition = f'attachment; filename="unlib-faq.{format}"'
    return Response(text, media_type=media, headers={"Content-Disposition": disposition})


@router.get(
    "/{ref}",
    response_model=FaqEntryOut,
    responses=problem_responses(404),
    summary="One entry in all its languages (counts a view unless count=false)",
)
async def get_entry(
    library: LibraryDep, ref: Ref, lang: Language | None = None, count: bool = True
) -> Response:
    try:
        return JSONResponse(library.faq().get(ref, lang, count_view=count))
    except FaqNotFound as error:
        raise HTTPException(404, str(error)) from error


@router.post(
    "",
    status_code=201,
    dependencies=[TokenDep],
    response_model=FaqEntryOut,
    responses=problem_responses(400, 401, 403),
    summary="Create an entry",
)
async def create(library: LibraryDep, entry: EntryBody) -> Response:
    try:
        return JSONResponse(library.faq().create(entry), status_code=201)
    except FaqError as error:
        raise HTTPException(400, str(error)) from error


@router.put(
    "/{ref}",
    dependencies=[TokenDep],
    response_model=FaqEntryOut,
    responses=problem_responses(400, 401, 403, 404),
    summary="Replace an entry's texts and links (its views are kept)",
)
async def replace(library: LibraryDep, ref: Ref, entry: EntryBody) -> Response:
    try:
        return JSONResponse(library.faq().update(ref, entry))
    except FaqNotFound as error:
        raise HTTPException(404, str(error)) from error
    except FaqError as error:
        raise HTTPException(400, str(error)) from error


@router.delete(
    "/{ref}",
    dependencies=[TokenDep],
    response_model=FaqDeleted,
    responses=problem_responses(401, 403, 404),
    summary="Delete an entry",
)
async def delete(library: LibraryDep, ref: Ref) -> Response:
    try:
        return JSONResponse(library.faq().delete(ref))
    except FaqNotFound as error:
        raise HTTPException(404, str(error)) from error


@router.post(
    "/import",
    dependencies=[TokenDep],
    response_model=FaqImport,
    responses=problem_responses(400, 401, 403, 413),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {}, "text/csv": {}},
        }
    },
    summary="Import entries from a JSON or CSV export; existing keys are replaced",
)
async def import_entries(
    library: LibraryDep,
    request: Request,
    format: Annotated[Format | None, Query(description="Default: from Content-Type.")] = None,
) -> Response:
    body = await request.body()
    if len(body) > MAX_IMPORT_BYTES:
        raise HTTPException(413, f"an FAQ file is at most {MAX_IMPORT_BYTES:,} bytes")
    chosen = format or ("csv" if "csv" in request.headers.get("content-type", "") else "json")
    try:
        text = body.decode("utf-8")
        return JSONResponse(library.faq().import_text(text, chosen))
    except UnicodeDecodeError as error:
        raise HTTPException(400, "the file is not UTF-8 text") from error
    except FaqError as error:
        raise HTTPException(400, str(error)) from error
