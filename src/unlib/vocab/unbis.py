"""Reading the UNBIS Thesaurus from the public extracts (see the data folder's SOURCE.md).

- ``unbis_concepts_6lang.jsonl``: one record per descriptor (7-digit id or ``c_…``) and
  microthesaurus (6-digit id) with six-language preferred labels, broader descriptors and
  microthesauri;
- ``unbis_domains_microthesauri_6lang.jsonl`` (optional): the 18 domains with their labels;
- ``raw/gateplugin-UNGA_thesaurus.lst`` (optional): English alternative labels (UF terms).

Domains and microthesauri become concepts of their own kinds (``thesaurus/01``,
``thesaurus/010100``); a descriptor's ``domain`` is the domain of its first microthesaurus.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from unlib.model import LANGUAGES
from unlib.vocab.model import THESAURUS_BASE, Concept, Vocabulary, with_narrower
from unlib.vocab.text import clean_label

CONCEPTS_FILE: Final = "unbis_concepts_6lang.jsonl"
DOMAINS_FILE: Final = "unbis_domains_microthesauri_6lang.jsonl"
ALT_LABELS_FILE: Final = "raw/gateplugin-UNGA_thesaurus.lst"


class VocabularySourceError(ValueError):
    """A vocabulary source is missing or cannot be read."""


def unbis_uri(ident: str) -> str:
    """Canonical URI of a UNBIS id; also accepts ``…/thesaurus#ID`` URIs."""
    ident = ident.strip()
    for prefix in (THESAURUS_BASE, "http://metadata.un.org/thesaurus#"):
        if ident.startswith(prefix):
            ident = ident[len(prefix) :]
    return THESAURUS_BASE + ident


def is_unbis_source(folder: Path) -> bool:
    return (folder / CONCEPTS_FILE).is_file()


def read_unbis(folder: Path) -> Vocabulary:
    """The thesaurus in ``folder`` (a folder holding :data:`CONCEPTS_FILE`)."""
    concepts_file = folder / CONCEPTS_FILE
    if not concepts_file.is_file():
        raise VocabularySourceError(f"{folder} holds no {CONCEPTS_FILE}")
    records = list(_jsonl(concepts_file))
    alt = _alt_labels(folder / ALT_LABELS_FILE)
    concepts = [_concept(record, alt.get(unbis_uri(str(record["id"])), ())) for record in records]
    concepts.extend(_domains(folder / DOMAINS_FILE, concepts))
    version = _digest(concepts_file, folder / DOMAINS_FILE, folder / ALT_LABELS_FILE)
    return Vocabulary(with_narrower(concepts), {"unbis": version})


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise VocabularySourceError(f"{path}:{number}: not JSON ({exc.msg})") from None


def _kind(ident: str) -> str:
    return "microthesaurus" if len(ident) == 6 and ident.isdigit() else "concept"


def _labels(raw: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for lang in LANGUAGES:
        label = clean_label((raw or {}).get(lang))
        if label:
            found[lang] = label
    return found


def _concept(record: dict[str, Any], alt_en: tuple[str, ...]) -> Concept:
    ident = str(record["id"]).strip()
    kind = _kind(ident)
    pref = _labels(record.get("prefLabel"))
    micro = tuple(unbis_uri(m) for m in record.get("microthesauri") or ())
    broader = tuple(unbis_uri(b) for b in record.get("broader") or ())
    if kind == "microthesaurus":
        return Concept(
            uri=unbis_uri(ident),
            scheme="unbis",
            kind=kind,
            notation=f"{ident[:2]}.{ident[2:4]}.{ident[4:]}",
            pref=pref,
            domain=THESAURUS_BASE + ident[:2],
        )
    alt = tuple(a for a in alt_en if a != pref.get("en"))
    return Concept(
        uri=unbis_uri(ident),
        scheme="unbis",
        kind=kind,
        notation=ident,
        pref=pref,
        alt={"en": alt} if alt else {},
        broader=broader,
        domain=THESAURUS_BASE + micro[0].rsplit("/", 1)[-1][:2] if micro else None,
        microthesauri=micro,
    )


def _domains(path: Path, concepts: list[Concept]) -> list[Concept]:
    """The domains: from the domains file when present, else bare ones named by code."""
    rows = list(_jsonl(path)) if path.is_file() else []
    labelled = {str(r["code"]): r for r in rows if r.get("type") == "domain"}
    codes = {c.domain for c in concepts if c.domain} | {THESAURUS_BASE + c for c in labelled}
    domains = []
    for uri in sorted(codes):
        code = uri.rsplit("/", 1)[-1]
        row = labelled.get(code, {})
        pref = _labels(row.get("labels_2016"))
        newest_en = clean_label(row.get("label_en_2023"))
        if newest_en:
            pref["en"] = newest_en
        domains.append(Concept(uri=uri, scheme="unbis", kind="domain", notation=code, pref=pref))
    return domains


def _alt_labels(path: Path) -> dict[str, tuple[str, ...]]:
    """English UF terms by concept URI from the GATE gazetteer list (``kind=alt`` lines)."""
    if not path.is_file():
        return {}
    found: dict[str, list[str]] = defaultdict(list)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            label, *features = line.rstrip("\n").split("\t")
            fields = dict(f.split("=", 1) for f in features if "=" in f)
            text = clean_label(label)
            if fields.get("kind") == "alt" and text and "uri" in fields:
                found[unbis_uri(fields["uri"])].append(text)
    return {uri: tuple(dict.fromkeys(labels)) for uri, labels in found.items()}


def _digest(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
