"""Keeping the full-text index in step with the catalogue.

The catalogue is the source of truth. A version is written to the catalogue with
``indexed = 0``; its passages go to the index; once the index has committed them the version is
marked ``indexed = 1``. A crash in between leaves ``indexed = 0`` behind, and the next run
re-indexes exactly those versions (deleting whatever partial entries they have first), so the
two stores converge without a two-phase commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from unlib.model import IngestedDocument
from unlib.search.index import IndexedPassage, PassageIndex
from unlib.store.base import CatalogueStore
from unlib.store.records import AddOutcome, WorkRow
from unlib.text.analysis import prepare_for_index

# Title passages weigh more than body text (tantivy multiplies the score by log2(2 + boost)).
TITLE_BOOST = 6.0


def _entry(
    work: WorkRow, vid: int, lang: str, pid: int, kind: str, text: str, cites: Sequence[str]
) -> IndexedPassage:
    return IndexedPassage(
        pid=pid,
        vid=vid,
        work=work.id,
        work_key=work.key,
        lang=lang,
        body=work.body,
        year=work.year,
        doc_type=work.doc_type,
        kind=kind,
        cites=tuple(dict.fromkeys(cites)),
        text=text,
        boost=TITLE_BOOST if kind == "title" else 0.0,
    )


def entries_for_new_version(
    work: WorkRow, outcome: AddOutcome, doc: IngestedDocument
) -> list[IndexedPassage]:
    """Index entries for a freshly filed version, reusing the worker's analysis."""
    analysed = {
        p.seq: p.text if text is None else text
        for p, text in zip(doc.passages, doc.index_text, strict=True)
    }
    kinds = {p.seq: p.kind for p in doc.passages}
    cites_by_seq: dict[int, list[str]] = {}
    for seq, mention in doc.citations:
        cites_by_seq.setdefault(seq, []).append(mention.key)
    entries = []
    for pid, seq in outcome.passage_ids:
        if seq == -1:
            text, kind = doc.index_title or "", "title"
        else:
            text, kind = analysed[seq], kinds[seq]
        entries.append(
            _entry(work, outcome.version_id, doc.lang, pid, kind, text, cites_by_seq.get(seq, []))
        )
    return entries


def entries_from_catalogue(cat: CatalogueStore, version_id: int) -> list[IndexedPassage]:
    """Index entries rebuilt from what the catalogue holds (recovery, reindex)."""
    version = cat.version(version_id)
    if version is None:
        return []
    work = cat.work(version.work_id)
    if work is None:
        return []
    cites = cat.cited_keys_by_passage(version_id)
    return [
        _entry(
            work,
            version_id,
            version.lang,
            p.id,
            p.kind,
            prepare_for_index(version.lang, p.text),
            cites.get(p.id, []),
        )
        for p in cat.passages(version_id)
    ]


def reindex_versions(cat: CatalogueStore, index: PassageIndex, version_ids: Iterable[int]) -> int:
    """Replace the index entries of these versions with fresh ones; returns passages indexed."""
    ids = list(version_ids)
    if not ids:
        return 0
    index.delete_versions(ids)
    count = 0
    for vid in ids:
        count += index.add(entries_from_catalogue(cat, vid))
    index.commit()
    cat.mark_indexed(ids)
    return count
