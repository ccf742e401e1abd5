"""The subject backend protocol (Annif-style): ``suggest`` checks its input and calls the
backend's private ``_suggest``; every backend can also pool the language versions of one
work, so a work's six versions give six times the evidence."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Final

from unlib.subjects.model import SubjectsError, Suggestion, Text, check_lang

MAX_LIMIT: Final = 1000


class SubjectBackend(ABC):
    name: str = "backend"

    def suggest(self, text: str, lang: str, limit: int = 10) -> list[Suggestion]:
        """Concepts for ``text`` in ``lang``, best first, at most ``limit``."""
        return self.suggest_texts([Text(text, lang)], limit)

    def suggest_texts(self, texts: Sequence[Text], limit: int = 10) -> list[Suggestion]:
        """Concepts for one work from all its language versions, evidence pooled."""
        if not 1 <= limit <= MAX_LIMIT:
            raise SubjectsError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
        checked = [
            Text(t.body, check_lang(t.lang), t.title) for t in texts if (t.body or t.title).strip()
        ]
        if not checked:
            return []
        found = self._suggest(checked, limit)
        ranked = sorted(found, key=lambda s: (-s.score, s.uri))
        return ranked[:limit]

    @abstractmethod
    def _suggest(self, texts: Sequence[Text], limit: int) -> list[Suggestion]:
        """Suggestions for checked, non-empty texts (any order; the caller ranks and cuts)."""


class FixedBackend(SubjectBackend):
    """The in-repo test backend: suggests the same concepts for any non-empty text, scores
    falling with their rank (like Annif's dummy backend)."""

    name = "fixed"

    def __init__(self, uris: Sequence[str]) -> None:
        self.uris = tuple(uris)

    def _suggest(self, texts: Sequence[Text], limit: int) -> list[Suggestion]:
        return [
            Suggestion(uri, round(1.0 / (rank + 1), 6), self.name)
            for rank, uri in enumerate(self.uris)
        ]
