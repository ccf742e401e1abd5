"""What the record page shows of a work's SDG goals (stored by ``unlib sdg classify-library``):
each goal with its score, its taxonomy page and a search for the documents on it."""

from __future__ import annotations

from typing import Any


def goal_links(goals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``goals`` (``SdgService.work_goals``) each with its taxonomy page and search."""
    return [
        {
            **goal,
            "percent": round(100 * goal["score"]),
            "concept_url": f"/vocab/sdg/{goal['goal']}",
            "search_url": f"/search?sdg={goal['goal']}",
        }
        for goal in goals
    ]
