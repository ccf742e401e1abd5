"""Subject suggestions and SDG goals for the documents an ingest has just filed, when the library
can make them: suggestions need the UNBIS Thesaurus (`unlib vocab import`), goals a built SDG
model (`unlib sdg build`). Runs after the catalogue commit, so a failure here loses nothing: it
is reported, and `unlib subjects index` / `unlib sdg classify-library` can finish the work."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from unlib.services.library import Library


def enrich_new(library: Library, keys: Iterable[str]) -> dict[str, Any]:
    """``{"subjects": {...}, "sdg": {...}}`` for the works ``keys`` (each part says what it did,
    why it was skipped, or what failed)."""
    wanted = list(dict.fromkeys(keys))
    if not wanted or not library.settings.enrich_at_ingest:
        return {}
    return {"subjects": _subjects(library, wanted), "sdg": _goals(library, wanted)}


def _subjects(library: Library, keys: list[str]) -> dict[str, Any]:
    from unlib.services.subjects import store_suggestions

    if not library.vocab_stats()["concepts"].get("unbis"):
        return {"skipped": "no UNBIS Thesaurus in this library: run `unlib vocab import`"}
    started = time.perf_counter()
    works = new = 0
    failed: list[dict[str, str]] = []
    for key in keys:
        try:
            new += store_suggestions(library, library.resolve(key))
            works += 1
        except Exception as error:  # one work's failure must not stop the others
            failed.append({"work": key, "error": f"{type(error).__name__}: {error}"})
    seconds = round(time.perf_counter() - started, 2)
    return {"works": works, "new_suggestions": new, "failed": failed, "seconds": seconds}


def _goals(library: Library, keys: list[str]) -> dict[str, Any]:
    from unlib.services.sdg import MODEL_DIR

    if not (library.data_dir / MODEL_DIR / "model.json").is_file():
        return {"skipped": "no SDG model in this library: run `unlib sdg build`"}
    started = time.perf_counter()
    try:
        # A work that was classified before and has just got a version is classified again
        # (its reading version may be the new one).
        filed = [library.resolve(key).id for key in keys]
        summary = library.sdg.classify_library(refresh=filed)
    except Exception as error:
        return {"error": f"{type(error).__name__}: {error}"}
    return {
        "works": summary["works"],
        "passages": summary["passages"],
        "seconds": round(time.perf_counter() - started, 2),
    }
