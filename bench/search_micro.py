"""Micro-benchmark of the full-text layer alone: analysis speed, index build speed and query
latency (with grouping and facets) on a synthetic index of ≥ 1M passages.

The passages are real UN text from ../shared/data (zh-reports, the Charter in six languages,
Security Council resolutions, Chinese–English segments), replicated and recombined into
synthetic works with varied years, bodies and types. Run:

    .venv/bin/python bench/search_micro.py [--passages 1000000] [--keep DIR]

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from unlib.search.engine import SearchEngine  # noqa: E402
from unlib.search.index import IndexedPassage, PassageIndex  # noqa: E402
from unlib.search.query import parse_query  # noqa: E402
from unlib.text.analysis import prepare_for_index, warm_up  # noqa: E402

SHARED = Path(os.environ.get("UNLIB_SHARED_DATA") or ROOT.parent / "shared" / "data")
PASSAGES_PER_WORK = 20
BODIES = ("A", "S", "E", "ST", "A/HRC")
TYPES = ("resolution", "report", "meeting", "letter", "note")
_CITED_RESOLUTION = re.compile(r"resolutions? (\d{1,4}) \((\d{4})\)")
QUERIES = (
    "security council",
    "peace",
    "territorial integrity",
    '"international peace and security"',
    "human rights lang:en",
    "resolution Iraq year:1990..1994",
    "sanctions OR embargo",
    "peace -Israel",
    "S/RES/242 (1967)",
    "数字图书馆",
    "安全理事会",
    "可持续发展 目标",
    "联合国 body:S",
    "sécurité internationale",
    "Совет Безопасности",
    "مجلس الأمن",
    "Naciones Unidas",
    "type:report year:2023",
)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.strip()) > 20]


def load_pool() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Unique real passages per language, each with the SC resolutions it cites."""
    pool: dict[str, list[tuple[str, tuple[str, ...]]]] = {}

    def put(lang: str, text: str) -> None:
        cites = tuple(f"S/RES/{m.group(1)}" for m in _CITED_RESOLUTION.finditer(text))
        pool.setdefault(lang, []).append((text, cites))

    for path in sorted((SHARED / "zh-reports").glob("0*.txt")):
        for para in paragraphs(path.read_text(encoding="utf-8")):
            put("zh", para)
    charter = SHARED / "un-charter" / "un_charter_articles_6lang.jsonl"
    for line in charter.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for lang in ("ar", "zh", "en", "fr", "ru", "es"):
            for para in paragraphs(record[lang]) or [record[lang]]:
                put(lang, para)
    for path in sorted((SHARED / "unsc-resolutions-en" / "texts").glob("*.txt")):
        for para in paragraphs(path.read_text(encoding="utf-8")):
            put("en", para)
    segments = SHARED / "un-zh-en-segments-2023" / "dev.jsonl"
    for line in segments.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        put("en", record["en"])
        put("zh", record["zh"])
    return pool


def prepare_pool(
    pool: dict[str, list[tuple[str, tuple[str, ...]]]],
) -> dict[str, list[tuple[str, str, tuple[str, ...]]]]:
    """Analyse every unique passage once, reporting prepare_for_index chars/s per language
    (for Chinese also bare jieba search mode, to show the overhead over it)."""
    warm_up()
    prepared: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
    for lang, items in pool.items():
        chars = sum(len(text) for text, _ in items)
        started = time.perf_counter()
        prepared[lang] = [(text, prepare_for_index(lang, text), cites) for text, cites in items]
        speed = chars / (time.perf_counter() - started) / 1e6
        line = f"prepare_for_index {lang}: {len(items):>6} passages {chars / 1e6:5.2f} M chars "
        line += f"{speed:8.2f} M chars/s"
        if lang == "zh":
            started = time.perf_counter()
            for text, _ in items:
                " ".join(jieba.cut_for_search(text))
            bare = chars / (time.perf_counter() - started) / 1e6
            line += f"   (bare jieba.cut_for_search {bare:.2f} M chars/s)"
        print(line)
    return prepared


