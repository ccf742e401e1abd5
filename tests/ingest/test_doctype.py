"""The document-type facet on real texts and on cover lines in the six languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.test_metadata import (
    AR_GA_RESOLUTION,
    EN_EMERGENCY_DRAFT,
    ES_GA_RESOLUTION,
    FR_REPORT,
    RU_REPORT,
    ZH_SC_RESOLUTION,
    pdf_text,
)
from unlib.ingest.doctype import DOC_TYPES, classify_doc_type
from unlib.ingest.metadata import extract_metadata
from unlib.model import OwnSymbol


def doc_type(text: str, lang: str, symbol: str | None = None) -> str:
    own = OwnSymbol(symbol, symbol, "head", "") if symbol else None
    title = extract_metadata(text, lang, own=own).title
    found = classify_doc_type(own, title, text, lang)
    assert found in DOC_TYPES
    return found


@pytest.mark.parametrize(
    ("symbol", "kind"),
    [
        ("A/RES/73/3", "resolution"),
        ("S/RES/1244 (1999)", "resolution"),
        ("A/HRC/RES/52/1", "resolution"),
        ("A/DEC/78/540", "decision"),
        ("A/C.3/78/L.2", "draft"),
        ("A/HRC/52/L.3/Rev.1", "draft"),
        ("A/73/PV.18", "meeting"),
        ("S/PV.2754", "meeting"),
        ("E/2023/SR.12", "meeting"),
        ("S/PRST/2023/1", "statement"),
        ("A/73/INF/1", "information"),
        ("S/Agenda/2329/Rev.1", "agenda"),
    ],
)
def test_symbol_decides_first(symbol: str, kind: str) -> None:
    own = OwnSymbol(symbol, symbol, "head", "")
    # The text says something else ("Report of …"): the symbol still wins.
    assert classify_doc_type(own, "Report of the Secretary-General", "", "en") == kind


@pytest.mark.parametrize(
    ("title", "lang", "kind"),
    [
        ("Report of the Secretary-General on the work of the Organization", "en", "report"),
        ("Rapport du Conseil des droits de l'homme", "fr", "report"),
        ("Informe del Comité de Información", "es", "report"),
        ("Доклад Генерального секретаря о работе Организации", "ru", "report"),
        ("تقرير الأمين العام عن أعمال المنظمة", "ar", "report"),
        ("秘书长关于联合国工作的报告", "zh", "report"),
        ("Letter dated 5 July 2024 from the Permanent Representative of Ruritania", "en", "letter"),
        ("Lettres identiques datées du 2 mai 2024 adressées au Secrétaire général", "fr", "letter"),
        ("Carta de fecha 3 de mayo de 2024 dirigida al Secretario General", "es", "letter"),
        ("Письмо Постоянного представителя Руритании от 5 июля 2024 года", "ru", "letter"),
        ("رسالة مؤرخة 9 آب/أغسطس 2024 موجهة إلى الأمين العام", "ar", "letter"),
        ("2024年7月5日鲁里塔尼亚常驻联合国代表给秘书长的信", "zh", "letter"),
        ("Note by the Secretary-General", "en", "note"),
        ("Note du Secrétariat", "fr", "note"),
        ("秘书长的说明", "zh", "note"),
        ("Statement by the President of the Security Council", "en", "statement"),
        ("安全理事会主席的声明", "zh", "statement"),
        ("Provisional agenda", "en", "agenda"),
        ("Ordre du jour provisoire", "fr", "agenda"),
        ("Summary record of the 12th meeting", "en", "meeting"),
        ("Acta resumida de la 12ª sesión", "es", "meeting"),
        ("Convention on the Rights of the Child", "en", "treaty"),
        ("Pacte international relatif aux droits civils et politiques", "fr", "treaty"),
        ("Resolution 600 (1987)", "en", "resolution"),
        ("Public libraries and the right to information", "en", "document"),
    ],
)
def test_title_in_six_languages(title: str, lang: str, kind: str) -> None:
    assert classify_doc_type(None, title, "", lang) == kind


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        (FR_REPORT, "fr", "report"),  # "Rapport du Secrétaire général" under the title
        (RU_REPORT, "ru", "report"),
        (ES_GA_RESOLUTION, "es", "resolution"),  # "Resolución aprobada por la Asamblea General"
        (AR_GA_RESOLUTION, "ar", "resolution"),
        (ZH_SC_RESOLUTION, "zh", "resolution"),
        (EN_EMERGENCY_DRAFT, "en", "draft"),  # "…: draft resolution"
    ],
)
def test_cover_cues_without_a_symbol(text: str, lang: str, kind: str) -> None:
    assert doc_type(text, lang) == kind


def test_a_draft_titled_like_a_report_is_a_draft() -> None:
    text = EN_EMERGENCY_DRAFT.replace(
        "Illegal actions in an imaginary territory", "Report of the Human Rights Council"
    )
    assert doc_type(text, "en") == "draft"


@pytest.mark.parametrize("lang", ["ar", "zh", "en", "fr", "ru", "es"])
def test_charter_is_a_treaty(shared_data: Path, lang: str) -> None:
    text = (shared_data / "un-charter" / f"un_charter_{lang}.txt").read_text(encoding="utf-8")
    assert doc_type(text, lang) == "treaty"
    assert classify_doc_type(None, None, text, lang) == "treaty"  # from the text alone


@pytest.mark.parametrize(
    ("prefix", "kind"),
    [
        ("000", "report"),
        ("001", "report"),
        ("002", "document"),
        ("003", "report"),
        ("004", "report"),
    ],
)
def test_zh_reports(shared_data: Path, prefix: str, kind: str) -> None:
    (path,) = (shared_data / "zh-reports").glob(f"{prefix}_*.txt")
    # 002 speaks of "联合国出版物" in running text: not a publication's copyright page.
    assert doc_type(path.read_text(encoding="utf-8"), "zh") == kind


def test_publication_copyright_page() -> None:
    text = (
        "Determined\nReport of the year\n2023\nUnited Nations publication\n"
        "Sales No. E.23.I.1\nISBN: 978-92-1-000000-0\n"
    )
    assert classify_doc_type(None, "Determined", text, "en") == "publication"


def test_ga_resolution_pdf_without_symbol(shared_data: Path) -> None:
    text, _ = pdf_text(shared_data / "ga-resolution-pdfs-en" / "A_RES_73_3-EN.pdf")
    assert doc_type(text, "en") == "resolution"


def test_every_security_council_resolution_without_symbol(shared_data: Path) -> None:
    folder = shared_data / "unsc-resolutions-en" / "texts"
    kinds = {doc_type(path.read_text(encoding="utf-8"), "en") for path in folder.glob("*.txt")}
    assert kinds == {"resolution"}


def test_nothing_to_go_on_is_a_document() -> None:
    assert classify_doc_type(None, None, "", "en") == "document"
    assert classify_doc_type(None, None, "Some words about libraries.", "und") == "document"
