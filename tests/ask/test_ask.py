"""Ask on the real UN Charter: quoted sentences with their place in the text, questions in
several languages, nothing invented when nothing answers, and bad questions refused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.ask.conftest import charter_ref
from unlib.services.ask import AskError
from unlib.services.library import Library


def _version_text(library: Library, answer: dict[str, Any]) -> str:
    work = library.resolve(answer["id"])
    version = next(v for v in library.catalogue.versions(work.id) if v.lang == answer["lang"])
    return library.catalogue.version_text(version.id)


def test_a_chinese_question_gets_a_cited_chinese_sentence(charter: Library) -> None:
    result = charter.ask("联合国的宗旨是什么？")
    assert result["found"] and result["source"] == "documents" and result["lang"] == "zh"
    best = result["answers"][0]
    assert best["lang"] == "zh" and "宗旨" in best["text"]
    # Extractive: the sentence is exactly where the offsets say, in the stored text.
    assert _version_text(charter, best)[best["start"] : best["end"]] == best["text"]
    assert best["id"] == charter_ref(charter)
    assert best["url"].startswith(f"/record/{best['id']}?lang=zh#")
    assert 0 < best["score"] <= 1 and best["aligned"] is None


@pytest.mark.parametrize(
    ("question", "lang", "words"),
    [
        ("Who appoints the Secretary-General?", "en", ("Secretary-General", "appointed")),
        ("¿Cuántos miembros tiene el Consejo de Seguridad?", "es", ("Consejo de Seguridad",)),
    ],
)
def test_answers_quote_the_relevant_article(
    charter: Library, question: str, lang: str, words: tuple[str, ...]
) -> None:
    result = charter.ask(question)
    assert result["lang"] == lang and result["found"]
    texts = [a["text"] for a in result["answers"]]
    assert any(all(word in text for word in words) for text in texts), texts
    for answer in result["answers"]:
        assert _version_text(charter, answer)[answer["start"] : answer["end"]] == answer["text"]


def test_nothing_relevant_means_not_found(charter: Library) -> None:
    result = charter.ask("What is the best recipe for chocolate cake with strawberries?")
    assert not result["found"] and result["answers"] == [] and result["faq"] == []
    assert "Nothing in this library" in result["message"]


def test_an_empty_library_finds_nothing(new_library: Callable[..., Library]) -> None:
    result = new_library().ask("What are the purposes of the United Nations?", "en")
    assert result == {**result, "found": False, "answers": [], "faq": [], "source": None}


@pytest.mark.parametrize(
    ("question", "lang", "message"),
    [
        ("   ", None, "the question is empty"),
        ("x" * 501, None, "longer than 500"),
        ("Why?", "de", "'de' is not one of the six languages"),
    ],
)
def test_bad_questions_are_refused(
    charter: Library, question: str, lang: str | None, message: str
) -> None:
    with pytest.raises(AskError, match=message):
        charter.ask(question, lang)


def test_query_syntax_in_a_question_is_read_as_words(charter: Library) -> None:
    result = charter.ask('What does "Article 2 say about -force (and lang:xx?')
    assert result["question"].startswith("What does")
