"""Symbols and languages read from file names."""

from __future__ import annotations

from pathlib import Path

import pytest

from unlib.symbols import symbol_from_filename


@pytest.mark.parametrize(
    ("name", "symbol", "lang"),
    [
        ("A_RES_73_3-EN.pdf", "A/RES/73/3", "en"),
        ("A_C.3_78_L.1-AR.pdf", "A/C.3/78/L.1", "ar"),
        ("S_RES_0012_1946_EN_GOLD.txt", "S/RES/12 (1946)", "en"),
        ("A_78_251-ZH.docx", "A/78/251", "zh"),
        ("E_CN.4_2002_1_Add.1-FR.pdf", "E/CN.4/2002/1/Add.1", "fr"),
        ("A_74_5(Vol.I)-ES.pdf", "A/74/5 (Vol.I)", "es"),
        ("downloads/A%2FRES%2F73%2F6-RU.pdf", "A/RES/73/6", "ru"),
        ("A_78_L.1_Rev.1-zh-cn.pdf", "A/78/L.1/Rev.1", "zh"),
        ("ST_SGB_2019_8.pdf", "ST/SGB/2019/8", None),
        ("N1816895.pdf", None, None),
        ("report.pdf", None, None),
        ("un_charter_en.txt", None, "en"),
        ("notes_fr.docx", None, "fr"),
        ("000_e50f63f2d723d7aa.txt", None, None),
    ],
)
def test_symbol_from_filename(name: str, symbol: str | None, lang: str | None) -> None:
    found, found_lang = symbol_from_filename(name)
    assert (found.normalized if found else None) == symbol
    assert found_lang == lang


def test_every_council_resolution_file_name(shared_data: Path) -> None:
    names = sorted(p.name for p in (shared_data / "unsc-resolutions-en" / "texts").glob("*.txt"))
    assert len(names) == 451
    for name in names:
        symbol, lang = symbol_from_filename(name)
        assert lang == "en"
        assert symbol is not None and symbol.body == "S" and symbol.doc_type == "RES"
        number, year = name.split("_")[2:4]
        assert symbol.normalized == f"S/RES/{int(number)} ({year})"


def test_shared_data_file_names(shared_data: Path) -> None:
    for path in (shared_data / "ga-resolution-pdfs-en").glob("*.pdf"):
        symbol, lang = symbol_from_filename(path.name)
        assert symbol is not None and symbol.normalized.startswith("A/RES/73/") and lang == "en"
    for path in (shared_data / "un-charter").glob("un_charter_*.txt"):
        symbol, lang = symbol_from_filename(path.name)
        assert symbol is None and lang == path.stem[-2:]
