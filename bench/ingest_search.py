"""Ingest and search benchmark against the floor (jieba + tantivy alone, same data).

    python bench/ingest_search.py [--replicas 6] [--work bench-data]

Builds a corpus from ../shared/data (UN General Debate speeches with one sentence per paragraph,
Chinese report/parallel-corpus paragraphs packed into documents, the real documents once each),
replicated until it holds ≥ 100 MB of text and ≥ 1M passages; ingests it with ``unlib ingest``
(all cores) while sampling the memory of the whole process tree; runs a fixed mixed-language
query set through the library service; then does the same work with jieba + tantivy alone.
Prints one table. A Chinese-only run gives the per-core Chinese figure.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("UNLIB_SHARED_DATA") or ROOT.parent / "shared" / "data")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])")
QUERIES = (
    "数字图书馆",
    "可持续发展目标",
    "安全理事会 决议",
    "气候变化",
    "peacekeeping operations",
    "climate change",
    '"human rights"',
    "nuclear disarmament treaty",
    "sustainable development lang:en",
    "S/RES/687 (1991)",
    "A/78/1",
    "refugees year:2016",
    "paix et sécurité",
    "desarrollo sostenible",
    "Совет Безопасности",
    "الأمم المتحدة",
)


# -- corpus --------------------------------------------------------------------------------------


def _speeches() -> Iterator[tuple[str, str]]:
    for path in sorted((SHARED / "ungdc" / "TXT").rglob("*.txt")):
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        sentences = [s for p in text.splitlines() for s in SENTENCE_END.split(p) if s.strip()]
        yield path.stem, "\n\n".join(sentences)


def _chinese_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted((SHARED / "zh-reports").glob("*.txt")):
        paragraphs += [p.strip() for p in path.read_text().split("\n\n") if len(p.strip()) > 20]
    with (SHARED / "unpc-v1.0-en-zh" / "UNv1.0.devset.zh").open(encoding="utf-8") as lines:
        paragraphs += [line.replace(" ", "").strip() for line in lines if line.strip()]
    with (SHARED / "un-zh-en-segments-2023" / "dev.jsonl").open(encoding="utf-8") as lines:
        paragraphs += [json.loads(line)["zh"] for line in lines]
    return paragraphs


def _real_documents() -> list[Path]:
    return (
        sorted((SHARED / "zh-reports").glob("*.txt"))
        + sorted((SHARED / "un-charter").glob("un_charter_*.txt"))
        + sorted((SHARED / "ga-resolution-pdfs-en").glob("*.pdf"))
        + sorted((SHARED / "unsc-resolutions-en" / "texts").glob("*.txt"))
    )


def build_corpus(target: Path, replicas: int, zh_only: bool = False) -> dict[str, int]:
    """Write the corpus once; returns its size in files, characters and bytes."""
    stamp = target / ".complete"
    if not stamp.exists():
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        chinese = _chinese_paragraphs()
        speeches = [] if zh_only else list(_speeches())
        for r in range(replicas):
            folder = target / f"replica-{r:02}"
            folder.mkdir()
            for name, text in speeches:
                (folder / f"{name}-r{r}.txt").write_text(f"Replica {r}\n\n{text}\n")
            rotated = chinese[r * 97 % len(chinese) :] + chinese[: r * 97 % len(chinese)]
            zh_copies = 4 if not zh_only else 16
            for c in range(zh_copies):
                for start in range(0, len(rotated), 150):
                    block = rotated[start : start + 150]
                    (folder / f"zh-{c}-{start:06}-r{r}.txt").write_text(
                        f"基准文件 {r}-{c}-{start}\n\n" + "\n\n".join(block) + "\n"
                    )
        if not zh_only:
            real = target / "real"
            real.mkdir()
            for path in _real_documents():
                shutil.copyfile(path, real / path.name)
        stamp.touch()
    files = [p for p in target.rglob("*") if p.is_file() and not p.name.startswith(".")]
    size = sum(p.stat().st_size for p in files)
    chars = sum(len(p.read_text(errors="replace")) for p in files if p.suffix == ".txt")
    return {"files": len(files), "bytes": size, "chars": chars}


# -- measuring -----------------------------------------------------------------------------------


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    total = 0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        pids += [int(c) for c in children]
    return total


def run_measured(command: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Wall time, peak tree RSS and stdout of a command."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = process.communicate()
    done.set()
    sampler.join()
    if process.returncode:
        raise SystemExit(f"{command[:4]} failed with exit code {process.returncode}")
    return time.perf_counter() - started, peak, out


def ingest(corpus: Path, data: Path) -> dict[str, float]:
    shutil.rmtree(data, ignore_errors=True)
    env = {**os.environ, "UNLIB_DATA": str(data)}
    command = [sys.executable, "-m", "unlib", "ingest", "--quiet", "--json", str(corpus)]
    seconds, peak, out = run_measured(command, env)
    report = json.loads(out)
    stats = json.loads(
        subprocess.run(
            [sys.executable, "-m", "unlib", "stats", "--json"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    return {
        "seconds": seconds,
        "peak_rss": peak,
        "chars": report["characters"],
        "bytes": report["bytes"],
        "docs": report["ingested"],
        "passages": stats["passages"],
        "index_bytes": stats["index"]["bytes"],
        "catalogue_bytes": stats["storage"]["catalogue_bytes"],
        "rejected": report["rejected"],
    }


def floor(corpus: Path, target: Path) -> dict[str, float]:
    """The same text through jieba + tantivy alone, in one process (1 core)."""
    code = f"""
