"""The web pages: search, records, browse, statistics, the resolver and original files.

Every page is server-rendered in the reader's language (see :mod:`unlib.web.i18n`) and has a
JSON twin: the same URL with ``.json`` appended to the path, or ``Accept: application/json``.
Handlers make one call on the :class:`~unlib.services.library.Library` and hand its result to
a pure view helper (:mod:`unlib.web.views`) and a template.
"""

from __future__ import annotations

from fastapi import APIRouter

from unlib.web import (
    pages_ask,
    pages_browse,
    pages_countries,
    pages_faq,
    pages_files,
    pages_record,
    pages_search,
    pages_speeches,
    pages_subjects,
    pages_vocab,
    pages_votes,
)
from unlib.web.pages_render import STATIC_DIR, TEMPLATE_DIR, render_error

__all__ = ["STATIC_DIR", "TEMPLATE_DIR", "render_error", "router"]

router = APIRouter(include_in_schema=False)
for _module in (
    pages_search,
    pages_record,
    pages_browse,
    pages_files,
    pages_vocab,
    pages_votes,
    pages_countries,
    pages_speeches,
    pages_ask,
    pages_faq,
    pages_subjects,
):
    router.include_router(_module.router)
