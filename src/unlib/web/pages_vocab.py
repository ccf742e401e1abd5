"""Vocabulary pages: ``/vocab`` (concept search in any of the six languages, the schemes and
their top concepts) and concept pages ``/vocab/unbis/{id}``, ``/vocab/sdg/{code}``.

Concept pages answer in the form asked for: HTML, JSON (``.json`` or ``Accept:
application/json``), JSON-LD (``.jsonld`` or ``application/ld+json``) or Turtle (``.ttl`` or
``text/turtle``).
"""

from __future__ import annotations

from typing import Any, Final

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import Response

from unlib.model import LANGUAGES
from unlib.services import vocab as service
from unlib.vocab.model import SCHEMES
from unlib.web import linked_data
from unlib.web.deps import LibraryDep
from unlib.web.i18n import NATIVE_NAMES, text_direction
from unlib.web.pages_render import interface_language, render
from unlib.web.views import N_

router = APIRouter(include_in_schema=False)

SCHEME_NAMES: Final = {"unbis": N_("UNBIS Thesaurus"), "sdg": N_("Sustainable Development Goals")}
KIND_NAMES: Final = {
    "concept": N_("Descriptor"),
    "domain": N_("Domain"),
    "microthesaurus": N_("Microthesaurus"),
    "goal": N_("Goal"),
    "target": N_("Target"),
    "indicator": N_("Indicator"),
    "series": N_("Data series"),
}


@router.get("/vocab")
@router.get("/vocab.json")
async def vocab_home(request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    params = request.query_params
    query = params.get("q", "")[:200]
    lang = params.get("lang") or None
    scheme = params.get("scheme") or None
    if (lang and lang not in LANGUAGES) or (scheme and scheme not in SCHEMES):
        raise HTTPException(400, "lang must be ar, zh, en, fr, ru or es; scheme unbis or sdg")
    data = library.vocab_home(query, lang, scheme, hl)
    context = {
        "data": data,
        "form": {"q": query, "lang": lang or "", "scheme": scheme or ""},
        **_names(),
    }
    return render(request, hl, "vocab_index.html", context, data=data)


@router.get("/vocab/{scheme}/{ref:path}")
async def concept_page(scheme: str, ref: str, request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    ref, suffix_media = linked_data.split_suffix(ref)
    if scheme not in SCHEMES:
        raise HTTPException(
            404, f"there is no vocabulary {scheme!r}: try /vocab/unbis or /vocab/sdg"
        )
    try:
        data = library.vocab_concept(ref, hl, scheme)
    except service.ConceptNotFound as error:
        raise HTTPException(404, str(error)) from error
    media = linked_data.negotiate(request, suffix_media)
    if media in (linked_data.TURTLE, linked_data.JSON_LD):
        return _linked_data(request, data, media)
    context = {"data": data, "labels": _label_rows(data), **_names()}
    response = render(request, hl, "vocab_concept.html", context, data=data)
    response.headers["Link"] = _alternates(data)
    return response


def _linked_data(request: Request, data: dict[str, Any], media: str) -> Response:
    base = str(request.base_url).rstrip("/")
    body = linked_data.serialize(linked_data.concept_graph(data, base), media)
    response = Response(body, media_type=f"{media}; charset=utf-8")
    response.headers["Vary"] = "Accept"
    return response


def _alternates(data: dict[str, Any]) -> str:
    path = data["path"]
    return ", ".join(
        f'<{path}{suffix}>; rel="alternate"; type="{media}"'
        for suffix, media in linked_data.SUFFIXES.items()
    )


def _label_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per language: preferred label, other labels, definition."""
    return [
        {
            "lang": lang,
            "name": NATIVE_NAMES.get(lang, lang),
            "dir": text_direction(lang),
            "pref": data["pref"].get(lang),
            "alt": data["alt"].get(lang, []),
            "definition": data["definition"].get(lang),
        }
        for lang in LANGUAGES
        if lang in data["pref"] or lang in data["alt"] or lang in data["definition"]
    ]


def _names() -> dict[str, Any]:
    return {
        "scheme_names": SCHEME_NAMES,
        "kind_names": KIND_NAMES,
        "label_languages": [(code, NATIVE_NAMES.get(code, code)) for code in LANGUAGES],
    }
