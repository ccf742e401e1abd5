"""Shared test fixtures: where the real UN data lives, and small helpers on top of it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

_DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"

# Embedding every ingested passage with the real model would slow the whole suite down; the
# tests of vectors and hybrid search (tests/embed, tests/vectors, tests/services/test_hybrid.py,
# tests/cli/test_search_modes.py) turn it back on where they need it.
os.environ.setdefault("UNLIB_EMBED_AT_INGEST", "false")
os.environ.setdefault("UNLIB_WARM_UP", "false")
# Subject suggestions and SDG goals at ingest are tested on their own (tests/services/test_enrich.py).
os.environ.setdefault("UNLIB_ENRICH_AT_INGEST", "false")


def shared_data_dir() -> Path:
    """The real-data folder: ``$UNLIB_SHARED_DATA`` or ``../shared/data`` beside the checkout."""
    return Path(os.environ.get("UNLIB_SHARED_DATA") or _DEFAULT_SHARED)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = shared_data_dir()
    if not (path / "zh-reports").is_dir():
        pytest.fail(
            f"real UN test data not found at {path}: put the shared data folder beside the "
            "checkout (../shared/data) or set UNLIB_SHARED_DATA to its path",
            pytrace=False,
        )
    return path


def make_settings(data_dir: Path, **overrides: object):  # type: ignore[no-untyped-def]
    from unlib.settings import load_settings

    overrides.setdefault("embed_at_ingest", False)
    overrides.setdefault("warm_up", False)
    overrides.setdefault("enrich_at_ingest", False)
    return load_settings({}, config=data_dir / "absent.toml", data=str(data_dir), **overrides)


@pytest.fixture
def new_library(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A fresh, empty library in a temporary folder (closed after the test)."""
    from unlib.services.library import Library

    libraries = []

    def factory(**overrides: object) -> Library:
        library = Library(make_settings(tmp_path / "data", **overrides), create=True)
        libraries.append(library)
        return library

    yield factory
    for library in libraries:
        library.close()
