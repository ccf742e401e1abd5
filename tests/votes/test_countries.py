"""Country codes and names as the voting and speech sources write them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from unlib.votes.countries import (
    alpha3_from_alpha2,
    alpha3_from_name,
    country_name,
    fold,
    is_known_code,
)


@pytest.mark.parametrize(
    ("alpha2", "name", "alpha3"),
    [
        ("NA", "Namibia", "NAM"),  # the string "NA" is Namibia, not a missing value
        ("US", "United States", "USA"),
        ("YU", "Yugoslavia", "YUG"),  # historical codes are kept (ISO 3166-3)
        ("DD", "German Democratic Republic", "DDR"),
        ("SU", "Soviet Union", "SUN"),
        ("CS", "Czechoslovakia", "CSK"),  # CS is also Serbia and Montenegro: the name decides
        ("CS", "Serbia and Montenegro", "SCG"),
    ],
)
def test_alpha2_to_alpha3(alpha2: str, name: str, alpha3: str) -> None:
    assert alpha3_from_alpha2(alpha2, name) == alpha3


def test_unknown_alpha2_is_none() -> None:
    assert alpha3_from_alpha2("ZZ", "Atlantis") is None
    assert alpha3_from_alpha2("CS") is None  # ambiguous without a name


def test_every_unvotes_name_agrees_with_its_code(shared_data: Path) -> None:
    with (shared_data / "unvotes" / "un_votes.csv").open(encoding="utf-8", newline="") as f:
        pairs = {(row["country_code"], row["country"]) for row in csv.DictReader(f)}
    assert ("NA", "Namibia") in pairs
    for alpha2, name in pairs:
        assert alpha3_from_alpha2(alpha2, name) == alpha3_from_name(name), name


def test_speaker_list_names(shared_data: Path) -> None:
    path = shared_data / "ungdc" / "speakers_by_session.csv"
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    matched = [row for row in rows if alpha3_from_name(row["Country"]) == row["ISO Code"]]
    # Most names read as their code; the misspelt codes read as the right one.
    assert len(matched) / len(rows) > 0.95
    by_name = {row["ISO Code"]: alpha3_from_name(row["Country"]) for row in rows}
    assert by_name["POR"] == "PRT" and by_name["ZFA"] == "ZAF" and by_name["PKR"] == "PRK"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("St. Kitts & Nevis", "KNA"),
        ("Côte d’Ivoire", "CIV"),
        ("Republic of Cote d'Ivoire", "CIV"),
        ("Congo - Kinshasa", "COD"),
        ("Republic of Rwanda", "RWA"),
        ("TÜRKIYE", "TUR"),
        ("Korea, Republic of", "KOR"),
        ("European Union", "EU"),
        ("Atlantis", None),
    ],
)
def test_names(name: str, code: str | None) -> None:
    assert alpha3_from_name(name) == code


def test_readable_names_and_known_codes() -> None:
    assert country_name("YUG") == "Yugoslavia"
    assert country_name("NAM") == "Namibia"
    assert country_name("EU") == "European Union"
    assert country_name("XXX") is None
    assert all(is_known_code(c) for c in ("USA", "YUG", "CSK", "EU"))
    assert not is_known_code("NIG")


def test_fold() -> None:
    assert fold("  São Tomé & Príncipe ") == "sao tome and principe"
