"""The on-disk passage index (tantivy): adding, replacing and deleting language versions.

Readers (the web server, the CLI's search) open the index without ever taking tantivy's
writer lock, so they can read while an ingest process writes; the writer is opened on the
first write and released by :meth:`PassageIndex.close`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Final, Self

import tantivy

from unlib.search import schema as f
from unlib.text.analysis import FIELD_LANGUAGES, analyze, field_language

_VERSION_FILE: Final = "unlib-index.json"
_TANTIVY_META: Final = "meta.json"
# Files tantivy keeps in an index folder (segment files, meta, lock files) and our own.
_INDEX_FILE: Final = re.compile(
    r"[0-9a-f]{32}\..+|meta\.json|\.managed\.json|\.tantivy-.*\.lock|unlib-index\.json"
)
# tantivy needs at least 15 MB of writer heap per indexing thread.
_MIN_HEAP_PER_THREAD_MB: Final = 15


class SearchIndexError(Exception):
    """The passage index cannot be used as asked; the message says what to do."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A passage a search found: its ids, the language field that matched, its score."""

    pid: int
    vid: int
    work: int
    lang: str
    score: float


def candidates(
    searcher: tantivy.Searcher, hits: Sequence[tuple[float, tantivy.DocAddress]]
) -> list[Candidate]:
    """The passages of tantivy's ``hits`` (score, address), in their order, read from the
    index's fast fields."""
    if not hits:
        return []
    addresses = [address for _, address in hits]
    pids, vids, works, lang_nos = (
        searcher.fast_field_values(name, addresses) for name in (f.PID, f.VID, f.WORK, f.LANG_NO)
    )
    return [
        Candidate(
            int(pid or 0), int(vid or 0), int(work or 0), FIELD_LANGUAGES[int(no or 0)], float(s)
        )
        for (s, _), pid, vid, work, no in zip(hits, pids, vids, works, lang_nos, strict=True)
    ]


@dataclass(frozen=True)
class IndexedPassage:
    """One passage as the index needs it (the catalogue keeps everything else)."""

    pid: int
    vid: int
    work: int
    work_key: str | None
    lang: str
    body: str | None
    year: int | None
    doc_type: str
    kind: str
    cites: tuple[str, ...]
    text: str  # prepare_for_index(lang, passage text)
    boost: float = 0.0  # ≥ 0; the score is multiplied by log2(2 + boost)


