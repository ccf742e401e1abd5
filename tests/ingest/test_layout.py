"""Layout cleanup on real GA resolution PDFs, the Chinese reports and a generated Chinese PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.test_parsers_pdf import Line, build_pdf, parse_pdf
from unlib.ingest.layout import clean_layout
from unlib.ingest.line_shapes import ends_sentence, match_marker
from unlib.ingest.parsers import parse_file
from unlib.ingest.sniff import sniff
from unlib.model import ParsedText

_JOB_OR_PAGE_LINE = re.compile(r"^(?:\d{2}-\d{5}|\*\d{7}\*|\d{1,3}/\d{1,3}(?:\s|$))", re.MULTILINE)


def _load(path: Path) -> ParsedText:
    data = path.read_bytes()
    return parse_file(data, sniff(data[:8192], path.name), path.name)


@pytest.fixture(scope="module")
def tuberculosis(shared_data: Path) -> ParsedText:
    pdf = shared_data / "ga-resolution-pdfs-en" / "A_RES_73_3-EN.pdf"
    return clean_layout(_load(pdf), "en")


@pytest.fixture(scope="module")
def outer_space(shared_data: Path) -> ParsedText:
    pdf = shared_data / "ga-resolution-pdfs-en" / "A_RES_73_6-EN.pdf"
    return clean_layout(_load(pdf), "en")


def _paragraphs(parsed: ParsedText) -> list[str]:
    return parsed.text.split("\n\n")


def test_page_furniture_is_gone(tuberculosis: ParsedText, outer_space: ParsedText) -> None:
    for parsed, symbol in ((tuberculosis, "A/RES/73/3"), (outer_space, "A/RES/73/6")):
        assert _JOB_OR_PAGE_LINE.search(parsed.text) is None
        paragraphs = _paragraphs(parsed)
        assert paragraphs[0] == f"United Nations {symbol}"  # the cover keeps its symbol
        assert symbol not in paragraphs[1:]  # running heads are gone
    assert "Political declaration of the high-level meeting of the General Assembly" not in (
        _paragraphs(tuberculosis)
    )


def test_numbered_paragraphs_are_whole_and_in_order(tuberculosis: ParsedText) -> None:
    markers = [(p, match_marker(p)) for p in _paragraphs(tuberculosis)]
    numbered = [(p, m[1]) for p, m in markers if m is not None and m[0] == "num"]
    assert [label for _, label in numbered] == [str(n) for n in range(1, 54)]
    assert all(ends_sentence(p) for p, _ in numbered)
    assert "\n" not in tuberculosis.text.replace("\n\n", "")  # printed lines are joined


def test_paragraph_across_a_page_break_stays_whole(tuberculosis: ParsedText) -> None:
    six = next(p for p in _paragraphs(tuberculosis) if p.startswith("6. Recognize that"))
    assert "one quarter of the world’s people" in six  # printed on the next page
    assert six.endswith(";")


def test_line_break_hyphens(tuberculosis: ParsedText) -> None:
    assert "including its drug-resistant forms" in tuberculosis.text
    assert "people-centred prevention" in tuberculosis.text


def test_footnotes_are_paragraphs_of_their_own(tuberculosis: ParsedText) -> None:
    paragraphs = _paragraphs(tuberculosis)
    separator = paragraphs.index("__________________")
    assert paragraphs[separator + 1 : separator + 3] == [
        "1 Resolution 70/1.",
        "2 Resolution 69/313, annex.",
    ]
    assert "6 See resolution 55/2." in paragraphs


def test_unnumbered_preamble_paragraphs_split_on_indents(outer_space: ParsedText) -> None:
    starts = [p.split(" ", 1)[0] for p in _paragraphs(outer_space)]
    assert starts.count("Recognizing") == 5 and starts.count("Convinced") == 4
    recalling = next(p for p in _paragraphs(outer_space) if p.startswith("Recalling"))
    assert recalling.endswith("72/79 of 7 December 2017,")


def test_pages_are_recomputed_on_the_clean_text(tuberculosis: ParsedText) -> None:
    assert tuberculosis.pages is not None and len(tuberculosis.pages) == 10
    previous_end = 0
    for start, end in tuberculosis.pages:
        assert previous_end <= start <= end <= len(tuberculosis.text)
        previous_end = end
    third = tuberculosis.text[slice(*tuberculosis.pages[2])]
    assert third.startswith("7. Express serious concern")


def test_chinese_report_footers_are_removed(shared_data: Path) -> None:
    report = clean_layout(_load(shared_data / "zh-reports" / "004_de195230a440a0d9.txt"), "zh")
    assert "25-07881" not in report.text
    assert not re.search(r"^\d{1,2}/24$", report.text, re.MULTILINE)
    assert "- 131. 2024 年是有记录以来对联合国人员最致命的年份之一。" in report.text


def test_repeated_link_lines_are_removed(shared_data: Path) -> None:
    report = clean_layout(_load(shared_data / "zh-reports" / "001_9e4b88103c3d46d4.txt"), "zh")
    assert "https://undocs.org/" not in report.text


def test_justification_spaces_between_chinese_characters_go(shared_data: Path) -> None:
    report = clean_layout(_load(shared_data / "zh-reports" / "001_9e4b88103c3d46d4.txt"), "zh")
    assert "第四十二届会议审议的关于全球传播部活动的报告" in report.text
    assert "2020 年 7 月" in report.text  # spaces next to digits are not justification


def test_hard_wrapped_chinese_text_is_joined(shared_data: Path) -> None:
    report = clean_layout(_load(shared_data / "zh-reports" / "002_154014945e581d1e.txt"), "zh")
    first = next(p for p in report.text.split("\n\n") if p.startswith("24.1"))
    assert first.endswith("开展外联和知识共享工作。") and "\n" not in first


def test_unpaged_text_without_furniture_is_unchanged(shared_data: Path) -> None:
    charter = _load(shared_data / "un-charter" / "un_charter_en.txt")
    assert clean_layout(charter, "en").text == charter.text.strip("\n")


def _generated_report() -> list[list[Line]]:
    page_one: list[Line] = [
        (300, 760, "A/80/999"),
        (72, 745, "25-12345 1/2"),
        (72, 700, "一、导言"),
        (90, 680, "1. 大会在第七十九届会议上审议了本项目并请秘书长提交关于"),
        (72, 665, "执行情况的报告。本报告即根据该请求编写，介绍了所取得的"),
        (72, 650, "进展和仍然存在的挑战。"),
        (90, 630, "2. 报告所述期间，各实体继续加强合作^1，扩大了在各区域的"),
        (72, 615, "外联工作，并与会员国和民间社会建立了新的伙伴关系，使更多"),
        (72, 120, "__________________"),
        (72, 105, "1 见A/79/100。"),
    ]
    page_two: list[Line] = [
        (300, 760, "A/80/999"),
        (72, 745, "25-12345 2/2"),
        (72, 700, "受众能够了解联合国的工作。"),
        (90, 680, "3. 秘书长建议大会注意到本报告。"),
    ]
    return [page_one, page_two]


def test_generated_chinese_pdf_is_reflowed() -> None:
    cleaned = clean_layout(parse_pdf(build_pdf(_generated_report())), "zh")
    assert cleaned.text.split("\n\n") == [
        "一、导言",
        "1. 大会在第七十九届会议上审议了本项目并请秘书长提交关于执行情况的报告。"
        "本报告即根据该请求编写，介绍了所取得的进展和仍然存在的挑战。",
        "2. 报告所述期间，各实体继续加强合作 1，扩大了在各区域的外联工作，"
        "并与会员国和民间社会建立了新的伙伴关系，使更多受众能够了解联合国的工作。",
        "__________________",
        "1 见A/79/100。",
        "3. 秘书长建议大会注意到本报告。",
    ]
    assert cleaned.pages is not None
    first, second = (cleaned.text[s:e] for s, e in cleaned.pages)
    assert first.startswith("一、导言") and first.endswith("1 见A/79/100。")
    assert second == "3. 秘书长建议大会注意到本报告。"


def test_empty_text_is_returned_as_is() -> None:
    parsed = ParsedText(text="", format="pdf", needs_ocr=True)
    assert clean_layout(parsed, "und") == parsed


def _right_aligned(y: float, text: str, indent: float = 0) -> Line:
    # Arabic lines end at the right margin; first lines are indented from the right.
    return (540 - indent - 6 * len(text), y, text, "rtl")


def test_generated_arabic_pdf_is_reflowed_with_right_hand_indents() -> None:
    lines = [
        _right_aligned(700, "إن مجلس الأمن،", indent=20),
        _right_aligned(
            680, "إذ يشير إلى قراراته السابقة بشأن هذه المسألة وإذ يؤكد من جديد التزامه", 20
        ),
        _right_aligned(
            665, "القوي بسيادة جميع الدول واستقلالها ووحدتها وسلامتها الإقليمية في المنطقة،"
        ),
        _right_aligned(650, "وإذ يرحب بالتقدم المحرز،", indent=20),
        _right_aligned(
            630, "١ - يقرر تمديد الولاية لفترة ستة أشهر أخرى تنتهي في نهاية السنة المقبلة، ويطلب"
        ),
        _right_aligned(615, "إلى الأمين العام أن يقدم تقريرا عن التقدم المحرز؛"),
        _right_aligned(600, "٢ - يقرر أن يبقي المسألة قيد نظره."),
    ]
    cleaned = clean_layout(parse_pdf(build_pdf([lines])), "ar")
    paragraphs = cleaned.text.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[1].endswith(
        "التزامه القوي بسيادة جميع الدول واستقلالها ووحدتها وسلامتها الإقليمية في المنطقة،"
    )
    assert paragraphs[3].startswith("١ - يقرر") and paragraphs[3].endswith("التقدم المحرز؛")


_LINES = st.sampled_from(
    ["A/80/1", "25-12345 2/9", "1. Decides to act;", "(a) first", "一、导言", "联合国的工作",
     "__________", "1 See A/1.", "Recalling its decision", "and the Council", "- 3 -",
     "https://undocs.org/A/1", "", " indented line", "x" * 120, "word -"]
)  # fmt: skip


@given(
    st.lists(st.lists(_LINES, max_size=12), min_size=1, max_size=4),
    st.sampled_from(["pdf", "text", "docx"]),
    st.sampled_from(["en", "zh"]),
)
def test_any_pages_give_consistent_spans(pages: list[list[str]], fmt: str, lang: str) -> None:
    texts = ["\n".join(lines) for lines in pages]
    text = "\n\n".join(texts)
    spans, offset = [], 0
    for page in texts:
        spans.append((offset, offset + len(page)))
        offset += len(page) + 2
    cleaned = clean_layout(ParsedText(text=text, format=fmt, pages=spans), lang)
    assert cleaned.pages is not None and len(cleaned.pages) == len(pages)
    previous_end = 0
    for start, end in cleaned.pages:
        assert previous_end <= start <= end <= len(cleaned.text)
        previous_end = end
    assert "25-12345" not in cleaned.text and "- 3 -" not in cleaned.text
