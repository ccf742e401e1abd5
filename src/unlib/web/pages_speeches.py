"""General Debate speeches: search ``/speeches?q=&country=&session=&year=&speaker=&page=``
(highlighted snippets; without words, the speeches the filters select, newest first) and one
speech ``/speeches/{id}`` with its numbered paragraphs."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any, Final

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import Response

from unlib.services import speeches as service
from unlib.services.speeches import SpeechNotFound, SpeechQuery
from unlib.services.votes import VotesNotFound
from unlib.speeches.index import SpeechIndexError
from unlib.web import views
from unlib.web import views_votes as vv
from unlib.web.country_names import country_label
from unlib.web.deps import LibraryDep
from unlib.web.pages_render import interface_language, render

router = APIRouter(include_in_schema=False)

PER_PAGE: Final = 10


@dataclass(frozen=True, slots=True)
class SpeechForm:
    q: str = ""
    country: str = ""
    session: str = ""
    year: str = ""
    speaker: str = ""
    page: int = 1

    @classmethod
    def from_request(cls, request: Request) -> SpeechForm:
        get = request.query_params.get
        form = cls(
            q=get("q", "").strip()[:1000],
            country=get("country", "").strip()[:100],
            session=get("session", "").strip(),
            year=get("year", "").strip(),
            speaker=get("speaker", "").strip()[:200],
            page=views.to_int(get("page"), 1),
        )
        for name in ("session", "year"):
            value = getattr(form, name)
            if value and not (value.isdigit() and len(value) <= 4):
                raise HTTPException(400, f"the {name} must be a number, not {value!r}")
        return form

    def url(self, **changes: Any) -> str:
        return views.query_url("/speeches", asdict(replace(self, **changes)))

    @property
    def filtered(self) -> bool:
        return any((self.country, self.session, self.year, self.speaker))

    def query(self) -> SpeechQuery:
        return SpeechQuery(
            self.q,
            country=self.country or None,
            session=int(self.session) if self.session else None,
            year=int(self.year) if self.year else None,
            speaker=self.speaker or None,
            limit=PER_PAGE,
            offset=(self.page - 1) * PER_PAGE,
        )


@router.get("/speeches")
@router.get("/speeches.json")
@router.get("/speeches.csv")
async def speeches_page(request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    form = SpeechForm.from_request(request)
    try:
        data = library.speech_search_page(form.query())
    except VotesNotFound as error:  # a country we cannot read
        raise HTTPException(400, str(error)) from error
    except SpeechIndexError as error:
        raise HTTPException(503, str(error)) from error
    tables = {"results": lambda: service.search_table(data)}
    wanted = vv.exported(request, tables, "speeches")
    if wanted is not None:
        return wanted
    context = search_context(data, form, hl)
    context["exports"] = vv.export_links(request, tables)
    return render(request, hl, "speeches_search.html", context, data=data)


@router.get("/speeches/{speech_id}")
async def speech_page(speech_id: str, request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    try:
        record = vv.without_server_paths(library.speech(vv.strip_suffix(speech_id)))
    except SpeechNotFound as error:
        raise HTTPException(404, str(error)) from error
    return render(request, hl, "speeches_show.html", speech_context(record, hl), data=record)


# -- views ------------------------------------------------------------------------------------


def search_context(data: dict[str, Any], form: SpeechForm, hl: str) -> dict[str, Any]:
    pages = views.page_count(data["total"], PER_PAGE)
    choices = data["choices"]
    return {
        "form": form,
        "data": data,
        "results": [result_view(item, hl) for item in data["results"]],
        "countries": vv.countries(
            hl, [c["code"] for c in choices["countries"]], _names(choices["countries"])
        ),
        "sessions": choices["sessions"],
        "years": sorted({s["year"] for s in choices["sessions"] if s["year"]}, reverse=True),
        "start": (form.page - 1) * PER_PAGE + 1,
        "page_links": views.page_links(form.page, pages, lambda n: form.url(page=n)),
        "prev_url": form.url(page=form.page - 1) if form.page > 1 else None,
        "next_url": form.url(page=form.page + 1) if form.page < pages else None,
        "clear_url": SpeechForm(q=form.q).url(),
    }


def _names(countries: list[dict[str, Any]]) -> dict[str, str | None]:
    return {c["code"]: c["name"] for c in countries}


def result_view(item: dict[str, Any], hl: str) -> dict[str, Any]:
    return {
        **item,
        "country_label": country_label(hl, item["country"], item["country_name"]),
        "url": vv.speech_url(item["id"]),
        "paragraph_url": vv.speech_url(item["id"], item["paragraph"]),
        "snippet_html": views.highlight(item["snippet"], item["highlights"]),
        "country_url": vv.country_url(item["country"]),
    }


def speech_context(record: dict[str, Any], hl: str) -> dict[str, Any]:
    return {
        "record": record,
        "country_label": country_label(hl, record["country"], record["country_name"]),
        "country_url": vv.country_url(record["country"]),
        "others_url": views.query_url("/speeches", {"country": record["country"]}),
    }