class PassageIndex:
    """A tantivy index of passages at ``path`` (created when missing)."""

    def __init__(
        self,
        path: Path,
        *,
        writer_heap_mb: int = 128,
        threads: int | None = None,
        recreate: bool = False,
    ) -> None:
        """Open the index at ``path``, creating it when the folder is empty or missing.

        An index written by another schema version raises :class:`SearchIndexError`, unless
        ``recreate`` is true: then it is emptied and recreated (re-add passages afterwards).
        """
        self.path = Path(path)
        self._writer_heap_mb = writer_heap_mb
        self._threads = threads
        self._writer: tantivy.IndexWriter | None = None
        self._index = self._open(recreate)
        self._schema = self._index.schema
        self._index.config_reader(reload_policy="manual")
        self._searcher = self._index.searcher()
        self._seen_meta = self._meta_stamp()

    # --- opening ---------------------------------------------------------------------------

    def _open(self, recreate: bool) -> tantivy.Index:
        self.path.mkdir(parents=True, exist_ok=True)
        exists = (self.path / _TANTIVY_META).exists()
        if exists and stored_schema_version(self.path) != f.SCHEMA_VERSION:
            if not recreate:
                raise SearchIndexError(self._outdated_message())
            self._wipe()
            exists = False
        elif not exists and any(self.path.iterdir()):
            raise SearchIndexError(
                f"{self.path} is not empty and holds no search index: point the search index "
                "setting at an empty or missing folder"
            )
        index = tantivy.Index(f.build_schema(), path=str(self.path), reuse=exists)
        f.register_analyzers(index)
        if not exists:
            (self.path / _VERSION_FILE).write_text(
                json.dumps({"schema_version": f.SCHEMA_VERSION}), encoding="utf-8"
            )
        return index

    def _outdated_message(self) -> str:
        found = stored_schema_version(self.path)
        built = "by another program" if found is None else f"with schema version {found}"
        return (
            f"the search index at {self.path} was built {built}, but this version of unlib "
            f"needs schema version {f.SCHEMA_VERSION}: rebuild it from the catalogue with "
            "`unlib reindex` (which recreates the index and re-adds every passage)"
        )

    def _wipe(self) -> None:
        # Remove only what tantivy and this module write, should the folder hold anything else.
        for entry in self.path.iterdir():
            if entry.is_file() and _INDEX_FILE.fullmatch(entry.name):
                entry.unlink()

    # --- writing ---------------------------------------------------------------------------

    def _writer_or_open(self) -> tantivy.IndexWriter:
        if self._writer is None:
            # tantivy's own default: one indexing thread per core, at most eight.
            threads = self._threads or min(os.cpu_count() or 1, 8)
            heap_mb = max(self._writer_heap_mb, threads * _MIN_HEAP_PER_THREAD_MB)
            try:
                self._writer = self._index.writer(heap_mb * 1_000_000, threads)
            except ValueError as error:
                raise SearchIndexError(_writer_error(self.path, error)) from error
        return self._writer

    def add(self, passages: Iterable[IndexedPassage]) -> int:
        """Queue passages for indexing; they become visible after :meth:`commit`."""
        writer = self._writer_or_open()
        count = 0
        for passage in passages:
            writer.add_document(_document(passage))
            count += 1
        return count

    def delete_versions(self, vids: Iterable[int]) -> None:
        """Queue deletion of all passages of these language versions (effective on commit)."""
        wanted = sorted(set(vids))
        if wanted:
            query = tantivy.Query.term_set_query(self._schema, f.VID, wanted)
            self._writer_or_open().delete_documents_by_query(query)

    def clear(self) -> None:
        """Queue deletion of every passage; nothing changes for readers until :meth:`commit`."""
        self._writer_or_open().delete_all_documents()

    def commit(self) -> None:
        """Make queued additions and deletions durable and visible to new searches."""
        if self._writer is not None:
            self._writer.commit()
            self.refresh()

    def close(self) -> None:
        """Release the writer lock. Changes not committed are discarded."""
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.rollback()
            writer.wait_merging_threads()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # --- reading ---------------------------------------------------------------------------

    @property
    def schema(self) -> tantivy.Schema:
        return self._schema

    def searcher(self) -> tantivy.Searcher:
        """The current searcher, reloaded only when some process committed since the last call."""
        stamp = self._meta_stamp()
        if stamp != self._seen_meta:
            self.refresh()
        return self._searcher

    def refresh(self) -> None:
        self._index.reload()
        self._searcher = self._index.searcher()
        self._seen_meta = self._meta_stamp()

    def _meta_stamp(self) -> tuple[int, int, int]:
        # tantivy replaces meta.json (write + rename) on every commit: a new inode, mtime or
        # size says another commit happened, whichever process made it.
        try:
            stat = os.stat(self.path / _TANTIVY_META)
        except FileNotFoundError:
            return (0, 0, 0)
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)

    def word_frequency(
        self,
        word: str,
        langs: Sequence[str] = FIELD_LANGUAGES,
        searcher: tantivy.Searcher | None = None,
    ) -> int:
        """Passages holding the query word ``word`` in the fields of ``langs`` (a word that
        analyses to several terms counts by its rarest one)."""
        searcher = searcher or self.searcher()
        total = 0
        for lang in dict.fromkeys(field_language(lang) for lang in langs):
            terms = analyze(lang, word)
            if terms:
                field = f.text_field(lang)
                total += min(int(searcher.doc_freq(field, term)) for term in terms)
        return total

    def passage_count(self) -> int:
        return int(self.searcher().num_docs)

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())


def _writer_error(path: Path, error: ValueError) -> str:
    if "LockBusy" in str(error):
        return (
            f"cannot write to the search index at {path}: another unlib process (ingest or "
            "reindex) is writing to it — wait for it to finish, then try again"
        )
    return f"cannot write to the search index at {path}: {error}"


def stored_schema_version(path: Path) -> int | None:
    """The schema version recorded in the index folder, or None when there is none."""
    try:
        data = json.loads((Path(path) / _VERSION_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None
    version = data.get("schema_version") if isinstance(data, dict) else None
    return version if isinstance(version, int) else None


def _document(passage: IndexedPassage) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_unsigned(f.PID, passage.pid)
    doc.add_unsigned(f.VID, passage.vid)
    doc.add_unsigned(f.WORK, passage.work)
    if passage.work_key:
        doc.add_text(f.WORK_KEY, passage.work_key)
    lang = field_language(passage.lang)
    doc.add_text(f.LANG, lang)
    doc.add_unsigned(f.LANG_NO, FIELD_LANGUAGES.index(lang))
    if passage.body:
        doc.add_text(f.BODY, passage.body)
    if passage.doc_type:
        doc.add_text(f.TYPE, passage.doc_type)
    if passage.kind:
        doc.add_text(f.KIND, passage.kind)
    if passage.year is not None:
        doc.add_unsigned(f.YEAR, passage.year)
    for key in passage.cites:
        doc.add_text(f.CITES, key)
    if passage.boost:
        doc.add_float(f.BOOST, passage.boost)
    doc.add_text(f.text_field(lang), passage.text)
    return doc
