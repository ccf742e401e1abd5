"""Language identification on real UN texts, single sentences and short titles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from unlib.model import LANGUAGES
from unlib.text.langid import SAMPLE_WINDOWS, WINDOW_CHARS, _sample, detect_language

# Short titles written for this test, one per language and kind of document.
TITLES = [
    ("en", "Report of the Secretary-General on the work of the Organization"),
    ("en", "Situation in the Middle East"),
    ("fr", "Rapport du Secrétaire général sur l'activité de l'Organisation"),
    ("fr", "La situation au Moyen-Orient"),
    ("es", "Informe del Secretario General sobre la labor de la Organización"),
    ("es", "La situación en Oriente Medio"),
    ("ru", "Доклад Генерального секретаря о работе Организации"),
    ("zh", "秘书长关于本组织工作的报告"),
    ("ar", "تقرير الأمين العام عن أعمال المنظمة"),
]


def test_charter_in_six_languages(shared_data: Path) -> None:
    for lang in LANGUAGES:
        text = (shared_data / "un-charter" / f"un_charter_{lang}.txt").read_text(encoding="utf-8")
        detected, confidence = detect_language(text)
        assert detected == lang and confidence > 0.9, (lang, detected, confidence)


def test_chinese_reports(shared_data: Path) -> None:
    for path in sorted((shared_data / "zh-reports").glob("*.txt")):
        detected, confidence = detect_language(path.read_text(encoding="utf-8"))
        assert detected == "zh" and confidence > 0.8, path.name


def test_security_council_resolutions(shared_data: Path) -> None:
    paths = sorted((shared_data / "unsc-resolutions-en" / "texts").glob("*.txt"))[::15]
    for path in paths:
        assert detect_language(path.read_text(encoding="utf-8"))[0] == "en", path.name


def test_sentences_from_the_parallel_charter(shared_data: Path) -> None:
    records = (shared_data / "un-charter" / "un_charter_articles_6lang.jsonl").read_text("utf-8")
    sentences = []
    for line in records.splitlines()[1:13]:
        record = json.loads(line)
        for lang in LANGUAGES:
            first = re.split(r"(?<=[.;。；])\s*", record[lang].strip())[0]
            sentences.append((lang, first))
    right = sum(detect_language(sentence)[0] == lang for lang, sentence in sentences)
    accuracy = right / len(sentences)
    print(f"sentence accuracy: {right}/{len(sentences)} = {accuracy:.3f}")
    assert len(sentences) >= 60 and accuracy >= 0.95


@pytest.mark.parametrize(("lang", "title"), TITLES)
def test_short_titles(lang: str, title: str) -> None:
    assert detect_language(title)[0] == lang


@pytest.mark.parametrize(
    "text",
    [
        "Der Sicherheitsrat hat heute eine neue Resolution über die Lage verabschiedet.",
        "Il Consiglio di sicurezza ha approvato oggi una nuova risoluzione sulla situazione.",
        "O Conselho de Segurança aprovou hoje uma nova resolução sobre a situação.",
        "De Veiligheidsraad heeft vandaag een nieuwe resolutie over de situatie aangenomen.",
        "安全保障理事会は本日、新しい決議を採択しました。",
        "Рада Безпеки сьогодні ухвалила нову резолюцію щодо ситуації в регіоні.",
        "شورای امنیت امروز قطعنامه جدیدی را درباره وضعیت منطقه تصویب کرد.",
        "12345 67/89 — 2024",
        "A/AC.198/2023/4 S/RES/1244 (1999)",
        "",
    ],
)
def test_other_languages_and_non_text_are_undetermined(text: str) -> None:
    assert detect_language(text)[0] == "und"


def test_long_documents_are_sampled(shared_data: Path) -> None:
    english = (shared_data / "un-charter" / "un_charter_en.txt").read_text(encoding="utf-8")
    huge = english * 200  # about 12 MB
    assert detect_language(huge)[0] == "en"
    # Detection looks at a bounded sample, however long the document.
    assert len(_sample(huge)) <= SAMPLE_WINDOWS * WINDOW_CHARS + SAMPLE_WINDOWS
