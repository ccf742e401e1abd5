"""``unlib subjects``: suggest UNBIS subjects for a document or a text, store suggestions for
every document, accept or reject them, retrain the learned backend. Each command makes one
service call and prints it for people or as JSON (``--json``)."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from unlib.cli.vocab import open_library
from unlib.services import subjects as service

subjects_app = typer.Typer(
    help="Subject indexing with the UNBIS Thesaurus: suggestions, decisions, training.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
console = Console(highlight=False, soft_wrap=False)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for programs.")]
LimitOption = Annotated[int, typer.Option("--limit", help="At most this many subjects (1-1000).")]
BackendOption = Annotated[
    str | None,
    typer.Option(
        "--backend",
        help="ensemble, learned or lexical (default: ensemble once trained, else lexical).",
    ),
]


def _require_library() -> None:
    """Suggestions need a vocabulary, so a missing library is explained in those terms."""
    from unlib.cli.main import _settings
    from unlib.store.catalogue import CATALOGUE_FILE

    data_dir = _settings().data_dir
    if not (data_dir / CATALOGUE_FILE).is_file():
        typer.echo(
            f"unlib: no library at {data_dir}, so no UNBIS Thesaurus to suggest subjects from: "
            "run `unlib vocab import` first (or point --data / UNLIB_DATA at a library)",
            err=True,
        )
        raise typer.Exit(2)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _print_ranked(rows: list[dict[str, Any]], as_json: bool) -> None:
    if as_json:
        _print_json(rows)
        return
    if not rows:
        console.print("No subject found.")
        return
    table = Table(show_header=True, header_style="bold")
    for column in ("score", "backend", "label", "uri"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(f"{row['score']:.3f}", row["backend"], escape(row["label"]), row["uri"])
    console.print(table)


@subjects_app.command()
def suggest(
    symbol: Annotated[str, typer.Argument(help="Document symbol or local id.")],
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Only this language version (ar zh en fr ru es)."),
    ] = None,
    limit: LimitOption = service.DEFAULT_LIMIT,
    backend: BackendOption = None,
    as_json: JsonOption = False,
) -> None:
    """Subjects for a document held in the library, from all its language versions."""
    _require_library()
    with open_library() as library:
        rows = service.suggest_work(library, symbol, lang, limit, backend)
    _print_ranked(rows, as_json)


@subjects_app.command("suggest-text")
def suggest_text(
    lang: Annotated[str, typer.Option("--lang", help="Language of the text: ar zh en fr ru es.")],
    limit: LimitOption = service.DEFAULT_LIMIT,
    backend: BackendOption = None,
    as_json: JsonOption = False,
) -> None:
    """Subjects for a text read from standard input (empty input gives no subjects)."""
    _require_library()
    data = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    with open_library() as library:
        rows = service.suggest_text(library, data, lang, limit, backend)
    _print_ranked(rows, as_json)


@subjects_app.command("index")
def index_all(as_json: JsonOption = False) -> None:
    """Store suggestions for every document (decided subjects keep their status)."""
    with open_library() as library:
        report = service.index_all(library)
    if as_json:
        _print_json(report)
        return
    console.print(
        f"{report['works']:,} document(s), {report['new_suggestions']:,} new suggestion(s) "
        f"by the {report['backend']} backend in {report['seconds']} s."
    )
    for failed in report["failed"]:
        console.print(f"  [red]failed[/red] {escape(failed['work'])}: {escape(failed['error'])}")


@subjects_app.command("show")
def show(
    symbol: Annotated[str, typer.Argument(help="Document symbol or local id.")],
    lang: Annotated[str, typer.Option("--lang", help="Language of the labels.")] = "en",
    as_json: JsonOption = False,
) -> None:
    """Stored subjects of a document: suggested, accepted, rejected, with provenance."""
    with open_library() as library:
        data = service.assignments(library, symbol, lang)
    if as_json:
        _print_json(data)
        return
    if not data["subjects"]:
        console.print("No stored subject: run `unlib subjects index` to suggest some.")
    for row in data["subjects"]:
        score = f"{row['score']:.3f}" if row["score"] is not None else "-"
        console.print(f"{row['status']:<9} {score:>6}  {escape(row['label'])}  {row['uri']}")


def _decide(symbol: str, uri: str, status: str, agent: str | None, as_json: bool) -> None:
    with open_library() as library:
        row = service.decide(library, symbol, uri, status, agent)
    if as_json:
        _print_json(row)
    else:
        console.print(f"{row['symbol'] or row['work']}: {escape(row['label'])} {row['status']}.")


AgentOption = Annotated[
    str | None, typer.Option("--agent", help="Who decides (kept in the history).")
]


@subjects_app.command()
def accept(
    symbol: Annotated[str, typer.Argument(help="Document symbol or local id.")],
    uri: Annotated[str, typer.Argument(help="UNBIS concept URI.")],
    agent: AgentOption = None,
    as_json: JsonOption = False,
) -> None:
    """Accept a subject for a document (also one that was never suggested)."""
    _decide(symbol, uri, "accepted", agent, as_json)


@subjects_app.command()
def reject(
    symbol: Annotated[str, typer.Argument(help="Document symbol or local id.")],
    uri: Annotated[str, typer.Argument(help="UNBIS concept URI.")],
    agent: AgentOption = None,
    as_json: JsonOption = False,
) -> None:
    """Reject a suggested subject for a document."""
    _decide(symbol, uri, "rejected", agent, as_json)


@subjects_app.command()
def train(
    limit: Annotated[
        int | None, typer.Option("--limit", help="Train on at most this many documents.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Retrain the learned backend and the ensemble on documents with known subjects (MARC
    650 headings, accepted suggestions); the model is saved in the data folder."""
    with open_library() as library:
        report = service.train(library, limit=limit)
    if as_json:
        _print_json(report)
        return
    console.print(
        f"Trained on {report['examples']:,} document(s) with {report['subjects']:,} distinct "
        f"subjects ({', '.join(report['languages'])}) in {report['seconds']} s; "
        f"model {report['model_version']} in {escape(report['folder'])}."
    )
