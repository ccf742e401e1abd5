"""A passage index built from real UN text in ../shared/data, shared by the search tests.

Works: the five zh-reports (split on blank lines), the Charter in six languages (one work,
six language versions), and the Security Council resolutions (one work each, keyed by the
symbol in the file name). Citations are found with a deliberately simple rule (slash symbols
in the text; "N (YYYY)" numbers in resolutions that speak of resolutions): enough to have
citing passages without depending on the real citation extractor.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from unlib.search.engine import SearchEngine
from unlib.search.index import IndexedPassage, PassageIndex
from unlib.symbols import try_parse
from unlib.text.analysis import prepare_for_index

# Reference symbols of the zh-reports files, as listed in zh-reports/SOURCE.md.
ZH_REPORTS = {
    "000": ("A/AC.198/2023/4", 2023),
    "001": ("A/AC.198/2021/4", 2021),
    "002": (None, 2016),
    "003": ("A/78/1", 2023),
    "004": ("A/80/1", 2025),
}
CHARTER_WORK = 100
CHARTER_LANGS = ("ar", "zh", "en", "fr", "ru", "es")
TITLE_BOOST = 6.0
_SLASH_SYMBOL = re.compile(r"\b[A-Z]{1,5}(?:/[A-Za-z0-9.()\-]+)+")
_SC_FILE = re.compile(r"S_RES_(\d{4})_(\d{4})_EN")
_NUMBER_YEAR = re.compile(r"\b(\d{1,4}) \((19[4-9]\d)\)")


@dataclass
class Corpus:
    index: PassageIndex
    engine: SearchEngine
    texts: dict[int, tuple[str, str]] = field(default_factory=dict)  # pid -> (lang, text)
    work_of: dict[int, int] = field(default_factory=dict)  # pid -> work
    work_ids: dict[str, int] = field(default_factory=dict)  # "zh000", "S/RES/242" -> work
    years: dict[int, int] = field(default_factory=dict)  # work -> year
    passages: list[IndexedPassage] = field(default_factory=list)

    def passages_of(self, work: int) -> list[int]:
        return [pid for pid, owner in self.work_of.items() if owner == work]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _slash_citations(text: str) -> tuple[str, ...]:
    keys = (try_parse(match.group().rstrip(".,;)")) for match in _SLASH_SYMBOL.finditer(text))
    return tuple(dict.fromkeys(symbol.key for symbol in keys if symbol is not None))


def _resolution_citations(text: str) -> tuple[str, ...]:
    if "resolution" not in text.lower():
        return ()
    keys = (try_parse(f"S/RES/{m.group(1)} ({m.group(2)})") for m in _NUMBER_YEAR.finditer(text))
    return tuple(dict.fromkeys(symbol.key for symbol in keys if symbol is not None))


class _Builder:
    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.pid = 0

    def add(
        self,
        work: int,
        vid: int,
        lang: str,
        text: str,
        *,
        key: str | None = None,
        body: str | None = None,
        year: int | None = None,
        doc_type: str = "report",
        kind: str = "paragraph",
        cites: tuple[str, ...] = (),
    ) -> None:
        self.pid += 1
        passage = IndexedPassage(
            pid=self.pid,
            vid=vid,
            work=work,
            work_key=key,
            lang=lang,
            body=body,
            year=year,
            doc_type=doc_type,
            kind=kind,
            cites=cites,
            text=prepare_for_index(lang, text),
            boost=TITLE_BOOST if kind == "title" else 0.0,
        )
        self.corpus.passages.append(passage)
        self.corpus.texts[self.pid] = (lang, text)
        self.corpus.work_of[self.pid] = work
        if year is not None:
            self.corpus.years[work] = year


def _zh_reports(builder: _Builder, data: Path) -> None:
    for number, path in enumerate(sorted((data / "zh-reports").glob("0*.txt")), start=1):
        symbol, year = ZH_REPORTS[path.name[:3]]
        parsed = try_parse(symbol) if symbol else None
        key = parsed.key if parsed else None
        builder.corpus.work_ids[f"zh{path.name[:3]}"] = number
        for para in paragraphs(path.read_text(encoding="utf-8")):
            builder.add(
                number, number, "zh", para, key=key, body="A", year=year,
                cites=_slash_citations(para),
            )  # fmt: skip


def _charter(builder: _Builder, data: Path) -> None:
    lines = (data / "un-charter" / "un_charter_articles_6lang.jsonl").read_text(encoding="utf-8")
    records = [json.loads(line) for line in lines.splitlines()]
    builder.corpus.work_ids["charter"] = CHARTER_WORK
    for offset, lang in enumerate(CHARTER_LANGS):
        for record in records:
            for para in paragraphs(record[lang]):
                builder.add(CHARTER_WORK, CHARTER_WORK + offset, lang, para, year=1945,
                            doc_type="treaty")  # fmt: skip


def _resolutions(builder: _Builder, data: Path) -> None:
    files = sorted((data / "unsc-resolutions-en" / "texts").glob("S_RES_*.txt"))
    for number, path in enumerate(files, start=1000):
        match = _SC_FILE.match(path.name)
        assert match, path
        symbol = try_parse(f"S/RES/{int(match.group(1))} ({match.group(2)})")
        assert symbol is not None
        builder.corpus.work_ids[symbol.key] = number
        paras = paragraphs(path.read_text(encoding="utf-8"))
        for seq, para in enumerate(paras):
            cites = tuple(k for k in _resolution_citations(para) if k != symbol.key)
            builder.add(
                number, number, "en", para, key=symbol.key, body="S",
                year=int(match.group(2)), doc_type="resolution", cites=cites,
                kind="title" if seq == 0 else "paragraph",
            )  # fmt: skip


def build_corpus(data: Path, path: Path) -> Corpus:
    """Index the corpus into a new index at ``path`` (closed for writing when returned)."""
    index = PassageIndex(path, writer_heap_mb=64)
    built = Corpus(index, SearchEngine(index))
    builder = _Builder(built)
    _zh_reports(builder, data)
    _charter(builder, data)
    _resolutions(builder, data)
    index.add(built.passages)
    index.commit()
    index.close()
    return built
