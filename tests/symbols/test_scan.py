"""The matching view of a text and the mapping of its offsets back to the original."""

from __future__ import annotations

from unlib.symbols.scan import prepare


def test_view_keeps_length_and_folds_forms() -> None:
    text = "第 1 244（1999）号 ٧٧/١٢٨ ＳＴ／ＳＧＢ and $/20134"
    scan = prepare(text)
    assert len(scan.view) == len(text)
    assert scan.view == "第 1 244(1999)号 77/128 ST/SGB and S/20134"


def test_markdown_link_text_is_compacted_and_mapped_back() -> None:
    text = "见 [A/AC.198/202\n3/3](#) 和 [A/74/5\\(Vol.I\\)](#)。"
    scan = prepare(text)
    first = scan.view.index("A/AC.198/2023/3")
    start, end = scan.span(first, first + len("A/AC.198/2023/3"))
    assert text[start:end] == "A/AC.198/202\n3/3"
    second = scan.view.index("A/74/5(Vol.I)")
    start, end = scan.span(second, second + len("A/74/5(Vol.I)"))
    assert text[start:end] == "A/74/5\\(Vol.I\\)"
    outside = scan.view.index("和")
    assert scan.span(outside, outside + 1) == (outside, outside + 1)
