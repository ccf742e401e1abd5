"""FAQ entries from JSON and files: validation with clear messages, JSON and CSV round trips."""

from __future__ import annotations

from typing import Any

import pytest

from unlib.faq.entries import FaqError, entry_from_json, link_from_line, link_url, make_key
from unlib.faq.transfer import file_format, read_entries, write_entries


def _entry(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "key": "council-size",
        "texts": {
            "en": {
                "question": "How big is the  Council?",
                "answer": "Fifteen members.\n\n\n\nFive are permanent.",
                "variants": ["How many seats?", "How big is the Council?", ""],
            },
            "es": {"question": "¿Cuántos miembros tiene el Consejo?", "answer": "Quince."},
        },
        "links": [{"kind": "record", "target": "S/RES/1244 (1999)", "label": "A resolution"}],
    }
    data.update(changes)
    return data


def test_an_entry_is_cleaned() -> None:
    entry = entry_from_json(_entry())
    en = entry.text("en")
    assert en is not None
    assert en.question == "How big is the Council?"
    assert en.variants == ("How many seats?",)  # the question itself and blanks dropped
    assert en.answer == "Fifteen members.\n\nFive are permanent."
    assert entry.source_lang == "en" and entry.langs == ("en", "es")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"texts": {}}, "'texts' must map a language"),
        ({"texts": {"de": {"question": "Wie?", "answer": "So."}}}, "'de' is not one of"),
        ({"texts": {"en": {"question": " ", "answer": "x"}}}, "texts.en.question is empty"),
        ({"key": "Bad Key!"}, "key 'Bad Key!'"),
        ({"source_lang": "fr"}, "source_lang 'fr'"),
        ({"links": [{"kind": "web", "target": "x"}]}, "link kind 'web'"),
    ],
)
def test_bad_entries_say_what_to_change(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(FaqError, match=message.replace("(", r"\(")):
        entry_from_json(_entry(**changes))


def test_keys_links_and_formats() -> None:
    entry = entry_from_json(_entry(key=None))
    assert entry.key == make_key(entry.texts[0]) == "how-big-is-the-council"
    chinese = entry_from_json({"texts": {"zh": {"question": "多少？", "answer": "十五。"}}})
    assert chinese.key.startswith("faq-")
    link = link_from_line("search:tuberculosis lang:en | TB")
    assert (link.kind, link.target, link.label) == ("search", "tuberculosis lang:en", "TB")
    assert link_url(link) == "/search?q=tuberculosis+lang%3Aen"
    assert link_url(link_from_line("A/RES/70/1")) == "/s/A/RES/70/1"
    assert file_format("faq.CSV") == "csv"
    with pytest.raises(FaqError, match="name it .json or .csv"):
        file_format("faq.txt")


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_files_round_trip(fmt: str) -> None:
    entries = [entry_from_json(_entry()), entry_from_json(_entry(key="second", links=[]))]
    again = read_entries(write_entries(entries, fmt), fmt)
    assert [(e.key, e.texts, e.links, e.source_lang) for e in again] == [
        (e.key, e.texts, e.links, e.source_lang) for e in entries
    ]


def test_a_bad_file_names_the_entry_at_fault() -> None:
    text = write_entries([entry_from_json(_entry())], "json").replace("Fifteen", "")
    broken = text.replace('"answer": " members.', '"answer": "').replace(
        '"answer": "Quince."', '"answer": ""'
    )
    with pytest.raises(FaqError, match="entry council-size: texts.es.answer is empty"):
        read_entries(broken, "json")
    with pytest.raises(FaqError, match="not valid JSON"):
        read_entries("{", "json")
    with pytest.raises(FaqError, match="lacks the column"):
        read_entries("key,lang\nx,en\n", "csv")
    twice = write_entries([entry_from_json(_entry())] * 2, "json")
    with pytest.raises(FaqError, match="several entries with key council-size"):
        read_entries(twice, "json")
