"""Snippets: windows of the original passage around the best match, with marked words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from unlib.search.query import parse_query
from unlib.search.snippets import ELLIPSIS, Fragment, snippet


@pytest.fixture(scope="module")
def resolution_242(shared_data: Path) -> str:
    path = shared_data / "unsc-resolutions-en" / "texts" / "S_RES_0242_1967_EN_GOLD.txt"
    return path.read_text(encoding="utf-8")


def shown(fragments: list[Fragment]) -> str:
    return "".join(piece for piece, _ in fragments)


def marked(fragments: list[Fragment]) -> list[str]:
    return [piece for piece, is_marked in fragments if is_marked]


def marked_words(fragments: list[Fragment]) -> set[str]:
    return {word.lower() for piece in marked(fragments) for word in piece.split()}


def flat(text: str) -> str:
    return " ".join(text.split())


def test_snippet_marks_stemmed_forms_in_a_window_of_the_text(resolution_242: str) -> None:
    fragments = snippet(resolution_242, "en", parse_query("refugees withdrawal"), max_chars=160)
    body = shown(fragments).strip(ELLIPSIS)
    assert flat(body) in flat(resolution_242)
    assert len(body) <= 160
    assert marked_words(fragments) <= {"withdrawal", "refugee", "refugees"}
    assert marked(fragments)


def test_snippet_prefers_the_window_with_most_distinct_words(resolution_242: str) -> None:
    query = parse_query("territorial inviolability political independence")
    fragments = snippet(resolution_242, "en", query, max_chars=200)
    assert marked_words(fragments) >= {"inviolability", "independence"}


def test_cuts_fall_between_words_and_are_shown_as_ellipses(resolution_242: str) -> None:
    fragments = snippet(resolution_242, "en", parse_query("navigation"), max_chars=100)
    text = shown(fragments)
    assert text.startswith(ELLIPSIS) and text.endswith(ELLIPSIS)
    words = set(re.findall(r"\w+", resolution_242))
    first, last = text.strip(ELLIPSIS).split()[0], text.strip(ELLIPSIS).split()[-1]
    assert re.sub(r"\W", "", first) in words and re.sub(r"\W", "", last) in words


def test_no_match_gives_the_start_of_the_passage(resolution_242: str) -> None:
    fragments = snippet(resolution_242, "en", parse_query("xylophone"), max_chars=60)
    assert not marked(fragments)
    assert flat(resolution_242).startswith(flat(shown(fragments).rstrip(ELLIPSIS)))


def test_short_passage_is_shown_whole() -> None:
    text = "The Council decided to remain seized of the matter."
    fragments = snippet(text, "en", parse_query("seized"))
    assert shown(fragments) == text
    assert marked(fragments) == ["seized"]


def test_line_break_inside_a_chinese_sentence_is_dropped_not_spaced() -> None:
    text = "联合国数字图书馆\n提供了六种正式语文的文件。 2018 年以来"
    fragments = snippet(text, "zh", parse_query("数字图书馆"))
    assert shown(fragments) == "联合国数字图书馆提供了六种正式语文的文件。 2018 年以来"
    assert marked(fragments) == ["数字图书馆"]


def test_symbol_is_marked_as_written() -> None:
    text = "Recalling its resolution S/RES/1244 (1999) and A/RES/77/128 B of 2022,"
    query = parse_query("S/RES/1244 (1999) A/RES/77/128B")
    assert marked(snippet(text, "en", query)) == ["S/RES/1244 (1999)", "A/RES/77/128 B"]


def test_phrase_words_are_marked_in_french_with_accents() -> None:
    text = "Le Conseil de sécurité réaffirme la nécessité de la paix et de la sécurité."
    fragments = snippet(text, "fr", parse_query('"conseil de securite"'))
    assert [w.lower() for w in marked(fragments)][:1] == ["conseil de sécurité"]
