"""Embedding a library's passages: at ingest, catching up after failures and interruptions,
and rebuilding with ``reindex --vectors``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy
import pytest

from tests.vectors.sample import write_charter_sample
from unlib.embed import EmbedderUnavailable, register
from unlib.embed.hashing import HashEmbedder
from unlib.services.vectors import replaced_versions, vectors_folder
from unlib.vectors.build import sync_vectors
from unlib.vectors.search import VectorIndex


class FlakyEmbedder(HashEmbedder):
    """The plumbing embedder, made to fail on Chinese text while ``broken`` is set."""

    name = "flaky"
    broken = True

    def embed(self, texts: Sequence[str]) -> numpy.ndarray:
        if FlakyEmbedder.broken and any("联合国" in t for t in texts):
            raise RuntimeError("model crashed")
        return super().embed(texts)


register("flaky", "tests.vectors.test_build:FlakyEmbedder")


def _passages(library: Any) -> int:
    """Every passage the catalogue holds, titles included."""
    cat = library.catalogue
    return sum(len(cat.passages(vid)) for vid in cat.all_version_ids())


def test_ingest_embeds_every_passage(new_library: Any, shared_data: Path, tmp_path: Path) -> None:
    library = new_library(embedder="hash", embed_at_ingest=True, workers=1)
    report = library.ingest(write_charter_sample(shared_data, tmp_path / "in"))
    vectors = report.to_json()["vectors"]
    assert vectors["embedder"] == "hash" and vectors["failed"] == []
    assert vectors["versions"] == 3 and vectors["passages"] == _passages(library)
    assert len(VectorIndex(vectors_folder(library.settings))) == _passages(library)
    # Nothing new: the next ingest embeds nothing.
    again = library.ingest(write_charter_sample(shared_data, tmp_path / "in"))
    assert again.to_json()["vectors"]["versions"] == 0


def test_a_failing_version_is_reported_and_caught_up_later(
    new_library: Any, shared_data: Path, tmp_path: Path
) -> None:
    library = new_library(embedder="flaky", embed_at_ingest=True, workers=1)
    FlakyEmbedder.broken = True
    try:
        report = library.ingest(write_charter_sample(shared_data, tmp_path / "in"))
    finally:
        FlakyEmbedder.broken = False
    vectors = report.to_json()["vectors"]
    assert report.ingested == 3  # the documents are in, whatever the embedder did
    assert len(vectors["failed"]) == 1 and "model crashed" in vectors["failed"][0]["reason"]
    assert vectors["versions"] == 2
    caught_up = sync_vectors(library.catalogue, vectors_folder(library.settings), FlakyEmbedder())
    assert caught_up.versions == 1 and caught_up.failed == []
    assert len(VectorIndex(vectors_folder(library.settings))) == _passages(library)


def test_an_interrupted_run_leaves_no_half_state(
    new_library: Any, shared_data: Path, tmp_path: Path
) -> None:
    library = new_library(embedder="hash", workers=1)  # embedding deferred at ingest
    library.ingest(write_charter_sample(shared_data, tmp_path / "in"))
    folder = vectors_folder(library.settings)
    assert len(VectorIndex(folder)) == 0

    def interrupt(done: int, total: int, passages: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        sync_vectors(library.catalogue, folder, HashEmbedder(), progress=interrupt)
    assert len(VectorIndex(folder)) == 0
    finished = sync_vectors(library.catalogue, folder, HashEmbedder())
    assert finished.versions == 3 and len(VectorIndex(folder)) == _passages(library)


def test_reindex_vectors_rebuilds_with_the_configured_embedder(
    new_library: Any, shared_data: Path, tmp_path: Path
) -> None:
    library = new_library(embedder="hash", embed_at_ingest=True, workers=1)
    library.ingest(write_charter_sample(shared_data, tmp_path / "in"))
    rebuilt = library.reindex_vectors()
    assert rebuilt["versions"] == 3 and rebuilt["passages"] == _passages(library)
    assert len(VectorIndex(vectors_folder(library.settings))) == _passages(library)
    off = new_library(embedder="none")
    with pytest.raises(EmbedderUnavailable, match="embedder setting is 'none'"):
        off.reindex_vectors()


def test_versions_whose_text_was_replaced_are_embedded_again(
    new_library: Any, shared_data: Path, tmp_path: Path
) -> None:
    library = new_library(embedder="hash", embed_at_ingest=True, workers=1)
    report = library.ingest(write_charter_sample(shared_data, tmp_path / "in"))
    label = report.filed[0].work
    redo = replaced_versions(
        library.catalogue, [("replaced-text", label, "zh"), ("new-version", label, "fr")]
    )
    assert len(redo) == 1 and library.catalogue.version(redo[0]).lang == "zh"
    again = sync_vectors(
        library.catalogue, vectors_folder(library.settings), HashEmbedder(), redo=redo
    )
    assert again.versions == 1
    assert len(VectorIndex(vectors_folder(library.settings))) == _passages(library)
