"""``unlib sdg``: which Sustainable Development Goals a text or the library's documents
address. ``classify`` reads text on stdin and prints ``[{"goal", "score"}]`` (17 goals, best
first; ``[]`` for empty input); a bad ``--lang`` ends with status 2."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from unlib.model import LANGUAGES
from unlib.services.library import Library
from unlib.services.sdg import SdgService, TaxonomyMissing, check_lang

sdg_app = typer.Typer(
    help="Sustainable Development Goals (1–17) of texts and documents, in six languages.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for programs.")]


@contextmanager
def _service() -> Iterator[tuple[Library, SdgService]]:
    from unlib.cli.main import _library  # the root app owns settings and error reporting
    from unlib.sdg.judgements import JudgementFileError
    from unlib.sdg.persist import ModelFileError

    try:
        with _library(create=True) as library:
            yield library, library.sdg
    except TaxonomyMissing as exc:
        typer.echo(f"unlib: {exc.args[0] if exc.args else exc}", err=True)
        raise typer.Exit(1) from exc
    except (JudgementFileError, ModelFileError, ValueError) as exc:
        typer.echo(f"unlib: {exc}", err=True)
        raise typer.Exit(2) from exc


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@sdg_app.command()
def classify(
    lang: Annotated[
        str, typer.Option("--lang", help=f"Language of the text: {' '.join(LANGUAGES)}.")
    ] = "en",
    as_json: JsonOption = False,
) -> None:
    """Goals of the text read on stdin (a passage or a whole document), best first."""
    try:
        code = check_lang(lang)
    except ValueError as exc:
        typer.echo(f"unlib: {exc}", err=True)
        raise typer.Exit(2) from exc
    text = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    if not text.strip():
        goals: list[dict[str, Any]] = []
    else:
        with _service() as (_, service):
            goals = service.classify(text, code)
    if as_json:
        _print_json(goals)
        return
    for row in goals:
        typer.echo(f"SDG {row['goal']:>2}  {row['score']:.3f}")


@sdg_app.command()
def build(
    judgements: Annotated[
        Path | None,
        typer.Option(
            "--judgements",
            help="CSV of expert judgements (text,sdg,label) to calibrate on; the report "
            "gives the 5-fold cross-validated accuracy (default: "
            "sdg-classification-benchmark/dev.csv of the shared_data folder, when there).",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    zero_shot: Annotated[
        bool, typer.Option("--zero-shot", help="From the SDG taxonomy alone, no judgements.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Build the SDG model of this library again (from its SDG taxonomy)."""
    with _service() as (_, service):
        report = service.build(judgements, zero_shot=zero_shot)
    if as_json:
        _print_json(report)
        return
    typer.echo(f"SDG model {report['version']} in {report['model']} ({report['seconds']} s)")
    accuracy = report["report"].get("cv_accuracy")
    if accuracy:
        threshold = str(report["report"]["threshold"])
        typer.echo(f"cross-validated accuracy at {threshold}: {accuracy[threshold]:.3f}")


@sdg_app.command("classify-library")
def classify_library(
    again: Annotated[
        bool, typer.Option("--again", help="Classify works already classified too.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Classify every work of the library (for the SDG search facet and record pages)."""
    with _service() as (_, service):
        summary = service.classify_library(again=again)
    if as_json:
        _print_json(summary)
        return
    typer.echo(
        f"{summary['works']} works classified ({summary['passages']} passages), "
        f"{summary['skipped']} already done, {summary['without_text']} without text"
    )
    for goal, count in summary["goals"].items():
        typer.echo(f"SDG {goal:>2}: {count} works")


@sdg_app.command()
def goals(
    ref: Annotated[str, typer.Argument(help="Document symbol or local id.")],
    as_json: JsonOption = False,
) -> None:
    """The goals stored for one work (after `unlib sdg classify-library`)."""
    with _service() as (library, service):
        found = service.work_goals(library.resolve(ref).id)
    if as_json:
        _print_json(found)
        return
    for row in found:
        typer.echo(f"SDG {row['goal']:>2}  {row['score']:.3f}  ({row['passages']} passages)")
