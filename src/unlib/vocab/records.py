"""JSON-ready views of concepts: a reference (for lists and links) and the full record behind
a concept page, its JSON twin and its linked-data forms; plus finding a concept by what a
reader types (URI, id, notation)."""

from __future__ import annotations

from typing import Any, Final

from unlib.model import LANGUAGES
from unlib.vocab.model import SDG_BASE, THESAURUS_BASE, Concept, Vocabulary, notation_key
from unlib.vocab.text import fold

_BASES: Final = {"unbis": THESAURUS_BASE, "sdg": SDG_BASE}


def local_id(uri: str) -> str:
    """The last segment of a concept URI ("1000544", "1.2", "C010101")."""
    return uri.rstrip("/").rsplit("/", 1)[-1]


def concept_path(concept: Concept) -> str:
    """Where the web interface shows a concept: ``/vocab/unbis/1000544``, ``/vocab/sdg/1.2``."""
    return f"/vocab/{concept.scheme}/{local_id(concept.uri)}"


def find_concept(vocab: Vocabulary, ref: str, scheme: str | None = None) -> Concept | None:
    """A concept by URI (``…/thesaurus#ID`` too), ``scheme:id``, id, or notation; ``scheme``
    narrows ids and notations that both schemes could hold."""
    ref = ref.strip()
    if ":" in ref and not ref.startswith("http"):
        prefix, _, rest = ref.partition(":")
        if prefix in _BASES:
            scheme, ref = prefix, rest.strip()
    ref = ref.replace("/thesaurus#", "/thesaurus/")
    found = vocab.get(ref)
    if found is not None:
        return found
    schemes = [scheme] if scheme in _BASES else list(_BASES)
    for each in schemes:
        found = vocab.get(_BASES[each] + ref)
        if found is not None:
            return found
    wanted = fold(ref)
    for each in schemes:
        for concept in vocab.of_scheme(each):
            if concept.notation and fold(concept.notation) == wanted:
                return concept
    return None


def concept_ref(vocab: Vocabulary, uri: str, lang: str) -> dict[str, Any]:
    """A concept as a link: URI, scheme, kind, notation, label in ``lang``, page path."""
    concept = vocab.get(uri)
    if concept is None:
        return {
            "uri": uri,
            "id": local_id(uri),
            "scheme": None,
            "kind": None,
            "notation": None,
            "label": uri,
            "deprecated": False,
            "path": None,
        }
    return {
        "uri": uri,
        "id": local_id(uri),
        "scheme": concept.scheme,
        "kind": concept.kind,
        "notation": concept.notation,
        "label": vocab.label(uri, lang),
        "deprecated": concept.deprecated,
        "path": concept_path(concept),
    }


def concept_record(vocab: Vocabulary, concept: Concept, lang: str) -> dict[str, Any]:
    """Everything a concept page shows (documents aside)."""

    def refs(uris: Any) -> list[dict[str, Any]]:
        return sorted(
            (concept_ref(vocab, u, lang) for u in uris),
            key=lambda r: (notation_key(r["notation"] or r["id"]), r["label"]),
        )

    return {
        **concept_ref(vocab, concept.uri, lang),
        "lang": lang,
        "pref": {k: concept.pref[k] for k in LANGUAGES if k in concept.pref},
        "alt": {k: list(concept.alt[k]) for k in LANGUAGES if concept.alt.get(k)},
        "definition": {k: concept.definition[k] for k in LANGUAGES if k in concept.definition},
        "broader": refs(concept.broader),
        "narrower": refs(concept.narrower),
        "related": refs(concept.related),
        "domain": concept_ref(vocab, concept.domain, lang) if concept.domain else None,
        "microthesauri": refs(concept.microthesauri),
        "members": refs(_members(vocab, concept)),
        "matches": refs(vocab.links_of(concept.uri)),
    }


def _members(vocab: Vocabulary, concept: Concept) -> list[str]:
    """A domain's microthesauri; a microthesaurus's descriptors."""
    if concept.kind == "domain":
        return [
            c.uri
            for c in vocab.of_scheme("unbis", "microthesaurus")
            if c.domain == concept.uri and not c.deprecated
        ]
    if concept.kind == "microthesaurus":
        return [
            c.uri
            for c in vocab.of_scheme("unbis", "concept")
            if concept.uri in c.microthesauri and not c.deprecated
        ]
    return []


def scheme_tops(vocab: Vocabulary, lang: str) -> list[dict[str, Any]]:
    """The two schemes with their top level: UNBIS domains, SDG goals."""
    tops = (("unbis", "domain"), ("sdg", "goal"))
    return [
        {
            "scheme": scheme,
            "concepts": sum(1 for c in vocab.concepts.values() if c.scheme == scheme),
            "version": vocab.versions.get(scheme),
            "top": [concept_ref(vocab, c.uri, lang) for c in vocab.of_scheme(scheme, kind)],
        }
        for scheme, kind in tops
    ]
