from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from unlib.store.blobs import BlobStore, sha256_of_file


def test_files_are_stored_once_by_content(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path)
    data = "秘书长的报告 — a short note".encode()
    sha = hashlib.sha256(data).hexdigest()
    first = blobs.put_bytes(sha, data)
    again = blobs.put_bytes(sha, data)
    assert first == again == tmp_path / "files" / sha[:2] / sha
    assert first.read_bytes() == data
    assert [p.name for p in first.parent.iterdir()] == [sha]  # no temporary leftovers


def test_content_that_does_not_match_its_digest_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="changed while reading"):
        BlobStore(tmp_path).put_bytes("0" * 64, b"other bytes")


def test_only_digests_name_stored_files(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        BlobStore(tmp_path).path_for("../../etc/passwd")


def test_quarantine_keeps_the_original_and_the_reason(tmp_path: Path) -> None:
    source = tmp_path / "in" / "broken report.pdf"
    source.parent.mkdir()
    source.write_bytes(b"%PDF-1.7 truncated")
    sha = sha256_of_file(source)
    kept = BlobStore(tmp_path / "data").quarantine(source, "truncated PDF", sha)
    assert kept.read_bytes() == source.read_bytes()
    note = json.loads((kept.parent / "reason.json").read_text())
    assert note["reason"] == "truncated PDF"
    assert note["original_path"] == str(source)
    assert source.exists()  # never moved away from the user
