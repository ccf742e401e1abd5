"""SDG classification as use cases: classify a text, build or train the model, classify the
library's works (stored for the search facet and the record page), read a work's goals.

The model lives in ``<data>/sdg/`` and is built on first use from the SDG taxonomy the library
holds (``unlib vocab import``) or else from the ``shared_data`` folder, and calibrated on the
expert benchmark found there (``unlib sdg build --zero-shot`` for the taxonomy alone); it is
kept in memory per library folder afterwards.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Final

import numpy as np

from unlib.embed import get_embedder
from unlib.model import LANGUAGES
from unlib.sdg.classifier import SdgClassifier, SdgModel, document_scores
from unlib.sdg.judgements import read_judgements
from unlib.sdg.persist import load_model, save_model
from unlib.sdg.taxonomy import Taxonomy, TaxonomyMissing, read_taxonomy
from unlib.sdg.training import train_sdg, zero_shot
from unlib.store.base import CatalogueStore
from unlib.store.goals import goal_counts
from unlib.store.records import PassageRow, VersionRow
from unlib.store.subjects import subject_store
from unlib.vocab.labels import shared_matcher
from unlib.vocab.model import Vocabulary
from unlib.vocab.persist import load_vocabulary

MODEL_DIR: Final = "sdg"
# The expert judgements calibrated on by default (inside the shared data folder).
BENCHMARK: Final = Path("sdg-classification-benchmark") / "dev.csv"
EMBEDDER: Final = "use"
# Passages shorter than this (headings, signatures) say nothing about a goal; a Chinese
# character says about what a short word does elsewhere.
MIN_PASSAGE_CHARS: Final = 40
MIN_PASSAGE_CHARS_ZH: Final = 16
# A work addresses a goal when its best passages do (document score) and at least this share
# of its passages do: a long resolution touching on trade in one paragraph is not about trade.
MIN_SHARE: Final = 0.1

_cache: dict[str, SdgClassifier] = {}
_lock = threading.Lock()

__all__ = ["ModelMissing", "SdgService", "TaxonomyMissing", "check_lang"]


class ModelMissing(LookupError):
    """No SDG model has been built for this library (the web does not build one)."""


def check_lang(lang: str) -> str:
    code = (lang or "").strip().lower()
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use one of {' '.join(LANGUAGES)}")
    return code


class SdgService:
    def __init__(
        self, catalogue: CatalogueStore, data_dir: Path, shared: Path | None = None
    ) -> None:
        self.catalogue = catalogue
        self.folder = data_dir / MODEL_DIR
        self.shared = shared

    # -- the model --------------------------------------------------------------------------

    def classifier(self, *, build: bool = True) -> SdgClassifier:
        """The library's classifier: in memory, else from disk, else built (a minute or two:
        the taxonomy is embedded in six languages) with :meth:`default_judgements`."""
        key = str(self.folder)
        with _lock:
            held = _cache.get(key)
            if held is not None:
                return held
            if not build and not (self.folder / "model.json").is_file():
                raise ModelMissing(
                    "this library has no SDG model yet: build it with `unlib sdg build`"
                )
            vocab = self._vocabulary()
            taxonomy = read_taxonomy(vocab)
            embedder = get_embedder(EMBEDDER)
            matcher = shared_matcher(vocab)
            loaded = load_model(self.folder, taxonomy)
            if loaded is None and not build:
                raise ModelMissing(
                    "this library has no SDG model yet: build it with `unlib sdg build`"
                )
            if loaded is None:
                classifier = self._build(vocab, self.default_judgements())
            else:
                model, spaces = loaded
                classifier = SdgClassifier(taxonomy, embedder, model, matcher, spaces)
            _cache[key] = classifier
            return classifier

    def default_judgements(self) -> Path | None:
        """The expert benchmark of the shared data folder, when it is there."""
        if self.shared is None:
            return None
        path = self.shared / BENCHMARK
        return path if path.is_file() else None

    def build(self, judgements: Path | None = None, *, zero_shot: bool = False) -> dict[str, Any]:
        """Build the model again: calibrated on expert judgements (a CSV with
        ``text,sdg,label``; default :meth:`default_judgements`), or zero-shot from the taxonomy
        alone. The report holds the cross-validated accuracy."""
        started = time.perf_counter()
        path = None if zero_shot else judgements or self.default_judgements()
        with _lock:
            classifier = self._build(self._vocabulary(), path)
        return {
            "model": self.folder.as_posix(),
            "version": classifier.model.version,
            "judgements": classifier.model.report.get("judgements", 0),
            "judgements_file": path.as_posix() if path else None,
            "report": classifier.model.report,
            "seconds": round(time.perf_counter() - started, 1),
        }

    def _build(self, vocab: Vocabulary, judgements: Path | None) -> SdgClassifier:
        """Build, save and keep in memory (the caller holds the lock)."""
        rows = read_judgements(judgements) if judgements else None
        taxonomy = read_taxonomy(vocab)
        classifier = _zero_shot(taxonomy, vocab)
        if rows:
            model = train_sdg(rows, classifier)
            classifier = SdgClassifier(
                taxonomy, classifier.embedder, model, classifier.matcher, classifier.spaces
            )
        save_model(self.folder, classifier.model, classifier.spaces, taxonomy.version)
        _cache[str(self.folder)] = classifier
        return classifier

    def info(self) -> dict[str, Any]:
        model = self.classifier().model
        return {
            "version": model.version,
            "threshold": model.threshold,
            "embedder": model.embedder,
            "report": model.report,
        }

    # -- texts ------------------------------------------------------------------------------

    def classify(self, text: str, lang: str, *, build: bool = True) -> list[dict[str, Any]]:
        """``[{"goal", "score"}]`` for all 17 goals, best first; ``[]`` for blank text."""
        code = check_lang(lang)
        if not text.strip():
            return []
        return [s.to_json() for s in self.classifier(build=build).classify(text, code)]

    # -- the library's works ----------------------------------------------------------------

    def classify_library(
        self,
        *,
        again: bool = False,
        refresh: Iterable[int] = (),
        progress: Callable[[int, int], None] | None = None,
    ) -> dict[str, Any]:
        """Classify every work (those not yet classified by this model, unless ``again``; the
        works ``refresh`` in any case)."""
        classifier = self.classifier()
        model = classifier.model
        store = subject_store(self.catalogue)
        done = _classified(self.catalogue, model.version) - set(refresh) if not again else set()
        works = [w for w in self.catalogue.iter_works() if w.id not in done]
        counts = {"works": 0, "skipped": len(done), "passages": 0, "without_text": 0}
        for n, work in enumerate(works, 1):
            version = _reading_version(self.catalogue, work.id)
            passages = _telling_passages(self.catalogue, version) if version is not None else []
            if version is None or not passages:
                counts["without_text"] += 1
                continue
            lang = version.lang if version.lang in LANGUAGES else "en"
            per_passage = classifier.probabilities([p.text for p in passages], lang)
            scores = document_scores(per_passage)
            above = per_passage >= model.threshold
            share = above.mean(axis=0)
            goals = [
                (g, round(float(scores[g - 1]), 4), int(above[:, g - 1].sum()))
                for g in range(1, 18)
                if scores[g - 1] >= model.threshold and share[g - 1] >= MIN_SHARE
            ]
            marks = [
                (p.id, int(g) + 1, round(float(per_passage[i, g]), 4))
                for i, p in enumerate(passages)
                for g in np.flatnonzero(above[i])
            ]
            with self.catalogue.transaction():
                store.set_goals(work.id, goals, marks, model.version, [p.id for p in passages])
            counts["works"] += 1
            counts["passages"] += len(passages)
            if progress is not None:
                progress(n, len(works))
        return {"model": model.version, **counts, "goals": goal_counts(self.catalogue)}

    def work_goals(self, work_id: int) -> list[dict[str, Any]]:
        return [
            {"goal": r.goal, "score": r.score, "passages": r.passages}
            for r in subject_store(self.catalogue).goals(work_id)
        ]

    def _vocabulary(self) -> Vocabulary:
        vocab = load_vocabulary(self.catalogue)
        if any(c.scheme == "sdg" for c in vocab.concepts.values()):
            return vocab
        from unlib.services.vocab import default_sources
        from unlib.vocab.sources import VocabularySourceError, find_sources, read_sources

        if self.shared is None:
            raise TaxonomyMissing(
                "no SDG taxonomy in this library: import it first (unlib vocab import PATH)"
            )
        try:
            return read_sources(find_sources(default_sources(self.shared)))
        except VocabularySourceError as exc:
            raise TaxonomyMissing(
                f"no SDG taxonomy in this library (import it with `unlib vocab import PATH`), "
                f"and none in the shared data folder: {exc}"
            ) from None


def _zero_shot(taxonomy: Taxonomy, vocab: Vocabulary) -> SdgClassifier:
    from unlib.sdg.prototypes import GoalSoftmax
    from unlib.subjects.logistic import Logistic

    embedder = get_embedder(EMBEDDER)
    placeholder = SdgModel(
        GoalSoftmax(np.zeros((embedder.dim, 17)), np.zeros(17)),
        Logistic(np.zeros(1), np.ones(1), np.zeros(1), 0.0),
    )
    classifier = SdgClassifier(taxonomy, embedder, placeholder, shared_matcher(vocab))
    model = zero_shot(classifier)
    return SdgClassifier(taxonomy, embedder, model, classifier.matcher, classifier.spaces)


def _classified(catalogue: CatalogueStore, version: str) -> set[int]:
    conn = subject_store(catalogue).conn
    rows = conn.execute("SELECT work_id FROM sdg_runs WHERE model_version = ?", (version,))
    return {int(r[0]) for r in rows}


def _telling_passages(catalogue: CatalogueStore, version: VersionRow) -> list[PassageRow]:
    shortest = MIN_PASSAGE_CHARS_ZH if version.lang == "zh" else MIN_PASSAGE_CHARS
    return [p for p in catalogue.passages(version.id) if len(p.text.strip()) >= shortest]


def _reading_version(catalogue: CatalogueStore, work_id: int) -> VersionRow | None:
    """The English version when there is one (the calibration is English), else the first."""
    versions = catalogue.versions(work_id)
    english = [v for v in versions if v.lang == "en"]
    return (english or versions)[0] if versions else None
