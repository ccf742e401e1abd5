"""Recorded votes: the list of roll calls ``/votes?q=&session=&year=&body=&page=`` and the vote on
a resolution ``/votes/{symbol}`` (any spelling; every roll call on it), or on one roll call by
its id (``/votes/unvotes:4593``). Both export their table (see :mod:`views_votes`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any, Final

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import RedirectResponse, Response

from unlib.services import votes as service
from unlib.services.votes import VotesNotFound
from unlib.web import charts_votes, views
from unlib.web import views_votes as vv
from unlib.web.country_names import country_label, sort_key
from unlib.web.deps import LibraryDep
from unlib.web.i18n import gettext, text_direction
from unlib.web.pages_render import interface_language, render

router = APIRouter(include_in_schema=False)

PER_PAGE: Final = 50
BODIES: Final = ("GA", "SC")


@dataclass(frozen=True, slots=True)
class VotesForm:
    """What the filters of the roll-call list carry."""

    q: str = ""
    session: str = ""
    year: str = ""
    body: str = ""
    page: int = 1

    @classmethod
    def from_request(cls, request: Request) -> VotesForm:
        get = request.query_params.get
        year = get("year", "").strip()
        if year and not (year.isdigit() and len(year) == 4):
            raise HTTPException(400, f"the year must be written with four digits, not {year!r}")
        body = get("body", "").strip().upper()
        if body and body not in BODIES:
            raise HTTPException(400, f"the body must be GA or SC, not {body!r}")
        return cls(
            get("q", "").strip()[:200],
            get("session", "").strip()[:20],
            year,
            body,
            views.to_int(get("page"), 1),
        )

    def url(self, **changes: Any) -> str:
        return views.query_url("/votes", asdict(replace(self, **changes)))

    def filters(self, paged: bool = True) -> dict[str, Any]:
        return {
            "text": self.q or None,
            "session": self.session or None,
            "year": int(self.year) if self.year else None,
            "body": self.body or None,
            "limit": PER_PAGE if paged else None,
            "offset": (self.page - 1) * PER_PAGE if paged else 0,
        }


@router.get("/votes")
@router.get("/votes.json")
@router.get("/votes.csv")
async def votes_list(request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    form = VotesForm.from_request(request)
    wanted = vv.exported(request, {"roll_calls": lambda: _all(library, form)}, "votes")
    if wanted is not None:
        return wanted
    data = library.roll_call_page(**form.filters())
    return render(request, hl, "votes_list.html", list_context(request, data, form, hl), data=data)


def _all(library: Any, form: VotesForm) -> service.Table:
    """Every roll call the filters select, for export (not one page)."""
    return service.list_table(library.roll_call_page(**form.filters(paged=False)))


@router.get("/votes/{ref:path}")
async def vote_page(ref: str, request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    ref = vv.strip_suffix(ref).strip()
    if not ref:
        return RedirectResponse("/votes", status_code=308)
    try:
        records = vv.without_server_paths(library.roll_calls(ref))
    except VotesNotFound as error:
        raise HTTPException(404, str(error)) from error
    tables = {"votes": lambda: service.roll_call_table(records)}
    wanted = vv.exported(request, tables, f"votes-{ref}")
    if wanted is not None:
        return wanted
    context = vote_context(records, hl)
    context["exports"] = vv.export_links(request, tables)
    return render(request, hl, "votes_show.html", context, data=records)


# -- views ------------------------------------------------------------------------------------


def list_context(
    request: Request, data: dict[str, Any], form: VotesForm, hl: str
) -> dict[str, Any]:
    pages = views.page_count(data["total"], PER_PAGE)
    return {
        "form": form,
        "data": data,
        "rows": [line_view(line, hl) for line in data["roll_calls"]],
        "start": (form.page - 1) * PER_PAGE + 1,
        "page_links": views.page_links(form.page, pages, lambda n: form.url(page=n)),
        "prev_url": form.url(page=form.page - 1) if form.page > 1 else None,
        "next_url": form.url(page=form.page + 1) if form.page < pages else None,
        "exports": vv.export_links(request, ["roll_calls"]),
    }


def line_view(line: dict[str, Any], hl: str) -> dict[str, Any]:
    """A roll call in a list: linked to all votes on its resolution, at its own place."""
    ref = line["symbol"] or line["id"]
    return {
        **line,
        "url": vv.vote_url(ref, vv.roll_call_anchor(line["id"]) if line["symbol"] else None),
        "kind_label": vv.kind_label(hl, line["kind"]),
        "verdict": vv.verdict(hl, line["adopted"]),
        "short_title": vv.clip(line["title"]),
    }


def vote_context(records: list[dict[str, Any]], hl: str) -> dict[str, Any]:
    first = records[0]
    symbol = first["symbol"] or first["symbol_as_written"]
    return {
        "symbol": symbol,
        "heading": symbol or first["id"],
        "title": first["title"],
        "roll_calls": [roll_call_view(record, hl) for record in records],
    }


def roll_call_view(record: dict[str, Any], hl: str) -> dict[str, Any]:
    label = gettext(hl, "Vote on %(symbol)s") % {"symbol": record["symbol"] or record["id"]}
    return {
        **record,
        "anchor": vv.roll_call_anchor(record["id"]),
        "kind_label": vv.kind_label(hl, record["kind"]),
        "basis": vv.adopted_basis(hl, record["adopted_basis"]),
        "tally": vv.segments(hl, record),
        "chart": charts_votes.tally_chart(
            vv.segments(hl, record), label, rtl=text_direction(hl) == "rtl"
        ),
        "groups": vote_groups(record, hl),
        "resolution_links": [
            {**link, "url": views.record_url(link["symbol"] or link["key"])}
            for link in record["resolutions"]
        ],
        "meeting_url": vv.search_url(record["meeting"]),
        "draft_url": vv.search_url(record["draft"]),
        "report_url": vv.search_url(record["committee_report"]),
        "undl_url": vv.safe_link(record["undl_link"]),
    }


def vote_groups(record: dict[str, Any], hl: str) -> list[dict[str, Any]]:
    """Countries by vote, each named in the reader's language and ordered by that name."""
    rows = {c["code"]: c for c in record["countries"]}
    groups = []
    for vote, codes in record["by_vote"].items():
        members = [
            {
                "code": code,
                "name": country_label(hl, code, rows[code]["name"]),
                "url": vv.country_url(code),
                "permanent": rows[code].get("permanent", False),
            }
            for code in codes
        ]
        members.sort(key=lambda m: sort_key(m["name"]))
        groups.append({"vote": vote, "label": vv.vote_label(hl, vote), "countries": members})
    return groups
