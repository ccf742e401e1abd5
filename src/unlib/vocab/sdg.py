"""Reading the SDG taxonomy (metadata.un.org/sdg) from its RDF dump, with rdflib.

Goals, targets, indicators and data series are ``skos:Concept``s typed with the SDG
ontology's classes; their links to UNBIS concepts are ``dct:subject``. The official texts
of goals, targets and indicators in six languages (the Open SDG translations, from
A/RES/70/1 and A/RES/71/313) fill in as ``definition`` and, where the dump lacks a language,
as preferred label; goals also get their short names ("No poverty") as alternative labels.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any, Final

import rdflib
from rdflib.namespace import DCTERMS, OWL, RDF, SKOS

from unlib.model import LANGUAGES
from unlib.vocab.model import SDG_BASE, THESAURUS_BASE, Concept, Vocabulary, with_narrower
from unlib.vocab.sdg_labels import Texts, correct_misplaced
from unlib.vocab.text import clean_label
from unlib.vocab.unbis import VocabularySourceError, unbis_uri

SDG_ONTOLOGY: Final = rdflib.Namespace("http://metadata.un.org/sdg/ontology#")
_KINDS: Final = {
    SDG_ONTOLOGY.Goal: "goal",
    SDG_ONTOLOGY.Target: "target",
    SDG_ONTOLOGY.Indicator: "indicator",
    SDG_ONTOLOGY.Series: "series",
}
TRANSLATIONS_FILE: Final = "sdg_goals_targets_indicators_6lang.json"

# A preferred label of the dump that is the official text of another code is replaced by the
# official text of its own (see :mod:`unlib.vocab.sdg_labels`).


def read_sdg(ttl: Path, translations: Path | None = None) -> Vocabulary:
    """The SDG concepts in the Turtle file ``ttl``; ``translations`` is the Open SDG JSON
    (:data:`TRANSLATIONS_FILE`, or a folder holding it) with the six-language texts."""
    graph = rdflib.Graph()
    try:
        graph.parse(ttl, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise VocabularySourceError(f"{ttl}: cannot read as Turtle ({exc})") from None
    texts = read_translations(translations) if translations else {}
    concepts = [_concept(graph, subject, kind, texts) for subject, kind in _typed(graph)]
    if not concepts:
        raise VocabularySourceError(f"{ttl} holds no SDG goals, targets or indicators")
    known = {c.uri for c in concepts}
    concepts = [_keep_known_broader(c, known) for c in concepts]
    concepts, corrections = correct_misplaced(concepts, texts)
    version = _digest(ttl, translations)
    vocab = Vocabulary(with_narrower(concepts), {"sdg": version})
    vocab.corrections = [c.to_json() for c in corrections]
    return vocab


def _typed(graph: rdflib.Graph) -> list[tuple[rdflib.URIRef, str]]:
    found: dict[rdflib.URIRef, str] = {}
    for cls, kind in _KINDS.items():
        for subject in graph.subjects(RDF.type, cls):
            if isinstance(subject, rdflib.URIRef) and str(subject).startswith(SDG_BASE):
                found[subject] = kind
    return sorted(found.items())


def _concept(graph: rdflib.Graph, subject: rdflib.URIRef, kind: str, texts: Texts) -> Concept:
    notation = _notation(graph, subject)
    official = texts.get((kind, notation or ""), {})
    pref = _lang_values(graph, subject, SKOS.prefLabel)
    deprecated = _is_deprecated(graph, subject)
    if not deprecated:
        for lang, text in official.get("title", {}).items():
            pref.setdefault(lang, text)
    alt: dict[str, list[str]] = defaultdict(list)
    for lang, text in _lang_pairs(graph, subject, SKOS.altLabel):
        alt[lang].append(text)
    for lang, text in official.get("short", {}).items():
        alt[lang].append(text)
    return Concept(
        uri=str(subject),
        scheme="sdg",
        kind=kind,
        notation=notation,
        pref=pref,
        alt={
            lang: labels
            for lang, raw in alt.items()
            if (labels := tuple(x for x in dict.fromkeys(raw) if x != pref.get(lang)))
        },
        definition=dict(official.get("title", {})),
        broader=_sdg_links(graph, subject),
        matches=tuple(
            sorted(
                unbis_uri(str(o))
                for o in graph.objects(subject, DCTERMS.subject)
                if str(o).startswith(THESAURUS_BASE.rstrip("/"))
            )
        ),
        deprecated=deprecated,
    )


def _is_deprecated(graph: rdflib.Graph, subject: rdflib.URIRef) -> bool:
    value = graph.value(subject, OWL.deprecated)
    return isinstance(value, rdflib.Literal) and value.toPython() is True


def _notation(graph: rdflib.Graph, subject: rdflib.URIRef) -> str | None:
    """The compact code ("1.2.1") when given, else the first notation (series codes)."""
    values = [o for o in graph.objects(subject, SKOS.notation) if isinstance(o, rdflib.Literal)]
    compact = [v for v in values if v.datatype == SDG_ONTOLOGY.SDGCodeCompact]
    chosen = compact or sorted(values, key=str)
    return str(chosen[0]).strip() if chosen else None


def _lang_pairs(
    graph: rdflib.Graph, subject: rdflib.URIRef, predicate: rdflib.URIRef
) -> list[tuple[str, str]]:
    pairs = []
    for literal in graph.objects(subject, predicate):
        if not isinstance(literal, rdflib.Literal):
            continue
        lang = (literal.language or "en").split("-")[0].lower()
        text = clean_label(str(literal))
        if lang in LANGUAGES and text:
            pairs.append((lang, text))
    return sorted(pairs)


def _lang_values(
    graph: rdflib.Graph, subject: rdflib.URIRef, predicate: rdflib.URIRef
) -> dict[str, str]:
    values: dict[str, str] = {}
    for lang, text in _lang_pairs(graph, subject, predicate):
        values.setdefault(lang, text)
    return values


def _sdg_links(graph: rdflib.Graph, subject: rdflib.URIRef) -> tuple[str, ...]:
    """Broader SDG concepts, stated as skos:broader or as the other side's skos:narrower."""
    found = {str(o) for o in graph.objects(subject, SKOS.broader)}
    found |= {str(s) for s in graph.subjects(SKOS.narrower, subject)}
    return tuple(sorted(u for u in found if u.startswith(SDG_BASE)))


