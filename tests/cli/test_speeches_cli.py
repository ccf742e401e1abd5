"""`unlib speeches`: commands, JSON shapes, CSV export, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from unlib.cli.main import app

runner = CliRunner()


def _run(data: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--data", str(data), "speeches", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def data(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("speeches-cli") / "data"
    session = shared_data / "ungdc" / "TXT" / "Session 74 - 2019"
    code, out, err = _run(folder, "import", str(session), "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["speeches"]["added"] == summary["indexed"] > 190
    assert (folder / "speeches-index").is_dir()
    return folder


def test_search_json_contract(data: Path) -> None:
    code, out, _ = _run(data, "search", "climate", "--country", "TUV", "--json")
    result = json.loads(out)
    assert code == 0 and result["total"] == 1
    (item,) = result["results"]
    assert set(item) >= {
        "country",
        "country_name",
        "session",
        "year",
        "speaker",
        "post",
        "lang",
        "score",
        "snippet",
        "highlights",
        "id",
    }
    assert (item["id"], item["country"], item["session"], item["year"]) == (
        "TUV_74_2019",
        "TUV",
        74,
        2019,
    )
    for start, end in item["highlights"]:
        assert item["snippet"][start:end].lower().startswith("climat")
    code, out, _ = _run(
        data, "search", "climate", "--session", "74", "--year", "2019", "--limit", "3", "--json"
    )
    assert code == 0 and len(json.loads(out)["results"]) == 3


def test_search_text_csv_and_show(data: Path) -> None:
    code, out, _ = _run(data, "search", "multilateralism", "--limit", "2")
    assert code == 0 and out.strip().endswith("speeches") and "[multilateral" in out.lower()
    code, out, _ = _run(data, "search", "ocean", "--format", "csv", "--limit", "2")
    assert code == 0 and out.splitlines()[0].startswith("id,country,country_name,session")
    code, out, _ = _run(data, "show", "USA_74_2019", "--json")
    record = json.loads(out)
    assert code == 0 and record["speaker"] == "Mr. Donald Trump"
    assert record["paragraphs"][0]["n"] == 1
    code, out, _ = _run(data, "show", "USA_74_2019")
    assert code == 0 and out.startswith("USA_74_2019  United States of America — session 74")


def test_errors(data: Path) -> None:
    code, _, err = _run(data, "show", "USA_1_1946")
    assert code == 1 and "no speech 'USA_1_1946'" in err
    code, _, err = _run(data, "search", "peace", "--country", "Atlantis")
    assert code == 1 and "not a country code or name" in err
    code, _, err = _run(data, "search", "lang:xx")
    assert code == 2 and "cannot read the query" in err
