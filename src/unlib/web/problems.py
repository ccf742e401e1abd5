"""Errors as RFC 9457 problem details for programs, as friendly pages for people.

A request gets JSON (``application/problem+json``) when its path is under ``/api/``, ends in
``.json``, or its ``Accept`` header prefers JSON to HTML; everything else gets the HTML error
page of :func:`unlib.web.pages.render_error`. No response ever carries a stack trace: an
unexpected error is logged on the server and answered with a plain 500.

Problem ``type`` URIs are ``urn:unlib:problem:<slug>``, one slug per kind of problem:
``not-found``, ``bad-request``, ``bad-query``, ``unauthorized``, ``forbidden``,
``method-not-allowed``, ``busy``, ``too-large``, ``unsupported-media-type``,
``invalid-parameters``, ``server-error`` and ``http-error`` for any other status.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from http import HTTPStatus
from typing import Any, Final

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

PROBLEM_JSON: Final = "application/problem+json"
TYPE_PREFIX: Final = "urn:unlib:problem:"
JSON_TYPES: Final = ("application/json", "application/problem+json")

# Headers every response carries; the middleware adds them too, but a 500 answered by
# Starlette's outermost error middleware never passes through it.
SECURITY_HEADERS: Final[Mapping[str, str]] = {
    "content-security-policy": (
        "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}

# RFC 9110's names where Python's table keeps older ones.
_TITLES: Final[Mapping[int, str]] = {413: "Content Too Large", 422: "Unprocessable Content"}

_SLUGS: Final[Mapping[int, str]] = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    409: "busy",
    413: "too-large",
    415: "unsupported-media-type",
    422: "invalid-parameters",
    500: "server-error",
}


class InvalidParam(BaseModel):
    """One request parameter that failed validation."""

    name: str = Field(description="The parameter or body field, e.g. `per_page`.")
    location: str = Field(description="Where it was: query, path, header, body.")
    message: str


class Problem(BaseModel):
    """An error (RFC 9457 problem details)."""

    type: str = Field(description="A URI naming the kind of problem: urn:unlib:problem:<slug>.")
    title: str = Field(description="Short summary of the kind of problem.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong with this request and what to do.")
    instance: str = Field(description="The path of the request.")
    errors: list[InvalidParam] | None = Field(
        default=None, description="For 422: each invalid parameter."
    )


def slug_for(status: int) -> str:
    return _SLUGS.get(status, "server-error" if status >= 500 else "http-error")


def status_title(status: int) -> str:
    if status in _TITLES:
        return _TITLES[status]
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def wants_json(request: Request) -> bool:
    """Whether the answer to ``request`` should be JSON rather than an HTML page."""
    path = request.url.path
    if path.startswith("/api/") or path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    if not accept:
        return False
    json_q = max(accept_quality(accept, media) for media in JSON_TYPES)
    return json_q > 0 and json_q > accept_quality(accept, "text/html")


def accept_quality(accept: str, media: str, *, exact_first: bool = False) -> float:
    """The q-value ``accept`` gives ``media`` (the most specific matching range wins); with
    ``exact_first`` a wildcard counts a little less, so an exact preference wins ties."""
    best_rank, best_q = -1, 0.0
    family = media.split("/")[0] + "/*"
    for item in accept.split(","):
        fields = [f.strip() for f in item.split(";")]
        rank = {media: 2, family: 1, "*/*": 0}.get(fields[0].lower(), -1)
        if rank <= best_rank:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        best_rank, best_q = rank, q - (0.001 * (2 - rank) if exact_first else 0.0)
    return max(best_q, 0.0)


def problem_response(
    request: Request,
    status: int,
    detail: str,
    *,
    title: str | None = None,
    slug: str | None = None,
    headers: Mapping[str, str] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Response:
    """The error answer for ``request``: problem details JSON or the HTML error page."""
    title = title or status_title(status)
    if wants_json(request):
        body: dict[str, Any] = {
            "type": TYPE_PREFIX + (slug or slug_for(status)),
            "title": title,
            "status": status,
            "detail": detail,
            "instance": request.url.path,
        }
        body.update(extra or {})
        response: Response = JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)
    else:
        response = _render_error(request, status, title, detail)
    for name, value in {**SECURITY_HEADERS, **(headers or {})}.items():
        response.headers.setdefault(name, value)
    return response


def _render_error(request: Request, status: int, title: str, detail: str) -> Response:
    from unlib.web.pages import render_error  # here: the pages import this module's users

    return render_error(request, status, title, detail)


# -- exception handlers -----------------------------------------------------------------------


def install_handlers(app: FastAPI) -> None:
    """Turn every error into :func:`problem_response` (never a stack trace)."""
    from unlib.search.query import QueryError
    from unlib.services.browse import BrowseError
    from unlib.services.files import FileNotHeld
    from unlib.services.library import NotFound
    from unlib.services.uploads import IngestBusy

    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(NotFound, _status_handler(404))
    app.add_exception_handler(FileNotHeld, _status_handler(404))
    app.add_exception_handler(BrowseError, _status_handler(400))
    app.add_exception_handler(QueryError, _bad_query)
    app.add_exception_handler(IngestBusy, _status_handler(409, "Ingest already running"))
    app.add_exception_handler(Exception, _server_error)


def _status_handler(
    status: int, title: str | None = None
) -> Callable[[Request, Exception], Awaitable[Response]]:
    async def handler(request: Request, exc: Exception) -> Response:
        return problem_response(request, status, str(exc), title=title)

    return handler


async def _bad_query(request: Request, exc: Exception) -> Response:
    return problem_response(
        request, 400, f"cannot read the query: {exc}", title="Bad query", slug="bad-query"
    )


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else ""
    if not detail or detail == status_title(exc.status_code):
        detail = _default_detail(request, exc)
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = _allowed(request)
    return problem_response(request, exc.status_code, detail, headers=headers)


def _default_detail(request: Request, exc: StarletteHTTPException) -> str:
    path = request.url.path
    if exc.status_code == 404:
        if path.startswith("/api/"):
            return f"no API endpoint at {path}: the endpoints are listed in /api/v1/openapi.json"
        return f"there is no page at {path}: search the library from the home page"
    if exc.status_code == 405:
        return f"{request.method} is not allowed on {path} (allowed: {_allowed(request)})"
    return status_title(exc.status_code)


def _allowed(request: Request) -> str:
    from unlib.web.middleware import allowed_methods

    return ", ".join(allowed_methods(request.scope))


async def _invalid_request(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [_invalid_param(error) for error in exc.errors()]
    detail = "; ".join(f"{e['name']}: {e['message']}" for e in errors) or "invalid request"
    return problem_response(
        request,
        422,
        f"invalid request — {detail}",
        title="Invalid parameters",
        extra={"errors": errors},
    )


def _invalid_param(error: Mapping[str, Any]) -> dict[str, str]:
    loc = [str(part) for part in error.get("loc", ())]
    location = loc[0] if loc else "request"
    name = ".".join(loc[1:]) or location
    return {"name": name, "location": location, "message": str(error.get("msg", "invalid"))}


async def _server_error(request: Request, exc: Exception) -> Response:
    # Starlette re-raises the exception after this answer, so the server logs its traceback.
    return problem_response(
        request,
        500,
        "the server met an unexpected error; it has been logged — please try again or "
        "report it to the library's administrators",
    )


# -- OpenAPI ----------------------------------------------------------------------------------


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries: each status answered with a :class:`Problem`."""
    content = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    return {
        status: {"description": status_title(status), "content": content} for status in statuses
    }


def add_problem_schemas(openapi: dict[str, Any]) -> dict[str, Any]:
    """Put :class:`Problem` (and what it refers to) into an OpenAPI document's components."""
    schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas = openapi.setdefault("components", {}).setdefault("schemas", {})
    schemas.update(schema.pop("$defs", {}))
    schemas["Problem"] = schema
    return openapi
