"""The vector store: int8 rows, atomic commits, replacement, rebuilds, exact and HNSW search."""

from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest

from unlib.vectors import VectorIndex, VectorStore, VectorStoreError, dequantise, quantise
from unlib.vectors.manifest import MANIFEST


def _unit(rows: int, dim: int, seed: int) -> numpy.ndarray:
    matrix = numpy.random.default_rng(seed).standard_normal((rows, dim)).astype(numpy.float32)
    return matrix / numpy.linalg.norm(matrix, axis=1, keepdims=True)


def _add(
    store: VectorStore, vid: int, pids: list[int], vectors: numpy.ndarray, lang: str = "en"
) -> None:
    rows, scales = quantise(vectors)
    store.add_version(vid, vid * 10, lang, numpy.array(pids), rows, scales)


def test_quantisation_keeps_cosine_ranking() -> None:
    vectors = _unit(200, 64, 1)
    back = dequantise(*quantise(vectors))
    assert numpy.allclose(numpy.linalg.norm(back, axis=1), 1.0, atol=1e-5)
    assert float(numpy.max(numpy.abs(back @ back.T - vectors @ vectors.T))) < 0.02
    with pytest.raises(ValueError, match="2-d"):
        quantise(vectors[0])


def test_committed_versions_are_searchable_and_replaced_rows_disappear(tmp_path: Path) -> None:
    folder = tmp_path / "vectors"
    vectors = _unit(30, 32, 2)
    store = VectorStore(folder, "test", 32)
    _add(store, 1, list(range(1, 11)), vectors[:10])
    _add(store, 2, list(range(11, 21)), vectors[10:20], lang="zh")
    index = VectorIndex(folder)
    assert len(index) == 0  # nothing committed yet: readers see no half state
    assert store.commit() == 20
    assert len(index) == 20 and index.embedder == "test"
    top = index.search(vectors[12:13], 3)[0]
    assert top[0].pid == 13 and top[0].lang == "zh" and top[0].vid == 2 and top[0].work == 20
    assert index.search(vectors[12:13], 3, langs={"en"})[0][0].lang == "en"
    # Re-embedding version 1 replaces its rows (new pids), in a later commit.
    _add(store, 1, [101, 102], vectors[20:22])
    store.commit()
    assert len(index) == 12
    assert index.search(vectors[0:1], 1)[0][0].pid != 1
    assert index.search(vectors[20:21], 1)[0][0].pid == 101
    assert VectorStore(folder, "test", 32).embedded_versions() == {1, 2}
    assert set(index.vectors([101, 5, 13])) == {101, 13}


def test_a_rebuild_stays_invisible_until_published(tmp_path: Path) -> None:
    folder = tmp_path / "vectors"
    vectors = _unit(10, 16, 3)
    store = VectorStore(folder, "test", 16)
    _add(store, 1, list(range(1, 6)), vectors[:5])
    store.commit()
    rebuild = VectorStore(folder, "test", 16, recreate=True)
    _add(rebuild, 2, list(range(6, 11)), vectors[5:])
    rebuild.commit()
    index = VectorIndex(folder)
    assert index.search(vectors[5:6], 1)[0][0].pid != 6
    rebuild.publish()
    assert len(index) == 5 and index.search(vectors[5:6], 1)[0][0].pid == 6


def test_wrong_embedder_and_damaged_manifest_say_how_to_fix(tmp_path: Path) -> None:
    folder = tmp_path / "vectors"
    store = VectorStore(folder, "use", 16)
    _add(store, 1, [1], _unit(1, 16, 4))
    store.commit()
    with pytest.raises(VectorStoreError, match="reindex --vectors"):
        VectorStore(folder, "e5", 384)
    (folder / MANIFEST).write_text("{not json", encoding="utf-8")
    with pytest.raises(VectorStoreError, match="reindex --vectors"):
        len(VectorIndex(folder))


def test_a_crash_before_the_manifest_leaves_the_last_commit(tmp_path: Path) -> None:
    folder = tmp_path / "vectors"
    vectors = _unit(4, 16, 5)
    store = VectorStore(folder, "test", 16)
    _add(store, 1, [1, 2], vectors[:2])
    store.commit()
    before = json.loads((folder / MANIFEST).read_text())
    # A writer that died after writing a segment but before its manifest: a stray folder.
    (folder / ".tmp-seg-000099").mkdir()
    (folder / "seg-000099").mkdir()
    assert len(VectorIndex(folder)) == 2
    again = VectorStore(folder, "test", 16)
    _add(again, 2, [3, 4], vectors[2:])
    again.commit()
    assert not (folder / "seg-000099").exists() and not (folder / ".tmp-seg-000099").exists()
    assert json.loads((folder / MANIFEST).read_text())["next_gen"] > before["next_gen"]
    assert len(VectorIndex(folder)) == 4


def test_hnsw_beyond_the_exact_limit_finds_what_exact_search_finds(tmp_path: Path) -> None:
    vectors = _unit(4000, 32, 6)
    queries = _unit(100, 32, 7)
    exact_folder, graph_folder = tmp_path / "exact", tmp_path / "graph"
    for folder, limit in ((exact_folder, 10_000), (graph_folder, 1_000)):
        store = VectorStore(folder, "test", 32, exact_limit=limit)
        for start in range(0, 4000, 1000):
            _add(
                store,
                start // 1000 + 1,
                list(range(start + 1, start + 1001)),
                vectors[start : start + 1000],
            )
        store.commit()
        store.optimise()
    assert json.loads((graph_folder / MANIFEST).read_text())["hnsw"] is not None
    assert json.loads((exact_folder / MANIFEST).read_text())["hnsw"] is None
    exact = VectorIndex(exact_folder).search(queries, 10)
    graph = VectorIndex(graph_folder).search(queries, 10)
    found = sum(
        len({h.pid for h in e} & {h.pid for h in g}) for e, g in zip(exact, graph, strict=True)
    )
    assert found / (10 * len(queries)) >= 0.99
