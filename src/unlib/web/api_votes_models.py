"""Response models of the votes, countries and speeches endpoints: the JSON of
``unlib votes … --json`` and ``unlib speeches … --json``, declared for the OpenAPI document
(strict: a field added to a view without its model fails the API tests)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from unlib.web.api_models import Span, Strict

VoteCode = Literal["Y", "N", "A", "X"]


# -- roll calls -------------------------------------------------------------------------------


class Tally(Strict):
    yes: int
    no: int
    abstain: int
    non_voting: int


class CountedTally(Tally):
    members: int


class RollCallLine(Tally):
    """A roll call in lists, without the votes of each country."""

    id: str = Field(description="source:id, e.g. unvotes:4593 or undl:9000001.")
    symbol: str | None = Field(description="The resolution, parts joined: A/RES/61/128 A-B.")
    date: str | None
    session: str | None
    body: str = Field(description="A (General Assembly) or S (Security Council).")
    kind: str = Field(description="resolution, decision, paragraph, amendment or other.")
    title: str | None
    totals_source: Literal["source", "counted"]
    adopted: bool
    totals_mismatch: str | None


class RollCallList(Strict):
    total: int
    offset: int
    limit: int | None
    roll_calls: list[RollCallLine]
    text: str | None = Field(default=None, description="The words asked for (q), if any.")


class ResolutionLink(Strict):
    symbol: str | None
    key: str
    held: bool = Field(description="Whether the library holds a text of the resolution.")


class Issue(Strict):
    code: str
    label: str | None


class CountryVote(Strict):
    code: str = Field(description="ISO 3166-1 alpha-3 (historical codes kept).")
    name: str = Field(description="As the source spells it.")
    standard_name: str | None
    vote: VoteCode
    permanent: bool | None = Field(
        default=None, description="Security Council permanent member (when the source says)."
    )


class RollCall(Tally):
    id: str
    source: str
    rcid: int | str | None
    undl_id: str | None
    symbol: str | None
    symbol_as_written: str | None
    resolutions: list[ResolutionLink]
    body: str
    kind: str
    date: str | None
    year: int | None
    session: str | None
    meeting: str | None
    draft: str | None
    committee_report: str | None
    title: str | None
    description: str | None
    agenda: str | None
    subjects: list[str]
    issues: list[Issue]
    important: bool | None
    modality: str | None
    without_vote: bool
    vote_note: str | None
    totals_source: Literal["source", "counted"]
    counted: CountedTally
    totals_mismatch: str | None
    adopted: bool
    adopted_basis: str
    votes: dict[str, VoteCode] = Field(description="Country code → vote.")
    countries: list[CountryVote]
    by_vote: dict[str, list[str]] = Field(description="Country codes by vote (Y, N, A, X).")
    undl_link: str | None
    file: str = Field(description="The imported file's name.")
    line: int | None


# -- countries and agreement ------------------------------------------------------------------


class Agreement(Strict):
    a: str
    b: str
    agreement: float | None = Field(description="0 to 1; null when no roll call counted.")
    roll_calls: int
    method: str


class AgreementYear(Strict):
    a: str
    b: str
    year: int
    agreement: float | None
    roll_calls: int


class YearTally(Tally):
    year: int | None
    roll_calls: int


class CountryVoteLine(RollCallLine):
    vote: VoteCode


class SpeechLine(Strict):
    id: str = Field(description="COUNTRY_SESSION_YEAR, e.g. USA_75_2020.")
    country: str
    country_name: str | None
    session: int
    year: int | None
    speaker: str | None
    post: str | None
    lang: str


class CountryRecord(Tally):
    country: str
    name: str
    names: list[str]
    standard_name: str | None
    roll_calls: int
    by_year: list[YearTally]
    votes: list[CountryVoteLine]
    speeches: list[SpeechLine]
    agreement_with: list[AgreementYear] | None = Field(
        default=None, description="With ?with=: agreement with that country by year."
    )


class CountrySummary(Tally):
    code: str
    name: str
    standard_name: str | None
    roll_calls: int
    first_year: int | None
    last_year: int | None
    speeches: int


class CountryIndex(Strict):
    total: int
    countries: list[CountrySummary]


# -- speeches ---------------------------------------------------------------------------------


class SpeechFilters(Strict):
    country: str | None
    session: int | None
    year: int | None
    speaker: str | None


class SpeechHit(SpeechLine):
    score: float | None = Field(description="BM25; null when listing without words.")
    paragraph: int = Field(description="Number of the paragraph the snippet comes from.")
    snippet: str
    highlights: list[Span] = Field(description="[start, end) character offsets in snippet.")


class SpeechSearch(Strict):
    query: str
    filters: SpeechFilters
    total: int
    offset: int
    limit: int
    relaxed: bool = Field(description="No speech had every word: results have some.")
    results: list[SpeechHit]


class Paragraph(Strict):
    n: int
    text: str


class SpeechRecord(SpeechLine):
    lang_confidence: float | None
    characters: int
    paragraphs: list[Paragraph]
    source_path: str = Field(description="The imported file's name.")
    notes: list[str]
