"""Precision / recall / F1 of ``unlib.symbols.extract`` against the hand-checked gold.

    .venv/bin/python bench/symbols_eval.py [--shared PATH] [--errors]

Corpora: all five ../shared/data/zh-reports files (lang zh) and the Security Council
resolutions listed in tests/symbols/gold/unsc-resolutions-en.files.txt (lang en, body S).
A match is the same normalized symbol with an overlapping span (see tests/symbols/gold/README.md).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from unlib.symbols.evaluation import GoldMention, load_gold, score_corpus, unmatched
from unlib.symbols.extract import extract

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "symbols" / "gold"


def _corpora(shared: Path) -> list[tuple[str, Path, list[str], Path, str, str | None]]:
    sc_files = (GOLD / "unsc-resolutions-en.files.txt").read_text(encoding="utf-8").split()
    zh_folder = shared / "zh-reports"
    return [
        (
            "zh-reports",
            zh_folder,
            sorted(p.name for p in zh_folder.glob("*.txt")),
            GOLD / "zh-reports.jsonl",
            "zh",
            None,
        ),
        (
            "unsc-resolutions-en",
            shared / "unsc-resolutions-en" / "texts",
            sc_files,
            GOLD / "unsc-resolutions-en.jsonl",
            "en",
            "S",
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_shared = os.environ.get("UNLIB_SHARED_DATA") or str(ROOT.parent / "shared" / "data")
    parser.add_argument("--shared", type=Path, default=Path(default_shared))
    parser.add_argument("--errors", action="store_true", help="list misses and false hits")
    args = parser.parse_args()
    print(
        f"{'corpus':22} {'files':>5} {'gold':>5} {'pred':>5} {'P':>7} {'R':>7} {'F1':>7} {'MB/s':>6}"
    )
    for name, folder, files, gold_path, lang, body in _corpora(args.shared):
        gold = load_gold(gold_path)
        started = time.perf_counter()
        total, _ = score_corpus(folder, files, gold, lang=lang, body=body)
        elapsed = time.perf_counter() - started
        size = sum((folder / f).stat().st_size for f in files) / 1e6
        print(
            f"{name:22} {len(files):5} {total.gold:5} {total.predicted:5} "
            f"{total.precision:7.3f} {total.recall:7.3f} {total.f1:7.3f} {size / elapsed:6.1f}"
        )
        if args.errors:
            _print_errors(folder, files, gold, lang, body)
    return 0


def _print_errors(
    folder: Path,
    files: list[str],
    gold: dict[str, list[GoldMention]],
    lang: str,
    body: str | None,
) -> None:
    for name in files:
        text = (folder / name).read_text(encoding="utf-8")
        missed, false_hits = unmatched(extract(text, lang, body=body), gold.get(name, []))
        for g in missed:
            print(f"  MISS  {name} {g.start}-{g.end} {g.symbol} {text[g.start : g.end]!r}")
        for p in false_hits:
            print(f"  FALSE {name} {p.start}-{p.end} {p.symbol} {p.text!r}")


if __name__ == "__main__":
    sys.exit(main())
