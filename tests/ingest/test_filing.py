"""Where documents land: language versions under one symbol, scans awaiting OCR, local ids."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx

from tests.conftest import make_settings
from tests.ingest.test_parsers_pdf import build_pdf
from unlib.services.library import Library
from unlib.services.search import SearchRequest

# A French cover page in the UN layout, written for this test (not a UN text).
FRENCH_COVER = [
    "Nations Unies",
    "A/RES/73/3",
    "Assemblée générale",
    "Distr. générale",
    "18 octobre 2018",
    "Soixante-treizième session",
    "Point 129 de l’ordre du jour",
    "Résolution adoptée par l’Assemblée générale le 10 octobre 2018",
    "73/3. Déclaration politique sur la lutte contre la tuberculose",
    "L’Assemblée générale,",
    "1. Adopte la déclaration politique annexée à la présente résolution ;",
    "2. Décide de rester saisie de la question.",
]

SPANISH_PAGE = """<!DOCTYPE html><html lang="es"><head><meta charset="utf-8">
<title>Declaración política sobre la lucha contra la tuberculosis</title></head>
<body><nav>Inicio · Documentos</nav><main>
<h1>Declaración política sobre la lucha contra la tuberculosis</h1>
<p>La Asamblea General,</p>
<p>1. Aprueba la declaración política que figura en el anexo de la presente resolución;</p>
<p>2. Decide seguir ocupándose de la cuestión y recuerda su resolución 71/3.</p>
</main><script>var x = "<b>no</b>";</script></body></html>"""


def _french_docx(path: Path) -> Path:
    document = docx.Document()
    for line in FRENCH_COVER:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def test_versions_in_other_languages_and_formats_join_the_same_work(
    shared_data: Path, new_library, tmp_path: Path
) -> None:
    english = shared_data / "ga-resolution-pdfs-en" / "A_RES_73_3-EN.pdf"
    french = _french_docx(tmp_path / "declaration-fr.docx")  # symbol from the text only
    spanish = tmp_path / "A_RES_73_3-ES.html"  # symbol from the UN file name only
    spanish.write_text(SPANISH_PAGE, encoding="utf-8")
    library = new_library()
    report = library.ingest([english, french, spanish])
    assert report.ingested == 3 and not report.rejected
    assert len(list(library.list_works())) == 1
    record = library.show("A/RES/73/3")
    assert record["languages"] == ["en", "fr", "es"]
    sources = {v["lang"]: v["files"][0]["symbol_source"] for v in record["versions"]}
    assert sources["es"] == "filename" and sources["fr"] != "filename"
    assert record["titles"]["fr"] == "Déclaration politique sur la lutte contre la tuberculose"
    work = library.resolve("A/RES/73/3")
    spanish_version = library.catalogue.version_of(work.id, "es")
    assert spanish_version is not None
    assert "Inicio" not in library.catalogue.version_text(spanish_version.id)


def test_a_text_file_replaces_the_text_of_a_scan_awaiting_ocr(new_library, tmp_path: Path) -> None:
    scan = tmp_path / "scan" / "A_78_999-EN.pdf"
    scan.parent.mkdir()
    scan.write_bytes(build_pdf([[], []], drawing_only=True))
    library = new_library()
    first = library.ingest([scan])
    assert first.needs_ocr == [str(scan)]
    assert library.show("A/78/999")["versions"][0]["needs_ocr"] is True
    assert library.stats()["needs_ocr"] == 1
    text = tmp_path / "text" / "A_78_999-EN.txt"
    text.parent.mkdir()
    text.write_text(
        "United Nations A/78/999\n\nGeneral Assembly\n\n"
        "Report of the Secretary-General on library services\n\n"
        "1. The libraries digitized their collections of official records.\n",
        encoding="utf-8",
    )
    second = library.ingest([text])
    assert [f.action for f in second.filed] == ["replaced-text"]
    version = library.show("A/78/999")["versions"][0]
    assert version["needs_ocr"] is False and version["passages"] >= 1
    assert len(version["files"]) == 2  # the scan is kept beside the text
    hits = library.search(SearchRequest("digitized"))
    assert [r["id"] for r in hits["results"]] == ["A/78/999"]


def test_documents_without_symbols_get_stable_local_ids(shared_data: Path, tmp_path: Path) -> None:
    source = shared_data / "un-charter" / "un_charter_fr.txt"
    ids = []
    for run in ("first", "second"):  # two libraries, the file copied to different folders
        folder = tmp_path / run / "in"
        folder.mkdir(parents=True)
        shutil.copyfile(source, folder / source.name)
        with Library(make_settings(tmp_path / run / "data"), create=True) as library:
            library.ingest([folder])
            ids.append(next(iter(library.list_works()))["id"])
    assert ids[0] == ids[1] and ids[0].startswith("local:un-charter-")
