"""Passage-level hybrid retrieval: BM25 per language, dense cross-lingual, and thesaurus
expansion, fused by a weighted sum of standardised scores (or weighted reciprocal rank fusion).

Each source ranks passages on its own scale (BM25 scores are not comparable across languages
or with cosine similarities), so each list's scores are first standardised (distance above the
list's mean in standard deviations): a passage that two sources put well above the rest beats
one that a single source loves, and one that stands far ahead in a list beats the runner-up by
more than a rank would say. Works here know ids only; the service layer turns them into
symbols and texts.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Final, Protocol

import numpy

from unlib.embed import Embedder, embed_queries
from unlib.search import schema as f
from unlib.search.build import build_query
from unlib.search.expansion import LabelExpander
from unlib.search.filters import Filters
from unlib.search.index import Candidate, PassageIndex, candidates
from unlib.search.query import ParsedQuery, informative_words, parse_free_text
from unlib.text.analysis import FIELD_LANGUAGES
from unlib.text.langid import detect_language
from unlib.vectors.search import VectorIndex

__all__ = [
    "MODES",
    "Fused",
    "HybridRetriever",
    "Weights",
    "fuse",
    "fuse_scores",
    "fuse_with",
    "query_language",
    "votes",
]

MODES: Final = ("hybrid", "bm25", "dense")
# Passages each source contributes to the fusion, and fused passages mapped to a pivot language.
_DEPTH: Final = 100
_PIVOT_DEPTH: Final = 300
# Longer queries are cut (a pasted document would otherwise become a huge BM25 query).
_MAX_QUERY_CHARS: Final = 2000
# Score fusion: what rank r adds to a hit's vote, so that equal votes keep each list's order.
_TIE_BREAK: Final = 0.01


class Counterparts(Protocol):
    """Maps passages to the same paragraph in another language version of their work."""

    def __call__(self, hits: Sequence[Fused], lang: str) -> dict[int, Candidate]:
        """pid -> its counterpart in ``lang`` (itself when already in it; absent: none)."""
        ...


@dataclass(frozen=True, slots=True)
class Weights:
    """How the sources' ranked lists are fused.

    ``fusion="scores"`` (the default): each list's scores are standardised (a hit's vote is
    how many standard deviations its score lies above the list's mean, at least ``floor``, so
    being in a list at all counts for something) and a source's votes are multiplied by its
    weight; a hit at rank r also gets ``0.01 / r`` so that equal votes keep the list's order.
    ``fusion="rrf"``: weighted reciprocal rank fusion, a vote of ``weight / (k + r)``.

    Standardised scores keep what ranks throw away: a passage far ahead of the rest of a list
    (a BM25 hit with every rare word, a near-duplicate by cosine) outvotes one that merely
    comes next. The defaults were chosen by ``bench/crosslingual.py`` on the SDG targets of
    goals 1-8 only (goals 9-17 held out)."""

    bm25: float = 1.0
    dense: float = 0.75
    expansion: float = 1.5
    floor: float = 0.0
    fusion: str = "scores"
    k: int = 3


@dataclass(frozen=True, slots=True)
class Fused:
    pid: int
    vid: int
    work: int
    lang: str
    score: float
    sources: tuple[str, ...]  # which of bm25, dense, expansion found it


def fuse(
    lists: Sequence[tuple[str, float, Sequence[Candidate]]], k: int, limit: int
) -> list[Fused]:
    """Weighted RRF over ``(source, weight, ranked candidates)``; ties go to the lower id."""
    return _add_votes(
        [
            (source, [(hit, weight / (k + rank)) for rank, hit in enumerate(ranked, start=1)])
            for source, weight, ranked in lists
        ],
        limit,
    )


def fuse_scores(
    lists: Sequence[tuple[str, float, Sequence[Candidate]]], floor: float, limit: int
) -> list[Fused]:
    """Weighted sum of standardised scores over ``(source, weight, ranked candidates)``
    (see :class:`Weights`); ties go to the lower id."""
    return _add_votes(
        [
            (
                source,
                [
                    (hit, weight * vote)
                    for hit, vote in zip(ranked, votes(ranked, floor), strict=True)
                ],
            )
            for source, weight, ranked in lists
        ],
        limit,
    )


def votes(ranked: Sequence[Candidate], floor: float) -> list[float]:
    """Each hit's unweighted vote in :func:`fuse_scores`: its score's distance above the
    list's mean in standard deviations, at least ``floor``, plus ``_TIE_BREAK / rank``."""
    if not ranked:
        return []
    scores = numpy.fromiter((hit.score for hit in ranked), numpy.float64, len(ranked))
    spread = float(scores.std())
    z = (scores - scores.mean()) / spread if spread > 0 else numpy.zeros_like(scores)
    ties = _TIE_BREAK / numpy.arange(1, len(ranked) + 1)
    return (numpy.maximum(z, floor) + ties).tolist()


