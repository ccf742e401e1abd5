"""Keeping vocabularies in the catalogue: saving an import (with what changed) and loading
them back, cached per process until the stored vocabulary changes.

A re-import updates labels and relations in place; a concept the newer source no longer
holds is kept and marked deprecated (never deleted), so subject assignments that point to
it survive and can be flagged.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unlib.model import LANGUAGES
from unlib.store.base import CatalogueStore
from unlib.store.vocab import ConceptRow, StoredConcept, VocabStore, vocab_store
from unlib.vocab.model import Concept, Vocabulary, with_narrower


@dataclass
class SchemeChanges:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deprecated: list[str] = field(default_factory=list)  # gone from the source: kept, marked
    restored: list[str] = field(default_factory=list)  # back in the source after being gone
    unchanged: int = 0

    def to_json(self, *, limit: int = 50) -> dict[str, Any]:
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "deprecated": len(self.deprecated),
            "restored": len(self.restored),
            "unchanged": self.unchanged,
            "deprecated_uris": self.deprecated[:limit],
        }


def save_vocabulary(
    catalogue: CatalogueStore, vocab: Vocabulary, sources: Sequence[Path] = ()
) -> dict[str, SchemeChanges]:
    """Write every scheme of ``vocab`` (one transaction); returns the changes per scheme."""
    store = vocab_store(catalogue)
    by_scheme: dict[str, list[Concept]] = defaultdict(list)
    for concept in vocab.concepts.values():
        by_scheme[concept.scheme].append(concept)
    changes: dict[str, SchemeChanges] = {}
    with catalogue.transaction():
        for scheme, concepts in sorted(by_scheme.items()):
            changes[scheme] = _save_scheme(store.fingerprints(scheme), concepts, store)
            version = vocab.versions.get(scheme, "")
            store.set_scheme(scheme, version, [str(p) for p in sources], len(concepts))
    return changes


def _save_scheme(
    held: dict[str, tuple[str, bool]], concepts: list[Concept], store: VocabStore
) -> SchemeChanges:
    changes = SchemeChanges()
    seen = set()
    for concept in concepts:
        seen.add(concept.uri)
        row = stored(concept)
        before = held.get(concept.uri)
        if before is None:
            changes.added.append(concept.uri)
        elif before[0] == row.fingerprint and before[1] == row.deprecated:
            changes.unchanged += 1
            continue
        elif before[1] and not row.deprecated and before[0] == row.fingerprint:
            changes.restored.append(concept.uri)
        else:
            changes.updated.append(concept.uri)
        store.write_concept(row, exists=before is not None)
    gone = sorted(
        uri for uri, (_, deprecated) in held.items() if uri not in seen and not deprecated
    )
    store.deprecate(gone)
    changes.deprecated = gone
    return changes


def stored(concept: Concept) -> StoredConcept:
    """The rows that hold ``concept`` (narrower is not stored: it is derived on loading)."""
    labels: list[tuple[str, str, str]] = []
    for lang in LANGUAGES:
        if concept.pref.get(lang):
            labels.append((lang, "pref", concept.pref[lang]))
        labels.extend((lang, "alt", text) for text in concept.alt.get(lang, ()))
        if concept.definition.get(lang):
            labels.append((lang, "definition", concept.definition[lang]))
    links = [("broader", u) for u in concept.broader]
    links += [("related", u) for u in concept.related]
    links += [("microthesaurus", u) for u in concept.microthesauri]
    links += [("match", u) for u in concept.matches]
    facts = [concept.kind, concept.notation, concept.domain, concept.deprecated, labels, links]
    digest = hashlib.sha256(json.dumps(facts, ensure_ascii=False).encode()).hexdigest()[:24]
    return StoredConcept(
        uri=concept.uri,
        scheme=concept.scheme,
        kind=concept.kind,
        notation=concept.notation,
        domain=concept.domain,
        deprecated=concept.deprecated,
        fingerprint=digest,
        labels=labels,
        links=links,
    )


# -- loading ----------------------------------------------------------------------------------

_cache: dict[str, tuple[str, Vocabulary]] = {}
_cache_lock = threading.Lock()


def load_vocabulary(catalogue: CatalogueStore) -> Vocabulary:
    """The vocabularies held in ``catalogue`` (empty when none was imported); the same object
    is returned until an import changes them."""
    store = vocab_store(catalogue)
    key = store.version_key()
    place = str(catalogue.path)
    with _cache_lock:
        cached = _cache.get(place)
        if cached is not None and cached[0] == key:
            return cached[1]
    vocab = Vocabulary(
        with_narrower(_concept(row) for row in store.iter_concepts()),
        {s["scheme"]: s["version"] for s in store.schemes()},
    )
    with _cache_lock:
        _cache[place] = (key, vocab)
    return vocab


def _concept(row: ConceptRow) -> Concept:
    pref: dict[str, str] = {}
    alt: dict[str, list[str]] = defaultdict(list)
    definition: dict[str, str] = {}
    for lang, kind, text in row.labels:
        if kind == "pref":
            pref.setdefault(lang, text)
        elif kind == "alt":
            alt[lang].append(text)
        else:
            definition.setdefault(lang, text)
    links: dict[str, list[str]] = defaultdict(list)
    for rel, target in row.links:
        links[rel].append(target)
    return Concept(
        uri=row.uri,
        scheme=row.scheme,
        kind=row.kind,
        notation=row.notation,
        pref=pref,
        alt={lang: tuple(texts) for lang, texts in alt.items()},
        definition=definition,
        broader=tuple(links["broader"]),
        related=tuple(links["related"]),
        domain=row.domain,
        microthesauri=tuple(links["microthesaurus"]),
        matches=tuple(links["match"]),
        deprecated=row.deprecated,
    )


def deprecated_concepts(catalogue: CatalogueStore) -> list[str]:
    """URIs of the concepts marked deprecated (by their source, or gone from a re-import)."""
    return vocab_store(catalogue).deprecated_uris()
