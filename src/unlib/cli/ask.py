"""``unlib ask`` (answers quoted from the FAQ or the documents), ``unlib align`` (align a work's
language versions now), and the paragraph view of ``unlib show --para``. Each command makes one
library call and prints it for people or as JSON (``--json``)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from unlib.services.library import Library

console = Console(highlight=False, soft_wrap=True)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for programs.")]


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@contextmanager
def open_library() -> Iterator[Library]:
    """The root command's library and error handling; a question or paragraph that cannot
    be read ends the command with status 2, one that is not there with status 1."""
    from unlib.cli.main import _library
    from unlib.faq.entries import FaqError
    from unlib.services.align import AlignError, SameLanguageError
    from unlib.services.ask import AskError

    try:
        with _library() as library:
            yield library
    except (AskError, FaqError, SameLanguageError) as error:
        typer.echo(f"unlib: {error}", err=True)
        raise typer.Exit(2) from error
    except (AlignError, LookupError) as error:
        typer.echo(f"unlib: {error.args[0] if error.args else error}", err=True)
        raise typer.Exit(1) from error


def ask(
    question: Annotated[str, typer.Argument(help="A question in any of the six languages.")],
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Your language (ar zh en fr ru es): answers in it when held."),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=10, help="Most sentences quoted.")] = 3,
    as_json: JsonOption = False,
) -> None:
    """Answer a question from the FAQ, else with sentences quoted from the documents."""
    with open_library() as library:
        result = library.ask(question, lang, limit)
    if as_json:
        print_json(result)
    else:
        render_answer(result)


def align(
    symbol: Annotated[str, typer.Argument(help="A document symbol (any spelling) or local id.")],
    as_json: JsonOption = False,
) -> None:
    """Align the passages of every pair of a document's language versions now."""
    with open_library() as library:
        result = library.align(symbol)
    if as_json:
        print_json(result)
    else:
        typer.echo(f"Aligned the {result['versions']} language versions of {result['work']}.")


def show_paragraph(symbol: str, para: str, langs: str | None, as_json: bool) -> None:
    """``unlib show SYMBOL --para N [--lang zh,en]``: one paragraph in several languages."""
    wanted = [lang.strip() for lang in langs.split(",") if lang.strip()] if langs else None
    with open_library() as library:
        result = library.paragraph(symbol, para, wanted)
    if as_json:
        print_json(result)
        return
    console.print(f"[bold]{escape(result['symbol'])}[/bold] — paragraph {escape(para)}")
    for passage in result["passages"]:
        label = f" ({passage['paragraph']})" if passage["paragraph"] else ""
        console.print(f"\n[bold]{passage['lang']}{escape(label)}[/bold]")
        console.print(escape(passage["text"]) or "[dim](no aligned passage)[/dim]")


def render_answer(result: dict[str, Any]) -> None:
    if not result["found"]:
        console.print(escape(result["message"]))
        return
    for entry in result["faq"]:
        console.print(f"[bold]{escape(entry['question'])}[/bold]  [dim]FAQ {entry['key']}[/dim]")
        console.print(escape(entry["answer"]))
        for link in entry["links"]:
            console.print(f"  → {escape(link['label'] or link['target'])}  {link['url']}")
    for number, answer in enumerate(result["answers"], start=1):
        where = answer["symbol"] or answer["id"]
        para = f" ¶{answer['paragraph']}" if answer["paragraph"] else ""
        console.print(
            f"\n{number}. {escape(answer['text'])}\n   [dim]{escape(where)} ({answer['lang']})"
            f"{escape(para)} · {answer['url']}[/dim]"
        )
        if answer["aligned"]:
            aligned = answer["aligned"]
            console.print(f"   [{aligned['lang']}] {escape(aligned['text'])}")
