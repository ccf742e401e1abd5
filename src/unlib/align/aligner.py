"""Align the passages of two language versions of one work.

1. **Numbers first.** Passages whose paragraph label or heading number gives the same key
   (:mod:`unlib.align.labels`) are matched in order — labels repeat from one article to the
   next, so this is a monotonic matching that takes as many equal keys as possible and, among
   those, the most similar ones.
2. **Similarity for the rest.** Between two consecutive anchors, the remaining passages are
   matched monotonically by the cosine similarity of their sentence embeddings (a pair counts
   only above :data:`MIN_SIMILARITY`).
3. **Splits.** A passage left over beside a matched pair joins it when it is similar enough:
   a paragraph one version splits in two is aligned with both halves.

Everything is a pure function of the two passage lists and their similarity matrix.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy

from unlib.align.monotonic import monotonic_match

# Equal keys outweigh any similarity: one more anchor is always worth more (similarity ≤ 1).
KEY_WEIGHT: Final = 4.0
# An equal key between passages this dissimilar is a coincidence, not the same paragraph.
MIN_KEY_SIMILARITY: Final = 0.05
# Unnumbered passages are matched only above this similarity (USE, across languages:
# translations ≈ 0.5–0.9, unrelated text ≈ 0–0.3).
MIN_SIMILARITY: Final = 0.3
# A leftover passage joins its neighbour's pair above this similarity.
MIN_ATTACH_SIMILARITY: Final = 0.35
# … and, when the other version has nothing unmatched there, above this.
MIN_ATTACH_IN_EMPTY_GAP: Final = 0.1


@dataclass(frozen=True, slots=True)
class Unit:
    """A passage to align: its key (see :func:`unlib.align.labels.passage_key`) or None."""

    key: str | None


@dataclass(frozen=True, slots=True)
class Link:
    a: int  # index into the first sequence
    b: int  # index into the second
    score: float  # cosine similarity
    how: str  # "number" | "heading" | "similarity" | "attached"


def align(a: Sequence[Unit], b: Sequence[Unit], similarity: numpy.ndarray) -> list[Link]:
    """Aligned pairs of ``a`` and ``b`` in text order; ``similarity`` is ``(len(a), len(b))``."""
    anchors = _anchors(a, b, similarity)
    links = [
        Link(i, j, float(similarity[i, j]), "heading" if _is_heading(a[i].key) else "number")
        for i, j in anchors
    ]
    bounds = [(-1, -1), *anchors, (len(a), len(b))]
    for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
        links += _fill_gap(similarity, i0 + 1, i1, j0 + 1, j1)
    links.sort(key=lambda link: (link.a, link.b))
    links += _sandwiched(links, similarity)
    return _attach_leftovers(links, similarity)


def _is_heading(key: str | None) -> bool:
    return bool(key and key.startswith("h:"))


def _anchors(
    a: Sequence[Unit], b: Sequence[Unit], similarity: numpy.ndarray
) -> list[tuple[int, int]]:
    rows = [i for i, unit in enumerate(a) if unit.key]
    cols = [j for j, unit in enumerate(b) if unit.key]
    if not rows or not cols:
        return []
    keys_a = numpy.array([a[i].key for i in rows], dtype=object)
    keys_b = numpy.array([b[j].key for j in cols], dtype=object)
    same = keys_a[:, None] == keys_b[None, :]
    sub = similarity[numpy.ix_(rows, cols)]
    weight = numpy.where(same & (sub >= MIN_KEY_SIMILARITY), KEY_WEIGHT + sub, -numpy.inf)
    return [(rows[i], cols[j]) for i, j in monotonic_match(weight)]


def _fill_gap(similarity: numpy.ndarray, i0: int, i1: int, j0: int, j1: int) -> list[Link]:
    if i1 <= i0 or j1 <= j0:
        return []
    sub = similarity[i0:i1, j0:j1]
    pairs = monotonic_match(sub - MIN_SIMILARITY)
    return [Link(i0 + i, j0 + j, float(sub[i, j]), "similarity") for i, j in pairs]


def _sandwiched(links: list[Link], similarity: numpy.ndarray) -> list[Link]:
    """Between two consecutive pairs, a lone passage on one side and the unmatched passages on
    the other say the same thing (one version split it): they are linked when similar at all."""
    n, m = similarity.shape
    bounds = [(-1, -1), *((link.a, link.b) for link in links), (n, m)]
    found: list[Link] = []
    for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
        rows, cols = range(i0 + 1, i1), range(j0 + 1, j1)
        if not rows or not cols or (len(rows) > 1 and len(cols) > 1):
            continue
        found += [
            Link(i, j, float(similarity[i, j]), "attached")
            for i in rows
            for j in cols
            if similarity[i, j] >= MIN_ATTACH_IN_EMPTY_GAP
        ]
    return found


def _attach_leftovers(links: list[Link], similarity: numpy.ndarray) -> list[Link]:
    """Unmatched passages next to a matched one join its pair (repeatedly, so a paragraph
    split in three joins whole), each to the more similar of its two neighbours' pairs."""
    links = list(links)
    while True:
        extra = _attachments(links, similarity, by_a=True)
        extra += _attachments(links, similarity, by_a=False)
        if not extra:
            return sorted(links, key=lambda link: (link.a, link.b))
        links += _unique(extra)


def _attachments(links: list[Link], similarity: numpy.ndarray, *, by_a: bool) -> list[Link]:
    """Links for the leftovers of one side (``a`` when ``by_a``) next to a matched passage,
    at most one each. Where the other side has nothing unmatched in between, the leftover must
    belong to a neighbouring pair (one version split or merged a paragraph, or printed a
    heading on its own line): a lower bar, :data:`MIN_ATTACH_IN_EMPTY_GAP`, applies."""
    sim = similarity if by_a else similarity.T
    partners: dict[int, list[int]] = {}
    for link in links:
        mine, theirs = (link.a, link.b) if by_a else (link.b, link.a)
        partners.setdefault(mine, []).append(theirs)
    theirs_matched = {other for others in partners.values() for other in others}
    found: list[Link] = []
    for index in range(sim.shape[0]):
        before = max(partners[index - 1]) if index - 1 in partners else None
        after = min(partners[index + 1]) if index + 1 in partners else None
        if index in partners or (before is None and after is None):
            continue
        low = before if before is not None else _previous(partners, index, default=-1)
        high = after if after is not None else _next(partners, index, default=sim.shape[1])
        empty = all(j in theirs_matched for j in range(low + 1, high))
        bar = MIN_ATTACH_IN_EMPTY_GAP if empty else MIN_ATTACH_SIMILARITY
        options = [j for j in (before, after) if j is not None]
        best = max(options, key=lambda other: sim[index, other])
        if sim[index, best] >= bar:
            score = float(sim[index, best])
            found.append(
                Link(index, best, score, "attached")
                if by_a
                else Link(best, index, score, "attached")
            )
    return found


def _previous(partners: dict[int, list[int]], index: int, default: int) -> int:
    """The last partner of the nearest matched passage before ``index``."""
    earlier = [i for i in partners if i < index]
    return max(partners[max(earlier)]) if earlier else default


def _next(partners: dict[int, list[int]], index: int, default: int) -> int:
    later = [i for i in partners if i > index]
    return min(partners[min(later)]) if later else default


def _unique(links: list[Link]) -> list[Link]:
    """Attachments found from both sides may name the same pair once each."""
    return list({(link.a, link.b): link for link in links}.values())
