"""What the record page shows of a work's SDG goals (stored by ``unlib sdg classify-library``):
each goal with its score, its taxonomy page and a search for the documents on it."""

from __future__ import annotations

from typing import Any

from unlib.services.library import Library


def goal_links(library: Library, key: str) -> list[dict[str, Any]]:
    work = library.resolve(key)
    return [
        {
            **goal,
            "percent": round(100 * goal["score"]),
            "concept_url": f"/vocab/sdg/{goal['goal']}",
            "search_url": f"/search?sdg={goal['goal']}",
        }
        for goal in library.sdg.work_goals(work.id)
    ]
