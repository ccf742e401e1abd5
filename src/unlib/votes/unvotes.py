"""Voeten's roll-call data as the ``unvotes`` package publishes it: three CSV files joined on
``rcid`` (roll calls, country votes, issues).

Countries come as ISO alpha-2 codes (Namibia is the string ``NA``, read with the csv module so
it stays a code) and are stored as alpha-3. Votes are yes/no/abstain: the package dropped
absences, so a country without a row did not vote, and no totals are given (they are counted).
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import Final

from unlib.votes.countries import alpha3_from_alpha2, alpha3_from_name
from unlib.votes.fields import FieldError, clean, read_date, read_flag, read_vote
from unlib.votes.layouts import Row, read_rows
from unlib.votes.model import CountryVote, Problem, ReadResult, RollCall
from unlib.votes.resolutions import read_resolution, session_number

# Voeten's descriptions end with the catalogue statement of responsibility.
_STATEMENT: Final = " : resolution"


def read_unvotes(roll_calls: Path, votes: Path, issues: Path | None) -> ReadResult:
    result = ReadResult("unvotes", [str(p) for p in (roll_calls, votes, issues) if p])
    by_rcid: dict[str, RollCall] = {}
    for row in read_rows(roll_calls):
        _roll_call(row, str(roll_calls), by_rcid, result.problems)
    seen: set[tuple[str, str]] = set()
    for row in read_rows(votes):
        result.rows += 1
        _vote(row, str(votes), by_rcid, seen, result.problems)
    if issues is not None:
        for row in read_rows(issues):
            _issue(row, str(issues), by_rcid, result.problems)
    result.roll_calls = list(by_rcid.values())
    return result


def _roll_call(row: Row, file: str, found: dict[str, RollCall], problems: list[Problem]) -> None:
    values = row.values
    rcid = (values.get("rcid") or "").strip()
    if row.error or not rcid:
        problems.append(Problem(file, row.line, row.error or "roll call without rcid"))
        return
    if rcid in found:
        problems.append(Problem(file, row.line, f"rcid {rcid} repeated (first kept)"))
        return
    call = RollCall("unvotes", rcid, "unvotes", "A", file, row.line)
    _describe(call, values, problems)
    found[rcid] = call


def _describe(call: RollCall, values: dict[str, str], problems: list[Problem]) -> None:
    call.symbol_raw = clean(values.get("unres"))
    call.session = session_number(clean(values.get("session")))
    try:
        call.date = read_date(values.get("date"))
        call.important = read_flag(values.get("importantvote"))
        amendment = read_flag(values.get("amend"))
        paragraph = read_flag(values.get("para"))
    except FieldError as error:
        problems.append(Problem(call.file, call.line, f"{error}; roll call kept", skipped=False))
        amendment = paragraph = None
    if call.symbol_raw:
        call.resolution = read_resolution(call.symbol_raw)
        if call.resolution is None:
            reason = f"resolution symbol {call.symbol_raw!r} not understood; kept unlinked"
            problems.append(Problem(call.file, call.line, reason, skipped=False))
    call.kind = _kind(call, amendment, paragraph)
    call.description = clean(values.get("descr"))
    call.title = _title(clean(values.get("short")), call.description)


def _kind(call: RollCall, amendment: bool | None, paragraph: bool | None) -> str:
    if amendment:
        return "amendment"
    if paragraph:
        return "paragraph"
    if call.resolution is not None:
        return call.resolution.kind
    return "other"


def _title(short: str | None, description: str | None) -> str | None:
    """The resolution title: the description up to " : resolution / adopted by …" (``short``
    is often cut at 60 characters), else ``short``."""
    if description and _STATEMENT in description:
        return description.split(_STATEMENT, 1)[0].strip()
    return short


def _vote(
    row: Row,
    file: str,
    found: dict[str, RollCall],
    seen: set[tuple[str, str]],
    problems: list[Problem],
) -> None:
    values = row.values
    rcid = (values.get("rcid") or "").strip()
    call = found.get(rcid)
    if row.error or call is None:
        problems.append(Problem(file, row.line, row.error or f"vote for unknown rcid {rcid!r}"))
        return
    name = sys.intern(clean(values.get("country")) or "")
    code = _code((values.get("country_code") or "").strip(), name)
    if code is None:
        problems.append(Problem(file, row.line, f"unknown country {name!r}"))
        return
    try:
        vote = read_vote(values.get("vote"))
    except FieldError as error:
        problems.append(Problem(file, row.line, str(error)))
        return
    if (rcid, code) in seen:
        problems.append(Problem(file, row.line, f"second vote of {code} in roll call {rcid}"))
        return
    seen.add((rcid, code))
    call.votes.append(CountryVote(code, name or code, vote))


@lru_cache(maxsize=4096)
def _code(alpha2: str, name: str) -> str | None:
    found = alpha3_from_alpha2(alpha2, name) if alpha2 else None
    return found or alpha3_from_name(name)


def _issue(row: Row, file: str, found: dict[str, RollCall], problems: list[Problem]) -> None:
    values = row.values
    rcid = (values.get("rcid") or "").strip()
    call = found.get(rcid)
    code = clean(values.get("short_name"))
    if row.error or call is None or code is None:
        reason = row.error or ("issue without code" if call else f"issue for unknown rcid {rcid!r}")
        problems.append(Problem(file, row.line, reason))
        return
    if all(existing != code for existing, _ in call.issues):
        call.issues.append((code, clean(values.get("issue")) or code))
