"""The Ask page (``/ask``: a question answered from the FAQ, else by sentences quoted from the
documents) and the side-by-side reading of two language versions (``/compare/{ref}``). Both
have JSON twins (``.json`` or ``Accept: application/json``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import Response

from unlib.model import LANGUAGES
from unlib.services.align import AlignError, SameLanguageError
from unlib.services.ask import MAX_QUESTION, AskError
from unlib.web.deps import LibraryDep
from unlib.web.i18n import NATIVE_NAMES, text_direction
from unlib.web.pages_render import interface_language, render, strip_json
from unlib.web.views import query_url, record_url

router = APIRouter(include_in_schema=False)


def _language(value: str | None, name: str) -> str | None:
    if not value:
        return None
    if value not in LANGUAGES:
        raise HTTPException(400, f"{name} must be one of ar, zh, en, fr, ru, es")
    return value


@router.get("/ask")
@router.get("/ask.json")
async def ask_page(request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    params = request.query_params
    question = params.get("q", "").strip()[:MAX_QUESTION]
    lang = _language(params.get("lang"), "lang")
    data: dict[str, Any] | None = None
    if question:
        try:
            data = library.ask(question, lang)
        except AskError as error:
            raise HTTPException(400, str(error)) from error
    context = {
        "form": {"q": question, "lang": lang or ""},
        "result": data,
        "languages": [(code, NATIVE_NAMES[code]) for code in LANGUAGES],
        "search_url": query_url("/search", {"q": question}),
    }
    payload = data if data is not None else {"question": "", "found": False}
    return render(request, hl, "ask.html", context, data=payload)


@router.get("/compare/{ref:path}")
async def compare_page(ref: str, request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    ref = strip_json(ref)
    params = request.query_params
    a, b = _language(params.get("a"), "a"), _language(params.get("b"), "b")
    para = params.get("para", "").strip()[:20] or None
    try:
        data = library.compare(ref, a, b, para, reader=hl)
    except SameLanguageError as error:
        raise HTTPException(400, str(error)) from error
    except AlignError as error:
        raise HTTPException(404, str(error)) from error
    a, b = data["a"], data["b"]
    context = {
        "data": data,
        "ref": ref,
        "form": {"a": a, "b": b, "para": para or ""},
        "languages": [(code, NATIVE_NAMES.get(code, code)) for code in data["languages"]],
        "dir_a": text_direction(a),
        "dir_b": text_direction(b),
        "record_a": record_url(ref, a),
        "record_b": record_url(ref, b),
    }
    return render(request, hl, "compare.html", context, data=data)
