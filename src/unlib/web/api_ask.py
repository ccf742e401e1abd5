"""``/api/v1/ask`` (a question answered from the FAQ, else by sentences quoted from the
documents) and aligned language versions: one paragraph in several languages, two versions
side by side."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from unlib.services.align import AlignError, SameLanguageError
from unlib.services.ask import AskError
from unlib.web.deps import LibraryDep
from unlib.web.problems import problem_responses

# Requests share the process's one catalogue connection, as the other endpoints do.
router = APIRouter(tags=["ask"])

Language = Literal["ar", "zh", "en", "fr", "ru", "es"]


class FaqLinkOut(BaseModel):
    kind: str = Field(description="record | search")
    target: str
    label: str
    url: str


class FaqAnswer(BaseModel):
    id: int | None
    key: str
    lang: str = Field(description="Language of the question and answer shown.")
    question: str
    answer: str
    in_your_language: bool
    languages: list[str]
    links: list[FaqLinkOut]
    url: str
    views: int
    score: float | None = None
    matched: dict[str, str] | None = Field(
        default=None, description="The phrasing that matched: {lang, text}."
    )


class Aligned(BaseModel):
    lang: str
    paragraph: str | None
    text: str
    url: str


class QuotedSentence(BaseModel):
    text: str = Field(description="The sentence exactly as the document has it.")
    symbol: str | None
    id: str | None = Field(description="Symbol, else local id: the record's reference.")
    title: str | None
    lang: str
    paragraph: str | None = Field(description="Printed paragraph number, if any.")
    passage: int = Field(description="Position of the passage in its version.")
    start: int | None = Field(description="Offset of the sentence in the version's text.")
    end: int | None
    url: str
    score: float
    aligned: Aligned | None = Field(description="The aligned passage in the asker's language.")


class AskAnswer(BaseModel):
    question: str
    lang: str | None = Field(description="The asker's language (given, else detected).")
    found: bool
    source: str | None = Field(description="faq | documents | null (nothing found)")
    faq: list[FaqAnswer]
    answers: list[QuotedSentence]
    message: str
    took_ms: float


class ParagraphText(BaseModel):
    lang: str
    paragraph: str | None
    text: str


class ParagraphVersions(BaseModel):
    symbol: str
    para: str
    passages: list[ParagraphText]


class RowPassage(BaseModel):
    seq: int
    para: str | None
    kind: str
    text: str


class AlignedRow(BaseModel):
    a: list[RowPassage]
    b: list[RowPassage]
    score: float | None
    how: str | None = Field(description="title | number | heading | similarity | attached")


class SideBySide(BaseModel):
    id: str
    symbol: str | None
    a: str
    b: str
    para: str | None
    languages: list[str]
    rows: list[AlignedRow]


@router.get(
    "/ask",
    response_model=AskAnswer,
    responses=problem_responses(400),
    summary="Answer a question: FAQ first (any language), else quoted sentences",
)
async def ask(
    library: LibraryDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="The question.")],
    lang: Annotated[
        Language | None, Query(description="The asker's language (default: detected).")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=10, description="Most sentences quoted.")] = 3,
) -> Response:
    try:
        result = library.ask(q, lang, limit)
    except AskError as error:
        raise HTTPException(400, str(error)) from error
    return JSONResponse(result)


Ref = Annotated[str, Path(min_length=1, max_length=300, description="Symbol or local id.")]


@router.get(
    "/paragraphs/{symbol:path}",
    response_model=ParagraphVersions,
    responses=problem_responses(404),
    summary="One paragraph of a work in several languages (aligned versions)",
)
async def paragraph(
    library: LibraryDep,
    symbol: Ref,
    para: Annotated[str, Query(min_length=1, max_length=20, description="3, PP2, (a), p12")],
    lang: Annotated[
        str | None, Query(max_length=30, pattern=r"^[a-z]{2}(,[a-z]{2})*$", description="zh,en")
    ] = None,
) -> Response:
    langs = lang.split(",") if lang else None
    try:
        result = library.paragraph(symbol, para, langs)
    except AlignError as error:
        raise HTTPException(404, str(error)) from error
    return JSONResponse(result)


@router.get(
    "/compare/{symbol:path}",
    response_model=SideBySide,
    responses=problem_responses(400, 404),
    summary="Two language versions of a work side by side, aligned passage by passage",
)
async def compare(
    library: LibraryDep,
    symbol: Ref,
    a: Language,
    b: Language,
    para: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    try:
        result = library.compare(symbol, a, b, para or None)
    except SameLanguageError as error:
        raise HTTPException(400, str(error)) from error
    except AlignError as error:
        raise HTTPException(404, str(error)) from error
    return JSONResponse(result)
