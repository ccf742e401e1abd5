"""Titles: real texts, real catalogue titles laid out as covers at test time, and the rules.

The Third Committee records in ``undl-marc-a-c3-78`` give real titles (with their real length,
punctuation and wording); each is printed into a draft cover and into a report cover, raw-wrapped
as PDF text is and reflowed as cleaned text is, and must come back whole.
"""

from __future__ import annotations

import csv
import datetime as dt
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from unlib.ingest.cover import cover_zone, document_head
from unlib.ingest.cover_lines import MAX_TITLE_CHARS
from unlib.ingest.doctype import classify_doc_type
from unlib.ingest.metadata import extract_metadata
from unlib.ingest.titles import (
    clean_title,
    find_title,
    resolution_heading_session,
    security_council_heading,
    security_council_title,
)
from unlib.model import OwnSymbol


def title_of(text: str, lang: str, embedded_title: str | None = None) -> str | None:
    head = document_head(text, None)
    return find_title(head, cover_zone(head), text, lang, embedded_title=embedded_title)


# --- real catalogue titles, printed as covers ------------------------------------------------------


@dataclass(frozen=True)
class Record:
    symbol: str
    date: str
    title: str  # as printed on the document (": " where the catalogue has " : ")
    agenda_item: str  # "24 (b)"


def draft_records(shared_data: Path) -> list[Record]:
    path = shared_data / "undl-marc-a-c3-78" / "dev_records_summary.tsv"
    records = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            title, _, kind = row["title"].removesuffix(" /").rpartition(" : ")
            if kind not in ("draft resolution", "revised draft resolution", "draft decision"):
                continue
            item = row["agenda"].split(" | ")[1]
            number = "".join(ch for ch in item.split("[")[0] if ch.isdigit())
            letter = "".join(ch for ch in item.split("[")[0] if ch.isalpha())
            label = f"{number} ({letter})" if letter else number
            records.append(Record(row["symbol"], row["date"], title.replace(" : ", ": "), label))
    return records


def printed_date(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def draft_cover(record: Record, width: int) -> str:
    wrapped = "\n".join(textwrap.wrap(record.title, width))
    return (
        f"United Nations {record.symbol}\nGeneral Assembly Distr.: Limited\n"
        f"{printed_date(record.date)}\nOriginal: English\nSeventy-eighth session\n"
        f"Third Committee\nAgenda item {record.agenda_item}\n"
        "Andorra, Bhutan, Cabo Verde and\nDenmark: draft resolution\n"
        f"{wrapped}\nThe General Assembly,\nRecalling its earlier resolutions on the subject,\n"
    )


def report_cover(record: Record, width: int) -> str:
    wrapped = "\n".join(textwrap.wrap(record.title, width))
    return (
        f"United Nations A/78/{len(record.title)}\nGeneral Assembly Distr.: General\n"
        f"{printed_date(record.date)}\nOriginal: English\nSeventy-eighth session\n"
        f"Item {record.agenda_item} of the provisional agenda*\nSocial development\n"
        f"{wrapped}\nReport of the Secretary-General\nSummary\n"
        "The present report gives an account of the matter.\n"
    )


def expected_title(record: Record) -> str:
    return clean_title(record.title)


def test_there_are_real_records_to_check(shared_data: Path) -> None:
    records = draft_records(shared_data)
    assert len(records) >= 40
    assert sum(len(r.title) > 200 for r in records) >= 3  # long titles wrap over many lines


@pytest.mark.parametrize("width", [60, 85])
def test_real_titles_come_back_from_raw_draft_covers(shared_data: Path, width: int) -> None:
    for record in draft_records(shared_data):
        text = draft_cover(record, width)
        meta = extract_metadata(text, "en")
        assert meta.title == expected_title(record), record.symbol
        assert (meta.date, meta.session, meta.body) == (record.date, "78", "A"), record.symbol
        assert meta.agenda_items == [record.agenda_item], record.symbol
        assert classify_doc_type(None, meta.title, text, "en") == "draft", record.symbol


def test_real_titles_come_back_from_report_covers_raw_and_reflowed(shared_data: Path) -> None:
    for record in draft_records(shared_data):
        raw = report_cover(record, 80)
        reflowed = "\n\n".join(report_cover(record, 10_000).split("\n"))
        for text in (raw, reflowed):
            assert title_of(text, "en") == expected_title(record), record.symbol


# --- real documents --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("000", "全球传播部的活动：外联和知识服务"),  # the block above "秘书长的报告"
        ("001", "全球传播部的活动：外联和知识服务"),
        ("003", "秘书长关于联合国工作的报告"),  # spaced "秘书长 关于…" on the cover, repaired
        ("004", "秘书长关于联合国工作的报告"),
    ],
)
def test_zh_report_titles(shared_data: Path, prefix: str, title: str) -> None:
    (path,) = (shared_data / "zh-reports").glob(f"{prefix}_*.txt")
    found = title_of(path.read_text(encoding="utf-8"), "zh")
    assert found == title
    assert found not in ("审议秘书长提交的报告", "新闻委员会", "联合国")  # agenda title, organ


def test_zh_report_without_cover_takes_its_first_heading(shared_data: Path) -> None:
    (path,) = (shared_data / "zh-reports").glob("002_*.txt")
    assert title_of(path.read_text(encoding="utf-8"), "zh") == "总方向"


# --- the rules ---------------------------------------------------------------------------------------


