"""Plain data of subject indexing: a text to index, a suggestion, a training example."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from unlib.model import LANGUAGES

# A suggestion's status as a librarian sees it.
SUGGESTED: Final = "suggested"
ACCEPTED: Final = "accepted"
REJECTED: Final = "rejected"
STATUSES: Final = (SUGGESTED, ACCEPTED, REJECTED)


class SubjectsError(ValueError):
    """Input a subject backend cannot take (unknown language, bad limit, no model)."""


def check_lang(lang: str) -> str:
    """``lang`` as one of the six languages; anything else is refused with a clear reason."""
    code = (lang or "").strip().lower()
    if code not in LANGUAGES:
        raise SubjectsError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    return code


@dataclass(frozen=True, slots=True)
class Text:
    """One language version of a document (or a text given directly): title and body."""

    body: str
    lang: str
    title: str = ""

    @property
    def full(self) -> str:
        return f"{self.title}\n\n{self.body}" if self.title else self.body


@dataclass(frozen=True, slots=True)
class Suggestion:
    uri: str
    score: float  # 0..1; calibrated for the ensemble
    backend: str = ""


@dataclass(frozen=True, slots=True)
class Example:
    """A document whose subjects are known: all its language versions and the gold URIs.

    ``group`` keeps revisions of one document in one cross-validation fold.
    """

    key: str
    texts: tuple[Text, ...]
    subjects: frozenset[str]
    group: str = ""
    sources: tuple[str, ...] = field(default=())

    @property
    def fold_group(self) -> str:
        return self.group or self.key
