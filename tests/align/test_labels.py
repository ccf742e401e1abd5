"""Language-independent keys of printed paragraph labels and numbered headings."""

from __future__ import annotations

import pytest

from unlib.align.labels import heading_key, paragraph_key, passage_key


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("3.", "n:3"),
        ("三、", "n:3"),
        ("٣.", "n:3"),
        ("24.1", "n:24.1"),
        ("PP2", "pp:2"),
        ("(b)", "(a):2"),
        ("б)", "(a):2"),
        ("(ب)", "(a):2"),
        ("(ii)", "(r):2"),
        ("㈡", "(r):2"),
        ("(2)", "(n):2"),
        ("II.", "R:2"),
        ("B.", "L:2"),
        ("•", None),
        (None, None),
        ("", None),
    ],
)
def test_paragraph_keys_agree_across_scripts(label: str | None, key: str | None) -> None:
    assert paragraph_key(label) == key


@pytest.mark.parametrize("heading", ["Article 7", "第七条", "Статья 7", "Artículo 7", "المادة 7"])
def test_numbered_headings_share_a_key(heading: str) -> None:
    assert heading_key(heading) == "h:7"


def test_long_text_is_no_heading_and_labels_win() -> None:
    assert heading_key("Article 7 " + "words " * 30) is None
    assert passage_key("3.", "heading", "Article 7") == "n:3"
    assert passage_key(None, "paragraph", "Article 7") is None
    assert passage_key(None, "heading", "CHAPTER VII") == "h:7"
