"""``unlib speeches``: import the General Debate corpus, search speeches, show one. Each
command makes one service call and prints it for people, as JSON or as CSV."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from unlib.cli.votes import Format, FormatOption, JsonOption, emit, open_library, print_json
from unlib.services import speeches as service
from unlib.services.library import Library
from unlib.speeches.index import SpeechIndexError

speeches_app = typer.Typer(
    help="Speeches of the General Assembly's General Debate: import, search, show.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@contextmanager
def _library_with_speeches(*, create: bool = False) -> Iterator[Library]:
    """The library, with speech-index errors turned into a clean message."""
    with open_library(create=create) as library:
        try:
            yield library
        except SpeechIndexError as error:
            typer.echo(f"unlib: {error}", err=True)
            raise typer.Exit(2) from error


@speeches_app.command("import")
def import_(
    folder: Annotated[
        Path,
        typer.Argument(
            help="General Debate corpus folder (TXT/ and speakers_by_session.csv).",
            exists=True,
            file_okay=False,
        ),
    ],
    as_json: JsonOption = False,
) -> None:
    """Import speeches (one text file per country and session) with their speakers."""
    with _library_with_speeches(create=True) as library:
        summary = library.speeches_import(folder)
    if as_json:
        print_json(summary)
        return
    counts = summary["speeches"]
    typer.echo(
        f"Read {counts['read']:,} speeches in {summary['seconds']:.1f} s: {counts['added']:,} "
        f"added, {counts['updated']:,} updated, {counts['unchanged']:,} unchanged; "
        f"{summary['indexed']:,} indexed."
    )
    for warning in summary["warnings"]:
        typer.echo(f"  warning: {warning}")


@speeches_app.command()
def search(
    text: Annotated[str, typer.Argument(help='Words, "phrases", -exclusions, OR.')] = "",
    country: Annotated[str | None, typer.Option(help="ISO3 code (EU for the Union).")] = None,
    session: Annotated[int | None, typer.Option(help="General Assembly session.")] = None,
    year: Annotated[int | None, typer.Option(help="Year of the debate.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Results per page.")] = 10,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many results.")] = 0,
    as_json: JsonOption = False,
    fmt: FormatOption = Format.text,
) -> None:
    """Search speeches; without words, list those matching the options (newest first)."""
    request = service.SpeechQuery(text, country, session, year, speaker, limit, offset)
    with _library_with_speeches() as library:
        result = library.speech_search(request)
    emit(result, fmt, as_json, service.search_table, _search_text)


@speeches_app.command()
def show(
    speech_id: Annotated[str, typer.Argument(help="Speech id: COUNTRY_SESSION_YEAR.")],
    as_json: JsonOption = False,
) -> None:
    """One speech with its paragraphs."""
    with open_library() as library:
        record = library.speech(speech_id)
    if as_json:
        print_json(record)
        return
    typer.echo(_heading(record))
    for paragraph in record["paragraphs"]:
        typer.echo(f"\n[{paragraph['n']}] {paragraph['text']}")


@speeches_app.command()
def reindex(as_json: JsonOption = False) -> None:
    """Rebuild the speech index from the catalogue."""
    with _library_with_speeches() as library:
        data = library.speeches_reindex()
    if as_json:
        print_json(data)
    else:
        typer.echo(f"Re-indexed {data['speeches']:,} speeches.")


def _heading(record: dict[str, Any]) -> str:
    who = ", ".join(x for x in (record["speaker"], record["post"]) if x) or "speaker unknown"
    return (
        f"{record['id']}  {record['country_name'] or record['country']} — session "
        f"{record['session']} ({record['year']}) — {who}"
    )


def _search_text(result: dict[str, Any]) -> None:
    for item in result["results"]:
        typer.echo(_heading(item))
        if item["snippet"]:
            typer.echo(f"  {_marked(item['snippet'], item['highlights'])}")
    shown = len(result["results"])
    relaxed = " (no speech has every word: these have some)" if result["relaxed"] else ""
    typer.echo(f"{shown} of {result['total']:,} speeches{relaxed}")


def _marked(text: str, highlights: list[list[int]]) -> str:
    for start, end in reversed(highlights):
        text = f"{text[:start]}[{text[start:end]}]{text[end:]}"
    return text
