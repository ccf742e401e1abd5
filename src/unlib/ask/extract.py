"""Choosing the sentences that answer a question (extractive: only text the library holds).

Every sentence of the retrieved passages gets a word score: the share of the question's term
weight (IDF, see :class:`unlib.ask.retrieve.TermWeights`) that it contains. The best few are
then compared with the question by sentence embedding; an answer needs both some words of
the question and a meaning close enough (:data:`MIN_SIMILARITY`), else Ask says it found
nothing rather than guess.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

import numpy

from unlib.ask.sentences import Sentence, split_sentences
from unlib.text.analysis import analyze

# Sentences re-ranked by embedding (the costly step: keep the answer under 300 ms).
RERANKED: Final = 8
# Below this cosine (USE, question vs sentence) a sentence does not answer the question;
# unrelated UN text scores ≈ 0.05–0.25 against a question, answering sentences ≈ 0.35–0.7.
MIN_SIMILARITY: Final = 0.3
# … and it must hold at least this share of the question's term weight.
MIN_WORD_SHARE: Final = 0.15
# Final score: meaning counts more than words shared.
SIMILARITY_WEIGHT: Final = 0.65
# Sentences shorter than this are headings or fragments ("Article 7", "(a)"); a Chinese
# character counts as three (it carries about a word).
MIN_CHARS: Final = 20


@dataclass(frozen=True, slots=True)
class Scored:
    passage_index: int  # position in the passages given
    sentence: Sentence
    words: float  # share of the question's term weight, 0..1
    similarity: float = 0.0
    score: float = 0.0


def weighted_length(text: str) -> int:
    return len(text) + 2 * sum(1 for ch in text if "\u3400" <= ch <= "\u9fff")


def word_share(weights: dict[str, float], lang: str, text: str) -> float:
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    present = set(analyze(lang, text))
    return sum(w for term, w in weights.items() if term in present) / total


def best_sentences(
    question_vector: numpy.ndarray,
    passages: Sequence[tuple[str, str]],
    weights_of: Callable[[str], dict[str, float]],
    embed: Callable[[Sequence[str]], numpy.ndarray],
    limit: int = 3,
) -> list[Scored]:
    """The sentences of ``passages`` (``(lang, text)``) that answer the question, best first;
    empty when none is close enough."""
    found: list[Scored] = []
    for index, (lang, text) in enumerate(passages):
        weights = weights_of(lang)
        for sentence in split_sentences(text):
            if weighted_length(sentence.text) < MIN_CHARS:
                continue
            share = word_share(weights, lang, sentence.text)
            if share >= MIN_WORD_SHARE:
                found.append(Scored(index, sentence, share))
    if not found:
        return []
    found.sort(key=lambda s: (-s.words, s.passage_index))
    shortlist = _unique(found)[:RERANKED]
    vectors = embed([s.sentence.text for s in shortlist])
    similarities = vectors @ numpy.asarray(question_vector, numpy.float32)
    scored = [
        Scored(
            s.passage_index,
            s.sentence,
            s.words,
            float(sim),
            SIMILARITY_WEIGHT * float(sim) + (1 - SIMILARITY_WEIGHT) * s.words,
        )
        for s, sim in zip(shortlist, similarities, strict=True)
        if sim >= MIN_SIMILARITY
    ]
    scored.sort(key=lambda s: -s.score)
    return scored[:limit]


def _unique(found: list[Scored]) -> list[Scored]:
    """One copy of a sentence repeated word for word (boilerplate in many documents)."""
    seen: set[str] = set()
    out = []
    for s in found:
        if s.sentence.text not in seen:
            seen.add(s.sentence.text)
            out.append(s)
    return out
