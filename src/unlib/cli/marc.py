"""``unlib marc import``: file UN Digital Library MARCXML records as works (one service call,
printed for people or as JSON with ``--json``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from unlib.cli.vocab import open_library
from unlib.services import marc as service

marc_app = typer.Typer(
    help="MARCXML records of the UN Digital Library.", no_args_is_help=True, rich_markup_mode=None
)
console = Console(highlight=False, soft_wrap=False)
_SHOWN = 30


@marc_app.command("import")
def import_(
    paths: Annotated[
        list[Path], typer.Argument(help="MARCXML files, or folders holding them.", exists=True)
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for programs.")] = False,
) -> None:
    """Import records: symbol, title, date, agenda, subjects, related documents, file links."""
    with open_library(create=True) as library:
        try:
            summary = library.marc_import(paths)
        except service.MarcError as error:
            typer.echo(f"unlib: {error}", err=True)
            raise typer.Exit(2) from error
    if as_json:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    else:
        _text(summary)


def _text(summary: dict[str, Any]) -> None:
    console.print(
        f"[bold]{summary['records']:,}[/bold] record(s): {summary['works_created']:,} new "
        f"work(s), {summary['works_linked']:,} onto works already held; "
        f"{summary['updated']:,} updated, {summary['unchanged']:,} unchanged."
    )
    for failed in summary["failed"]:
        console.print(f"  [red]not imported[/red]: {escape(failed['reason'])}")
    for skipped in summary["skipped"]:
        console.print(f"  skipped {escape(skipped['record'])}: {escape(skipped['reason'])}")
    subjects = summary["subjects"]
    console.print(
        f"Subjects (650): {subjects['headings']:,}, {subjects['mapped']:,} mapped to UNBIS "
        f"concepts, {subjects['unmapped']:,} unmapped; {subjects['other']:,} name/title subjects."
    )
    if not summary["vocabulary_loaded"]:
        console.print("[yellow]No vocabulary held: run `unlib vocab import`, then import again.")
    for row in subjects["unmapped_headings"][:_SHOWN]:
        console.print(f"  unmapped: {escape(row['heading'])} ({row['count']})")
    related = summary["related"]
    console.print(
        f"Related documents: {related['links']:,}; file links: {summary['file_links']:,}."
    )
    for written in related["unreadable"]:
        console.print(f"  not a symbol: {escape(written)}")
