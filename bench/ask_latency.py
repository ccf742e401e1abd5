"""Ask latency: the time ``Library.ask`` takes per question on a real library.

The library: the UN Charter in its six languages and the Chinese reports of
``../shared/data``, English and Chinese Charter versions aligned, and the FAQ of
``bench/data/faq`` imported. Questions: held-out FAQ paraphrases (answered from the FAQ) and
questions on the Charter (answered by quoted sentences), in several languages. The embedder
is loaded and warmed up before timing (a server does this once).

    .venv/bin/python bench/ask_latency.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from unlib.services.library import Library  # noqa: E402
from unlib.settings import load_settings  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
DOCUMENT_QUESTIONS = [
    ("What are the purposes of the United Nations?", None),
    ("联合国的宗旨是什么？", None),
    ("Who appoints the Secretary-General?", "zh"),
    ("¿Quién puede ser Miembro de las Naciones Unidas?", None),
    ("Какие функции у Совета по Опеке?", None),
    ("Quelle est la langue de travail de la Cour ?", None),
    ("ما هي وظائف الجمعية العامة؟", None),
    ("数字化转型对发展中国家有什么影响？", None),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    faq_questions = [
        (row["q"], None)
        for row in map(json.loads, (ROOT / "bench/data/faq/questions.jsonl").open())
    ][::4]
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(
            {}, config=Path(tmp) / "absent.toml", data=str(Path(tmp) / "data"), workers=1
        )
        with Library(settings, create=True) as library:
            files = sorted((SHARED / "un-charter").glob("un_charter_*.txt"))
            files += sorted((SHARED / "zh-reports").glob("*.txt"))
            report = library.ingest(files)
            charter = next(w["id"] for w in library.list_works() if "harter" in (w["title"] or ""))
            began = time.perf_counter()
            library.compare(charter, "en", "zh")
            align_s = time.perf_counter() - began
            library.faq().import_text((ROOT / "bench/data/faq/entries.json").read_text(), "json")
            library.ask("warm up the embedder and the index")
            for label, questions in (("faq", faq_questions), ("documents", DOCUMENT_QUESTIONS)):
                times, found = [], 0
                for _ in range(args.rounds):
                    for question, lang in questions:
                        t0 = time.perf_counter()
                        result = library.ask(question, lang)
                        times.append(1000 * (time.perf_counter() - t0))
                        found += result["found"]
                times.sort()
                p95 = times[int(0.95 * (len(times) - 1))]
                print(
                    f"{label:<10} {len(questions):>3} questions × {args.rounds}: "
                    f"median {statistics.median(times):.0f} ms, p95 {p95:.0f} ms, "
                    f"max {times[-1]:.0f} ms, found {found}/{len(times)}"
                )
            print(f"library: {report.ingested} files; aligning Charter en/zh took {align_s:.1f} s")


if __name__ == "__main__":
    main()
