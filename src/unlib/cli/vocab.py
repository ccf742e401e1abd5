"""``unlib vocab``: import the UNBIS Thesaurus and the SDG taxonomy, search concepts by label in
any of the six languages, show a concept, count what is held. Each command makes one service
call and prints it for people or as JSON (``--json``)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from unlib.model import LANGUAGES
from unlib.services import vocab as service
from unlib.services.library import Library

vocab_app = typer.Typer(
    help="Vocabularies: the UNBIS Thesaurus and the SDG taxonomy in six languages.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
console = Console(highlight=False, soft_wrap=False)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for programs.")]
LangOption = Annotated[
    str | None, typer.Option("--lang", help="Language of the labels: ar zh en fr ru es.")
]


@contextmanager
def open_library(*, create: bool = False) -> Iterator[Library]:
    """The library of the global ``--data`` folder with the root command's error handling;
    a concept that is not there ends the command with status 1, bad input with status 2."""
    from unlib.cli.main import _library  # the root app owns settings and error reporting

    try:
        with _library(create=create) as library:
            yield library
    except LookupError as error:
        typer.echo(f"unlib: {error.args[0] if error.args else error}", err=True)
        raise typer.Exit(1) from error
    except (service.VocabularySourceError, ValueError) as error:
        typer.echo(f"unlib: {error}", err=True)
        raise typer.Exit(2) from error


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@vocab_app.command("import")
def import_(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="UNBIS folder, SDG Turtle file, SDG translations, or a folder holding them "
            "(default: unbis-thesaurus/, sdg-kos/ and sdg-translations/ of the shared_data "
            "setting, $UNLIB_SHARED_DATA, ../shared/data).",
            exists=True,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Import (or update) the UNBIS Thesaurus and the SDG taxonomy."""
    with open_library(create=True) as library:
        summary = library.vocab_import(paths or [])
    if as_json:
        print_json(summary)
    else:
        _import_text(summary)


@vocab_app.command()
def search(
    text: Annotated[str, typer.Argument(help="Label words in any of the six languages.")],
    lang: LangOption = None,
    scheme: Annotated[str | None, typer.Option(help="unbis or sdg.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many concepts.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Find concepts by label: "气候变化" and "climate change" find the same concept."""
    with open_library() as library:
        data = library.vocab_search(text, lang, scheme, limit, lang or "en")
    if as_json:
        print_json(data)
        return
    if not data["results"]:
        console.print("No concept has that label." if data["vocabulary_loaded"] else _EMPTY)
        return
    table = Table(show_header=True, header_style="bold")
    for column in ("score", "id", "kind", "label"):
        table.add_column(column, overflow="fold")
    for row in data["results"]:
        table.add_row(f"{row['score']:.2f}", row["id"], row["kind"] or "", escape(row["label"]))
    console.print(table)


_EMPTY = "This library holds no vocabulary yet: run `unlib vocab import`."


@vocab_app.command()
def show(
    ref: Annotated[str, typer.Argument(help="Concept URI, id (1000544), or SDG code (1.2.1).")],
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """A concept: labels in every language, broader/narrower, domain, SDG↔UNBIS mappings."""
    with open_library() as library:
        data = library.vocab_concept(ref, lang or "en")
    if as_json:
        print_json(data)
    else:
        _show_text(data)


@vocab_app.command()
def stats(as_json: JsonOption = False) -> None:
    """Vocabularies held: versions, concepts per kind, labels per language."""
    with open_library() as library:
        data = library.vocab_stats()
    if as_json:
        print_json(data)
        return
    if not data["schemes"]:
        console.print(_EMPTY)
        return
    for scheme in data["schemes"]:
        console.print(
            f"[bold]{scheme['scheme']}[/bold] version {scheme['version']}, "
            f"{scheme['concepts']:,} concepts, imported {scheme['imported_at']}"
        )
    _counts_text(data)
    console.print(f"Deprecated concepts kept: {data['deprecated']:,}")


# -- people's output ---------------------------------------------------------------------------


def _import_text(summary: dict[str, Any]) -> None:
    _counts_text(summary)
    for scheme, change in summary["changes"].items():
        console.print(
            f"[bold]{scheme}[/bold]: {change['added']:,} added, {change['updated']:,} updated, "
            f"{change['deprecated']:,} deprecated (gone from the source, kept), "
            f"{change['restored']:,} restored, {change['unchanged']:,} unchanged"
        )
        for uri in change["deprecated_uris"]:
            console.print(f"  deprecated: {uri}")
    corrected = summary["corrected_labels"]
    if corrected:
        langs = Counter(c["lang"] for c in corrected)
        console.print(
            f"[yellow]{len(corrected):,} SDG label(s) of the source belonged to another code "
            f"({', '.join(f'{lang} {n}' for lang, n in sorted(langs.items()))}): replaced by "
            "their own code's official text (listed in --json)[/yellow]"
        )
    for flag in summary["flagged"]:
        console.print(
            f"[yellow]{flag['documents']:,} document(s) indexed with deprecated "
            f"{flag['uri']} ({escape(flag['label'])}): kept, review them[/yellow]"
        )
    console.print(f"{summary['seconds']['total']:.1f} s")


def _counts_text(data: dict[str, Any]) -> None:
    kinds = Table("scheme", "kind", "concepts", header_style="bold")
    for scheme, counts in data["concepts"].items():
        for kind, n in counts.items():
            kinds.add_row(scheme, kind, f"{n:,}")
    console.print(kinds)
    labels = Table("scheme", "labels", *LANGUAGES, header_style="bold")
    for scheme, per_lang in data["labels"].items():
        for kind in ("pref", "alt", "definition"):
            cells = [f"{per_lang.get(lang, {}).get(kind, 0):,}" for lang in LANGUAGES]
            labels.add_row(scheme, kind, *cells)
    console.print(labels)
    console.print(f"SDG↔UNBIS links: {data['links']['sdg_unbis']:,}")


def _show_text(data: dict[str, Any]) -> None:
    flag = " [red](deprecated)[/red]" if data["deprecated"] else ""
    console.print(f"[bold]{escape(data['label'])}[/bold]{flag}")
    console.print(f"{data['uri']}  {data['scheme']} {data['kind']} {data['notation'] or ''}")
    for lang in LANGUAGES:
        if lang in data["pref"]:
            alt = data["alt"].get(lang, [])
            also = f"  (also: {escape('; '.join(alt))})" if alt else ""
            console.print(f"  {lang}: {escape(data['pref'][lang])}{also}")
    if data["domain"]:
        console.print(f"domain: {escape(data['domain']['label'])}")
    for name in ("microthesauri", "broader", "narrower", "related", "members", "matches"):
        refs = data[name]
        if refs:
            console.print(f"{name} ({len(refs)}):")
            for ref in refs[:50]:
                console.print(f"  {ref['id']}  {escape(ref['label'])}")
    if data["documents"]:
        console.print(f"documents ({data['documents_total']:,}):")
        for doc in data["documents"][:50]:
            title = f"  {escape(doc['title'])}" if doc["title"] else ""
            console.print(f"  {escape(doc['symbol'] or doc['key'])}{title}")
