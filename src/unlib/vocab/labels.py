"""Finding concept labels in text, and concepts by label, with the analysis documents get.

:meth:`LabelMatcher.find` walks the text's index terms (stemmed and folded; Chinese segmented
by jieba) and reports every place where the terms of a preferred or alternative label occur
in a row, the longest label winning where several start at one token. Chinese labels are
matched on the NFKC text where both ends fall on a jieba word boundary (a word or a word
inside a longer one, as search mode indexes them). A label never runs across a sentence
break. Deprecated concepts are not matched.

:meth:`LabelMatcher.lookup` finds concepts by label in any of the six languages (see
:mod:`unlib.vocab.lookup`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from unlib.model import LANGUAGES
from unlib.vocab.lookup import LabelIndex
from unlib.vocab.model import Concept, Vocabulary
from unlib.vocab.tokens import Tokens, chinese_key, chinese_text, label_terms, original_span, tokens


@dataclass(frozen=True, slots=True)
class LabelHit:
    uri: str
    label: str  # the label as the vocabulary writes it
    lang: str
    start: int  # offsets into the text searched
    end: int


@dataclass
class _Table:
    """Labels of one language keyed by their terms (or, for Chinese, their folded text)."""

    entries: dict[object, list[tuple[str, str]]] = field(
        default_factory=dict
    )  # key -> (uri, label)
    lengths: dict[str, list[int]] = field(default_factory=dict)  # first term/char -> lengths desc


class LabelMatcher:
    def __init__(self, vocab: Vocabulary, *, schemes: Collection[str] = ("unbis",)) -> None:
        self.vocab = vocab
        self.schemes = frozenset(schemes)
        self._concepts = [c for c in vocab.concepts.values() if c.scheme in self.schemes]
        self._tables: dict[str, _Table] = {}
        self._index: LabelIndex | None = None

    # -- find ------------------------------------------------------------------------------

    def find(self, text: str, lang: str) -> list[LabelHit]:
        """Every label of ``lang`` occurring in ``text`` (English labels for other languages)."""
        lang = lang if lang in LANGUAGES else "en"
        if not text:
            return []
        table = self._table(lang)
        if lang == "zh":
            return list(_find_chinese(table, text))
        return list(_find_terms(table, tokens(lang, text), lang))

    def _table(self, lang: str) -> _Table:
        if lang not in self._tables:
            self._tables[lang] = _build_table(self._concepts, lang)
        return self._tables[lang]

    # -- lookup ----------------------------------------------------------------------------

    def lookup(
        self, query: str, lang: str | None = None, limit: int = 20
    ) -> list[tuple[str, float]]:
        """Concepts whose label matches ``query`` in ``lang`` (any of the six when None), best
        first, as (uri, score); an exact label scores highest, a notation or id higher still."""
        if self._index is None:
            self._index = LabelIndex(self._concepts)
        return self._index.search(query, lang, limit)


def _build_table(concepts: list[Concept], lang: str) -> _Table:
    table = _Table()
    lengths: dict[str, set[int]] = defaultdict(set)
    for concept in concepts:
        if concept.deprecated:
            continue
        for label in concept.labels(lang):
            key: object
            if lang == "zh":
                key = chinese_key(label)
                first, size = (key[:1], len(key)) if key else ("", 0)
            else:
                key = label_terms(lang, label)
                first, size = (key[0], len(key)) if key else ("", 0)
            if not size:
                continue
            bucket = table.entries.setdefault(key, [])
            if all(uri != concept.uri for uri, _ in bucket):
                bucket.append((concept.uri, label))
            lengths[first].add(size)
    table.lengths = {first: sorted(sizes, reverse=True) for first, sizes in lengths.items()}
    return table


def _find_terms(table: _Table, toks: Tokens, lang: str) -> Iterator[LabelHit]:
    terms = toks.terms
    i = 0
    while i < len(terms):
        step = 1
        for size in table.lengths.get(terms[i], ()):
            key = tuple(terms[i : i + size])
            if len(key) == size and key in table.entries and not any(toks.breaks[i + 1 : i + size]):
                start, end = toks.starts[i], toks.ends[i + size - 1]
                for uri, label in table.entries[key]:
                    yield LabelHit(uri, label, lang, start, end)
                step = size
                break
        i += step


def _find_chinese(table: _Table, text: str) -> Iterator[LabelHit]:
    seen = chinese_text(text)
    body, bounds = seen.text, seen.boundaries
    i = 0
    while i < len(body):
        step = 1
        if i in bounds:
            for size in table.lengths.get(body[i], ()):
                key = body[i : i + size]
                if (i + size) in bounds and key in table.entries:
                    start, end = original_span(seen.origin, i, i + size)
                    for uri, label in table.entries[key]:
                        yield LabelHit(uri, label, "zh", start, end)
                    step = size
                    break
        i += step


_shared: dict[tuple[int, frozenset[str]], tuple[Vocabulary, LabelMatcher]] = {}


def shared_matcher(vocab: Vocabulary, schemes: Collection[str] = ("unbis",)) -> LabelMatcher:
    """One matcher per vocabulary object and schemes, kept while that vocabulary is current
    (:func:`unlib.vocab.load_vocabulary` returns the same object until an import)."""
    key = (id(vocab), frozenset(schemes))
    held = _shared.get(key)
    if held is not None and held[0] is vocab:
        return held[1]
    for stale in [k for k, (v, _) in _shared.items() if k[0] != id(vocab)]:
        del _shared[stale]
    matcher = LabelMatcher(vocab, schemes=schemes)
    _shared[key] = (vocab, matcher)
    return matcher
