"""Labels of the SDG taxonomy dump checked against the official texts of their codes.

The dump of metadata.un.org/sdg attaches some labels to the wrong concept: in the copy we
hold, the Russian labels of about half the indicators are one code off (indicator 1.2.1
carries the Russian text of 1.2.2) and the Arabic labels of goals 15 to 17 are those of
goals 14 to 16. A label is judged misplaced when it differs from the official text of its
own code but is much closer to the official text of another code of the same goal; it is then
replaced by its own code's official text, and the import report lists each replacement. Only
concepts whose English label is still the official English text are checked: one revised
since the official translations were compiled keeps its labels as the dump gives them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Final

from unlib.vocab.model import Concept

# (kind, code) -> field -> lang -> text, as :func:`unlib.vocab.sdg.read_translations` reads it.
Texts = dict[tuple[str, str], dict[str, dict[str, str]]]

# A label is misplaced when it is at most this similar to its own code's official text ...
OWN_AT_MOST: Final = 0.4
# ... and at least this similar to another code's, and by this much more than to its own
# (similarity: Jaccard of character trigrams).
OTHER_AT_LEAST: Final = 0.4
MARGIN: Final = 0.2
# Only concepts whose English label is still their official English text are checked: a code
# whose text was revised since has outdated official texts in every language.
CURRENT_AT_LEAST: Final = 0.8
_COMPARED_CHARS: Final = 200
_CHECKED_KINDS: Final = ("goal", "target", "indicator")


@dataclass(frozen=True, slots=True)
class LabelCorrection:
    uri: str
    code: str
    lang: str
    found: str  # the dump's label
    belongs_to: str  # the code whose official text it is
    official: str  # the official text of the concept's own code, now its label

    def to_json(self) -> dict[str, Any]:
        return {
            "uri": self.uri,
            "code": self.code,
            "lang": self.lang,
            "found": self.found,
            "belongs_to": self.belongs_to,
            "label": self.official,
        }


def correct_misplaced(
    concepts: Iterable[Concept], texts: Texts
) -> tuple[list[Concept], list[LabelCorrection]]:
    """``concepts`` with misplaced preferred labels replaced, and what was replaced."""
    kept: list[Concept] = []
    corrections: list[LabelCorrection] = []
    for concept in concepts:
        found = _misplaced(concept, texts)
        if found:
            pref = dict(concept.pref) | {c.lang: c.official for c in found}
            concept = replace(concept, pref=pref)
        kept.append(concept)
        corrections.extend(found)
    return kept, corrections


def _misplaced(concept: Concept, texts: Texts) -> list[LabelCorrection]:
    code = concept.notation or ""
    if concept.kind not in _CHECKED_KINDS or concept.deprecated or not code:
        return []
    own = texts.get((concept.kind, code), {}).get("title", {})
    if _similarity(concept.pref.get("en", ""), own.get("en", "")) < CURRENT_AT_LEAST:
        return []
    found = []
    for lang, label in concept.pref.items():
        official = own.get(lang)
        if not official or _similarity(label, official) >= OWN_AT_MOST:
            continue
        other = _closest_other(label, lang, concept.kind, code, texts, official)
        if other is not None:
            found.append(LabelCorrection(concept.uri, code, lang, label, other, official))
    return found


def _closest_other(
    label: str, lang: str, kind: str, code: str, texts: Texts, own: str
) -> str | None:
    """The other code of the same goal (any goal, for a goal) whose official text ``label``
    is, if any."""
    goal = code.split(".")[0]
    best, best_code = max(OTHER_AT_LEAST, _similarity(label, own) + MARGIN), None
    for (other_kind, other_code), fields in texts.items():
        if other_kind != kind or other_code == code:
            continue
        if kind != "goal" and other_code.split(".")[0] != goal:
            continue
        text = fields.get("title", {}).get(lang)
        if text and (score := _similarity(label, text)) >= best:
            best, best_code = score, other_code
    return best_code


def _similarity(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' character trigrams (0 to 1)."""
    first, second = _trigrams(a), _trigrams(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


@lru_cache(maxsize=8192)
def _trigrams(text: str) -> frozenset[str]:
    text = " ".join(text.casefold().split())[:_COMPARED_CHARS]
    return frozenset(text[i : i + 3] for i in range(len(text) - 2))
