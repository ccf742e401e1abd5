"""``make demo``: ingest a representative sample of the shared UN data, show what it gives,
then serve it (web UI and REST API) until interrupted.

Re-running it is quick and changes nothing: every file is recognised by its SHA-256.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from unlib.cli import render
from unlib.cli.progress import RichProgress
from unlib.services.library import Library
from unlib.services.search import SearchRequest
from unlib.settings import load_settings

# (folder under the shared data, glob) — documents only, not the SOURCE.md notes or derived
# JSONL tables that sit beside them.
SAMPLE = (
    ("zh-reports", "*.txt"),
    ("un-charter", "un_charter_*.txt"),
    ("ga-resolution-pdfs-en", "*.pdf"),
    ("unsc-resolutions-en/texts", "*.txt"),
)

QUERIES = ("数字图书馆", "tuberculosis political declaration", "S/RES/687 (1991)", "lang:fr paix")


def sample_files(shared: Path) -> list[Path]:
    files: list[Path] = []
    for folder, pattern in SAMPLE:
        found = sorted((shared / folder).glob(pattern))
        if not found:
            raise SystemExit(
                f"demo: no {pattern} files in {shared / folder}: is the shared data folder "
                "beside the checkout (../shared/data) or named by UNLIB_SHARED_DATA?"
            )
        files.extend(found)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("demo-data"))
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--no-serve", action="store_true", help="Stop after ingesting.")
    args = parser.parse_args(argv)
    settings = load_settings(data=str(args.data))
    files = sample_files(args.shared)
    with Library(settings, create=True) as library:
        report = library.ingest(files, progress=RichProgress())
        render.ingest_report(report)
        render.stats(library.stats())
        for query in QUERIES:
            render.console.rule(f"unlib search {query!r}")
            render.search_result(library.search(SearchRequest(query, per_page=3)))
    if args.no_serve:
        return 0
    from unlib.web.server import ServeError, serve

    try:
        serve(settings)  # prints the URL, then serves until Ctrl-C
    except ServeError as error:
        print(f"demo: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
