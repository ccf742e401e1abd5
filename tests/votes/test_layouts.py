"""Telling voting-data layouts by their header, and finding the files that go together."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from unlib.votes.layouts import detect, plan_sources, read_rows

V2 = (
    "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,"
    "title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,"
    "total_non_voting,total_ms,undl_link"
)
V1 = (
    "undl_id,ms_codes,ms_names,ms_votes,resolutions,title,modality,draft,committee_report,"
    "meeting,agenda_titles,subjects,date,yes,no,abstentions,non-voting,total-voting,undl_link"
)
SC = (
    "undl_id,ms_code,ms_name,permanent_member,ms_vote,date,resolution,draft,meeting,"
    "description,agenda,subjects,vote_note,total_yes,total_no,total_abstentions,"
    "total_non_voting,total_ms,modality,undl_link"
)


@pytest.mark.parametrize(
    ("header", "layout"),
    [
        (V2, "undl-ga"),
        ("\ufeff" + V2.upper(), "undl-ga"),  # BOM and case do not matter
        (V1, "undl-ga-v1"),
        (SC, "undl-sc"),
        ("rcid,session,importantvote,date,unres,amend,para,short,descr", "unvotes-roll-calls"),
        ("rcid,country,country_code,vote", "unvotes-votes"),
        ("rcid,short_name,issue", "unvotes-issues"),
        ("a,b,c", None),
    ],
)
def test_detect(header: str, layout: str | None) -> None:
    assert detect(header.split(",")) == layout


def test_any_unvotes_file_brings_its_siblings(fixtures: Path) -> None:
    sources, problems = plan_sources([fixtures / "unvotes" / "un_votes.csv"])
    assert problems == [] and len(sources) == 1
    assert set(sources[0].files) == {"unvotes-roll-calls", "unvotes-votes", "unvotes-issues"}


def test_a_folder_holds_every_source(fixtures: Path) -> None:
    sources, problems = plan_sources([fixtures])
    assert problems == []
    layouts = sorted(next(iter(s.files)) if s.layout == "undl" else s.layout for s in sources)
    assert layouts == ["undl-ga", "undl-ga-v1", "undl-sc", "unvotes"]


def test_missing_roll_calls_and_unknown_files_are_reported(tmp_path: Path, fixtures: Path) -> None:
    shutil.copy(fixtures / "unvotes" / "un_votes.csv", tmp_path / "un_votes.csv")
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    sources, problems = plan_sources([tmp_path, tmp_path / "absent.csv"])
    assert sources == []
    reasons = sorted(p.reason for p in problems)
    assert reasons[0] == "no such file or folder"
    assert reasons[1].startswith("not a voting data file")
    assert "needs its un_roll_calls.csv" in reasons[2]


def test_rows_keep_line_numbers_and_flag_misfits(tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    path.write_bytes(
        b"\xef\xbb\xbfrcid,country,country_code,vote\r\n1,Namibia,NA,yes\r\n\r\n"
        b'2,"Bonaire, Sint Eustatius\nand Saba",BQ,no\r\n3,Chad,TD\r\n4,Peru,PE,yes,\r\n'
    )
    rows = list(read_rows(path))
    assert [r.line for r in rows] == [2, 4, 6, 7]
    assert rows[0].values["country_code"] == "NA"  # Namibia, not missing
    assert rows[1].values["country"] == "Bonaire, Sint Eustatius\nand Saba"
    assert rows[2].error == "3 fields where the header has 4"
    assert rows[3].error is None  # an empty trailing field is not a misfit


def test_semicolon_and_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    path.write_bytes("rcid;country;country_code;vote\n1;Côte d'Ivoire;CI;yes\n".encode("cp1252"))
    (row,) = read_rows(path)
    assert row.values["country"] == "Côte d'Ivoire"
