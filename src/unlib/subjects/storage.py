"""The trained subject model in the data folder: ``DATA/models/subjects/model.json`` (priors,
neighbours' subjects and concept profiles, ensemble weights) beside ``vectors.npy`` (the
neighbours' embeddings). Written to temporary names and renamed, so a reader never sees half a
model."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Final

import numpy as np

from unlib.subjects.logistic import Logistic
from unlib.subjects.model import SubjectsError
from unlib.subjects.neighbours import Neighbours
from unlib.subjects.priors import Priors
from unlib.subjects.training import SubjectModel

MODEL_DIR: Final = Path("models") / "subjects"
FORMAT: Final = 3  # 3: label length, preferred label, broader of a named concept


def model_dir(data_dir: Path) -> Path:
    return data_dir / MODEL_DIR


def save_model(model: SubjectModel, data_dir: Path) -> Path:
    folder = model_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    vectors_tmp = folder / "vectors.tmp.npy"
    np.save(vectors_tmp, model.neighbours.vectors)
    meta_tmp = folder / "model.tmp.json"
    meta_tmp.write_text(json.dumps(_meta(model), ensure_ascii=False), encoding="utf-8")
    os.replace(vectors_tmp, folder / "vectors.npy")
    os.replace(meta_tmp, folder / "model.json")
    return folder


def load_model(data_dir: Path) -> SubjectModel | None:
    """The trained model, or None when ``unlib subjects train`` has not run yet."""
    folder = model_dir(data_dir)
    meta_path, vectors_path = folder / "model.json", folder / "vectors.npy"
    if not meta_path.is_file() or not vectors_path.is_file():
        return None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            return None  # made by another version of unlib: the lexical backend serves
        vectors = np.load(vectors_path).astype(np.float32)
        return _model(meta, vectors)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SubjectsError(
            f"the subject model in {folder} cannot be read ({type(error).__name__}: {error}): "
            "run `unlib subjects train` to make it again"
        ) from error


def model_stamp(data_dir: Path) -> float:
    """Changes when a new model is saved (for caches)."""
    path = model_dir(data_dir) / "model.json"
    return path.stat().st_mtime if path.is_file() else 0.0


def _meta(model: SubjectModel) -> dict[str, Any]:
    nb = model.neighbours
    return {
        "format": FORMAT,
        "version": model.version,
        "vocab_version": model.vocab_version,
        "examples": model.examples,
        "report": model.report,
        "calibrator": model.calibrator.to_json(),
        "threshold": model.threshold,
        "cut_weight": model.cut_weight,
        "subjects_per_doc": model.subjects_per_doc,
        "missed_per_doc": model.missed_per_doc,
        "priors": model.priors.to_json(),
        "neighbours": {
            "keys": nb.keys,
            "groups": nb.groups,
            "profiles": nb.profiles,
            "subjects": [list(s) for s in nb.subjects],
        },
    }


def _model(meta: dict[str, Any], vectors: np.ndarray) -> SubjectModel:
    nb = meta["neighbours"]
    neighbours = Neighbours(
        keys=list(nb["keys"]),
        groups=list(nb["groups"]),
        vectors=vectors,
        profiles=[dict(p) for p in nb["profiles"]],
        subjects=[tuple(s) for s in nb["subjects"]],
    )
    return SubjectModel(
        neighbours=neighbours,
        priors=Priors.from_json(meta["priors"]),
        calibrator=Logistic.from_json(meta["calibrator"]),
        vocab_version=str(meta.get("vocab_version", "")),
        examples=int(meta.get("examples", 0)),
        version=str(meta.get("version", "")),
        report=dict(meta.get("report", {})),
        threshold=float(meta.get("threshold", 0.0)),
        cut_weight=float(meta.get("cut_weight", 0.0)),
        subjects_per_doc=float(meta.get("subjects_per_doc", 1.0)),
        missed_per_doc=_optional_float(meta.get("missed_per_doc")),
    )


def _optional_float(value: Any) -> float | None:
    return None if value is None else float(value)
