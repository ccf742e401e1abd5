"""The record page ``/record/{symbol}`` and the resolver ``/s/{symbol}``."""

from __future__ import annotations

from typing import Any, Final

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from unlib.symbols import try_parse
from unlib.web import views
from unlib.web.deps import LibraryDep
from unlib.web.i18n import NATIVE_NAMES, text_direction
from unlib.web.marc_view import marc_view
from unlib.web.pages_render import interface_language, render, strip_json
from unlib.web.pages_search import passage_anchor
from unlib.web.pages_subjects import subjects_view
from unlib.web.sdg_view import goal_links
from unlib.web.views_votes import roll_call_anchor, vote_url

router = APIRouter(include_in_schema=False)

# Passage kinds whose number is printed prominently in the margin.
_NUMBERED: Final = frozenset({"operative", "paragraph", "list_item"})


@router.get("/record/{ref:path}")
async def record_page(ref: str, request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    wanted = request.query_params.get("lang") or hl
    page = library.record_page(strip_json(ref), wanted, hl)
    data = page["record"]
    context = record_context(data, hl)
    context["marc"] = marc_view(page["catalogue_record"])
    if context["marc"] is not None:
        data["catalogue_record"] = page["catalogue_record"]
    context["votes"] = vote_links(page["votes"])
    data["votes"] = page["votes"]
    context["subjects"] = subjects_view(data["key"], page["subjects"])
    data["subjects"] = page["subjects"]["subjects"]
    context["goals"] = data["sdg"] = goal_links(page["goals"])
    return render(request, hl, "record.html", context, data=data)


@router.get("/s/{ref:path}")
async def resolve_symbol(ref: str, request: Request, library: LibraryDep) -> Response:
    """Any spelling of a symbol -> its record; with ``?lang=`` -> that version's original."""
    lang = request.query_params.get("lang")
    if lang:
        stored = library.original_of(ref, lang.strip().lower())
        return RedirectResponse(f"/files/{stored.sha256}", status_code=302)
    work = library.resolve(ref)
    return RedirectResponse(views.record_url(work.label), status_code=302)


def record_context(data: dict[str, Any], hl: str) -> dict[str, Any]:
    ref = data["id"]
    text_lang = data.get("text_lang")
    title, title_lang = views.title_in(data["titles"], (text_lang, hl, data["title_lang"]))
    resolved = {link["symbol"] for link in data["cites"] if link["resolved"]}
    return {
        "data": data,
        "ref": ref,
        "title": title or data["title"] or ref,
        "title_lang": title_lang or data["title_lang"] or text_lang or "",
        "other_titles": [
            (lang, text) for lang, text in data["titles"].items() if text and lang != title_lang
        ],
        "versions": [version_link(ref, version, text_lang) for version in data["versions"]],
        "text_lang": text_lang,
        "text_dir": text_direction(text_lang),
        "passages": passage_views(data.get("passages", [])),
        "version": next((v for v in data["versions"] if v["lang"] == text_lang), None),
        "meeting_url": _meeting_url(data["meeting"], resolved),
        "cites": [citation_view(link) for link in data["cites"]],
        "cited_by": [citation_view(link) for link in data["cited_by"]],
        "permalink": "/s/" + views.quote_ref(ref),
    }


def vote_links(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The recorded votes on the work, each linked to its place on the vote page."""
    return [
        {**line, "url": vote_url(line["symbol"] or line["id"], roll_call_anchor(line["id"]))}
        for line in lines
    ]


def version_link(ref: str, version: dict[str, Any], current: str | None) -> dict[str, Any]:
    lang = version["lang"]
    return {
        "lang": lang,
        "name": NATIVE_NAMES.get(lang, lang),
        "url": views.record_url(ref, lang),
        "current": lang == current,
        "needs_ocr": version["needs_ocr"],
        "files": [
            {**file, "url": f"/files/{file['sha256']}", "format": str(file["format"]).upper()}
            for file in version["files"]
        ],
    }


def _meeting_url(meeting: str | None, resolved: set[str]) -> str | None:
    """A meeting held here links to its record; another symbol to a search for it."""
    if not meeting or try_parse(meeting) is None:
        return None
    if meeting in resolved:
        return views.record_url(meeting)
    return views.query_url("/search", {"q": meeting})


def citation_view(link: dict[str, Any]) -> dict[str, Any]:
    return {
        **link,
        "url": views.record_url(link["symbol"]) if link["resolved"] else None,
        "search_url": views.query_url("/search", {"q": link["symbol"]}),
    }


def passage_views(passages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Passages ready to show: printed label split off, one anchor per paragraph number."""
    seen: set[str] = set()
    shown = []
    for passage in passages:
        label, text = views.split_label(passage["para"], passage["text"])
        anchor = passage_anchor(passage["kind"], passage["para"])
        if anchor is None or anchor in seen:
            anchor = f"p{passage['seq']}"
        seen.add(anchor)
        shown.append(
            {
                **passage,
                "label": label,
                "body": text,
                "anchor": anchor,
                "numbered": passage["kind"] in _NUMBERED,
            }
        )
    return shown
