"""Rendering pages: one Jinja2 environment per interface language, JSON twins, the language
cookie, and the friendly error page every failure ends on."""

from __future__ import annotations

import hashlib
import logging
from functools import cache, partial
from pathlib import Path
from typing import Any, Final

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import escape
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from unlib.web import i18n, views
from unlib.web.problems import wants_json

TEMPLATE_DIR: Final = Path(__file__).parent / "templates"
STATIC_DIR: Final = Path(__file__).parent / "static"
_COOKIE_SECONDS: Final = 365 * 24 * 3600
_VARY: Final = "Accept, Accept-Language, Cookie"
log = logging.getLogger(__name__)


def _asset_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(STATIC_DIR.rglob("*")):
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


ASSET_VERSION: Final = _asset_version()


@cache
def environment(lang: str) -> Environment:
    """The template environment of one interface language (built once per process)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(i18n.translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        number=partial(i18n.format_number, lang),
        date=partial(i18n.format_iso_date, lang),
        size=partial(i18n.format_size, lang),
        language=partial(i18n.language_name, lang),
        organ=partial(i18n.organ_name, lang),
        doctype=partial(views.doc_type_label, lang),
        direction=i18n.text_direction,
    )
    env.globals.update(
        record_url=views.record_url,
        query_url=views.query_url,
        value_label=partial(views.value_label, lang),
        native_names=i18n.NATIVE_NAMES,
        field_labels=views.FIELD_LABELS,
        field_hints=views.FIELD_HINTS,
        by_field=views.BY_FIELD,
        asset_version=ASSET_VERSION,
    )
    return env


# -- negotiation ----------------------------------------------------------------------------


def interface_language(request: Request) -> str:
    return i18n.negotiate(
        request.query_params.get("hl"),
        request.cookies.get(i18n.COOKIE),
        request.headers.get("accept-language"),
    )


def strip_json(value: str) -> str:
    """A path parameter without the ``.json`` of a JSON twin URL."""
    return value[: -len(".json")] if value.endswith(".json") else value


def json_url(request: Request) -> str:
    """The JSON twin of the page asked for: its path with ``.json`` (``/`` has ``/search``)."""
    path = views.quote_ref(request.url.path.rstrip("/") or "/search")
    if not path.endswith(".json"):
        path += ".json"
    query = request.url.query
    return path + ("?" + query if query else "")


def _ui(request: Request, lang: str) -> dict[str, Any]:
    params = list(request.query_params.multi_items())
    path = views.quote_ref(request.url.path)
    return {
        "lang": lang,
        "dir": i18n.text_direction(lang),
        "languages": [
            {
                "code": code,
                "name": i18n.NATIVE_NAMES[code],
                "url": views.with_param(path, params, "hl", code),
                "current": code == lang,
            }
            for code in i18n.UI_LANGUAGES
        ],
        "path": path,
        "json_url": json_url(request),
        "base_url": str(request.base_url).rstrip("/"),
    }


# -- responses ------------------------------------------------------------------------------


def render(
    request: Request,
    lang: str,
    template: str,
    context: dict[str, Any],
    *,
    data: Any,
    status: int = 200,
) -> Response:
    """The page, or its JSON twin (``data``: the service's view model) when JSON was asked."""
    if wants_json(request):
        response: Response = JSONResponse(data, status_code=status)
    else:
        page = environment(lang).get_template(template).render(ui=_ui(request, lang), **context)
        response = HTMLResponse(page, status_code=status)
        remember_language(request, response, lang)
    response.headers["Vary"] = _VARY
    return response


def remember_language(request: Request, response: Response, lang: str) -> None:
    """Keep a language chosen with ``?hl=`` in the ``unlib_hl`` cookie."""
    chosen = i18n.supported(request.query_params.get("hl"))
    if chosen and chosen == lang and request.cookies.get(i18n.COOKIE) != chosen:
        response.set_cookie(
            i18n.COOKIE, chosen, max_age=_COOKIE_SECONDS, samesite="lax", httponly=True
        )


_STATUS_TITLES: Final = {
    400: views.N_("We could not read that request"),
    403: views.N_("This is not allowed here"),
    404: views.N_("We could not find that page"),
    405: views.N_("That action is not possible here"),
    413: views.N_("That is too large"),
    422: views.N_("Some of the information sent is not valid"),
    429: views.N_("Too many requests"),
    500: views.N_("Something went wrong on our side"),
    503: views.N_("The service is busy"),
}


_SEARCH_TITLE: Final = views.N_("We could not read that search")


def error_context(request: Request, status: int, title: str, detail: str) -> dict[str, Any]:
    path = request.url.path
    wanted = None
    # A symbol nobody holds: offer to search for it (not when a language version is missing).
    if status == 404 and path.startswith("/record/"):
        wanted = strip_json(path[len("/record/") :]) or None
    elif status == 404 and path.startswith("/s/") and not request.query_params.get("lang"):
        wanted = path[len("/s/") :] or None
    on_search = path in ("/", "/search")
    return {
        "status": status,
        "title": _SEARCH_TITLE if status == 400 and on_search else _STATUS_TITLES.get(status),
        "given_title": title,
        "detail": views.error_detail(detail) if status < 500 else "",
        "wanted": wanted,
        "on_search": on_search,
        "query": request.query_params.get("q", "") if on_search else "",
    }


def render_error(request: Request, status: int, title: str, detail: str) -> Response:
    """A friendly error page in the reader's language: what happened, what to do, links."""
    lang = interface_language(request)
    context = error_context(request, status, title, detail)
    try:
        ui = {**_ui(request, lang), "json_url": None}  # an error has no JSON twin page
        page = environment(lang).get_template("error.html").render(ui=ui, **context)
    except Exception:  # the error page must never fail: fall back to plain text
        log.exception("error page could not be rendered")
        page = f"<!doctype html><title>{escape(title)}</title><h1>{escape(title)}</h1>"
        page += f'<p>{escape(detail)}</p><p><a href="/">unlib</a></p>'
    response = HTMLResponse(page, status_code=status)
    response.headers["Vary"] = _VARY
    return response
