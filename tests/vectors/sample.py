"""A small real multilingual library for the vector and hybrid-search tests: Articles 3-13 of
the UN Charter in English, Chinese and French, one file per language (filed as one work)."""

from __future__ import annotations

import json
from pathlib import Path

UNITS = tuple(str(n) for n in range(3, 14))


def charter_articles(shared: Path) -> dict[str, dict[str, str]]:
    """unit -> language -> text, for :data:`UNITS`."""
    found: dict[str, dict[str, str]] = {}
    path = shared / "un-charter" / "un_charter_articles_6lang.jsonl"
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["unit"] in UNITS:
                found[record["unit"]] = record
    return found


def write_charter_sample(
    shared: Path, folder: Path, langs: tuple[str, ...] = ("en", "zh", "fr")
) -> list[Path]:
    """One text file per language, the articles separated by blank lines."""
    articles = charter_articles(shared)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for lang in langs:
        path = folder / f"charter_articles_{lang}.txt"
        path.write_text("\n\n".join(articles[u][lang] for u in UNITS) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
