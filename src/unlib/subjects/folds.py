"""Cross-validation folds over documents: revisions of one document (same group) always fall
in the same fold, so no document is judged by a model that saw its twin."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence

from unlib.subjects.model import Example


def fold_of(group: str, folds: int) -> int:
    """A stable fold number for a group (the same on every machine and run)."""
    digest = hashlib.sha1(group.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % folds


def split(examples: Sequence[Example], folds: int) -> Iterator[tuple[list[int], list[int]]]:
    """(training indexes, held-out indexes) for each fold that holds any example."""
    numbers = [fold_of(e.fold_group, folds) for e in examples]
    for fold in range(folds):
        held = [i for i, n in enumerate(numbers) if n == fold]
        if held:
            yield [i for i, n in enumerate(numbers) if n != fold], held
