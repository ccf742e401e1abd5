"""The library facade: the one service every interface (CLI, REST, web) calls.

Each public method is one use case and returns plain JSON-ready data (see
:mod:`unlib.services.views`), so adapters only parse input and format output.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from unlib.ingest.indexing import reindex_versions
from unlib.ingest.report import IngestReport
from unlib.ingest.runner import IngestRun, Progress
from unlib.search.engine import SearchEngine
from unlib.search.hybrid import HybridRetriever
from unlib.search.index import PassageIndex
from unlib.services import browse, files, marc, member_states, speeches, views, vocab, votes
from unlib.services import hybrid as hybrid_search
from unlib.services import vectors as vector_service
from unlib.services.search import SearchRequest, run_search
from unlib.settings import Settings
from unlib.store.base import open_catalogue
from unlib.store.blobs import BlobStore, copy_tree_size
from unlib.store.records import WorkRow
from unlib.symbols import try_parse
from unlib.vectors.build import EmbedProgress

INDEX_DIR = "index"


class NotFound(LookupError):
    """The library holds nothing under that symbol or id."""


class Library:
    def __init__(self, settings: Settings, *, create: bool = False) -> None:
        self.settings = settings
        self.data_dir = settings.data_dir
        self.catalogue = open_catalogue(self.data_dir, create=create)
        self._index: PassageIndex | None = None
        self._engine: SearchEngine | None = None
        self._speech_index: speeches.SpeechIndex | None = None
        self._retriever: HybridRetriever | None = None

    @property
    def index(self) -> PassageIndex:
        if self._index is None:
            # One indexing thread: during ingest the cores are busy parsing and segmenting.
            self._index = PassageIndex(
                self.data_dir / INDEX_DIR, writer_heap_mb=self.settings.index_heap_mb, threads=1
            )
        return self._index

    @property
    def engine(self) -> SearchEngine:
        if self._engine is None:
            self._engine = SearchEngine(self.index)
        return self._engine

    @property
    def speech_index(self) -> speeches.SpeechIndex:
        if self._speech_index is None:
            self._speech_index = speeches.open_speech_index(
                self.data_dir, heap_mb=self.settings.index_heap_mb
            )
        return self._speech_index

    def close(self) -> None:
        if self._speech_index is not None:
            self._speech_index.close()
        if self._index is not None:
            self._index.close()
        self.catalogue.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- use cases -----------------------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[Path],
        progress: Progress | None = None,
        embed_progress: EmbedProgress | None = None,
    ) -> IngestReport:
        run = IngestRun(
            self.catalogue,
            self.index,
            self.data_dir,
            max_file_bytes=int(self.settings.max_file_mb * 1_000_000),
            workers=self.settings.workers,
            commit_every=self.settings.commit_every,
            progress=progress,
        )
        report = run.run(paths)
        # After the catalogue and the index are committed: embedding can only add, never lose.
        redo = vector_service.replaced_versions(
            self.catalogue, ((f.action, f.work, f.lang) for f in report.filed)
        )
        report.vectors = vector_service.embed_new(
            self.settings, self.catalogue, embed_progress, redo
        )
        from unlib.services.enrich import enrich_new

        report.enrichment = enrich_new(self, (f.work for f in report.filed))
        return report

    def search(self, request: SearchRequest) -> dict[str, Any]:
        result = run_search(self.catalogue, self.engine, request, self.settings.snippet_chars)
        if request.all_languages and request.reader_lang:
            hybrid_search.add_all_languages(self.catalogue, self.retriever, result, request)
        return result

    @property
    def retriever(self) -> HybridRetriever:
        if self._retriever is None:
            self._retriever = vector_service.open_retriever(
                self.settings, self.catalogue, self.index
            )
        return self._retriever

    def warm_up(self) -> None:
        """Load now what the first searches would otherwise wait for: the sentence embedder
        and the vector index (when the library holds vectors), the thesaurus label index."""
        from unlib.text.langid import detect_language

        words = "international cooperation on climate change and development"
        detect_language(words)  # the language models load on first use (≈0.7 s)
        if self.retriever.dense_ready():
            self.retriever.retrieve([words], "hybrid", [None], 1)
        if self.vocab_stats()["concepts"]:
            self.vocab_search(words, limit=1)

    def hybrid_search(self, request: hybrid_search.HybridRequest) -> dict[str, Any]:
        """Passages by words, meaning and thesaurus labels (see :mod:`unlib.services.hybrid`)."""
        return hybrid_search.hybrid_search(self.catalogue, self.retriever, request)

    def search_batch(self, lines: Iterable[str], **options: Any) -> Iterator[dict[str, Any]]:
        """One answer per JSON line ``{"id","query","lang"?}`` (see ``hybrid.batch_search``)."""
        return hybrid_search.batch_search(self.catalogue, self.retriever, lines, **options)

    def reindex_vectors(self, progress: EmbedProgress | None = None) -> dict[str, Any]:
        """Re-embed every passage with the configured embedder."""
        return vector_service.reindex_vectors(self.settings, self.catalogue, progress)

    def show(self, ref: str) -> dict[str, Any]:
        work = self.resolve(ref)
        return views.work_record(self.catalogue, work)

    def record(self, ref: str, lang: str | None = None) -> dict[str, Any]:
        """A work with the passages of one language version (``lang``, else the first held)."""
        work = self.resolve(ref)
        record = views.work_record(self.catalogue, work)
        record.update(views.version_text(self.catalogue, work, lang))
        return record

    def record_page(self, ref: str, lang: str | None, hl: str) -> dict[str, Any]:
        """The record with its votes, subjects, SDG goals and catalogue record."""
        from unlib.services.record_page import record_page

        return record_page(self, ref, lang, hl)

    def browse(self, field: str) -> dict[str, Any]:
        return browse.facet_values(self.catalogue, field)

    def works(
        self,
        field: str | None = None,
        value: str | None = None,
        page: int = 1,
        per_page: int = 50,
    ) -> dict[str, Any]:
        return browse.works_with(self.catalogue, field, value, page, per_page)

    def original(self, sha256: str) -> files.StoredFile:
        return files.stored_file(self.catalogue, BlobStore(self.data_dir), sha256)

    def original_of(self, ref: str, lang: str) -> files.StoredFile:
        return files.version_file(self.catalogue, BlobStore(self.data_dir), self.resolve(ref), lang)

    def list_works(self) -> Iterator[dict[str, Any]]:
        for work in self.catalogue.iter_works():
            yield views.work_line(self.catalogue, work)

    def stats(self) -> dict[str, Any]:
        data = views.catalogue_stats(self.catalogue)
        data["index"] = {
            "passages": self.index.passage_count(),
            "bytes": self.index.size_bytes(),
        }
        data["storage"] = {
            "catalogue_bytes": copy_tree_size(self.catalogue.path),
            "files_bytes": copy_tree_size(self.data_dir / "files"),
            "quarantine_bytes": copy_tree_size(self.data_dir / "quarantine"),
        }
        data["data_dir"] = str(self.data_dir)
        return data

    def reindex(self) -> dict[str, Any]:
        """Rebuild the full-text index from the catalogue (also after a schema change)."""
        if self._index is not None:
            self._index.close()
        self._engine = None
        self._index = PassageIndex(
            self.data_dir / INDEX_DIR, writer_heap_mb=self.settings.index_heap_mb, recreate=True
        )
        self.index.clear()
        self.catalogue.mark_all_unindexed()
        versions = self.catalogue.all_version_ids()
        passages = reindex_versions(self.catalogue, self.index, versions)
        return {"versions": len(versions), "passages": passages}

    # -- votes and speeches ---------------------------------------------------------------------

    def votes_import(self, paths: Iterable[Path]) -> dict[str, Any]:
        return votes.import_votes(self.catalogue, paths)

    def votes_show(self, ref: str) -> dict[str, Any] | list[dict[str, Any]]:
        return votes.show(self.catalogue, ref)

    def roll_calls(self, ref: str) -> list[dict[str, Any]]:
        return votes.roll_calls(self.catalogue, ref)

    def agreement(
        self, a: str, b: str, by_year: bool = False
    ) -> dict[str, Any] | list[dict[str, Any]]:
        return votes.agreement(self.catalogue, a, b, by_year=by_year)

    def country_record(self, code: str, other: str | None = None) -> dict[str, Any]:
        return member_states.country_record(self.catalogue, code, other)

    def roll_call_list(self, **filters: Any) -> dict[str, Any]:
        return votes.list_roll_calls(self.catalogue, **filters)

    def speeches_import(self, folder: Path) -> dict[str, Any]:
        return speeches.import_speeches(self.catalogue, self.speech_index, folder)

    def speech_search(self, query: speeches.SpeechQuery) -> dict[str, Any]:
        return speeches.search_speeches(
            self.catalogue, self.speech_index, query, self.settings.snippet_chars
        )

    def speech(self, ref: str) -> dict[str, Any]:
        return speeches.speech_record(self.catalogue, ref)

    def speeches_reindex(self) -> dict[str, Any]:
        if self._speech_index is not None:
            self._speech_index.close()
        self._speech_index = speeches.open_speech_index(
            self.data_dir, heap_mb=self.settings.index_heap_mb, recreate=True
        )
        return speeches.reindex_speeches(self.catalogue, self._speech_index)

    # -- Member States on record (the web's country, speech and record pages) ----------------------

    def countries(self) -> dict[str, Any]:
        return member_states.country_index(self.catalogue)

    def country_page(self, code: str, other: str | None = None) -> dict[str, Any]:
        return member_states.country_page(self.catalogue, code, other)

    def speech_search_page(self, query: speeches.SpeechQuery) -> dict[str, Any]:
        return member_states.speech_search_page(
            self.catalogue, self.speech_index, query, self.settings.snippet_chars
        )

    def roll_call_page(self, text: str | None = None, **filters: Any) -> dict[str, Any]:
        return member_states.roll_call_page(self.catalogue, text=text, **filters)

    def work_votes(self, key: str) -> list[dict[str, Any]]:
        return member_states.work_votes(self.catalogue, key)

    # -- vocabularies and MARC records ------------------------------------------------------------

    def vocab_import(self, paths: Iterable[Path] = ()) -> dict[str, Any]:
        """Import (or update) the UNBIS Thesaurus and the SDG taxonomy; no paths: those of
        the ``shared_data`` setting."""
        return vocab.import_vocabularies(
            self.catalogue, list(paths), Path(self.settings.shared_data).expanduser()
        )

    def vocab_stats(self) -> dict[str, Any]:
        return vocab.stats(self.catalogue)

    def vocab_home(
        self, query: str = "", lang: str | None = None, scheme: str | None = None, hl: str = "en"
    ) -> dict[str, Any]:
        return vocab.home(self.catalogue, query, lang, scheme, hl)

    def vocab_search(
        self,
        query: str,
        lang: str | None = None,
        scheme: str | None = None,
        limit: int = 20,
        hl: str = "en",
    ) -> dict[str, Any]:
        return vocab.search(self.catalogue, query, lang, scheme, limit, hl)

    def vocab_concept(self, ref: str, hl: str = "en", scheme: str | None = None) -> dict[str, Any]:
        """A concept with its documents; raises ``vocab.ConceptNotFound``."""
        return vocab.concept(self.catalogue, ref, hl, scheme)

    def marc_import(self, paths: Iterable[Path]) -> dict[str, Any]:
        return marc.import_marc(self.catalogue, list(paths))

    def marc_metadata(self, ref: str) -> dict[str, Any]:
        """What MARC records say of a work: titles, related documents, files, subjects."""
        return marc.work_metadata(self.catalogue, self.resolve(ref).id)

    # -- Ask, the FAQ knowledge base, aligned language versions ---------------------------------
    # (imported when used: the sentence embedder loads only for these)

    @property
    def embedder(self) -> Any:
        from unlib.embed import get_embedder
        from unlib.services.ask import embedder_name

        return get_embedder(embedder_name(self.settings))

    def ask(self, question: str, lang: str | None = None, limit: int = 3) -> dict[str, Any]:
        from unlib.services.ask import AskRequest, ask

        def hybrid(text: str, limit: int) -> list[Any]:
            return list(self.retriever.retrieve([text], "hybrid", [None], limit)[0])

        request = AskRequest(question, lang, limit)
        return ask(self.catalogue, self.index, self.embedder, request, hybrid)

    def faq(self) -> Any:
        """The FAQ service (:class:`unlib.services.faq.FaqService`)."""
        from unlib.services.faq import FaqService

        return FaqService(self.catalogue, self.embedder)

    @property
    def sdg(self) -> Any:
        """SDG classification (:class:`unlib.services.sdg.SdgService`)."""
        from unlib.services.sdg import SdgService

        return SdgService(
            self.catalogue, self.data_dir, Path(self.settings.shared_data).expanduser()
        )

    def paragraph(self, ref: str, para: str, langs: list[str] | None = None) -> dict[str, Any]:
        """One paragraph in several languages (``unlib show SYMBOL --para N --lang zh,en``)."""
        from unlib.services.align import paragraph_in_languages

        return paragraph_in_languages(self.catalogue, self.embedder, self.resolve(ref), para, langs)

    def compare(
        self, ref: str, a: str | None, b: str | None, para: str | None = None, reader: str = ""
    ) -> dict[str, Any]:
        """Two language versions side by side, aligned passage by passage."""
        from unlib.services.align import compare

        return compare(self.catalogue, self.embedder, self.resolve(ref), a, b, para, reader)

    def align(self, ref: str) -> dict[str, Any]:
        """Align every pair of a work's language versions now (else done when first shown)."""
        from unlib.services.align import align_work

        return align_work(self.catalogue, self.embedder, self.resolve(ref))

    def generation(self) -> int:
        """A number that changes whenever the catalogue is changed by another connection."""
        return self.catalogue.data_version()

    # -- lookups -------------------------------------------------------------------------------

    def resolve(self, ref: str) -> WorkRow:
        """A work by symbol (any spelling), identity key or local id."""
        ref = ref.strip()
        work = self.catalogue.work_by_key(ref)
        if work is None:
            symbol = try_parse(ref)
            if symbol is not None:
                work = self.catalogue.work_by_key(symbol.key)
        if work is None and not ref.startswith("local:"):
            work = self.catalogue.work_by_key(f"local:{ref}")
        if work is None:
            raise NotFound(_not_found_message(ref))
        return work


def _not_found_message(ref: str) -> str:
    symbol = try_parse(ref)
    if symbol is None:
        return (
            f"{ref!r} is neither a UN document symbol nor a local id in this library "
            "(try `unlib list` to see what it holds)"
        )
    return (
        f"no document {symbol.normalized} in this library (try `unlib search {symbol.normalized}`)"
    )
