"""The REST API under ``/api/v1``: read-only over the library, plus the upload to ingest.

Every handler makes one call on the process's :class:`~unlib.services.library.Library` and
returns its JSON as it is (the shapes of the CLI's ``--json``); the response models in
:mod:`unlib.web.api_models` describe them in ``/api/v1/openapi.json``.
"""

from __future__ import annotations

from typing import Annotated, Any, Final, Literal
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import FileResponse, JSONResponse, Response

from unlib import __version__
from unlib.services.files import StoredFile
from unlib.services.search import SearchRequest
from unlib.settings import SETTINGS, Settings
from unlib.web import (
    api_ask,
    api_faq,
    api_ingest,
    api_sdg,
    api_speeches,
    api_subjects,
    api_symbols,
    api_vocab,
    api_votes,
)
from unlib.web.api_models import (
    BrowseValues,
    Health,
    SearchResponse,
    SettingRow,
    Stats,
    WorkRecord,
    WorksPage,
)
from unlib.web.deps import LibraryDep, SettingsDep
from unlib.web.problems import problem_responses

PREFIX: Final = "/api/v1"
OPENAPI_URL: Final = PREFIX + "/openapi.json"
MAX_PER_PAGE: Final = 100
SECRET_SETTINGS: Final = frozenset({"api_token"})
HIDDEN: Final = "********"

Language = Literal["ar", "zh", "en", "fr", "ru", "es"]
BrowseField = Literal["body", "session", "year", "type", "lang"]

router = APIRouter(prefix=PREFIX, responses=problem_responses(422, 500))
router.include_router(api_symbols.router)
router.include_router(api_ingest.router)
router.include_router(api_vocab.router)
router.include_router(api_votes.router)
router.include_router(api_speeches.router)
router.include_router(api_ask.router)
router.include_router(api_faq.router)
router.include_router(api_subjects.router)
router.include_router(api_sdg.router)


@router.get("", summary="What this API offers", tags=["service"])
async def index() -> dict[str, str]:
    return {"name": "unlib", "version": __version__, "openapi": OPENAPI_URL}


@router.get(
    "/search",
    response_model=SearchResponse,
    responses=problem_responses(400),
    summary="Search the library; results grouped by document",
    tags=["search"],
)
async def search(
    library: LibraryDep,
    q: Annotated[
        str,
        Query(
            max_length=1000,
            description='Words, "phrases", -excluded, OR, symbols, filters such as lang:zh.',
        ),
    ] = "",
    lang: Annotated[str | None, Query(max_length=50, description="ar zh en fr ru es")] = None,
    body: Annotated[str | None, Query(max_length=100, description="A, S, E, GA…")] = None,
    year: Annotated[str | None, Query(max_length=20, description="2023 or 2020..2023")] = None,
    doc_type: Annotated[
        str | None, Query(alias="type", max_length=50, description="resolution, report…")
    ] = None,
    page: Annotated[int, Query(ge=1, le=1000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 20,
    hl: Annotated[
        Language | None, Query(description="The reader's language: titles shown in it.")
    ] = None,
    sdg: Annotated[
        int | None,
        Query(ge=1, le=17, description="Only documents addressing this SDG (1–17)."),
    ] = None,
) -> Response:
    request = SearchRequest(q, lang, body, year, doc_type, page, per_page, reader_lang=hl, sdg=sdg)
    return JSONResponse(library.search(request))


@router.get(
    "/works",
    response_model=WorksPage,
    responses=problem_responses(400),
    summary="A page of works: all, or those with one value of a field",
    tags=["works"],
)
async def works(
    library: LibraryDep,
    field: BrowseField | None = None,
    value: Annotated[str | None, Query(max_length=200)] = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Response:
    if value is not None and field is None:
        raise HTTPException(400, "value needs field, e.g. ?field=year&value=2023")
    return JSONResponse(library.works(field, value, page, per_page))


@router.get(
    "/works/{symbol:path}",
    response_model=WorkRecord,
    responses=problem_responses(404),
    summary="One work by symbol (any spelling) or local id",
    description="With `lang`, also the passages of that language version (else the first "
    "version held, named by `text_lang`).",
    tags=["works"],
)
async def work(
    library: LibraryDep,
    symbol: Annotated[str, Path(min_length=1, max_length=300)],
    lang: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
) -> Response:
    record = library.record(symbol, lang) if lang else library.show(symbol)
    return JSONResponse(record)


@router.get(
    "/browse/{field}",
    response_model=BrowseValues,
    summary="The values of a field with the number of works for each",
    tags=["works"],
)
async def browse(library: LibraryDep, field: BrowseField) -> Response:
    return JSONResponse(library.browse(field))


@router.get("/stats", response_model=Stats, summary="What the library holds", tags=["service"])
async def stats(library: LibraryDep) -> Response:
    return JSONResponse(library.stats())


@router.get(
    "/files/{sha256}",
    response_class=FileResponse,
    responses={
        200: {
            "description": "The original file, as an attachment with its original name.",
            "content": {"*/*": {"schema": {"type": "string", "format": "binary"}}},
        },
        **problem_responses(404),
    },
    summary="An original file by its id (SHA-256)",
    tags=["works"],
)
async def original(
    library: LibraryDep,
    sha256: Annotated[str, Path(pattern=r"^[0-9a-fA-F]{64}$", description="64 hex digits.")],
) -> Response:
    return download_response(library.original(sha256))


@router.get(
    "/settings",
    response_model=list[SettingRow],
    summary="Every setting: value, default, environment variable (secrets hidden)",
    tags=["service"],
)
async def settings(current: SettingsDep) -> Response:
    return JSONResponse(settings_rows(current))


@router.get("/health", response_model=Health, summary="Is the service up?", tags=["service"])
async def health(library: LibraryDep) -> Response:
    page = library.works(page=1, per_page=1)
    return JSONResponse({"status": "ok", "version": __version__, "works": page["total"]})


# -- formatting helpers (pure) ----------------------------------------------------------------


def download_response(stored: StoredFile) -> FileResponse:
    """An original file as an attachment under its original name; it can never run as a
    page of this site (sandboxed, no sniffing), and never changes (content-addressed)."""
    return FileResponse(
        stored.path,
        media_type=stored.media_type,
        headers={
            "content-disposition": content_disposition(stored.name),
            "content-security-policy": "default-src 'none'; sandbox",
            "cache-control": "public, max-age=31536000, immutable",
        },
    )


def content_disposition(name: str) -> str:
    """``attachment`` with an ASCII fallback name and the exact name in RFC 5987 form."""
    fallback = "".join(ch if 32 <= ord(ch) < 127 and ch not in '"\\' else "_" for ch in name)
    fallback = fallback.strip() or "download"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def settings_rows(current: Settings) -> list[dict[str, Any]]:
    rows = []
    for setting in SETTINGS:
        value = current.values[setting.name]
        secret = setting.name in SECRET_SETTINGS
        rows.append(
            {
                "name": setting.name,
                "value": (HIDDEN if value else "") if secret else value,
                "default": setting.default,
                "env": setting.env,
                "help": setting.help,
                "secret": secret,
            }
        )
    return rows
