"""Ingesting a batch: find files, skip known ones, process the rest on every core, file each
result atomically, keep the index in step, and report what happened to every file.

One bad file never stops the batch: whatever goes wrong with it becomes a rejection with a
reason, and its original is kept in quarantine.
"""

from __future__ import annotations

import hashlib
import itertools
import multiprocessing
import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from unlib.ingest.errors import Reject, Skip
from unlib.ingest.filing import file_document
from unlib.ingest.indexing import entries_for_new_version, reindex_versions
from unlib.ingest.pipeline import process_file
from unlib.ingest.report import IngestReport
from unlib.model import IngestedDocument, Rejection
from unlib.search.index import PassageIndex
from unlib.store.base import CatalogueStore
from unlib.store.blobs import BlobStore, sha256_of_file
from unlib.store.records import AddOutcome

# Documents filed per catalogue transaction, and the longest a result waits to be filed.
_GROUP = 32
_GROUP_SECONDS = 2.0


class Progress(Protocol):
    def start(self, files: int, total_bytes: int) -> None: ...
    def advance(self, path: Path, size: int) -> None: ...
    def finish(self) -> None: ...


class _Silent:
    def start(self, files: int, total_bytes: int) -> None:
        pass

    def advance(self, path: Path, size: int) -> None:
        pass

    def finish(self) -> None:
        pass


@dataclass(frozen=True, slots=True)
class Job:
    path: Path
    sha256: str
    size: int


def discover(paths: Iterable[Path], exclude: Path | None = None) -> list[Path]:
    """Every regular file under ``paths`` (recursively), hidden ones and ``exclude`` left out."""
    found: dict[Path, None] = {}
    skip = exclude.resolve() if exclude else None
    for root in paths:
        if root.is_file():
            found[root] = None
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            current = Path(dirpath)
            dirnames[:] = sorted(
                d
                for d in dirnames
                if not d.startswith(".") and (skip is None or (current / d).resolve() != skip)
            )
            for name in sorted(filenames):
                if not name.startswith("."):
                    found[current / name] = None
    return list(found)


def _process(job: Job, data_dir: str) -> IngestedDocument | Rejection:
    """Worker entry point: never raises, so one file cannot take the batch down."""
    blobs = BlobStore(Path(data_dir))
    try:
        return process_file(job.path, job.sha256, blobs)
    except Reject as exc:
        reason = exc.reason
    except MemoryError:
        reason = "the file is too large to process in the memory available"
    except Exception as exc:  # a parser bug must cost one file, not the batch
        reason = (
            f"unexpected error while reading this file ({type(exc).__name__}: {exc}); "
            "the original is kept in quarantine — please report it"
        )
    kept = blobs.quarantine(job.path, reason, job.sha256)
    return Rejection(str(job.path), reason, job.sha256, str(kept))


def _init_worker() -> None:
    from unlib.text.analysis import warm_up

    warm_up()


