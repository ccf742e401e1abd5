"""A small real library for Ask: the UN Charter in English, Chinese and Spanish."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_settings
from unlib.services.library import Library

CHARTER_LANGS = ("en", "zh", "es")


@pytest.fixture(scope="module")
def charter(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    data = tmp_path_factory.mktemp("ask") / "data"
    files = [shared_data / "un-charter" / f"un_charter_{lang}.txt" for lang in CHARTER_LANGS]
    with Library(make_settings(data, workers=1), create=True) as library:
        report = library.ingest(files)
        assert report.ingested == len(files), report.to_json()
        yield library


def charter_ref(library: Library) -> str:
    return str(next(library.list_works())["id"])
