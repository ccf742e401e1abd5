"""The CLI contracts other tools rely on: commands, options, JSON shapes, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from unlib.cli.main import app

runner = CliRunner()


def _run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def data(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "data"
    texts = sorted((shared_data / "unsc-resolutions-en" / "texts").glob("*.txt"))[:40]
    code, out, err = _run(
        "--data",
        str(folder),
        "ingest",
        "--json",
        str(shared_data / "ga-resolution-pdfs-en" / "A_RES_73_3-EN.pdf"),
        str(shared_data / "zh-reports" / "003_9f9eba59289d4448.txt"),
        *map(str, texts),
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["ingested"] == 42 and report["rejected"] == 0
    assert {f["status"] for f in report["files"]} == {"ingested"}
    return folder


def test_show_json_shape(data: Path) -> None:
    code, out, _ = _run("--data", str(data), "show", "A/RES/73/3", "--json")
    assert code == 0
    record = json.loads(out)
    for key in ("symbol", "title", "date", "body", "versions", "cites", "cited_by"):
        assert key in record
    version = record["versions"][0]
    assert version["lang"] == "en" and version["title"]
    assert version["files"][0]["name"] == "A_RES_73_3-EN.pdf"
    assert all({"symbol", "resolved"} <= set(c) for c in record["cites"])


def test_list_json_is_one_object_per_line(data: Path) -> None:
    code, out, _ = _run("--data", str(data), "list", "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(lines) == 42
    assert all({"id", "symbol", "languages", "title", "date"} <= set(line) for line in lines)
    assert {"A/RES/73/3", "A/78/1"} <= {line["id"] for line in lines}


def test_search_json_and_options(data: Path) -> None:
    code, out, _ = _run("--data", str(data), "search", "Security Council", "--limit", "3", "--json")
    result = json.loads(out)
    assert code == 0 and len(result["results"]) == 3 and result["total"] > 3
    code, out, _ = _run("--data", str(data), "search", "联合国", "--lang", "zh", "--json")
    assert {r["id"] for r in json.loads(out)["results"]} == {"A/78/1"}
    code, out, _ = _run(
        "--data",
        str(data),
        "search",
        "tuberculosis",
        "--type",
        "resolution",
        "--body",
        "GA",
        "--year",
        "2018",
        "--json",
    )
    assert [r["id"] for r in json.loads(out)["results"]] == ["A/RES/73/3"]


def test_stats_json(data: Path) -> None:
    code, out, _ = _run("--data", str(data), "stats", "--json")
    stats = json.loads(out)
    assert code == 0 and stats["works"] == 42
    assert stats["bodies"]["S"] == 40 and stats["languages"]["zh"] == 1


def test_unknown_symbol_and_missing_library_exit_with_a_message(data: Path, tmp_path: Path) -> None:
    code, _, err = _run("--data", str(data), "show", "S/RES/99999 (2099)")
    assert code == 1 and "no document S/RES/99999 (2099)" in err
    code, _, err = _run("--data", str(tmp_path / "nothing"), "search", "peace")
    assert code == 2 and "unlib ingest" in err
    assert not (tmp_path / "nothing").exists()  # reading never creates a library


def test_bad_query_syntax_is_explained(data: Path) -> None:
    code, _, err = _run("--data", str(data), "search", "lnag:zh peace")
    assert code == 2 and "lang" in err


def test_symbols_parse_reads_stdin_lines() -> None:
    code, out, _ = _run("symbols", "parse", input="A/54/L.74/ADD.1\nr/60/251\nnot/a symbol//\n")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 3
    assert rows[0]["normalized"] == "A/54/L.74/Add.1" and rows[0]["valid"] is True
    assert rows[1]["normalized"] == "A/RES/60/251"
    assert rows[2]["valid"] is False and rows[2]["error"]
    expected = {
        "input",
        "valid",
        "normalized",
        "body",
        "subsidiary",
        "session_or_year",
        "doc_type",
        "number",
        "modifiers",
        "error",
    }
    assert all(expected <= set(row) for row in rows)


def test_symbols_extract_offsets_index_the_file_text(shared_data: Path) -> None:
    path = shared_data / "zh-reports" / "000_e50f63f2d723d7aa.txt"
    code, out, _ = _run("symbols", "extract", str(path))
    text = path.read_text(encoding="utf-8")
    mentions = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and mentions
    for mention in mentions:
        assert text[mention["start"] : mention["end"]] == mention["text"]
        assert set(mention) == {"symbol", "text", "start", "end", "kind"}
    assert "A/RES/77/128 B" in {m["symbol"] for m in mentions}


def test_settings_lists_every_setting() -> None:
    code, out, _ = _run("settings", "--json")
    assert code == 0 and {row["name"] for row in json.loads(out)} >= {"data", "max_file_mb"}