class IngestRun:
    """One ``unlib ingest`` invocation over a catalogue, an index and a blob store."""

    def __init__(
        self,
        catalogue: CatalogueStore,
        index: PassageIndex,
        data_dir: Path,
        *,
        max_file_bytes: int,
        workers: int,
        commit_every: int,
        progress: Progress | None = None,
    ) -> None:
        self.cat = catalogue
        self.index = index
        self.data_dir = data_dir
        self.blobs = BlobStore(data_dir)
        self.max_file_bytes = max_file_bytes
        self.workers = workers or os.cpu_count() or 1
        self.commit_every = max(1, commit_every)
        self.progress: Progress = progress or _Silent()
        self.report = IngestReport()
        self._pending_versions: list[int] = []
        self._buffer: list[tuple[Job, IngestedDocument]] = []
        self._last_filed = time.monotonic()
        self._stale_versions: set[int] = set()

    # -- the batch -----------------------------------------------------------------------------

    def run(self, paths: Iterable[Path]) -> IngestReport:
        started = time.perf_counter()
        recovered = self.cat.unindexed_versions()
        if recovered:
            self.report.recovered = reindex_versions(self.cat, self.index, recovered)
        files = discover(paths, exclude=self.data_dir)
        sizes = {p: _size(p) for p in files}
        self.progress.start(len(files), sum(sizes.values()))
        try:
            jobs = list(self._triage(files, sizes))
            self._run_jobs(jobs)
        finally:
            self._commit()
            self.progress.finish()
            self.report.seconds = time.perf_counter() - started
        return self.report

    def _triage(self, files: list[Path], sizes: dict[Path, int]) -> Iterator[Job]:
        """Reject what we can tell from the outside; skip what we already hold."""
        seen: dict[str, Path] = {}
        for path in files:
            size = sizes[path]
            if size > self.max_file_bytes:
                self._reject_unread(path, _too_large(size, self.max_file_bytes))
                continue
            try:
                sha = sha256_of_file(path)
            except OSError as exc:
                self._reject_unread(path, f"cannot read the file: {exc.strerror or exc}")
                continue
            if sha in seen:
                self.report.already_present.append((str(path), f"same bytes as {seen[sha]}"))
                self.progress.advance(path, size)
                continue
            seen[sha] = path
            if self.cat.has_file(sha):
                self.report.already_present.append((str(path), "already in the library"))
                self.progress.advance(path, size)
                continue
            yield Job(path, sha, size)

    def _run_jobs(self, jobs: list[Job]) -> None:
        if len(jobs) <= 1 or self.workers <= 1:
            for job in jobs:
                self._take(job, _process(job, str(self.data_dir)))
            self._file_buffered()
            return
        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(
            max_workers=min(self.workers, len(jobs)),
            mp_context=context,
            initializer=_init_worker,
        ) as pool:
            self._drain(pool, jobs)

    def _drain(self, pool: ProcessPoolExecutor, jobs: list[Job]) -> None:
        # A bounded window of jobs in flight keeps memory flat however large the batch.
        window = self.workers * 3
        queue = iter(jobs)
        running: dict[Future[IngestedDocument | Rejection], Job] = {}

        def submit(job: Job) -> None:
            running[pool.submit(_process, job, str(self.data_dir))] = job

        for job in itertools.islice(queue, window):
            submit(job)
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                job = running.pop(future)
                following = next(queue, None)
                if following is not None:
                    submit(following)
                self._take(job, _result(future, job, self.blobs))
        self._file_buffered()

    # -- results -------------------------------------------------------------------------------

    def _take(self, job: Job, result: IngestedDocument | Rejection) -> None:
        self.progress.advance(job.path, job.size)
        if isinstance(result, Rejection):
            self.cat.record_rejection(
                result.path, result.reason, result.sha256, result.quarantined_as
            )
            self.report.rejected.append(result)
            return
        self._buffer.append((job, result))
        if len(self._buffer) >= _GROUP or time.monotonic() - self._last_filed > _GROUP_SECONDS:
            self._file_buffered()

    def _file_buffered(self) -> None:
        """File the buffered documents in one transaction, each in its own savepoint.

        Workers write originals without syncing each one; one ``os.sync`` here makes them all
        durable before the catalogue records them.
        """
        self._last_filed = time.monotonic()
        if not self._buffer:
            return
        os.sync()
        filed: list[tuple[IngestedDocument, AddOutcome]] = []
        with self.cat.transaction():
            for job, doc in self._buffer:
                try:
                    filed.append((doc, file_document(self.cat, doc)))
                except Skip as skip:
                    self.report.already_present.append((str(job.path), skip.reason))
        self._buffer = []
        for doc, outcome in filed:
            self.report.record(doc, outcome)
            if outcome.passage_ids:
                work = self.cat.work(outcome.work_id)
                assert work is not None
                self.index.add(entries_for_new_version(work, outcome, doc))
                self._pending_versions.append(outcome.version_id)
            self._stale_versions.update(outcome.stale_versions)
        if len(self._pending_versions) >= self.commit_every:
            self._commit()

    def _commit(self) -> None:
        self._file_buffered()
        if self._pending_versions:
            self.index.commit()
            self.cat.mark_indexed(self._pending_versions)
            self._pending_versions = []
        if self._stale_versions:
            reindex_versions(self.cat, self.index, sorted(self._stale_versions))
            self._stale_versions.clear()

    def _reject_unread(self, path: Path, reason: str) -> None:
        kept = self.blobs.quarantine(path, reason, _label_without_reading(path))
        self.cat.record_rejection(str(path), reason, None, str(kept))
        self.report.rejected.append(Rejection(str(path), reason, None, str(kept)))
        self.progress.advance(path, _size(path))


def _result(
    future: Future[IngestedDocument | Rejection], job: Job, blobs: BlobStore
) -> IngestedDocument | Rejection:
    try:
        return future.result()
    except Exception as exc:  # the worker process itself died (killed, out of memory)
        reason = f"the worker processing this file stopped unexpectedly ({type(exc).__name__})"
        kept = blobs.quarantine(job.path, reason, job.sha256)
        return Rejection(str(job.path), reason, job.sha256, str(kept))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _too_large(size: int, limit: int) -> str:
    return (
        f"file too large: {size / 1e6:,.1f} MB is over the {limit / 1e6:,.0f} MB limit "
        "(raise it with UNLIB_MAX_FILE_MB or max_file_mb in unlib.toml to ingest it)"
    )


def _label_without_reading(path: Path) -> str:
    """A quarantine label for files we refuse to read in full: name, size and mtime."""
    try:
        stat = path.stat()
        seed = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
    except OSError:
        seed = str(path)
    return hashlib.sha256(seed.encode()).hexdigest()
