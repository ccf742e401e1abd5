"""ASGI middleware: security headers, request body limits, HEAD and OPTIONS, compression.

Each is a plain ASGI class (no ``BaseHTTPMiddleware``: it would buffer streamed responses and
cost a task per request).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

from fastapi.routing import iter_route_contexts
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from unlib.web.problems import SECURITY_HEADERS, problem_response

# Responses smaller than this are not worth compressing.
GZIP_MIN_BYTES: Final = 800
# zlib's default level: nearly the size of level 9 (Starlette's default) for less CPU.
GZIP_LEVEL: Final = 6


class SecurityHeaders:
    """Adds :data:`~unlib.web.problems.SECURITY_HEADERS` to every response lacking them."""

    def __init__(self, app: ASGIApp, headers: Mapping[str, str] = SECURITY_HEADERS) -> None:
        self.app = app
        self.headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = list(message.get("headers", []))
                present = {name.lower() for name, _ in raw}
                raw += [(k, v) for k, v in self.headers if k not in present]
                message = {**message, "headers": raw}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLarge(HTTPException):
    """The request body is over its limit (raised while it is being read)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, body_limit_detail(limit))


def body_limit_detail(limit: int) -> str:
    amount = f"{limit / 1_000_000:g} MB" if limit >= 1_000_000 else f"{limit / 1000:g} kB"
    return f"the request body is larger than this endpoint accepts ({amount})"


class BodyLimit:
    """Refuses request bodies over ``limit_for(path)`` bytes with 413.

    A declared ``Content-Length`` over the limit is refused before anything is read; a body
    streamed without one is counted as it arrives and refused as soon as it passes the limit
    (:class:`BodyTooLarge`, which the route's error handling turns into a 413 problem).
    """

    def __init__(self, app: ASGIApp, limit_for: Callable[[str], int]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            response = problem_response(Request(scope), 413, body_limit_detail(limit))
            response.headers["connection"] = "close"
            await response(scope, receive, send)
            return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except BodyTooLarge as error:
            if started:
                raise
            response = problem_response(Request(scope), 413, str(error.detail))
            await response(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    value = Headers(scope=scope).get("content-length")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class HeadAndOptions:
    """HEAD is answered as GET without the body; OPTIONS lists the methods a path allows."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = scope.get("method")
        if scope["type"] != "http" or method not in ("HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        if method == "OPTIONS":
            await self._options(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)

    async def _options(self, scope: Scope, receive: Receive, send: Send) -> None:
        allowed = allowed_methods(scope)
        if not allowed:
            response = problem_response(Request(scope), 404, f"nothing at {scope['path']}")
        else:
            response = Response(status_code=204, headers={"allow": ", ".join(allowed)})
        await response(scope, receive, send)


def allowed_methods(scope: Scope) -> list[str]:
    """The methods the application's routes accept at the path of ``scope``."""
    methods: set[str] = set()
    for route in iter_route_contexts(scope["app"].routes):
        path = route.path or ""
        if isinstance(route.original_route, Mount):
            path = path.rstrip("/") + "/{path:path}"
        if path and compile_path(path)[0].match(scope["path"]):
            methods |= set(route.methods or {"GET"})
    if "GET" in methods:
        methods.add("HEAD")
    if methods:
        methods.add("OPTIONS")
    return sorted(methods, key=lambda m: _METHOD_ORDER.get(m, len(_METHOD_ORDER)))


_METHOD_ORDER: Final = {
    m: i for i, m in enumerate(("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"))
}


class Compress:
    """gzip for everything but original files (PDFs and the like are compressed already)."""

    def __init__(self, app: ASGIApp, uncompressed_prefixes: tuple[str, ...]) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=GZIP_MIN_BYTES, compresslevel=GZIP_LEVEL)
        self.skip = uncompressed_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["path"].startswith(self.skip):
            await self.gzip(scope, receive, send)
        else:
            await self.app(scope, receive, send)
