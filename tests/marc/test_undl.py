"""Reading real UN Digital Library MARCXML records, checked field by field against the
summary that ships with the data (made by another program from the same records)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from unlib.marc.reader import MarcError, MarcRecord, read_records
from unlib.marc.undl import UndlRecord, read_undl

FOLDER = "undl-marc-a-c3-78"


@pytest.fixture(scope="module")
def records(shared_data: Path) -> list[MarcRecord]:
    return list(read_records(shared_data / FOLDER / "dev_records.marcxml"))


@pytest.fixture(scope="module")
def summary(shared_data: Path) -> dict[str, dict[str, str]]:
    lines = (shared_data / FOLDER / "dev_records_summary.tsv").read_text("utf-8").splitlines()
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]
    return {row["undl_id"]: row for row in rows}


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(" ; ") if part.strip()]


def _item(printed: str) -> str:
    match = re.fullmatch(r"(\d+)([a-z])?(\[\d+\])?", printed.strip())
    assert match, printed
    return f"{match[1]} ({match[2]})" if match[2] else match[1]


def test_every_record_is_read(
    records: list[MarcRecord], summary: dict[str, dict[str, str]]
) -> None:
    assert len(records) == 47
    assert {r.control_number for r in records} == set(summary)
    assert len({r.digest for r in records}) == 47


def test_records_agree_with_the_summary(
    records: list[MarcRecord], summary: dict[str, dict[str, str]]
) -> None:
    for record in records:
        found: UndlRecord = read_undl(record)
        row = summary[found.control or ""]
        assert found.symbol == row["symbol"]
        assert found.date == row["date"]
        assert found.titles["en"] == row["title"].rstrip(" /:")
        assert [s.heading for s in found.subjects if s.tag == "650"] == _split(
            row["subjects_unbis"]
        )
        others = [s for s in found.subjects if s.tag in ("610", "630")]  # the summary's
        expected = [tuple(o.split(":", 1)) for o in _split(row["other_subjects"])]
        assert [s.tag for s in others] == [tag for tag, _ in expected]
        for subject, (_, heading) in zip(others, expected, strict=True):
            assert subject.heading.startswith(heading)
        items = [_item(entry.split(" | ")[1]) for entry in _split(row["agenda"])]
        assert found.agenda_items == list(dict.fromkeys(items))
        assert [f.url for f in found.files] == row["pdf_links"].split()


def test_files_subjects_and_related_documents(records: list[MarcRecord]) -> None:
    read = [read_undl(r) for r in records]
    for found in read:
        assert [f.lang for f in found.files] == ["ar", "zh", "en", "fr", "ru", "es"]
        labels = {f.lang: f.label for f in found.files}
        assert labels["fr"] == "Français" and labels["zh"] == "中文"  # mis-decoded UTF-8 undone
        assert all(f.size and f.size > 1000 for f in found.files)
    subjects = [s for found in read for s in found.subjects if s.tag == "650"]
    assert sum(s.primary for s in subjects) == 190  # 650 first indicator 1
    assert all(s.authority and s.authority.startswith("(DHLAUTH)") for s in subjects)
    relations = {relation for found in read for relation, _ in found.related}
    assert relations == {"resolution", "report"}


def test_bad_files_are_reported_with_their_path(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<collection><record><controlfield tag='001'>1</controlfield>")
    with pytest.raises(MarcError, match="broken.xml: not well-formed XML"):
        list(read_records(broken))
    with pytest.raises(MarcError, match="cannot read"):
        list(read_records(tmp_path / "absent.xml"))
