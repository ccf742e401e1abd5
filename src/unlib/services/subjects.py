"""Subject indexing as use cases: suggest UNBIS subjects for a work or a text, store them as
suggestions, let a librarian accept or reject them, and train the learned backend on what
is known (the concept pages list indexed documents: :mod:`unlib.services.concept_documents`).

Every function returns JSON-ready data; the CLI, the REST API and the web pages only format
it. A work's language versions are pooled (six times the evidence) unless one is asked for.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from unlib.model import LANGUAGES
from unlib.services.subject_texts import known_subjects, training_examples, work_texts
from unlib.store.base import CatalogueStore
from unlib.store.records import WorkRow
from unlib.store.subjects import Proposal, subject_store
from unlib.subjects.model import (
    ACCEPTED,
    REJECTED,
    STATUSES,
    SubjectsError,
    Suggestion,
    Text,
    check_lang,
)
from unlib.subjects.registry import BACKENDS, Context
from unlib.subjects.storage import load_model, model_stamp, save_model
from unlib.vocab.persist import load_vocabulary

if TYPE_CHECKING:
    from unlib.services.library import Library

__all__ = [
    "BACKENDS",
    "SubjectsError",
    "assignments",
    "decide",
    "index_all",
    "suggest_text",
    "suggest_work",
    "train",
]

DEFAULT_LIMIT: Final = 10
STORED: Final = 10  # suggestions kept per work
MIN_STORED_SCORE: Final = 0.05

_contexts: dict[str, tuple[tuple[int, float], Context]] = {}
_lock = threading.Lock()


def context(catalogue: CatalogueStore, data_dir: Path) -> Context:
    """The vocabulary, model and backends of a library, rebuilt only when the vocabulary or
    the model changes (one per process and catalogue)."""
    vocab = load_vocabulary(catalogue)
    stamp = (id(vocab), model_stamp(data_dir))
    place = str(catalogue.path)
    with _lock:
        held = _contexts.get(place)
        if held is not None and held[0] == stamp:
            return held[1]
    ctx = Context(vocab, load_model(data_dir))
    with _lock:
        _contexts[place] = (stamp, ctx)
    return ctx


def _ranked(ctx: Context, suggestions: Iterable[Suggestion], lang: str) -> list[dict[str, Any]]:
    return [
        {
            "uri": s.uri,
            "label": ctx.vocab.label(s.uri, lang),
            "score": round(s.score, 4),
            "backend": s.backend,
        }
        for s in suggestions
    ]


def suggest_text(
    library: Library,
    text: str,
    lang: str,
    limit: int = DEFAULT_LIMIT,
    backend: str | None = None,
) -> list[dict[str, Any]]:
    """Ranked subjects for ``text`` written in ``lang``; ``[]`` for empty text."""
    code = check_lang(lang)
    ctx = context(library.catalogue, library.data_dir)
    chosen = ctx.backend(backend)
    if not text.strip():
        return []
    return _ranked(ctx, chosen.suggest_texts([Text(text, code)], limit), code)


def suggest_work(
    library: Library,
    ref: str,
    lang: str | None = None,
    limit: int = DEFAULT_LIMIT,
    backend: str | None = None,
) -> list[dict[str, Any]]:
    """Ranked subjects for a work: all its language versions pooled, or only ``lang``'s.
    Labels are given in ``lang`` (English when pooled)."""
    code = check_lang(lang) if lang is not None else None
    work = library.resolve(ref)
    ctx = context(library.catalogue, library.data_dir)
    chosen = ctx.backend(backend)
    texts = work_texts(library.catalogue, work, code)
    if code is not None and not texts:
        held = ", ".join(v.lang for v in library.catalogue.versions(work.id)) or "none"
        raise SubjectsError(f"{work.label} has no {code} text or title (languages held: {held})")
    return _ranked(ctx, chosen.suggest_texts(texts, limit), code or "en")


# -- stored suggestions and decisions ----------------------------------------------------------


def store_suggestions(library: Library, work: WorkRow) -> int:
    """Suggest subjects for ``work`` with the default backend and keep them as suggestions
    (decided ones keep their status). Returns how many are new."""
    ctx = context(library.catalogue, library.data_dir)
    chosen = ctx.backend()
    version = _model_version(ctx)
    found = chosen.suggest_texts(work_texts(library.catalogue, work), STORED)
    proposals = [
        Proposal(s.uri, s.score, s.backend, version) for s in found if s.score >= MIN_STORED_SCORE
    ]
    store = subject_store(library.catalogue)
    with library.catalogue.transaction():
        return store.propose(work.id, proposals)


def index_all(library: Library) -> dict[str, Any]:
    """Store suggestions for every work; a work that fails is reported, the batch goes on."""
    started = time.perf_counter()
    ctx = context(library.catalogue, library.data_dir)
    ctx.backend()  # fail early (no vocabulary) rather than once per work
    works = new = 0
    failed: list[dict[str, str]] = []
    for work in library.catalogue.iter_works():
        try:
            new += store_suggestions(library, work)
            works += 1
        except Exception as error:
            failed.append({"work": work.label, "error": f"{type(error).__name__}: {error}"})
    return {
        "works": works,
        "new_suggestions": new,
        "failed": failed,
        "backend": ctx.default_name(),
        "model_version": _model_version(ctx),
        "seconds": round(time.perf_counter() - started, 2),
    }


def assignments(library: Library, ref: str, lang: str = "en") -> dict[str, Any]:
    """A work's subjects: stored suggestions and decisions, and the MARC headings."""
    work = library.resolve(ref)
    shown = lang if lang in LANGUAGES else "en"
    vocab = load_vocabulary(library.catalogue)
    rows = subject_store(library.catalogue).assignments(work.id)
    marc = known_subjects(library.catalogue).get(work.id, set())
    return {
        "work": work.key,
        "symbol": work.symbol,
        "lang": shown,
        "subjects": [
            {
                "uri": r.uri,
                "label": vocab.label(r.uri, shown),
                "status": r.status,
                "score": r.score,
                "backend": r.backend,
                "model_version": r.model_version,
                "source": r.source,
                "agent": r.agent,
                "suggested_at": r.suggested_at,
                "decided_at": r.decided_at,
            }
            for r in rows
        ],
        "known": sorted(marc),
        "counts": _count(r.status for r in rows),
    }


