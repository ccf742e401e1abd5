"""Votes services on the real unvotes sample: agreement against a reference computed from the
raw files, country records, lists, exports."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_settings
from unlib.services import votes
from unlib.services.library import Library

SCORES = {("yes", "yes"): 1.0, ("no", "no"): 1.0, ("abstain", "abstain"): 1.0}


@pytest.fixture(scope="module")
def library(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("votes") / "data"
    with Library(make_settings(folder), create=True) as library:
        summary = votes.import_votes(library.catalogue, [shared_data / "unvotes"])
        assert summary["roll_calls"]["added"] == 1102 and summary["skipped_count"] == 0
        yield library


@pytest.fixture(scope="module")
def raw(shared_data: Path) -> dict[str, dict[str, str]]:
    """rcid → {alpha-2 code: vote} straight from un_votes.csv."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    with (shared_data / "unvotes" / "un_votes.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            found[row["rcid"]][row["country_code"]] = row["vote"]
    return found


def _reference(raw: dict[str, dict[str, str]], a: str, b: str) -> tuple[float, int]:
    scores = []
    for by_country in raw.values():
        if a in by_country and b in by_country:
            pair = (by_country[a], by_country[b])
            scores.append(SCORES.get(pair, 0.5 if "abstain" in pair else 0.0))
    return round(sum(scores) / len(scores), 4), len(scores)


@pytest.mark.parametrize(
    ("a", "b", "a2", "b2"),
    [("USA", "ISR", "US", "IL"), ("FRA", "GBR", "FR", "GB"), ("NAM", "CUB", "NA", "CU")],
)
def test_agreement_matches_a_reference(
    library: Library, raw: dict[str, dict[str, str]], a: str, b: str, a2: str, b2: str
) -> None:
    result = votes.agreement(library.catalogue, a, b)
    assert isinstance(result, dict)
    expected, count = _reference(raw, a2, b2)
    assert (result["a"], result["b"], result["agreement"], result["roll_calls"]) == (
        a,
        b,
        expected,
        count,
    )
    years = votes.agreement(library.catalogue, a.lower(), b2, by_year=True)
    assert isinstance(years, list) and years
    assert sum(y["roll_calls"] for y in years) == count
    assert all({"a", "b", "year", "agreement", "roll_calls"} <= set(y) for y in years)
    assert [y["year"] for y in years] == sorted(y["year"] for y in years)


def test_agreement_with_unknown_country(library: Library) -> None:
    with pytest.raises(votes.VotesNotFound, match="no votes of ATA"):
        votes.agreement(library.catalogue, "USA", "ATA")
    with pytest.raises(votes.VotesNotFound, match="not a country"):
        votes.agreement(library.catalogue, "USA", "Atlantis")


def test_country_record(library: Library, raw: dict[str, dict[str, str]]) -> None:
    record = votes.country_record(library.catalogue, "Namibia", other="ZAF")
    expected = Counter(by_country["NA"] for by_country in raw.values() if "NA" in by_country)
    assert record["country"] == "NAM" and record["name"] == "Namibia"
    assert record["roll_calls"] == sum(expected.values()) == len(record["votes"])
    assert (record["yes"], record["no"], record["abstain"]) == (
        expected["yes"],
        expected["no"],
        expected["abstain"],
    )
    assert sum(y["roll_calls"] for y in record["by_year"]) == record["roll_calls"]
    assert [v["date"] for v in record["votes"]] == sorted(v["date"] for v in record["votes"])
    assert record["agreement_with"][0]["b"] == "ZAF"
    assert record["speeches"] == []  # none imported here


def test_show_several_roll_calls(library: Library) -> None:
    records = votes.show(library.catalogue, "A/RES/60/230")
    assert isinstance(records, list)
    assert [(r["id"], r["kind"]) for r in records] == [
        ("unvotes:4595", "resolution"),
        ("unvotes:5776", "paragraph"),
        ("unvotes:5777", "paragraph"),
    ]
    one = records[0]
    assert one["yes"] == sum(1 for v in one["votes"].values() if v == "Y")
    assert one["totals_source"] == "counted" and one["totals_mismatch"] is None
    assert sorted(one["by_vote"]["N"]) == sorted(c for c, v in one["votes"].items() if v == "N")


def test_list_and_tables(library: Library, shared_data: Path) -> None:
    with (shared_data / "unvotes" / "un_roll_calls.csv").open(encoding="utf-8") as f:
        session_61 = sum(1 for row in csv.DictReader(f) if row["session"] == "61")
    listed = votes.list_roll_calls(library.catalogue, session="61", limit=5, offset=2)
    assert listed["total"] == session_61 and len(listed["roll_calls"]) == 5
    assert votes.list_roll_calls(library.catalogue, year=2006, body="GA")["total"] > 0
    table = votes.list_table(listed).to_csv().splitlines()
    assert table[0].startswith("id,symbol,date,session,body,kind,title,yes,no,abstain")
    assert len(table) == 6
    show = votes.roll_call_table([votes.roll_calls(library.catalogue, "R/60/251")[0]])
    assert show.to_json()[0].keys() == {"roll_call", "symbol", "date", "country", "name", "vote"}
    assert len(show.rows) == 177
    assert votes.overview(library.catalogue)["votes"] == 192_641
