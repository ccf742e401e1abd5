"""``unlib subjects``: the stable commands outside checks call (suggest, suggest-text) on real
input and on bad input, and the librarian's commands (index, show, accept, reject)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.subjects.conftest import CLIMATE_CHANGE
from unlib.cli.main import app

runner = CliRunner()
SUGGESTION_KEYS = {"uri", "label", "score", "backend"}


def _run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def _ranked(out: str) -> list[dict[str, object]]:
    rows = json.loads(out)
    assert isinstance(rows, list)
    assert all(set(row) == SUGGESTION_KEYS for row in rows)
    scores = [row["score"] for row in rows]
    assert scores == sorted(scores, reverse=True)  # type: ignore[type-var]
    return rows


def test_suggest_a_catalogued_document(subjects_data: Path) -> None:
    code, out, err = _run(
        "--data", str(subjects_data), "subjects", "suggest", "A/C.3/78/L.8", "--json"
    )
    assert code == 0, err
    labels = [row["label"] for row in _ranked(out)]
    assert {"CRIME PREVENTION", "CRIMINAL JUSTICE"} <= set(labels[:5])


def test_suggest_one_language_version_with_labels_in_it(
    subjects_data: Path, charter_key: str
) -> None:
    code, out, err = _run(
        "--data", str(subjects_data), "subjects", "suggest", charter_key, "--lang", "zh",
        "--limit", "8", "--json",
    )  # fmt: skip
    assert code == 0, err
    rows = _ranked(out)
    assert 0 < len(rows) <= 8
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in str(row["label"])) for row in rows)


def test_suggest_text_reads_stdin_in_any_language(subjects_data: Path) -> None:
    for lang, text in (
        ("en", "Climate change and sea level rise."),
        ("zh", "气候变化与海平面上升"),
    ):
        code, out, err = _run(
            "--data", str(subjects_data), "subjects", "suggest-text", "--lang", lang, "--json",
            input=text,
        )  # fmt: skip
        assert code == 0, err
        assert CLIMATE_CHANGE in [row["uri"] for row in _ranked(out)]


def test_empty_stdin_gives_an_empty_list(subjects_data: Path) -> None:
    code, out, _ = _run(
        "--data", str(subjects_data), "subjects", "suggest-text", "--lang", "en", "--json",
        input="",
    )  # fmt: skip
    assert code == 0 and json.loads(out) == []


def test_bad_input_gives_a_clear_error_and_a_failing_status(subjects_data: Path) -> None:
    code, _, err = _run("--data", str(subjects_data), "subjects", "suggest", "A/C.3/12/L.999")
    assert code == 1 and "no document A/C.3/12/L.999" in err
    code, _, err = _run("--data", str(subjects_data), "subjects", "suggest", "no such thing")
    assert code == 1 and "neither a UN document symbol" in err
    code, _, err = _run(
        "--data", str(subjects_data), "subjects", "suggest-text", "--lang", "de", input="x"
    )
    assert code == 2 and "unknown language 'de'" in err
    code, _, err = _run(
        "--data", str(subjects_data), "subjects", "suggest", "A/C.3/78/L.8", "--lang", "ru"
    )
    assert code == 2 and "has no ru text or title" in err
    code, _, err = _run(
        "--data", str(subjects_data), "subjects", "suggest", "A/C.3/78/L.8", "--backend", "x"
    )
    assert code == 2 and "unknown subject backend 'x'" in err


def test_without_a_vocabulary_the_message_says_what_to_run(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    code, _, err = _run("--data", str(folder), "ingest", "--json", str(_sample(tmp_path)))
    assert code == 0, err
    code, out, err = _run(
        "--data", str(folder), "subjects", "suggest-text", "--lang", "en", "--json",
        input="Climate change.",
    )  # fmt: skip
    assert code == 2 and "unlib vocab import" in err and out == ""


def _sample(folder: Path) -> Path:
    path = folder / "note.txt"
    path.write_text("A short note on climate change written for this test.\n", encoding="utf-8")
    return path


def test_index_then_accept_and_reject(tmp_path: Path, subjects_data: Path) -> None:
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(subjects_data, folder)
    code, out, err = _run("--data", str(folder), "subjects", "index", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["works"] == 48 and report["failed"] == [] and report["new_suggestions"] > 48
    code, out, err = _run("--data", str(folder), "subjects", "show", "A/C.3/78/L.8", "--json")
    assert code == 0, err
    stored = json.loads(out)["subjects"]
    assert stored and {row["status"] for row in stored} == {"suggested"}
    first, second = stored[0]["uri"], stored[1]["uri"]
    assert _run("--data", str(folder), "subjects", "accept", "A/C.3/78/L.8", first)[0] == 0
    code, out, _ = _run(
        "--data", str(folder), "subjects", "reject", "A/C.3/78/L.8", second, "--agent", "ana",
        "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["status"] == "rejected"
    after = json.loads(_run("--data", str(folder), "subjects", "show", "A/C.3/78/L.8", "--json")[1])
    statuses = {
        row["uri"]: (row["status"], row["source"], row["agent"]) for row in after["subjects"]
    }
    assert statuses[first] == ("accepted", "librarian", None)
    assert statuses[second] == ("rejected", "librarian", "ana")
    assert after["counts"]["accepted"] == 1 and after["counts"]["rejected"] == 1
    # suggesting again keeps the librarian's decisions
    assert _run("--data", str(folder), "subjects", "index")[0] == 0
    again = json.loads(_run("--data", str(folder), "subjects", "show", "A/C.3/78/L.8", "--json")[1])
    assert {row["uri"]: row["status"] for row in again["subjects"]}[second] == "rejected"
    code, _, err = _run("--data", str(folder), "subjects", "accept", "A/C.3/78/L.8", "nonsense")
    assert code == 2 and "not a UNBIS Thesaurus concept URI" in err


def test_without_a_library_the_message_says_what_to_run(tmp_path: Path) -> None:
    code, out, err = _run(
        "--data", str(tmp_path / "none"), "subjects", "suggest-text", "--lang", "en", input="x"
    )
    assert code == 2 and "unlib vocab import" in err and out == ""
    assert not (tmp_path / "none").exists()
