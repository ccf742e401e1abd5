"""Gold data in six languages for evaluating subject indexing: the SDG goals, targets and
indicators, whose official texts exist in the six languages and which the UN Library has
linked to UNBIS concepts (``dct:subject`` on metadata.un.org). Each is one "work" with up
to six language versions, like a UN document."""

from __future__ import annotations

from unlib.model import LANGUAGES
from unlib.subjects.model import Example, Text
from unlib.vocab.model import Vocabulary

KINDS = ("goal", "target", "indicator")


def sdg_examples(vocab: Vocabulary) -> list[Example]:
    """One example per linked SDG goal/target/indicator with its texts and UNBIS concepts.

    The fold group is the goal, so a target is never judged by a model trained on its
    own indicators' near-identical wording."""
    found: list[Example] = []
    for concept in vocab.of_scheme("sdg"):
        if concept.kind not in KINDS or concept.deprecated:
            continue
        subjects = frozenset(
            uri
            for uri in concept.matches
            if (c := vocab.get(uri)) is not None and c.scheme == "unbis" and c.kind == "concept"
        )
        texts = tuple(
            Text(concept.pref[lang], lang) for lang in LANGUAGES if concept.pref.get(lang)
        )
        if subjects and texts:
            goal = (concept.notation or concept.uri).split(".")[0]
            found.append(Example(concept.uri, texts, subjects, group=f"goal-{goal}"))
    return found
