"""The alignment of two passage sequences: monotonic matching, numbers first, then
similarity, and split paragraphs joined to their pair (on small hand-made matrices)."""

from __future__ import annotations

import numpy
import pytest

from unlib.align.aligner import Unit, align
from unlib.align.monotonic import MAX_CELLS, TooLarge, monotonic_match


def test_monotonic_match_takes_the_heaviest_increasing_pairs() -> None:
    weight = numpy.array([[0.1, 0.9, 0.0], [0.8, 0.2, 0.0], [0.0, 0.0, 0.7]])
    # (0,1) and (1,0) cross: the best increasing set is (0,1),(2,2) = 1.6 > (1,0),(2,2) = 1.5
    assert monotonic_match(weight) == [(0, 1), (2, 2)]


def test_monotonic_match_ignores_non_positive_cells_and_empty_input() -> None:
    assert monotonic_match(numpy.full((3, 3), -1.0)) == []
    assert monotonic_match(numpy.zeros((0, 4))) == []


def test_monotonic_match_refuses_huge_tables() -> None:
    side = int(MAX_CELLS**0.5) + 1
    with pytest.raises(TooLarge):
        monotonic_match(numpy.ones((side, side), dtype=numpy.float32))


def test_equal_numbers_anchor_even_when_similarity_prefers_another_pair() -> None:
    a = [Unit("n:1"), Unit("n:2")]
    b = [Unit("n:1"), Unit("n:2")]
    similarity = numpy.array([[0.2, 0.9], [0.1, 0.3]])
    links = align(a, b, similarity)
    assert [(link.a, link.b, link.how) for link in links] == [(0, 0, "number"), (1, 1, "number")]


def test_unnumbered_passages_are_matched_by_similarity_between_anchors() -> None:
    a = [Unit("h:1"), Unit(None), Unit(None), Unit("h:2")]
    b = [Unit("h:1"), Unit(None), Unit(None), Unit("h:2")]
    similarity = numpy.array(
        [
            [0.9, 0.1, 0.1, 0.1],
            [0.1, 0.8, 0.2, 0.1],
            [0.1, 0.2, 0.05, 0.1],  # no counterpart: stays alone
            [0.1, 0.1, 0.1, 0.9],
        ]
    )
    pairs = {(link.a, link.b): link.how for link in align(a, b, similarity)}
    assert pairs[(0, 0)] == "heading" and pairs[(3, 3)] == "heading"
    assert pairs[(1, 1)] == "similarity"
    assert not any(i == 2 for i, _ in pairs)


def test_a_paragraph_split_in_two_joins_both_halves() -> None:
    a = [Unit(None), Unit(None)]
    b = [Unit(None), Unit(None), Unit(None)]
    similarity = numpy.array([[0.8, 0.5, 0.0], [0.0, 0.1, 0.9]])
    pairs = sorted((link.a, link.b) for link in align(a, b, similarity))
    assert pairs == [(0, 0), (0, 1), (1, 2)]
