"""Importing voting data into a library: works linked or created, re-import, updates,
totals mismatches and skipped rows reported."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.votes.helpers import line_of
from unlib.services import votes
from unlib.services.library import Library


@pytest.fixture
def library(new_library: Callable[..., Library]) -> Library:
    return new_library()


def _import(library: Library, *paths: Path) -> dict[str, Any]:
    return votes.import_votes(library.catalogue, list(paths))


def test_import_everything_and_report(library: Library, fixtures: Path) -> None:
    summary = _import(library, fixtures)
    assert len(summary["sources"]) == 4
    assert summary["roll_calls"] == {"read": 12, "added": 12, "updated": 0, "unchanged": 0}
    # 7 vote rows skipped (the 8th skipped row is an issue row).
    assert summary["votes"] == {"read": 49, "written": 42}
    assert summary["resolutions"] == {"linked": 0, "created": 12}
    assert summary["totals_mismatch_count"] == 2
    ga = str(fixtures / "ga_v2.csv")
    assert {(m["symbol"], m["file"], m["line"]) for m in summary["totals_mismatches"]} == {
        ("A/RES/73/6", ga, line_of(fixtures / "ga_v2.csv", "9000002")),
        ("A/RES/377 A-C (V)", ga, line_of(fixtures / "ga_v2.csv", "9000003")),
    }
    assert summary["skipped_count"] == 8 and summary["warning_count"] == 2
    assert all({"file", "line", "reason"} <= set(s) for s in summary["skipped"])


def test_reimport_adds_nothing(library: Library, fixtures: Path) -> None:
    _import(library, fixtures)
    works = library.catalogue.count_works()
    again = _import(library, fixtures / "unvotes" / "un_roll_calls.csv", fixtures / "sc.csv")
    assert again["roll_calls"] == {"read": 8, "added": 0, "updated": 0, "unchanged": 8}
    assert again["resolutions"] == {"linked": 0, "created": 0}
    assert library.catalogue.count_works() == works


def test_a_newer_file_updates_what_changed(
    library: Library, fixtures: Path, tmp_path: Path
) -> None:
    path = tmp_path / "2026_02_06_ga_voting.csv"
    shutil.copy(fixtures / "ga_v1.csv", path)
    _import(library, path)
    text = path.read_text(encoding="utf-8").replace("MEXICO,Y,", "MEXICO,A,")
    path.write_text(text.replace(",2,1,1,1,5,", ",1,1,2,1,5,"), encoding="utf-8")
    summary = _import(library, path)
    assert summary["roll_calls"] == {"read": 1, "added": 0, "updated": 1, "unchanged": 0}
    record = votes.show(library.catalogue, "A/RES/47/19")
    assert isinstance(record, dict)
    assert record["votes"]["MEX"] == "A" and (record["yes"], record["abstain"]) == (1, 2)
    assert record["totals_mismatch"] is None


def test_works_are_created_without_files(library: Library, fixtures: Path) -> None:
    _import(library, fixtures / "ga_v2.csv")
    work = library.show("a/res/es-10/21")
    assert (work["type"], work["body"], work["session"], work["versions"]) == (
        "resolution",
        "A",
        "ES-10",
        [],
    )
    assert (work["date"], work["adopted"], work["meeting"]) == (
        "2023-10-27",
        "2023-10-27",
        "A/ES-10/PV.41",
    )
    for part in ("A/RES/377 A (V)", "A/RES/377 B (V)", "A/RES/377 C (V)"):
        assert library.show(part)["symbol"] == part


def test_a_held_document_is_linked(library: Library, fixtures: Path, shared_data: Path) -> None:
    library.ingest([shared_data / "ga-resolution-pdfs-en" / "A_RES_73_6-EN.pdf"])
    before = library.show("A/RES/73/6")
    summary = _import(library, fixtures / "ga_v2.csv")
    assert summary["resolutions"] == {"linked": 1, "created": 4}
    record = votes.show(library.catalogue, "A/RES/73/6")
    assert isinstance(record, dict)
    assert record["resolutions"] == [{"symbol": "A/RES/73/6", "key": "A/RES/73/6", "held": True}]
    after = library.show("A/RES/73/6")
    assert after["date"] == before["date"] and after["versions"] == before["versions"]


def test_mismatched_totals_stay_visible(library: Library, fixtures: Path) -> None:
    _import(library, fixtures / "ga_v2.csv")
    record = votes.show(library.catalogue, "A/RES/73/6")
    assert isinstance(record, dict)
    assert (record["yes"], record["abstain"], record["totals_source"]) == (4, 0, "source")
    assert record["counted"] == {"yes": 3, "no": 0, "abstain": 1, "non_voting": 0, "members": 4}
    assert record["totals_mismatch"].startswith("totals_mismatch: yes 4 stated, 3 counted")
    line = votes.list_roll_calls(library.catalogue, session="73")["roll_calls"][0]
    assert line["totals_mismatch"] == record["totals_mismatch"]


def test_the_same_vote_from_two_sources_counts_once(
    library: Library, fixtures: Path, tmp_path: Path
) -> None:
    _import(library, fixtures / "unvotes")
    header = (fixtures / "ga_v2.csv").read_text(encoding="utf-8").splitlines()[0]
    rows = [
        f"9300001,{code},{name},{vote},1989-12-15,44,A/RES/44/25,A/44/L.1,,A/44/PV.61,"
        f"Convention on the Rights of the Child,Children,CHILDREN,,2,1,0,0,3,"
        for code, name, vote in (
            ("USA", "UNITED STATES", "Y"),
            ("YUG", "YUGOSLAVIA", "Y"),
            ("SUN", "USSR", "N"),
        )
    ]
    official = tmp_path / "ga.csv"
    official.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    summary = _import(library, official)
    assert summary["duplicates"] == 1 and summary["resolutions"]["linked"] == 1
    record = votes.show(library.catalogue, "R/44/25")
    assert isinstance(record, dict) and record["id"] == "undl:9300001"
    # The unvotes copy stays reachable by its id.
    copy = votes.show(library.catalogue, "unvotes:101")
    assert isinstance(copy, dict) and copy["source"] == "unvotes"


def test_lookup_by_parts_and_ids(library: Library, fixtures: Path) -> None:
    _import(library, fixtures)
    both = votes.show(library.catalogue, "R/61/128AB")
    assert isinstance(both, dict) and both["id"] == "unvotes:102"
    part_a = votes.show(library.catalogue, "A/RES/61/128 A")
    assert isinstance(part_a, list) and [r["id"] for r in part_a] == ["unvotes:102", "unvotes:103"]
    whole = votes.show(library.catalogue, "A/RES/61/128")
    assert isinstance(whole, list) and len(whole) == 2
    uniting = votes.show(library.catalogue, "A/RES/377 B (V)")
    assert isinstance(uniting, dict) and uniting["undl_id"] == "9000003"
    motion = votes.show(library.catalogue, "unvotes:104")
    assert isinstance(motion, dict) and motion["symbol"] is None and motion["kind"] == "other"
    # No resolution number: adoption is computed, and a tie (1 yes, 1 no) fails.
    assert motion["adopted"] is False and motion["adopted_basis"].startswith("computed")
    with pytest.raises(votes.VotesNotFound, match="no recorded vote on A/RES/99/1"):
        votes.show(library.catalogue, "A/RES/99/1")
    with pytest.raises(votes.VotesNotFound, match="neither a resolution symbol"):
        votes.show(library.catalogue, "hello")
