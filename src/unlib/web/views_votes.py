"""Pure helpers of the vote, country and speech pages: vote names, URLs, percentages, charts
from tallies, and the CSV/JSON export of the tables a page shows.

Every page that shows a table offers it as CSV (``?format=csv``, or the page's path with
``.csv``) and as JSON rows (``?format=json``); a page with several tables names the one wanted
with ``&table=`` (its first table when omitted). The page's own data stays at ``.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import PurePath
from typing import Any, Final

from babel.numbers import format_percent
from fastapi import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from unlib.services.votes import Table
from unlib.votes.records import VOTE_NAMES
from unlib.web import charts_votes, views
from unlib.web.country_names import country_label, sort_key
from unlib.web.i18n import format_number, gettext
from unlib.web.views import N_

VOTE_LABELS: Final = {
    "Y": N_("In favour"),
    "N": N_("Against"),
    "A": N_("Abstaining"),
    "X": N_("Non-voting"),
}
KIND_LABELS: Final = {
    "resolution": N_("Resolution"),
    "decision": N_("Decision"),
    "paragraph": N_("Vote on a paragraph"),
    "amendment": N_("Vote on an amendment"),
    "other": N_("Other vote"),
}
_BASES: Final = {
    "adopted": N_("The source records the text as an adopted resolution or decision."),
    "computed": N_(
        "Computed here: more votes in favour than against among the Members present and voting."
    ),
}
EXPORT_FORMATS: Final = ("csv", "json")
TITLE_CHARS: Final = 160
_FORMAT_LOCALES: Final = {"en": "en_GB", "zh": "zh_Hans_CN"}
_UNSAFE_NAME: Final = re.compile(r"[^A-Za-z0-9._-]+")

TableMakers = Mapping[str, Callable[[], Table]]


# -- words and numbers ------------------------------------------------------------------------


def vote_label(lang: str, vote: str) -> str:
    return gettext(lang, VOTE_LABELS.get(vote, vote))


def kind_label(lang: str, kind: str) -> str:
    return gettext(lang, KIND_LABELS.get(kind, kind))


def adopted_basis(lang: str, basis: str) -> str:
    """The service's reason for "adopted" (``adopted: …`` or ``computed: …``) for readers."""
    ground = basis.partition(":")[0]
    return gettext(lang, _BASES[ground]) if ground in _BASES else basis


def verdict(lang: str, adopted: bool) -> str:
    return gettext(lang, N_("adopted") if adopted else N_("not adopted"))


def clip(text: str | None, limit: int = TITLE_CHARS) -> str:
    """A title for a table cell: imported descriptions can run to whole paragraphs."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def percent(lang: str, value: float | None) -> str:
    if value is None:
        return "—"
    return format_percent(value, locale=_FORMAT_LOCALES.get(lang, lang))


def scale_labels(lang: str) -> tuple[str, str, str]:
    return percent(lang, 0), percent(lang, 0.5), percent(lang, 1)


# -- URLs -------------------------------------------------------------------------------------


def vote_url(ref: str, anchor: str | None = None) -> str:
    """The page of the vote(s) on a resolution (by symbol) or of one roll call (by id)."""
    return "/votes/" + views.quote_ref(ref) + (f"#{anchor}" if anchor else "")


def roll_call_anchor(roll_call_id: str) -> str:
    return "rc-" + _UNSAFE_NAME.sub("-", roll_call_id)


def country_url(code: str, other: str | None = None) -> str:
    return views.query_url("/countries/" + views.quote_ref(code), {"with": other})


def speech_url(speech_id: str, paragraph: int | None = None) -> str:
    return "/speeches/" + views.quote_ref(speech_id) + (f"#para-{paragraph}" if paragraph else "")


def search_url(symbol: str | None) -> str | None:
    """A document symbol (meeting, draft) as a search: the document first when held here."""
    return views.query_url("/search", {"q": symbol}) if symbol else None


def safe_link(url: str | None) -> str | None:
    """A link taken from imported data, only when it is plain http(s)."""
    return url if url and url.startswith(("https://", "http://")) else None


def countries(
    lang: str, codes: Iterable[str], names: Mapping[str, str | None] | None = None
) -> list[dict[str, str]]:
    """``[{"code", "name", "url"}]`` in the reader's language, ordered by name; ``names``:
    the data's names, for codes no list names."""
    names = names or {}
    found = [
        {"code": code, "name": country_label(lang, code, names.get(code)), "url": country_url(code)}
        for code in codes
    ]
    return sorted(found, key=lambda c: sort_key(c["name"]))


def without_server_paths(data: Any) -> Any:
    """The record with the imported file's name only (``file``, ``source_path``): where the
    server keeps its sources is none of the reader's business."""
    if isinstance(data, list):
        return [without_server_paths(item) for item in data]
    found = dict(data)
    for key in ("file", "source_path"):
        if isinstance(found.get(key), str):
            found[key] = PurePath(found[key]).name
    return found


# -- charts from tallies ----------------------------------------------------------------------


def segments(lang: str, counts: Mapping[str, int]) -> tuple[charts_votes.Segment, ...]:
    """Yes/no/abstain/non-voting counts (keys as the services name them) as chart segments."""
    return tuple(
        charts_votes.Segment(
            code, vote_label(lang, code), int(counts[name]), format_number(lang, counts[name])
        )
        for code, name in VOTE_NAMES.items()
    )


def share_segments(lang: str, counts: Mapping[str, int]) -> tuple[charts_votes.Segment, ...]:
    """Segments whose text gives count and share ("104 (95 %)")."""
    total = sum(int(counts[name]) for name in VOTE_NAMES.values()) or 1
    return tuple(
        charts_votes.Segment(
            s.vote, s.label, s.value, f"{s.display} ({percent(lang, s.value / total)})"
        )
        for s in segments(lang, counts)
    )


# -- exports ----------------------------------------------------------------------------------


def strip_suffix(value: str) -> str:
    """A path parameter without the ``.json`` or ``.csv`` of a twin URL."""
    for suffix in (".json", ".csv"):
        if value.endswith(suffix):
            return value[: -len(suffix)]
    return value


def export_links(request: Request, tables: Iterable[str]) -> dict[str, dict[str, str]]:
    """``{table: {"csv": url, "json": url}}`` for the tables of the page asked for."""
    path = views.quote_ref(strip_suffix(request.url.path))
    params = [
        (k, v) for k, v in request.query_params.multi_items() if k not in ("format", "table", "hl")
    ]
    links = {}
    for number, name in enumerate(tables):
        extra = [] if number == 0 else [("table", name)]
        links[name] = {
            fmt: views.with_param(path, [*params, *extra], "format", fmt) for fmt in EXPORT_FORMATS
        }
    return links


def exported(request: Request, tables: TableMakers, filename: str) -> Response | None:
    """The table asked for as CSV or JSON rows, or None when the page itself was asked for."""
    fmt = request.query_params.get("format")
    if fmt is None and request.url.path.endswith(".csv"):
        fmt = "csv"
    if fmt is None:
        return None
    if fmt not in EXPORT_FORMATS:
        raise HTTPException(400, f"format must be csv or json, not {fmt!r}")
    name = request.query_params.get("table") or next(iter(tables))
    if name not in tables:
        raise HTTPException(400, f"this page has no table {name!r} (it has {', '.join(tables)})")
    table = tables[name]()
    if fmt == "json":
        return JSONResponse(table.to_json())
    stem = _UNSAFE_NAME.sub("_", f"{filename}-{name}").strip("_") or "table"
    return Response(
        table.to_csv(),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": views.content_disposition(f"{stem}.csv")},
    )
