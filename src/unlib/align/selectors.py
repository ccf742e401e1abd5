"""Which paragraph a reader means: a printed number (``3``, ``PP2``, ``(a)``, ``一``), the
record page's anchor for it (``para-3``), or the anchor of an unnumbered passage (``p12``:
the passage at position 12)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from unlib.align.labels import paragraph_key
from unlib.store.records import PassageRow

_SEQ: Final = re.compile(r"p(\d{1,6})")


@dataclass(frozen=True, slots=True)
class ParagraphSelector:
    text: str  # as the reader gave it
    label: str  # the label without anchor prefix and spaces
    seq: int | None = None  # "p12"
    key: str | None = None  # language-independent key of the label

    @classmethod
    def parse(cls, text: str) -> ParagraphSelector:
        label = "".join(text.split()).lstrip("#")
        if label.startswith("para-"):
            label = label[len("para-") :]
        if found := _SEQ.fullmatch(label):
            return cls(text, label, seq=int(found.group(1)))
        return cls(text, label, key=paragraph_key(label))

    def matches(self, passage: PassageRow) -> bool:
        if self.seq is not None:
            return passage.seq == self.seq
        if not passage.para:
            return False
        if "".join(passage.para.split()) == self.label:
            return True
        return self.key is not None and paragraph_key(passage.para) == self.key


def select_paragraph(
    passages: Sequence[PassageRow], selector: ParagraphSelector
) -> list[PassageRow]:
    """The first passage the selector names, with the passages that continue it (a long
    paragraph is stored in pieces that share its number)."""
    ordered = sorted((p for p in passages if p.seq >= 0), key=lambda p: p.seq)
    for index, passage in enumerate(ordered):
        if selector.matches(passage):
            chosen = [passage]
            for following in ordered[index + 1 :]:
                if not passage.para or following.para != passage.para:
                    break
                chosen.append(following)
            return chosen
    return []
