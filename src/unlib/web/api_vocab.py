"""``/api/v1/vocab``: the UNBIS Thesaurus and the SDG taxonomy — what is held, concept search
by label in any of the six languages, and one concept's record."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from unlib.services import vocab as service
from unlib.web.deps import LibraryDep
from unlib.web.problems import problem_responses

router = APIRouter(prefix="/vocab", tags=["vocabularies"])

Language = Literal["ar", "zh", "en", "fr", "ru", "es"]
Scheme = Literal["unbis", "sdg"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ConceptRef(_Strict):
    uri: str = Field(
        description="As on metadata.un.org, e.g. http://metadata.un.org/thesaurus/1000544"
    )
    id: str = Field(description="The last segment of the URI: 1000544, 1.2, C010101.")
    scheme: str | None = Field(description="unbis | sdg (null: a URI this library does not hold)")
    kind: str | None = Field(
        description="concept | domain | microthesaurus | goal | target | indicator | series"
    )
    notation: str | None
    label: str = Field(description="Preferred label in the asked language, else English.")
    deprecated: bool
    path: str | None = Field(description="The concept's page: /vocab/unbis/1000544")


class ConceptHit(ConceptRef):
    score: float = Field(description="3 notation, 2 exact label, ≤1 share of the label matched.")
    labels: dict[str, str] = Field(description="Preferred label per language.")


class ConceptSearch(_Strict):
    query: str
    lang: str | None
    scheme: str | None
    total: int
    vocabulary_loaded: bool
    results: list[ConceptHit]


class ConceptDocument(_Strict):
    key: str = Field(description="The work's identity key (its symbol, or local:…).")
    symbol: str | None
    title: str | None
    year: int | None
    doc_type: str
    sources: list[str] = Field(
        description="marc (a catalogued 650 heading), accepted or suggested (subject indexing)."
    )
    primary: bool = Field(description="A primary heading of the MARC record (650 ind. 1).")


class ConceptRecord(ConceptRef):
    lang: str
    pref: dict[str, str]
    alt: dict[str, list[str]]
    definition: dict[str, str] = Field(description="Official SDG texts per language.")
    broader: list[ConceptRef]
    narrower: list[ConceptRef]
    related: list[ConceptRef]
    domain: ConceptRef | None
    microthesauri: list[ConceptRef]
    members: list[ConceptRef] = Field(
        description="A domain's microthesauri; a microthesaurus's descriptors."
    )
    matches: list[ConceptRef] = Field(description="SDG↔UNBIS links, whichever side this is.")
    documents_total: int = Field(description="Documents indexed with this concept.")
    documents: list[ConceptDocument] = Field(description="The first 200 of them.")


class SchemeRow(_Strict):
    scheme: str
    version: str
    source: list[str]
    concepts: int
    imported_at: str


class VocabStats(_Strict):
    schemes: list[SchemeRow]
    concepts: dict[str, dict[str, int]]
    labels: dict[str, dict[str, dict[str, int]]]
    links: dict[str, int]
    deprecated: int


@router.get("", response_model=VocabStats, summary="Vocabularies held: versions and counts")
async def stats(library: LibraryDep) -> Response:
    return JSONResponse(library.vocab_stats())


@router.get(
    "/search",
    response_model=ConceptSearch,
    summary="Find concepts by label in any of the six languages",
)
async def search(
    library: LibraryDep,
    q: Annotated[str, Query(max_length=200, description="Label words: 气候变化, climate change")],
    lang: Annotated[
        Language | None, Query(description="Only labels in this language (default: any).")
    ] = None,
    scheme: Annotated[Scheme | None, Query(description="Only this vocabulary.")] = None,
    limit: Annotated[int, Query(ge=1, le=service.MAX_RESULTS)] = 20,
    hl: Annotated[Language | None, Query(description="Language of the labels shown.")] = None,
) -> Response:
    data = library.vocab_search(q, lang, scheme, limit, hl or lang or "en")
    return JSONResponse(data)


@router.get(
    "/{scheme}/{ident}",
    response_model=ConceptRecord,
    responses=problem_responses(404),
    summary="One concept: labels, relations, SDG↔UNBIS links, documents",
)
async def concept(
    library: LibraryDep,
    scheme: Scheme,
    ident: Annotated[
        str, Path(max_length=200, description="Id or notation: 1000544, 010100, 1.2, 1.2.1")
    ],
    hl: Annotated[Language | None, Query(description="Language of the labels shown.")] = None,
) -> Response:
    try:
        data = library.vocab_concept(ident, hl or "en", scheme)
    except service.ConceptNotFound as error:
        raise HTTPException(404, str(error)) from error
    return JSONResponse(data)
