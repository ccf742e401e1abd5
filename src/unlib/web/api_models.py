"""Response models of the REST API: the JSON shapes of the CLI's ``--json`` output (README),
declared so that ``/api/v1/openapi.json`` describes them exactly.

Handlers return the service's dicts as they are (no re-validation per request); the API tests
check real responses against these schemas, and ``extra="forbid"`` makes the schema say
``additionalProperties: false``, so a field added to a view without its model fails them.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


Span = Annotated[list[int], Field(min_length=2, max_length=2)]


# -- search -----------------------------------------------------------------------------------


class Hit(Strict):
    lang: str
    paragraph: str | None = Field(description="Printed paragraph number, e.g. 12 or PP3.")
    kind: str
    passage_id: int
    score: float
    snippet: str = Field(description="Plain text cut from the original passage.")
    highlights: list[Span] = Field(description="[start, end) character offsets in snippet.")


class SearchResult(Strict):
    id: str = Field(description="The symbol, else the local id.")
    symbol: str | None
    title: str | None
    title_lang: str | None
    date: str | None
    body: str | None
    type: str | None
    year: int | None
    languages: list[str] = Field(description="Language versions that matched.")
    available_languages: list[str]
    score: float
    hits: list[Hit]


class SearchFilters(Strict):
    lang: list[str] | None
    body: list[str] | None
    year: list[int | None] | None = Field(description="[from, to]; either may be null.")
    type: list[str] | None


class FacetCount(Strict):
    value: str
    count: int


class SearchResponse(Strict):
    query: str
    filters: SearchFilters
    total: int = Field(description="Matching works.")
    total_passages: int
    page: int
    per_page: int
    relaxed: bool = Field(description="No work had every word: results match any word.")
    notes: list[str]
    results: list[SearchResult]
    facets: dict[str, list[FacetCount]]
    suggestions: list[str] = Field(description="What to try when nothing matched.")


# -- works ------------------------------------------------------------------------------------


class StoredFileInfo(Strict):
    sha256: str = Field(description="The file's id: GET /api/v1/files/{sha256}.")
    name: str
    format: str
    media_type: str
    size: int
    ingested_at: str
    symbol_source: str | None
    warnings: list[str]


class Version(Strict):
    lang: str
    title: str | None
    date: str | None
    needs_ocr: bool
    characters: int
    passages: int
    files: list[StoredFileInfo]


class Citation(Strict):
    symbol: str
    kind: str
    count: int
    resolved: bool = Field(description="Whether the library holds the cited document.")
    title: str | None


class CitingWork(Citation):
    languages: list[str]


class Passage(Strict):
    seq: int
    para: str | None
    kind: str
    page: int | None
    text: str


class WorkRecord(Strict):
    id: str
    symbol: str | None
    key: str
    type: str | None
    title: str | None
    title_lang: str | None
    titles: dict[str, str | None]
    date: str | None
    adopted: str | None
    meeting: str | None
    body: str | None
    body_name: str | None
    session: str | None
    year: int | None
    agenda_items: list[str]
    languages: list[str]
    versions: list[Version]
    cites: list[Citation]
    cited_by: list[CitingWork]
    text_lang: str | None = Field(
        default=None, description="With ?lang=: the language of the passages below."
    )
    passages: list[Passage] | None = Field(
        default=None, description="With ?lang=: the text of that language version."
    )


class WorkLine(Strict):
    id: str
    symbol: str | None
    languages: list[str]
    title: str | None
    date: str | None
    type: str | None


class WorksPage(Strict):
    field: str | None
    value: str | None
    label: str | None
    total: int
    page: int
    per_page: int
    pages: int
    works: list[WorkLine]


class BrowseValue(Strict):
    value: str
    label: str
    count: int


class BrowseValues(Strict):
    field: str
    values: list[BrowseValue]


# -- library ----------------------------------------------------------------------------------


class CitationCounts(Strict):
    total: int
    resolved: int


class IndexCounts(Strict):
    passages: int
    bytes: int


class StorageCounts(Strict):
    catalogue_bytes: int
    files_bytes: int
    quarantine_bytes: int


class Stats(Strict):
    works: int
    works_with_symbol: int
    versions: int
    files: int
    passages: int
    characters: int
    citations: CitationCounts
    needs_ocr: int
    rejected: int
    unindexed_versions: int
    languages: dict[str, int]
    bodies: dict[str, int]
    years: dict[str, int]
    types: dict[str, int]
    index: IndexCounts
    storage: StorageCounts
    data_dir: str


class SettingRow(Strict):
    name: str
    value: str | int | float | bool = Field(
        description='A secret shows "********" when set, "" when not; never its value.'
    )
    default: str | int | float | bool
    env: str = Field(description="The environment variable that sets it.")
    help: str
    secret: bool


class Health(Strict):
    status: str
    version: str
    works: int


# -- symbols ----------------------------------------------------------------------------------


class ParsedSymbol(Strict):
    input: str
    valid: bool
    normalized: str | None
    body: str | None
    subsidiary: list[str]
    session_or_year: str | None
    doc_type: str | None
    number: str | None
    modifiers: list[str]
    error: str | None
    key: str | None = Field(description="Identity key: case- and space-insensitive.")
    kind: str | None
    components: list[str]


class Mention(Strict):
    symbol: str = Field(description="The normalized symbol.")
    key: str
    text: str = Field(description="The span as written.")
    start: int = Field(description="Character offset of the span in the text.")
    end: int
    kind: str


class Mentions(Strict):
    lang: str | None = Field(description="The language the text was read in.")
    mentions: list[Mention]


# -- ingest -----------------------------------------------------------------------------------


class IngestedFile(Strict):
    path: str = Field(description="The file's name as stored for this upload.")
    status: str = Field(description="ingested, already_present or rejected.")
    work: str | None = None
    lang: str | None = None
    action: str | None = None
    passages: int | None = None
    needs_ocr: bool | None = None
    warnings: list[str] | None = None
    reason: str | None = None
    quarantined_as: str | None = None


class VectorSync(Strict):
    embedder: str
    versions: int
    passages: int
    seconds: float
    passages_per_second: float
    failed: list[dict[str, str | int]]


class IngestReport(Strict):
    ingested: int
    already_present: int
    rejected: int
    needs_ocr: int
    actions: dict[str, int]
    seconds: float
    bytes: int
    characters: int
    recovered_passages: int
    files: list[IngestedFile]
    vectors: VectorSync | dict[str, object] = Field(
        default_factory=dict,
        description="What embedding the new passages did; empty when the library embeds later.",
    )
    enrichment: dict[str, object] = Field(
        default_factory=dict,
        description="Subject suggestions and SDG goals made for the new documents.",
    )
