"""Concepts as linked data: SKOS in Turtle or JSON-LD, and choosing the form a request asks for.

The graph follows metadata.un.org: every concept is a ``skos:Concept`` ``skos:inScheme`` its
scheme (UNBIS descriptors also in their domains), UNBIS descriptors are ``skos:broader``
their broader terms and their microthesauri, labels carry language tags. SDG↔UNBIS links are
``skos:closeMatch`` both ways (an SDG target is about, not the same as, a UNBIS concept) and,
on the SDG side, ``dct:subject`` as the SDG taxonomy states them.
"""

from __future__ import annotations

from typing import Any, Final

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS
from starlette.requests import Request

from unlib.vocab.model import SCHEME_URIS
from unlib.web.problems import accept_quality
from unlib.web.views import record_url

SDGO: Final = Namespace("http://metadata.un.org/sdg/ontology#")
TURTLE: Final = "text/turtle"
JSON_LD: Final = "application/ld+json"
JSON: Final = "application/json"
HTML: Final = "text/html"
SUFFIXES: Final = {".ttl": TURTLE, ".jsonld": JSON_LD, ".json": JSON}
_SDG_CLASSES: Final = {
    "goal": SDGO.Goal,
    "target": SDGO.Target,
    "indicator": SDGO.Indicator,
    "series": SDGO.Series,
}
_CONTEXT: Final = {
    "skos": str(SKOS),
    "dct": str(DCTERMS),
    "owl": str(OWL),
    "sdgo": str(SDGO),
}


def split_suffix(ref: str) -> tuple[str, str | None]:
    """``"1.2.ttl"`` → (``"1.2"``, Turtle); a ref without a known suffix → (ref, None)."""
    for suffix, media in SUFFIXES.items():
        if ref.endswith(suffix) and len(ref) > len(suffix):
            return ref[: -len(suffix)], media
    return ref, None


def negotiate(request: Request, suffix_media: str | None) -> str:
    """The form to answer with: the URL suffix decides, else the Accept header (HTML when
    nothing is preferred)."""
    if suffix_media:
        return suffix_media
    accept = request.headers.get("accept", "")
    offers = (HTML, JSON_LD, TURTLE, JSON)
    ranked = [
        (accept_quality(accept, media, exact_first=True), -i, media)
        for i, media in enumerate(offers)
    ]
    q, _, best = max(ranked)
    return best if q > 0 else HTML


def concept_graph(record: dict[str, Any], base_url: str = "") -> Graph:
    """The SKOS description of one concept record (see :mod:`unlib.vocab.records`)."""
    graph = Graph()
    for prefix, namespace in _CONTEXT.items():
        graph.bind(prefix, Namespace(namespace))
    me = URIRef(record["uri"])
    graph.add((me, RDF.type, SKOS.Concept))
    if record["kind"] in _SDG_CLASSES:
        graph.add((me, RDF.type, _SDG_CLASSES[record["kind"]]))
    graph.add((me, SKOS.inScheme, URIRef(SCHEME_URIS[record["scheme"]])))
    if record["notation"]:
        graph.add((me, SKOS.notation, Literal(record["notation"])))
    for lang, text in record["pref"].items():
        graph.add((me, SKOS.prefLabel, Literal(text, lang=lang)))
    for lang, texts in record["alt"].items():
        for text in texts:
            graph.add((me, SKOS.altLabel, Literal(text, lang=lang)))
    for lang, text in record["definition"].items():
        graph.add((me, SKOS.definition, Literal(text, lang=lang)))
    _add_relations(graph, me, record)
    if record["deprecated"]:
        graph.add((me, OWL.deprecated, Literal(True)))
    for document in record.get("documents", []):
        url = _document_url(document, base_url)
        if url:
            graph.add((URIRef(url), DCTERMS.subject, me))
    return graph


def _add_relations(graph: Graph, me: URIRef, record: dict[str, Any]) -> None:
    for ref in record["broader"] + record["microthesauri"]:
        graph.add((me, SKOS.broader, URIRef(ref["uri"])))
    for ref in record["narrower"]:
        graph.add((me, SKOS.narrower, URIRef(ref["uri"])))
    for ref in record["related"]:
        graph.add((me, SKOS.related, URIRef(ref["uri"])))
    if record["domain"]:
        graph.add((me, SKOS.inScheme, URIRef(record["domain"]["uri"])))
    if record["kind"] == "domain":
        graph.add((me, RDF.type, SKOS.ConceptScheme))
    for ref in record["matches"]:
        graph.add((me, SKOS.closeMatch, URIRef(ref["uri"])))
        if record["scheme"] == "sdg" and ref["scheme"] == "unbis":
            graph.add((me, DCTERMS.subject, URIRef(ref["uri"])))


def _document_url(document: Any, base_url: str) -> str | None:
    if not isinstance(document, dict):
        return None
    ref = document.get("symbol") or document.get("key")
    return base_url + record_url(ref) if isinstance(ref, str) and ref else None


def serialize(graph: Graph, media: str) -> str:
    if media == TURTLE:
        return graph.serialize(format="turtle")
    return graph.serialize(format="json-ld", context=_CONTEXT, auto_compact=True)
