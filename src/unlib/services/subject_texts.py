"""What subject indexing reads of a work: each language version's title and text, the titles
a MARC record gives it per language, and its agenda items (titles and subject headings), and
the subjects already known for it (MARC 650 headings, accepted assignments).

Agenda lines are English in the UN Digital Library records, so they join the English text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from unlib.model import LANGUAGES
from unlib.services.marc import gold_subjects
from unlib.store.base import CatalogueStore
from unlib.store.records import WorkRow
from unlib.store.subjects import subject_store
from unlib.store.vocab import marc_store
from unlib.subjects.model import Example, Text

AGENDA_LANG: Final = "en"
# Enough text for subject evidence: a 30-page document is ~100k characters.
MAX_BODY_CHARS: Final = 200_000


def work_texts(
    catalogue: CatalogueStore,
    work: WorkRow,
    lang: str | None = None,
    *,
    full_text: bool = True,
) -> list[Text]:
    """One :class:`Text` per language the work has anything in (only ``lang`` when given)."""
    titles = marc_store(catalogue).titles(work.id)
    bodies: dict[str, list[str]] = {}
    for version in catalogue.versions(work.id):
        if version.title and version.lang not in titles:
            titles[version.lang] = version.title
        if full_text:
            text = catalogue.version_text(version.id)
            if text.strip():
                bodies.setdefault(version.lang, []).append(text[:MAX_BODY_CHARS])
    agenda = agenda_lines(catalogue, work.id)
    if agenda:
        bodies.setdefault(AGENDA_LANG, []).insert(0, "\n".join(agenda))
    texts = [
        Text("\n\n".join(bodies.get(code, [])), code, titles.get(code, ""))
        for code in LANGUAGES
        if (lang is None or code == lang) and (titles.get(code) or bodies.get(code))
    ]
    return [t for t in texts if (t.title or t.body).strip()]


def agenda_lines(catalogue: CatalogueStore, work_id: int) -> list[str]:
    """Agenda item titles and subject headings of the work's MARC records (991)."""
    lines: list[str] = []
    for item in subject_store(catalogue).marc_agenda(work_id):
        for key in ("title", "subject"):
            value = item.get(key)
            if isinstance(value, str) and value.strip() and value not in lines:
                lines.append(value.strip())
    return lines


def known_subjects(catalogue: CatalogueStore) -> dict[int, set[str]]:
    """Work id → the UNBIS concepts librarians gave it (MARC 650 and accepted assignments),
    less those a librarian rejected for it."""
    store = subject_store(catalogue)
    found: dict[int, set[str]] = {w: set(uris) for w, uris in gold_subjects(catalogue).items()}
    for work_id, uris in store.accepted().items():
        found.setdefault(work_id, set()).update(uris)
    for work_id, uris in store.rejected().items():
        if work_id in found:
            found[work_id] -= uris
    return {w: uris for w, uris in found.items() if uris}


def training_examples(
    catalogue: CatalogueStore,
    *,
    work_ids: Sequence[int] | None = None,
    full_text: bool = True,
) -> list[Example]:
    """Every work with known subjects and some text, as a training example (revisions of
    one document share a cross-validation group)."""
    known = known_subjects(catalogue)
    chosen = [w for w in (work_ids if work_ids is not None else sorted(known)) if w in known]
    works = catalogue.works(chosen)
    examples: list[Example] = []
    for work_id in chosen:
        work = works.get(work_id)
        if work is None:
            continue
        texts = work_texts(catalogue, work, full_text=full_text)
        if texts:
            examples.append(
                Example(work.key, tuple(texts), frozenset(known[work_id]), group=_group(work))
            )
    return examples


def _group(work: WorkRow) -> str:
    """Revisions, addenda and corrigenda of a document fall in the base document's group."""
    label = work.symbol or work.key
    for mark in ("/Rev.", "/Add.", "/Corr.", "/REV.", "/ADD.", "/CORR."):
        label = label.split(mark, 1)[0]
    return label
