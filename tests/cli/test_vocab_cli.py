"""``unlib vocab`` and ``unlib marc``: JSON shapes, people's output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.vocab.conftest import cut_thesaurus
from unlib.cli.main import app

runner = CliRunner()


def _run(data: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--data", str(data), *args], env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def data(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("vocab-cli")
    shared = root / "shared"
    cut_thesaurus(shared_data, shared / "unbis-thesaurus", keep={"1001030"})
    # No path given: the import reads the folder UNLIB_SHARED_DATA names.
    code, out, err = _run(root / "data", "vocab", "import", env={"UNLIB_SHARED_DATA": str(shared)})
    assert code == 0, err
    assert "added" in out
    return root / "data"


def test_import_without_sources_says_where_it_looked(tmp_path: Path) -> None:
    env = {"UNLIB_SHARED_DATA": str(tmp_path / "empty")}
    code, _, err = _run(tmp_path / "data", "vocab", "import", env=env)
    assert code == 2
    assert str(tmp_path / "empty" / "unbis-thesaurus") in err and "UNLIB_SHARED_DATA" in err


def test_import_json_reports_counts_and_changes(data: Path, shared_data: Path) -> None:
    code, out, _ = _run(
        data, "vocab", "import", "--json", str(shared_data / "sdg-kos" / "sdg-codelist.ttl")
    )
    assert code == 0
    summary = json.loads(out)
    assert summary["concepts"]["sdg"]["goal"] == 17
    assert summary["links"]["sdg_unbis"] == 3660
    assert summary["changes"]["sdg"]["added"] == 1133
    assert set(summary) >= {"sources", "versions", "labels", "flagged", "seconds"}
    assert summary["corrected_labels"] == []  # no official texts given to check against


def test_import_with_the_official_texts_reports_misplaced_labels(
    tmp_path: Path, shared_data: Path
) -> None:
    sources = [str(shared_data / "sdg-kos"), str(shared_data / "sdg-translations")]
    code, out, _ = _run(tmp_path / "data", "vocab", "import", *sources)
    assert code == 0
    assert "belonged to another code" in out and "ru " in out
    code, out, _ = _run(tmp_path / "data", "vocab", "show", "1.2.1", "--json")
    assert code == 0
    russian = " ".join(json.loads(out)["pref"]["ru"].split())
    assert russian.startswith("Доля населения страны")  # 1.2.1's own text, not 1.2.2's


def test_search_show_and_stats(data: Path) -> None:
    code, out, _ = _run(data, "vocab", "search", "气候变化", "--json")
    assert code == 0
    found = json.loads(out)
    assert found["results"][0]["id"] == "1001030"
    code, out, _ = _run(data, "vocab", "search", "climate change")
    assert code == 0 and "CLIMATE CHANGE" in out
    code, out, _ = _run(data, "vocab", "show", "1001030", "--json")
    record = json.loads(out)
    assert record["pref"]["zh"] == "气候变化" and record["documents_total"] == 0
    code, out, _ = _run(data, "vocab", "show", "1001030")
    assert code == 0 and "气候变化" in out
    code, _, err = _run(data, "vocab", "show", "9999999")
    assert code == 1 and "no concept '9999999'" in err
    code, _, err = _run(data, "vocab", "search", "x", "--lang", "de")
    assert code == 2 and "lang must be one of" in err
    code, out, _ = _run(data, "vocab", "stats", "--json")
    assert {s["scheme"] for s in json.loads(out)["schemes"]} >= {"unbis"}


def test_marc_import(data: Path, shared_data: Path, tmp_path: Path) -> None:
    code, out, _ = _run(data, "marc", "import", "--json", str(shared_data / "undl-marc-a-c3-78"))
    assert code == 0
    summary = json.loads(out)
    assert summary["records"] == 47 and summary["vocabulary_loaded"]
    code, out, _ = _run(data, "marc", "import", str(shared_data / "undl-marc-a-c3-78"))
    assert code == 0 and "47 unchanged" in " ".join(out.split())
    broken = tmp_path / "broken.xml"
    broken.write_text("<collection><record>", encoding="utf-8")
    code, _, err = _run(data, "marc", "import", str(broken))
    assert code == 2 and "broken.xml: not well-formed XML" in err
