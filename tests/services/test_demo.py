"""`make demo` on a library an older unlib made: its search index is rebuilt, not refused."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import make_settings
from unlib.demo import _rebuild_outdated_indexes
from unlib.services.library import Library
from unlib.services.search import SearchRequest


def test_an_outdated_search_index_is_rebuilt(tmp_path: Path) -> None:
    document = tmp_path / "note.txt"
    document.write_text("The Assembly welcomes the report on ocean acidification.\n", "utf-8")
    settings = make_settings(tmp_path / "data")
    with Library(settings, create=True) as library:
        assert library.ingest([document]).ingested == 1
    version_file = settings.data_dir / "index" / "unlib-index.json"
    version_file.write_text(json.dumps({"schema_version": 1}), "utf-8")
    with Library(settings) as library:
        _rebuild_outdated_indexes(library)
        found = library.search(SearchRequest("acidification"))
    assert found["total"] == 1
    assert json.loads(version_file.read_text("utf-8"))["schema_version"] > 1
