"""Two aligned versions as rows to read side by side: each row holds the passages of one
language that correspond to the passages of the other (one to one, or a paragraph split in two
on one side); a passage without counterpart has a row of its own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from unlib.store.alignment import AlignedPair
from unlib.store.records import PassageRow


@dataclass(slots=True)
class Row:
    a: list[PassageRow] = field(default_factory=list)
    b: list[PassageRow] = field(default_factory=list)
    score: float | None = None  # the best similarity of the row's pairs
    how: str | None = None  # how its first pair was found

    def to_json(self) -> dict[str, Any]:
        return {
            "a": [passage_json(p) for p in self.a],
            "b": [passage_json(p) for p in self.b],
            "score": self.score,
            "how": self.how,
        }


def passage_json(passage: PassageRow) -> dict[str, Any]:
    return {"seq": passage.seq, "para": passage.para, "kind": passage.kind, "text": passage.text}


def aligned_rows(
    passages_a: Sequence[PassageRow], passages_b: Sequence[PassageRow], pairs: Sequence[AlignedPair]
) -> list[Row]:
    """Rows in text order; ``pairs`` are oriented ``a`` → ``b`` (titles are left out)."""
    index_a = {p.id: i for i, p in enumerate(passages_a)}
    index_b = {p.id: j for j, p in enumerate(passages_b)}
    links = [
        (index_a[p.passage_a], index_b[p.passage_b], p)
        for p in pairs
        if p.passage_a in index_a and p.passage_b in index_b
    ]
    groups = _groups(links)
    rows: list[Row] = []
    shown: set[int] = set()
    i = j = 0
    while i < len(passages_a) or j < len(passages_b):
        group = groups.get(("a", i)) if i < len(passages_a) else groups.get(("b", j))
        if group is not None and id(group) in shown:  # met again past a crossing
            i, j = (i + 1, j) if i < len(passages_a) else (i, j + 1)
        elif i < len(passages_a) and group is None:
            rows.append(Row(a=[passages_a[i]]))
            i += 1
        elif j < len(passages_b) and ("b", j) not in groups:
            rows.append(Row(b=[passages_b[j]]))
            j += 1
        elif group is not None:
            shown.add(id(group))
            rows.append(_row(group, passages_a, passages_b))
            i = max(i, max(group.a, default=i - 1) + 1)
            j = max(j, max(group.b, default=j - 1) + 1)
    return rows


@dataclass(slots=True)
class _Group:
    a: set[int] = field(default_factory=set)
    b: set[int] = field(default_factory=set)
    pairs: list[AlignedPair] = field(default_factory=list)


def _groups(links: list[tuple[int, int, AlignedPair]]) -> dict[tuple[str, int], _Group]:
    """Connected passages (a pair, or a passage with the two halves of a split one)."""
    owner: dict[tuple[str, int], _Group] = {}
    for i, j, pair in links:
        group = owner.get(("a", i)) or owner.get(("b", j)) or _Group()
        other = owner.get(("b", j))
        if other is not None and other is not group:
            group.a |= other.a
            group.b |= other.b
            group.pairs += other.pairs
            for node in [("a", x) for x in other.a] + [("b", y) for y in other.b]:
                owner[node] = group
        group.a.add(i)
        group.b.add(j)
        group.pairs.append(pair)
        owner[("a", i)] = group
        owner[("b", j)] = group
    return owner


def _row(group: _Group, passages_a: Sequence[PassageRow], passages_b: Sequence[PassageRow]) -> Row:
    first = min(group.pairs, key=lambda p: (p.passage_a, p.passage_b))
    return Row(
        a=[passages_a[i] for i in sorted(group.a)],
        b=[passages_b[j] for j in sorted(group.b)],
        score=max(p.score for p in group.pairs),
        how=first.how,
    )
