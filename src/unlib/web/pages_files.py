"""Original files: ``/files/{sha256}`` (downloaded under their original name)."""

from __future__ import annotations

from typing import Final

from fastapi import APIRouter
from starlette.responses import FileResponse, Response

from unlib.web import views
from unlib.web.deps import LibraryDep

router = APIRouter(include_in_schema=False)

# A file's bytes never change under its digest; a stored HTML original must not run as a page.
_FILE_HEADERS: Final = {
    "Cache-Control": "public, max-age=31536000, immutable",
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "X-Content-Type-Options": "nosniff",
}


@router.get("/files/{sha256}")
async def original_file(sha256: str, library: LibraryDep) -> Response:
    stored = library.original(sha256)
    headers = {**_FILE_HEADERS, "Content-Disposition": views.content_disposition(stored.name)}
    return FileResponse(stored.path, media_type=stored.media_type, headers=headers)
