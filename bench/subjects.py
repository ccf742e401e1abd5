"""UNBIS subject indexing, side by side with Annif, on identical data, folds and metrics.

    .venv/bin/python bench/subjects.py [--shared PATH] [--folds 5] [--no-annif] [--rerun-annif]

Data (from ../shared/data):

* ``marc``: the UN Digital Library MARC records (undl-marc-a-c3-78); text = title + agenda
  item titles and headings (English only: the records hold no other language, and no
  document text is in the library), gold = their MARC 650 headings mapped to UNBIS.
* ``sdg``: SDG goals, targets and indicators, official texts in six languages, gold = the
  UNBIS concepts the UN Library links them to (sdg-kos; read as ``unlib vocab import`` reads
  it, with the official texts of sdg-translations: labels the dump attaches to the wrong code,
  half the Russian indicators and three Arabic goals, are replaced by their own code's text). Judged one language at a time;
  ``sdg/all`` pools the six versions (unlib only: Annif indexes one language per project).

k-fold cross-validation (grouped: revisions of a document, or the targets of one SDG goal,
stay in one fold); every system is trained on the other folds only. unlib's learned backend
trains on all language versions of the training documents; Annif gets the training
documents in the language judged. Annif (tfidf, mllm, omikuji, and their ensemble) is
installed into bench/.annif-venv on first use; for Chinese its texts and labels are spaced
character by character (Annif cannot segment Chinese). Annif's rankings are cached in
bench/.annif-venv/results-cache per identical job (``--rerun-annif`` runs it again).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from unlib.embed import get_embedder
from unlib.model import LANGUAGES
from unlib.services import marc as marc_service
from unlib.services import subjects as subjects_service
from unlib.services import vocab as vocab_service
from unlib.services.library import Library
from unlib.services.subject_texts import training_examples
from unlib.settings import load_settings
from unlib.subjects.evaluation import Rankings, cross_validate
from unlib.subjects.folds import split
from unlib.subjects.gold import sdg_examples
from unlib.subjects.metrics import METRICS, mean_scores
from unlib.subjects.model import Example, Text
from unlib.subjects.thesaurus import Hierarchy
from unlib.vocab.labels import LabelMatcher
from unlib.vocab.model import Vocabulary

ROOT = Path(__file__).resolve().parent.parent
ANNIF_VENV = ROOT / "bench" / ".annif-venv"
# Annif's rankings, kept per identical job (texts, folds, vocabulary, driver): Annif is not
# what changes between runs, and training it on every fold and language takes long.
ANNIF_CACHE = ANNIF_VENV / "results-cache"
ANALYZERS = {
    "en": "snowball(english)",
    "fr": "snowball(french)",
    "es": "snowball(spanish)",
    "ru": "snowball(russian)",
    "ar": "snowball(arabic)",
    "zh": "simple(token_min_length=1)",
}

Row = tuple[str, str, str, dict[str, float], int]  # data, lang, system, scores, documents


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_shared = os.environ.get("UNLIB_SHARED_DATA") or str(ROOT.parent / "shared" / "data")
    parser.add_argument("--shared", type=Path, default=Path(default_shared))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-annif", action="store_true", help="only unlib's backends")
    parser.add_argument("--no-unlib", action="store_true", help="only Annif's backends")
    parser.add_argument(
        "--rerun-annif",
        action="store_true",
        help="run Annif even when its rankings for the identical job are cached",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="unlib-bench-subjects-") as tmp:
        library = _library(Path(tmp), args.shared)
        vocab = subjects_service.context(library.catalogue, library.data_dir).vocab
        marc = training_examples(library.catalogue)
        sdg = sdg_examples(vocab)
        print(
            f"data: marc {len(marc)} records ({sum(len(e.subjects) for e in marc)} subjects), "
            f"sdg {len(sdg)} goals/targets/indicators; {args.folds}-fold grouped CV",
            flush=True,
        )
        rows = [] if args.no_unlib else _ours(vocab, marc, sdg, args.folds)
        if rows:
            _print_table(rows)
        if not args.no_annif:
            rows += _annif(vocab, marc, sdg, args.folds, Path(tmp), rerun=args.rerun_annif)
            _print_table(rows)
        _sdg_rows(args.shared)
        _speed(library, args.shared)
    return 0


def _library(folder: Path, shared: Path) -> Library:
    library = Library(load_settings(data=str(folder / "data")), create=True)
    sources = [shared / "unbis-thesaurus", shared / "sdg-kos", shared / "sdg-translations"]
    vocab_service.import_vocabularies(library.catalogue, sources)
    marc_service.import_marc(library.catalogue, [shared / "undl-marc-a-c3-78"])
    return library


# -- unlib -------------------------------------------------------------------------------------


def _only(lang: str) -> Callable[[Example], Sequence[Text]]:
    return lambda e: [t for t in e.texts if t.lang == lang]


def _ours(vocab: Vocabulary, marc: list[Example], sdg: list[Example], folds: int) -> list[Row]:
    matcher, hierarchy, embedder = LabelMatcher(vocab), Hierarchy(vocab), get_embedder()
    rows: list[Row] = []
    started = time.perf_counter()
    found = cross_validate(marc, matcher, hierarchy, embedder, folds=folds)
    rows += _rows("marc", {"en": found["all"]}, "unlib")
    views = {lang: _only(lang) for lang in LANGUAGES}
    views["all"] = lambda e: e.texts
    found = cross_validate(sdg, matcher, hierarchy, embedder, folds=folds, views=views)
    rows += _rows("sdg", found, "unlib")
    print(f"unlib: cross-validation in {time.perf_counter() - started:.0f} s", flush=True)
    return rows


def _rows(data: str, found: dict[str, Rankings], prefix: str) -> list[Row]:
    return [
        (data, view, f"{prefix} {system}", rankings.scores(system), len(rankings.gold))
        for view, rankings in found.items()
        for system in rankings.ranked
    ]


# -- Annif -------------------------------------------------------------------------------------


# The Annif release the published comparison was made with.
ANNIF_VERSION = "1.4.3"


def _annif_python() -> Path:
    python = ANNIF_VENV / "bin" / "python"
    if not python.exists():
        print(f"installing Annif {ANNIF_VERSION} into bench/.annif-venv ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(ANNIF_VENV)], check=True)
        package = f"annif[omikuji]=={ANNIF_VERSION}"
        subprocess.run([str(python), "-m", "pip", "install", "-q", package], check=True)
    return python


def _spaced(text: str, lang: str) -> str:
    """Chinese for Annif: one token per character (it has no Chinese segmenter)."""
    return " ".join(ch for ch in text if not ch.isspace()) if lang == "zh" else text


def _vocab_csv(vocab: Vocabulary, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["uri", *(f"label_{lang}" for lang in LANGUAGES)])
        for concept in vocab.of_scheme("unbis", "concept"):
            writer.writerow(
                [concept.uri, *(_spaced(concept.pref.get(lang, ""), lang) for lang in LANGUAGES)]
            )


def _text_in(example: Example, lang: str) -> str:
    return _spaced("\n".join(t.full for t in example.texts if t.lang == lang), lang)


def _annif(
    vocab: Vocabulary,
    marc: list[Example],
    sdg: list[Example],
    folds: int,
    work: Path,
    *,
    rerun: bool = False,
) -> list[Row]:
    python = _annif_python()
    vocab_csv = work / "unbis.csv"
    _vocab_csv(vocab, vocab_csv)
    runs: list[dict[str, Any]] = []
    gold: dict[tuple[str, str], dict[str, frozenset[str]]] = {}
    for data, examples, langs in (("marc", marc, ["en"]), ("sdg", sdg, list(LANGUAGES))):
        for fold, (train_idx, held_idx) in enumerate(split(examples, folds)):
            for lang in langs:
                train = [examples[i] for i in train_idx if _text_in(examples[i], lang)]
                held = [examples[i] for i in held_idx if _text_in(examples[i], lang)]
                gold.setdefault((data, lang), {}).update({e.key: e.subjects for e in held})
                runs.append(
                    {
                        "name": f"{data}-{lang}-{fold}",
                        "lang": lang,
                        "analyzer": ANALYZERS[lang],
                        "train": [[_text_in(e, lang), sorted(e.subjects)] for e in train],
                        "test": [[e.key, _text_in(e, lang)] for e in held],
                    }
                )
    started = time.perf_counter()
    results: dict[str, Any] = {}
    for group in sorted({r["name"].rsplit("-", 1)[0] for r in runs}):
        chosen = [r for r in runs if r["name"].rsplit("-", 1)[0] == group]
        results.update(_annif_cached(python, vocab_csv, chosen, work / group, rerun))
    print(f"Annif: {len(runs)} runs in {time.perf_counter() - started:.0f} s", flush=True)
    ranked: dict[tuple[str, str, str], dict[str, list[str]]] = {}
    for run in runs:
        data, lang, _ = run["name"].split("-")
        for backend, found in results[run["name"]].items():
            if not backend.startswith("_"):
                ranked.setdefault((data, lang, backend), {}).update(found)
    return [
        (
            data,
            lang,
            f"annif {backend}",
            mean_scores((found.get(k, []), g) for k, g in gold[(data, lang)].items()),
            len(gold[(data, lang)]),
        )
        for (data, lang, backend), found in ranked.items()
    ]


def _annif_cached(
    python: Path, vocab_csv: Path, runs: list[dict[str, Any]], work: Path, rerun: bool
) -> dict[str, Any]:
    """Annif's rankings for ``runs``, from the cache when the identical job (same texts,
    folds, vocabulary, driver and Annif installation) was run before."""
    digest = hashlib.sha256()
    digest.update(json.dumps(runs, sort_keys=True).encode())
    digest.update(vocab_csv.read_bytes())
    digest.update((ROOT / "bench" / "annif_driver.py").read_bytes())
    digest.update(str(sorted(p.name for p in ANNIF_VENV.glob("lib/*/site-packages/*"))).encode())
    cached = ANNIF_CACHE / f"{work.name}-{digest.hexdigest()[:16]}.json"
    if cached.exists() and not rerun:
        print(f"  annif {work.name}: cached ({cached.name})", flush=True)
        found: dict[str, Any] = json.loads(cached.read_text(encoding="utf-8"))
        return found
    found = _annif_process(python, vocab_csv, runs, work)
    ANNIF_CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(found), encoding="utf-8")
    return found


def _annif_process(
    python: Path, vocab_csv: Path, runs: list[dict[str, Any]], work: Path
) -> dict[str, Any]:
    """One Annif process per data set and language: projects of the same names trained one
    after the other in a single process interfered across languages."""
    work.mkdir(parents=True)
    job, out, log = work / "job.json", work / "out.json", work / "annif.log"
    job.write_text(json.dumps({"vocab_csv": str(vocab_csv), "runs": runs}), encoding="utf-8")
    with log.open("w") as errors:
        done = subprocess.run(
            [str(python), str(ROOT / "bench" / "annif_driver.py"), str(job), str(out)],
            stdout=errors,
            stderr=errors,
            env={**os.environ, "PYTHONWARNINGS": "ignore", "RUST_LOG": "error"},
        )
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("annif ") or done.returncode:
            print("  " + line[:200])
    if done.returncode:
        raise SystemExit(f"Annif failed (exit {done.returncode})")
    found: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return found


# -- output ------------------------------------------------------------------------------------


def _print_table(rows: list[Row]) -> None:
    print()
    print(
        f"{'data':5} {'lang':4} {'system':17} {'docs':>4} " + " ".join(f"{m:>8}" for m in METRICS)
    )
    for data, lang, system, scores, docs in sorted(rows, key=lambda r: (r[0], r[1], r[2])):
        values = " ".join(f"{scores[m]:8.3f}" for m in METRICS)
        print(f"{data:5} {lang:4} {system:17} {docs:4d} {values}")
    print()
    print("best per data/lang (F1@5, NDCG@10):")
    keys = sorted({(r[0], r[1]) for r in rows})
    for data, lang in keys:
        group = [r for r in rows if (r[0], r[1]) == (data, lang)]
        mine = [r for r in group if r[2].startswith("unlib")]
        if not mine:
            continue
        ours = max(mine, key=lambda r: r[3]["F1@5"])
        theirs = [r for r in group if r[2].startswith("annif")]
        line = f"  {data}/{lang}: {ours[2]} {ours[3]['F1@5']:.3f} / {ours[3]['NDCG@10']:.3f}"
        if theirs:
            best = max(theirs, key=lambda r: r[3]["F1@5"])
            line += f"   vs {best[2]} {best[3]['F1@5']:.3f} / {best[3]['NDCG@10']:.3f}"
        print(line)


def _sdg_rows(shared: Path) -> None:
    """The SDG classifier's accuracy row, from bench/sdg_eval.py when it exists."""
    try:
        sys.path.insert(0, str(ROOT / "bench"))
        import sdg_eval  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        print("\n(SDG accuracy: bench/sdg_eval.py not present)")
        return
    rows = getattr(sdg_eval, "rows", None)
    if not callable(rows):
        print("\n(SDG accuracy: bench/sdg_eval.py has no rows() function)")
        return
    try:
        print("\nSDG classification (bench/sdg_eval.py):")
        for row in rows(shared):
            print("  " + "  ".join(f"{k}={v}" for k, v in dict(row).items()))
    except Exception as error:
        print(f"\n(SDG accuracy failed: {type(error).__name__}: {error})")


