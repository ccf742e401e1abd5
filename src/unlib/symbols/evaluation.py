"""Score symbol extraction against hand-checked gold annotations (JSONL).

A gold line: ``{"file", "start", "end", "symbol", "kind", "text"}`` with code-point offsets into
the file read as ``Path.read_text(encoding="utf-8")``. A predicted mention matches a gold one
when the normalized symbols are equal and the spans overlap; each gold mention is matched at
most once.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from unlib.model import Mention
from unlib.symbols.extract import extract


@dataclass(frozen=True, slots=True)
class GoldMention:
    file: str
    start: int
    end: int
    symbol: str
    kind: str


@dataclass(frozen=True, slots=True)
class Score:
    gold: int
    predicted: int
    matched_gold: int
    matched_predicted: int

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def load_gold(path: Path) -> dict[str, list[GoldMention]]:
    """Gold mentions by file name."""
    by_file: dict[str, list[GoldMention]] = defaultdict(list)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            mention = GoldMention(
                row["file"], int(row["start"]), int(row["end"]), row["symbol"], row["kind"]
            )
        except (ValueError, KeyError) as error:
            raise ValueError(f"{path}:{number}: not a gold annotation line ({error})") from error
        by_file[mention.file].append(mention)
    return by_file


def unmatched(
    predicted: Iterable[Mention], gold: Iterable[GoldMention]
) -> tuple[list[GoldMention], list[Mention]]:
    """Match predictions to gold one to one (same symbol, overlapping span); return the gold
    mentions left unmatched (misses) and the predictions left unmatched (false hits)."""
    remaining = list(gold)
    false_hits: list[Mention] = []
    for mention in predicted:
        for index, candidate in enumerate(remaining):
            if candidate.symbol == mention.symbol and _overlap(candidate, mention):
                del remaining[index]
                break
        else:
            false_hits.append(mention)
    return remaining, false_hits


def score_file(predicted: Iterable[Mention], gold: Iterable[GoldMention]) -> Score:
    predictions, wanted = list(predicted), list(gold)
    missed, false_hits = unmatched(predictions, wanted)
    return Score(
        len(wanted),
        len(predictions),
        len(wanted) - len(missed),
        len(predictions) - len(false_hits),
    )


def score_corpus(
    folder: Path,
    files: Iterable[str],
    gold: dict[str, list[GoldMention]],
    *,
    lang: str | None,
    body: str | None,
) -> tuple[Score, dict[str, Score]]:
    """Run ``extract`` on each file and add up the scores (also returned per file)."""
    per_file: dict[str, Score] = {}
    for name in files:
        text = (folder / name).read_text(encoding="utf-8")
        per_file[name] = score_file(extract(text, lang, body=body), gold.get(name, []))
    total = Score(
        sum(s.gold for s in per_file.values()),
        sum(s.predicted for s in per_file.values()),
        sum(s.matched_gold for s in per_file.values()),
        sum(s.matched_predicted for s in per_file.values()),
    )
    return total, per_file


def _overlap(gold: GoldMention, mention: Mention) -> bool:
    return gold.start < mention.end and mention.start < gold.end
