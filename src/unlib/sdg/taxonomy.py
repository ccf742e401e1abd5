"""The SDG taxonomy as texts per goal and language, and the goals each UNBIS concept is linked
to, read from the vocabulary the library holds (scheme ``sdg``)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Final

from unlib.model import LANGUAGES
from unlib.vocab.model import Concept, Vocabulary

GOAL_COUNT: Final = 17


class TaxonomyMissing(LookupError):
    """The library holds no SDG taxonomy."""


@dataclass
class Taxonomy:
    """Texts of each goal (goal, targets, indicators, series) per language, and UNBIS links."""

    texts: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # lang -> (goal, text)
    # lang -> per text, the target (else goal) it belongs to: texts of one target in any
    # language fall in the same fold when the taxonomy is split to calibrate without the dev set
    groups: dict[str, list[str]] = field(default_factory=dict)
    links: dict[str, set[int]] = field(default_factory=dict)  # UNBIS URI -> goals
    version: str = ""

    def of_lang(self, lang: str) -> list[tuple[int, str]]:
        """The texts in ``lang``; English where the taxonomy has none in it."""
        return self.texts.get(lang) or self.texts.get("en", [])

    def groups_of(self, lang: str) -> list[str]:
        """The group of each text of :meth:`of_lang`."""
        return self.groups.get(lang) or self.groups.get("en", [])


def read_taxonomy(vocab: Vocabulary) -> Taxonomy:
    concepts = [c for c in vocab.concepts.values() if c.scheme == "sdg" and not c.deprecated]
    goal_of = _goals(vocab, concepts)
    group_of = _groups(vocab, concepts)
    if not any(c.kind == "goal" for c in concepts):
        raise TaxonomyMissing(
            "no SDG taxonomy in this library: import it first (unlib vocab import PATH)"
        )
    texts: dict[str, list[tuple[int, str]]] = defaultdict(list)
    groups: dict[str, list[str]] = defaultdict(list)
    links: dict[str, set[int]] = defaultdict(set)
    for concept in concepts:
        for goal in goal_of.get(concept.uri, ()):
            for lang in LANGUAGES:
                for text in _texts(concept, lang):
                    texts[lang].append((goal, text))
                    groups[lang].append(group_of.get(concept.uri, concept.uri))
            for uri in concept.matches:
                links[uri].add(goal)
    return Taxonomy(dict(texts), dict(groups), dict(links), vocab.versions.get("sdg", ""))


def _texts(concept: Concept, lang: str) -> list[str]:
    found = [*concept.labels(lang)]
    if concept.definition.get(lang):
        found.append(concept.definition[lang])
    return list(dict.fromkeys(t for t in found if t.strip()))


def _goals(vocab: Vocabulary, concepts: list[Concept]) -> dict[str, tuple[int, ...]]:
    """Concept URI → its goal numbers (a goal is its own; others through ``broader``): an
    indicator several targets share belongs to each of their goals (picking one of them would
    depend on the order of a set, so on the process)."""
    numbers: dict[str, int] = {}
    for concept in concepts:
        if concept.kind == "goal":
            number = _number(concept.notation)
            if number:
                numbers[concept.uri] = number
    found: dict[str, tuple[int, ...]] = {uri: (n,) for uri, n in numbers.items()}
    for concept in concepts:
        if concept.uri in found:
            continue
        goals = sorted({numbers[a] for a in vocab.ancestors(concept.uri) if a in numbers})
        if goals:
            found[concept.uri] = tuple(goals)
    return found


def _groups(vocab: Vocabulary, concepts: list[Concept]) -> dict[str, str]:
    """Concept URI → the target above it (itself for a target or a goal)."""
    kinds = {c.uri: c.kind for c in concepts}
    found: dict[str, str] = {}
    for concept in concepts:
        if concept.kind in ("target", "goal"):
            found[concept.uri] = concept.uri
            continue
        targets = sorted(a for a in vocab.ancestors(concept.uri) if kinds.get(a) == "target")
        found[concept.uri] = targets[0] if targets else concept.uri
    return found


def _number(notation: str | None) -> int | None:
    if notation and notation.strip().isdigit() and 1 <= int(notation) <= GOAL_COUNT:
        return int(notation)
    return None
