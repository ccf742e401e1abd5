"""A library with the SDG taxonomy imported and its SDG model built (zero-shot, from the
shared data), built once per session: embedding the taxonomy in six languages takes a while."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_settings
from unlib.sdg.classifier import SdgClassifier
from unlib.services.library import Library


@pytest.fixture(scope="session")
def sdg_library(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    data = tmp_path_factory.mktemp("sdg") / "data"
    library = Library(make_settings(data, shared_data=str(shared_data)), create=True)
    library.vocab_import([])
    yield library
    library.close()


@pytest.fixture(scope="session")
def classifier(sdg_library: Library) -> SdgClassifier:
    """The zero-shot classifier: it never saw the expert benchmark, so it may be scored on it."""
    sdg_library.sdg.build(zero_shot=True)
    built: SdgClassifier = sdg_library.sdg.classifier()
    assert built.model.memory is None and built.model.report["judgements"] == 0
    return built