def synthetic_passages(
    prepared: dict[str, list[tuple[str, str, tuple[str, ...]]]], count: int, seed: int = 7
) -> Iterator[tuple[IndexedPassage, int]]:
    """``count`` passages in works of PASSAGES_PER_WORK, each (passage, original chars)."""
    rng = random.Random(seed)
    langs = sorted(prepared)
    weights = [len(prepared[lang]) for lang in langs]
    work_lang = "en"
    for pid in range(1, count + 1):
        work = (pid - 1) // PASSAGES_PER_WORK + 1
        if (pid - 1) % PASSAGES_PER_WORK == 0:
            work_lang = rng.choices(langs, weights)[0]
        text, analysed, cites = rng.choice(prepared[work_lang])
        if rng.random() < 0.3:  # recombine: vary document lengths and term statistics
            more_text, more, more_cites = rng.choice(prepared[work_lang])
            text, analysed, cites = f"{text} {more_text}", f"{analysed} {more}", cites + more_cites
        passage = IndexedPassage(
            pid=pid,
            vid=work * 8 + langs.index(work_lang),
            work=work,
            work_key=f"S/RES/{work}" if work % 5 == 1 else None,
            lang=work_lang,
            body=BODIES[work % len(BODIES)],
            year=1946 + (work * 2654435761 % 2**32) % 80,
            doc_type=TYPES[work % len(TYPES)],
            kind="title" if (pid - 1) % PASSAGES_PER_WORK == 0 else "paragraph",
            cites=cites,
            text=analysed,
            boost=6.0 if (pid - 1) % PASSAGES_PER_WORK == 0 else 0.0,
        )
        yield passage, len(text)


def build(
    path: Path, prepared: dict[str, list[tuple[str, str, tuple[str, ...]]]], count: int
) -> None:
    index = PassageIndex(path, writer_heap_mb=512)
    chars = 0

    def counted() -> Iterator[IndexedPassage]:
        nonlocal chars
        for passage, size in synthetic_passages(prepared, count):
            chars += size
            yield passage

    started = time.perf_counter()
    index.add(counted())
    index.commit()
    index.close()
    elapsed = time.perf_counter() - started
    size = index.size_bytes()
    print(
        f"index build: {count:,} passages, {chars / 1e6:.0f} M chars in {elapsed:.1f} s = "
        f"{chars / elapsed / 1e6:.2f} M chars/s, {count / elapsed:,.0f} passages/s, "
        f"{size / 1e6:.0f} MB on disk"
    )


def run_queries(path: Path, rounds: int) -> None:
    index = PassageIndex(path)
    engine = SearchEngine(index)
    parsed = [parse_query(q) for q in QUERIES]
    for query in parsed:  # warm caches (OS page cache, tantivy's term dictionaries)
        engine.search(query)
    timings: list[float] = []
    per_query: dict[str, list[float]] = {q: [] for q in QUERIES}
    for _ in range(rounds):
        for text, query in zip(QUERIES, parsed, strict=True):
            started = time.perf_counter()
            engine.search(query, page=1 + len(timings) % 3)
            elapsed = (time.perf_counter() - started) * 1000
            timings.append(elapsed)
            per_query[text].append(elapsed)
    for text, values in per_query.items():
        result = engine.search(parse_query(text))
        print(
            f"  {text:<40} median {statistics.median(values):7.1f} ms   "
            f"{result.total_passages:>8,} passages {result.total_works:>7,} works"
        )
    timings.sort()
    p50 = timings[len(timings) // 2]
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"queries: {len(timings)} runs, p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--passages", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the index in this folder")
    args = parser.parse_args()
    path = args.keep or Path(tempfile.mkdtemp(prefix="unlib-bench-")) / "index"
    try:
        if not (path / "meta.json").exists():
            prepared = prepare_pool(load_pool())
            build(path, prepared, args.passages)
        run_queries(path, args.rounds)
    finally:
        if args.keep is None:
            shutil.rmtree(path.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
