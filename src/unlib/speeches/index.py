"""The speech index (tantivy, ``DATA/speeches-index``), separate from the document index.

Each speech is indexed twice: once whole (``kind = speech``: ranking and counting speeches by
BM25 over the whole text) and once per paragraph (``kind = para``: finding the paragraph to
show as the snippet). Text goes through the very analysis documents get
(:mod:`unlib.text.analysis`), and the language fields, ``lang``, ``year`` and the fields a
symbol query touches carry the document index's names, so the document search's query builder
(:func:`unlib.search.build.build_query`) works here unchanged.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import tantivy

from unlib.search import schema as f
from unlib.text.analysis import (
    FIELD_LANGUAGES,
    analyzer_name,
    field_language,
    prepare_for_index,
)

SCHEMA_VERSION: Final = 2  # 2: Arabic conjunctions before an article split off
KIND: Final = "kind"  # "speech" | "para"
PARA: Final = "para"  # paragraph number, 1-based; 0 for the whole speech
COUNTRY: Final = "country"
SESSION: Final = "session"
SPEECH: Final = "speech"
PARAGRAPH: Final = "para"
_VERSION_FILE: Final = "unlib-speeches-index.json"


class SpeechIndexError(Exception):
    """The speech index cannot be used as asked; the message says what to do."""


@dataclass(frozen=True, slots=True)
class IndexedSpeech:
    id: int
    country: str
    session: int
    year: int | None
    lang: str
    paragraphs: list[str]


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field(f.WORK, stored=True, indexed=True, fast=True)
    builder.add_unsigned_field(PARA, fast=True)
    for name in (KIND, f.LANG, COUNTRY):
        builder.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    builder.add_unsigned_field(SESSION, indexed=True, fast=True)
    builder.add_unsigned_field(f.YEAR, indexed=True, fast=True)
    # Present (and empty) so that queries written for the document index apply as they are.
    for name in (f.WORK_KEY, f.CITES, f.BODY, f.TYPE):
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    for lang in FIELD_LANGUAGES:
        builder.add_text_field(f.text_field(lang), tokenizer_name=analyzer_name(lang))
    return builder.build()


class SpeechIndex:
    def __init__(self, path: Path, *, writer_heap_mb: int = 128, recreate: bool = False) -> None:
        self.path = Path(path)
        self._heap_mb = max(writer_heap_mb, 30)
        self._writer: tantivy.IndexWriter | None = None
        self._index = self._open(recreate)
        self.schema = self._index.schema
        self._index.config_reader(reload_policy="manual")
        self._searcher = self._index.searcher()
        self._seen = self._meta_stamp()

    def _open(self, recreate: bool) -> tantivy.Index:
        self.path.mkdir(parents=True, exist_ok=True)
        version_file = self.path / _VERSION_FILE
        exists = (self.path / "meta.json").exists()
        if exists and _stored_version(version_file) != SCHEMA_VERSION:
            if not recreate:
                raise SpeechIndexError(
                    f"the speech index at {self.path} was built by another version of unlib: "
                    "rebuild it with `unlib speeches reindex`"
                )
            for entry in self.path.iterdir():
                if entry.is_file():
                    entry.unlink()
            exists = False
        index = tantivy.Index(build_schema(), path=str(self.path), reuse=exists)
        f.register_analyzers(index)
        if not exists:
            version_file.write_text(json.dumps({"schema_version": SCHEMA_VERSION}), "utf-8")
        return index

    # -- writing -------------------------------------------------------------------------------

    def _writer_or_open(self) -> tantivy.IndexWriter:
        if self._writer is None:
            try:
                self._writer = self._index.writer(self._heap_mb * 1_000_000, 1)
            except ValueError as error:
                raise SpeechIndexError(
                    f"cannot write to the speech index at {self.path} (is another import "
                    f"running?): {error}"
                ) from error
        return self._writer

    def add(self, speech: IndexedSpeech) -> None:
        writer = self._writer_or_open()
        lang = field_language(speech.lang)
        writer.add_document(_document(speech, lang, 0, "\n".join(speech.paragraphs)))
        for number, text in enumerate(speech.paragraphs, start=1):
            writer.add_document(_document(speech, lang, number, text))

    def delete(self, speech_ids: list[int]) -> None:
        if speech_ids:
            query = tantivy.Query.term_set_query(self.schema, f.WORK, sorted(set(speech_ids)))
            self._writer_or_open().delete_documents_by_query(query)

    def clear(self) -> None:
        self._writer_or_open().delete_all_documents()

    def commit(self) -> None:
        if self._writer is not None:
            self._writer.commit()

    def close(self) -> None:
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.rollback()
            writer.wait_merging_threads()

    # -- reading -------------------------------------------------------------------------------

    def searcher(self) -> tantivy.Searcher:
        """The current searcher, reloaded when some process committed since the last call."""
        stamp = self._meta_stamp()
        if stamp != self._seen:
            self._index.reload()
            self._searcher = self._index.searcher()
            self._seen = stamp
        return self._searcher

    def _meta_stamp(self) -> tuple[int, int, int]:
        # tantivy replaces meta.json on every commit (new inode, mtime or size).
        try:
            stat = os.stat(self.path / "meta.json")
        except FileNotFoundError:
            return (0, 0, 0)
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def _document(speech: IndexedSpeech, lang: str, number: int, text: str) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_unsigned(f.WORK, speech.id)
    doc.add_unsigned(PARA, number)
    doc.add_text(KIND, PARAGRAPH if number else SPEECH)
    doc.add_text(f.LANG, lang)
    doc.add_text(COUNTRY, speech.country)
    doc.add_unsigned(SESSION, speech.session)
    if speech.year is not None:
        doc.add_unsigned(f.YEAR, speech.year)
    doc.add_text(f.text_field(lang), prepare_for_index(lang, text))
    return doc


def _stored_version(path: Path) -> int | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None
    version = data.get("schema_version") if isinstance(data, dict) else None
    return version if isinstance(version, int) else None
