"""Ask: a question in any of the six languages, answered first from the FAQ knowledge base
(across languages), else by the sentences of the library's documents that answer it —
extractive, each cited by symbol, language, paragraph and character offsets, never invented.

The answer shape (stable; documented in the README)::

    {"question", "lang", "found": bool, "source": "faq" | "documents" | null,
     "faq": [{"id", "key", "lang", "question", "answer", "score", "matched", "links", "url", …}],
     "answers": [{"text", "symbol", "id", "title", "lang", "paragraph", "passage", "start",
                  "end", "url", "score", "aligned": {"lang", "paragraph", "text", "url"} | null}],
     "message", "took_ms"}

``start``/``end`` are offsets of the sentence in the version's text (as ``unlib show`` and the
original text file give it); ``aligned`` is the passage of the asker's language aligned with
the cited one, when the work has that version and its alignment is stored.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import quote, urlencode

import numpy

from unlib.ask.extract import Scored, best_sentences
from unlib.ask.retrieve import FETCHED, Candidate, TermWeights, retrieve
from unlib.embed import DEFAULT_EMBEDDER, NO_EMBEDDER, Embedder, embed_queries
from unlib.model import LANGUAGES
from unlib.search.index import PassageIndex
from unlib.services.faq import FaqService
from unlib.store.alignment import alignment_store
from unlib.store.base import CatalogueStore
from unlib.store.records import PassageRow, VersionRow
from unlib.text.langid import detect_language

log = logging.getLogger(__name__)

MAX_QUESTION: Final = 500
# Passages whose sentences are read (best BM25 first).
READ_PASSAGES: Final = 12
# Passages quoted after a lead-in sentence that ends in a colon.
CONTINUED: Final = 4


class AskError(ValueError):
    """A question that cannot be asked as given."""


@dataclass(frozen=True, slots=True)
class AskRequest:
    question: str
    lang: str | None = None  # the asker's language; detected from the question when None
    limit: int = 3


# Hybrid retrieval (words + meaning, :mod:`unlib.services.hybrid`) when the library offers it:
# ``(question, limit) -> passages`` with ``pid, vid, work, lang, score``.
Retriever = Callable[[str, int], Sequence[Any]]


def ask(
    catalogue: CatalogueStore,
    index: PassageIndex,
    embedder: Embedder,
    request: AskRequest,
    retriever: Retriever | None = None,
) -> dict[str, Any]:
    began = time.perf_counter()
    question = " ".join(request.question.split())
    if not question:
        raise AskError("the question is empty: write it in words (ar zh en fr ru es)")
    if len(question) > MAX_QUESTION:
        raise AskError(f"the question is longer than {MAX_QUESTION} characters: shorten it")
    if request.lang is not None and request.lang not in LANGUAGES:
        raise AskError(f"{request.lang!r} is not one of the six languages: {' '.join(LANGUAGES)}")
    lang = request.lang or _detected(question)
    vector = embed_queries(embedder, [question])[0]
    out: dict[str, Any] = {"question": question, "lang": lang, "found": False, "source": None}
    out["faq"] = FaqService(catalogue, embedder).match(vector, lang)
    out["answers"] = []
    if out["faq"]:
        out.update(found=True, source="faq")
    else:
        out["answers"] = _document_answers(
            catalogue, index, embedder, question, vector, lang, request.limit, retriever
        )
        if out["answers"]:
            out.update(found=True, source="documents")
    out["message"] = _message(out)
    out["took_ms"] = round((time.perf_counter() - began) * 1000, 1)
    return out


def _detected(question: str) -> str | None:
    code, _ = detect_language(question)
    return code if code in LANGUAGES else None


def _message(out: dict[str, Any]) -> str:
    if out["source"] == "faq":
        return "Answered from the FAQ knowledge base."
    if out["source"] == "documents":
        return (
            "Sentences quoted from the library's documents; read them in context through the links."
        )
    return (
        "Nothing in this library answers the question closely enough; try other words, "
        "or search the documents."
    )


def _document_answers(
    catalogue: CatalogueStore,
    index: PassageIndex,
    embedder: Embedder,
    question: str,
    vector: numpy.ndarray,
    lang: str | None,
    limit: int,
    retriever: Retriever | None,
) -> list[dict[str, Any]]:
    candidates = _candidates(index, question, retriever)
    if not candidates:
        return []
    rows = catalogue.passages_by_ids(c.pid for c in candidates)
    chosen: list[tuple[Candidate, PassageRow]] = []
    for candidate in candidates:
        row = rows.get(candidate.pid)
        if row is not None and row.seq >= 0 and row.kind != "heading":
            chosen.append((candidate, row))
        if len(chosen) == READ_PASSAGES:
            break
    weights = TermWeights(index, question)
    best = best_sentences(
        vector,
        [(c.lang, row.text) for c, row in chosen],
        weights.weights,
        embedder.embed,
        limit=limit,
    )
    return [_answer(catalogue, chosen[s.passage_index], s, lang) for s in best]


def _leads_in(passage: PassageRow, scored: Scored) -> bool:
    """The sentence ends its passage with a colon: what it announces follows ("The Purposes
    of the United Nations are:")."""
    rest = passage.text[scored.sentence.end :].strip()
    return not rest and scored.sentence.text.rstrip().endswith((":", "："))


def _with_continuation(catalogue: CatalogueStore, passage: PassageRow, start: int) -> str | None:
    """The lead-in sentence with the passages it announces (at most :data:`CONTINUED`), as one
    span of the version's text; None when the passages have no offsets."""
    ends: list[int] = []
    for p in catalogue.passages(passage.version_id):
        if p.seq <= passage.seq:
            continue
        if p.kind == "heading" or p.end is None or len(ends) == CONTINUED:
            break
        ends.append(p.end)
    if not ends:
        return None
    return catalogue.version_text(passage.version_id)[start : max(ends)]


def _anchor_seq(catalogue: CatalogueStore, passage: PassageRow) -> bool:
    """Whether the record page anchors ``passage`` by position: its number is printed
    earlier in the version too (labels repeat from one article to the next)."""
    if not passage.para:
        return True
    return any(
        p.para == passage.para and 0 <= p.seq < passage.seq
        for p in catalogue.passages(passage.version_id)
    )


def _candidates(index: PassageIndex, question: str, retriever: Retriever | None) -> list[Candidate]:
    """BM25 with any word matching, interleaved with hybrid retrieval (words and meaning) when
    the library offers it: the lexical list finds the passages that share the question's rare
    words, the hybrid one adds passages that say the same in other words."""
    lexical = retrieve(index, question)
    if retriever is None:
        return lexical
    try:
        found = retriever(question, FETCHED)
    except Exception:  # the vector index is optional: a broken one must not stop Ask
        log.warning("hybrid retrieval failed; Ask uses BM25 only", exc_info=True)
        return lexical
    hybrid = [Candidate(h.pid, h.vid, h.work, h.lang, h.score) for h in found]
    merged: dict[int, Candidate] = {}
    for pair in itertools.zip_longest(lexical, hybrid):
        for candidate in pair:
            if candidate is not None:
                merged.setdefault(candidate.pid, candidate)
    return list(merged.values())


def _answer(
    catalogue: CatalogueStore,
    hit: tuple[Candidate, PassageRow],
    scored: Scored,
    lang: str | None,
) -> dict[str, Any]:
    candidate, passage = hit
    version = catalogue.version(passage.version_id)
    work = catalogue.work(candidate.work) if version else None
    ref = work.label if work else ""
    base = passage.start if passage.start is not None else None
    start = base + scored.sentence.start if base is not None else None
    text = scored.sentence.text
    if start is not None and _leads_in(passage, scored):
        text = _with_continuation(catalogue, passage, start) or text
    return {
        "text": text,
        "symbol": work.symbol if work else None,
        "id": work.label if work else None,
        "title": version.title if version else None,
        "lang": candidate.lang,
        "paragraph": passage.para,
        "passage": passage.seq,
        "start": start,
        "end": start + len(text) if start is not None else None,
        "url": record_link(ref, candidate.lang, passage, by_seq=_anchor_seq(catalogue, passage)),
        "score": round(scored.score, 4),
        "aligned": _aligned(catalogue, passage, version, lang) if version else None,
    }


def record_link(ref: str, lang: str, passage: PassageRow, *, by_seq: bool = False) -> str:
    """The passage on its record page (the anchors the record page gives its passages)."""
    if passage.para and not by_seq:
        anchor = "para-" + "".join(passage.para.split())
    else:
        anchor = f"p{passage.seq}"
    return f"/record/{quote(ref, safe='/:()')}?{urlencode({'lang': lang})}#{quote(anchor, safe='')}"


def _aligned(
    catalogue: CatalogueStore, passage: PassageRow, version: VersionRow, lang: str | None
) -> dict[str, Any] | None:
    """The passage of the asker's language aligned with ``passage`` (stored alignments only:
    aligning a whole work takes seconds, see ``unlib align``)."""
    if lang is None or lang == version.lang:
        return None
    target = next((v for v in catalogue.versions(version.work_id) if v.lang == lang), None)
    if target is None:
        return None
    store = alignment_store(catalogue)
    run = store.run(version.id, target.id)
    low, high = sorted((version, target), key=lambda v: v.id)
    if run is None or (run.sha_a, run.sha_b) != (low.primary_sha, high.primary_sha):
        return None
    partners = store.partners([passage.id], target.id).get(passage.id, [])
    rows = catalogue.passages_by_ids(p.passage_id for p in partners)
    found = sorted(rows.values(), key=lambda p: p.seq)
    if not found:
        return None
    work = catalogue.work(version.work_id)
    ref = work.label if work else ""
    return {
        "lang": lang,
        "paragraph": next((p.para for p in found if p.para), None),
        "text": "\n\n".join(p.text for p in found),
        "url": record_link(ref, lang, found[0], by_seq=_anchor_seq(catalogue, found[0])),
    }


def embedder_name(settings: Any) -> str:
    """The embedder of the settings (``embedder``), else the default; Ask and the FAQ need
    one even where passage embedding is turned off."""
    name = getattr(settings, "embedder", None)
    return name if isinstance(name, str) and name and name != NO_EMBEDDER else DEFAULT_EMBEDDER
