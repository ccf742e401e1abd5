"""Aligning the real UN Charter's English and Chinese versions (numbers first, then the
multilingual embedder), reading one paragraph in two languages, Ask answering in the asker's
language, and the CLI contract ``unlib show SYMBOL --para N --lang zh,en``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import make_settings
from unlib.cli.main import app
from unlib.services.align import AlignError
from unlib.services.library import Library
from unlib.store.alignment import alignment_store

pytestmark = pytest.mark.slow  # embeds the Charter's passages (≈10 s)


@pytest.fixture(scope="module")
def data(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("align") / "data"
    files = [shared_data / "un-charter" / f"un_charter_{lang}.txt" for lang in ("en", "zh")]
    with Library(make_settings(folder, workers=1), create=True) as library:
        assert library.ingest(files).ingested == 2
        ref = next(library.list_works())["id"]
        assert library.align(ref) == {"work": ref, "versions": 2}
    return folder


@pytest.fixture(scope="module")
def library(data: Path) -> Iterator[Library]:
    with Library(make_settings(data, workers=1)) as opened:
        yield opened


def _ref(library: Library) -> str:
    return str(next(library.list_works())["id"])


def test_articles_and_their_paragraphs_line_up(library: Library) -> None:
    rows = library.compare(_ref(library), "en", "zh")["rows"]
    pairs = {(r["a"][0]["text"], r["b"][0]["text"]) for r in rows if r["a"] and r["b"]}
    for english, chinese in (("Article 1", "第一条"), ("Article 97", "第九十七条")):
        assert (english, chinese) in pairs
    matched = [r for r in rows if r["a"] and r["b"]]
    assert len(matched) / len(rows) > 0.85  # nearly every passage has its counterpart
    fifteen = next(
        r
        for r in rows
        if any(p["text"].startswith("The Security Council shall consist") for p in r["a"])
    )
    assert any("安全理事会以联合国十五会员国组织之" in p["text"] for p in fifteen["b"])


def test_one_paragraph_in_two_languages(library: Library) -> None:
    result = library.paragraph(_ref(library), "2", ["zh", "en"])
    zh, en = result["passages"]
    assert zh["lang"] == "zh" and zh["paragraph"] == "二" and "友好关系" in zh["text"]
    assert en["lang"] == "en" and en["text"].startswith("To develop friendly relations")


def test_missing_paragraphs_and_languages_are_clear_errors(library: Library) -> None:
    with pytest.raises(AlignError, match="no paragraph '999'"):
        library.paragraph(_ref(library), "999", ["zh", "en"])
    with pytest.raises(AlignError, match="has no fr version"):
        library.paragraph(_ref(library), "2", ["fr"])


def test_a_stored_alignment_is_reused(library: Library) -> None:
    versions = library.catalogue.versions(library.resolve(_ref(library)).id)
    store = alignment_store(library.catalogue)
    before = store.run(versions[0].id, versions[1].id)
    library.compare(_ref(library), "zh", "en")
    after = store.run(versions[0].id, versions[1].id)
    assert before is not None and after == before and before.by_number > 100


def test_ask_in_english_for_a_chinese_reader_shows_the_aligned_chinese(library: Library) -> None:
    result = library.ask("Who appoints the Secretary-General?", "zh")
    aligned = [a["aligned"] for a in result["answers"] if a["aligned"]]
    assert result["answers"][0]["lang"] == "en" and aligned
    assert any("秘书长" in a["text"] for a in aligned)
    assert all(a["lang"] == "zh" and "lang=zh" in a["url"] for a in aligned)


def test_cli_show_para(data: Path) -> None:
    runner = CliRunner()
    ref = _cli_ref(runner, data)
    result = runner.invoke(
        app, ["--data", str(data), "show", ref, "--para", "2", "--lang", "zh,en", "--json"]
    )
    assert result.exit_code == 0, result.stderr
    shown = json.loads(result.stdout)
    assert [p["lang"] for p in shown["passages"]] == ["zh", "en"]
    missing = runner.invoke(app, ["--data", str(data), "show", "A/RES/99/999", "--para", "2"])
    assert missing.exit_code == 1 and "no document A/RES/99/999" in missing.stderr
    lone = runner.invoke(app, ["--data", str(data), "show", ref, "--lang", "zh"])
    assert lone.exit_code == 2 and "--lang goes with --para" in lone.stderr


def _cli_ref(runner: CliRunner, data: Path) -> str:
    listed = runner.invoke(app, ["--data", str(data), "list", "--json"])
    return str(json.loads(listed.stdout.splitlines()[0])["id"])
