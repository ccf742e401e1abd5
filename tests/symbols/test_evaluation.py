"""Extraction against the hand-checked gold (tests/symbols/gold): precision and recall >= 0.97."""

from __future__ import annotations

from pathlib import Path

import pytest

from unlib.model import Mention
from unlib.symbols.evaluation import GoldMention, load_gold, score_corpus, score_file

GOLD = Path(__file__).parent / "gold"


def test_zh_reports(shared_data: Path) -> None:
    folder = shared_data / "zh-reports"
    files = sorted(p.name for p in folder.glob("*.txt"))
    assert len(files) == 5
    gold = load_gold(GOLD / "zh-reports.jsonl")
    assert set(gold) == set(files)
    total, _ = score_corpus(folder, files, gold, lang="zh", body=None)
    assert total.gold >= 200
    assert total.precision >= 0.97 and total.recall >= 0.97


def test_security_council_resolutions(shared_data: Path) -> None:
    folder = shared_data / "unsc-resolutions-en" / "texts"
    files = (GOLD / "unsc-resolutions-en.files.txt").read_text(encoding="utf-8").split()
    assert len(files) >= 100
    gold = load_gold(GOLD / "unsc-resolutions-en.jsonl")
    assert set(gold) <= set(files)
    total, _ = score_corpus(folder, files, gold, lang="en", body="S")
    assert total.gold >= 1000
    assert total.precision >= 0.97 and total.recall >= 0.97


def test_gold_offsets_point_at_their_text(shared_data: Path) -> None:
    import json

    for name, folder in (
        ("zh-reports.jsonl", shared_data / "zh-reports"),
        ("unsc-resolutions-en.jsonl", shared_data / "unsc-resolutions-en" / "texts"),
    ):
        texts: dict[str, str] = {}
        for line in (GOLD / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            text = texts.setdefault(row["file"], (folder / row["file"]).read_text(encoding="utf-8"))
            assert text[row["start"] : row["end"]] == row["text"]
            assert row["kind"] in ("resolution", "decision", "meeting", "document")


def test_scoring_rules() -> None:
    gold = [
        GoldMention("f", 0, 10, "A/78/1", "document"),
        GoldMention("f", 20, 30, "S/PV.1", "meeting"),
    ]
    predicted = [
        Mention("A/78/1", "A/78/1", "x", 5, 12, "document"),  # overlaps: a match
        Mention("A/78/1", "A/78/1", "x", 5, 12, "document"),  # gold already used: a false hit
        Mention("S/PV.2", "S/PV.2", "x", 20, 30, "meeting"),  # wrong symbol
    ]
    score = score_file(predicted, gold)
    assert (score.gold, score.predicted, score.matched_gold) == (2, 3, 1)
    assert score.precision == pytest.approx(1 / 3) and score.recall == pytest.approx(0.5)


def test_bad_gold_line_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"file": "a", "start": 1}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl:1"):
        load_gold(path)
