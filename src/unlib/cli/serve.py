"""``unlib serve``: the web UI and the REST API over the library."""

from __future__ import annotations

from typing import Annotated

import typer


def serve(
    host: Annotated[
        str | None, typer.Option(help="Address to listen on (default: the host setting).")
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(min=1, max=65535, help="Port to listen on (default: the port setting)."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, max=64, help="Worker processes (default: the web_workers setting)."),
    ] = None,
) -> None:
    """Serve the web UI and the REST API (/api/v1) until interrupted."""
    from unlib.cli import main as cli
    from unlib.search.index import SearchIndexError
    from unlib.settings import SettingsError
    from unlib.store.db import CatalogueError
    from unlib.web.server import ServeError
    from unlib.web.server import serve as run_server

    try:
        run_server(cli._settings(), host=host, port=port, workers=workers)
    except (ServeError, CatalogueError, SearchIndexError, SettingsError) as error:
        typer.echo(f"unlib: {error}", err=True)
        raise typer.Exit(2) from error