def test_resolution_heading_joins_wrapped_lines_up_to_the_preamble() -> None:
    text = (
        "Resolution adopted by the General Assembly on 1 June 2024\n"
        "[without reference to a Main Committee (A/78/L.90)]\n"
        "78/300. Cooperation between public libraries and the\n"
        "United Nations in the field of digital heritage\n"
        "The General Assembly,\nRecalling its resolution 77/1,\n"
    )
    assert title_of(text, "en") == (
        "Cooperation between public libraries and the United Nations in the field of digital heritage"
    )
    joined = text.replace("]\n78/300.", "] 78/300.")  # a cleaner joined the bracket line
    assert title_of(joined, "en") == title_of(text, "en")


@pytest.mark.parametrize(
    ("heading", "session"),
    [
        ("73/3. Title", "73"),
        ("ES-10/21. Title", "ES-10"),
        ("S-26/2. Title", "S-26"),
        ("1514 (XV). Title", "15"),
        ("2453 A (XXIII). Title", "23"),
        ("2018/12. Title", "2018"),
        ("78/190 - عنوان", "78"),
        ("Resolution 600 (1987)", None),
    ],
)
def test_resolution_heading_session(heading: str, session: str | None) -> None:
    assert resolution_heading_session(heading + "\n") == session


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "Resolution 1244 (1999)"),
        ("fr", "Résolution 1244 (1999)"),
        ("es", "Resolución 1244 (1999)"),
        ("ru", "Резолюция 1244 (1999)"),
        ("ar", "القرار 1244 (1999)"),
        ("zh", "第1244(1999)号决议"),
    ],
)
def test_security_council_resolution_title_in_each_language(lang: str, title: str) -> None:
    symbol = OwnSymbol("S/RES/1244 (1999)", "S/RES/1244", "head", "")
    assert security_council_title("", lang, symbol) == title


@pytest.mark.parametrize(
    ("head", "found"),
    [
        ("Resolution 600 (1987)\nof 19 October 1987", ("600", "1987")),
        ("RESOLUTION 898 (1994)\n\nAdopted by the Security Council", ("898", "1994")),
        ("12 (1946). Resolution of 10 December 1946", ("12", "1946")),
        ("第2720(2023)号决议\n2023年12月22日安全理事会第9520次会议通过", ("2720", "2023")),
        ("1514 (XV). Declaration", None),  # a General Assembly number, not the Council's
        ("The Council recalls resolution 600 (1987) of 19 October 1987", None),
    ],
)
def test_security_council_heading(head: str, found: tuple[str, str] | None) -> None:
    assert security_council_heading(head) == found


@pytest.mark.parametrize(
    ("text", "lang", "title"),
    [
        (
            "Nations Unies S/2024/7\nConseil de sécurité Distr. générale\n4 janvier 2024\n"
            "Lettre datée du 2 janvier 2024, adressée au Président du Conseil de sécurité\n"
            "par le Représentant permanent de la Ruritanie\nJ'ai l'honneur de vous faire tenir…\n",
            "fr",
            "Lettre datée du 2 janvier 2024, adressée au Président du Conseil de sécurité par le "
            "Représentant permanent de la Ruritanie",
        ),
        (
            "United Nations A/79/1\nGeneral Assembly Distr.: General\n1 August 2024\n"
            "Report of the Secretary-General on the work\nof the Organization\n"
            "Contents\n",
            "en",
            "Report of the Secretary-General on the work of the Organization",
        ),
        (
            "Naciones Unidas S/PRST/2024/3\nConsejo de Seguridad Distr. general\n"
            "8 de marzo de 2024\nDeclaración de la Presidencia del Consejo de Seguridad\n"
            "En la 9999ª sesión del Consejo…\n",
            "es",
            "Declaración de la Presidencia del Consejo de Seguridad",
        ),
        (
            "Организация Объединенных Наций A/79/5\nГенеральная Ассамблея Distr.: General\n"
            "Семьдесят девятая сессия\nПункт 7 повестки дня\nЗаписка Генерального секретаря\n",
            "ru",
            "Записка Генерального секретаря",  # no title block above: the heading itself
        ),
    ],
)
def test_title_lines_in_other_languages(text: str, lang: str, title: str) -> None:
    assert title_of(text, lang) == title


def test_boilerplate_is_never_a_title() -> None:
    cover = (
        "United Nations A/79/9\nGeneral Assembly Distr.: General\n3 May 2024\n"
        "Original: English\n24-01234 (E) 030524\n*2401234*\nSeventy-ninth session\n"
        "Agenda item 12\n"
    )
    assert title_of(cover, "en") is None
    for lang, cover_line in (("zh", "联合国"), ("fr", "Nations Unies"), ("ar", "الأمم المتحدة")):
        assert title_of(f"{cover_line}\n", lang) is None


def test_embedded_title_used_only_when_meaningful() -> None:
    body = "1. The libraries of the region exchanged catalogues and staff during the year.\n"
    assert title_of(body, "en", embedded_title="Library cooperation in the region") == (
        "Library cooperation in the region"
    )
    for noise in ("Microsoft Word - 2401234.docx", "A/79/9", "24-01234", "Untitled", "  "):
        assert title_of(body, "en", embedded_title=noise) is None


def test_clean_title() -> None:
    assert clean_title("Public  libraries\nand archives*") == "Public libraries and archives"
    assert clean_title("秘书长 关于联合国工作的报告 (A/78/1)") == "秘书长关于联合国工作的报告"
    long_title = "word " * 100
    cleaned = clean_title(long_title)
    assert len(cleaned) <= MAX_TITLE_CHARS + 1 and cleaned.endswith("…")
