"""The web application: REST API, pages, static files, middleware and error handling.

One :class:`Library` per process (``app.state.library``), opened at startup (or on first use
when no lifespan runs) and closed at shutdown; uvicorn runs several such processes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, Final

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles
from starlette.middleware import Middleware

from unlib import __version__
from unlib.services.library import Library
from unlib.settings import Settings, load_settings
from unlib.web import api, pages
from unlib.web.cache import PageCache
from unlib.web.middleware import BodyLimit, Compress, HeadAndOptions, SecurityHeaders
from unlib.web.problems import add_problem_schemas, install_handlers

# Requests other than uploads carry at most this much (JSON for the symbol endpoints).
DEFAULT_BODY_LIMIT: Final = 1_000_000
UPLOAD_PATH: Final = api.PREFIX + "/ingest"
# Original files are served as they are stored: compressing PDFs again gains nothing.
UNCOMPRESSED: Final = (api.PREFIX + "/files/", "/files/")

DESCRIPTION: Final = (
    "Search and read United Nations documents held by this library: works by symbol in any "
    "spelling, their language versions, citations, original files. Read-only, except "
    "`POST /api/v1/ingest` (Bearer token). Errors are RFC 9457 problem details."
)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application over the library of ``settings`` (default: environment and unlib.toml)."""
    settings = settings if settings is not None else load_settings()
    app = FastAPI(
        title="unlib",
        version=__version__,
        description=DESCRIPTION,
        openapi_url=api.OPENAPI_URL,
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(HeadAndOptions),
            Middleware(Compress, uncompressed_prefixes=UNCOMPRESSED),
            Middleware(BodyLimit, limit_for=body_limit_for(settings)),
            Middleware(PageCache, generation=_catalogue_generation),
        ],
    )
    app.state.settings = settings
    app.state.library = None
    install_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=pages.STATIC_DIR), name="static")
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _catalogue_generation(scope: Any) -> int:
    """The catalogue's generation, for :class:`PageCache` (opens the library if needed)."""
    from unlib.web.deps import library_of

    return library_of(scope["app"]).generation()


def body_limit_for(settings: Settings) -> Callable[[str], int]:
    """Bytes a request body may hold: ``max_upload_mb`` for an upload (files and multipart
    framing together), :data:`DEFAULT_BODY_LIMIT` for anything else."""
    upload = int(settings.max_upload_mb * 1_000_000)

    def limit_for(path: str) -> int:
        return upload if path.rstrip("/") == UPLOAD_PATH else DEFAULT_BODY_LIMIT

    return limit_for


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    from unlib.text.analysis import warm_up

    warm_up()  # jieba's dictionary (≈1 s) now, not during the first Chinese query
    if app.state.library is None:
        app.state.library = Library(app.state.settings, create=True)
    if app.state.settings.warm_up:
        app.state.library.warm_up()
    try:
        yield
    finally:
        library, app.state.library = app.state.library, None
        if library is not None:
            library.close()


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The API's OpenAPI document, with the problem details schema (the pages are not in it:
    their router is excluded from the schema)."""
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        app.openapi_schema = add_problem_schemas(schema)
    return app.openapi_schema
