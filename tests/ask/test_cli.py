"""The CLI contracts of Ask and the FAQ: ``unlib ask QUESTION [--lang L] --json`` and
``unlib faq`` (import, list, show, add, edit, delete, export), exit codes included."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import make_settings
from unlib.cli.main import app
from unlib.services.library import Library

runner = CliRunner()
ENTRY = {
    "key": "sc-size",
    "texts": {
        "en": {
            "question": "How many members does the Security Council have?",
            "answer": "Fifteen.",
        },
        "ru": {"question": "Сколько членов в Совете Безопасности?", "answer": "Пятнадцать."},
    },
}


def _run(data: Path, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--data", str(data), *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_ask_on_an_empty_library_says_nothing_was_found(tmp_path: Path) -> None:
    Library(make_settings(tmp_path), create=True).close()
    code, out, _ = _run(tmp_path, "ask", "What are the purposes of the United Nations?", "--json")
    result = json.loads(out)
    assert code == 0 and result["found"] is False and result["answers"] == []
    assert set(result) >= {"question", "lang", "found", "source", "faq", "answers", "message"}
    code, _, err = _run(tmp_path, "ask", "  ", "--json")
    assert code == 2 and "the question is empty" in err


def test_faq_commands(tmp_path: Path) -> None:
    Library(make_settings(tmp_path), create=True).close()
    entry_file = tmp_path / "entry.json"
    entry_file.write_text(json.dumps(ENTRY), encoding="utf-8")
    code, out, err = _run(tmp_path, "faq", "add", str(entry_file), "--json")
    assert code == 0, err
    assert json.loads(out)["key"] == "sc-size"
    code, _, err = _run(tmp_path, "faq", "add", str(entry_file))
    assert code == 2 and "exists already" in err

    code, out, _ = _run(
        tmp_path, "ask", "Combien de membres compte le Conseil de sécurité ?", "--json"
    )
    answer = json.loads(out)
    assert answer["source"] == "faq" and answer["faq"][0]["key"] == "sc-size"
    assert answer["lang"] == "fr" and answer["faq"][0]["in_your_language"] is False
    code, out, _ = _run(tmp_path, "ask", "Сколько мест в Совете Безопасности?", "--json")
    assert json.loads(out)["faq"][0]["answer"] == "Пятнадцать."

    export = tmp_path / "faq.csv"
    assert _run(tmp_path, "faq", "export", "-o", str(export))[0] == 0
    assert "sc-size" in export.read_text(encoding="utf-8")
    code, out, _ = _run(tmp_path, "faq", "list", "--json")
    assert [e["views"] for e in json.loads(out)["entries"]] == [2]

    edited = {**ENTRY, "texts": {"en": {"question": "Size of the Council?", "answer": "15."}}}
    entry_file.write_text(json.dumps(edited), encoding="utf-8")
    code, out, _ = _run(tmp_path, "faq", "edit", "sc-size", str(entry_file), "--json")
    assert code == 0 and json.loads(out)["languages"] == ["en"]
    assert _run(tmp_path, "faq", "delete", "sc-size")[0] == 0
    code, _, err = _run(tmp_path, "faq", "show", "sc-size")
    assert code == 1 and "no FAQ entry 'sc-size'" in err
    code, out, _ = _run(tmp_path, "faq", "import", str(export), "--json")
    assert code == 0 and json.loads(out) == {"added": 1, "updated": 0, "total": 1}

    bad = tmp_path / "bad.json"
    bad.write_text('{"entries": [{"texts": {"xx": {}}}]}', encoding="utf-8")
    code, _, err = _run(tmp_path, "faq", "import", str(bad))
    assert code == 2 and "entry #1: 'xx' is not one of the six languages" in err
