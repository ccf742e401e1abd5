"""Hybrid search latency at scale (part of ``make bench-xl``).

Embedding a million real passages takes hours on two cores, so this measures the search
side on synthetic data of the real shape, through the production code:

* ``--rows`` passages (default 1,000,000) with 512-d unit vectors of low intrinsic dimension
  (64, like sentence embeddings), stored as the vector store stores them (int8) and indexed with HNSW (usearch) since
  that is past the exact-search limit; recall@10 of HNSW against exact search is checked on
  a sample of queries;
* the same number of passages in the full-text index, their words drawn from the English
  UNPC sentences (so the term statistics are those of UN prose);
* a hybrid query = embed the query text (USE) + BM25 + HNSW + fusion, timed end to end.

Prints p50/p95 per step and overall. A 1M build takes about an hour on two cores: ``--keep DIR``
builds into ``DIR`` and later runs with the same ``--rows`` and ``--exact-limit`` reuse it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy

from unlib.embed import embed_queries, get_embedder
from unlib.search.hybrid import HybridRetriever
from unlib.search.index import IndexedPassage, PassageIndex
from unlib.text.analysis import prepare_for_index
from unlib.vectors.quant import quantise
from unlib.vectors.search import VectorIndex
from unlib.vectors.store import VectorStore

DIM = 512
CHUNK = 50_000


def synthetic_vectors(rows: int, seed: int, rank: int = 64) -> numpy.ndarray:
    """Unit vectors with the low intrinsic dimension of sentence embeddings: a fixed random
    512 x ``rank`` map of Gaussian codes, plus a little noise in every dimension."""
    basis = numpy.random.default_rng(0).standard_normal((rank, DIM)).astype(numpy.float32)
    rng = numpy.random.default_rng(seed + 1)
    codes = rng.standard_normal((rows, rank)).astype(numpy.float32)
    matrix = codes @ basis + 2.0 * rng.standard_normal((rows, DIM)).astype(numpy.float32)
    matrix /= numpy.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix


def build_vectors(folder: Path, rows: int, exact_limit: int) -> float:
    started = time.perf_counter()
    store = VectorStore(folder, "use", DIM, exact_limit=exact_limit)
    for start in range(0, rows, CHUNK):
        count = min(CHUNK, rows - start)
        q_rows, scales = quantise(synthetic_vectors(count, seed=start))
        pids = numpy.arange(start + 1, start + count + 1)
        store.add_version(start // CHUNK + 1, start // CHUNK + 1, "en", pids, q_rows, scales)
        store.commit()
    store.optimise()
    return time.perf_counter() - started


def build_text(folder: Path, rows: int, words: list[str]) -> float:
    started = time.perf_counter()
    rng = random.Random(7)
    with PassageIndex(folder, writer_heap_mb=256, threads=2) as index:
        batch = []
        for pid in range(1, rows + 1):
            text = " ".join(rng.choices(words, k=rng.randint(12, 60)))
            batch.append(
                IndexedPassage(
                    pid=pid,
                    vid=(pid - 1) // CHUNK + 1,
                    work=(pid - 1) // 40 + 1,
                    work_key=f"local:{pid // 40}",
                    lang="en",
                    body=None,
                    year=None,
                    doc_type="report",
                    kind="paragraph",
                    cites=(),
                    text=prepare_for_index("en", text),
                    boost=0.0,
                )
            )
            if len(batch) == 20_000:
                index.add(batch)
                batch = []
        index.add(batch)
        index.commit()
    return time.perf_counter() - started


def percentiles(samples: list[float]) -> tuple[float, float]:
    values = numpy.array(samples) * 1000
    return float(numpy.percentile(values, 50)), float(numpy.percentile(values, 95))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--exact-limit", type=int, default=200_000)
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="build the indexes in this folder and keep them; a later run with the same folder "
        "and --rows reuses them instead of building again",
    )
    args = parser.parse_args(argv)
    sentences = (
        (args.shared / "unpc-v1.0-en-zh" / "UNv1.0.devset.en").read_text("utf-8").splitlines()
    )
    words = [w for s in sentences for w in s.split() if w.isalpha()]
    queries = random.Random(3).sample(sentences, args.queries)
    report: dict[str, Any] = {"rows": args.rows}
    with contextlib.ExitStack() as stack:
        if args.keep is None:
            work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="unlib-bench-")))
        else:
            work = args.keep / f"rows-{args.rows}-exact-{args.exact_limit}"
        built = work / "built.json"
        if built.exists():
            report.update(json.loads(built.read_text("utf-8")))
        else:
            if work.exists():
                shutil.rmtree(work)  # a build that did not finish
            report["vector_build_s"] = round(
                build_vectors(work / "vectors", args.rows, args.exact_limit), 1
            )
            report["text_build_s"] = round(build_text(work / "index", args.rows, words), 1)
            built.write_text(json.dumps(report), "utf-8")
        vectors = VectorIndex(work / "vectors")
        embedder = get_embedder("use")
        with PassageIndex(work / "index") as index:
            retriever = HybridRetriever(index, vectors, lambda: embedder)
            query_vectors = synthetic_vectors(args.queries, seed=999_999)
            exact = _exact_top(work / "vectors", query_vectors[:50])
            graph = [[h.pid for h in hits] for hits in vectors.search(query_vectors[:50], 10)]
            overlap = sum(len(set(a) & set(b)) for a, b in zip(exact, graph, strict=True))
            report["hnsw_recall_at_10"] = round(overlap / (10 * len(exact)), 4)
            timings: dict[str, list[float]] = {"embed": [], "bm25": [], "vector": [], "hybrid": []}
            retriever.retrieve([queries[0]], "hybrid", [None], 10)  # warm up
            for text, vector in zip(queries, query_vectors, strict=True):
                t0 = time.perf_counter()
                embed_queries(embedder, [text])
                t1 = time.perf_counter()
                retriever.retrieve([text], "bm25", [None], 10)
                t2 = time.perf_counter()
                vectors.search(vector[None, :], 100)
                t3 = time.perf_counter()
                retriever.retrieve([text], "hybrid", [None], 10)
                t4 = time.perf_counter()
                for name, spent in zip(timings, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                    timings[name].append(spent)
    print(f"\nHybrid search at {args.rows:,} passages ({args.queries} queries)")
    print(f"build: vectors+HNSW {report['vector_build_s']} s, full text {report['text_build_s']} s")
    print(f"HNSW recall@10 against exact search: {report['hnsw_recall_at_10']}")
    print(f"{'step':<10}{'p50 ms':>9}{'p95 ms':>9}")
    for name, samples in timings.items():
        p50, p95 = percentiles(samples)
        print(f"{name:<10}{p50:>9.1f}{p95:>9.1f}")
    return 0


def _exact_top(folder: Path, queries: numpy.ndarray) -> list[list[int]]:
    """Exact top 10 by brute force over the stored int8 rows (scales do not change cosine
    order once rows are normalised)."""
    from unlib.vectors.manifest import read_manifest
    from unlib.vectors.quant import dequantise
    from unlib.vectors.segments import read_segment

    manifest = read_manifest(folder)
    assert manifest is not None
    best: list[list[tuple[float, int]]] = [[] for _ in queries]
    for entry in manifest.segments:
        segment = read_segment(folder, entry.name)
        matrix = dequantise(segment.rows, segment.scales)
        scores = matrix @ queries.T
        for column in range(len(queries)):
            top = numpy.argpartition(-scores[:, column], 10)[:10]
            best[column].extend((float(scores[r, column]), int(segment.pids[r])) for r in top)
    return [[pid for _, pid in sorted(found, reverse=True)[:10]] for found in best]


if __name__ == "__main__":
    raise SystemExit(main())
