"""Fixtures of the search tests: one index of real UN text, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.search.corpus import Corpus, build_corpus


@pytest.fixture(scope="session")
def corpus(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_corpus(shared_data, tmp_path_factory.mktemp("search") / "index")
