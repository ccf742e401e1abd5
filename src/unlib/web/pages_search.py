"""The search page: ``/`` and ``/search`` (one box; results with facets when asked)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any, Final

from fastapi import APIRouter, Request
from starlette.responses import Response

from unlib.services.search import SearchRequest
from unlib.web import views
from unlib.web.deps import LibraryDep
from unlib.web.i18n import UI_LANGUAGES
from unlib.web.pages_render import interface_language, render

router = APIRouter(include_in_schema=False)

PER_PAGE: Final = 10
FACETS: Final = ("lang", "body", "year", "type", "sdg")
FACETS_SHOWN: Final = 8
# Searches that show what the box can do, one per script.
EXAMPLES: Final = (
    "A/RES/73/3",
    "数字图书馆",
    "tuberculosis year:2018",
    '"paix et la sécurité internationales"',
    "السلم والأمن الدوليين",
    "Устав lang:ru",
    "body:S type:resolution",
)


@dataclass(frozen=True, slots=True)
class SearchForm:
    """What the search form and the facet links carry."""

    q: str = ""
    lang: str = ""
    body: str = ""
    year: str = ""
    type: str = ""
    sdg: str = ""
    page: int = 1
    # "0" turns the all-languages mode off: no passages from other language versions.
    all: str = ""

    @classmethod
    def from_request(cls, request: Request) -> SearchForm:
        get = request.query_params.get
        return cls(
            q=get("q", "").strip()[:1000],
            lang=get("lang", "").strip(),
            body=get("body", "").strip(),
            year=get("year", "").strip(),
            type=get("type", "").strip(),
            sdg=get("sdg", "").strip()[:10],
            page=views.to_int(get("page"), 1),
            all="0" if get("all", "").strip() == "0" else "",
        )

    @property
    def filters(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in FACETS if getattr(self, name)}

    @property
    def empty(self) -> bool:
        return not self.q and not self.filters

    def url(self, **changes: Any) -> str:
        return views.query_url("/search", asdict(replace(self, **changes)))

    def request(self, reader_lang: str) -> SearchRequest:
        return SearchRequest(
            self.q,
            lang=self.lang or None,
            body=self.body or None,
            year=self.year or None,
            doc_type=self.type or None,
            sdg=_goal(self.sdg),
            page=self.page,
            per_page=PER_PAGE,
            reader_lang=reader_lang,
            # the web's default: the paragraph in the reader's language, and passages close in
            # meaning from other languages; ``all=0`` turns it off
            all_languages=self.all != "0",
        )


@router.get("/")
@router.get("/search")
@router.get("/search.json")
async def search_page(request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    form = SearchForm.from_request(request)
    if form.empty:
        holdings = library.browse("lang")
        return render(request, hl, "home.html", home_context(holdings, hl), data=holdings)
    data = library.search(form.request(hl))
    return render(request, hl, "search.html", search_context(data, form, hl), data=data)


def home_context(holdings: dict[str, Any], hl: str) -> dict[str, Any]:
    counts = {item["value"]: item["count"] for item in holdings["values"]}
    return {
        "form": SearchForm(),
        "examples": [(query, views.query_url("/search", {"q": query})) for query in EXAMPLES],
        "holdings": [
            {"lang": code, "count": counts[code], "url": SearchForm(lang=code).url()}
            for code in (*UI_LANGUAGES, *sorted(set(counts) - set(UI_LANGUAGES)))
            if code in counts
        ],
    }


def search_context(data: dict[str, Any], form: SearchForm, hl: str) -> dict[str, Any]:
    pages = views.page_count(data["total"], data["per_page"])
    return {
        "form": form,
        "data": data,
        "results": [result_view(item, hl) for item in data["results"]],
        "facets": [facet_group(name, data["facets"].get(name, []), form, hl) for name in FACETS],
        "active": [
            {"field": name, "value": value, "remove": form.url(**{name: "", "page": 1})}
            for name, value in form.filters.items()
        ],
        "clear_url": SearchForm(q=form.q).url() if form.q else "/",
        "pages": pages,
        "page_links": views.page_links(data["page"], pages, lambda n: form.url(page=n)),
        "prev_url": form.url(page=data["page"] - 1) if data["page"] > 1 else None,
        "next_url": form.url(page=data["page"] + 1) if data["page"] < pages else None,
        "notes": [views.service_text(hl, note) for note in data.get("notes", [])],
        "suggestions": [views.service_text(hl, hint) for hint in data.get("suggestions", [])],
        "all_languages": form.all != "0",
        "all_languages_toggle": form.url(all="" if form.all == "0" else "0", page=1),
        "crosslingual": [
            dict(hit, url=views.record_url(hit["symbol"], hit["lang"]))
            for hit in data.get("crosslingual", [])
        ],
    }


def result_view(item: dict[str, Any], hl: str) -> dict[str, Any]:
    """One work found: its link opens the version in the reader's language when that version
    matched, else the version of the best passage."""
    ref = item["id"]
    matched = list(item["languages"])
    languages = list(item["available_languages"])
    languages += [code for code in matched if code not in languages]
    first = hl if hl in matched else (item["hits"][0]["lang"] if item["hits"] else None)
    title_hit = _title_hit(item)
    return {
        "ref": ref,
        "item": item,
        "url": views.record_url(ref, first),
        "title": views.highlight(item["title"], title_hit["highlights"])
        if title_hit
        else item["title"] or ref,
        "badges": [
            {"lang": code, "matched": code in matched, "url": views.record_url(ref, code)}
            for code in languages
        ],
        "hits": [hit_view(ref, hit) for hit in item["hits"] if hit is not title_hit],
    }


def _title_hit(item: dict[str, Any]) -> dict[str, Any] | None:
    """The hit on the title shown, whole: its highlights go on the title itself."""
    for hit in item["hits"]:
        if (
            hit["kind"] == "title"
            and hit["lang"] == item["title_lang"]
            and hit["snippet"] == item["title"]
        ):
            return hit
    return None


def hit_view(ref: str, hit: dict[str, Any]) -> dict[str, Any]:
    anchor = passage_anchor(hit["kind"], hit["paragraph"])
    return {
        "lang": hit["lang"],
        "paragraph": hit["paragraph"],
        "kind": hit["kind"],
        "snippet": views.highlight(hit["snippet"], hit["highlights"]),
        "url": views.record_url(ref, hit["lang"], anchor),
        "reader": hit.get("reader"),
    }


def passage_anchor(kind: str, para: str | None) -> str | None:
    """The id a numbered passage carries on its record page (``para-12``, ``fn-3``)."""
    if not para:
        return None
    return ("fn-" if kind == "footnote" else "para-") + "".join(para.split())


def facet_group(
    name: str, values: list[dict[str, Any]], form: SearchForm, hl: str
) -> dict[str, Any]:
    current = getattr(form, name)
    if name == "year":
        values = sorted(values, key=lambda v: str(v["value"]), reverse=True)
    items = [
        {
            "value": value["value"],
            "label": views.value_label(hl, name, str(value["value"])),
            "count": value["count"],
            "active": str(value["value"]) == current,
            "url": form.url(
                **{name: "" if str(value["value"]) == current else str(value["value"])}, page=1
            ),
        }
        for value in values
    ]
    return {
        "name": name,
        "label": views.FIELD_LABELS[name],
        "items": items[:FACETS_SHOWN],
        "more": items[FACETS_SHOWN:],
    }


def _goal(value: str) -> int | None:
    """The SDG filter of the form; a value that is no goal (1..17) filters nothing."""
    return int(value) if value.isdigit() and 1 <= int(value) <= 17 else None
