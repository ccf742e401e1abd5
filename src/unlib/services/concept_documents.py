"""The documents indexed with a concept: catalogued UNBIS headings of MARC records (650) and
subject assignments (accepted or suggested by subject indexing), one entry per work.

Also what a vocabulary re-import must flag: documents indexed with concepts that are now
deprecated (kept, so the indexing is not lost, until a librarian replaces them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from unlib.services.views import best_title
from unlib.store.base import CatalogueStore
from unlib.store.marc import marc_store
from unlib.store.vocab import vocab_store
from unlib.vocab.model import Vocabulary

MAX_DOCUMENTS: Final = 200
# A catalogued heading first, then a librarian's decision, then a machine suggestion.
_SOURCE_ORDER: Final = {"marc": 0, "accepted": 1, "suggested": 2}


def documents_with(
    catalogue: CatalogueStore, uri: str, lang: str = "en", limit: int = MAX_DOCUMENTS
) -> tuple[int, list[dict[str, Any]]]:
    """(how many works are indexed with ``uri``, the first ``limit`` of them), primary
    headings and catalogued ones first, then by year (newest first)."""
    rows = vocab_store(catalogue).indexed_with([uri])
    sources: dict[int, set[str]] = {}
    primary: dict[int, bool] = {}
    for work_id, _, source, is_primary in rows:
        sources.setdefault(work_id, set()).add(source)
        primary[work_id] = primary.get(work_id, False) or is_primary
    works = catalogue.works(sources)
    ids = [w for w in sources if w in works]
    ids.sort(
        key=lambda w: (
            not primary[w],
            min(_SOURCE_ORDER.get(s, 3) for s in sources[w]),
            -(works[w].year or 0),
            works[w].key,
        )
    )
    shown = ids[: max(0, limit)]
    versions = catalogue.versions_of_works(shown)
    store = marc_store(catalogue)
    documents = []
    for work_id in shown:
        work = works[work_id]
        titles = store.titles(work_id)
        title = titles.get(lang) or best_title(versions.get(work_id, []), lang)[0]
        documents.append(
            {
                "key": work.key,
                "symbol": work.symbol,
                "title": title or titles.get("en") or next(iter(titles.values()), None),
                "year": work.year,
                "doc_type": work.doc_type,
                "sources": sorted(sources[work_id], key=lambda s: _SOURCE_ORDER.get(s, 3)),
                "primary": primary[work_id],
            }
        )
    return len(ids), documents


def flagged_assignments(
    catalogue: CatalogueStore, vocab: Vocabulary, uris: Sequence[str], lang: str = "en"
) -> list[dict[str, Any]]:
    """Deprecated concepts among ``uris`` that documents are still indexed with, and how
    many documents each: the assignments a librarian should review."""
    counts: dict[str, set[int]] = {}
    for work_id, uri, _, _ in vocab_store(catalogue).indexed_with(list(uris)):
        counts.setdefault(uri, set()).add(work_id)
    return [
        {"uri": uri, "label": vocab.label(uri, lang), "documents": len(works)}
        for uri, works in sorted(counts.items())
    ]
