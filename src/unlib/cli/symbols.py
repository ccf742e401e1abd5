"""``unlib symbols``: parse symbols from stdin, extract symbols cited in a file."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from unlib.ingest.plaintext import read_text_for_offsets
from unlib.symbols import extract, parse_json

symbols_app = typer.Typer(
    help="UN document symbols: parse and normalize them, find them in text.",
    no_args_is_help=True,
)


@symbols_app.command("parse")
def parse_lines() -> None:
    """Read one symbol per line on stdin; write one JSON object per line."""
    for line in sys.stdin:
        text = line.rstrip("\r\n")
        sys.stdout.write(json.dumps(parse_json(text), ensure_ascii=False) + "\n")


@symbols_app.command("extract")
def extract_file(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A text file.")],
    lang: Annotated[
        str | None, typer.Option(help="Language of the text (detected when omitted).")
    ] = None,
    body: Annotated[
        str | None, typer.Option(help="Organ issuing the text (S, A, ...): decides bare refs.")
    ] = None,
) -> None:
    """One JSON line per symbol mention: symbol, text, start, end, kind.

    Offsets count characters of the file as decoded (UTF-8, universal newlines).
    """
    try:
        text = read_text_for_offsets(file)
    except ValueError as exc:
        typer.echo(f"unlib: {file}: {exc}", err=True)
        raise typer.Exit(2) from exc
    if lang is None:
        from unlib.text.langid import detect_language

        lang = detect_language(text)[0] if text.strip() else None
    for mention in extract(text, lang, body=body):
        record = {
            "symbol": mention.symbol,
            "text": mention.text,
            "start": mention.start,
            "end": mention.end,
            "kind": mention.kind,
        }
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
