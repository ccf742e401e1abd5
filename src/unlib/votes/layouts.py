"""Which voting-data layout a CSV file has (told by its header), and how its rows are read.

Layouts:

- ``unvotes-roll-calls`` / ``unvotes-votes`` / ``unvotes-issues``: the three files of Voeten's
  data as the ``unvotes`` package publishes them; read together.
- ``undl-ga-v1``: the Library's General Assembly Voting Data, version 1 (2024: ``ms_codes``,
  ``resolutions``, ``yes``/``no``/``abstentions``/``non-voting``/``total-voting``, ``NV``).
- ``undl-ga``: version 2 and later (``ms_code``, ``ms_vote`` Y/N/A/X, ``session``, ``total_*``).
- ``undl-sc``: the Security Council Voting Data (``permanent_member``, ``description``).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, TextIO

from unlib.votes.model import Problem

# Header names as the layouts spell them → the names the readers use.
_CANONICAL: Final = {
    "ms_codes": "ms_code",
    "ms_names": "ms_name",
    "ms_votes": "ms_vote",
    "resolutions": "resolution",
    "agenda_titles": "agenda_title",
    "yes": "total_yes",
    "no": "total_no",
    "abstentions": "total_abstentions",
    "non_voting": "total_non_voting",
    "total_voting": "total_ms",
}
_V1_MARKS: Final = frozenset({"ms_codes", "ms_votes", "resolutions", "total_voting", "yes"})
UNVOTES_KINDS: Final = ("unvotes-roll-calls", "unvotes-votes", "unvotes-issues")


def normalize_header(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lstrip("\ufeff").lower())


def detect(header: list[str]) -> str | None:
    """The layout a header belongs to, or None."""
    raw = {normalize_header(name) for name in header}
    names = {_CANONICAL.get(name, name) for name in raw}
    if {"rcid", "unres", "session", "date"} <= names:
        return "unvotes-roll-calls"
    if {"rcid", "country", "vote"} <= names:
        return "unvotes-votes"
    if {"rcid", "short_name", "issue"} <= names:
        return "unvotes-issues"
    if not {"ms_code", "ms_vote", "resolution"} <= names:
        return None
    if "permanent_member" in names or ("description" in names and "session" not in names):
        return "undl-sc"
    return "undl-ga-v1" if raw & _V1_MARKS else "undl-ga"


@dataclass(slots=True)
class Source:
    """One import unit: an official CSV file, or the unvotes files of one folder."""

    layout: str  # "undl" or "unvotes"
    files: dict[str, Path] = field(default_factory=dict)  # layout kind → file


def plan_sources(paths: list[Path]) -> tuple[list[Source], list[Problem]]:
    """The import units found in ``paths`` (files or folders, searched recursively); the
    unvotes files of a folder go together whichever of them was named."""
    problems: list[Problem] = []
    official: list[Source] = []
    unvotes: dict[Path, Source] = {}
    for path in _csv_files(paths, problems):
        kind = _kind_of(path, problems)
        if kind is None:
            continue
        if kind.startswith("undl"):
            official.append(Source("undl", {kind: path}))
            continue
        source = unvotes.setdefault(path.parent, Source("unvotes"))
        source.files.setdefault(kind, path)
    for folder, source in unvotes.items():
        _add_siblings(folder, source)
    complete = [s for s in unvotes.values() if _complete(s, problems)]
    return official + complete, problems


def _csv_files(paths: list[Path], problems: list[Problem]) -> Iterator[Path]:
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".csv")
        elif path.is_file():
            found = [path]
        else:
            problems.append(Problem(str(path), 0, "no such file or folder"))
            continue
        for file in found:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                yield file


def _kind_of(path: Path, problems: list[Problem]) -> str | None:
    try:
        with open_csv(path) as handle:
            header = next(csv.reader(handle, delimiter=sniff_delimiter(handle)), [])
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(str(path), 0, f"cannot read the file: {error}"))
        return None
    kind = detect(header)
    if kind is None:
        shown = ",".join(header)[:200]
        problems.append(Problem(str(path), 1, f"not a voting data file (header is {shown!r})"))
    return kind


def _add_siblings(folder: Path, source: Source) -> None:
    """Complete an unvotes set with the other files of its folder (by header, not by name)."""
    if all(kind in source.files for kind in UNVOTES_KINDS):
        return
    for path in sorted(folder.glob("*.csv")):
        if path in source.files.values():
            continue
        kind = _kind_of(path, [])
        if kind in UNVOTES_KINDS and kind not in source.files:
            source.files[kind] = path


def _complete(source: Source, problems: list[Problem]) -> bool:
    named = next(iter(source.files.values()))
    for needed, example in (("unvotes-roll-calls", "un_roll_calls"), ("unvotes-votes", "un_votes")):
        if needed not in source.files:
            problems.append(
                Problem(
                    str(named), 0, f"unvotes data needs its {example}.csv file in the same folder"
                )
            )
            return False
    return True


def open_csv(path: Path) -> TextIO:
    """UTF-8 (a BOM is dropped); files in Windows-1252 are read as such."""
    handle = path.open(encoding="utf-8-sig", newline="")
    try:
        handle.read(1 << 20)
    except UnicodeDecodeError:
        handle.close()
        return path.open(encoding="cp1252", newline="")
    handle.seek(0)
    return handle


def sniff_delimiter(handle: TextIO) -> str:
    """Comma, semicolon or tab, whichever the header line uses most; the handle is rewound."""
    first = handle.readline()
    handle.seek(0)
    return max((",", ";", "\t"), key=first.count)


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    values: dict[str, str]  # by canonical column name
    error: str | None = None  # the record does not fit the header


def read_rows(path: Path) -> Iterator[Row]:
    """Each record after the header, with its line number. A record with more or fewer
    fields than the header (an unquoted comma shifts every column after it) comes with an
    ``error`` instead of values; empty trailing fields do not count."""
    with open_csv(path) as handle:
        reader = csv.reader(handle, delimiter=sniff_delimiter(handle))
        header = [_CANONICAL.get(n, n) for n in map(normalize_header, next(reader, []))]
        while header and not header[-1]:
            header.pop()
        line = reader.line_num + 1
        for record in reader:
            while len(record) > len(header) and not record[-1].strip():
                record.pop()
            if len(record) != len(header):
                if any(cell.strip() for cell in record):
                    error = f"{len(record)} fields where the header has {len(header)}"
                    yield Row(line, {}, error)
            elif any(cell.strip() for cell in record):
                yield Row(line, dict(zip(header, record, strict=True)))
            line = reader.line_num + 1
