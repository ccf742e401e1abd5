"""Reading a text file the way people and scripts count its characters."""

from __future__ import annotations

from pathlib import Path


def read_text_for_offsets(path: Path) -> str:
    """The file's text exactly as ``Path.read_text(encoding="utf-8")`` gives it.

    Offsets reported by ``unlib symbols extract`` index into this string: UTF-8 with universal
    newlines, a byte-order mark kept as U+FEFF. Files in a legacy encoding are decoded with
    the same detection ingestion uses, so offsets still count characters.
    """
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_legacy(data, path.name)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_legacy(data: bytes, name: str) -> str:
    from unlib.ingest.errors import Reject
    from unlib.ingest.parsers.text import decode_text

    try:
        return decode_text(data, name)
    except Reject as exc:
        raise ValueError(exc.reason) from exc
