"""The ``unlib`` command line: each command parses options, makes one library call, and prints
the result for people (tables) or programs (``--json``)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from unlib import __version__
from unlib.cli import render
from unlib.cli.ask import align as align_command
from unlib.cli.ask import ask as ask_command
from unlib.cli.faq import faq_app
from unlib.cli.marc import marc_app
from unlib.cli.progress import RichProgress
from unlib.cli.sdg import sdg_app
from unlib.cli.serve import serve
from unlib.cli.speeches import speeches_app
from unlib.cli.subjects import subjects_app
from unlib.cli.symbols import symbols_app
from unlib.cli.vocab import vocab_app
from unlib.cli.votes import votes_app
from unlib.services.library import Library, NotFound
from unlib.services.search import SearchRequest
from unlib.settings import SETTINGS, Settings, SettingsError, load_settings

app = typer.Typer(
    name="unlib",
    help="unlib — a library of United Nations documents: ingest, search, show.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.add_typer(symbols_app, name="symbols")
app.add_typer(votes_app, name="votes")
app.add_typer(speeches_app, name="speeches")
app.add_typer(vocab_app, name="vocab")
app.add_typer(marc_app, name="marc")
app.add_typer(subjects_app, name="subjects")
app.add_typer(sdg_app, name="sdg")
app.command("serve")(serve)
app.command("ask")(ask_command)
app.command("align")(align_command)
app.add_typer(faq_app, name="faq")

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for programs.")]


class _State:
    settings: Settings | None = None


def _settings() -> Settings:
    if _State.settings is None:
        _State.settings = load_settings()
    return _State.settings


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"unlib: {message}", err=True)
    return typer.Exit(code)


@contextmanager
def _library(*, create: bool = False) -> Iterator[Library]:
    from unlib.search.index import SearchIndexError
    from unlib.search.query import QueryError
    from unlib.store.db import CatalogueError

    try:
        with Library(_settings(), create=create) as library:
            yield library
    except (CatalogueError, SettingsError, SearchIndexError) as exc:
        raise _fail(str(exc), 2) from exc
    except NotFound as exc:
        raise _fail(str(exc), 1) from exc
    except QueryError as exc:
        raise _fail(f"cannot read the query: {exc}", 2) from exc


def _version(value: bool) -> None:
    if value:
        typer.echo(f"unlib {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="Data folder (default: $UNLIB_DATA or ./unlib-data).",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show version.")
    ] = False,
) -> None:
    try:
        _State.settings = load_settings(data=str(data) if data else None)
    except SettingsError as exc:
        raise _fail(str(exc), 2) from exc


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files or folders (searched recursively).", exists=True),
    ],
    as_json: JsonOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Add documents (PDF, Word, HTML, text) to the library."""
    with _library(create=True) as library:
        progress = None if (quiet or as_json) else RichProgress()
        from unlib.cli.search_modes import EmbedBar

        embed_bar = None if (quiet or as_json) else EmbedBar()
        report = library.ingest(paths, progress=progress, embed_progress=embed_bar)
    if as_json:
        _print_json(report.to_json())
    else:
        render.ingest_report(report)


