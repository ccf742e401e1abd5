"""Browsing the catalogue: works by body, session, year, type or language, page by page."""

from __future__ import annotations

from typing import Any, Final

from unlib.model import LANGUAGE_NAMES
from unlib.services.views import work_line
from unlib.store.base import CatalogueStore
from unlib.symbols import body_name

BROWSE_FIELDS: Final = ("body", "session", "year", "type", "lang")


class BrowseError(ValueError):
    """A browse request names something that cannot be browsed."""


def _label(field: str, value: str) -> str:
    if field == "body":
        return body_name(value) or value
    if field == "lang":
        return LANGUAGE_NAMES.get(value, value)
    return value


def facet_values(cat: CatalogueStore, field: str) -> dict[str, Any]:
    """The values of ``field`` with the number of works for each."""
    _check(field)
    counts = cat.facet_counts(field)
    return {
        "field": field,
        "values": [
            {"value": value, "label": _label(field, value), "count": count}
            for value, count in counts.items()
        ],
    }


def works_with(
    cat: CatalogueStore, field: str | None, value: str | None, page: int, per_page: int
) -> dict[str, Any]:
    """One page of works (all, or those whose ``field`` is ``value``)."""
    if field is not None:
        _check(field)
    page, per_page = max(1, page), max(1, min(per_page, 500))
    total = cat.count_works(field, value)
    works = cat.works_page((page - 1) * per_page, per_page, field, value)
    return {
        "field": field,
        "value": value,
        "label": _label(field, value) if field and value is not None else None,
        "total": total,
        "page": page,
        "per_page": per_page,
        "pages": max(1, -(-total // per_page)),
        "works": [work_line(cat, work) for work in works],
    }


def _check(field: str) -> None:
    if field not in BROWSE_FIELDS:
        raise BrowseError(f"cannot browse by {field!r}: choose one of {', '.join(BROWSE_FIELDS)}")
