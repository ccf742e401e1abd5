"""A small per-process cache of rendered pages that only change when the catalogue does.

Record, browse and stats pages (and their JSON twins) are read far more often than the library
changes. Each cached answer is tagged with the catalogue's generation (SQLite's
``PRAGMA data_version``, which moves whenever another connection commits — an ingest, an
upload, a votes import); a newer generation empties the cache. Only complete 200 answers of
GET requests are kept, bounded in size, least recently used first out.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHED_PREFIXES: Final = ("/record/", "/browse", "/stats")
# What makes one answer differ from another for the same URL.
_VARY: Final = ("accept", "accept-language", "cookie")
MAX_ENTRY_BYTES: Final = 2_000_000
MAX_TOTAL_BYTES: Final = 64_000_000


@dataclass(frozen=True, slots=True)
class _Entry:
    start: Message
    body: bytes


class PageCache:
    """ASGI middleware; ``generation()`` tells the catalogue's current state."""

    def __init__(self, app: ASGIApp, generation: Callable[[Scope], int]) -> None:
        self.app = app
        self.generation = generation
        self._entries: OrderedDict[tuple[bytes, ...], _Entry] = OrderedDict()
        self._bytes = 0
        self._seen = -1

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _cacheable(scope):
            await self.app(scope, receive, send)
            return
        self._sync(self.generation(scope))
        key = _key(scope)
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
            await send(_copy(entry.start))
            await send({"type": "http.response.body", "body": entry.body})
            return
        await self.app(scope, receive, self._recording(key, send))

    def _sync(self, generation: int) -> None:
        if generation != self._seen:
            self._entries.clear()
            self._bytes = 0
            self._seen = generation

    def _recording(self, key: tuple[bytes, ...], send: Send) -> Send:
        start: Message | None = None
        chunks: list[bytes] = []
        keep = True

        async def record(message: Message) -> None:
            nonlocal start, keep
            if message["type"] == "http.response.start":
                # A copy: outer middleware (compression) edits the headers it is passed.
                start = _copy(message)
                keep = message["status"] == 200
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False) and start is not None:
                    self._store(key, _Entry(start, b"".join(chunks)))
            await send(message)

        return record

    def _store(self, key: tuple[bytes, ...], entry: _Entry) -> None:
        size = len(entry.body)
        if size > MAX_ENTRY_BYTES:
            return
        self._entries[key] = entry
        self._bytes += size
        while self._bytes > MAX_TOTAL_BYTES and self._entries:
            _, dropped = self._entries.popitem(last=False)
            self._bytes -= len(dropped.body)


def _copy(start: Message) -> Message:
    return {**start, "headers": list(start.get("headers", []))}


def _cacheable(scope: Scope) -> bool:
    return (
        scope["type"] == "http"
        and scope["method"] == "GET"
        and str(scope["path"]).startswith(CACHED_PREFIXES)
    )


def _key(scope: Scope) -> tuple[bytes, ...]:
    headers = Headers(scope=scope)
    return (
        str(scope["path"]).encode(),
        bytes(scope.get("query_string", b"")),
        *(headers.get(name, "").encode("latin-1", "replace") for name in _VARY),
    )
