"""``unlib votes``: import roll-call votes, show a resolution's vote, a country's record,
agreement between two countries, the list of roll calls. Each command makes one service call
and prints it for people, as JSON (``--json``) or as CSV (``--format csv``)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from unlib.services import votes as service
from unlib.services.library import Library

votes_app = typer.Typer(
    help="Recorded votes of the General Assembly and the Security Council.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for programs.")]


class Format(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"


FormatOption = Annotated[
    Format, typer.Option("--format", help="text (default), json or csv (a flat table).")
]

_SHOWN_PROBLEMS = 20


@contextmanager
def open_library(*, create: bool = False) -> Iterator[Library]:
    """The library of the global ``--data`` folder, with the root command's error handling;
    a lookup that finds nothing ends the command with status 1."""
    from unlib.cli.main import _library  # the root app owns settings and error reporting

    try:
        with _library(create=create) as library:
            yield library
    except LookupError as error:
        typer.echo(f"unlib: {error.args[0] if error.args else error}", err=True)
        raise typer.Exit(1) from error


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def emit(
    data: Any,
    fmt: Format,
    as_json: bool,
    table: Callable[[Any], service.Table],
    text: Callable[[Any], None],
) -> None:
    """Print ``data`` as JSON, as a CSV table, or for people."""
    if as_json or fmt is Format.json:
        print_json(data)
    elif fmt is Format.csv:
        sys.stdout.write(table(data).to_csv())
    else:
        text(data)


@votes_app.command("import")
def import_(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Voting CSV files or folders (official or unvotes).", exists=True),
    ],
    as_json: JsonOption = False,
) -> None:
    """Import roll-call votes: the Library's GA/SC Voting Data CSVs or the unvotes files."""
    with open_library(create=True) as library:
        summary = library.votes_import(paths)
    if as_json:
        print_json(summary)
    else:
        _import_text(summary)


@votes_app.command()
def show(
    symbol: Annotated[
        str, typer.Argument(help="Resolution symbol (any spelling) or roll call id.")
    ],
    as_json: JsonOption = False,
    fmt: FormatOption = Format.text,
) -> None:
    """A resolution's recorded vote(s): totals, adopted or not, countries by vote."""
    with open_library() as library:
        data = library.votes_show(symbol)
    records = data if isinstance(data, list) else [data]
    emit(data, fmt, as_json, lambda _: service.roll_call_table(records), lambda _: _show(records))


@votes_app.command()
def agreement(
    a: Annotated[str, typer.Argument(help="A country: ISO3 code (or ISO2, or name).")],
    b: Annotated[str, typer.Argument(help="Another country.")],
    by_year: Annotated[bool, typer.Option("--by-year", help="One score per year.")] = False,
    as_json: JsonOption = False,
    fmt: FormatOption = Format.text,
) -> None:
    """How often two countries voted alike (1 same, 0.5 one abstained, 0 opposite)."""
    with open_library() as library:
        data = library.agreement(a, b, by_year=by_year)
    emit(data, fmt, as_json, service.agreement_table, _agreement_text)


@votes_app.command()
def country(
    code: Annotated[str, typer.Argument(help="A country: ISO3 code (or ISO2, or name).")],
    other: Annotated[
        str | None, typer.Option("--with", help="Add agreement with this country by year.")
    ] = None,
    as_json: JsonOption = False,
    fmt: FormatOption = Format.text,
) -> None:
    """A country's votes over time: summary by year (JSON and CSV list every vote)."""
    with open_library() as library:
        data = library.country_record(code, other=other)
    emit(data, fmt, as_json, service.country_votes_table, _country_text)


@votes_app.command("list")
def list_(
    session: Annotated[str | None, typer.Option(help="Session: 75, ES-10, S-26.")] = None,
    year: Annotated[int | None, typer.Option(help="Year of the vote.")] = None,
    body: Annotated[str | None, typer.Option(help="GA (A) or SC (S).")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many.")] = None,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many first.")] = 0,
    as_json: JsonOption = False,
    fmt: FormatOption = Format.text,
) -> None:
    """Roll calls by date, with their totals."""
    with open_library() as library:
        data = library.roll_call_list(
            session=session, year=year, body=body, limit=limit, offset=offset
        )
    emit(data, fmt, as_json, service.list_table, _list_text)


# -- text output ------------------------------------------------------------------------------


