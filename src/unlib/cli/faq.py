"""``unlib faq``: the FAQ knowledge base — list, show, add, edit, delete, import and export
(JSON or CSV). Entries are JSON objects as described in :mod:`unlib.faq.entries`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from unlib.cli.ask import JsonOption, open_library, print_json
from unlib.faq.entries import FaqError
from unlib.faq.transfer import file_format

faq_app = typer.Typer(
    help="The FAQ knowledge base: curated questions and answers in up to six languages.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
console = Console(highlight=False, soft_wrap=True)

LangOption = Annotated[
    str | None, typer.Option("--lang", help="Show entries in this language when they have it.")
]


@faq_app.command("list")
def list_entries(lang: LangOption = None, as_json: JsonOption = False) -> None:
    """Every entry: key, languages, views and question."""
    with open_library() as library:
        result = library.faq().list_entries(lang)
    if as_json:
        print_json(result)
        return
    if not result["entries"]:
        console.print("The FAQ is empty: add entries with `unlib faq add` or `unlib faq import`.")
        return
    table = Table(show_header=True, header_style="bold")
    for column in ("id", "key", "languages", "views", "question"):
        table.add_column(column, overflow="fold")
    for entry in result["entries"]:
        table.add_row(
            str(entry["id"]),
            entry["key"],
            " ".join(entry["languages"]),
            str(entry["views"]),
            escape(entry["question"]),
        )
    console.print(table)


@faq_app.command()
def show(
    ref: Annotated[str, typer.Argument(help="Entry id or key.")],
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """One entry in every language it has."""
    with open_library() as library:
        entry = library.faq().get(ref, lang, count_view=False)
    if as_json:
        print_json(entry)
        return
    console.print(f"[bold]{escape(entry['key'])}[/bold] (id {entry['id']}, {entry['views']} views)")
    for text_lang, text in entry["texts"].items():
        console.print(f"\n[bold]{text_lang}[/bold] {escape(text['question'])}")
        for variant in text["variants"]:
            console.print(f"   [dim]also: {escape(variant)}[/dim]")
        console.print(escape(text["answer"]))
    for link in entry["links"]:
        console.print(f"→ {link['kind']}: {escape(link['target'])}  {link['url']}")


def _read_entry(path: Path) -> dict[str, Any]:
    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FaqError(f"cannot read {path}: {error}") from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FaqError(f"{path}: not valid JSON ({error})") from error
    if not isinstance(data, dict):
        raise FaqError(f"{path}: an entry is one JSON object with 'texts'")
    return data


EntryFile = Annotated[
    Path, typer.Argument(help="A JSON file with one entry ('-': standard input).", allow_dash=True)
]


@faq_app.command()
def add(path: EntryFile, as_json: JsonOption = False) -> None:
    """Add one entry from a JSON file."""
    with open_library() as library:
        entry = library.faq().create(_read_entry(path))
    _done(entry, "Added", as_json)


@faq_app.command()
def edit(
    ref: Annotated[str, typer.Argument(help="Entry id or key.")],
    path: EntryFile,
    as_json: JsonOption = False,
) -> None:
    """Replace an entry's texts and links with those of a JSON file (views are kept)."""
    with open_library() as library:
        entry = library.faq().update(ref, _read_entry(path))
    _done(entry, "Updated", as_json)


@faq_app.command()
def delete(
    ref: Annotated[str, typer.Argument(help="Entry id or key.")], as_json: JsonOption = False
) -> None:
    """Delete an entry."""
    with open_library() as library:
        result = library.faq().delete(ref)
    if as_json:
        print_json(result)
    else:
        console.print(f"Deleted FAQ entry {escape(result['key'])}.")


def _done(entry: dict[str, Any], verb: str, as_json: bool) -> None:
    if as_json:
        print_json(entry)
    else:
        console.print(f"{verb} FAQ entry {escape(entry['key'])} (id {entry['id']}).")


FormatOption = Annotated[
    str | None, typer.Option("--format", help="json or csv (default: from the file name).")
]


@faq_app.command("import")
def import_(
    path: Annotated[
        Path, typer.Argument(help="A .json or .csv file.", exists=True, dir_okay=False)
    ],
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Import entries; an entry whose key exists is replaced. All or nothing."""
    with open_library() as library:
        result = library.faq().import_text(
            path.read_text(encoding="utf-8"), file_format(path.name, fmt)
        )
    if as_json:
        print_json(result)
    else:
        console.print(
            f"Imported {result['added']} new and {result['updated']} updated entries "
            f"({result['total']} in the FAQ)."
        )


@faq_app.command()
def export(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: print).")
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """Export every entry as JSON or CSV."""
    with open_library() as library:
        chosen = file_format(output.name if output else "faq.json", fmt)
        text = library.faq().export_text(chosen)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        console.print(f"Wrote {output}.")
