"""``make demo``: ingest a representative sample of the shared UN data, load the reference
collections (UNBIS Thesaurus and SDG taxonomy, UN Digital Library MARC records, roll-call votes,
General Debate speeches, the FAQ entries of ``bench/data/faq``), index subjects and SDGs, show
what it gives, then serve it (web UI and REST API) until interrupted.

Re-running it is quick and changes nothing: every file is recognised by its SHA-256, and a
collection or model the library already holds is not loaded or built again.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from unlib.cli import render
from unlib.cli.progress import RichProgress
from unlib.cli.search_modes import EmbedBar
from unlib.services.library import Library
from unlib.services.search import SearchRequest
from unlib.services.speeches import SpeechQuery
from unlib.settings import load_settings

# (folder under the shared data, glob) — documents only, not the SOURCE.md notes or derived
# JSONL tables that sit beside them.
SAMPLE = (
    ("zh-reports", "*.txt"),
    ("un-charter", "un_charter_*.txt"),
    ("ga-resolution-pdfs-en", "*.pdf"),
    ("unsc-resolutions-en/texts", "*.txt"),
)

QUERIES = ("数字图书馆", "tuberculosis political declaration", "S/RES/687 (1991)", "lang:fr paix")
FAQ_FILE = Path(__file__).resolve().parents[2] / "bench" / "data" / "faq" / "entries.json"


def sample_files(shared: Path) -> list[Path]:
    files: list[Path] = []
    for folder, pattern in SAMPLE:
        found = sorted((shared / folder).glob(pattern))
        if not found:
            raise SystemExit(
                f"demo: no {pattern} files in {shared / folder}: is the shared data folder "
                "beside the checkout (../shared/data) or named by UNLIB_SHARED_DATA?"
            )
        files.extend(found)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("demo-data"))
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--no-serve", action="store_true", help="Stop after ingesting.")
    args = parser.parse_args(argv)
    settings = load_settings(data=str(args.data))
    files = sample_files(args.shared)
    with Library(settings, create=True) as library:
        _rebuild_outdated_indexes(library)
        report = library.ingest(files, progress=RichProgress(), embed_progress=EmbedBar())
        render.ingest_report(report)
        load_collections(library, args.shared)
        render.stats(library.stats())
        for query in QUERIES:
            render.console.rule(f"unlib search {query!r}")
            render.search_result(library.search(SearchRequest(query, per_page=3)))
    if args.no_serve:
        return 0
    from unlib.web.server import ServeError, serve

    try:
        serve(settings)  # prints the URL, then serves until Ctrl-C
    except ServeError as error:
        print(f"demo: {error}", file=sys.stderr)
        return 2
    return 0


def _rebuild_outdated_indexes(library: Library) -> None:
    """A demo library made by an older unlib: its search indexes are rebuilt from the
    catalogue (what `unlib reindex` and `unlib speeches reindex` would do)."""
    from unlib.search.index import SearchIndexError
    from unlib.speeches.index import SpeechIndexError

    try:
        _ = library.index
    except SearchIndexError:
        render.console.print("The search index was built by an older unlib: rebuilding it ...")
        render.console.print(library.reindex())
    try:
        _ = library.speech_index
    except SpeechIndexError:
        render.console.print("The speech index was built by an older unlib: rebuilding it ...")
        render.console.print(library.speeches_reindex())


def load_collections(library: Library, shared: Path) -> None:
    """What the other pages show: each step is skipped when the library holds its result."""
    say = render.console.print
    if not library.vocab_stats()["concepts"]:
        found = library.vocab_import(
            [shared / "unbis-thesaurus", shared / "sdg-kos", shared / "sdg-translations"]
        )
        say(f"vocabularies: {found['concepts']}")
    marc = library.marc_import([shared / "undl-marc-a-c3-78"])
    say(
        f"MARC records: {marc['records']} read, {marc['works_created']} new works, "
        f"{marc['updated']} updated, {marc['unchanged']} unchanged"
    )
    if not library.roll_call_list()["total"]:
        votes = library.votes_import([shared / "unvotes"])
        say(
            f"roll-call votes: {votes['roll_calls']['added']} roll calls, "
            f"{votes['votes']['written']} votes"
        )
    if not library.speech_search(SpeechQuery())["total"]:
        speeches = library.speeches_import(shared / "ungdc")
        say(f"General Debate speeches: {speeches['speeches']['added']}")
    if FAQ_FILE.is_file() and not library.faq().list_entries()["total"]:
        entries = library.faq().import_text(FAQ_FILE.read_text("utf-8"), "json")
        say(f"FAQ entries: {entries['added']}")
    _index_subjects(library)
    with render.console.status("SDG goals (the first run builds the model: a minute or two)"):
        goals = library.sdg.classify_library()
    say(f"SDG goals: {goals['works']} works classified, {goals['skipped']} already done")


def _index_subjects(library: Library) -> None:
    from unlib.services import subjects
    from unlib.subjects.storage import load_model

    if load_model(library.data_dir) is None:
        with render.console.status("training subject suggestions on the MARC headings"):
            trained = subjects.train(library)
        render.console.print(f"subject model: {trained['examples']} examples")
        indexed = subjects.index_all(library)
        render.console.print(f"subject suggestions: {indexed['new_suggestions']} stored")


if __name__ == "__main__":
    sys.exit(main())
