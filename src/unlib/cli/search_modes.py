"""``unlib search`` beyond the classic grouped results: passage hits by mode (hybrid, bm25,
dense), across languages, and batches of JSON-line queries."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, TextIO

import typer

from unlib.services.hybrid import HybridRequest
from unlib.services.library import Library


def print_hits(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    for note in result["notes"]:
        typer.echo(f"note: {note}", err=True)
    if not result["hits"]:
        typer.echo("No passage matches.")
    for number, hit in enumerate(result["hits"], start=1):
        where = f"{hit['symbol']} [{hit['lang']}]"
        if hit["paragraph"]:
            where += f" ¶{hit['paragraph']}"
        typer.echo(
            f"{number:>3}. {where}  score {hit['score']:.4f}  ({', '.join(hit['matched_by'])})"
        )
        typer.echo(f"     {_short(hit['text'])}")
        shown = hit.get("reader")
        if shown and shown["lang"] != hit["lang"]:
            typer.echo(f"     [{shown['lang']}] {_short(shown['text'])}")


def run_batch(library: Library, source: Path, mode: str, limit: int, all_languages: bool) -> int:
    """Answer every line of ``source`` (``-``: standard input); returns the lines refused."""
    refused = 0
    with _open(source) as handle:
        answers = library.search_batch(
            _lines(handle), mode=mode, limit=limit, all_languages=all_languages
        )
        for answer in answers:
            if "error" in answer:
                refused += 1
                typer.echo(f"unlib: {source}: {answer['error']}", err=True)
            sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
            sys.stdout.flush()
    return refused


def single(library: Library, request: HybridRequest, as_json: bool) -> None:
    print_hits(library.hybrid_search(request), as_json)


class _open:
    def __init__(self, source: Path) -> None:
        self.source = source
        self.handle: TextIO | None = None

    def __enter__(self) -> TextIO:
        if str(self.source) == "-":
            return sys.stdin
        try:
            self.handle = open(self.source, encoding="utf-8", errors="replace")
        except OSError as exc:
            typer.echo(
                f"unlib: cannot read the queries file {self.source}: {exc.strerror}", err=True
            )
            raise typer.Exit(2) from exc
        return self.handle

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.handle.close()


class EmbedBar:
    """Embedding progress on stderr, at most a few times a second."""

    def __init__(self) -> None:
        self._shown = 0.0
        self._started = time.perf_counter()

    def __call__(self, done: int, total: int, passages: int) -> None:
        now = time.perf_counter()
        if done < total and now - self._shown < 0.5:
            return
        self._shown = now
        rate = passages / max(now - self._started, 1e-9)
        end = "\n" if done >= total else ""
        sys.stderr.write(
            f"\rembedding passages: {done:,}/{total:,} versions, {passages:,} passages "
            f"({rate:,.0f}/s){end}"
        )
        sys.stderr.flush()


def reindex_vectors(
    library_of: Callable[[], AbstractContextManager[Library]], as_json: bool
) -> None:
    from unlib.embed import EmbedderUnavailable
    from unlib.vectors.manifest import VectorStoreError

    try:
        with library_of() as library:
            data = library.reindex_vectors(None if as_json else EmbedBar())
    except (EmbedderUnavailable, VectorStoreError) as exc:
        typer.echo(f"unlib: {exc}", err=True)
        raise typer.Exit(2) from exc
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    typer.echo(
        f"Embedded {data['passages']:,} passages of {data['versions']:,} versions with "
        f"{data['embedder']} in {data['seconds']:,.1f} s."
    )
    for failure in data["failed"]:
        typer.echo(f"  version {failure['version']} failed: {failure['reason']}", err=True)


def _lines(handle: TextIO) -> Iterator[str]:
    yield from handle


def _short(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
