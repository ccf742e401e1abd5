"""The parts of SDG classification that need no model: cutting texts into passages, document
scores, judgement files, goal numbers, and the CLI's promises on empty and bad input."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from unlib.cli.main import app
from unlib.sdg.classifier import document_scores, rank, split_passages
from unlib.sdg.features import MEMORY, Memory, memory_features
from unlib.sdg.judgements import JudgementFileError, read_judgements
from unlib.services.library import Library
from unlib.services.sdg_search import goal_filter, parse_goal
from unlib.services.search import SearchRequest
from unlib.store.goals import goal_counts


def test_short_text_is_one_passage_and_long_text_is_cut_at_paragraphs() -> None:
    assert split_passages("  one  short\ntext ") == ["one short text"]
    assert split_passages(" \n\t ") == []
    paragraphs = [f"Paragraph {n} " + "word " * 60 for n in range(10)]
    pieces = split_passages("\n\n".join(paragraphs), size=700)
    assert all(len(p) <= 700 for p in pieces)
    assert len(pieces) >= 4
    assert " ".join(pieces).split() == " ".join(paragraphs).split()


def test_an_unbroken_paragraph_is_cut_at_spaces() -> None:
    pieces = split_passages("word " * 500, size=300)
    assert all(0 < len(p) <= 300 for p in pieces)
    assert all(set(p.split()) == {"word"} for p in pieces)


def test_document_score_is_the_mean_of_the_best_passages() -> None:
    per_passage = np.zeros((9, 17))
    per_passage[:, 6] = [0.9, 0.9, 0.9, 0, 0, 0, 0, 0, 0]  # goal 7 treated at length
    per_passage[0, 2] = 0.9  # goal 3 mentioned once
    scores = document_scores(per_passage)
    assert scores[6] == pytest.approx(0.9)
    assert scores[2] == pytest.approx(0.3)
    ranked = rank(scores)
    assert [s.goal for s in ranked[:2]] == [7, 3]
    assert sorted(s.goal for s in ranked) == list(range(1, 18))
    assert len(document_scores(np.zeros((0, 17)))) == 17


def test_neighbour_features_leave_the_text_itself_out() -> None:
    # Three judged texts on goal 2 (unit vectors on two axes), one judged "yes" on goal 5.
    vectors = np.array([[1, 0], [1, 0], [0, 1], [0.6, 0.8]], dtype=np.float32)
    memory = Memory(
        vectors=vectors,
        goals=np.array([2, 2, 2, 5]),
        labels=np.array([True, True, False, True]),
        ids=np.array([0, 1, 2, 3]),
    )
    x = memory_features(memory, vectors[:1], skip=[0])
    assert x.shape == (1, 17, len(MEMORY))
    near = dict(zip(MEMORY, x[0, 1], strict=True))
    assert near["near1_yes"] == pytest.approx(1.0)  # text 1, not text 0 itself
    assert near["near3_yes"] == pytest.approx(1.0)  # text 0 left out: only text 1 is "yes"
    assert near["near1_no"] == pytest.approx(0.0)
    assert 0.99 < near["vote30"] <= 1.0
    assert near["near_margin"] == pytest.approx(1.0 - 0.6)
    assert not x[0, 3, :-1].any()  # goal 4: nobody judged it (the margin is negative)
    with_self = memory_features(memory, vectors[:1])
    assert with_self[0, 1, MEMORY.index("near10_yes")] == pytest.approx(1.0)


def test_benchmark_judgements_are_read(shared_data: Path) -> None:
    rows = read_judgements(shared_data / "sdg-classification-benchmark" / "dev.csv")
    assert len(rows) > 600
    assert {r.label for r in rows} == {True, False}
    assert {r.goal for r in rows} == set(range(1, 18))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("text,goal\nA text,3\n", "missing: label, sdg"),
        ("text,sdg,label\nA text,18,True\n", "row 2: sdg must be 1 to 17"),
        ("text,sdg,label\nA text,4,maybe\n", "row 2: label must be True or False"),
        ("text,sdg,label\n,4,True\n", "row 2: the text is empty"),
    ],
)
def test_bad_judgement_files_say_what_and_where(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "judged.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(JudgementFileError, match=message):
        read_judgements(path)


def test_a_goal_no_work_holds_filters_everything_out(new_library: Callable[[], Library]) -> None:
    library = new_library()
    assert goal_filter(library.catalogue, 5).impossible
    assert goal_counts(library.catalogue) == {}
    assert library.search(SearchRequest("", sdg=5))["total"] == 0


def test_goal_numbers() -> None:
    assert parse_goal("7") == 7
    assert parse_goal("SDG 16") == 16
    assert parse_goal("") is None
    with pytest.raises(ValueError, match="1 to 17"):
        parse_goal("18")


runner = CliRunner()


def test_cli_empty_stdin_is_an_empty_list(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["--data", str(tmp_path / "d"), "sdg", "classify", "--lang", "zh", "--json"], input=""
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_cli_bad_language_exits_2_with_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["--data", str(tmp_path / "d"), "sdg", "classify", "--lang", "de", "--json"],
        input="Renewable energy for all.",
    )
    assert result.exit_code == 2
    assert "unknown language 'de'" in result.stderr
    assert "ar zh en fr ru es" in result.stderr
