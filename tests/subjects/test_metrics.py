"""Ranking metrics against values worked out by hand."""

from __future__ import annotations

import math

import pytest

from unlib.subjects.metrics import f1_at, mean_scores, ndcg_at, precision_at, recall_at

RANKED = ["a", "x", "b", "y", "z", "c"]
GOLD = {"a", "b", "c", "d"}


def test_precision_recall_and_f1() -> None:
    assert precision_at(RANKED, GOLD, 1) == 1.0
    assert precision_at(RANKED, GOLD, 3) == pytest.approx(2 / 3)
    assert precision_at(RANKED, GOLD, 5) == pytest.approx(2 / 5)
    assert recall_at(RANKED, GOLD, 5) == pytest.approx(2 / 4)
    assert f1_at(RANKED, GOLD, 5) == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    assert f1_at(["q"], GOLD, 5) == 0.0
    assert f1_at(["a"], {"a"}, 5) == 1.0  # one right suggestion given, one wanted


def test_ndcg() -> None:
    gain = 1 + 1 / math.log2(4) + 1 / math.log2(7)
    ideal = sum(1 / math.log2(i + 2) for i in range(4))
    assert ndcg_at(RANKED, GOLD, 10) == pytest.approx(gain / ideal)
    assert ndcg_at(["a", "b", "c", "d"], GOLD, 10) == pytest.approx(1.0)
    assert ndcg_at(RANKED, set(), 10) == 0.0


def test_means_leave_out_documents_without_gold() -> None:
    means = mean_scores([(["a"], {"a"}), (["b"], {"c"}), (["a"], set())])
    assert means["P@1"] == 0.5 and means["NDCG@10"] == 0.5
