"""The subjects of a document: the panel on its record page, a page of its own
(``/subjects/{symbol}``, JSON twin: the stored subjects with provenance), and the form a
librarian accepts or rejects suggestions with. Deciding needs the server's API token, typed
into the form (the same token as the REST API's)."""

from __future__ import annotations

from typing import Any, Final

from fastapi import APIRouter, Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from unlib.services import subjects as service
from unlib.web import views
from unlib.web.deps import LibraryDep, form_token_error
from unlib.web.pages_render import interface_language, render, strip_json
from unlib.web.problems import wants_json
from unlib.web.views import N_

router = APIRouter(include_in_schema=False)

STATUS_LABELS: Final = {
    "suggested": N_("Suggested"),
    "accepted": N_("Accepted"),
    "rejected": N_("Rejected"),
}


def subjects_view(ref: str, data: dict[str, Any]) -> dict[str, Any]:
    """What the subjects panel shows of ``data`` (``services.subjects.assignments``): stored
    subjects, each linked to its concept page."""
    return {
        "ref": ref,
        "action": "/subjects/" + views.quote_ref(ref),
        "rows": [
            {
                **row,
                "url": "/vocab/unbis/" + row["uri"].rstrip("/").rsplit("/", 1)[-1],
                "status_label": STATUS_LABELS.get(row["status"], row["status"]),
                "percent": round(100 * row["score"]) if row["score"] is not None else None,
            }
            for row in data["subjects"]
        ],
    }


@router.get("/subjects/{ref:path}")
async def subjects_page(ref: str, request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    work = library.resolve(strip_json(ref))
    data = service.assignments(library, work.label, hl)
    return _page(request, hl, work.label, data, None, 200)


@router.post("/subjects/{ref:path}")
async def subjects_decide(ref: str, request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    work = library.resolve(strip_json(ref))
    form = await request.form()
    error, status = form_token_error(request, form), 401
    if error is None:
        decision, _, uri = str(form.get("decide") or "").partition(" ")
        try:
            row = service.decide(library, work.label, uri, decision, "web")
        except service.SubjectsError as problem:
            error, status = str(problem), 400
        else:
            if wants_json(request):
                return JSONResponse(row)
            return RedirectResponse(views.record_url(work.label, anchor="subjects"), 303)
    data = service.assignments(library, work.label, hl)
    return _page(request, hl, work.label, data, error, status)


def _page(
    request: Request,
    hl: str,
    ref: str,
    data: dict[str, Any],
    error: str | None,
    status: int,
) -> Response:
    context = {
        "data": data,
        "ref": ref,
        "subjects": subjects_view(ref, data),
        "record": views.record_url(ref),
        "error": error,
    }
    shown = {**data, "error": error} if error else data
    return render(request, hl, "subjects.html", context, data=shown, status=status)
