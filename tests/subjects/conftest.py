"""Fixtures of the subject-indexing tests: a library holding the real UNBIS Thesaurus and SDG
taxonomy, the real MARC records (titles, agenda, 650 headings) and the UN Charter in its six
languages (one work with six versions); the same library with a model trained on part of
the MARC records."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_settings
from unlib.services.library import Library
from unlib.services.subject_texts import training_examples
from unlib.subjects.model import Example
from unlib.subjects.thesaurus import Hierarchy
from unlib.vocab.labels import LabelMatcher, shared_matcher
from unlib.vocab.model import Vocabulary
from unlib.vocab.persist import load_vocabulary

CLIMATE_CHANGE = "http://metadata.un.org/thesaurus/1001030"
# Training on a part of the records keeps the tests fast; the rest is held out.
TRAIN_RECORDS = 24


@pytest.fixture(scope="session")
def subjects_data(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("subjects") / "data"
    charter = tmp_path_factory.mktemp("charter")
    for lang in ("ar", "zh", "en", "fr", "ru", "es"):
        name = f"un_charter_{lang}.txt"
        shutil.copy(shared_data / "un-charter" / name, charter / name)
    with Library(make_settings(folder), create=True) as library:
        library.vocab_import([shared_data / "unbis-thesaurus", shared_data / "sdg-kos"])
        library.marc_import([shared_data / "undl-marc-a-c3-78"])
        report = library.ingest([charter])
        assert report.ingested == 6, report
    return folder


@pytest.fixture
def library(subjects_data: Path) -> Iterator[Library]:
    with Library(make_settings(subjects_data)) as opened:
        yield opened


@pytest.fixture(scope="session")
def vocab(subjects_data: Path) -> Iterator[Vocabulary]:
    with Library(make_settings(subjects_data)) as opened:
        yield load_vocabulary(opened.catalogue)


@pytest.fixture(scope="session")
def matcher(vocab: Vocabulary) -> LabelMatcher:
    return shared_matcher(vocab, ("unbis",))


@pytest.fixture(scope="session")
def hierarchy(vocab: Vocabulary) -> Hierarchy:
    return Hierarchy(vocab)


@pytest.fixture(scope="session")
def marc_examples(subjects_data: Path) -> list[Example]:
    with Library(make_settings(subjects_data)) as opened:
        return training_examples(opened.catalogue)


@pytest.fixture(scope="session")
def trained_data(subjects_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the library with a model trained on the first TRAIN_RECORDS records."""
    folder = tmp_path_factory.mktemp("subjects-trained") / "data"
    shutil.copytree(subjects_data, folder)
    with Library(make_settings(folder)) as opened:
        from unlib.services import subjects

        report = subjects.train(opened, limit=TRAIN_RECORDS)
        assert report["examples"] == TRAIN_RECORDS
    return folder


@pytest.fixture(scope="session")
def charter_key(subjects_data: Path) -> str:
    """The local id of the UN Charter (no symbol): the one work with six versions."""
    with Library(make_settings(subjects_data)) as opened:
        keys = [
            work.key
            for work in opened.catalogue.iter_works()
            if len(opened.catalogue.versions(work.id)) == 6
        ]
    assert len(keys) == 1, keys
    return keys[0]
