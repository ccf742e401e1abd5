"""The Dag Hammarskjöld Library's "General Assembly / Security Council Voting Data" CSV files.

One row per member state and resolution; the resolution's facts (date, meeting, draft, title,
totals …) repeat on each of its rows. Rows are grouped by ``undl_id`` (the Digital Library
record of the vote), else by resolution and date. The first row of a group gives the roll
call's facts; a later row that states other totals or another resolution is reported.

All layouts are read by column name (see :mod:`unlib.votes.layouts`): GA version 1 (``NV`` for
non-voting, plural column names), GA version 2 and later, and the Security Council file, where
resolutions adopted without a vote list every member as "Y".
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Final

from unlib.votes.countries import alpha3_from_name, is_alpha3, is_known_code
from unlib.votes.fields import (
    FieldError,
    clean,
    read_count,
    read_date,
    read_flag,
    read_vote,
    split_subjects,
)
from unlib.votes.layouts import Row, read_rows
from unlib.votes.model import CountryVote, Problem, ReadResult, RollCall, StatedTotals
from unlib.votes.resolutions import ResolutionRef, read_resolution, session_number, symbol_or_none

_WITHOUT_VOTE: Final = re.compile(r"without (?:a )?vote|consensus|acclamation", re.IGNORECASE)


def read_official(path: Path, layout: str) -> ReadResult:
    reader = _Reader(path, layout)
    try:
        for row in read_rows(path):
            reader.result.rows += 1
            reader.add(row)
    except (OSError, UnicodeDecodeError) as error:
        reader.result.problems.append(Problem(str(path), 0, f"reading stopped: {error}"))
    reader.result.roll_calls = list(reader.groups.values())
    return reader.result


class _Reader:
    def __init__(self, path: Path, layout: str) -> None:
        self.file = str(path)
        self.layout = layout
        self.result = ReadResult(layout, [self.file])
        self.groups: dict[str, RollCall] = {}
        self.members: dict[str, set[str]] = {}
        self.codes: set[str] = set()

    def add(self, row: Row) -> None:
        problem = row.error or self._add(row)
        if problem is not None:
            self.result.problems.append(Problem(self.file, row.line, problem))

    def _add(self, row: Row) -> str | None:
        """Add one row to its roll call; the reason when the row is skipped."""
        values = row.values
        symbol_raw = clean(values.get("resolution"))
        if symbol_raw is None:
            return "no resolution symbol"
        try:
            vote = _country_vote(values)
            stated = _stated(values)
            key = clean(values.get("undl_id")) or f"{symbol_raw}@{read_date(values.get('date'))}"
            call = self.groups.get(key) or self._new(key, row, symbol_raw)
        except FieldError as error:
            return str(error)
        if call.symbol_raw != symbol_raw:
            return f"record {key} is resolution {call.symbol_raw}, this row says {symbol_raw}"
        if stated != call.stated:
            return f"totals differ from the first row of record {key} (line {call.line})"
        if vote.code in self.members[key]:
            return f"second vote of {vote.code} on {symbol_raw}"
        self._check_code(vote.code, row.line)
        self.members[key].add(vote.code)
        call.votes.append(vote)
        return None

    def _check_code(self, code: str, line: int) -> None:
        """A code ISO does not know is kept as the Library writes it, and said once."""
        if code not in self.codes:
            self.codes.add(code)
            if not is_known_code(code):
                reason = f"member state code {code} is not an ISO 3166 code; kept as written"
                self.result.problems.append(Problem(self.file, line, reason, skipped=False))

    def _new(self, key: str, row: Row, symbol_raw: str) -> RollCall:
        call = _roll_call(key, row, self.file, self.layout, symbol_raw)
        if call.resolution is None:
            reason = f"resolution symbol {symbol_raw!r} not understood; kept unlinked"
            self.result.problems.append(Problem(self.file, row.line, reason, skipped=False))
        self.groups[key] = call
        self.members[key] = set()
        return call


def _country_vote(values: dict[str, str]) -> CountryVote:
    # Interned: the Library's file repeats the same ~200 names a million times.
    name = sys.intern(clean(values.get("ms_name")) or "")
    code = _code((values.get("ms_code") or "").strip().upper(), name)
    vote = read_vote(values.get("ms_vote"))
    permanent = read_flag(values.get("permanent_member"))
    return CountryVote(code, name or code, vote, permanent)


@lru_cache(maxsize=4096)
def _code(code: str, name: str) -> str:
    if is_alpha3(code):
        return code
    found = alpha3_from_name(name) if name else None
    if found is None:
        raise FieldError(f"unknown member state code {code!r} ({name or 'no name'})")
    return found


def _roll_call(key: str, row: Row, file: str, layout: str, symbol_raw: str) -> RollCall:
    values = row.values
    resolution = _resolution(symbol_raw)
    body = "S" if layout == "undl-sc" else "A"
    call = RollCall("undl", key, layout, body, file, row.line, resolution, symbol_raw)
    call.kind = resolution.kind if resolution else "other"
    call.date = read_date(values.get("date"))
    call.session = session_number(clean(values.get("session"))) or (
        resolution.session if resolution else None
    )
    call.meeting = _symbol_text(values.get("meeting"))
    call.draft = _symbol_text(values.get("draft"))
    call.committee_report = clean(values.get("committee_report"))
    call.title = clean(values.get("title"))
    call.description = clean(values.get("description"))
    call.agenda = clean(values.get("agenda_title")) or clean(values.get("agenda"))
    call.subjects = split_subjects(values.get("subjects"))
    call.vote_note = clean(values.get("vote_note"))
    call.modality = clean(values.get("modality"))
    call.without_vote = bool(call.modality and _WITHOUT_VOTE.search(call.modality))
    call.undl_link = clean(values.get("undl_link"))
    call.stated = _stated(values)
    return call


@lru_cache(maxsize=65536)
def _resolution(text: str) -> ResolutionRef | None:
    return read_resolution(text)


def _symbol_text(value: str | None) -> str | None:
    """A draft or meeting symbol, normalized when it reads as one, else as written."""
    text = clean(value)
    if text is None:
        return None
    parsed = symbol_or_none(text)
    return parsed[0] if parsed else text


_TOTAL_COLUMNS = ("total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms")


def _stated(values: dict[str, str]) -> StatedTotals:
    # Every row of a record repeats its totals: read each distinct spelling once.
    return _stated_from(tuple(values.get(name) for name in _TOTAL_COLUMNS))


@lru_cache(maxsize=4096)
def _stated_from(written: tuple[str | None, ...]) -> StatedTotals:
    yes, no, abstain, non_voting, members = (read_count(value) for value in written)
    return StatedTotals(yes, no, abstain, non_voting, members)
