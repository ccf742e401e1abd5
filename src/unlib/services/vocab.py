"""Vocabularies as use cases: import (with what changed), statistics, concept search by label
in any of the six languages, and a concept's record with the documents indexed with it.

Every function takes the catalogue and returns JSON-ready data; the interfaces only format it.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from unlib.model import LANGUAGES
from unlib.services.concept_documents import documents_with, flagged_assignments
from unlib.store.base import CatalogueStore
from unlib.store.vocab import vocab_store
from unlib.vocab.labels import shared_matcher
from unlib.vocab.model import SCHEMES, Vocabulary
from unlib.vocab.persist import load_vocabulary, save_vocabulary
from unlib.vocab.records import concept_record, concept_ref, find_concept, scheme_tops
from unlib.vocab.sdg import TRANSLATIONS_FILE
from unlib.vocab.sources import SDG_TTL_NAMES, VocabularySourceError, find_sources, read_sources
from unlib.vocab.unbis import CONCEPTS_FILE

MAX_RESULTS: Final = 100


class ConceptNotFound(LookupError):
    """No concept under that URI, id or notation."""


# -- import -----------------------------------------------------------------------------------


# Where the reference data folder (the ``shared_data`` setting) holds each source.
DEFAULT_SOURCES: Final = (
    ("unbis-thesaurus", CONCEPTS_FILE),
    ("sdg-kos", SDG_TTL_NAMES[0]),
    ("sdg-translations", TRANSLATIONS_FILE),
)


def default_sources(shared: Path) -> list[Path]:
    """The vocabulary folders of the reference data folder ``shared``; raises
    :class:`VocabularySourceError` saying where it looked when neither vocabulary is there."""
    found = [
        shared / folder for folder, name in DEFAULT_SOURCES if (shared / folder / name).is_file()
    ]
    if not any(p.name in ("unbis-thesaurus", "sdg-kos") for p in found):
        looked = ", ".join(str(shared / folder / name) for folder, name in DEFAULT_SOURCES[:2])
        raise VocabularySourceError(
            f"no vocabulary given and none found where the shared_data setting points "
            f"({shared.resolve()}): looked for {looked}. Name the files or folders to import, "
            "or set UNLIB_SHARED_DATA to the folder holding unbis-thesaurus/ and sdg-kos/"
        )
    return found


def import_vocabularies(
    catalogue: CatalogueStore, paths: Sequence[Path], shared: Path | None = None
) -> dict[str, Any]:
    """Read the UNBIS and SDG sources among ``paths`` (none: those of the reference data
    folder ``shared``) and store them (see :func:`unlib.vocab.sources.find_sources`). Raises
    :class:`VocabularySourceError`."""
    started = time.perf_counter()
    if not paths:
        paths = default_sources(shared or Path("../shared/data"))
    sources = find_sources(paths)
    vocab = read_sources(sources)
    read_s = time.perf_counter() - started
    changes = save_vocabulary(
        catalogue, vocab, [*sources.unbis, *sources.sdg, *_maybe(sources.translations)]
    )
    held = load_vocabulary(catalogue)
    deprecated = [c.uri for c in held.concepts.values() if c.deprecated]
    return {
        "sources": {
            "unbis": [str(p) for p in sources.unbis],
            "sdg": [str(p) for p in sources.sdg],
            "sdg_translations": str(sources.translations) if sources.translations else None,
            "ignored": [str(p) for p in sources.ignored],
        },
        "versions": vocab.versions,
        "concepts": _kind_counts(vocab),
        "labels": _label_counts(vocab),
        "links": {"sdg_unbis": sum(len(c.matches) for c in vocab.concepts.values())},
        "changes": {scheme: change.to_json() for scheme, change in changes.items()},
        "flagged": flagged_assignments(catalogue, held, deprecated),
        "corrected_labels": vocab.corrections,
        "seconds": {"read": round(read_s, 2), "total": round(time.perf_counter() - started, 2)},
    }


def _maybe(path: Path | None) -> list[Path]:
    return [path] if path else []


def _kind_counts(vocab: Vocabulary) -> dict[str, dict[str, int]]:
    counts: dict[str, Counter[str]] = {}
    for concept in vocab.concepts.values():
        counter = counts.setdefault(concept.scheme, Counter())
        counter[concept.kind] += 1
        if concept.deprecated:
            counter["deprecated"] += 1
    return {scheme: dict(sorted(c.items())) for scheme, c in sorted(counts.items())}


def _label_counts(vocab: Vocabulary) -> dict[str, dict[str, dict[str, int]]]:
    """scheme → lang → {"pref": n, "alt": n, "definition": n}."""
    counts: dict[str, dict[str, dict[str, int]]] = {}
    for concept in vocab.concepts.values():
        per_lang = counts.setdefault(concept.scheme, {})
        for lang in LANGUAGES:
            entry = per_lang.setdefault(lang, {"pref": 0, "alt": 0, "definition": 0})
            entry["pref"] += lang in concept.pref
            entry["alt"] += len(concept.alt.get(lang, ()))
            entry["definition"] += lang in concept.definition
    return counts


# -- reading ----------------------------------------------------------------------------------


def vocabulary(catalogue: CatalogueStore) -> Vocabulary:
    return load_vocabulary(catalogue)


def stats(catalogue: CatalogueStore) -> dict[str, Any]:
    """What vocabularies the library holds: versions, concepts per kind, labels per language."""
    store = vocab_store(catalogue)
    vocab = load_vocabulary(catalogue)
    return {
        "schemes": store.schemes(),
        "concepts": _kind_counts(vocab),
        "labels": _label_counts(vocab),
        "links": {"sdg_unbis": sum(len(c.matches) for c in vocab.concepts.values())},
        "deprecated": len(store.deprecated_uris()),
    }


def overview(catalogue: CatalogueStore, lang: str) -> dict[str, Any]:
    """The schemes with their top concepts (UNBIS domains, SDG goals)."""
    vocab = load_vocabulary(catalogue)
    return {"lang": lang, "concepts": len(vocab), "schemes": scheme_tops(vocab, lang)}


def home(
    catalogue: CatalogueStore,
    query: str = "",
    lang: str | None = None,
    scheme: str | None = None,
    display_lang: str = "en",
) -> dict[str, Any]:
    """The vocabulary home: the schemes and their top concepts, and search results when a
    query is given."""
    data = overview(catalogue, display_lang)
    data["search"] = (
        search(catalogue, query, lang, scheme, 50, display_lang) if query.strip() else None
    )
    return data


def search(
    catalogue: CatalogueStore,
    query: str,
    lang: str | None = None,
    scheme: str | None = None,
    limit: int = 20,
    display_lang: str = "en",
) -> dict[str, Any]:
    """Concepts whose label in ``lang`` (any of the six when None) matches ``query``."""
    vocab = load_vocabulary(catalogue)
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}")
    if scheme is not None and scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {', '.join(SCHEMES)}")
    limit = max(1, min(limit, MAX_RESULTS))
    schemes = (scheme,) if scheme else SCHEMES
    hits = shared_matcher(vocab, schemes).lookup(query, lang, limit) if query.strip() else []
    shown = display_lang if display_lang in LANGUAGES else lang or "en"
    results = [
        {**concept_ref(vocab, uri, shown), "score": score, "labels": _labels_of(vocab, uri)}
        for uri, score in hits
    ]
    return {
        "query": query,
        "lang": lang,
        "scheme": scheme,
        "total": len(results),
        "vocabulary_loaded": len(vocab) > 0,
        "results": results,
    }


def _labels_of(vocab: Vocabulary, uri: str) -> dict[str, str]:
    concept = vocab.get(uri)
    return dict(concept.pref) if concept else {}


def concept(
    catalogue: CatalogueStore, ref: str, lang: str = "en", scheme: str | None = None
) -> dict[str, Any]:
    """A concept's record by URI, ``scheme:id``, id or notation, with its documents."""
    vocab = load_vocabulary(catalogue)
    found = find_concept(vocab, ref, scheme)
    if found is None or (scheme is not None and found.scheme != scheme):
        raise ConceptNotFound(_not_found(vocab, ref))
    lang = lang if lang in LANGUAGES else "en"
    record = concept_record(vocab, found, lang)
    record["documents_total"], record["documents"] = documents_with(catalogue, found.uri, lang)
    return record


def _not_found(vocab: Vocabulary, ref: str) -> str:
    if not len(vocab):
        return "this library holds no vocabulary yet (run `unlib vocab import`)"
    return f"no concept {ref!r} in the UNBIS Thesaurus or the SDG taxonomy"


__all__ = [
    "ConceptNotFound",
    "VocabularySourceError",
    "concept",
    "home",
    "import_vocabularies",
    "overview",
    "search",
    "stats",
]
