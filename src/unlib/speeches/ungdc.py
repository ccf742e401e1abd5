"""The UN General Debate Corpus: ``TXT/Session NN - YYYY/ISO_NN_YYYY.txt`` plus the speaker
list ``speakers_by_session.csv`` (Year, Session, ISO Code, Country, Name of Person Speaking,
Post).

The speaker list and the file names do not always agree: the list has code typos (``POR`` for
``PRT``, ``PKR`` for ``PRK``, ``ZFA`` for ``ZAF``, ``EC`` for the file code ``EU``), speakers
without a file and files without a speaker. A row is matched to a file of its session

1. by its code, when that file exists;
2. else by its country name read as a code (``Portugal`` → PRT), when that file exists and no
   other row claimed it;
3. else through :data:`CODE_ALIASES`, checked the same way.

Whatever stays unmatched is reported as a warning; files without a speaker are still imported.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from unlib.votes.countries import alpha3_from_name, country_name

# Codes the speaker list is known to misspell, and the file codes they stand for. Used only
# when the name does not settle it, and only when that file exists and is not taken.
CODE_ALIASES: Final = {"POR": "PRT", "PKR": "PRK", "ZFA": "ZAF", "EC": "EU"}
SPEAKER_LIST: Final = "speakers_by_session.csv"
_FILE_NAME: Final = re.compile(r"^(?P<code>[A-Z]{2,3})_(?P<session>\d{1,3})_(?P<year>\d{4})$")
_HEADER: Final = {
    "year": "year",
    "session": "session",
    "iso code": "code",
    "country": "country",
    "name of person speaking": "speaker",
    "post": "post",
}


@dataclass(slots=True)
class SpeechFile:
    path: Path
    country: str
    session: int
    year: int
    speaker: str | None = None
    post: str | None = None
    country_name: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ref(self) -> str:
        return f"{self.country}_{self.session}_{self.year}"


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    line: int
    session: int
    code: str
    country: str
    speaker: str | None
    post: str | None


@dataclass(slots=True)
class Corpus:
    speeches: list[SpeechFile]
    warnings: list[str]


def read_corpus(folder: Path) -> Corpus:
    """Speech files under ``folder`` matched with the rows of its speaker list."""
    warnings: list[str] = []
    files = _speech_files(folder, warnings)
    speaker_list = find_speaker_list(folder)
    if speaker_list is None:
        warnings.append(f"no {SPEAKER_LIST} in {folder} or above it: speakers unknown")
        rows: list[SpeakerRow] = []
    else:
        rows = _speaker_rows(speaker_list, warnings)
    _match(files, rows, warnings)
    for speech in files.values():
        if speech.country_name is None:
            speech.country_name = country_name(speech.country)
        if speech.speaker is None and speaker_list is not None:
            warnings.append(f"{speech.path}: no speaker in the speaker list")
    return Corpus(sorted(files.values(), key=lambda s: (s.session, s.country)), warnings)


def find_speaker_list(folder: Path) -> Path | None:
    """The speaker list in ``folder`` or above it (importing ``TXT/Session 75 - 2020`` alone
    still finds the corpus's list)."""
    for place in (folder, folder.parent, folder.parent.parent):
        candidate = place / SPEAKER_LIST
        if candidate.is_file():
            return candidate
    return None


def _speech_files(folder: Path, warnings: list[str]) -> dict[tuple[str, int], SpeechFile]:
    found: dict[tuple[str, int], SpeechFile] = {}
    for path in sorted(folder.rglob("*.txt")):
        match = _FILE_NAME.match(path.stem)
        if match is None:
            warnings.append(f"{path}: not named ISO_SESSION_YEAR.txt, skipped")
            continue
        key = (match.group("code"), int(match.group("session")))
        if key in found:
            warnings.append(f"{path}: second speech of {key[0]} in session {key[1]}, skipped")
            continue
        found[key] = SpeechFile(path, key[0], key[1], int(match.group("year")))
    return found


def _speaker_rows(path: Path, warnings: list[str]) -> list[SpeakerRow]:
    rows: list[SpeakerRow] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = [_HEADER.get(" ".join(name.lower().split()), "") for name in next(reader, [])]
        for record in reader:
            values = dict(zip(header, record, strict=False))
            row = _speaker_row(reader.line_num, values)
            if row is None:
                warnings.append(f"{path}:{reader.line_num}: no code or session, skipped")
            else:
                rows.append(row)
    return rows


def _speaker_row(line: int, values: dict[str, str]) -> SpeakerRow | None:
    code = values.get("code", "").strip().upper()
    session = values.get("session", "").strip()
    if not code or not session.isdigit():
        return None
    return SpeakerRow(
        line,
        int(session),
        code,
        " ".join(values.get("country", "").split()),
        " ".join(values.get("speaker", "").split()) or None,
        " ".join(values.get("post", "").split()) or None,
    )


def _match(
    files: dict[tuple[str, int], SpeechFile], rows: list[SpeakerRow], warnings: list[str]
) -> None:
    claimed: set[tuple[str, int]] = set()
    pending: list[SpeakerRow] = []
    # Rows of sessions with no file here belong to speeches not being imported.
    sessions = {session for _, session in files}
    for row in rows:
        if row.session not in sessions:
            continue
        key = (row.code, row.session)
        if key in claimed:
            warnings.append(f"speaker list line {row.line}: second row for {key}, skipped")
        elif key in files:
            _assign(files[key], row, None)
            claimed.add(key)
        else:
            pending.append(row)
    for row in pending:
        for code, how in _candidates(row):
            key = (code, row.session)
            if key in files and key not in claimed:
                _assign(files[key], row, f"speaker list code {row.code} read as {code} ({how})")
                claimed.add(key)
                break
        else:
            warnings.append(
                f"speaker list line {row.line}: {row.code} {row.country!r} in session "
                f"{row.session} has no speech file"
            )


def _candidates(row: SpeakerRow) -> list[tuple[str, str]]:
    found = []
    by_name = alpha3_from_name(row.country) if row.country else None
    if by_name:
        found.append((by_name, f"by country name {row.country!r}"))
    if row.code in CODE_ALIASES:
        found.append((CODE_ALIASES[row.code], "known misspelling"))
    return found


def _assign(speech: SpeechFile, row: SpeakerRow, note: str | None) -> None:
    speech.speaker = row.speaker
    speech.post = row.post
    speech.country_name = row.country or None
    if note:
        speech.notes.append(note)
