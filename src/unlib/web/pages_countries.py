"""Member States on record: ``/countries`` (every country with votes or speeches) and
``/countries/{code}`` — a country's votes year by year, its agreement with another country
(``?with=CODE``) and its General Debate speeches. Both export their tables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import RedirectResponse, Response

from unlib.services import member_states
from unlib.services import votes as service
from unlib.services.votes import Table, VotesNotFound
from unlib.web import charts_votes, views
from unlib.web import views_votes as vv
from unlib.web.country_names import country_label, sort_key
from unlib.web.deps import LibraryDep
from unlib.web.i18n import format_number, gettext
from unlib.web.pages_render import interface_language, render

router = APIRouter(include_in_schema=False)

RECENT_VOTES: Final = 50


@router.get("/countries")
@router.get("/countries.json")
@router.get("/countries.csv")
async def countries_page(request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    data = library.countries()
    wanted = vv.exported(
        request, {"countries": lambda: member_states.countries_table(data)}, "countries"
    )
    if wanted is not None:
        return wanted
    context = {"rows": index_rows(data, hl), "exports": vv.export_links(request, ["countries"])}
    return render(request, hl, "votes_countries.html", context, data=data)


@router.get("/countries/{code}")
async def country_page(code: str, request: Request, library: LibraryDep) -> Response:
    hl = interface_language(request)
    code = vv.strip_suffix(code)
    if not code.strip():
        return RedirectResponse("/countries", status_code=308)
    other = (request.query_params.get("with") or "").strip()[:100] or None
    try:
        record = library.country_page(code, other)
    except VotesNotFound as error:
        raise HTTPException(404, str(error)) from error
    tables = country_tables(record)
    wanted = vv.exported(request, tables, f"country-{record['country']}")
    if wanted is not None:
        return wanted
    context = country_context(record, hl)
    context["exports"] = vv.export_links(request, tables)
    return render(request, hl, "country.html", context, data=record)


def country_tables(record: dict[str, Any]) -> dict[str, Callable[[], Table]]:
    tables: dict[str, Callable[[], Table]] = {
        "votes": lambda: service.country_votes_table(record),
        "by_year": lambda: member_states.by_year_table(record),
        "speeches": lambda: member_states.speeches_table(record["speeches"]),
    }
    if "agreement_with" in record:
        tables["agreement"] = lambda: service.agreement_table(record["agreement_with"])
    return tables


# -- views ------------------------------------------------------------------------------------


def index_rows(data: dict[str, Any], hl: str) -> list[dict[str, Any]]:
    rows = [
        {
            **country,
            "label": country_label(hl, country["code"], country["name"]),
            "url": vv.country_url(country["code"]),
            "yes_share": vv.percent(hl, _share(country["yes"], country["roll_calls"])),
        }
        for country in data["countries"]
    ]
    return sorted(rows, key=lambda row: sort_key(row["label"]))


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def country_context(record: dict[str, Any], hl: str) -> dict[str, Any]:
    code = record["country"]
    name = country_label(hl, code, record["name"])
    return {
        "record": record,
        "code": code,
        "name": name,
        "tally": vv.share_segments(hl, record),
        "years": year_rows(record["by_year"], hl),
        "years_chart": years_chart(record["by_year"], name, hl),
        "others": vv.countries(hl, record["countries"]),
        "comparison": comparison(record, name, hl),
        "recent": [vote_line(vote, hl) for vote in reversed(record["votes"][-RECENT_VOTES:])],
        "speeches": [
            {**speech, "url": vv.speech_url(speech["id"])} for speech in record["speeches"]
        ],
    }


def year_rows(by_year: list[dict[str, Any]], hl: str) -> list[dict[str, Any]]:
    return [
        {**year, "yes_share": vv.percent(hl, _share(year["yes"], year["roll_calls"]))}
        for year in by_year
        if year["year"] is not None
    ]


def years_chart(by_year: list[dict[str, Any]], name: str, hl: str) -> Any:
    columns = [
        charts_votes.Column(str(year["year"]), vv.share_segments(hl, year))
        for year in by_year
        if year["year"] is not None
    ]
    if not columns:
        return None
    label = gettext(hl, "Votes of %(country)s by year") % {"country": name}
    return charts_votes.share_chart(columns, label, vv.scale_labels(hl))


def comparison(record: dict[str, Any], name: str, hl: str) -> dict[str, Any] | None:
    """The agreement section when another country was asked for."""
    if "agreement_error" in record:
        return {"error": views.error_detail(record["agreement_error"]), "other": None}
    if "agreement" not in record:
        return None
    overall = record["agreement"]
    other = country_label(hl, overall["b"])
    years = [{**row, "share": vv.percent(hl, row["agreement"])} for row in record["agreement_with"]]
    label = gettext(hl, "Agreement of %(country)s with %(other)s by year") % {
        "country": name,
        "other": other,
    }
    columns = [
        charts_votes.Column(str(row["year"]), score=row["agreement"], display=row["share"])
        for row in years
    ]
    return {
        "error": None,
        "other": overall["b"],
        "other_name": other,
        "other_url": vv.country_url(overall["b"]),
        "overall": vv.percent(hl, overall["agreement"]),
        "roll_calls": overall["roll_calls"],
        "years": years,
        "chart": charts_votes.score_chart(columns, label, vv.scale_labels(hl)) if years else None,
        "caption": label,
    }


def vote_line(vote: dict[str, Any], hl: str) -> dict[str, Any]:
    ref = vote["symbol"] or vote["id"]
    return {
        **vote,
        "url": vv.vote_url(ref, vv.roll_call_anchor(vote["id"]) if vote["symbol"] else None),
        "vote_label": vv.vote_label(hl, vote["vote"]),
        "short_title": vv.clip(vote["title"]),
        "tally": " – ".join(format_number(hl, vote[k]) for k in ("yes", "no", "abstain")),
    }
