"""Query expansion through the thesaurus: a query that names a UNBIS or SDG concept in one
language also searches that concept's labels in the other five.

The labels come from the catalogue's vocabularies (``unlib vocab import``); without them there
is simply no expansion. Longer labels go first (they say more than one-word ones), and only a
few concepts per query are used so a long query does not turn into the whole thesaurus.
"""

from __future__ import annotations

from typing import Final

from unlib.model import LANGUAGES
from unlib.vocab.labels import LabelMatcher, shared_matcher
from unlib.vocab.model import Vocabulary

__all__ = ["LabelExpander"]

# Concepts whose labels are added to one query.
MAX_CONCEPTS: Final = 12


class LabelExpander:
    def __init__(self, vocab: Vocabulary, schemes: tuple[str, ...] = ("unbis", "sdg")) -> None:
        self.vocab = vocab
        self.matcher: LabelMatcher = shared_matcher(vocab, schemes)

    def concepts(self, text: str, lang: str) -> list[str]:
        """URIs of the concepts whose labels occur in ``text`` (longest labels first)."""
        hits = sorted(self.matcher.find(text, lang), key=lambda h: (h.start - h.end, h.start))
        return list(dict.fromkeys(h.uri for h in hits))[:MAX_CONCEPTS]

    def expand(self, text: str, lang: str) -> dict[str, str]:
        """For each other language, the preferred labels of the concepts ``text`` names,
        as one query text; empty when it names none."""
        uris = self.concepts(text, lang)
        if not uris:
            return {}
        found: dict[str, list[str]] = {}
        for uri in uris:
            concept = self.vocab.concepts.get(uri)
            if concept is None:
                continue
            for other in LANGUAGES:
                label = concept.pref.get(other)
                if other != lang and label:
                    found.setdefault(other, []).append(label)
        return {other: " ".join(labels) for other, labels in found.items()}
