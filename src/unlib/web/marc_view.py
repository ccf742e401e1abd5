"""What the record page shows of a work's UN Digital Library catalogue record (MARC import):
subject headings linked to their UNBIS concepts, names, related documents and the files the
Digital Library holds."""

from __future__ import annotations

from typing import Any

from unlib.web import views

_NAME_TAGS = frozenset({"610", "611", "630"})


def marc_view(marc: dict[str, Any]) -> dict[str, Any] | None:
    """The panel's content, or None when no MARC record describes the work."""
    if not any(marc.get(part) for part in ("titles", "related", "external_files", "subjects")):
        return None
    subjects = marc.get("subjects", [])
    return {
        "headings": [
            {**s, "url": _concept_url(s["uri"])} for s in subjects if s["tag"] not in _NAME_TAGS
        ],
        "names": [s for s in subjects if s["tag"] in _NAME_TAGS],
        "related": [
            {**link, "url": views.record_url(link["target_symbol"] or link["target_key"])}
            for link in marc.get("related", [])
        ],
        "files": marc.get("external_files", []),
    }


def _concept_url(uri: str | None) -> str | None:
    if not uri or "/thesaurus/" not in uri:
        return None
    return "/vocab/unbis/" + uri.rsplit("/", 1)[-1]