def _keep_known_broader(concept: Concept, known: set[str]) -> Concept:
    broader = tuple(b for b in concept.broader if b in known and b != concept.uri)
    if broader == concept.broader:
        return concept
    return replace(concept, broader=broader)


def read_translations(path: Path) -> Texts:
    """Open SDG texts by (kind, code): ``{"title": {lang: text}, "short": {lang: text}}``."""
    if path.is_dir():
        path = path / TRANSLATIONS_FILE
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise VocabularySourceError(f"{path}: cannot read SDG translations ({exc})") from None
    texts: Texts = {}
    for row in rows if isinstance(rows, list) else []:
        key = (str(row.get("type")), str(row.get("code")))
        entry = texts.setdefault(key, {})
        for field in ("title", "short"):
            labels = _clean_map(row.get(field))
            if labels:
                entry.setdefault(field, {}).update(labels)
    return texts


def _clean_map(raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict):
        return {}
    cleaned = {lang: clean_label(raw.get(lang)) for lang in LANGUAGES}
    return {lang: text for lang, text in cleaned.items() if text}


def _digest(*paths: Path | None) -> str:
    digest = hashlib.sha256()
    for path in paths:
        if path is not None:
            target = path / TRANSLATIONS_FILE if path.is_dir() else path
            if target.is_file():
                digest.update(target.read_bytes())
    return digest.hexdigest()[:16]
