"""Aligned passages across the language versions of a work: computed once per pair of versions
(lazily, or for a whole work by :func:`align_work` after ingest) and kept in the catalogue.

Reads: one paragraph in several languages (``unlib show SYMBOL --para N --lang zh,en``), two
versions side by side (the record's compare page), and the counterparts of passages in another
language (Ask answers in the asker's language).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import numpy

from unlib.align.aligner import Link, Unit, align
from unlib.align.labels import passage_key
from unlib.align.monotonic import TooLarge
from unlib.align.rows import Row, aligned_rows
from unlib.align.selectors import ParagraphSelector, select_paragraph
from unlib.embed import Embedder
from unlib.model import LANGUAGES
from unlib.store.alignment import AlignedPair, AlignmentRun, alignment_store
from unlib.store.base import CatalogueStore
from unlib.store.records import PassageRow, VersionRow, WorkRow

# Passages are compared by their opening: it says what a paragraph is about, and embedding
# cost grows with length (whole passages make aligning a long work five times slower).
ALIGN_CHARS: Final = 300


class AlignError(LookupError):
    """The paragraph or language version asked for is not in the work."""


class SameLanguageError(ValueError):
    """Two versions to compare were asked for, in one language."""


@dataclass(frozen=True, slots=True)
class Aligner:
    """What aligning needs: the catalogue and the embedder that compares passages (each
    version's passages are embedded once per aligner, however many pairs it takes part in)."""

    catalogue: CatalogueStore
    embedder: Embedder
    _vectors: dict[int, numpy.ndarray] = field(default_factory=dict)

    @property
    def method(self) -> str:
        return f"numbers+{self.embedder.name}"

    def ensure(self, first: VersionRow, second: VersionRow) -> None:
        """Align two versions unless a current alignment is stored."""
        low, high = sorted((first, second), key=lambda v: v.id)
        run = alignment_store(self.catalogue).run(low.id, high.id)
        if run is not None and (run.sha_a, run.sha_b, run.method) == (
            low.primary_sha,
            high.primary_sha,
            self.method,
        ):
            return
        self.compute(low, high)

    def compute(self, low: VersionRow, high: VersionRow) -> AlignmentRun:
        passages_a = self.catalogue.passages(low.id)
        passages_b = self.catalogue.passages(high.id)
        pairs = self._pairs(low.id, passages_a, high.id, passages_b)
        run = AlignmentRun(
            low.id,
            high.id,
            low.primary_sha,
            high.primary_sha,
            self.method,
            pairs=len(pairs),
            by_number=sum(p.how in ("number", "heading") for p in pairs),
        )
        with self.catalogue.transaction():
            alignment_store(self.catalogue).save(run, pairs)
        return run

    def _pairs(
        self, id_a: int, passages_a: list[PassageRow], id_b: int, passages_b: list[PassageRow]
    ) -> list[AlignedPair]:
        pairs = _title_pair(passages_a, passages_b)
        body_a = [p for p in passages_a if p.seq >= 0]
        body_b = [p for p in passages_b if p.seq >= 0]
        if not body_a or not body_b:
            return pairs
        similarity = self._embedded(id_a, body_a) @ self._embedded(id_b, body_b).T
        try:
            links = align(_units(body_a), _units(body_b), similarity)
        except TooLarge:
            return pairs  # documents this long are left unaligned (see MAX_CELLS)
        return pairs + [_pair(body_a, body_b, link) for link in links]

    def _embedded(self, version_id: int, body: list[PassageRow]) -> numpy.ndarray:
        if version_id not in self._vectors:
            texts = [p.text[:ALIGN_CHARS] for p in body]
            self._vectors[version_id] = self.embedder.embed(texts)
        return self._vectors[version_id]

    def counterparts(
        self, passages: Sequence[PassageRow], source: VersionRow, target: VersionRow
    ) -> dict[int, list[PassageRow]]:
        """For each passage of ``source``, its aligned passages in ``target`` (text order)."""
        self.ensure(source, target)
        found = alignment_store(self.catalogue).partners([p.id for p in passages], target.id)
        wanted = {partner.passage_id for partners in found.values() for partner in partners}
        rows = self.catalogue.passages_by_ids(wanted)
        return {
            pid: [rows[partner.passage_id] for partner in partners if partner.passage_id in rows]
            for pid, partners in found.items()
        }


def _units(passages: Sequence[PassageRow]) -> list[Unit]:
    return [Unit(passage_key(p.para, p.kind, p.text)) for p in passages]


def _pair(body_a: list[PassageRow], body_b: list[PassageRow], link: Link) -> AlignedPair:
    return AlignedPair(body_a[link.a].id, body_b[link.b].id, round(link.score, 4), link.how)


def _title_pair(passages_a: list[PassageRow], passages_b: list[PassageRow]) -> list[AlignedPair]:
    title_a = next((p for p in passages_a if p.seq < 0), None)
    title_b = next((p for p in passages_b if p.seq < 0), None)
    if title_a is None or title_b is None:
        return []
    return [AlignedPair(title_a.id, title_b.id, 1.0, "title")]


# -- use cases -------------------------------------------------------------------------------


def align_work(catalogue: CatalogueStore, embedder: Embedder, work: WorkRow) -> dict[str, Any]:
    """Align every pair of a work's language versions (the after-ingest hook)."""
    aligner = Aligner(catalogue, embedder)
    versions = catalogue.versions(work.id)
    for first, second in itertools.combinations(versions, 2):
        aligner.ensure(first, second)
    return {"work": work.label, "versions": len(versions)}


def paragraph_in_languages(
    catalogue: CatalogueStore,
    embedder: Embedder,
    work: WorkRow,
    para: str,
    langs: Sequence[str] | None = None,
) -> dict[str, Any]:
    """One paragraph (by its printed number, or ``p<seq>``) in each language asked for:
    ``{"symbol", "para", "passages": [{"lang", "paragraph", "text"}]}``."""
    versions = {v.lang: v for v in catalogue.versions(work.id)}
    wanted = list(langs) if langs else _held_order(versions)
    missing = [lang for lang in wanted if lang not in versions]
    if missing:
        raise AlignError(
            f"{work.label} has no {', '.join(missing)} version (it has: "
            f"{', '.join(_held_order(versions))})"
        )
    selector = ParagraphSelector.parse(para)
    source, chosen = _find_paragraph(catalogue, versions, wanted, selector, work)
    aligner = Aligner(catalogue, embedder)
    out = []
    for lang in wanted:
        shown = (
            chosen if lang == source.lang else _partners(aligner, chosen, source, versions[lang])
        )
        out.append(_paragraph_json(catalogue, versions[lang], shown))
    return {"symbol": work.label, "para": para, "passages": out}


def _held_order(versions: dict[str, VersionRow]) -> list[str]:
    return [lang for lang in (*LANGUAGES, *sorted(versions)) if lang in versions][: len(versions)]


def _find_paragraph(
    catalogue: CatalogueStore,
    versions: dict[str, VersionRow],
    wanted: Sequence[str],
    selector: ParagraphSelector,
    work: WorkRow,
) -> tuple[VersionRow, list[PassageRow]]:
    """The first language asked for (then any other) that prints the paragraph."""
    for lang in (*wanted, *(lang for lang in versions if lang not in wanted)):
        chosen = select_paragraph(catalogue.passages(versions[lang].id), selector)
        if chosen:
            return versions[lang], chosen
    raise AlignError(f"{work.label} has no paragraph {selector.text!r} in any language version")


def _partners(
    aligner: Aligner, chosen: list[PassageRow], source: VersionRow, target: VersionRow
) -> list[PassageRow]:
    found = aligner.counterparts(chosen, source, target)
    seen: dict[int, PassageRow] = {}
    for pid in (p.id for p in chosen):
        for partner in found.get(pid, []):
            seen.setdefault(partner.id, partner)
    return sorted(seen.values(), key=lambda p: p.seq)


def _paragraph_json(
    catalogue: CatalogueStore, version: VersionRow, passages: list[PassageRow]
) -> dict[str, Any]:
    return {
        "lang": version.lang,
        "paragraph": next((p.para for p in passages if p.para), None),
        "text": joined_text(catalogue, version, passages),
    }


def joined_text(catalogue: CatalogueStore, version: VersionRow, passages: list[PassageRow]) -> str:
    """The text of consecutive passages exactly as the version has it (separate ones joined by
    a blank line); "" when there are none."""
    if not passages:
        return ""
    if len(passages) == 1:
        return passages[0].text
    text = catalogue.version_text(version.id)
    pieces: list[str] = []
    run_start = run_end = None
    for p in passages:
        if p.start is None or p.end is None:
            pieces.append(p.text)
            continue
        if run_end is not None and p.seq >= 0 and text[run_end : p.start].strip() == "":
            run_end = p.end
            continue
        if run_start is not None and run_end is not None:
            pieces.append(text[run_start:run_end])
        run_start, run_end = p.start, p.end
    if run_start is not None and run_end is not None:
        pieces.append(text[run_start:run_end])
    return "\n\n".join(pieces)


def compare(
    catalogue: CatalogueStore,
    embedder: Embedder,
    work: WorkRow,
    lang_a: str | None,
    lang_b: str | None,
    para: str | None = None,
    reader: str | None = None,
) -> dict[str, Any]:
    """Two versions side by side, row by row (all rows, or those of one paragraph). A side
    not given is the ``reader``'s language (else the first held) and then another held one."""
    versions = {v.lang: v for v in catalogue.versions(work.id)}
    held = _held_order(versions)
    lang_a = lang_a or (reader if reader in versions else held[0] if held else reader or "en")
    lang_b = lang_b or next((lang for lang in held if lang != lang_a), lang_a)
    if lang_a == lang_b and len(versions) > 1:
        raise SameLanguageError(
            f"choose two different languages to compare (both are {lang_a!r}; "
            f"{work.label} has {', '.join(_held_order(versions))})"
        )
    if lang_a == lang_b:
        raise AlignError(f"{work.label} has one language version only: nothing to compare")
    for lang in (lang_a, lang_b):
        if lang not in versions:
            raise AlignError(
                f"{work.label} has no {lang} version (it has: {', '.join(_held_order(versions))})"
            )
    first, second = versions[lang_a], versions[lang_b]
    aligner = Aligner(catalogue, embedder)
    aligner.ensure(first, second)
    passages_a = [p for p in catalogue.passages(first.id) if p.seq >= 0]
    passages_b = [p for p in catalogue.passages(second.id) if p.seq >= 0]
    pairs = alignment_store(catalogue).pairs(first.id, second.id)
    rows = aligned_rows(passages_a, passages_b, pairs)
    if para:
        rows = _rows_of(rows, ParagraphSelector.parse(para), passages_a, passages_b)
    return {
        "id": work.label,
        "symbol": work.symbol,
        "a": lang_a,
        "b": lang_b,
        "para": para or None,
        "languages": _held_order(versions),
        "rows": [row.to_json() for row in rows],
    }


def _rows_of(
    rows: list[Row],
    selector: ParagraphSelector,
    passages_a: list[PassageRow],
    passages_b: list[PassageRow],
) -> list[Row]:
    chosen = select_paragraph(passages_a, selector) or select_paragraph(passages_b, selector)
    if not chosen:
        raise AlignError(f"no paragraph {selector.text!r} in these language versions")
    ids = {p.id for p in chosen}
    return [row for row in rows if ids & {p.id for p in (*row.a, *row.b)}]


def similarity(embedder: Embedder, left: Sequence[str], right: Sequence[str]) -> numpy.ndarray:
    """Cosine similarities of two lists of texts, ``(len(left), len(right))``."""
    vectors = embedder.embed([*left, *right])
    return vectors[: len(left)] @ vectors[len(left) :].T
