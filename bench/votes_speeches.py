"""Voting records and speeches benchmark.

    python bench/votes_speeches.py [--work DIR] [--pairs 300] [--rounds 5]

Imports all of ../shared/data/unvotes (then again, unchanged) and all of ../shared/data/ungdc
(then again) into a fresh data folder through the service layer; times agreement over all years
(overall and by year) for many country pairs, ``votes show`` and ``votes country``, and speech
search over a fixed query set with and without filters. Prints one table of figures.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from unlib.services import speeches, votes
from unlib.services.speeches import SpeechQuery
from unlib.store.catalogue import Catalogue
from unlib.store.votes import vote_store
from unlib.text.analysis import warm_up

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("UNLIB_SHARED_DATA") or ROOT.parent / "shared" / "data")
QUERIES = (
    "climate change",
    "nuclear weapons",
    '"sustainable development goals"',
    "refugees migration",
    "terrorism",
    "peacekeeping operations",
    "Security Council reform",
    "small island developing States",
    "human rights -Syria",
    "Palestine OR Israel",
    "COVID-19 pandemic",
    "ocean",
)
FILTERS: tuple[dict[str, Any], ...] = (
    {},
    {"country": "USA"},
    {"year": 2016},
    {"session": 72},
    {"speaker": "Guterres"},
    {"country": "FRA", "year": 2019},
)


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):7.2f} ms  p95 {p95:7.2f} ms  (n={len(ordered)})"


def _timed(call: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--work", type=Path, default=None, help="data folder (default: temporary)")
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5, help="passes over the query set")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="unlib-bench-"))
    shutil.rmtree(work, ignore_errors=True)
    catalogue = Catalogue.open(work)
    index = speeches.open_speech_index(work)
    try:
        _imports(catalogue, index)
        _agreement(catalogue, args.pairs)
        _lookups(catalogue)
        _search(catalogue, index, args.rounds)
    finally:
        index.close()
        catalogue.close()
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


def _imports(catalogue: Catalogue, index: speeches.SpeechIndex) -> None:
    for label, run in (
        ("unvotes import", lambda: votes.import_votes(catalogue, [SHARED / "unvotes"])),
        ("unvotes re-import", lambda: votes.import_votes(catalogue, [SHARED / "unvotes"])),
    ):
        ms, summary = _timed(run)
        calls = summary["roll_calls"]
        print(
            f"{label:28} {ms / 1000:7.2f} s  {summary['votes']['read']:,} votes, "
            f"{calls['added']:,} added, {calls['unchanged']:,} unchanged"
        )
    for label in ("speeches import", "speeches re-import"):
        ms, summary = _timed(lambda: speeches.import_speeches(catalogue, index, SHARED / "ungdc"))
        counts = summary["speeches"]
        print(
            f"{label:28} {ms / 1000:7.2f} s  {counts['read']:,} speeches, "
            f"{counts['added']:,} added, {counts['unchanged']:,} unchanged"
        )


def _agreement(catalogue: Catalogue, pairs: int) -> None:
    codes = [r[0] for r in vote_store(catalogue).conn.execute("SELECT DISTINCT country FROM votes")]
    chosen = [tuple(random.Random(n).sample(codes, 2)) for n in range(pairs)]
    for label, by_year in (("agreement, all years", False), ("agreement --by-year", True)):
        samples = [
            _timed(lambda a=a, b=b, y=by_year: votes.agreement(catalogue, a, b, by_year=y))[0]
            for a, b in chosen
        ]
        print(f"{label:28} {_percentiles(samples)}")


def _lookups(catalogue: Catalogue) -> None:
    symbols = [
        r[0]
        for r in vote_store(catalogue).conn.execute(
            "SELECT symbol_raw FROM roll_calls WHERE symbol_raw IS NOT NULL ORDER BY id LIMIT 200"
        )
    ]
    samples = [_timed(lambda s=s: votes.show(catalogue, s))[0] for s in symbols]
    print(f"{'votes show':28} {_percentiles(samples)}")
    samples = [_timed(lambda c=c: votes.country_record(catalogue, c))[0] for c in ("USA", "NAM")]
    print(f"{'votes country (USA, NAM)':28} {' '.join(f'{s:.1f} ms' for s in samples)}")


def _search(catalogue: Catalogue, index: speeches.SpeechIndex, rounds: int) -> None:
    requests = [SpeechQuery(q, **f) for q in QUERIES for f in FILTERS]
    warm_up()  # jieba's dictionary: loaded once per process, not per query
    speeches.search_speeches(catalogue, index, requests[0])
    samples: list[float] = []
    for _ in range(rounds):
        for request in requests:
            samples.append(
                _timed(lambda r=request: speeches.search_speeches(catalogue, index, r))[0]
            )
    print(f"{'speech search (10 results)':28} {_percentiles(samples)}")
    browse = [SpeechQuery("", **f) for f in FILTERS[1:]]
    samples = [_timed(lambda r=r: speeches.search_speeches(catalogue, index, r))[0] for r in browse]
    print(f"{'speech browse (no words)':28} {_percentiles(samples)}")


if __name__ == "__main__":
    main()
