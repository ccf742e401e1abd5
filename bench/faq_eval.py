"""FAQ matching across languages: top-1 accuracy on held-out paraphrases.

``bench/data/faq/entries.json`` holds 22 curated entries (each in one to two languages, with
a few variant phrasings); ``bench/data/faq/questions.jsonl`` holds paraphrased questions in
the six languages, written separately and never used as an entry's question or variant (the
script checks this), plus questions no entry answers (``key`` null). The entries are imported
into a fresh library, every question is matched, and the script prints accuracy per language:

* top-1: the best entry is the right one (questions with an answer);
* accepted: the right entry is the best *and* clears the match threshold (what Ask shows);
* false accepts: unanswerable questions that Ask would answer from the FAQ anyway.

    .venv/bin/python bench/faq_eval.py [--embedder use]

``evaluate(embedder_name)`` returns the same figures as a dict, for ``bench/crosslingual.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "faq"
sys.path.insert(0, str(ROOT / "src"))

from unlib.faq.match import MATCH_THRESHOLD  # noqa: E402
from unlib.services.library import Library  # noqa: E402
from unlib.settings import load_settings  # noqa: E402


def load_questions() -> list[dict[str, Any]]:
    lines = (DATA / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _check_held_out(questions: list[dict[str, Any]]) -> None:
    entries = json.loads((DATA / "entries.json").read_text(encoding="utf-8"))["entries"]
    phrasings = {
        phrase
        for entry in entries
        for text in entry["texts"].values()
        for phrase in (text["question"], *text["variants"])
    }
    leaked = [q["q"] for q in questions if q["q"] in phrasings]
    if leaked:
        raise SystemExit(f"test questions copied from the entries: {leaked}")


def evaluate(embedder_name: str = "use") -> dict[str, Any]:
    """Top-1 and accepted accuracy per language, false accepts, and matching time."""
    questions = load_questions()
    _check_held_out(questions)
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(
            {}, config=Path(tmp) / "absent.toml", data=str(Path(tmp) / "data"), workers=1
        )
        with Library(settings, create=True) as library:
            service = _service(library, embedder_name)
            service.import_text((DATA / "entries.json").read_text(encoding="utf-8"), "json")
            service.vectors()  # load once: timing below is per question
            return _score(service, questions)


def _service(library: Library, embedder_name: str) -> Any:
    from unlib.embed import get_embedder
    from unlib.services.faq import FaqService

    return FaqService(library.catalogue, get_embedder(embedder_name))


def _score(service: Any, questions: list[dict[str, Any]]) -> dict[str, Any]:
    per_lang: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses = []
    false_accepts = []
    began = time.perf_counter()
    for question in questions:
        ranked = service.rank(question["q"], limit=3)
        best_key, best_score = ranked[0] if ranked else (None, 0.0)
        row = per_lang[question["lang"]]
        if question["key"] is None:
            row["unanswerable"] += 1
            if best_score >= MATCH_THRESHOLD:
                row["false_accepts"] += 1
                false_accepts.append((question["q"], best_key, round(best_score, 3)))
            continue
        row["questions"] += 1
        right = best_key == question["key"]
        row["top1"] += right
        row["accepted"] += right and best_score >= MATCH_THRESHOLD
        if not right or best_score < MATCH_THRESHOLD:
            misses.append((question["q"], question["key"], best_key, round(best_score, 3)))
    seconds = time.perf_counter() - began
    total = {
        name: sum(row[name] for row in per_lang.values())
        for name in ("questions", "top1", "accepted", "unanswerable", "false_accepts")
    }
    return {
        "embedder": service.embedder.name,
        "threshold": MATCH_THRESHOLD,
        "per_language": {lang: dict(row) for lang, row in sorted(per_lang.items())},
        "total": total,
        "top1_accuracy": total["top1"] / max(1, total["questions"]),
        "accepted_accuracy": total["accepted"] / max(1, total["questions"]),
        "false_accept_rate": total["false_accepts"] / max(1, total["unanswerable"]),
        "ms_per_question": 1000 * seconds / max(1, len(questions)),
        "misses": misses,
        "false_accepts": false_accepts,
    }


def print_table(result: dict[str, Any]) -> None:
    print(f"FAQ matching, embedder {result['embedder']}, threshold {result['threshold']}")
    print(
        f"{'lang':<6}{'questions':>10}{'top-1':>8}{'accepted':>10}{'unanswerable':>14}{'false acc.':>12}"
    )
    rows = [*result["per_language"].items(), ("all", result["total"])]
    for lang, row in rows:
        n = row.get("questions", 0)
        top1 = row.get("top1", 0) / n if n else 0.0
        accepted = row.get("accepted", 0) / n if n else 0.0
        print(
            f"{lang:<6}{n:>10}{top1:>8.2f}{accepted:>10.2f}"
            f"{row.get('unanswerable', 0):>14}{row.get('false_accepts', 0):>12}"
        )
    print(
        f"top-1 {result['top1_accuracy']:.3f}  accepted {result['accepted_accuracy']:.3f}  "
        f"false accepts {result['false_accept_rate']:.3f}  {result['ms_per_question']:.1f} ms/question"
    )
    for question, wanted, got, score in result["misses"]:
        print(f"  miss: {question!r}: wanted {wanted}, got {got} ({score})")
    for question, got, score in result["false_accepts"]:
        print(f"  false accept: {question!r} -> {got} ({score})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", default="use")
    args = parser.parse_args(argv)
    print_table(evaluate(args.embedder))


if __name__ == "__main__":
    main()
