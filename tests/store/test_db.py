from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from unlib.store.db import CatalogueError, connect, latest_schema_version, migrate


def test_new_catalogue_is_migrated_to_the_latest_schema(tmp_path: Path) -> None:
    conn = connect(tmp_path / "c.sqlite3")
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations")]
    assert versions == list(range(1, latest_schema_version() + 1))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"works", "versions", "files", "passages", "citations", "rejections"} <= tables
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrating_twice_applies_nothing(tmp_path: Path) -> None:
    conn = connect(tmp_path / "c.sqlite3")
    assert migrate(conn) == []


def test_a_catalogue_from_a_newer_unlib_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    connect(path).close()
    raw = sqlite3.connect(path)
    raw.execute("INSERT INTO schema_migrations VALUES (9999, 'future.sql', 'now')")
    raw.commit()
    raw.close()
    with pytest.raises(CatalogueError, match="newer than this unlib"):
        connect(path)


def test_opening_a_missing_library_read_only_says_how_to_create_one(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="unlib ingest"):
        connect(tmp_path / "none.sqlite3", readonly=True)