@app.command()
def search(
    query: Annotated[
        str | None, typer.Argument(help='Words, "phrases", symbols, filters like lang:zh.')
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            help="Only this language (ar zh en fr ru es); with --all-languages: the language "
            "to show passages in."
        ),
    ] = None,
    body: Annotated[str | None, typer.Option(help="Only this organ: A, S, E, GA, ...")] = None,
    year: Annotated[str | None, typer.Option(help="A year (2023) or range (2020..2023).")] = None,
    doc_type: Annotated[
        str | None, typer.Option("--type", help="resolution, report, meeting, ...")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Works per page.")] = 10,
    page: Annotated[int, typer.Option(min=1, help="Page of results.")] = 1,
    mode: Annotated[
        str | None,
        typer.Option(
            help="hybrid (words + meaning + thesaurus), bm25 (words) or dense (meaning): "
            "passage hits. Without it: classic results grouped by document."
        ),
    ] = None,
    all_languages: Annotated[
        bool,
        typer.Option(
            "--all-languages", help="Match text in any language (passages shown in --lang)."
        ),
    ] = False,
    queries: Annotated[
        Path | None,
        typer.Option(
            "--queries",
            help='Batch: a file (- for stdin) of JSON lines {"id","query","lang"?}; prints one '
            'JSON line {"id","hits":[...]} per query (mode: hybrid unless --mode).',
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Search the library; results are grouped by document (passage hits with --mode)."""
    from unlib.cli import search_modes
    from unlib.services.hybrid import HybridRequest

    if mode is not None and mode not in ("hybrid", "bm25", "dense"):
        raise _fail(f"unknown --mode {mode!r}: use hybrid, bm25 or dense", 2)
    if queries is not None and (body or year or doc_type):
        raise _fail("--body, --year and --type go with one QUERY (in a batch: in the query)", 2)
    if queries is not None:
        if query is not None:
            raise _fail("give either a QUERY or --queries FILE, not both", 2)
        with _library() as library:
            refused = search_modes.run_batch(
                library, queries, mode or "hybrid", limit, all_languages
            )
        if refused:
            raise typer.Exit(1)
        return
    if query is None:
        raise _fail("give a QUERY to search for (or --queries FILE for a batch)", 2)
    if mode is not None or all_languages:
        with _library() as library:
            facts = SearchRequest(query, body=body, year=year, doc_type=doc_type).option_filters()
            hybrid = HybridRequest(query, mode or "hybrid", lang, all_languages, limit, facts)
            search_modes.single(library, hybrid, as_json)
        return
    request = SearchRequest(query, lang, body, year, doc_type, page=page, per_page=limit)
    with _library() as library:
        result = library.search(request)
    if as_json:
        _print_json(result)
    else:
        render.search_result(result)


@app.command()
def show(
    symbol: Annotated[str, typer.Argument(help="A document symbol (any spelling) or local id.")],
    para: Annotated[
        str | None,
        typer.Option("--para", help="One paragraph (3, PP2, (a), p12) in several languages."),
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="With --para: languages, e.g. zh,en.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Show one document: metadata, language versions, files, citations."""
    if para is not None:
        from unlib.cli.ask import show_paragraph

        show_paragraph(symbol, para, lang, as_json)
        return
    if lang is not None:
        raise _fail("--lang goes with --para: unlib show SYMBOL --para 3 --lang zh,en", 2)
    with _library() as library:
        record = library.show(symbol)
    if as_json:
        _print_json(record)
    else:
        render.work_record(record)


@app.command("list")
def list_works(as_json: JsonOption = False) -> None:
    """One line per document: symbol or local id, languages, title, date."""
    with _library() as library:
        for line in library.list_works():
            if as_json:
                sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
            else:
                render.work_line(line)


@app.command()
def stats(as_json: JsonOption = False) -> None:
    """Counts by language, body, year and type; storage used."""
    with _library() as library:
        data = library.stats()
    if as_json:
        _print_json(data)
    else:
        render.stats(data)


@app.command()
def reindex(
    as_json: JsonOption = False,
    vectors: Annotated[
        bool, typer.Option("--vectors", help="Re-embed every passage instead (embedder setting).")
    ] = False,
) -> None:
    """Rebuild the full-text index (or with --vectors the passage vectors) from the catalogue."""
    if vectors:
        from unlib.cli import search_modes

        search_modes.reindex_vectors(_library, as_json)
        return
    with _library() as library:
        data = library.reindex()
    if as_json:
        _print_json(data)
    else:
        typer.echo(f"Re-indexed {data['passages']:,} passages of {data['versions']:,} versions.")


@app.command("settings")
def show_settings(as_json: JsonOption = False) -> None:
    """Every setting, its value and where to change it."""
    current = _settings()
    rows = [
        {
            "name": s.name,
            "value": current.values[s.name],
            "default": s.default,
            "env": s.env,
            "help": s.help,
        }
        for s in SETTINGS
    ]
    if as_json:
        _print_json(rows)
    else:
        render.settings(rows)


def main() -> None:
    app()