def _speed(library: Library, shared: Path) -> None:
    """Suggestion time for 30-page documents with the model trained on all MARC records."""
    report = subjects_service.train(library)
    charter = (shared / "un-charter" / "un_charter_en.txt").read_text(encoding="utf-8")
    longest = max((shared / "zh-reports").glob("*.txt"), key=lambda p: p.stat().st_size)
    samples = [
        ("en", (charter + "\n" + charter)[:90_000]),  # the Charter is ~20 pages
        ("zh", longest.read_text(encoding="utf-8")[:45_000]),
    ]
    print(
        f"\nspeed: ensemble trained on {report['examples']} records in {report['seconds']} s; "
        "30-page documents (90k characters en, 45k zh), warm, median of 5:"
    )
    for lang, text in samples:
        subjects_service.suggest_text(library, text[:2000], lang)  # load everything once
        walls, cpus = [], []
        for _ in range(5):
            wall, cpu = time.perf_counter(), time.process_time()
            rows = subjects_service.suggest_text(library, text, lang)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        print(
            f"  {lang}: {len(text):,} chars, {rows[0]['backend']}: wall "
            f"{sorted(walls)[2] * 1000:.0f} ms, cpu {sorted(cpus)[2] * 1000:.0f} ms "
            f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
        )


if __name__ == "__main__":
    sys.exit(main())
