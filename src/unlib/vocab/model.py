"""Controlled vocabularies as plain data: SKOS concepts of the UNBIS Thesaurus and the SDG
taxonomy with labels in the six official languages, and a :class:`Vocabulary` holding them.

Concept URIs are those of metadata.un.org (``http://metadata.un.org/thesaurus/1000544``,
``http://metadata.un.org/sdg/1.2``). Only ``broader`` is authoritative: ``narrower`` is derived
from it by whoever builds a vocabulary (see :func:`with_narrower`). SDG↔UNBIS mappings are kept
on the SDG side (``matches``) and read in both directions through :meth:`Vocabulary.links_of`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Final

from unlib.model import LANGUAGES

SCHEMES: Final = ("unbis", "sdg")
KINDS: Final = {
    "unbis": ("domain", "microthesaurus", "concept"),
    "sdg": ("goal", "target", "indicator", "series"),
}
THESAURUS_BASE: Final = "http://metadata.un.org/thesaurus/"
SDG_BASE: Final = "http://metadata.un.org/sdg/"
SCHEME_URIS: Final = {
    "unbis": "http://metadata.un.org/thesaurus",
    "sdg": "http://metadata.un.org/sdg",
}


@dataclass(frozen=True, slots=True)
class Concept:
    uri: str
    scheme: str  # "unbis" | "sdg"
    kind: (
        str  # "concept" | "domain" | "microthesaurus" | "goal" | "target" | "indicator" | "series"
    )
    notation: str | None = None  # UNBIS id "1000544"; SDG "1", "1.2", "1.2.1", series code
    pref: Mapping[str, str] = field(default_factory=dict)  # lang -> preferred label
    alt: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # lang -> other labels
    definition: Mapping[str, str] = field(default_factory=dict)  # lang -> text (SDG texts)
    broader: tuple[str, ...] = ()
    narrower: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    domain: str | None = None  # UNBIS: URI of the (first) domain
    microthesauri: tuple[str, ...] = ()  # UNBIS: microthesaurus URIs
    matches: tuple[str, ...] = ()  # SDG -> UNBIS concept URIs (dct:subject on metadata.un.org)
    deprecated: bool = False  # withdrawn by the source, or gone from a newer import

    def labels(self, lang: str) -> tuple[str, ...]:
        """Preferred then alternative labels in ``lang`` (no duplicates)."""
        found = [self.pref[lang]] if lang in self.pref else []
        found.extend(self.alt.get(lang, ()))
        return tuple(dict.fromkeys(found))


@dataclass
class Vocabulary:
    """Concepts by URI. Treat it as read-only once built: lookups are cached."""

    concepts: dict[str, Concept] = field(default_factory=dict)
    # scheme -> version string of the source it was read from (digest or date)
    versions: dict[str, str] = field(default_factory=dict)
    # What reading the sources corrected (reported by the import, not stored).
    corrections: list[dict[str, Any]] = field(default_factory=list, compare=False)
    _reverse_links: dict[str, tuple[str, ...]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def __len__(self) -> int:
        return len(self.concepts)

    def get(self, uri: str) -> Concept | None:
        return self.concepts.get(uri)

    def of_scheme(self, scheme: str, kind: str | None = None) -> list[Concept]:
        """Concepts of ``scheme`` (and ``kind``) in notation order."""
        found = [
            c
            for c in self.concepts.values()
            if c.scheme == scheme and (kind is None or c.kind == kind)
        ]
        return sorted(found, key=lambda c: notation_key(c.notation or c.uri))

    def links_of(self, uri: str) -> tuple[str, ...]:
        """SDG↔UNBIS mappings of ``uri``, whichever side it is on."""
        if self._reverse_links is None:
            reverse: dict[str, list[str]] = defaultdict(list)
            for concept in self.concepts.values():
                for target in concept.matches:
                    reverse[target].append(concept.uri)
            self._reverse_links = {k: tuple(v) for k, v in reverse.items()}
        own = self.concepts.get(uri)
        forward = own.matches if own else ()
        return tuple(dict.fromkeys((*forward, *self._reverse_links.get(uri, ()))))

    def ancestors(self, uri: str) -> set[str]:
        """Every concept reachable over ``broader`` (``uri`` itself excluded)."""
        return self._closure(uri, lambda c: c.broader)

    def descendants(self, uri: str) -> set[str]:
        """Every concept reachable over ``narrower`` (``uri`` itself excluded)."""
        return self._closure(uri, lambda c: c.narrower)

    def _closure(self, uri: str, step: Callable[[Concept], Iterable[str]]) -> set[str]:
        seen: set[str] = set()
        todo = [uri]
        while todo:
            concept = self.concepts.get(todo.pop())
            if concept is None:
                continue
            for nxt in step(concept):
                if nxt not in seen and nxt != uri:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    def label(self, uri: str, lang: str) -> str:
        """Preferred label in ``lang``, else English, else any; the URI when it has none."""
        concept = self.concepts.get(uri)
        if concept is None:
            return uri
        for candidate in (lang, "en", *LANGUAGES):
            if concept.pref.get(candidate):
                return concept.pref[candidate]
        return next(iter(concept.pref.values()), concept.notation or uri)


def notation_key(notation: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key putting "1.2" before "1.10" and "1.a" after "1.9"."""
    parts = notation.replace("-", ".").split(".")
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def with_narrower(concepts: Iterable[Concept]) -> dict[str, Concept]:
    """The concepts keyed by URI, ``narrower`` derived from every ``broader`` link."""
    items = list(concepts)
    children: dict[str, list[str]] = defaultdict(list)
    for concept in items:
        for parent in concept.broader:
            children[parent].append(concept.uri)
    return {
        c.uri: replace(c, narrower=tuple(sorted(set(children.get(c.uri, ())), key=_uri_key)))
        for c in items
    }


def _uri_key(uri: str) -> tuple[tuple[int, int | str], ...]:
    return notation_key(uri.rsplit("/", 1)[-1])


def merged(*vocabs: Vocabulary) -> Vocabulary:
    """One vocabulary holding the concepts of all (later ones win on the same URI)."""
    concepts: dict[str, Concept] = {}
    versions: dict[str, str] = {}
    corrections: list[dict[str, Any]] = []
    for vocab in vocabs:
        concepts.update(vocab.concepts)
        versions.update(vocab.versions)
        corrections.extend(vocab.corrections)
    return Vocabulary(with_narrower(concepts.values()), versions, corrections)
