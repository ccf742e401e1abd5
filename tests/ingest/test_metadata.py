"""Bibliographic metadata from real UN texts and from cover pages written after real layouts.

Real inputs: GA resolution PDFs (raw pypdfium2 text), the Chinese reports, 451 Security Council
resolutions and the Charter in six languages. For languages the shared data has no cover page
in, the covers below are our own short sentences laid out as UN covers are.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from unlib.ingest.metadata import extract_metadata
from unlib.model import DocMetadata, OwnSymbol


def own(symbol: str, source: str = "head") -> OwnSymbol:
    return OwnSymbol(symbol=symbol, key=symbol.replace(" ", "").upper(), source=source, evidence="")


def pdf_text(path: Path) -> tuple[str, list[tuple[int, int]]]:
    """Raw page text as the PDF parser extracts it (line-wrapped, CRLF), with page spans."""
    document = pdfium.PdfDocument(path)
    parts: list[str] = []
    pages: list[tuple[int, int]] = []
    offset = 0
    for index in range(len(document)):
        text = document[index].get_textpage().get_text_range()
        pages.append((offset, offset + len(text)))
        parts.append(text)
        offset += len(text)
    return "".join(parts), pages


# --- General Assembly resolutions (real PDFs) -----------------------------------------------------


@pytest.fixture(scope="module")
def res_73_3(shared_data: Path) -> tuple[str, list[tuple[int, int]]]:
    return pdf_text(shared_data / "ga-resolution-pdfs-en" / "A_RES_73_3-EN.pdf")


@pytest.mark.parametrize("symbol", [None, "A/RES/73/3"])
def test_ga_resolution_73_3(
    res_73_3: tuple[str, list[tuple[int, int]]], symbol: str | None
) -> None:
    text, pages = res_73_3
    meta = extract_metadata(text, "en", pages=pages, own=own(symbol) if symbol else None)
    assert meta == DocMetadata(
        title=(
            "Political declaration of the high-level meeting of the General Assembly on the "
            "fight against tuberculosis"
        ),
        date="2018-10-18",
        adopted="2018-10-10",
        body="A",
        session="73",
        agenda_items=["129"],
        meeting="A/73/PV.18",
    )


def test_ga_resolution_73_6(shared_data: Path) -> None:
    text, pages = pdf_text(shared_data / "ga-resolution-pdfs-en" / "A_RES_73_6-EN.pdf")
    meta = extract_metadata(
        text, "en", pages=pages, embedded_title="", filename="A_RES_73_6-EN.pdf"
    )
    assert meta.title is not None
    assert meta.title.startswith("Fiftieth anniversary of the first United Nations Conference")
    assert meta.title.endswith("space as a driver of sustainable development")
    assert (meta.date, meta.adopted, meta.meeting) == ("2018-10-31", "2018-10-26", "A/73/PV.26")
    assert (meta.session, meta.agenda_items) == ("73", ["30"])


def test_reflowed_resolution_text_gives_the_same_facts(
    res_73_3: tuple[str, list[tuple[int, int]]],
) -> None:
    """Cleaned text (lines joined, paragraphs split by blank lines) reads like the raw text."""
    text, _ = res_73_3
    reflowed = "\n\n".join(line.strip() for line in text.replace("\r\n", "\n").split("\n"))
    meta = extract_metadata(reflowed, "en")
    assert meta.title is not None and meta.title.endswith("fight against tuberculosis")
    assert (meta.date, meta.adopted, meta.meeting) == ("2018-10-18", "2018-10-10", "A/73/PV.18")


# --- Chinese reports (real text) ------------------------------------------------------------------


def zh_report(shared_data: Path, prefix: str) -> str:
    (path,) = (shared_data / "zh-reports").glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_zh_report_000_cover(shared_data: Path) -> None:
    meta = extract_metadata(zh_report(shared_data, "000"), "zh", own=own("A/AC.198/2023/4", "text"))
    assert meta.title == "全球传播部的活动：外联和知识服务"
    assert meta.session == "45"  # the Committee's session on the cover, not the symbol's year
    assert meta.agenda_items == ["9"]
    assert meta.body == "A"
    # The session's period "2023年4月24日至5月4日" is not the document's date; the reissue is.
    assert meta.date == "2023-03-13"
    assert (meta.adopted, meta.meeting) == (None, None)


def test_zh_report_without_symbol_invents_no_organ(shared_data: Path) -> None:
    meta = extract_metadata(zh_report(shared_data, "001"), "zh")
    assert (meta.title, meta.session, meta.agenda_items) == (
        "全球传播部的活动：外联和知识服务",
        "43",
        ["8"],
    )
    assert meta.body is None  # "新闻委员会" is a subsidiary body: its code is not on the page
    assert meta.date is None  # only the session's period is printed


def test_zh_report_004_bracketed_date_and_supplement_session(shared_data: Path) -> None:
    meta = extract_metadata(zh_report(shared_data, "004"), "zh")
    assert meta.title == "秘书长关于联合国工作的报告"
    assert (meta.date, meta.session, meta.body) == ("2025-07-18", "80", "A")


def test_zh_report_003_session_from_own_symbol(shared_data: Path) -> None:
    meta = extract_metadata(zh_report(shared_data, "003"), "zh", own=own("A/78/1", "text"))
    assert meta.title == "秘书长关于联合国工作的报告"
    assert (meta.session, meta.body, meta.date) == ("78", "A", None)


# --- Security Council resolutions 1–899 (real text) -------------------------------------------------

SC_FILE = re.compile(r"S_RES_(?P<number>\d{4})_(?P<year>\d{4})_EN_GOLD\.txt")


def sc_files(shared_data: Path) -> list[Path]:
    return sorted((shared_data / "unsc-resolutions-en" / "texts").glob("S_RES_*_EN_GOLD.txt"))


def test_every_security_council_resolution(shared_data: Path) -> None:
    files = sc_files(shared_data)
    assert len(files) == 451
    complete = 0
    for path in files:
        match = SC_FILE.fullmatch(path.name)
        assert match is not None
        number, year = int(match["number"]), match["year"]
        symbol = own(f"S/RES/{number} ({year})", "filename")
        meta = extract_metadata(path.read_text(encoding="utf-8"), "en", own=symbol)
        assert (meta.body, meta.session) == ("S", year), path.name
        assert meta.title == f"Resolution {number} ({year})", path.name
        assert meta.adopted is None or meta.adopted[:4] == year, path.name
        assert meta.meeting is None or re.fullmatch(r"S/PV\.\d{1,4}", meta.meeting), path.name
        complete += bool(meta.adopted and meta.meeting)
    # Misses are OCR damage ("of 14 October £964", "24491h meeting") or texts without a note.
    assert complete / len(files) >= 0.98


SC_SPOT_CHECKS = [
    ("0002_1946", "1946-01-30", "S/PV.5"),
    ("0012_1946", "1946-12-10", "S/PV.82"),
    ("0022_1947", "1947-04-09", "S/PV.127"),  # "127th meet-\ning"
    ("0050_1948", "1948-05-29", "S/PV.310"),
    ("0120_1956", "1956-11-04", "S/PV.754"),
    ("0200_1965", "1965-03-15", "S/PV.1190"),  # "Adopted unanimously, at the"
    ("0350_1974", "1974-05-31", "S/PV.1774"),  # not the 1773rd meeting cited in the preamble
    ("0462_1980", None, "S/PV.2190"),  # "at the resumed 2190th meeting", no date printed
    ("0500_1982", "1982-01-28", "S/PV.2330"),
    ("0594_1987", "1987-01-15", "S/PV.2731"),  # "273 1st meeting"
    ("0600_1987", "1987-10-19", "S/PV.2754"),
    ("0800_1993", "1993-01-08", "S/PV.3157"),
    ("0852_1993", "1993-07-28", "S/PV.3258"),  # "at _its 3258th meeting"
    ("0902_1994", "1994-03-11", "S/PV.3347"),
]


@pytest.mark.parametrize(("stem", "adopted", "meeting"), SC_SPOT_CHECKS)
def test_security_council_spot_checks_without_symbol(
    shared_data: Path, stem: str, adopted: str | None, meeting: str
) -> None:
    path = shared_data / "unsc-resolutions-en" / "texts" / f"S_RES_{stem}_EN_GOLD.txt"
    meta = extract_metadata(path.read_text(encoding="utf-8"), "en")
    assert (meta.adopted, meta.meeting, meta.body) == (adopted, meeting, "S")
    number = int(stem[:4])
    assert meta.title == f"Resolution {number} ({stem[5:]})"


# --- the Charter (six languages, no cover) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("ar", "ميثاق الأمم المتحدة"),
        ("zh", "联合国宪章"),
        ("en", "Charter of the United Nations"),
        ("fr", "Charte des Nations Unies"),
        ("ru", "Устав Организации Объединенных Наций"),
        ("es", "Carta de las Naciones Unidas"),
    ],
)
def test_charter_gets_its_title_and_no_invented_facts(
    shared_data: Path, lang: str, title: str
) -> None:
    text = (shared_data / "un-charter" / f"un_charter_{lang}.txt").read_text(encoding="utf-8")
    assert extract_metadata(text, lang) == DocMetadata(title=title)


# --- hand-written covers in the six languages -------------------------------------------------------

FR_REPORT = """Nations Unies A/79/412
Assemblée générale Distr. générale
3 octobre 2024
Français
Original : anglais
Soixante-dix-neuvième session
Point 68 b) de l'ordre du jour provisoire*
Promotion et protection des droits de l'homme : questions relatives aux droits
de l'homme
Coopération régionale entre bibliothèques publiques
Rapport du Secrétaire général
Résumé
Le présent rapport décrit les échanges entre bibliothèques publiques de plusieurs régions
du monde, ainsi que les moyens de les poursuivre au cours des années à venir.
* A/79/150.
"""

ES_GA_RESOLUTION = """Naciones Unidas A/RES/79/25
Asamblea General Distr. general
12 de diciembre de 2024
Septuagésimo noveno período de sesiones
Tema 15 del programa
Resolución aprobada por la Asamblea General el 4 de diciembre de 2024
[sin remisión previa a una Comisión Principal (A/79/L.20)]
79/25. Cooperación entre las bibliotecas nacionales
y la Organización
La Asamblea General,
Recordando su resolución 77/12, de 1 de diciembre de 2022,
1. Alienta a las bibliotecas nacionales a intercambiar catálogos;
2. Decide seguir examinando la cuestión en su octogésimo período de sesiones.
45ª sesión plenaria
4 de diciembre de 2024
"""

RU_SC_RESOLUTION = """Организация Объединенных Наций S/RES/2799 (2025)
Совет Безопасности Distr.: General
14 мая 2025 года
Резолюция 2799 (2025),
принятая Советом Безопасности на его 9912-м заседании 14 мая 2025 года
Совет Безопасности,
ссылаясь на свои предыдущие резолюции,
1. постановляет продолжать активно заниматься этим вопросом.
"""

AR_GA_RESOLUTION = """الأمم المتحدة A/RES/78/190
الجمعية العامة التوزيع: عام
٢٢ كانون الأول/ديسمبر ٢٠٢٣
الدورة الثامنة والسبعون
البند 71 (ب) من جدول الأعمال
القرار الذي اتخذته الجمعية العامة في ١٩ كانون الأول/ديسمبر ٢٠٢٣
78/190 - التعاون الإقليمي في مجال المكتبات العامة
إن الجمعية العامة،
إذ تشير إلى قراراتها السابقة،
1 - تشجع المكتبات العامة على تبادل الفهارس؛
الجلسة العامة ٥٠
١٩ كانون الأول/ديسمبر ٢٠٢٣
"""

ZH_GA_RESOLUTION = """联合国 A/RES/78/190
大会 Distr.: General
2023年12月22日
第七十八届会议
议程项目71(b)
大会2023年12月19日通过的决议
[根据第三委员会的报告(A/78/481/Add.2)通过]
78/190. 公共图书馆领域的区域合作
大会，
回顾其以往各项决议，
1. 鼓励公共图书馆交换目录；
第50次全体会议
2023年12月19日
"""

ZH_SC_RESOLUTION = """联合国 S/RES/2799 (2025)
安全理事会 Distr.: General
2025年5月14日
第2799(2025)号决议
2025年5月14日安全理事会第9912次会议通过
安全理事会，
回顾其以往各项决议，
1. 决定继续积极处理此案。
"""

EN_SC_RESOLUTION = """United Nations S/RES/2799 (2025)
Security Council Distr.: General
14 May 2025
Resolution 2799 (2025)
Adopted by the Security Council at its 9912th meeting, on 14 May 2025
The Security Council,
Recalling its previous resolutions,
1. Decides to remain actively seized of the matter.
"""

EN_REPORT_RAW = """United Nations A/78/256
General Assembly Distr.: General
28 July 2023
Original: English
23-14567 (E) 020823
*2314567*
Seventy-eighth session
Item 71 (b) of the provisional agenda*
Promotion and protection of human rights: human rights questions, including
alternative approaches for improving the effective enjoyment of human rights
and fundamental freedoms
Public libraries and the right to
information
Report of the Secretary-General
Summary
The present report describes how public libraries help people find information.
* A/78/150.
"""

EN_EMERGENCY_DRAFT = """United Nations A/ES-10/L.30
General Assembly Distr.: Limited
10 May 2024
Original: English
Tenth emergency special session
Agenda items 5 and 6 (a) and (b)
Argentina, Chile and
Uruguay: draft resolution
Illegal actions in an imaginary territory
The General Assembly,
Recalling its earlier resolutions,
"""

RU_REPORT = """Организация Объединенных Наций A/79/300
Генеральная Ассамблея Distr.: General
2 августа 2024 года
Russian
Original: English
Семьдесят девятая сессия
Пункт 20 предварительной повестки дня*
Устойчивое развитие
Библиотеки и устойчивое развитие
Доклад Генерального секретаря
Резюме
В настоящем докладе описана работа публичных библиотек.
"""

ES_ECOSOC_NOTE = """Naciones Unidas E/2024/55
Consejo Económico y Social Distr. general
15 de abril de 2024
Español
Original: inglés
Período de sesiones de 2024
Tema 18 b) del programa provisional*
Cuestiones económicas y ambientales: estadística
Informe de la Comisión de Estadística sobre su 55º período de sesiones
Nota del Secretario General
"""

AR_LETTER = """الأمم المتحدة S/2024/600
مجلس الأمن التوزيع: عام
12 آب/أغسطس 2024
عربي
الأصل: بالفرنسية
رسالة مؤرخة 9 آب/أغسطس 2024 موجهة إلى رئيس مجلس الأمن من الممثل الدائم لروريتانيا
لدى الأمم المتحدة
أتشرف بأن أحيل إليكم طيه مذكرة قصيرة بشأن التعاون بين المكتبات العامة في منطقتنا،
وأرجو ممتنا تعميم هذه الرسالة ومرفقها بوصفهما وثيقة من وثائق مجلس الأمن.
"""

COVERS = [
    (
        FR_REPORT,
        "fr",
        DocMetadata(
            title="Coopération régionale entre bibliothèques publiques",
            date="2024-10-03",
            body="A",
            session="79",
            agenda_items=["68 (b)"],
        ),
    ),
    (
        ES_GA_RESOLUTION,
        "es",
        DocMetadata(
            title="Cooperación entre las bibliotecas nacionales y la Organización",
            date="2024-12-12",
            adopted="2024-12-04",
            body="A",
            session="79",
            agenda_items=["15"],
            meeting="A/79/PV.45",
        ),
    ),
    (
        RU_SC_RESOLUTION,
        "ru",
        DocMetadata(
            title="Резолюция 2799 (2025)",
            date="2025-05-14",
            adopted="2025-05-14",
            body="S",
            session="2025",
            meeting="S/PV.9912",
        ),
    ),
    (
        AR_GA_RESOLUTION,
        "ar",
        DocMetadata(
            title="التعاون الإقليمي في مجال المكتبات العامة",
            date="2023-12-22",
            adopted="2023-12-19",
            body="A",
            session="78",
            agenda_items=["71 (b)"],
            meeting="A/78/PV.50",
        ),
    ),
    (
        ZH_GA_RESOLUTION,
        "zh",
        DocMetadata(
            title="公共图书馆领域的区域合作",
            date="2023-12-22",
            adopted="2023-12-19",
            body="A",
            session="78",
            agenda_items=["71 (b)"],
            meeting="A/78/PV.50",
        ),
    ),
    (
        ZH_SC_RESOLUTION,
        "zh",
        DocMetadata(
            title="第2799(2025)号决议",
            date="2025-05-14",
            adopted="2025-05-14",
            body="S",
            session="2025",
            meeting="S/PV.9912",
        ),
    ),
    (
        EN_SC_RESOLUTION,
        "en",
        DocMetadata(
            title="Resolution 2799 (2025)",
            date="2025-05-14",
            adopted="2025-05-14",
            body="S",
            session="2025",
            meeting="S/PV.9912",
        ),
    ),
    (
        EN_REPORT_RAW,
        "en",
        DocMetadata(
            title="Public libraries and the right to information",
            date="2023-07-28",
            body="A",
            session="78",
            agenda_items=["71 (b)"],
        ),
    ),
    (
        EN_EMERGENCY_DRAFT,
        "en",
        DocMetadata(
            title="Illegal actions in an imaginary territory",
            date="2024-05-10",
            body="A",
            session="ES-10",
            agenda_items=["5", "6 (a)", "6 (b)"],
        ),
    ),
    (
        RU_REPORT,
        "ru",
        DocMetadata(
            title="Библиотеки и устойчивое развитие",
            date="2024-08-02",
            body="A",
            session="79",
            agenda_items=["20"],
        ),
    ),
    (
        ES_ECOSOC_NOTE,
        "es",
        DocMetadata(
            title="Informe de la Comisión de Estadística sobre su 55º período de sesiones",
            date="2024-04-15",
            body="E",
            session="2024",
            agenda_items=["18 (b)"],
        ),
    ),
    (
        AR_LETTER,
        "ar",
        DocMetadata(
            title=(
                "رسالة مؤرخة 9 آب/أغسطس 2024 موجهة إلى رئيس مجلس الأمن من الممثل الدائم "
                "لروريتانيا لدى الأمم المتحدة"
            ),
            date="2024-08-12",
            body="S",
            session="2024",
        ),
    ),
]


@pytest.mark.parametrize(("text", "lang", "expected"), COVERS)
def test_cover_pages_in_six_languages(text: str, lang: str, expected: DocMetadata) -> None:
    assert extract_metadata(text, lang) == expected


def test_own_symbol_gives_body_and_session_when_the_cover_does_not() -> None:
    cover = EN_REPORT_RAW.replace("Seventy-eighth session\n", "").replace("General Assembly ", "")
    assert extract_metadata(cover, "en").session is None
    meta = extract_metadata(cover, "en", own=own("A/78/256"))
    assert (meta.body, meta.session) == ("A", "78")


def test_emergency_session_plenary_meeting_symbol() -> None:
    text = (
        EN_EMERGENCY_DRAFT.replace(
            "Argentina, Chile and\nUruguay: draft resolution\n",
            "Resolution adopted by the General Assembly on 10 May 2024\nES-10/99. ",
        )
        + "\n12th plenary meeting\n10 May 2024\n"
    )
    meta = extract_metadata(text, "en")
    assert (meta.adopted, meta.meeting, meta.session) == ("2024-05-10", "A/ES-10/PV.12", "ES-10")
    assert meta.title == "Illegal actions in an imaginary territory"


def test_early_general_assembly_resolution_with_roman_session() -> None:
    text = (
        "Resolution adopted by the General Assembly on 14 December 1960\n"
        "1514 (XV). An imaginary declaration on libraries\nThe General Assembly,\n"
        "1. Declares that libraries matter.\n947th plenary meeting,\n14 December 1960.\n"
    )
    meta = extract_metadata(text, "en")
    assert meta.title == "An imaginary declaration on libraries"
    assert (meta.session, meta.adopted, meta.body) == ("15", "1960-12-14", "A")
    # Plenary records were one series (A/PV.947) before the 31st session.
    assert meta.meeting == "A/PV.947"


def test_markdown_links_and_an_embedded_file_name_are_ignored() -> None:
    text = FR_REPORT.replace("* A/79/150.", "* [A/79/150](#).")
    meta = extract_metadata(text, "fr", embedded_title="A_79_412-FR", filename="A_79_412-FR.pdf")
    assert meta.title == "Coopération régionale entre bibliothèques publiques"
    bare = "Nations Unies\nDistr. générale\n"
    assert (
        extract_metadata(bare, "fr", embedded_title="A_79_412-FR", filename="A_79_412-FR.pdf").title
        is None
    )


def test_large_texts_still_give_their_cover_facts() -> None:
    """Cover facts come from the head; only a resolution reads the whole text (regex only)."""
    body = "The libraries of the region exchanged catalogues and staff during the year.\n" * 70_000
    for text in (EN_REPORT_RAW + body, ES_GA_RESOLUTION.replace("45ª sesión", "") + body):
        meta = extract_metadata(text, "en" if text.startswith("United") else "es")
        assert meta.title is not None


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    # The Arabic letter is left out: a wrapped Arabic line, once reflowed into a paragraph of
    # its own, shows no sign (no letter case) that it continues the title above.
    [cover for cover in COVERS if cover[0] is not AR_LETTER],
)
def test_covers_split_into_blank_line_paragraphs_read_the_same(
    text: str, lang: str, expected: DocMetadata
) -> None:
    """Cleaned text may keep each printed line as a paragraph of its own."""
    assert extract_metadata("\n\n".join(text.split("\n")), lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "title"),
    [
        (
            "United Nations S/2024/512\nSecurity Council\nOriginal: French\n"
            "Letter dated 5 July 2024 from the Permanent Representative of Ruritania to the United\n"
            "Nations addressed to the President of the Security Council\n"
            "I have the honour to transmit herewith a short note on library cooperation.\n",
            "en",
            "Letter dated 5 July 2024 from the Permanent Representative of Ruritania to the "
            "United Nations addressed to the President of the Security Council",
        ),
        (
            "联合国 S/2024/512\n安全理事会\n2024年7月5日鲁里塔尼亚常驻联合国代表给安全理事会主席的信\n"
            "谨随函转递一份关于图书馆合作的简短说明。\n",
            "zh",
            "2024年7月5日鲁里塔尼亚常驻联合国代表给安全理事会主席的信",
        ),
    ],
)
def test_letter_without_issue_date_is_dated_by_its_title(text: str, lang: str, title: str) -> None:
    meta = extract_metadata(text, lang)
    assert (meta.title, meta.date, meta.body, meta.session) == (title, "2024-07-05", "S", "2024")


@pytest.mark.parametrize("text", ["", "\n\n  \n", "Distr.: General"])
def test_empty_or_bare_text_gives_empty_metadata(text: str) -> None:
    assert extract_metadata(text, "en") == DocMetadata()


def test_human_rights_council_meeting_is_not_a_general_assembly_plenary() -> None:
    text = (
        "United Nations A/HRC/RES/52/1\nGeneral Assembly Distr.: General\n10 April 2023\n"
        "Original: English\nHuman Rights Council\nFifty-second session\nAgenda item 3\n"
        "Resolution adopted by the Human Rights Council on 3 April 2023\n"
        "52/1. Public libraries and human rights\nThe Human Rights Council,\n"
        "1. Encourages libraries to open their collections.\n49th plenary meeting\n3 April 2023\n"
    )
    meta = extract_metadata(text, "en")
    assert (meta.body, meta.session, meta.agenda_items) == ("A", "52", ["3"])
    assert (meta.date, meta.adopted, meta.title) == (
        "2023-04-10",
        "2023-04-03",
        "Public libraries and human rights",
    )
    assert meta.meeting is None  # A/52/PV.49 would name a General Assembly meeting
    unnamed = text.replace("Human Rights Council on", "Council on")  # organ not named there
    assert extract_metadata(unnamed, "en", own=own("A/HRC/RES/52/1")).meeting is None
