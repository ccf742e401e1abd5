"""Ingesting real batches end to end: summaries, re-ingest, bad input, interrupted runs."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from unlib.store.blobs import sha256_of_file


def _copy(files: list[Path], target: Path) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    copies = []
    for source in files:
        copy = target / source.name
        shutil.copyfile(source, copy)
        copies.append(copy)
    return copies


def test_zh_reports_are_catalogued_with_symbols_citations_and_passages(
    shared_data: Path, new_library
) -> None:
    library = new_library()
    report = library.ingest(sorted((shared_data / "zh-reports").glob("*.txt")))
    assert report.ingested == 5 and not report.rejected
    assert {f.lang for f in report.filed} == {"zh"}
    labels = {f.work for f in report.filed}
    assert {"A/78/1", "A/80/1"} <= labels
    record = library.show("A/78/1")
    assert record["languages"] == ["zh"]
    assert record["versions"][0]["passages"] > 50
    assert record["cites"], "the report cites other documents"
    outreach = next(f.work for f in report.filed if f.path.endswith("000_e50f63f2d723d7aa.txt"))
    cited = {c["symbol"] for c in library.show(outreach)["cites"]}
    assert {"A/RES/77/128 B", "A/AC.198/2023/2", "A/AC.198/2023/3"} <= cited


def test_reingesting_the_same_bytes_adds_nothing(shared_data: Path, new_library) -> None:
    library = new_library()
    files = sorted((shared_data / "un-charter").glob("un_charter_*.txt"))
    first = library.ingest(files)
    before = library.stats()
    again = library.ingest(files)
    assert first.ingested == 6
    assert again.ingested == 0 and len(again.already_present) == 6
    after = library.stats()
    for key in ("works", "versions", "files", "passages", "citations"):
        assert after[key] == before[key], key
    assert after["index"]["passages"] == before["index"]["passages"]


def test_six_language_versions_of_the_charter_form_one_work(shared_data: Path, new_library) -> None:
    library = new_library()
    library.ingest(sorted((shared_data / "un-charter").glob("un_charter_*.txt")))
    works = list(library.list_works())
    assert len(works) == 1
    assert works[0]["languages"] == ["ar", "zh", "en", "fr", "ru", "es"]
    assert works[0]["symbol"] is None and works[0]["id"].startswith("local:")
    record = library.show(works[0]["id"])
    assert record["type"] == "treaty"
    assert all(v["passages"] > 100 for v in record["versions"])


def test_sc_resolution_symbols_come_from_the_text_not_the_file_name(
    shared_data: Path, new_library, tmp_path: Path
) -> None:
    sources = sorted((shared_data / "unsc-resolutions-en" / "texts").glob("*.txt"))[::15]
    # Neutral names: nothing left to read the symbol from but the text itself.
    plain = tmp_path / "plain"
    plain.mkdir()
    for number, source in enumerate(sources):
        shutil.copyfile(source, plain / f"doc{number:03}.txt")
    library = new_library()
    report = library.ingest([plain])
    assert report.ingested == len(sources)
    for number, source in enumerate(sources):
        # The heading decides (a few files of the corpus hold another resolution than their
        # name says, e.g. S_RES_0542_1983 holds 538 (1983)).
        heading = re.search(r"(\d+) ?\((\d{4})\)", source.read_text(encoding="utf-8")[:200])
        assert heading is not None
        n, year = heading.groups()
        record = library.show(f"S/RES/{int(n)} ({year})")
        assert record["symbol"] == f"S/RES/{int(n)} ({year})"
        names = {f["name"] for v in record["versions"] for f in v["files"]}
        assert f"doc{number:03}.txt" in names
        assert record["adopted"] and record["adopted"].startswith(year)
        assert record["meeting"] and record["meeting"].startswith("S/PV.")
        assert record["body"] == "S" and record["type"] == "resolution"


def test_ga_resolution_pdfs(shared_data: Path, new_library) -> None:
    library = new_library()
    library.ingest(sorted((shared_data / "ga-resolution-pdfs-en").glob("*.pdf")))
    record = library.show("a/res/73/3")
    assert record["symbol"] == "A/RES/73/3"
    assert record["title"].startswith("Political declaration of the high-level meeting")
    assert record["adopted"] == "2018-10-10"
    assert record["agenda_items"] == ["129"]
    assert record["session"] == "73"
    cites = {c["symbol"] for c in record["cites"]}
    assert "A/RES/71/3" in cites and "A/73/L.4" in cites
    assert record["versions"][0]["files"][0]["symbol_source"] in {"head", "filename"}


def _bad_files(folder: Path, shared_data: Path) -> dict[str, Path]:
    folder.mkdir(parents=True)
    pdf = (shared_data / "ga-resolution-pdfs-en" / "A_RES_73_3-EN.pdf").read_bytes()
    files = {
        "empty": folder / "empty.txt",
        "truncated": folder / "truncated.pdf",
        "junk": folder / "junk.bin",
        "legacy": folder / "old.doc",
        "undecodable": folder / "garbled.txt",
        "huge": folder / "huge.pdf",
    }
    files["empty"].write_bytes(b"")
    files["truncated"].write_bytes(pdf[: len(pdf) // 3])
    files["junk"].write_bytes(random.Random(7).randbytes(4096))
    files["legacy"].write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 2048)
    files["undecodable"].write_bytes(bytes(range(128, 256)) * 40)
    with files["huge"].open("wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.truncate(200_000_000)
    return files


def test_bad_files_are_quarantined_with_reasons_and_the_batch_goes_on(
    shared_data: Path, new_library, tmp_path: Path
) -> None:
    bad = _bad_files(tmp_path / "batch" / "bad", shared_data)
    good = _copy(sorted((shared_data / "zh-reports").glob("*.txt"))[:2], tmp_path / "batch")
    library = new_library()
    report = library.ingest([tmp_path / "batch"])
    assert report.ingested == len(good)
    reasons = {Path(r.path).name: r.reason for r in report.rejected}
    assert set(reasons) == {p.name for p in bad.values()}
    assert "empty" in reasons["empty.txt"]
    assert "too large" in reasons["huge.pdf"] and "200" in reasons["huge.pdf"]
    assert "PDF" in reasons["truncated.pdf"]
    assert ".doc" in reasons["old.doc"] or "Word" in reasons["old.doc"]
    for rejection in report.rejected:
        kept = Path(rejection.quarantined_as or "")
        assert kept.is_file(), rejection
        assert (kept.parent / "reason.json").is_file()
        original = bad[next(k for k, p in bad.items() if str(p) == rejection.path)]
        assert original.exists()
        if original.stat().st_size < 1_000_000:
            assert kept.read_bytes() == original.read_bytes()
    assert library.stats()["rejected"] == len(bad)


def test_the_same_bytes_twice_in_one_batch_are_ingested_once(
    shared_data: Path, new_library, tmp_path: Path
) -> None:
    source = shared_data / "zh-reports" / "003_9f9eba59289d4448.txt"
    _copy([source], tmp_path / "a")
    _copy([source], tmp_path / "b")
    report = new_library().ingest([tmp_path / "a", tmp_path / "b"])
    assert report.ingested == 1
    assert len(report.already_present) == 1


def _catalogue_counts(data: Path) -> dict[str, int]:
    conn = sqlite3.connect(data / "catalogue.sqlite3")
    try:
        return {
            table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("works", "versions", "files", "passages", "citations")
        }
    finally:
        conn.close()


def _files_so_far(data: Path) -> int:
    """Files catalogued by a running ingest (0 while it is still creating the schema)."""
    try:
        return _catalogue_counts(data)["files"]
    except sqlite3.OperationalError:
        return 0


def _orphans(data: Path) -> int:
    conn = sqlite3.connect(data / "catalogue.sqlite3")
    try:
        return conn.execute(
            "SELECT COUNT(*) FROM versions v WHERE NOT EXISTS "
            "(SELECT 1 FROM files f WHERE f.version_id = v.id)"
            " OR (v.n_chars > 0 AND NOT EXISTS (SELECT 1 FROM passages p WHERE p.version_id = v.id))"
        ).fetchone()[0]
    finally:
        conn.close()


@pytest.mark.slow
def test_killing_ingest_midway_leaves_no_half_record_and_rerun_finishes(
    shared_data: Path, tmp_path: Path
) -> None:
    texts = shared_data / "unsc-resolutions-en" / "texts"
    data = tmp_path / "data"
    command = [sys.executable, "-m", "unlib", "--data", str(data), "ingest", "-q", str(texts)]
    env = {**os.environ, "UNLIB_COMMIT_EVERY": "25"}
    process = subprocess.Popen(command, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.2)
        if (data / "catalogue.sqlite3").exists() and _files_so_far(data) >= 60:
            break
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    partial = _catalogue_counts(data)
    assert 0 < partial["files"] < 451, "the kill should land mid-batch"
    assert _orphans(data) == 0
    finished = subprocess.run([*command, "--json"], env=env, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert _catalogue_counts(data)["files"] == 451
    assert _orphans(data) == 0
    stats = subprocess.run(
        [sys.executable, "-m", "unlib", "--data", str(data), "stats", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    numbers = json.loads(stats.stdout)
    assert numbers["unindexed_versions"] == 0
    # Every catalogue passage (titles included) is in the index exactly once.
    assert numbers["index"]["passages"] == _catalogue_counts(data)["passages"]


def test_files_are_stored_by_digest(shared_data: Path, new_library, tmp_path: Path) -> None:
    source = shared_data / "ga-resolution-pdfs-en" / "A_RES_73_6-EN.pdf"
    library = new_library()
    library.ingest([source])
    sha = sha256_of_file(source)
    stored = library.data_dir / "files" / sha[:2] / sha
    assert stored.read_bytes() == source.read_bytes()
