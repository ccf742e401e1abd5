"""A document's own symbol, read from its text (never from the file name unless asked)."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from unlib.symbols import find_own_symbol


def test_chinese_reports(shared_data: Path) -> None:
    found = {}
    for path in sorted((shared_data / "zh-reports").glob("*.txt")):
        own = find_own_symbol(path.read_text(encoding="utf-8"), "zh")
        found[path.name[:3]] = own.symbol if own else None
    # 003 states it as "(A/78/1, 第七十八届会议)", 004 as the Official Records supplement
    # (第八十届会议补编第1号), 001 prints it beside its last page footer; 000 and 002 never do.
    assert found == {
        "000": None,
        "001": "A/AC.198/2021/4",
        "002": None,
        "003": "A/78/1",
        "004": "A/80/1",
    }


def test_every_council_resolution_names_itself(shared_data: Path) -> None:
    """All 451 texts: the symbol comes from the heading in the text, not from the file name."""
    paths = sorted((shared_data / "unsc-resolutions-en" / "texts").glob("*.txt"))
    disagreeing = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        own = find_own_symbol(text, "en")
        assert own is not None, path.name
        assert own.symbol.startswith("S/RES/") and own.source in ("head", "resolution-heading")
        number, year = re.match(r"S_RES_(\d+)_(\d+)", path.name).groups()  # type: ignore[union-attr]
        if own.symbol != f"S/RES/{int(number)} ({year})":
            disagreeing.append(own)
    # A few corpus files hold another resolution's text than their name says: the heading we
    # read must then be the text's own first line.
    assert len(disagreeing) <= 3
    for own in disagreeing:
        assert own.evidence.startswith("Resolution ")


def _pdf_text(path: Path) -> tuple[str, list[tuple[int, int]]]:
    document = pdfium.PdfDocument(str(path))
    parts, pages, position = [], [], 0
    for index in range(len(document)):
        text = document[index].get_textpage().get_text_range()
        pages.append((position, position + len(text)))
        parts.append(text)
        position += len(text)
    return "".join(parts), pages


@pytest.mark.parametrize("name", ["A_RES_73_3-EN.pdf", "A_RES_73_6-EN.pdf"])
def test_general_assembly_resolution_pdfs(shared_data: Path, name: str) -> None:
    text, pages = _pdf_text(shared_data / "ga-resolution-pdfs-en" / name)
    expected = "A/RES/73/" + name.split("_")[3].split("-")[0]
    own = find_own_symbol(text, "en", pages=pages)
    assert own is not None and own.symbol == expected and own.source == "head"
    # Without the masthead line, the "73/3. Title" heading under "Resolution adopted by the
    # General Assembly" still gives it — not the draft cited as "(A/73/L.4)".
    without_masthead = text.split("\n", 2)[2]
    own = find_own_symbol(without_masthead, "en")
    assert own is not None and own.symbol == expected and own.source == "resolution-heading"


def test_texts_without_an_own_symbol(shared_data: Path) -> None:
    for path in sorted((shared_data / "un-charter").glob("un_charter_*.txt")):
        assert find_own_symbol(path.read_text(encoding="utf-8"), path.stem[-2:]) is None
    speeches = sorted((shared_data / "ungdc" / "TXT").glob("*/*.txt"))[::10]
    assert speeches
    for path in speeches:
        assert find_own_symbol(path.read_text(encoding="utf-8", errors="replace"), "en") is None


def test_cited_symbols_are_not_taken() -> None:
    text = (
        "Committee on Information\nForty-fifth session\nItem 9 of the provisional agenda*\n\n"
        "Report of the Secretary-General\n\n* A/AC.198/2023/1.\n\n"
        "The report (A/78/150) and document A/AC.198/2023/2 describe the work.\n"
        "[without reference to a Main Committee (A/73/L.4)]\n"
    )
    assert find_own_symbol(text, "en") is None


@pytest.mark.parametrize(
    ("text", "lang", "symbol"),
    [
        (
            "Official Records of the General Assembly, Eightieth Session, Supplement No. 1",
            "en",
            "A/80/1",
        ),
        (
            "Documents officiels de l'Assemblée générale, quatre-vingtième session, Supplément no 1",
            "fr",
            "A/80/1",
        ),
        (
            "Documentos Oficiales de la Asamblea General, octogésimo período de sesiones, "
            "Suplemento núm. 1",
            "es",
            "A/80/1",
        ),
        (
            "Официальные отчеты Генеральной Ассамблеи, восьмидесятая сессия, Дополнение № 1",
            "ru",
            "A/80/1",
        ),
        ("الوثائق الرسمية للجمعية العامة، الدورة الثمانون، الملحق رقم 1", "ar", "A/80/1"),
        ("大会正式记录第七十八届会议补编第 10 号", "zh", "A/78/10"),
        (
            "See Official Records of the General Assembly, Seventy-eighth Session, Supplement No. 10",
            "en",
            None,
        ),
        (
            "Official Records of the General Assembly, Fifteenth Session, Supplement No. 16",
            "en",
            None,
        ),
        ("Report of the Secretary-General (A/78/1, seventy-eighth session)", "en", "A/78/1"),
        ("Report of the Secretary-General (A/78/1, seventy-seventh session)", "en", None),
        ("United Nations A/RES/73/3\nGeneral Assembly Distr.: General", "en", "A/RES/73/3"),
        (
            "UNITED NATIONS\n\nSecurity Council\n\nDistr.\nGENERAL\n\nS/RES/902 (1994)\n11 March 1994",
            "en",
            "S/RES/902 (1994)",
        ),
        (
            "RESOLUTION 800 (1993)\n\nAdopted by the Security Council at its 3157th meeting",
            "en",
            "S/RES/800 (1993)",
        ),
        (
            "Resolution 434 (1973)\nof 18 September 1978\n\nThe Security Council,",
            "en",
            "S/RES/434 (1978)",
        ),
        ("Résolution 1244 (1999)\n\nLe Conseil de sécurité,", "fr", "S/RES/1244 (1999)"),
    ],
)
def test_statements_of_the_own_symbol(text: str, lang: str, symbol: str | None) -> None:
    own = find_own_symbol(text, lang)
    assert (own.symbol if own else None) == symbol


def test_file_name_only_as_a_last_resort() -> None:
    own = find_own_symbol("A text that states nothing.", "en", filename="A_78_251-EN.pdf")
    assert own is not None and (own.symbol, own.source) == ("A/78/251", "filename")
    stated = find_own_symbol("United Nations A/78/1\n", "en", filename="A_78_251-EN.pdf")
    assert stated is not None and stated.symbol == "A/78/1"


def test_running_headers_with_pages() -> None:
    pages_text = [f"A/78/200\nPage {n} text about things.\n{n}/3 23-12345\n" for n in (1, 2, 3)]
    text = "".join(pages_text)
    bounds, start = [], 0
    for part in pages_text:
        bounds.append((start, start + len(part)))
        start += len(part)
    own = find_own_symbol(text, "en", pages=bounds)
    assert own is not None and own.symbol == "A/78/200" and own.source == "head"
