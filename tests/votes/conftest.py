"""Voting-data fixtures: small CSV files in the official and unvotes layouts (see
fixtures/README.md: symbols are real, votes and totals invented)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
