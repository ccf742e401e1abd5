"""`unlib votes`: commands, JSON shapes, CSV exports, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from unlib.cli.main import app

runner = CliRunner()
FIXTURES = Path(__file__).parents[1] / "votes" / "fixtures"


def _run(data: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--data", str(data), "votes", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def data(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("votes-cli") / "data"
    code, out, err = _run(
        folder,
        "import",
        "--json",
        str(shared_data / "unvotes" / "un_votes.csv"),
        str(FIXTURES / "ga_v2.csv"),
    )
    assert code == 0, err
    summary = json.loads(out)
    assert summary["roll_calls"]["added"] == 1102 + 3
    assert summary["votes"]["read"] == 192_641 + 16
    return folder


def test_import_text_summary(data: Path) -> None:
    code, out, _ = _run(data, "import", str(FIXTURES / "ga_v2.csv"))
    assert code == 0
    assert "3 roll calls" in out and "0 added, 0 updated, 3 unchanged" in out
    assert "Totals mismatches: 2" in out and "Rows skipped: 3" in out
    assert f"{FIXTURES / 'ga_v2.csv'}:" in out


def test_show_one_roll_call_is_an_object(data: Path) -> None:
    for spelling in ("R/60/251", "a/res/60/251", "A/RES/60/251"):
        code, out, _ = _run(data, "show", spelling, "--json")
        record = json.loads(out)
        assert code == 0 and isinstance(record, dict)
        assert {"symbol", "date", "session", "yes", "no", "abstain", "non_voting", "votes"} <= set(
            record
        )
        assert (record["symbol"], record["date"], record["session"]) == (
            "A/RES/60/251",
            "2006-03-15",
            "60",
        )
        assert (record["yes"], record["no"], record["abstain"]) == (170, 4, 3)
        assert record["votes"]["USA"] == "N" and record["votes"]["NAM"] == "Y"
        assert set(record["votes"].values()) <= {"Y", "N", "A", "X"}


def test_show_several_roll_calls_is_an_array(data: Path) -> None:
    code, out, _ = _run(data, "show", "R/60/230", "--json")
    records = json.loads(out)
    assert code == 0 and isinstance(records, list) and len(records) == 3
    assert all(r["symbol"] == "A/RES/60/230" for r in records)


def test_show_text_and_csv(data: Path) -> None:
    code, out, _ = _run(data, "show", "A/RES/ES-10/21")
    assert code == 0
    assert "Adopted (resolution): 2 yes, 1 no, 1 abstentions, 2 non-voting" in out
    assert "No (1): UNITED STATES" in out and "Non-voting (2): BENIN, HUNGARY" in out
    code, out, _ = _run(data, "show", "A/RES/73/6", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 4 and rows[0]["symbol"] == "A/RES/73/6"
    code, out, _ = _run(data, "show", "A/RES/73/6")
    assert "totals_mismatch: yes 4 stated, 3 counted" in out


def test_agreement(data: Path) -> None:
    code, out, _ = _run(data, "agreement", "USA", "ISR", "--json")
    result = json.loads(out)
    assert code == 0 and isinstance(result, dict)
    assert (result["a"], result["b"], result["roll_calls"]) == ("USA", "ISR", 1059)
    assert 0.0 <= result["agreement"] <= 1.0
    code, out, _ = _run(data, "agreement", "usa", "isr", "--by-year", "--json")
    years = json.loads(out)
    assert code == 0 and isinstance(years, list)
    assert {"a", "b", "year", "agreement", "roll_calls"} <= set(years[0])
    assert sum(y["roll_calls"] for y in years) == 1059
    code, out, _ = _run(data, "agreement", "USA", "ISR", "--by-year", "--format", "csv")
    assert out.splitlines()[0] == "a,b,year,agreement,roll_calls"
    code, out, _ = _run(data, "agreement", "USA", "ISR")
    assert out.startswith("USA–ISR: ") and "1,059 roll calls" in out


def test_country_and_list(data: Path) -> None:
    code, out, _ = _run(data, "country", "NAM", "--json")
    record = json.loads(out)
    assert code == 0 and record["country"] == "NAM" and record["roll_calls"] == len(record["votes"])
    assert {"year", "roll_calls", "yes", "no", "abstain", "non_voting"} <= set(record["by_year"][0])
    code, out, _ = _run(data, "country", "NAM", "--format", "csv")
    assert out.splitlines()[0] == "id,symbol,date,session,kind,title,vote"
    code, out, _ = _run(data, "list", "--session", "ES-10", "--json")
    listed = json.loads(out)
    assert code == 0 and listed["total"] == 1
    assert listed["roll_calls"][0]["symbol"] == "A/RES/ES-10/21"
    code, out, _ = _run(data, "list", "--year", "2006", "--limit", "2")
    assert code == 0 and out.strip().endswith("roll calls")


def test_errors(data: Path, tmp_path: Path) -> None:
    code, _, err = _run(data, "show", "A/RES/99/1")
    assert code == 1 and "no recorded vote on A/RES/99/1" in err
    code, _, err = _run(data, "agreement", "USA", "Atlantis")
    assert code == 1 and "not a country code or name" in err
    code, _, err = _run(tmp_path / "empty", "show", "R/60/251")
    assert code == 2 and "no library" in err
