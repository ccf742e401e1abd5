"""Importing General Debate speeches: catalogue rows first (``indexed = 0``), then the speech
index, then the rows are marked indexed — so an interrupted import is finished by the next one.

A speech is identified by country and session (``USA_75_2020``); re-importing rewrites only
speeches whose text or facts changed (compared by fingerprint).
"""

from __future__ import annotations

import hashlib
import json
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unlib.speeches.index import IndexedSpeech, SpeechIndex
from unlib.speeches.text import TextError, decode, fold, paragraphs
from unlib.speeches.ungdc import SpeechFile, read_corpus
from unlib.store.base import CatalogueStore
from unlib.store.speeches import SpeechStore, speech_store
from unlib.text.langid import detect_language

# Speeches indexed between two index commits.
_COMMIT_EVERY = 1000


@dataclass(slots=True)
class SpeechImport:
    folder: str
    read: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    indexed: int = 0
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "speeches": {
                "read": self.read,
                "added": self.added,
                "updated": self.updated,
                "unchanged": self.unchanged,
            },
            "indexed": self.indexed,
            "warnings": self.warnings,
            "seconds": round(self.seconds, 3),
        }


def import_speeches(catalogue: CatalogueStore, index: SpeechIndex, folder: Path) -> SpeechImport:
    started = time.perf_counter()
    summary = SpeechImport(str(folder))
    corpus = read_corpus(folder)
    summary.warnings.extend(corpus.warnings)
    store = speech_store(catalogue)
    known = store.fingerprints()
    with catalogue.transaction():
        for speech in corpus.speeches:
            _write(store, speech, known.get(speech.ref), summary)
    summary.indexed = sync_index(catalogue, store, index)
    summary.seconds = time.perf_counter() - started
    with catalogue.transaction():
        catalogue.log_event("speeches-import", None, **summary.to_json()["speeches"])
    return summary


def reindex(catalogue: CatalogueStore, index: SpeechIndex) -> int:
    """Rebuild the speech index from the catalogue; returns the number of speeches indexed."""
    store = speech_store(catalogue)
    index.clear()
    with catalogue.transaction():
        store.mark_all_unindexed()
    return sync_index(catalogue, store, index, cleared=True)


def sync_index(
    catalogue: CatalogueStore, store: SpeechStore, index: SpeechIndex, *, cleared: bool = False
) -> int:
    """Index every speech not yet indexed (new, changed, or left over by an interrupted run)."""
    pending = store.unindexed()
    for start in range(0, len(pending), _COMMIT_EVERY):
        batch = pending[start : start + _COMMIT_EVERY]
        if not cleared:
            index.delete(batch)
        rows = store.by_ids(batch)
        for sid in batch:
            row = rows[sid]
            index.add(
                IndexedSpeech(
                    sid, row.country, row.session, row.year, row.lang, paragraphs(store.text(sid))
                )
            )
        index.commit()
        with catalogue.transaction():
            store.mark_indexed(batch)
    return len(pending)


def _write(
    store: SpeechStore,
    speech: SpeechFile,
    known: tuple[int, str] | None,
    summary: SpeechImport,
) -> None:
    summary.read += 1
    try:
        text = decode(speech.path.read_bytes())
    except (OSError, TextError) as error:
        summary.warnings.append(f"{speech.path}: {error}; skipped")
        return
    parts = paragraphs(text)
    if not parts:
        summary.warnings.append(f"{speech.path}: empty; skipped")
        return
    values = _values(speech, text, len(parts))
    if known is not None and known[1] == values["fingerprint"]:
        summary.unchanged += 1
    elif known is not None:
        store.update(known[0], values)
        summary.updated += 1
    else:
        store.insert(values)
        summary.added += 1


def _values(speech: SpeechFile, text: str, paragraph_count: int) -> dict[str, Any]:
    lang, confidence = detect_language(text)
    values: dict[str, Any] = {
        "ref": speech.ref,
        "country": speech.country,
        "country_name": speech.country_name,
        "session": speech.session,
        "year": speech.year,
        "speaker": speech.speaker,
        "speaker_folded": fold(speech.speaker) if speech.speaker else None,
        "post": speech.post,
        "lang": lang,
        "lang_confidence": round(confidence, 3),
        "paragraphs": paragraph_count,
        "n_chars": len(text),
        "source_path": str(speech.path),
        "notes": speech.notes,
    }
    # Where the file lies is not part of the speech: a moved corpus re-imports as unchanged.
    facts = {name: value for name, value in values.items() if name != "source_path"}
    digest = hashlib.sha256(text.encode("utf-8"))
    digest.update(json.dumps(facts, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    values["fingerprint"] = digest.hexdigest()
    values["text_z"] = zlib.compress(text.encode("utf-8"), 6)
    return values
