"""Where and how often concept labels occur in a work's texts, pooled over its versions.

Labels are found by the vocabulary's :class:`~unlib.vocab.labels.LabelMatcher` (the analysis
of the full-text index: stemming, folding, jieba for Chinese), each version in its own
language, so the Chinese version is matched against Chinese labels and so on.
"""

from __future__ import annotations

import math
import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from unlib.subjects import matching
from unlib.subjects.model import Text
from unlib.vocab.labels import LabelHit, LabelMatcher


@dataclass
class Evidence:
    """What the texts of one work say about one concept."""

    hits: float = 0.0  # label occurrences per version (mean over versions)
    first: float = 1.0  # earliest occurrence, as a share of the text (0 = at the start)
    title: bool = False  # a label occurs in a title
    versions: float = 0.0  # share of the versions in which a label occurs
    words: float = 0.0  # length of the longest label found, in words (Chinese: 2 characters)
    pref: bool = False  # a preferred label (not only an alternative one) occurs
    langs: set[str] = field(default_factory=set)

    @property
    def strength(self) -> float:
        """A plain score of the evidence: frequent, early, in the title, in many versions."""
        return (
            math.log1p(self.hits)
            + (1.0 if self.title else 0.0)
            + 0.5 * self.versions
            + 0.5 * (1.0 - self.first)
        )


def gather(matcher: LabelMatcher, texts: Sequence[Text]) -> dict[str, Evidence]:
    """Evidence per concept URI from every text (each a language version of one work)."""
    pooled: dict[str, Evidence] = {}
    share = 1.0 / max(len(texts), 1)
    for text in texts:
        for uri, seen in _one_text(matcher, text).items():
            concept = matcher.vocab.get(uri)
            if concept is None or concept.kind != "concept":
                continue  # domains and microthesauri are not subjects
            found = pooled.setdefault(uri, Evidence())
            found.hits += seen.count * share
            found.first = min(found.first, seen.first)
            found.title = found.title or seen.title
            found.versions += share
            found.words = max(found.words, seen.words)
            found.pref = found.pref or seen.pref
            found.langs.add(text.lang)
    return pooled


@dataclass
class _Seen:
    count: int = 0
    first: float = 1.0
    title: bool = False
    words: float = 0.0
    pref: bool = False


# Label matching of long texts reads windows spread over them (like Annif's input limit):
# a 30-page document is indexed in well under a second. Chinese segmentation is the slowest.
ANALYSED_CHARS: Final = {"zh": 16_000}
DEFAULT_ANALYSED_CHARS: Final = 80_000
WINDOWS: Final = 12


def sample(body: str, lang: str) -> str:
    """``body``, or evenly spread windows of it when it is longer than its language's limit."""
    limit = ANALYSED_CHARS.get(lang, DEFAULT_ANALYSED_CHARS)
    if len(body) <= limit:
        return body
    size, step = limit // WINDOWS, len(body) / WINDOWS
    return "\n".join(body[int(i * step) : int(i * step) + size] for i in range(WINDOWS))


def _one_text(matcher: LabelMatcher, text: Text) -> dict[str, _Seen]:
    found: dict[str, _Seen] = {}
    body = sample(text.body, text.lang)
    size = max(len(body), 1)
    for in_title, part in ((True, text.title), (False, body)):
        for hit in hits(matcher, part, text.lang) if part else ():
            seen = found.setdefault(hit.uri, _Seen())
            seen.count += 1
            seen.first = 0.0 if in_title else min(seen.first, hit.start / size)
            seen.title = seen.title or in_title
            seen.words = max(seen.words, _words(hit.label, text.lang))
            concept = matcher.vocab.get(hit.uri)
            seen.pref = seen.pref or bool(concept and concept.pref.get(text.lang) == hit.label)
    return found


def _words(label: str, lang: str) -> float:
    return len(label.replace(" ", "")) / 2 if lang == "zh" else float(len(label.split()))


# Stemming folds words of different meaning together ("Nations" and "NATIONALISM" both
# become "nation"); one-word labels must also look like the word in the text.
_PREFIX_SLACK: Final = {"ru": 4}
_ACRONYM_CHARS: Final = 4


def hits(matcher: LabelMatcher, text: str, lang: str) -> list[LabelHit]:
    """Label occurrences in ``text`` less those stemming or short labels invent."""
    found = matching.find(matcher, text, lang)
    return [h for h in found if _plausible(h, text[h.start : h.end], matcher)]


def _plausible(hit: LabelHit, surface: str, matcher: LabelMatcher) -> bool:
    if hit.lang in ("zh", "ar"):
        return True
    concept = matcher.vocab.get(hit.uri)
    pref = concept.pref.get(hit.lang, "") if concept else ""
    label = hit.label.strip()
    if label != pref and pref.casefold().startswith(label.casefold() + " "):
        return False  # a truncated copy of the preferred label ("RIGHT OF")
    if " " in label:
        return True
    if len(label) <= _ACRONYM_CHARS and label != pref:
        return surface.isupper()  # an acronym ("IT", "ITS") only where written as one
    word, name = _fold(surface), _fold(label)
    shared = len(os.path.commonprefix([word, name]))
    return shared >= max(len(word), len(name)) - _PREFIX_SLACK.get(hit.lang, 3)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
