"""The ensemble: lexical evidence and neighbour votes combined by a logistic model fitted on
held-out folds, so its scores are calibrated probabilities (0.5 means "right one time in
two"). Candidates are the concepts either backend proposes."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
from numpy.typing import NDArray

from unlib.embed import Embedder
from unlib.subjects.backend import SubjectBackend
from unlib.subjects.embedding import document_vector
from unlib.subjects.evidence import Evidence, gather
from unlib.subjects.logistic import Logistic
from unlib.subjects.model import Suggestion, Text
from unlib.subjects.neighbours import Neighbours, concept_profile
from unlib.subjects.priors import Priors
from unlib.subjects.thesaurus import Hierarchy
from unlib.vocab.labels import LabelMatcher

CANDIDATES: Final = 40
FEATURES: Final = (
    "hits",
    "title",
    "early",
    "versions",
    "named",
    "idf",
    "named_rate",
    "use_rate",
    "votes",
    "vote_rank",
    "lexical_rank",
    "has_narrower",
    "depth",
    "label_words",
    "pref_label",
    "parent_of_named",
    "named_ar_only",
    "named_zh_only",
)
# Direct broader terms of the best-named concepts are candidates too: indexers often choose
# the broader heading of what a text names.
BROADER_OF: Final = 10


@dataclass
class Signals:
    """Everything the ensemble knows about one work."""

    evidence: dict[str, Evidence]
    votes: dict[str, float]


def signals(
    texts: Sequence[Text],
    matcher: LabelMatcher,
    embedder: Embedder,
    neighbours: Neighbours,
    *,
    skip_groups: Sequence[str] = (),
) -> Signals:
    evidence = gather(matcher, texts)
    vector = document_vector(embedder, texts)
    votes = neighbours.vote(vector, concept_profile(evidence), skip_groups=skip_groups)
    return Signals(evidence, votes)


def features(
    found: Signals, priors: Priors, hierarchy: Hierarchy
) -> tuple[list[str], NDArray[np.float64]]:
    """Candidate concepts and one row of :data:`FEATURES` for each."""
    lexical = sorted(found.evidence, key=lambda u: -found.evidence[u].strength * priors.idf(u))[
        :CANDIDATES
    ]
    voted = sorted(found.votes, key=lambda u: -found.votes[u])[:CANDIDATES]
    parents = _parents(lexical[:BROADER_OF], found.evidence, hierarchy)
    uris = list(dict.fromkeys([*lexical, *voted, *parents]))
    lexical_rank = {uri: i for i, uri in enumerate(lexical)}
    vote_rank = {uri: i for i, uri in enumerate(voted)}
    broader = hierarchy.broader_of_any(found.evidence)
    rows = [
        [
            *_row(uri, found, priors, hierarchy, lexical_rank, vote_rank, uri in broader),
            parents.get(uri, 0.0),
            *_only_in(found.evidence.get(uri)),
        ]
        for uri in uris
    ]
    return uris, np.array(rows, dtype=np.float64).reshape(len(uris), len(FEATURES))


def _only_in(ev: Evidence | None) -> list[float]:
    """Whether a concept is named only in the Arabic, only in the Chinese version (their
    labels are matched otherwise: see :mod:`unlib.subjects.matching`), so that the weights
    can trust that evidence apart."""
    langs = ev.langs if ev is not None else set()
    return [1.0 if langs == {"ar"} else 0.0, 1.0 if langs == {"zh"} else 0.0]


def _parents(
    named: Sequence[str], evidence: Mapping[str, Evidence], hierarchy: Hierarchy
) -> dict[str, float]:
    """Direct broader concepts of ``named`` → the strongest evidence of a narrower one."""
    found: dict[str, float] = {}
    for uri in named:
        concept = hierarchy.vocab.get(uri)
        for parent in concept.broader if concept else ():
            if parent in hierarchy.ancestors(uri):  # a concept, not a microthesaurus
                found[parent] = max(found.get(parent, 0.0), evidence[uri].strength)
    return found


def _row(
    uri: str,
    found: Signals,
    priors: Priors,
    hierarchy: Hierarchy,
    lexical_rank: Mapping[str, int],
    vote_rank: Mapping[str, int],
    has_narrower: bool,
) -> list[float]:
    ev = found.evidence.get(uri)
    named = ev is not None
    return [
        math.log1p(ev.hits) if ev else 0.0,
        1.0 if ev and ev.title else 0.0,
        1.0 - ev.first if ev else 0.0,
        ev.versions if ev else 0.0,
        1.0 if named else 0.0,
        priors.idf(uri),
        priors.named_rate(uri) if named else 0.0,
        math.log(priors.use_rate(uri)),
        found.votes.get(uri, 0.0),
        1.0 / (1 + vote_rank[uri]) if uri in vote_rank else 0.0,
        1.0 / (1 + lexical_rank[uri]) if uri in lexical_rank else 0.0,
        1.0 if has_narrower else 0.0,
        float(hierarchy.depth(uri)),
        math.log1p(ev.words) if ev else 0.0,
        1.0 if ev and ev.pref else 0.0,
    ]


class EnsembleBackend(SubjectBackend):
    name = "ensemble"

    def __init__(
        self,
        matcher: LabelMatcher,
        hierarchy: Hierarchy,
        embedder: Embedder,
        neighbours: Neighbours,
        priors: Priors,
        calibrator: Logistic,
        threshold: float = 0.0,
        cut_weight: float = 0.0,
        subjects_per_doc: float = 1.0,
        missed_per_doc: float | None = None,
    ) -> None:
        self.matcher = matcher
        self.hierarchy = hierarchy
        self.embedder = embedder
        self.neighbours = neighbours
        self.priors = priors
        self.calibrator = calibrator
        self.threshold = threshold
        self.cut_weight = cut_weight
        self.subjects_per_doc = subjects_per_doc
        # When known: how many right subjects a text has beyond its candidates, on average
        # (each text's number of subjects is then estimated from its own probabilities).
        self.missed_per_doc = missed_per_doc

    def _suggest(self, texts: Sequence[Text], limit: int) -> list[Suggestion]:
        seen = signals(texts, self.matcher, self.embedder, self.neighbours)
        uris, rows = features(seen, self.priors, self.hierarchy)
        if not uris:
            return []
        probabilities = self.calibrator.predict(rows)
        found = [
            Suggestion(uri, round(float(p), 6), self.name)
            for uri, p in zip(uris, probabilities, strict=True)
        ]
        found.sort(key=lambda s: (-s.score, s.uri))
        kept = [s for s in found if s.score >= self.threshold] or found[:1]
        subjects = expected_subjects(probabilities, self.missed_per_doc, self.subjects_per_doc)
        count = cut([s.score for s in kept[:RANKED]], self.cut_weight, subjects, len(kept))
        return kept[:count]


def expected_subjects(
    probabilities: Sequence[float] | NDArray[np.float64], missed: float | None, mean: float
) -> float:
    """How many right subjects a text probably has: the sum of its candidates' calibrated
    probabilities and the mean number no candidate names; the training mean if unknown."""
    return mean if missed is None else float(np.sum(probabilities)) + missed


# The measures a list of suggestions is judged by: F1 of its first 5, NDCG of its first 10.
F1_AT: Final = 5
RANKED: Final = 10


def cut(probabilities: Sequence[float], weight: float, subjects: float, whole: int) -> int:
    """How many suggestions to return, given the calibrated probabilities of the best ones
    (best first): the first k (k ≤ 5, as F1@5 rewards a short sure list), or ``whole`` (all,
    as NDCG@10 rewards every right one in the first 10), whichever has the best expected
    ``weight`` × F1@5 + (1 − ``weight``) × NDCG@10 for a document with ``subjects`` right
    ones (:func:`expected_subjects`). Weight 0 keeps all."""
    if weight <= 0.0 or not probabilities:
        return whole
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(max(round(subjects), 1), RANKED)))
    gains = [p / math.log2(i + 2) for i, p in enumerate(probabilities[:RANKED])]
    best, chosen = -1.0, whole
    for k in [*range(1, min(F1_AT, len(probabilities)) + 1), whole]:
        top = min(k, F1_AT)
        f1 = 2.0 * sum(probabilities[:top]) / (top + subjects)
        ndcg = sum(gains[:k]) / ideal
        value = weight * f1 + (1.0 - weight) * ndcg
        if value > best + 1e-12:
            best, chosen = value, k
    return chosen
