"""``POST /api/v1/ingest``: upload documents to the library (token required).

The multipart body is parsed as it streams in and each file part is written straight into a
fresh batch folder under ``DATA/incoming`` with a name made safe by the service (never a path
from the request); the request body limit (``max_upload_mb``) is enforced by the middleware
while it arrives. The batch is then ingested in a worker thread, so this process keeps
answering searches meanwhile.
"""

from __future__ import annotations

from typing import Any, BinaryIO, Final

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import ClientDisconnect

from unlib.services.uploads import UploadBatch, ingest_batch
from unlib.web.api_models import IngestReport
from unlib.web.deps import SettingsDep, TokenDep
from unlib.web.problems import problem_responses

PATH: Final = "/ingest"
MAX_FILES: Final = 1000
FIELD: Final = "files"

router = APIRouter(tags=["ingest"])

_REQUEST_BODY: Final[dict[str, Any]] = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {
                    FIELD: {
                        "type": "array",
                        "items": {"type": "string", "format": "binary"},
                        "description": "PDF, Word, HTML or text files (at most "
                        f"{MAX_FILES}); the whole upload at most max_upload_mb.",
                    }
                },
                "required": [FIELD],
            }
        }
    },
}


@router.post(
    PATH,
    dependencies=[TokenDep],
    response_model=IngestReport,
    responses=problem_responses(400, 401, 403, 409, 413, 415),
    openapi_extra={"requestBody": _REQUEST_BODY},
    summary="Upload documents and ingest them; returns the ingest report",
)
async def ingest_upload(request: Request, settings: SettingsDep) -> Response:
    batch = UploadBatch(settings.data_dir)
    try:
        await receive_files(request, batch)
        if not batch.files:
            raise HTTPException(
                400,
                f"the upload holds no files: send each as a multipart part named {FIELD!r} "
                "with a filename",
            )
    except BaseException:
        batch.discard()
        raise
    report = await run_in_threadpool(ingest_batch, settings, batch)
    return JSONResponse(report)


async def receive_files(request: Request, batch: UploadBatch) -> None:
    """Stream the multipart body of ``request``, each file part into ``batch``."""
    media_type, options = parse_options_header(request.headers.get("content-type", ""))
    if media_type != b"multipart/form-data":
        raise HTTPException(
            415, f"send the files as multipart/form-data (one part per file, named {FIELD!r})"
        )
    boundary = options.get(b"boundary")
    if not boundary:
        raise HTTPException(400, "the multipart Content-Type header names no boundary")
    receiver = _FileParts(batch)
    try:
        parser = MultipartParser(boundary, receiver.callbacks())
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except FormParserError as error:
        raise HTTPException(400, "the upload is not valid multipart/form-data") from error
    except ClientDisconnect as error:  # nobody to answer; not a server error either
        raise HTTPException(400, "the upload was interrupted before it was complete") from error
    finally:
        receiver.close()


class _FileParts:
    """python-multipart callbacks: each part with a filename goes to a new file of the batch;
    parts without one (plain form fields) are ignored."""

    def __init__(self, batch: UploadBatch) -> None:
        self.batch = batch
        self.count = 0
        self._name = b""
        self._value = b""
        self._disposition = b""
        self._file: BinaryIO | None = None

    def callbacks(self) -> Any:
        return {
            "on_part_begin": self._part_begin,
            "on_header_field": self._header_field,
            "on_header_value": self._header_value,
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
        }

    def _part_begin(self) -> None:
        self._disposition = b""

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._name += data[start:end]

    def _header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def _header_end(self) -> None:
        if self._name.strip().lower() == b"content-disposition":
            self._disposition = self._value
        self._name = self._value = b""

    def _headers_finished(self) -> None:
        _, options = parse_options_header(self._disposition)
        if b"filename" not in options:
            return
        self.count += 1
        if self.count > MAX_FILES:
            raise HTTPException(400, f"an upload holds at most {MAX_FILES} files")
        name = options[b"filename"].decode("utf-8", "replace")
        self._file = self.batch.new_file(name).open("xb")

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if self._file is not None:
            self._file.write(data[start:end])

    def _part_end(self) -> None:
        self.close()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
