"""FAQ pages: the list (``/faq``), one entry (``/faq/{id}``, counting a view), and the forms
that create, edit and delete entries. Writing needs the server's API token, typed into the
form (the same token as the REST API's); a rejected form comes back filled in, with the reason.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from starlette.datastructures import FormData
from starlette.responses import RedirectResponse, Response

from unlib.faq.entries import FaqError, link_line
from unlib.model import LANGUAGES
from unlib.services.faq import FaqNotFound
from unlib.store.faq import FaqLink
from unlib.web.deps import LibraryDep, form_token_error
from unlib.web.i18n import NATIVE_NAMES
from unlib.web.pages_render import interface_language, render, strip_json

router = APIRouter(include_in_schema=False)


@router.get("/faq")
@router.get("/faq.json")
async def faq_list(request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    data = library.faq().list_entries(hl)
    return render(request, hl, "faq_list.html", {"data": data}, data=data)


@router.get("/faq/new")
async def faq_new(request: Request) -> Response:
    hl = interface_language(request)
    return _form(request, hl, None, _empty_form(hl), None, 200)


@router.post("/faq")
async def faq_create(request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    form = await request.form()
    values = _form_values(form)
    error = form_token_error(request, form)
    if error is None:
        try:
            entry = library.faq().create(_entry_data(values))
        except FaqError as problem:
            error = str(problem)
        else:
            return RedirectResponse(f"/faq/{entry['id']}", status_code=303)
    return _form(request, hl, None, values, error, 400)


@router.get("/faq/{ref}/edit")
async def faq_edit(ref: str, request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    entry = _get(library, ref, count_view=False)
    return _form(request, hl, entry, _entry_form(entry), None, 200)


@router.post("/faq/{ref}")
async def faq_update(ref: str, request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    entry = _get(library, ref, count_view=False)
    form = await request.form()
    values = _form_values(form)
    error = form_token_error(request, form)
    if error is None:
        try:
            library.faq().update(entry["id"], _entry_data(values))
        except FaqError as problem:
            error = str(problem)
        else:
            return RedirectResponse(f"/faq/{entry['id']}", status_code=303)
    return _form(request, hl, entry, values, error, 400)


@router.post("/faq/{ref}/delete")
async def faq_delete(ref: str, request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    entry = _get(library, ref, count_view=False)
    form = await request.form()
    error = form_token_error(request, form)
    if error is None:
        library.faq().delete(entry["id"])
        return RedirectResponse("/faq", status_code=303)
    return _form(request, hl, entry, _entry_form(entry), error, 400)


@router.get("/faq/{ref}")
async def faq_entry(ref: str, request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    entry = _get(library, strip_json(ref), count_view=True, lang=hl)
    context = {"entry": entry, "shown": entry["shown"], "names": NATIVE_NAMES}
    return render(request, hl, "faq_entry.html", context, data=entry)


def _get(library: Any, ref: str, *, count_view: bool, lang: str | None = None) -> dict[str, Any]:
    try:
        entry: dict[str, Any] = library.faq().get(ref, lang, count_view=count_view)
    except FaqNotFound as error:
        raise HTTPException(404, str(error)) from error
    return entry


# -- forms ------------------------------------------------------------------------------------


def _empty_form(hl: str) -> dict[str, Any]:
    return {
        "key": "",
        "source_lang": hl if hl in LANGUAGES else "en",
        "links": "",
        "texts": {lang: {"question": "", "answer": "", "variants": ""} for lang in LANGUAGES},
    }


def _entry_form(entry: dict[str, Any]) -> dict[str, Any]:
    values = _empty_form(entry["source_lang"])
    values["key"] = entry["key"]
    values["links"] = "\n".join(link_line_of(link) for link in entry["links"])
    for lang, text in entry["texts"].items():
        values["texts"][lang] = {
            "question": text["question"],
            "answer": text["answer"],
            "variants": "\n".join(text["variants"]),
        }
    return values


def link_line_of(link: dict[str, str]) -> str:
    return link_line(FaqLink(link["kind"], link["target"], link["label"]))


def _form_values(form: FormData) -> dict[str, Any]:
    def field(name: str) -> str:
        value = form.get(name)
        return value if isinstance(value, str) else ""

    return {
        "key": field("key").strip(),
        "source_lang": field("source_lang"),
        "links": field("links"),
        "texts": {
            lang: {
                "question": field(f"question_{lang}"),
                "answer": field(f"answer_{lang}"),
                "variants": field(f"variants_{lang}"),
            }
            for lang in LANGUAGES
        },
    }


def _entry_data(values: dict[str, Any]) -> dict[str, Any]:
    """The entry JSON of a filled-in form: languages left blank are left out."""
    texts = {
        lang: {
            "question": text["question"],
            "answer": text["answer"],
            "variants": text["variants"].splitlines(),
        }
        for lang, text in values["texts"].items()
        if text["question"].strip() or text["answer"].strip()
    }
    return {
        "key": values["key"] or None,
        "source_lang": values["source_lang"] if values["source_lang"] in texts else None,
        "texts": texts,
        "links": values["links"],
    }


def _form(
    request: Request,
    hl: str,
    entry: dict[str, Any] | None,
    values: dict[str, Any],
    error: str | None,
    status: int,
) -> Response:
    context = {
        "entry": entry,
        "values": values,
        "error": error,
        "languages": [(code, NATIVE_NAMES[code]) for code in LANGUAGES],
        "action": f"/faq/{entry['id']}" if entry else "/faq",
    }
    data = {"error": error, "values": values}
    return render(request, hl, "faq_form.html", context, data=data, status=status)
