"""Controlled vocabularies: the UNBIS Thesaurus and the SDG taxonomy (SKOS, six languages).

``model`` holds the data (:class:`Concept`, :class:`Vocabulary`), ``sources`` reads the
published extracts, ``labels`` matches labels in text and finds concepts by label, and
``persist`` keeps vocabularies in the catalogue (:func:`load_vocabulary`).
"""

from unlib.vocab.model import Concept, Vocabulary, merged
from unlib.vocab.persist import deprecated_concepts, load_vocabulary

__all__ = ["Concept", "Vocabulary", "deprecated_concepts", "load_vocabulary", "merged"]
