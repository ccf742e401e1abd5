"""The search modes and batch search contracts: options, JSON lines, errors, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.vectors.sample import write_charter_sample
from unlib.cli.main import app

pytestmark = pytest.mark.slow  # the module fixture embeds a real library (about 5-10 s)

runner = CliRunner()
EMBED = {"UNLIB_EMBED_AT_INGEST": "true", "UNLIB_WORKERS": "1"}
QUERY = "admission of new peace-loving member states willing to carry out Charter obligations"


def _run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=input, env=EMBED)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def data(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("modes")
    files = write_charter_sample(shared_data, folder / "in", langs=("en", "zh"))
    code, out, err = _run("--data", str(folder / "data"), "ingest", "--json", *map(str, files))
    assert code == 0, err
    assert json.loads(out)["vectors"]["versions"] == 2
    return folder / "data"


def test_single_query_modes_print_passage_hits(data: Path) -> None:
    for mode in ("hybrid", "dense"):
        code, out, _ = _run(
            "--data", str(data), "search", QUERY, "--mode", mode, "--lang", "zh", "--json"
        )
        result = json.loads(out)
        assert code == 0 and result["mode"] == mode
        hit = result["hits"][0]
        assert {"symbol", "lang", "paragraph", "score", "text"} <= set(hit)
        assert hit["lang"] == "zh" and "爱好和平" in hit["text"]
    code, out, _ = _run(
        "--data", str(data), "search", QUERY, "--mode", "bm25", "--lang", "zh", "--json"
    )
    assert code == 0 and json.loads(out)["hits"] == []
    code, out, _ = _run("--data", str(data), "search", "和平", "--all-languages", "--lang", "en")
    assert code == 0 and "[en]" in out


def test_batch_prints_one_json_line_per_query_and_names_bad_lines(
    data: Path, tmp_path: Path
) -> None:
    queries = tmp_path / "queries.jsonl"
    queries.write_text(
        json.dumps({"id": "q1", "query": QUERY, "lang": "zh"})
        + "\nnot json at all\n"
        + json.dumps({"id": "q3", "query": "zzxxqqj", "lang": "en"})
        + "\n",
        encoding="utf-8",
    )
    code, out, err = _run("--data", str(data), "search", "--queries", str(queries), "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and "line 2: not valid JSON" in err
    assert [line["id"] for line in lines] == ["q1", None, "q3"]
    first = lines[0]["hits"][0]
    assert set(first) >= {"symbol", "lang", "paragraph", "score", "text"}
    assert "爱好和平" in first["text"] and lines[1]["hits"] == []
    code, out, _ = _run(
        "--data",
        str(data),
        "search",
        "--queries",
        "-",
        "--mode",
        "bm25",
        "--json",
        input=json.dumps({"id": 1, "query": "zzxxqqj"}) + "\n",
    )
    assert code == 0 and json.loads(out) == {"id": 1, "hits": []}


def test_an_empty_library_answers_every_query_with_no_hits(tmp_path: Path) -> None:
    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    code, _, err = _run("--data", str(tmp_path / "data"), "ingest", "--json", str(empty_folder))
    assert code == 0, err
    code, out, _ = _run(
        "--data",
        str(tmp_path / "data"),
        "search",
        "--queries",
        "-",
        "--json",
        input='{"id": "a", "query": "peace"}\n{"id": "b", "query": "和平", "lang": "zh"}\n',
    )
    assert code == 0
    assert [json.loads(line) for line in out.splitlines()] == [
        {"id": "a", "hits": []},
        {"id": "b", "hits": []},
    ]


def test_wrong_options_exit_with_a_message(data: Path, tmp_path: Path) -> None:
    code, _, err = _run("--data", str(data), "search", "peace", "--mode", "fuzzy")
    assert code == 2 and "hybrid, bm25 or dense" in err
    code, _, err = _run("--data", str(data), "search", "peace", "--queries", "-")
    assert code == 2 and "not both" in err
    code, _, err = _run("--data", str(data), "search", "--queries", str(tmp_path / "none.jsonl"))
    assert code == 2 and "cannot read the queries file" in err


def test_reindex_vectors_rebuilds_them(data: Path) -> None:
    code, out, _ = _run("--data", str(data), "reindex", "--vectors", "--json")
    result = json.loads(out)
    assert code == 0 and result["embedder"] == "use" and result["versions"] == 2


def test_passage_modes_keep_to_body_year_and_type(data: Path) -> None:
    def hits(*options: str, query: str = QUERY) -> list[dict[str, object]]:
        code, out, err = _run("--data", str(data), "search", query, *options, "--json")
        assert code == 0, err
        found: list[dict[str, object]] = json.loads(out)["hits"]
        return found

    first = hits("--mode", "hybrid")[0]
    code, out, _ = _run("--data", str(data), "show", str(first["symbol"]), "--json")
    doc_type = json.loads(out)["type"]
    assert hits("--mode", "hybrid", "--type", doc_type)
    assert hits("--mode", "dense", "--year", "1900") == []
    assert hits("--mode", "hybrid", query=f"{QUERY} year:1900") == []  # typed in the query
    code, out, _ = _run(
        "--data",
        str(data),
        "search",
        "--queries",
        "-",
        "--json",
        input=json.dumps({"id": 1, "query": f"{QUERY} year:1900"}) + "\n",
    )
    assert code == 0 and json.loads(out) == {"id": 1, "hits": []}
    code, _, err = _run("--data", str(data), "search", "--queries", "-", "--year", "1990")
    assert code == 2 and "in the query" in err