def _import_text(summary: dict[str, Any]) -> None:
    calls, res = summary["roll_calls"], summary["resolutions"]
    typer.echo(
        f"Read {calls['read']:,} roll calls ({summary['votes']['read']:,} vote rows) in "
        f"{summary['seconds']:.1f} s: {calls['added']:,} added, {calls['updated']:,} updated, "
        f"{calls['unchanged']:,} unchanged."
    )
    typer.echo(
        f"Resolutions: {res['linked']:,} linked to works already in the library, "
        f"{res['created']:,} created (without files)."
    )
    if summary["duplicates"]:
        typer.echo(f"{summary['duplicates']:,} unvotes roll calls repeat an official record.")
    for title, items, count in (
        ("Totals mismatches", summary["totals_mismatches"], summary["totals_mismatch_count"]),
        ("Rows skipped", summary["skipped"], summary["skipped_count"]),
        ("Warnings", summary["warnings"], summary["warning_count"]),
    ):
        typer.echo(f"{title}: {count:,}")
        for item in items[:_SHOWN_PROBLEMS]:
            where = f"{item['file']}:{item['line']}" if item.get("line") else item["file"]
            typer.echo(f"  {where}: {item.get('reason') or item.get('note')}")
        if count > _SHOWN_PROBLEMS:
            typer.echo(f"  … and {count - _SHOWN_PROBLEMS:,} more (see --json)")


def _show(records: list[dict[str, Any]]) -> None:
    for number, record in enumerate(records):
        if number:
            typer.echo("")
        where = " · ".join(
            str(x) for x in (record["date"], _session(record), record["id"]) if x is not None
        )
        typer.echo(f"{record['symbol'] or record['symbol_as_written'] or '(no symbol)'}  {where}")
        if record["title"]:
            typer.echo(f"  {record['title']}")
        verdict = "Adopted" if record["adopted"] else "Not adopted"
        typer.echo(
            f"  {verdict} ({record['kind']}): {record['yes']} yes, {record['no']} no, "
            f"{record['abstain']} abstentions, {record['non_voting']} non-voting"
        )
        if record["totals_mismatch"]:
            typer.echo(f"  ! {record['totals_mismatch']}")
        names = {c["code"]: c["name"] for c in record["countries"]}
        for code, label in (("Y", "Yes"), ("N", "No"), ("A", "Abstain"), ("X", "Non-voting")):
            group = record["by_vote"][code]
            if group:
                typer.echo(f"  {label} ({len(group)}): " + ", ".join(names[c] for c in group))


def _session(record: dict[str, Any]) -> str | None:
    return f"session {record['session']}" if record["session"] else None


def _agreement_text(data: dict[str, Any] | list[dict[str, Any]]) -> None:
    rows = data if isinstance(data, list) else [data]
    for row in rows:
        label = f"{row['year']}: " if "year" in row else f"{row['a']}–{row['b']}: "
        value = "n/a" if row["agreement"] is None else f"{row['agreement']:.3f}"
        typer.echo(f"{label}{value} over {row['roll_calls']:,} roll calls")
    if not rows:
        typer.echo("No roll call on which both voted.")


def _country_text(record: dict[str, Any]) -> None:
    typer.echo(
        f"{record['country']} {record['name']}: {record['roll_calls']:,} roll calls — "
        f"{record['yes']:,} yes, {record['no']:,} no, {record['abstain']:,} abstentions, "
        f"{record['non_voting']:,} non-voting"
    )
    for year in record["by_year"]:
        typer.echo(
            f"  {year['year']}: {year['roll_calls']:>4} roll calls  Y {year['yes']:>4}  "
            f"N {year['no']:>4}  A {year['abstain']:>4}  X {year['non_voting']:>4}"
        )
    if "agreement_with" in record:
        typer.echo("Agreement by year:")
        _agreement_text(record["agreement_with"])
    if record["speeches"]:
        typer.echo(f"Speeches: {', '.join(s['id'] for s in record['speeches'])}")


def _list_text(data: dict[str, Any]) -> None:
    for row in data["roll_calls"]:
        mark = " !" if row["totals_mismatch"] else ""
        typer.echo(
            f"{row['date'] or '':10}  {row['symbol'] or '(no symbol)':24} "
            f"{row['yes']:>3}-{row['no']:>3}-{row['abstain']:>3}  {(row['title'] or '')[:60]}"
            f"{mark}"
        )
    typer.echo(f"{data['total']:,} roll calls")
