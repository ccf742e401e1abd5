"""Monotonic matching: the pairs (i, j), increasing in both i and j, of greatest total weight.

This is the weighted longest-common-subsequence recurrence (dynamic programming, never
greedy)::

    best[i][j] = max(best[i-1][j], best[i][j-1], best[i-1][j-1] + weight[i-1][j-1])

A row depends on its own left neighbour only through a running maximum, so each row is one
vectorised numpy step (``maximum.accumulate``) instead of a Python loop over cells.
"""

from __future__ import annotations

from typing import Final

import numpy

# Past this many cells the table would take more memory than an alignment is worth (≈64 MB).
MAX_CELLS: Final = 16_000_000


class TooLarge(ValueError):
    """The two sequences are too long to match cell by cell."""


def monotonic_match(weight: numpy.ndarray) -> list[tuple[int, int]]:
    """Pairs of greatest total weight; only cells of positive (finite) weight are used.

    ``weight`` is an ``(n, m)`` array; give ``-inf`` (or any value ≤ 0) where a pair is not
    allowed. Returns the pairs in increasing order.
    """
    n, m = weight.shape
    if n == 0 or m == 0:
        return []
    if n * m > MAX_CELLS:
        raise TooLarge(f"{n} × {m} cells is more than {MAX_CELLS:,}")
    usable = numpy.where(weight > 0, weight, -numpy.inf).astype(numpy.float64)
    best = _table(usable)
    return _trace(best, usable)


def _table(usable: numpy.ndarray) -> numpy.ndarray:
    n, m = usable.shape
    best = numpy.zeros((n + 1, m + 1), dtype=numpy.float64)
    candidate = numpy.empty(m + 1, dtype=numpy.float64)
    for i in range(1, n + 1):
        above = best[i - 1]
        candidate[0] = 0.0
        numpy.maximum(above[1:], above[:-1] + usable[i - 1], out=candidate[1:])
        numpy.maximum.accumulate(candidate, out=best[i])
    return best


def _trace(best: numpy.ndarray, usable: numpy.ndarray) -> list[tuple[int, int]]:
    i, j = usable.shape
    pairs: list[tuple[int, int]] = []
    while i > 0 and j > 0:
        here = best[i, j]
        if here == best[i, j - 1]:
            j -= 1
        elif here == best[i - 1, j]:
            i -= 1
        else:
            pairs.append((i - 1, j - 1))
            i -= 1
            j -= 1
    pairs.reverse()
    return pairs