def _add_votes(
    lists: Sequence[tuple[str, Sequence[tuple[Candidate, float]]]], limit: int
) -> list[Fused]:
    scores: dict[int, float] = {}
    first: dict[int, Candidate] = {}
    sources: dict[int, list[str]] = {}
    for source, voted in lists:
        for hit, vote in voted:
            scores[hit.pid] = scores.get(hit.pid, 0.0) + vote
            first.setdefault(hit.pid, hit)
            found = sources.setdefault(hit.pid, [])
            if source not in found:
                found.append(source)
    order = sorted(scores, key=lambda pid: (-scores[pid], pid))[:limit]
    return [
        Fused(
            pid, first[pid].vid, first[pid].work, first[pid].lang, scores[pid], tuple(sources[pid])
        )
        for pid in order
    ]


def fuse_with(
    lists: Sequence[tuple[str, float, Sequence[Candidate]]], weights: Weights, limit: int
) -> list[Fused]:
    """:func:`fuse_scores` or :func:`fuse`, as ``weights.fusion`` says."""
    if weights.fusion == "rrf":
        return fuse(lists, weights.k, limit)
    return fuse_scores(lists, weights.floor, limit)


def query_language(text: str) -> str:
    """The query's language, for thesaurus matching (English when it cannot be told)."""
    lang, _ = detect_language(text)
    return lang if lang in FIELD_LANGUAGES and lang != "und" else "en"


