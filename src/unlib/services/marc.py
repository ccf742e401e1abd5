"""MARCXML import of UN Digital Library records as a use case, and the subject headings it
brings (the librarians' UNBIS indexing: gold data for automatic subject suggestion).

Subject headings are kept in the ``marc_subjects`` table with the UNBIS concept each 650
heading maps to; :func:`gold_subjects` hands them to subject indexing (assignments with
provenance "marc").
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from unlib.marc.importer import MarcError, MarcImport
from unlib.store.base import CatalogueStore
from unlib.store.marc import marc_store
from unlib.vocab.persist import load_vocabulary

__all__ = ["MarcError", "gold_subjects", "import_marc", "work_metadata"]


def import_marc(catalogue: CatalogueStore, paths: Sequence[Path]) -> dict[str, Any]:
    """File every record of the MARCXML files ``paths`` (folders: their ``*.xml`` and
    ``*.marcxml`` files); a file that is not MARCXML is listed in ``failed``. Raises
    :class:`MarcError` when no file could be read."""
    files = _files(paths)
    if not files:
        raise MarcError("no MARCXML file (.xml, .marcxml) among the paths given")
    vocab = load_vocabulary(catalogue)
    summary = MarcImport(catalogue, vocab).run(files).to_json()
    if not summary["files"]:  # every file failed: an error, not a summary of nothing
        raise MarcError("; ".join(f["reason"] for f in summary["failed"]))
    summary["vocabulary_loaded"] = len(vocab) > 0
    return summary


def _files(paths: Sequence[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in (".xml", ".marcxml"))
        else:
            found.append(path)
    return found


def gold_subjects(catalogue: CatalogueStore, *, primary_only: bool = False) -> dict[int, list[str]]:
    """UNBIS concept URIs the catalogued records give each work (650 headings that map)."""
    return {
        work_id: uris
        for work_id, rows in marc_store(catalogue).subjects().items()
        if (uris := [r.uri for r in rows if r.uri and (r.primary or not primary_only)])
    }


def work_metadata(catalogue: CatalogueStore, work_id: int) -> dict[str, Any]:
    """What MARC records say of a work beyond the works table: titles per language, related
    documents, files held elsewhere, subject headings (with their UNBIS concepts)."""
    store = marc_store(catalogue)
    return {
        "titles": store.titles(work_id),
        "related": store.links(work_id),
        "external_files": store.external_files(work_id),
        "subjects": [
            {
                "tag": r.tag,
                "heading": r.heading,
                "authority": r.authority,
                "primary": r.primary,
                "uri": r.uri,
            }
            for r in store.subjects(work_id).get(work_id, [])
        ],
    }
