"""An SDG model on disk: one ``.npz`` of arrays (the taxonomy embeddings of each language, the
softmax, the judged texts) beside a JSON file (calibration, threshold, report), so a
passage is classified in milliseconds without embedding the taxonomy again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

import numpy as np

from unlib.sdg.classifier import SdgModel
from unlib.sdg.features import Memory
from unlib.sdg.prototypes import GoalSoftmax
from unlib.sdg.space import GoalSpace, space_from
from unlib.sdg.taxonomy import Taxonomy
from unlib.subjects.logistic import Logistic

FORMAT: Final = 2  # 2: nine neighbour features (1 had three)


class ModelFileError(ValueError):
    """A saved SDG model cannot be read (damaged, or from another format)."""


def save_model(
    folder: Path, model: SdgModel, spaces: dict[str, GoalSpace], taxonomy_version: str
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, Any] = {
        "softmax_weights": model.softmax.weights,
        "softmax_bias": model.softmax.bias,
    }
    for lang, space in spaces.items():
        arrays[f"space_{lang}"] = space.vectors
    if model.memory is not None:
        arrays |= {
            "memory_vectors": model.memory.vectors,
            "memory_goals": model.memory.goals,
            "memory_labels": model.memory.labels,
            "memory_ids": model.memory.ids,
        }
    meta = {
        "format": FORMAT,
        "version": model.version,
        "embedder": model.embedder,
        "threshold": model.threshold,
        "taxonomy": taxonomy_version,
        "calibrator": model.calibrator.to_json(),
        "report": model.report,
    }
    # Written beside, then renamed: a reader never sees half a model.
    tmp_arrays = folder / "model.tmp.npz"
    np.savez_compressed(tmp_arrays, **arrays)
    tmp_meta = folder / "model.json.tmp"
    tmp_meta.write_text(json.dumps(meta, indent=1), encoding="utf-8")
    tmp_arrays.replace(folder / "model.npz")
    tmp_meta.replace(folder / "model.json")


def load_model(folder: Path, taxonomy: Taxonomy) -> tuple[SdgModel, dict[str, GoalSpace]] | None:
    """The model saved in ``folder``, or None when there is none or it was built from
    another version of the taxonomy (it must then be built again)."""
    meta_path, arrays_path = folder / "model.json", folder / "model.npz"
    if not meta_path.is_file() or not arrays_path.is_file():
        return None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT or meta.get("taxonomy") != taxonomy.version:
            return None
        with np.load(arrays_path) as data:
            arrays = {name: data[name] for name in data.files}
        model = SdgModel(
            softmax=GoalSoftmax(arrays["softmax_weights"], arrays["softmax_bias"]),
            calibrator=Logistic.from_json(meta["calibrator"]),
            memory=_memory(arrays),
            threshold=float(meta["threshold"]),
            embedder=str(meta["embedder"]),
            version=str(meta["version"]),
            report=dict(meta.get("report", {})),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelFileError(
            f"{folder}: the SDG model cannot be read ({exc}); build it again with `unlib sdg build`"
        ) from None
    spaces = {}
    for name, vectors in arrays.items():
        if name.startswith("space_"):
            lang = name.removeprefix("space_")
            pairs = taxonomy.of_lang(lang)
            if len(pairs) == len(vectors):
                spaces[lang] = space_from(lang, pairs, vectors.astype(np.float32))
    return model, spaces


def _memory(arrays: dict[str, Any]) -> Memory | None:
    if "memory_vectors" not in arrays:
        return None
    return Memory(
        vectors=arrays["memory_vectors"].astype(np.float32),
        goals=arrays["memory_goals"].astype(np.int64),
        labels=arrays["memory_labels"].astype(bool),
        ids=arrays["memory_ids"].astype(np.int64),
    )
