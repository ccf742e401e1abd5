"""Expert judgements read from a CSV (``text,sdg,label`` columns, as the SDG Classification
Benchmark writes them): is goal ``sdg`` addressed by ``text``, true or false."""

from __future__ import annotations

import csv
from pathlib import Path

from unlib.sdg.taxonomy import GOAL_COUNT
from unlib.sdg.training import Judgement

_TRUE = {"true", "1", "yes"}
_FALSE = {"false", "0", "no"}


class JudgementFileError(ValueError):
    """A judgement file is missing, unreadable or has a bad row."""


def read_judgements(path: Path) -> list[Judgement]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"text", "sdg", "label"} - set(reader.fieldnames or ())
            if missing:
                raise JudgementFileError(
                    f"{path}: needs the columns text, sdg and label (missing: "
                    f"{', '.join(sorted(missing))})"
                )
            return [_row(path, n, row) for n, row in enumerate(reader, 2)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise JudgementFileError(f"{path}: cannot read the judgements ({exc})") from None


def _row(path: Path, line: int, row: dict[str, str]) -> Judgement:
    goal = (row.get("sdg") or "").strip()
    label = (row.get("label") or "").strip().lower()
    text = (row.get("text") or "").strip()
    if not goal.isdigit() or not 1 <= int(goal) <= GOAL_COUNT:
        raise JudgementFileError(f"{path}, row {line}: sdg must be 1 to 17, not {goal!r}")
    if label not in _TRUE | _FALSE:
        raise JudgementFileError(f"{path}, row {line}: label must be True or False, not {label!r}")
    if not text:
        raise JudgementFileError(f"{path}, row {line}: the text is empty")
    return Judgement(text, int(goal), label in _TRUE)
