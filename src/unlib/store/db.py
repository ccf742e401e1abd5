"""Opening the SQLite catalogue and bringing its schema up to date.

Migrations are numbered SQL files shipped in ``unlib/store/migrations``; each runs once, in its
own transaction, and is recorded in ``schema_migrations`` — from the first release on, so a
library created today can be upgraded in place later.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

_MIGRATION_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")


class CatalogueError(RuntimeError):
    """The catalogue cannot be opened or upgraded."""


def sqlite_connection(catalogue: object, kept: str) -> sqlite3.Connection:
    """The SQLite connection of ``catalogue``; what is ``kept`` ("voting records are", "the FAQ
    is" …) has tables only there, so another store is refused with a clear error."""
    conn = getattr(catalogue, "conn", None)
    if not isinstance(conn, sqlite3.Connection):
        raise CatalogueError(f"{kept} kept only in the SQLite catalogue")
    return conn


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _migrations() -> list[tuple[int, str, str]]:
    found = []
    for entry in resources.files("unlib.store.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def latest_schema_version() -> int:
    return max(number for number, _, _ in _migrations())


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply pending migrations; returns the names of those applied."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
    newest_known = latest_schema_version()
    if done and max(done) > newest_known:
        raise CatalogueError(
            f"this catalogue has schema version {max(done)}, newer than this unlib "
            f"understands ({newest_known}): upgrade unlib before opening it"
        )
    applied = []
    for number, name, sql in _migrations():
        if number in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (number, name, now_iso()),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def _statements(sql: str) -> list[str]:
    # Split into complete statements (SQLite's own test, so ";" inside comments or literals
    # is safe) to run each inside our transaction: executescript would commit implicitly.
    statements: list[str] = []
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip() and not all(
        ln.strip().startswith("--") for ln in pending.splitlines() if ln.strip()
    ):
        raise CatalogueError(f"migration ends with an incomplete statement: {pending[:80]!r}")
    return statements


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating if needed) the catalogue at ``path`` with our standard settings."""
    if readonly:
        if not path.is_file():
            raise CatalogueError(
                f"no library at {path.parent}: run `unlib ingest` first "
                "(or point --data / UNLIB_DATA at an existing data folder)"
            )
        uri = f"file:{path}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn)
    return conn
