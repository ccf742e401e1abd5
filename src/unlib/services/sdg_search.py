"""The SDG facet and filter of a search: goals come from the catalogue (``work_goals``, filled
by ``unlib sdg classify-library``), not from the passage index, so classifying the library
again needs no reindexing. The filter narrows the search to the works holding the goal; the
facet counts the goals of every work the search matches."""

from __future__ import annotations

from typing import Any, Final

from unlib.search import schema as f
from unlib.search.build import build_query
from unlib.search.engine import SearchEngine
from unlib.search.filters import Filters
from unlib.search.query import ParsedQuery
from unlib.store.base import CatalogueStore
from unlib.store.goals import goal_counts, works_with_goal

# Most works a search's SDG facet counts (beyond that, the best-matching ones).
FACET_WORKS: Final = 20_000


def parse_goal(value: str | int | None) -> int | None:
    """A goal number from "7", "sdg7", "SDG 7" or 7; None when empty."""
    if value is None or value == "":
        return None
    text = str(value).strip().lower().removeprefix("sdg").strip()
    if not text.isdigit() or not 1 <= int(text) <= 17:
        raise ValueError(f"sdg must be a goal number from 1 to 17, not {value!r}")
    return int(text)


def goal_filter(catalogue: CatalogueStore, goal: int) -> Filters:
    works = works_with_goal(catalogue, goal)
    return Filters(works=tuple(works)) if works else Filters(impossible=True)


def goal_facet(
    catalogue: CatalogueStore,
    engine: SearchEngine,
    query: ParsedQuery,
    filters: Filters,
    *,
    relaxed: bool = False,
) -> list[dict[str, Any]]:
    """``[{"value": "7", "count": works}]`` for the works the search matches, most first."""
    if not goal_counts(catalogue):
        return []  # the library was never classified: no facet, no index work
    searcher = engine.index.searcher()
    tantivy_query = build_query(
        engine.index.schema, query, query.filters.narrowed(filters), any_word=relaxed
    )
    answer = searcher.aggregate(
        tantivy_query, {"works": {"terms": {"field": f.WORK, "size": FACET_WORKS}}}
    )
    ids = [int(b["key"]) for b in answer.get("works", {}).get("buckets", [])]
    counts = goal_counts(catalogue, ids)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [{"value": str(goal), "count": n} for goal, n in ranked]
