"""Original files: found by their stored id (SHA-256), never by a path from a request."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from unlib.store.base import CatalogueStore
from unlib.store.blobs import BlobStore
from unlib.store.records import WorkRow

_DIGEST = re.compile(r"[0-9a-f]{64}")


class FileNotHeld(LookupError):
    """The library holds no such file."""


@dataclass(frozen=True, slots=True)
class StoredFile:
    path: Path
    name: str
    media_type: str
    size: int
    sha256: str


def stored_file(cat: CatalogueStore, blobs: BlobStore, sha256: str) -> StoredFile:
    digest = sha256.lower()
    if not _DIGEST.fullmatch(digest):
        raise FileNotHeld(f"{sha256!r} is not a file id (a SHA-256 digest has 64 hex digits)")
    row = cat.file(digest)
    path = blobs.path_for(digest)
    if row is None or not path.is_file():
        raise FileNotHeld(f"the library holds no file {digest}")
    return StoredFile(path, row.original_name, row.media_type, row.size, digest)


def version_file(cat: CatalogueStore, blobs: BlobStore, work: WorkRow, lang: str) -> StoredFile:
    """The primary file of the ``lang`` version of ``work``."""
    version = cat.version_of(work.id, lang)
    if version is None:
        held = ", ".join(v.lang for v in cat.versions(work.id)) or "none"
        raise FileNotHeld(f"{work.label} has no {lang!r} version (languages held: {held})")
    return stored_file(cat, blobs, version.primary_sha)
