"""Sentence splitting with offsets in the six languages."""

from __future__ import annotations

import pytest

from unlib.ask.sentences import LONG_SENTENCE, split_sentences


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The Council met. It adopted the text.", 2),
        ("Mr. Smith spoke on art. 5 of the draft. Then he left.", 2),
        ("3. The Assembly decides to act. It requests a report.", 2),
        ("安全理事会开会。它通过了决议！下一步是什么？", 3),
        ("هل اجتمع المجلس؟ نعم، اجتمع.", 2),
        ("Il a dit : « Non. » Puis il est parti.", 2),
        ("See document A/C.3/78/L.5 and e.g. its annex.", 1),
        ("", 0),
    ],
)
def test_sentences_are_found(text: str, count: int) -> None:
    assert len(split_sentences(text)) == count


def test_offsets_point_into_the_text() -> None:
    text = "  First sentence here.   Second one follows!  "
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_long_operative_paragraphs_are_cut_at_semicolons() -> None:
    clause = "recognizing the importance of the matter for all Member States concerned"
    text = "; ".join([clause] * 12) + "."
    assert len(text) > LONG_SENTENCE
    pieces = split_sentences(text)
    assert len(pieces) == 12
    assert all(text[p.start : p.end] == p.text for p in pieces)
