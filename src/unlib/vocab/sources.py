"""Where vocabularies come from: readers for the UNBIS Thesaurus and the SDG taxonomy, and a
way to find them in the folders or files a user names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from unlib.vocab.model import Vocabulary, merged
from unlib.vocab.sdg import TRANSLATIONS_FILE, read_sdg
from unlib.vocab.unbis import CONCEPTS_FILE, VocabularySourceError, is_unbis_source, read_unbis

SDG_TTL_NAMES = ("sdg-codelist.ttl",)

__all__ = [
    "Sources",
    "VocabularySourceError",
    "find_sources",
    "merged",
    "read_sdg",
    "read_sources",
    "read_unbis",
]


@dataclass
class Sources:
    """The vocabulary sources found among some paths."""

    unbis: list[Path] = field(default_factory=list)
    sdg: list[Path] = field(default_factory=list)  # Turtle files
    translations: Path | None = None
    ignored: list[Path] = field(default_factory=list)


def find_sources(paths: Iterable[Path]) -> Sources:
    """Sort ``paths`` into sources: a UNBIS folder (holding ``unbis_concepts_6lang.jsonl``), an
    SDG Turtle file or a folder holding one, the Open SDG translations (JSON file or folder);
    a folder holding several of these (the shared data folder) is searched one level down."""
    found = Sources()
    for path in paths:
        if not _classify(path, found):
            children = sorted(path.iterdir()) if path.is_dir() else []
            if not any([_classify(child, found) for child in children if child.is_dir()]):
                found.ignored.append(path)
    return found


def _classify(path: Path, found: Sources) -> bool:
    if path.is_dir():
        if is_unbis_source(path):
            found.unbis.append(path)
            return True
        hits = [path / name for name in SDG_TTL_NAMES if (path / name).is_file()]
        found.sdg.extend(hits)
        if (path / TRANSLATIONS_FILE).is_file():
            found.translations = path / TRANSLATIONS_FILE
            return True
        return bool(hits)
    if path.name == CONCEPTS_FILE:
        found.unbis.append(path.parent)
    elif path.suffix.lower() in (".ttl", ".turtle"):
        found.sdg.append(path)
    elif path.name == TRANSLATIONS_FILE:
        found.translations = path
    else:
        return False
    return True


def read_sources(sources: Sources) -> Vocabulary:
    """Every vocabulary in ``sources``, merged."""
    if not sources.unbis and not sources.sdg:
        raise VocabularySourceError(
            "no vocabulary found: name a UNBIS folder (with unbis_concepts_6lang.jsonl) "
            "or an SDG Turtle file (sdg-codelist.ttl)"
        )
    vocabs = [read_unbis(folder) for folder in sources.unbis]
    vocabs += [read_sdg(ttl, sources.translations) for ttl in sources.sdg]
    return merged(*vocabs)
