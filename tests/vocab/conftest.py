"""Fixtures of the vocabulary tests: the real UNBIS Thesaurus and SDG taxonomy, read once, and
a small thesaurus folder cut from the real one (for fast import and re-import tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unlib.vocab.model import Vocabulary
from unlib.vocab.sources import merged, read_sdg, read_unbis
from unlib.vocab.unbis import CONCEPTS_FILE, DOMAINS_FILE


@pytest.fixture(scope="session")
def unbis(shared_data: Path) -> Vocabulary:
    return read_unbis(shared_data / "unbis-thesaurus")


@pytest.fixture(scope="session")
def sdg(shared_data: Path) -> Vocabulary:
    return read_sdg(shared_data / "sdg-kos" / "sdg-codelist.ttl", shared_data / "sdg-translations")


@pytest.fixture(scope="session")
def both(unbis: Vocabulary, sdg: Vocabulary) -> Vocabulary:
    return merged(unbis, sdg)


def marc_headings(shared_data: Path) -> set[str]:
    """The UNBIS headings (650) of the real MARC records, from the data's own summary."""
    summary = shared_data / "undl-marc-a-c3-78" / "dev_records_summary.tsv"
    lines = summary.read_text(encoding="utf-8").splitlines()
    column = lines[0].split("\t").index("subjects_unbis")
    return {
        heading.strip()
        for line in lines[1:]
        for heading in line.split("\t")[column].split(" ; ")
        if heading.strip()
    }


def cut_thesaurus(shared_data: Path, folder: Path, keep: set[str] | None = None) -> Path:
    """A thesaurus folder holding the real records of the concepts whose English label is a
    MARC heading (or whose id is in ``keep``), with their broader concepts and
    microthesauri."""
    source = shared_data / "unbis-thesaurus"
    records = [
        json.loads(line)
        for line in (source / CONCEPTS_FILE).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    headings = {h.casefold() for h in marc_headings(shared_data)}
    wanted = {
        r["id"]
        for r in records
        if (r["prefLabel"].get("en") or "").casefold() in headings or r["id"] in (keep or set())
    }
    for record in records:
        if record["id"] in wanted:
            wanted.update(record.get("broader") or [])
            wanted.update(record.get("microthesauri") or [])
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(r, ensure_ascii=False) for r in records if r["id"] in wanted]
    (folder / CONCEPTS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / DOMAINS_FILE).write_bytes((source / DOMAINS_FILE).read_bytes())
    return folder
