"""Reading and writing the FAQ as files: JSON (the whole entries) and CSV (one row per entry
and language, for spreadsheets).

JSON: ``{"format": "unlib-faq", "version": 1, "entries": [entry, …]}`` (a bare list of
entries is read too), each entry as in :mod:`unlib.faq.entries` plus its ``views``.

CSV columns: ``key, source_lang, lang, question, answer, variants, links`` — ``variants`` one
per line in the cell, ``links`` one per line as ``record:A/RES/73/3 | label`` or
``search:query``. Rows with the same key are one entry.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any, Final

from unlib.faq.entries import FaqError, entry_from_json, entry_json, link_line
from unlib.store.faq import FaqEntry

FORMAT: Final = "unlib-faq"
VERSION: Final = 1
CSV_COLUMNS: Final = ("key", "source_lang", "lang", "question", "answer", "variants", "links")


def file_format(name: str, given: str | None = None) -> str:
    """``json`` or ``csv``: as given, else from the file name's extension."""
    chosen = (given or name.rsplit(".", 1)[-1]).lower()
    if chosen not in ("json", "csv"):
        raise FaqError(f"cannot tell the format of {name!r}: name it .json or .csv")
    return chosen


def read_entries(text: str, fmt: str) -> list[FaqEntry]:
    """Entries from a file's text; the first invalid one stops the import, with its place."""
    raws = _json_entries(text) if fmt == "json" else _csv_entries(text)
    entries = []
    for number, raw in enumerate(raws, start=1):
        try:
            entries.append(entry_from_json(raw))
        except FaqError as error:
            where = raw.get("key") if isinstance(raw, dict) and raw.get("key") else f"#{number}"
            raise FaqError(f"entry {where}: {error}") from error
    keys = [entry.key for entry in entries]
    if duplicated := sorted({key for key in keys if keys.count(key) > 1}):
        raise FaqError(f"the file has several entries with key {', '.join(duplicated)}")
    return entries


def _json_entries(text: str) -> list[Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FaqError(f"not valid JSON: {error}") from error
    if isinstance(data, dict):
        if data.get("format", FORMAT) != FORMAT:
            raise FaqError(f"this JSON is not an unlib FAQ export (format {data.get('format')!r})")
        data = data.get("entries")
    if not isinstance(data, list):
        raise FaqError('expected {"entries": [...]} or a list of entries')
    return data


def _csv_entries(text: str) -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = {"lang", "question", "answer"} - set(reader.fieldnames or ())
    if missing:
        raise FaqError(f"the CSV lacks the column(s) {', '.join(sorted(missing))}")
    grouped: dict[str, dict[str, Any]] = {}
    for number, row in enumerate(reader, start=2):
        key = (row.get("key") or "").strip() or f"row-{number}"
        entry = grouped.setdefault(key, {"texts": {}, "links": ""})
        if (row.get("key") or "").strip():
            entry["key"] = key
        entry["source_lang"] = entry.get("source_lang") or (row.get("source_lang") or "").strip()
        entry["links"] = entry["links"] or (row.get("links") or "")
        lang = (row.get("lang") or "").strip()
        if lang in entry["texts"]:
            raise FaqError(f"CSV line {number}: a second {lang} row for entry {key}")
        entry["texts"][lang] = {
            "question": row.get("question"),
            "answer": row.get("answer"),
            "variants": (row.get("variants") or "").splitlines(),
        }
    return list(grouped.values())


def write_entries(entries: Sequence[FaqEntry], fmt: str) -> str:
    if fmt == "json":
        payload = {
            "format": FORMAT,
            "version": VERSION,
            "entries": [_export_json(entry) for entry in entries],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_rows(entries))
    return out.getvalue()


def _export_json(entry: FaqEntry) -> dict[str, Any]:
    data = entry_json(entry)
    return {
        "key": data["key"],
        "source_lang": data["source_lang"],
        "views": data["views"],
        "texts": data["texts"],
        "links": [{k: link[k] for k in ("kind", "target", "label")} for link in data["links"]],
    }


def _csv_rows(entries: Iterable[FaqEntry]) -> Iterable[list[str]]:
    for entry in entries:
        links = "\n".join(link_line(link) for link in entry.links)
        for text in entry.texts:
            yield [
                entry.key,
                entry.source_lang,
                text.lang,
                text.question,
                text.answer,
                "\n".join(text.variants),
                links,
            ]
