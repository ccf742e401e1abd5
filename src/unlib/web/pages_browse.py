"""Browsing and statistics: ``/browse``, ``/browse/{field}``, ``/browse/{field}/{value}``,
``/stats``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from fastapi import APIRouter, Request
from markupsafe import Markup
from starlette.responses import Response

from unlib.services.browse import BROWSE_FIELDS
from unlib.web import charts, views
from unlib.web.deps import LibraryDep
from unlib.web.i18n import UI_LANGUAGES, format_number, text_direction
from unlib.web.pages_render import interface_language, render, strip_json

router = APIRouter(include_in_schema=False)

PER_PAGE: Final = 50
_CHARTED: Final = (("lang", "languages"), ("body", "bodies"), ("type", "types"))
# Things a ``/stats`` reader outside the server has no business seeing.
_PRIVATE_STATS: Final = ("data_dir",)
# Years charted one column each, gaps included, up to this span (else only years present).
_MAX_YEAR_SPAN: Final = 150


@router.get("/browse")
@router.get("/browse.json")
async def browse_index(request: Request) -> Response:
    hl = interface_language(request)
    data = {"fields": [{"field": f, "url": f"/browse/{f}"} for f in BROWSE_FIELDS]}
    return render(request, hl, "browse.html", {"fields": data["fields"]}, data=data)


@router.get("/browse/{field}")
async def browse_field(field: str, request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    data = library.browse(strip_json(field))
    return render(request, hl, "browse_field.html", field_context(data, hl), data=data)


@router.get("/browse/{field}/{value:path}")
async def browse_works(field: str, value: str, request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    page = views.to_int(request.query_params.get("page"), 1)
    data = library.works(field, strip_json(value), page, PER_PAGE)
    return render(request, hl, "browse_works.html", works_context(data, hl), data=data)


@router.get("/stats")
@router.get("/stats.json")
async def stats_page(request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    data = {k: v for k, v in library.stats().items() if k not in _PRIVATE_STATS}
    return render(request, hl, "stats.html", stats_context(data, hl), data=data)


def _ordered(field: str, values: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if field == "lang":
        order = {code: n for n, code in enumerate(UI_LANGUAGES)}
        return sorted(values, key=lambda v: order.get(v["value"], len(order)))
    if field in ("year", "session"):
        return sorted(values, key=lambda v: (len(v["value"]), v["value"]), reverse=True)
    return values


def field_context(data: dict[str, Any], hl: str) -> dict[str, Any]:
    field = data["field"]
    values = [
        {
            **value,
            "label": views.value_label(hl, field, value["value"]),
            "url": f"/browse/{field}/{views.quote_ref(value['value'])}",
        }
        for value in _ordered(field, data["values"])
    ]
    chart = None
    if field == "year" and values:
        chart = charts.column_chart(_year_bars(values, hl), views.by_field_title(hl, "year"))
    return {"field": field, "values": values, "chart": chart}


def works_context(data: dict[str, Any], hl: str) -> dict[str, Any]:
    field, value = data["field"], data["value"]
    base = f"/browse/{field}/{views.quote_ref(value)}"
    return {
        "data": data,
        "field": field,
        "label": views.value_label(hl, field, value),
        "works": [{**work, "url": views.record_url(work["id"])} for work in data["works"]],
        "page_links": views.page_links(
            data["page"], data["pages"], lambda n: views.query_url(base, {"page": n})
        ),
        "prev_url": views.query_url(base, {"page": data["page"] - 1}) if data["page"] > 1 else None,
        "next_url": views.query_url(base, {"page": data["page"] + 1})
        if data["page"] < data["pages"]
        else None,
    }


def _table(field: str, counts: Mapping[str, int], hl: str) -> list[dict[str, Any]]:
    values = [{"value": str(k), "count": int(n)} for k, n in counts.items()]
    return [
        {
            **value,
            "label": views.value_label(hl, field, value["value"]),
            "url": f"/browse/{field}/{views.quote_ref(value['value'])}",
        }
        for value in _ordered(field, values)
    ]


def _bars(rows: list[dict[str, Any]], hl: str) -> list[charts.Bar]:
    return [charts.Bar(r["label"], r["count"], format_number(hl, r["count"])) for r in rows]


def _year_bars(rows: list[dict[str, Any]], hl: str) -> list[charts.Bar]:
    """One column per year from the first to the last, years without documents included."""
    counts = {int(r["value"]): r["count"] for r in rows if str(r["value"]).isdigit()}
    if not counts:
        return []
    first, last = min(counts), max(counts)
    years = range(first, last + 1) if last - first <= _MAX_YEAR_SPAN else sorted(counts)
    return [
        charts.Bar(str(y), counts.get(y, 0), format_number(hl, counts.get(y, 0))) for y in years
    ]


def stats_context(data: dict[str, Any], hl: str) -> dict[str, Any]:
    rtl = text_direction(hl) == "rtl"
    sections = []
    for field, key in _CHARTED:
        rows = _table(field, data.get(key, {}), hl)
        label = views.by_field_title(hl, field)
        chart = charts.bar_chart(_bars(rows, hl), label, rtl=rtl) if rows else Markup()
        sections.append({"field": field, "caption": label, "rows": rows, "chart": chart})
    years = _table("year", data.get("years", {}), hl)
    year_label = views.by_field_title(hl, "year")
    year_chart = charts.column_chart(_year_bars(years, hl), year_label) if years else Markup()
    sections.append({"field": "year", "caption": year_label, "rows": years, "chart": year_chart})
    return {"data": data, "sections": sections}