def _count(statuses: Iterable[str]) -> dict[str, int]:
    counts = dict.fromkeys(STATUSES, 0)
    for status in statuses:
        counts[status] = counts.get(status, 0) + 1
    return counts


def decide(
    library: Library, ref: str, uri: str, status: str, agent: str | None = None
) -> dict[str, Any]:
    """Accept or reject a concept for a work (a concept never suggested can be accepted too:
    the librarian adds it)."""
    if status not in (ACCEPTED, REJECTED):
        raise SubjectsError(f"status must be {ACCEPTED!r} or {REJECTED!r}, not {status!r}")
    work = library.resolve(ref)
    vocab = load_vocabulary(library.catalogue)
    concept = vocab.get(uri.strip())
    if concept is None or concept.scheme != "unbis" or concept.kind != "concept":
        if not any(c.scheme == "unbis" for c in vocab.concepts.values()):
            raise SubjectsError(
                "no UNBIS Thesaurus in this library: import it first (unlib vocab import PATH)"
            )
        raise SubjectsError(f"{uri!r} is not a UNBIS Thesaurus concept URI")
    store = subject_store(library.catalogue)
    with library.catalogue.transaction():
        row = store.decide(work.id, concept.uri, status, "librarian", agent)
        library.catalogue.log_event(
            f"subject_{status}", work.id, uri=concept.uri, agent=agent or ""
        )
    return {
        "work": work.key,
        "symbol": work.symbol,
        "uri": row.uri,
        "label": vocab.label(row.uri, "en"),
        "status": row.status,
        "score": row.score,
        "backend": row.backend,
        "source": row.source,
        "agent": row.agent,
        "decided_at": row.decided_at,
    }


# -- training ------------------------------------------------------------------------------------


def train(library: Library, *, limit: int | None = None, folds: int = 5) -> dict[str, Any]:
    """Retrain the learned backend and the ensemble on every work with known subjects
    (MARC 650 headings, accepted assignments) and save the model in the data folder."""
    from unlib.subjects.training import train as fit

    started = time.perf_counter()
    ctx = Context(load_vocabulary(library.catalogue))  # an old or damaged model is replaced
    ctx.backend("lexical")  # refuses clearly when no thesaurus is loaded
    examples = training_examples(library.catalogue)
    if limit is not None:
        examples = examples[:limit]
    model = fit(
        examples,
        ctx.matcher,
        ctx.hierarchy,
        ctx.embedder,
        folds=folds,
        vocab_version=ctx.vocab.versions.get("unbis", ""),
    )
    folder = save_model(model, library.data_dir)
    return {
        "examples": model.examples,
        "subjects": len({u for e in examples for u in e.subjects}),
        "languages": sorted({t.lang for e in examples for t in e.texts}),
        "model_version": model.version,
        "threshold": model.threshold,
        "cut_weight": model.cut_weight,
        "missed_per_doc": model.missed_per_doc,
        "held_out": {**model.report, "folds": folds},
        "folder": str(folder),
        "seconds": round(time.perf_counter() - started, 2),
    }


def _model_version(ctx: Context) -> str:
    if ctx.model is not None:
        return ctx.model.version
    return f"lexical:{ctx.vocab.versions.get('unbis', '')}"
