"""What a voting-data reader hands over: roll calls with their per-country votes, and the
problems found on the way (each with its file and line)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from typing import Final

from unlib.votes.resolutions import ResolutionRef

# Y yes, N no, A abstention, X non-voting (present but not voting, or absent where the source
# records absences).
VOTE_CODES: Final = ("Y", "N", "A", "X")


@dataclass(frozen=True, slots=True)
class CountryVote:
    code: str  # ISO 3166-1 alpha-3 (historical codes such as YUG, CSK, SUN, DDR kept)
    name: str  # as the source spells it at the time of the vote
    vote: str  # one of VOTE_CODES
    permanent: bool | None = None  # Security Council permanent member


@dataclass(frozen=True, slots=True)
class Totals:
    yes: int
    no: int
    abstain: int
    non_voting: int
    members: int

    @classmethod
    def count(cls, votes: list[CountryVote]) -> Totals:
        tally = dict.fromkeys(VOTE_CODES, 0)
        for vote in votes:
            tally[vote.vote] += 1
        return cls(tally["Y"], tally["N"], tally["A"], tally["X"], len(votes))

    def differences(self, stated: StatedTotals) -> list[str]:
        """What the source states that the rows do not show, e.g. ``["yes 120 ≠ 119"]``."""
        found = []
        for name in ("yes", "no", "abstain", "non_voting", "members"):
            claimed = getattr(stated, name)
            counted = getattr(self, name)
            if claimed is not None and claimed != counted:
                found.append(f"{name} {claimed} stated, {counted} counted")
        return found


@dataclass(frozen=True, slots=True)
class StatedTotals:
    """Totals as the source states them; None where it gives none."""

    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    non_voting: int | None = None
    members: int | None = None

    @property
    def given(self) -> bool:
        return any(v is not None for v in (self.yes, self.no, self.abstain, self.non_voting))


@dataclass(slots=True)
class RollCall:
    source: str  # "unvotes" | "undl"
    source_id: str
    layout: str
    body: str  # "A" | "S"
    file: str
    line: int
    resolution: ResolutionRef | None = None
    symbol_raw: str | None = None
    kind: str = "resolution"  # resolution | decision | paragraph | amendment | other
    date: str | None = None
    session: str | None = None
    meeting: str | None = None
    draft: str | None = None
    committee_report: str | None = None
    title: str | None = None
    description: str | None = None
    agenda: str | None = None
    subjects: list[str] = field(default_factory=list)
    vote_note: str | None = None
    modality: str | None = None
    without_vote: bool = False
    important: bool | None = None
    undl_link: str | None = None
    issues: list[tuple[str, str]] = field(default_factory=list)  # (code, label)
    stated: StatedTotals = field(default_factory=StatedTotals)
    votes: list[CountryVote] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    @property
    def totals(self) -> Totals:
        return Totals.count(self.votes)

    def totals_note(self) -> str | None:
        """``totals_mismatch: ...`` when the stated totals disagree with the rows."""
        if not self.stated.given:
            return None
        if self.without_vote and _no_totals_stated(self.stated):
            return None  # adopted without a vote: rows are all "Y", no totals to check
        differences = self.totals.differences(self.stated)
        return "totals_mismatch: " + "; ".join(differences) if differences else None

    def fingerprint(self) -> str:
        """A digest of everything imported: equal digests mean nothing changed."""
        facts = {
            item.name: getattr(self, item.name)
            for item in fields(self)
            if item.name not in ("file", "line", "votes", "resolution", "stated", "issues")
        }
        facts["resolution"] = self.resolution.symbol if self.resolution else None
        facts["stated"] = [
            self.stated.yes,
            self.stated.no,
            self.stated.abstain,
            self.stated.non_voting,
            self.stated.members,
        ]
        facts["issues"] = sorted(self.issues)
        facts["votes"] = sorted((v.code, v.name, v.vote, v.permanent) for v in self.votes)
        encoded = json.dumps(facts, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _no_totals_stated(stated: StatedTotals) -> bool:
    return not any((stated.yes, stated.no, stated.abstain, stated.non_voting))


@dataclass(frozen=True, slots=True)
class Problem:
    """A row (or file) that could not be understood, and why. ``line`` 0 means the whole file."""

    file: str
    line: int
    reason: str
    skipped: bool = True  # False: a warning, the row was kept

    def to_json(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "reason": self.reason}

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class ReadResult:
    """Roll calls read from one source (one official CSV, or one unvotes file set)."""

    layout: str
    files: list[str]
    roll_calls: list[RollCall] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0  # vote rows read (not counting headers)
