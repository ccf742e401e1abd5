"""``/api/v1/sdg``: the SDG goals of a text (with the model built by ``unlib sdg build``; the
API never builds one, that takes a minute) and the goals stored for a document."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from unlib.services.sdg import ModelMissing, TaxonomyMissing
from unlib.web.deps import LibraryDep
from unlib.web.problems import problem_responses

router = APIRouter(prefix="/sdg", tags=["sdg"])

Language = Literal["ar", "zh", "en", "fr", "ru", "es"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoalScore(_Strict):
    goal: int = Field(ge=1, le=17, description="Sustainable Development Goal 1..17")
    score: float = Field(description="Calibrated probability that the text addresses the goal.")


class StoredGoal(GoalScore):
    passages: int = Field(description="Passages of the document classified with the goal.")


class ClassifyRequest(_Strict):
    text: str = Field(max_length=2_000_000, description="A passage or a whole document.")
    lang: Language


@router.post(
    "/classify",
    response_model=list[GoalScore],
    responses=problem_responses(503),
    summary="The 17 goals of a text, best first ([] for blank text); nothing is stored",
)
async def classify(library: LibraryDep, body: ClassifyRequest) -> Response:
    try:
        goals = library.sdg.classify(body.text, body.lang, build=False)
    except (ModelMissing, TaxonomyMissing) as error:
        raise HTTPException(503, str(error.args[0] if error.args else error)) from error
    return JSONResponse(goals)


@router.get(
    "/goals",
    response_model=list[StoredGoal],
    responses=problem_responses(404),
    summary="A document's goals as `unlib sdg classify-library` stored them",
)
async def goals(
    library: LibraryDep,
    work: Annotated[
        str, Query(min_length=1, max_length=200, description="Symbol or local id: A/RES/70/1")
    ],
) -> Response:
    return JSONResponse(library.sdg.work_goals(library.resolve(work).id))
