"""Documents uploaded over the web: a batch folder under ``DATA/incoming``, ingested by a
library of its own.

Each upload gets a fresh folder ``DATA/incoming/<UTC timestamp>-<random>/``; the web layer
streams each file into it under a name made safe here (never a path taken from the request).
:func:`ingest_batch` then ingests the folder with its own :class:`Library` — its own catalogue
connection, and the search index writer taken up front and released at the end, so the
long-lived libraries of the web workers never hold the writer and a busy index is reported
before any work is done. The batch folder is removed afterwards: ingested originals live in
``DATA/files``, rejected ones in ``DATA/quarantine``.
"""

from __future__ import annotations

import re
import secrets
import shutil
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from unlib.search.index import SearchIndexError
from unlib.services.library import Library
from unlib.settings import Settings

INCOMING: Final = "incoming"
NAME_MAX: Final = 120  # characters of a stored upload name
_EXTENSION_MAX: Final = 12
_FALLBACK_NAME: Final = "upload"


class IngestBusy(RuntimeError):
    """Another process (an ingest, a reindex, another upload) is writing to the index."""


class UploadBatch:
    """A new folder for the files of one upload; :meth:`new_file` names each safely."""

    def __init__(self, data_dir: Path) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        self.data_dir = data_dir
        self.folder = data_dir / INCOMING / f"{stamp}-{secrets.token_hex(4)}"
        self.folder.mkdir(parents=True)
        self.files: list[Path] = []
        self._taken: set[str] = set()

    def new_file(self, name: str | None) -> Path:
        """Where to store an uploaded file called ``name`` by the client."""
        safe = _unique(safe_name(name), self._taken)
        self._taken.add(safe.casefold())
        path = self.folder / safe
        self.files.append(path)
        return path

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def safe_name(name: str | None) -> str:
    """A file name that is only a name: no folders, no control or shell characters, not
    hidden (ingest skips hidden files), at most :data:`NAME_MAX` characters, extension kept."""
    base = re.split(r"[/\\]", unicodedata.normalize("NFC", name or ""))[-1]
    base = "".join(ch if ch.isalnum() or ch in "._-() " else "_" for ch in base)
    base = re.sub(r"_{2,}", "_", re.sub(r"\s+", " ", base)).strip(" ._")
    if not base:
        return _FALLBACK_NAME
    if len(base) > NAME_MAX:
        stem, dot, extension = base.rpartition(".")
        if dot and stem and len(extension) <= _EXTENSION_MAX:
            base = stem[: NAME_MAX - len(extension) - 1].rstrip(" ._") + "." + extension
        else:
            base = base[:NAME_MAX].rstrip(" ._")
    return base


def _unique(name: str, taken: set[str]) -> str:
    if name.casefold() not in taken:
        return name
    stem, dot, extension = name.rpartition(".")
    if not (dot and stem):
        stem, extension = name, ""
    number = 2
    while True:
        candidate = f"{stem}-{number}" + (f".{extension}" if extension else "")
        if candidate.casefold() not in taken:
            return candidate
        number += 1


def ingest_batch(settings: Settings, batch: UploadBatch) -> dict[str, Any]:
    """Ingest the files of ``batch``; the ingest report with paths as the uploader named them.

    Raises :class:`IngestBusy` when another process holds the search index writer. Blocking:
    call it from a worker thread. The batch folder is removed in every case.
    """
    try:
        with Library(settings) as library:
            _take_index_writer(library)
            report = library.ingest(batch.files)
        return _as_uploaded(report.to_json(), batch)
    finally:
        batch.discard()


def _take_index_writer(library: Library) -> None:
    try:
        library.index.add(())  # opens the writer (and takes its lock) without adding anything
    except SearchIndexError as error:
        if "LockBusy" in str(error.__cause__):
            raise IngestBusy(
                "another ingest is writing to the search index right now (an upload, "
                "`unlib ingest` or `unlib reindex`): try again when it has finished"
            ) from error
        raise


def _as_uploaded(report: dict[str, Any], batch: UploadBatch) -> dict[str, Any]:
    """Report paths as the stored names of the uploads, quarantine paths inside the data
    folder: the server's own folders are nobody else's business."""
    folder = str(batch.folder) + "/"
    for entry in report["files"]:
        entry["path"] = Path(entry["path"]).name
        if entry.get("reason"):
            entry["reason"] = entry["reason"].replace(folder, "")
        if entry.get("quarantined_as"):
            kept = Path(entry["quarantined_as"])
            if kept.is_relative_to(batch.data_dir):
                entry["quarantined_as"] = str(kept.relative_to(batch.data_dir))
    return report
