"""Fixtures of the web tests: one library ingested from a small real sample for the whole
session, and a TestClient over the application built on it.

The sample: the Chinese reports, the Charter's six language versions, both GA resolutions
(PDF) and thirty Security Council resolutions of 1990-1991 that cite one another; and the
UNBIS Thesaurus and the SDG taxonomy.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import make_settings
from unlib.services.library import Library
from unlib.settings import Settings
from unlib.web.app import create_app
from unlib.web.deps import library_of

SC_RESOLUTIONS = [f"S_RES_0{n}_*_EN_GOLD.txt" for n in range(660, 720, 2)]
API_TOKEN = "test-token-0123456789"
# One entry of our own so that the FAQ pages and endpoints have something to show.
FAQ_ENTRY = {
    "key": "charter-text",
    "source_lang": "en",
    "texts": {
        "en": {
            "question": "Where can I read the Charter of the United Nations?",
            "answer": "Its six language versions are in this library.",
        }
    },
    "links": [{"kind": "search", "target": "Charter of the United Nations", "label": "Charter"}],
}


def sample_files(shared: Path) -> list[Path]:
    files = (
        sorted((shared / "zh-reports").glob("*.txt"))
        + sorted((shared / "un-charter").glob("un_charter_*.txt"))
        + sorted((shared / "ga-resolution-pdfs-en").glob("*.pdf"))
    )
    texts = shared / "unsc-resolutions-en" / "texts"
    for pattern in SC_RESOLUTIONS:
        files += sorted(texts.glob(pattern))
    return files


@pytest.fixture(scope="session")
def web_data(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data folder of the shared web library (ingested once per session)."""
    data = tmp_path_factory.mktemp("web") / "data"
    settings = make_settings(data, workers=1)
    files = sample_files(shared_data)
    with Library(settings, create=True) as library:
        report = library.ingest(files)
        vocabularies = library.vocab_import(
            [shared_data / "unbis-thesaurus", shared_data / "sdg-kos"]
        )
        library.faq().create(FAQ_ENTRY)
    assert report.ingested == len(files) == 43, report.to_json()
    assert vocabularies["concepts"]["unbis"]["concept"] > 7000, vocabularies
    return data


@pytest.fixture(scope="session")
def web_settings(web_data: Path) -> Settings:
    """Settings over the shared web library: read-only (no API token)."""
    settings: Settings = make_settings(web_data, workers=1)
    return settings


@pytest.fixture(scope="session")
def client(web_settings: Settings) -> Iterator[TestClient]:
    """A TestClient over the app on the shared library (lifespan run: library opened)."""
    with TestClient(create_app(web_settings)) as test_client:
        yield test_client


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[TestClient]:
    """A TestClient over an empty library of its own that accepts uploads with API_TOKEN."""
    settings = make_settings(tmp_path / "data", workers=1, api_token=API_TOKEN, max_upload_mb=1)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


# -- voting records and speeches --------------------------------------------------------------

SPEECH_SESSIONS = ("Session 73 - 2018", "Session 74 - 2019")


@pytest.fixture(scope="session")
def votes_data(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library of its own holding every real unvotes roll call (2005-2017) and the General
    Debate speeches of two sessions (imported once per session; a few seconds)."""
    data = tmp_path_factory.mktemp("votes") / "data"
    with Library(make_settings(data, workers=1), create=True) as library:
        summary = library.votes_import([shared_data / "unvotes"])
        assert summary["roll_calls"]["added"] > 1000, summary
        for session in SPEECH_SESSIONS:
            found = library.speeches_import(shared_data / "ungdc" / "TXT" / session)
            assert found["indexed"] > 150, found
    return data


@pytest.fixture(scope="session")
def votes_client(votes_data: Path) -> Iterator[TestClient]:
    """A TestClient over the app on the votes and speeches library."""
    with TestClient(create_app(make_settings(votes_data, workers=1))) as test_client:
        yield test_client


@pytest.fixture
def no_language_cookie(client: TestClient) -> Iterator[None]:
    """A test starting without a remembered interface language (the client is shared); use
    it with ``pytestmark = pytest.mark.usefixtures("no_language_cookie")``."""
    client.cookies.clear()
    yield
    client.cookies.clear()


@pytest.fixture(scope="session")
def library(client: TestClient) -> Library:
    """The library the application serves (to compare pages with the service's answers)."""
    return library_of(client.app)
