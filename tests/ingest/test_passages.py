"""Passage splitting on real UN texts and on short resolutions written for these tests."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unlib.ingest.layout import clean_layout
from unlib.ingest.line_shapes import opener_line
from unlib.ingest.parsers import parse_file
from unlib.ingest.passages import MAX_PASSAGE, split_passages
from unlib.ingest.sniff import sniff
from unlib.model import LANGUAGES, ParsedText, Passage
from unlib.text.langid import detect_language

SEPARATOR_LINE = re.compile(r"^[^\S\n]*_{5,}[^\S\n]*$", re.MULTILINE)
KINDS = {"heading", "paragraph", "preamble", "operative", "footnote", "list_item", "table"}


def _prepared(path: Path) -> tuple[ParsedText, str]:
    data = path.read_bytes()
    parsed = parse_file(data, sniff(data[:8192], path.name), path.name)
    lang = detect_language(parsed.text)[0]
    return clean_layout(parsed, lang), lang


def _split(path: Path) -> list[Passage]:
    parsed, lang = _prepared(path)
    passages = split_passages(parsed.text, lang, parsed.pages)
    _assert_well_formed(parsed.text, passages, parsed.pages)
    return passages


def _assert_well_formed(
    text: str, passages: list[Passage], pages: list[tuple[int, int]] | None
) -> None:
    previous_end = 0
    for seq, passage in enumerate(passages):
        assert passage.seq == seq
        assert previous_end <= passage.start < passage.end
        assert passage.text == text[passage.start : passage.end]
        assert passage.text == passage.text.strip()
        assert passage.kind in KINDS
        assert (passage.page is None) == (pages is None)
        if pages is not None:
            assert passage.page is not None and 1 <= passage.page <= len(pages)
        previous_end = passage.end


def _kinds(passages: list[Passage]) -> Counter[str]:
    return Counter(passage.kind for passage in passages)


@pytest.fixture(scope="module")
def security_council(shared_data: Path) -> dict[str, list[Passage]]:
    texts = sorted((shared_data / "unsc-resolutions-en" / "texts").glob("*.txt"))
    return {path.name: _split(path) for path in texts}


def test_every_real_text_gives_well_formed_passages(shared_data: Path) -> None:
    paths = [shared_data / "un-charter" / f"un_charter_{lang}.txt" for lang in LANGUAGES]
    paths += sorted((shared_data / "zh-reports").glob("*.txt"))
    paths += sorted((shared_data / "ga-resolution-pdfs-en").glob("*.pdf"))
    for path in paths:
        assert len(_split(path)) > 10, path.name


def test_security_council_resolutions_have_their_structure(
    security_council: dict[str, list[Passage]],
) -> None:
    with_enacting_line = 0
    sequential = 0
    for name, passages in security_council.items():
        if not any(p.kind == "heading" and opener_line(p.text) for p in passages):
            continue
        with_enacting_line += 1
        assert _kinds(passages)["operative"] > 0, name
        preamble = [p.para or "" for p in passages if p.kind == "preamble"]
        preamble = [label for label in preamble if label.startswith("PP")]
        assert preamble == [f"PP{n}" for n in range(1, len(preamble) + 1)], name
        operative = [p.para or "" for p in passages if p.kind == "operative"]
        numbers = [int(label) for label in operative if label.isdigit()]
        sequential += numbers == list(range(1, len(numbers) + 1))
    assert with_enacting_line >= 440
    # The rest skip numbers because the source text lost them (OCR), not because of us.
    assert sequential / with_enacting_line >= 0.95


def test_adoption_line_is_its_own_passage_and_notes_follow(
    security_council: dict[str, list[Passage]],
) -> None:
    passages = security_council["S_RES_0600_1987_EN_GOLD.txt"]
    assert passages[-1].text == "Adopted unanimously at the\n2754th meeting."
    assert passages[-1].kind == "paragraph"
    notes = security_council["S_RES_0162_1961_EN_GOLD.txt"]
    adopted = next(i for i, p in enumerate(notes) if p.text.startswith("Adopted at the 949th"))
    assert notes[adopted].text.endswith("United Arab Republic).")
    assert [(p.kind, p.para) for p in notes[adopted + 1 :]] == [
        ("footnote", "5"),
        ("footnote", "6"),
        ("footnote", "7"),
    ]


def test_early_resolution_without_numbers(security_council: dict[str, list[Passage]]) -> None:
    passages = security_council["S_RES_0002_1946_EN_GOLD.txt"]
    assert [(p.kind, p.para) for p in passages] == [
        ("heading", None),
        ("heading", None),
        ("preamble", "PP1"),
        ("preamble", "PP2"),
        ("preamble", "PP3"),
        ("operative", None),
        ("paragraph", None),
    ]


def test_sub_paragraphs_keep_their_letters(security_council: dict[str, list[Passage]]) -> None:
    passages = security_council["S_RES_0242_1967_EN_GOLD.txt"]
    labels = [p.para for p in passages if p.kind == "operative"]
    assert labels == ["1", "(1)", "(ii)", "2", "(a)", "(b)", "(c)", "3", "4"]


def test_general_assembly_resolution_pdf(shared_data: Path) -> None:
    passages = _split(shared_data / "ga-resolution-pdfs-en" / "A_RES_73_6-EN.pdf")
    kinds = _kinds(passages)
    assert kinds["preamble"] == 25 and kinds["operative"] == 14
    operative = [p.para for p in passages if p.kind == "operative"]
    assert operative == [str(n) for n in range(1, 15)]
    notes = [p for p in passages if p.kind == "footnote"]
    assert [p.para for p in notes] == ["1", "2", "3", "4", "5", "6", None]
    assert notes[1].text == "2 Resolution 70/1." and notes[1].page == 2
    seven = next(p for p in passages if p.para == "7")
    assert seven.page == 5 and seven.text.startswith("7. Reaffirms the unique role")


def test_numbered_list_artefacts_and_tables_in_chinese_report(shared_data: Path) -> None:
    passages = _split(shared_data / "zh-reports" / "004_de195230a440a0d9.txt")
    numbers = [int(label) for p in passages if (label := p.para or "").isdigit()]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 130
    first = next(p for p in passages if p.para == "1")
    assert first.text.startswith("- 1. 本报告回顾了") and first.kind == "paragraph"
    table = next(p for p in passages if p.kind == "table")
    assert table.text.startswith("| 章次 |") and "导言" in table.text


def test_chinese_headings_keep_their_numbers(shared_data: Path) -> None:
    passages = _split(shared_data / "zh-reports" / "000_e50f63f2d723d7aa.txt")
    headings = {p.text: p.para for p in passages if p.kind == "heading"}
    assert headings["一. 引言"] == "一"
    assert headings["A. 民间社会"] == "A"


def _resolution(text: str, lang: str) -> list[tuple[str, str | None]]:
    passages = split_passages(text, lang)
    _assert_well_formed(text, passages, None)
    return [(p.kind, p.para) for p in passages]


EXPECTED_RESOLUTION = [
    ("heading", None),
    ("preamble", "PP1"),
    ("preamble", "PP2"),
    ("operative", "1"),
    ("operative", "2"),
    ("paragraph", None),
]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Le Conseil de sécurité,\n\nRappelant ses résolutions antérieures sur la question,\n\n"
            "Se félicitant des progrès accomplis,\n\n1. Décide de proroger le mandat de six mois ;"
            "\n\n2. Prie le Secrétaire général de lui présenter un rapport.\n\n"
            "Adoptée à l'unanimité à la 9999e séance.",
        ),
        (
            "es",
            "El Consejo de Seguridad,\n\nRecordando sus resoluciones anteriores sobre la cuestión,"
            "\n\nAcogiendo con beneplácito los progresos logrados,\n\n1. Decide prorrogar el "
            "mandato por seis meses;\n\n2. Solicita al Secretario General que le presente un "
            "informe.\n\nAprobada por unanimidad en la 9999ª sesión.",
        ),
        (
            "ru",
            "Совет Безопасности,\n\nссылаясь на свои предыдущие резолюции по этому вопросу,\n\n"
            "приветствуя достигнутый прогресс,\n\n1. постановляет продлить мандат на шесть "
            "месяцев;\n\n2. просит Генерального секретаря представить доклад.\n\n"
            "Принята единогласно на 9999-м заседании.",
        ),
        (
            "zh",
            "安全理事会，\n\n回顾其以往关于该问题的各项决议，\n\n欢迎取得的进展，\n\n"
            "1. 决定将任务期限延长六个月；\n\n2. 请秘书长提交报告。\n\n"
            "2099年1月1日安全理事会第9999次会议通过。",
        ),
        (
            "ar",
            "إن مجلس الأمن،\n\nإذ يشير إلى قراراته السابقة بشأن هذه المسألة،\n\n"
            "وإذ يرحب بالتقدم المحرز،\n\n١ - يقرر تمديد الولاية لفترة ستة أشهر؛\n\n"
            "٢ - يطلب إلى الأمين العام أن يقدم تقريرا.\n\nاتخذ بالإجماع في الجلسة 9999.",
        ),
    ],
)
def test_resolution_structure_in_each_language(lang: str, text: str) -> None:
    assert _resolution(text, lang) == EXPECTED_RESOLUTION


def test_hard_wrapped_lines_stay_in_their_paragraph() -> None:
    text = (
        "The Committee held its session\nin New York and adopted its report\nby consensus.\n"
        "1. The Chair opened the\nmeeting.\n(a) First item on\nthe list;\n(b) Second item."
    )
    passages = split_passages(text, "en")
    assert [p.text for p in passages] == [
        "The Committee held its session\nin New York and adopted its report\nby consensus.",
        "1. The Chair opened the\nmeeting.",
        "(a) First item on\nthe list;",
        "(b) Second item.",
    ]
    assert [p.kind for p in passages] == ["paragraph", "paragraph", "list_item", "list_item"]


def test_chinese_markers() -> None:
    text = "一、导言\n\n（一）背景\n\n(二)目标\n\n本节介绍背景情况。"
    passages = split_passages(text, "zh")
    assert [(p.kind, p.para) for p in passages] == [
        ("heading", "一"),
        ("heading", "（一）"),
        ("heading", "(二)"),
        ("paragraph", None),
    ]


def test_starred_notes_and_starred_bullets() -> None:
    text = (
        "Report of the Committee\n\n* Reissued for technical reasons.\n\n** A/AC.198/2099/1.\n\n"
        "The Committee noted:\n\n* first point\n* second point"
    )
    passages = split_passages(text, "en")
    assert [(p.kind, p.para) for p in passages] == [
        ("heading", None),
        ("footnote", "*"),
        ("footnote", "**"),
        ("paragraph", None),
        ("list_item", "*"),
        ("list_item", "*"),
    ]


def test_notes_below_a_separator_end_with_the_page() -> None:
    page_one = "1. The Council met twice. 1\n\n__________________\n\n1 See document A/99/1."
    page_two = "2. The Council adjourned."
    text = f"{page_one}\n\n{page_two}"
    pages = [(0, len(page_one)), (len(page_one) + 2, len(text))]
    passages = split_passages(text, "en", pages)
    assert [(p.kind, p.para, p.page) for p in passages] == [
        ("paragraph", "1", 1),
        ("footnote", "1", 1),
        ("paragraph", "2", 2),
    ]


def test_long_paragraphs_are_cut_at_sentence_ends(shared_data: Path) -> None:
    charter = (shared_data / "un-charter" / "un_charter_en.txt").read_text(encoding="utf-8")
    sentences = [line.strip() for line in charter.splitlines() if line.strip().endswith(".")]
    paragraph = "12. " + " ".join(sentences)[:9000].rsplit(". ", 1)[0] + "."
    passages = split_passages(paragraph, "en")
    _assert_well_formed(paragraph, passages, None)
    assert len(passages) >= 5
    assert all(len(p.text) <= MAX_PASSAGE and p.para == "12" for p in passages)
    assert all(p.text.endswith(".") for p in passages)
    assert " ".join(p.text for p in passages) == paragraph


def test_long_text_without_punctuation_is_still_cut() -> None:
    text = "字" * 7000
    passages = split_passages(text, "zh")
    assert [len(p.text) for p in passages][:3] == [1500, 1500, 1500]
    assert "".join(p.text for p in passages) == text


def test_empty_and_blank_text() -> None:
    assert split_passages("", "en") == []
    assert split_passages(" \n\n \t\n", "en") == []


_PIECES = st.sampled_from(
    ["The Security Council,", "1.", "(a)", "一、", "١ -", "Adopted at the 5th meeting.",
     "__________", "12 See A/1.", "Recalling", "决议，", "word", "。", ",", ";", " ", "\n",
     "\n\n", "\t", "\u3000", "x" * 900]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=60), st.integers(min_value=1, max_value=4))
def test_any_text_gives_well_formed_passages(pieces: list[str], page_count: int) -> None:
    text = "".join(pieces)
    step = max(1, len(text) // page_count)
    pages = [(start, min(start + step, len(text))) for start in range(0, len(text), step)]
    passages = split_passages(text, "en", pages or None)
    _assert_well_formed(text, passages, pages or None)
    covered = "".join(text[p.start : p.end] for p in passages)
    kept = SEPARATOR_LINE.sub("", text)  # footnote rules are layout, not passages
    assert "".join(covered.split()) == "".join(kept.split())  # nothing else is dropped