import sys, time, json, jieba, tantivy, pathlib, resource
jieba.setLogLevel(60); jieba.initialize()
sb = tantivy.SchemaBuilder()
sb.add_unsigned_field("doc", stored=True)
sb.add_text_field("zh", tokenizer_name="whitespace")
sb.add_text_field("en", tokenizer_name="en_stem")
schema = sb.build()
idx = tantivy.Index(schema, path={str(target)!r})
idx.register_tokenizer("en_stem", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    .filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.stemmer("english")).build())
writer = idx.writer(128_000_000)
start = time.perf_counter(); chars = 0; passages = 0
for n, path in enumerate(sorted(p for p in pathlib.Path({str(corpus)!r}).rglob("*.txt"))):
    text = path.read_text(errors="replace"); chars += len(text)
    zh = sum(1 for c in text[:2000] if "\\u4e00" <= c <= "\\u9fff") > 100
    for para in text.split("\\n\\n"):
        if not para.strip(): continue
        passages += 1
        d = tantivy.Document(); d.add_unsigned("doc", n)
        if zh: d.add_text("zh", " ".join(jieba.cut_for_search(para)))
        else: d.add_text("en", para)
        writer.add_document(d)
writer.commit(); writer.wait_merging_threads()
print(json.dumps({{"seconds": time.perf_counter() - start, "chars": chars, "passages": passages,
  "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}}))
"""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def query_latency(data: Path, repeats: int) -> dict[str, float]:
    from unlib.services.library import Library
    from unlib.services.search import SearchRequest
    from unlib.settings import load_settings

    settings = load_settings(data=str(data))
    timings: list[float] = []
    with Library(settings) as library:
        for query in QUERIES:  # warm caches once
            library.search(SearchRequest(query, per_page=10))
        for _ in range(repeats):
            for query in QUERIES:
                started = time.perf_counter()
                library.search(SearchRequest(query, per_page=10))
                timings.append((time.perf_counter() - started) * 1000)
    return _percentiles(timings)


def floor_latency(target: Path, repeats: int) -> dict[str, float]:
    import jieba
    import tantivy

    index = tantivy.Index.open(str(target))
    index.register_tokenizer(
        "en_stem",
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stemmer("english"))
        .build(),
    )
    searcher = index.searcher()
    timings: list[float] = []
    for _ in range(repeats + 1):
        for query in QUERIES:
            started = time.perf_counter()
            words = " ".join(jieba.cut_for_search(query.replace('"', " ")))
            parsed = index.parse_query_lenient(words, ["zh", "en"])[0]
            searcher.search(parsed, 10)
            timings.append((time.perf_counter() - started) * 1000)
    return _percentiles(timings[len(QUERIES) :])


def _percentiles(timings: list[float]) -> dict[str, float]:
    ordered = sorted(timings)
    return {
        "p50": statistics.median(ordered),
        "p95": ordered[int(0.95 * (len(ordered) - 1))],
    }


# -- report --------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--replicas", type=int, default=6)
    parser.add_argument("--work", type=Path, default=ROOT / "bench-data")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--skip-small", action="store_true", help="skip the 1-replica run")
    args = parser.parse_args()
    work: Path = args.work
    rows: list[tuple[str, str, str, str]] = []

    sizes = [] if args.skip_small else [1]
    for replicas in [*sizes, args.replicas]:
        corpus = work / f"corpus-{replicas}"
        size = build_corpus(corpus, replicas)
        ours = ingest(corpus, work / f"data-{replicas}")
        if replicas != args.replicas:
            rows.append(
                (
                    f"peak RSS, {size['bytes'] / 1e6:,.0f} MB corpus",
                    f"{ours['peak_rss'] / 1e6:,.0f} MB",
                    "",
                    "",
                )
            )
            continue
        base = floor(corpus, work / "floor-index")
        cores = os.cpu_count() or 1
        our_rate = ours["chars"] / ours["seconds"] / cores
        floor_rate = base["chars"] / base["seconds"]
        latency = query_latency(work / f"data-{replicas}", args.repeats)
        floor_q = floor_latency(work / "floor-index", args.repeats)
        rows += [
            ("corpus", f"{size['bytes'] / 1e6:,.1f} MB, {size['files']:,} files", "", ""),
            ("documents ingested (rejected)", f"{ours['docs']:,} ({ours['rejected']})", "", ""),
            ("passages", f"{ours['passages']:,}", f"{base['passages']:,}", ""),
            (
                "ingest wall time",
                f"{ours['seconds']:,.1f} s ({cores} cores)",
                f"{base['seconds']:,.1f} s (1 core)",
                "",
            ),
            ("ingest MB/s", f"{ours['bytes'] / 1e6 / ours['seconds']:,.2f}", "", ""),
            ("ingest docs/s", f"{ours['docs'] / ours['seconds']:,.1f}", "", ""),
            (
                "chars/s per core",
                f"{our_rate:,.0f}",
                f"{floor_rate:,.0f}",
                f"{floor_rate / our_rate:.2f}×",
            ),
            (
                f"peak RSS, {size['bytes'] / 1e6:,.0f} MB corpus",
                f"{ours['peak_rss'] / 1e6:,.0f} MB",
                f"{base['peak_rss'] / 1e6:,.0f} MB",
                "",
            ),
            (
                "index size",
                f"{ours['index_bytes'] / 1e6:,.0f} MB",
                f"{_du(work / 'floor-index') / 1e6:,.0f} MB",
                "",
            ),
            ("catalogue size", f"{ours['catalogue_bytes'] / 1e6:,.0f} MB", "", ""),
            (
                "query p50",
                f"{latency['p50']:.1f} ms",
                f"{floor_q['p50']:.1f} ms",
                f"{latency['p50'] / floor_q['p50']:.1f}×",
            ),
            (
                "query p95",
                f"{latency['p95']:.1f} ms",
                f"{floor_q['p95']:.1f} ms",
                f"{latency['p95'] / floor_q['p95']:.1f}×",
            ),
        ]

    zh_corpus = work / "corpus-zh"
    build_corpus(zh_corpus, 4, zh_only=True)
    zh = ingest(zh_corpus, work / "data-zh")
    zh_floor = floor(zh_corpus, work / "floor-zh")
    cores = os.cpu_count() or 1
    zh_rate = zh["chars"] / zh["seconds"] / cores
    zh_floor_rate = zh_floor["chars"] / zh_floor["seconds"]
    rows.append(
        (
            "Chinese only: chars/s per core",
            f"{zh_rate:,.0f}",
            f"{zh_floor_rate:,.0f}",
            f"{zh_floor_rate / zh_rate:.2f}×",
        )
    )
    width = max(len(r[0]) for r in rows)
    print(f"{'':{width}}  {'unlib':>26}  {'floor (jieba+tantivy)':>24}  {'ratio':>6}")
    for name, ours_value, floor_value, ratio in rows:
        print(f"{name:{width}}  {ours_value:>26}  {floor_value:>24}  {ratio:>6}")


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


if __name__ == "__main__":
    main()
