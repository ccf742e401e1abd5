"""Vocabulary and MARC import benchmark.

    python bench/vocab.py [--work DIR] [--rounds 50]

Imports the UNBIS Thesaurus, the SDG taxonomy and the SDG translations of ../shared/data into a
fresh data folder through the Library (then again, unchanged), imports the MARCXML records, and
times concept search by label (first search: index built; then warm searches in the six
languages) and concept records with their documents. Target: vocabulary import < 30 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from unlib.services.library import Library
from unlib.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("UNLIB_SHARED_DATA") or ROOT.parent / "shared" / "data")
QUERIES = (
    ("climate change", None),
    ("气候变化", None),
    ("droits de l'enfant", "fr"),
    ("изменение климата", "ru"),
    ("desarrollo sostenible", "es"),
    ("حقوق الإنسان", "ar"),
    ("human rig", "en"),  # type-ahead
    ("1000544", None),
    ("1.2.1", None),
)
CONCEPTS = ("1000544", "1001030", "1001376", "sdg:1", "sdg:1.1", "sdg:13.2.1")
TARGET_S = 30.0


def _timed(call: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):7.2f} ms  p95 {p95:7.2f} ms  (n={len(ordered)})"


def run(work: Path, rounds: int) -> None:
    settings = load_settings({}, config=work / "absent.toml", data=str(work / "data"))
    sources = [SHARED / "unbis-thesaurus", SHARED / "sdg-kos", SHARED / "sdg-translations"]
    with Library(settings, create=True) as library:
        first_s, first = _timed(lambda: library.vocab_import(sources))
        again_s, again = _timed(lambda: library.vocab_import(sources))
        marc_s, marc = _timed(lambda: library.marc_import([SHARED / "undl-marc-a-c3-78"]))
        cold_s, _ = _timed(lambda: library.vocab_search("climate change"))
        searches = [
            _timed(partial(library.vocab_search, query, lang))[0] * 1000
            for _ in range(rounds)
            for query, lang in QUERIES
        ]
        records = [
            _timed(partial(library.vocab_concept, ref))[0] * 1000
            for _ in range(max(1, rounds // 5))
            for ref in CONCEPTS
        ]
    concepts = sum(
        sum(v for k, v in c.items() if k != "deprecated") for c in first["concepts"].values()
    )
    unchanged = sum(c["unchanged"] for c in again["changes"].values())
    verdict = "OK" if first_s < TARGET_S else "OVER TARGET"
    print(
        f"vocabulary import (first)     {first_s:7.2f} s  {concepts:,} concepts  [{verdict}: < {TARGET_S:.0f} s]"
    )
    print(f"  of which reading sources    {first['seconds']['read']:7.2f} s")
    print(f"vocabulary re-import (same)   {again_s:7.2f} s  {unchanged:,} unchanged")
    print(
        f"MARC import                   {marc_s:7.2f} s  {marc['records']} records, "
        f"{marc['subjects']['mapped']}/{marc['subjects']['headings']} headings mapped"
    )
    print(f"first concept search (index)  {cold_s:7.2f} s")
    print(f"concept search                {_percentiles(searches)}")
    print(f"concept record + documents    {_percentiles(records)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, help="Folder for the data (default: a temporary one).")
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="unlib-bench-vocab-"))
    try:
        run(work, args.rounds)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
