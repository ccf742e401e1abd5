"""Everything the record page shows of one work, in one call: the record, and what the other
collections say of it — its recorded votes, stored subjects, SDG goals and the UN Digital
Library catalogue record (a work known only from that record takes its titles from it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from unlib.services.library import Library


def record_page(library: Library, ref: str, lang: str | None, hl: str) -> dict[str, Any]:
    """``{"record","votes","subjects","goals","catalogue_record"}`` (subject labels in ``hl``)."""
    from unlib.services import subjects

    record = library.record(ref, lang)
    key = record["key"]
    marc = library.marc_metadata(key)
    if not any(record["titles"].values()) and marc["titles"]:
        record["titles"] = marc["titles"]
    return {
        "record": record,
        "votes": library.work_votes(key),
        "subjects": subjects.assignments(library, key, hl),
        "goals": library.sdg.work_goals(library.resolve(key).id),
        "catalogue_record": marc,
    }
