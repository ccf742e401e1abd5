"""Passage vectors as use cases: embed what ingest added, rebuild them all, and the retriever
that searches BM25, vectors and thesaurus labels together.

Embedding never fails an ingest: the catalogue and the full-text index are already committed
when it starts, and whatever goes wrong is reported (the next run catches up).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

from unlib.embed import NO_EMBEDDER, Embedder, EmbedderUnavailable, get_embedder
from unlib.search.expansion import LabelExpander
from unlib.search.hybrid import HybridRetriever
from unlib.search.index import PassageIndex
from unlib.services.counterparts import CatalogueCounterparts
from unlib.settings import Settings
from unlib.store.base import CatalogueStore
from unlib.symbols import try_parse
from unlib.vectors.build import EmbedProgress, sync_vectors
from unlib.vectors.manifest import VectorStoreError
from unlib.vectors.search import VectorIndex

VECTORS_DIR: Final = "vectors"


def vectors_folder(settings: Settings) -> Path:
    return settings.data_dir / VECTORS_DIR


def embed_new(
    settings: Settings,
    cat: CatalogueStore,
    progress: EmbedProgress | None = None,
    redo: Iterable[int] = (),
) -> dict[str, Any]:
    """Embed the versions the vector store lacks (and ``redo``, whose text was replaced), if
    the settings ask for it at ingest."""
    if not settings.embed_at_ingest or settings.embedder == NO_EMBEDDER:
        return {}
    try:
        embedder = get_embedder(settings.embedder)
        report = sync_vectors(
            cat,
            vectors_folder(settings),
            embedder,
            exact_limit=settings.vector_exact_limit,
            progress=progress,
            redo=redo,
        )
    except (EmbedderUnavailable, VectorStoreError, OSError, ValueError) as exc:
        return {
            "embedder": settings.embedder,
            "error": f"{exc} — the documents are ingested and searchable by words; "
            "run `unlib reindex --vectors` once this is fixed",
        }
    return report.to_json()


def replaced_versions(cat: CatalogueStore, filed: Iterable[tuple[str, str, str]]) -> list[int]:
    """Versions whose text an ingest replaced, from its ``(action, work label, lang)``s."""
    found = []
    for action, label, lang in filed:
        if action != "replaced-text":
            continue
        symbol = try_parse(label)
        work = cat.work_by_key(symbol.key if symbol is not None else label)
        if work is None:
            continue
        for version in cat.versions_of_works([work.id]).get(work.id, []):
            if version.lang == lang:
                found.append(version.id)
    return found


def reindex_vectors(
    settings: Settings, cat: CatalogueStore, progress: EmbedProgress | None = None
) -> dict[str, Any]:
    """Re-embed every passage with the configured embedder (readers keep the old vectors
    until the new ones are complete). Raises :class:`EmbedderUnavailable`."""
    if settings.embedder == NO_EMBEDDER:
        raise EmbedderUnavailable(
            "the embedder setting is 'none': set it to 'use' (or 'e5') to compute vectors"
        )
    embedder = get_embedder(settings.embedder)
    report = sync_vectors(
        cat,
        vectors_folder(settings),
        embedder,
        recreate=True,
        exact_limit=settings.vector_exact_limit,
        progress=progress,
    )
    return report.to_json()


def open_retriever(settings: Settings, cat: CatalogueStore, index: PassageIndex) -> HybridRetriever:
    vectors = VectorIndex(vectors_folder(settings))

    def embedder() -> Embedder | None:
        # Queries must be embedded by the model that made the stored vectors.
        name = vectors.embedder or settings.embedder
        if name == NO_EMBEDDER:
            return None
        return get_embedder(name)

    def expander() -> LabelExpander | None:
        try:
            from unlib.vocab import load_vocabulary

            vocab = load_vocabulary(cat)
        except Exception:  # no vocabulary tables yet: search without expansion
            return None
        return LabelExpander(vocab) if len(vocab) else None

    counterparts = CatalogueCounterparts(cat, vectors)
    return HybridRetriever(index, vectors, embedder, expander, counterparts=counterparts)
