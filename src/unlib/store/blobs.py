"""Content-addressed storage of original files, and the quarantine for rejected ones.

Originals are kept byte for byte under ``files/<first two hex digits>/<sha256>``: the name is
the content, so writing the same file twice is harmless and a half-written file can never
masquerade as a complete one (we write to a temporary name, fsync, then rename).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

_CHUNK = 1 << 20
_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


def sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _write_atomically(
    target: Path, chunks: Iterator[bytes] | bytes, *, durable: bool = True
) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(chunks, bytes):
                handle.write(chunks)
            else:
                for chunk in chunks:
                    handle.write(chunk)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _file_chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        yield from iter(lambda: handle.read(_CHUNK), b"")


class BlobStore:
    """Original files by SHA-256 under ``root/files`` and rejected ones under ``root/quarantine``."""

    def __init__(self, root: Path) -> None:
        self.files = root / "files"
        self.quarantine_dir = root / "quarantine"

    def path_for(self, sha256: str) -> Path:
        if not re.fullmatch(r"[0-9a-f]{64}", sha256):
            raise ValueError(f"not a SHA-256 digest: {sha256!r}")
        return self.files / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put_bytes(self, sha256: str, data: bytes, *, durable: bool = True) -> Path:
        """Store ``data`` under its digest. With ``durable=False`` the caller promises to
        flush to disk (``os.sync``) before recording the file anywhere: ingest does so once per
        group of documents instead of once per file."""
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError("content does not match its SHA-256: the file changed while reading")
        target = self.path_for(sha256)
        if not target.is_file():
            _write_atomically(target, data, durable=durable)
        return target

    def quarantine(self, source: Path, reason: str, sha256: str | None) -> Path:
        """Copy a rejected original (untouched) next to a note saying why it was refused."""
        label = sha256[:16] if sha256 else datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        folder = self.quarantine_dir / label
        name = _UNSAFE.sub("_", source.name) or "file"
        target = folder / name
        if source.is_file() and not target.is_file():
            _write_atomically(target, _file_chunks(source))
        note = {
            "original_path": str(source),
            "reason": reason,
            "sha256": sha256,
            "quarantined_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        _write_atomically(
            folder / "reason.json", json.dumps(note, ensure_ascii=False, indent=2).encode()
        )
        return target

    def total_bytes(self) -> int:
        if not self.files.is_dir():
            return 0
        return sum(p.stat().st_size for p in self.files.rglob("*") if p.is_file())


def copy_tree_size(path: Path) -> int:
    """Bytes under ``path`` (0 when it does not exist)."""
    if not path.exists():
        return 0
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


__all__ = ["BlobStore", "copy_tree_size", "sha256_of_file"]
