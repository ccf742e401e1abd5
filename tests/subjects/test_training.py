"""The learned backend and the ensemble: trained on part of the real MARC records, judged on
the records held out (never on those it was trained on), saved and loaded back."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.conftest import make_settings
from tests.subjects.conftest import TRAIN_RECORDS
from unlib.services import subjects
from unlib.services.library import Library
from unlib.subjects.metrics import mean_scores
from unlib.subjects.model import Example, SubjectsError
from unlib.subjects.storage import load_model
from unlib.subjects.thesaurus import Hierarchy
from unlib.subjects.training import train
from unlib.vocab.labels import LabelMatcher

pytestmark = pytest.mark.slow


def test_held_out_records_are_indexed_better_than_by_labels_alone(
    trained_data: Path, marc_examples: list[Example]
) -> None:
    held = marc_examples[TRAIN_RECORDS:]
    assert len(held) >= 15
    with Library(make_settings(trained_data)) as library:
        ctx = subjects.context(library.catalogue, library.data_dir)
        assert ctx.default_name() == "ensemble" and ctx.model is not None
        assert not {e.key for e in held} & set(ctx.model.neighbours.keys)
        scores = {
            name: mean_scores(
                ([s.uri for s in ctx.backend(name).suggest_texts(e.texts, 10)], e.subjects)
                for e in held
            )
            for name in ("lexical", "learned", "ensemble")
        }
    assert scores["ensemble"]["P@1"] >= 0.5, scores
    assert scores["ensemble"]["F1@5"] > scores["lexical"]["F1@5"], scores
    assert scores["ensemble"]["P@1"] >= scores["lexical"]["P@1"], scores
    assert scores["ensemble"]["F1@5"] >= 0.3, scores


def test_ensemble_scores_are_probabilities(trained_data: Path) -> None:
    with Library(make_settings(trained_data)) as library:
        rows = subjects.suggest_work(library, "A/C.3/78/L.8", limit=20)
    assert rows and all(0.0 <= r["score"] <= 1.0 and r["backend"] == "ensemble" for r in rows)


def test_the_saved_model_loads_back_the_same(trained_data: Path) -> None:
    model = load_model(trained_data)
    assert model is not None and model.examples == TRAIN_RECORDS
    again = load_model(trained_data)
    assert again is not None and again.version == model.version
    assert np.array_equal(again.neighbours.vectors, model.neighbours.vectors)
    assert 0.0 <= model.threshold <= 0.5
    assert 0.0 <= model.cut_weight < 1.0 and model.subjects_per_doc >= 1.0
    assert (again.cut_weight, again.subjects_per_doc) == (model.cut_weight, model.subjects_per_doc)


def test_too_few_examples_are_refused(
    marc_examples: list[Example], matcher: LabelMatcher, hierarchy: Hierarchy
) -> None:
    from unlib.embed import get_embedder

    with pytest.raises(SubjectsError, match="at least 5 documents"):
        train(marc_examples[:3], matcher, hierarchy, get_embedder("hash"))


def test_a_damaged_model_is_reported_with_the_way_out(tmp_path: Path, trained_data: Path) -> None:
    import shutil

    from unlib.subjects.storage import model_dir

    copy = tmp_path / "data"
    shutil.copytree(trained_data, copy)
    (model_dir(copy) / "model.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(SubjectsError, match="run `unlib subjects train`"):
        load_model(copy)