class HybridRetriever:
    """Ranks passages for queries with any of :data:`MODES`."""

    def __init__(
        self,
        index: PassageIndex,
        vectors: VectorIndex | None,
        embedder: Callable[[], Embedder | None],
        expander: Callable[[], LabelExpander | None] = lambda: None,
        weights: Weights | None = None,
        counterparts: Counterparts | None = None,
    ) -> None:
        self.counterparts = counterparts
        self.index = index
        self.vectors = vectors
        self._embedder = embedder
        self._expander = expander
        self.weights = weights or Weights()

    def dense_ready(self) -> bool:
        return self.vectors is not None and len(self.vectors) > 0

    def retrieve(
        self,
        queries: Sequence[str],
        mode: str,
        langs: Sequence[Collection[str] | None],
        limit: int,
    ) -> list[list[Fused]]:
        """For each query, its ``limit`` best passages (in ``langs[i]`` when given); a blank
        query finds nothing."""
        queries = [q[:_MAX_QUERY_CHARS] for q in queries]
        pivots = [self.pivot_language(mode, wanted) for wanted in langs]
        searched = [None if pivot else wanted for pivot, wanted in zip(pivots, langs, strict=True)]
        split = [pivot is not None for pivot in pivots]
        lists = self.source_lists(queries, mode, searched, max(_DEPTH, limit), split)
        return [
            self.combine(found, limit, pivot) if text.strip() else []
            for text, found, pivot in zip(queries, lists, pivots, strict=True)
        ]

    def pivot_language(self, mode: str, wanted: Collection[str] | None) -> str | None:
        """The one language hybrid search maps its hits into, searching every language."""
        if mode != "hybrid" or self.counterparts is None or wanted is None or len(wanted) != 1:
            return None
        return next(iter(wanted))

    def source_lists(
        self,
        queries: Sequence[str],
        mode: str,
        langs: Sequence[Collection[str] | None],
        depth: int,
        split_dense: Sequence[bool] | None = None,
    ) -> list[list[tuple[str, Sequence[Candidate]]]]:
        """Each source's ranked passages for each query: ``(source, candidates)`` pairs;
        ``split_dense[i]``: one dense list per language for query ``i``."""
        if mode not in MODES:
            raise ValueError(f"unknown search mode {mode!r}: use one of {', '.join(MODES)}")
        split = list(split_dense) if split_dense is not None else [False] * len(queries)
        dense = (
            self._dense(queries, langs, depth, split) if mode != "bm25" else [[] for _ in queries]
        )
        expander = self._expander() if mode == "hybrid" else None
        results = []
        for number, text in enumerate(queries):
            lists: list[tuple[str, Sequence[Candidate]]] = []
            if mode != "dense":
                lists.append(("bm25", self.bm25(parse_free_text(text), langs[number], depth)))
            lists.extend(("dense", ranked) for ranked in dense[number])
            if expander is not None:
                for lang, words in expander.expand(text, query_language(text)).items():
                    wanted = langs[number]
                    if wanted is None or lang in wanted:
                        ranked = self.bm25(parse_free_text(words), (lang,), depth)
                        lists.append(("expansion", ranked))
            results.append(lists)
        return results

    def combine(
        self,
        lists: Sequence[tuple[str, Sequence[Candidate]]],
        limit: int,
        pivot: str | None = None,
        weights: Weights | None = None,
    ) -> list[Fused]:
        """Fuse one query's lists; with ``pivot``, map every hit to its counterpart in that
        language (the same paragraph of the work's version in it) and add up their votes, so a
        paragraph found in several languages gathers the evidence of all of them."""
        w = weights or self.weights
        by_source = {"bm25": w.bm25, "dense": w.dense, "expansion": w.expansion}
        weighted = [(name, by_source[name], found) for name, found in lists]
        if pivot is None or self.counterparts is None:
            return fuse_with(weighted, w, limit)
        fused = fuse_with(weighted, w, _PIVOT_DEPTH)
        mapped = self.counterparts(fused, pivot)
        scores: dict[int, float] = {}
        first: dict[int, Candidate] = {}
        sources: dict[int, list[str]] = {}
        for hit in fused:
            target = mapped.get(hit.pid)
            if target is None:
                continue
            scores[target.pid] = scores.get(target.pid, 0.0) + hit.score
            first.setdefault(target.pid, target)
            names = sources.setdefault(target.pid, [])
            names.extend(s for s in hit.sources if s not in names)
        order = sorted(scores, key=lambda pid: (-scores[pid], pid))[:limit]
        return [
            Fused(pid, first[pid].vid, first[pid].work, pivot, scores[pid], tuple(sources[pid]))
            for pid in order
        ]

    def bm25(
        self, parsed: ParsedQuery, langs: Collection[str] | None, depth: int
    ) -> list[Candidate]:
        """Passages by BM25, any word matching (ranking favours those with more of them); a
        long query searches with its informative words only (:func:`informative_words`)."""
        if parsed.is_empty:
            return []
        filters = parsed.filters
        if langs:
            filters = filters.narrowed(Filters(langs=tuple(langs)))
        searcher = self.index.searcher()
        fields = FIELD_LANGUAGES if not filters.langs else filters.langs
        parsed = informative_words(
            parsed,
            lambda word: self.index.word_frequency(word, fields, searcher),
            int(searcher.num_docs),
        )
        query = build_query(self.index.schema, parsed, filters, any_word=True)
        # No total count: counting would make tantivy visit every matching passage.
        return candidates(
            searcher, searcher.search(query, depth, count=False, weight_by_field=f.BOOST).hits
        )

    def _dense(
        self,
        queries: Sequence[str],
        langs: Sequence[Collection[str] | None],
        depth: int,
        split: Sequence[bool],
    ) -> list[list[list[Candidate]]]:
        """Nearest passages per query: one list, or with ``split`` one per language (each
        language's versions then vote on their own when hits are pivoted)."""
        found: list[list[list[Candidate]]] = [[] for _ in queries]
        if self.vectors is None or not queries or not self.dense_ready():
            return found
        embedder = self._embedder()
        if embedder is None:
            return found
        matrix = embed_queries(embedder, [q or " " for q in queries])
        held = self.vectors.languages()
        # Queries sharing a language restriction are searched together (one matrix product).
        groups: dict[tuple[str, ...] | None, list[int]] = {}
        for number, wanted in enumerate(langs):
            if split[number]:
                for lang in held if wanted is None else sorted(set(wanted) & set(held)):
                    groups.setdefault((lang,), []).append(number)
            else:
                groups.setdefault(tuple(sorted(wanted)) if wanted is not None else None, []).append(
                    number
                )
        for key, numbers in groups.items():
            hits = self.vectors.search(matrix[numpy.asarray(numbers)], depth, key)
            for number, ranked in zip(numbers, hits, strict=True):
                found[number].append(
                    [Candidate(h.pid, h.vid, h.work, h.lang, h.score) for h in ranked]
                )
        return found
