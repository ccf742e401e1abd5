"""Speech text: decoding, line ends, paragraphs, name folding."""

from __future__ import annotations

import pytest

from unlib.speeches.text import TextError, decode, fold, paragraphs


def test_bom_and_line_ends() -> None:
    raw = "\ufeffFirst paragraph.\r\n\r\nSecond one.\rThird\n".encode()
    text = decode(raw)
    assert text == "First paragraph.\n\nSecond one.\nThird\n"
    assert paragraphs(text) == ["First paragraph.", "Second one.", "Third"]


def test_windows_1252_and_binary() -> None:
    assert decode("Côte d’Ivoire".encode("cp1252")) == "Côte d’Ivoire"
    with pytest.raises(TextError, match="binary"):
        decode(b"PK\x03\x04\x00\x00")


def test_fold() -> None:
    assert fold("Mr. António Luís  Santos da Costa") == "mr antonio luis santos da costa"
