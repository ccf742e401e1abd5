"""Reading roll calls from the official Library layouts and from unvotes."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from tests.votes.helpers import line_of
from unlib.votes.model import ReadResult, RollCall
from unlib.votes.official import read_official
from unlib.votes.unvotes import read_unvotes


def _by_id(result: ReadResult) -> dict[str, RollCall]:
    return {call.source_id: call for call in result.roll_calls}


def _problems(result: ReadResult) -> list[tuple[int, str, bool]]:
    return [(p.line, p.reason, p.skipped) for p in result.problems]


def test_official_ga(fixtures: Path) -> None:
    path = fixtures / "ga_v2.csv"
    result = read_official(path, "undl-ga")
    calls = _by_id(result)
    assert result.rows == 16 and list(calls) == ["9000001", "9000002", "9000003"]
    gaza = calls["9000001"]
    assert gaza.resolution is not None and gaza.resolution.symbol == "A/RES/ES-10/21"
    assert (gaza.date, gaza.session, gaza.draft, gaza.meeting) == (
        "2023-10-27",
        "ES-10",
        "A/ES-10/L.25",
        "A/ES-10/PV.41",
    )
    assert gaza.subjects == [
        "TERRITORIES OCCUPIED BY ISRAEL--SETTLEMENT POLICY",
        "CIVILIAN PERSONS--PROTECTION",
    ]
    # An empty ms_vote is a member that did not vote.
    assert {v.code: v.vote for v in gaza.votes} == {
        "AFG": "Y",
        "BEN": "X",
        "DEU": "A",
        "USA": "N",
        "NAM": "Y",
        "HUN": "X",
    }
    assert gaza.totals_note() is None
    assert calls["9000002"].totals_note() == (
        "totals_mismatch: yes 4 stated, 3 counted; abstain 0 stated, 1 counted"
    )
    uniting = calls["9000003"]
    assert uniting.resolution is not None and uniting.resolution.keys == (
        "A/RES/377A",
        "A/RES/377B",
        "A/RES/377C",
    )
    assert {v.code for v in uniting.votes} == {"USA", "YUG", "CSK"}
    assert _problems(result) == [
        (line_of(path, ",AFGHANISTAN,Q,"), "unknown vote 'Q' (expected Y, N, A or X)", True),
        (
            line_of(path, "9000003,USA", 2),
            "second vote of USA on A/RES/377(V)[A-C]",
            True,
        ),
        (line_of(path, "9000003,GBR"), "19 fields where the header has 20", True),
    ]


def test_official_ga_version_1(fixtures: Path) -> None:
    (call,) = read_official(fixtures / "ga_v1.csv", "undl-ga-v1").roll_calls
    assert call.session == "47" and call.modality == "Recorded vote" and not call.without_vote
    assert {v.code: v.vote for v in call.votes}["ZAF"] == "X"  # NV
    assert call.totals_note() is None and call.stated.members == 5


def test_official_security_council(fixtures: Path) -> None:
    result = read_official(fixtures / "sc.csv", "undl-sc")
    kosovo, syria = result.roll_calls
    assert kosovo.resolution is not None and kosovo.resolution.keys == ("S/RES/1244",)
    assert kosovo.session is None and kosovo.body == "S"
    assert {v.code: v.permanent for v in kosovo.votes}["CHN"] is True
    assert {v.code: v.permanent for v in kosovo.votes}["GAB"] is False
    # Adopted without a vote: every member "Y", no totals stated, nothing to report.
    assert syria.without_vote and syria.totals_note() is None
    assert _problems(result) == [
        (
            line_of(fixtures / "sc.csv", ",NIG,"),
            "member state code NIG is not an ISO 3166 code; kept as written",
            False,
        )
    ]


def test_unvotes_fixture(fixtures: Path) -> None:
    folder = fixtures / "unvotes"
    votes = folder / "un_votes.csv"
    result = read_unvotes(folder / "un_roll_calls.csv", votes, folder / "un_roll_call_issues.csv")
    calls = _by_id(result)
    assert {v.code for v in calls["101"].votes} == {"USA", "YUG", "CSK", "DDR", "SUN"}
    assert calls["101"].important is True and calls["101"].issues == [("hr", "Human rights")]
    assert calls["101"].title == "Convention on the Rights of the Child"
    assert calls["102"].resolution is not None and len(calls["102"].resolution.parts) == 2
    assert [calls[r].kind for r in ("103", "104", "105", "106")] == [
        "resolution",
        "other",
        "paragraph",
        "other",
    ]
    assert calls["104"].important is None
    # No totals in unvotes: counted, and nothing to compare with.
    assert calls["102"].totals.yes == 1 and calls["102"].totals_note() is None
    assert _problems(result) == [
        (7, "resolution symbol 'R/61/ABC/9' not understood; kept unlinked", False),
        (line_of(votes, "999,"), "vote for unknown rcid '999'", True),
        (line_of(votes, "103,Namibia,NA,no"), "second vote of NAM in roll call 103", True),
        (line_of(votes, "Atlantis"), "unknown country 'Atlantis'", True),
        (line_of(votes, "maybe"), "unknown vote 'maybe' (expected Y, N, A or X)", True),
        (5, "issue for unknown rcid '998'", True),
    ]


def test_unvotes_sample_is_read_whole(shared_data: Path) -> None:
    folder = shared_data / "unvotes"
    result = read_unvotes(
        folder / "un_roll_calls.csv", folder / "un_votes.csv", folder / "un_roll_call_issues.csv"
    )
    assert result.problems == []
    assert len(result.roll_calls) == 1102 and result.rows == 192_641
    assert sum(len(call.votes) for call in result.roll_calls) == 192_641
    # Per-country counts agree with a plain csv reading of the file.
    with (folder / "un_votes.csv").open(encoding="utf-8", newline="") as f:
        expected = Counter(row["country_code"] for row in csv.DictReader(f))
    counted = Counter(v.code for call in result.roll_calls for v in call.votes)
    assert counted["NAM"] == expected["NA"] and counted["YUG"] == expected["YU"]
    assert len(counted) == len(expected)
    symbols = {call.source_id: call.resolution for call in result.roll_calls}
    assert symbols["4593"] is not None and symbols["4593"].symbol == "A/RES/60/251"
    assert symbols["4713"] is not None and symbols["4713"].symbol == "A/RES/61/128 A-B"
    assert sum(1 for ref in symbols.values() if ref is None) == 4  # the empty unres rows
