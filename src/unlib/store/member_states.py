"""Member states across the vote and speech tables: who voted how often, who spoke in which
sessions. The reads behind the country index and the speech search filters (read only).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from unlib.store.base import CatalogueStore
from unlib.store.db import sqlite_connection
from unlib.store.votes import _CURRENT, RollCallRow, counted_page


@dataclass(frozen=True, slots=True)
class CountryVoting:
    """A country's votes on the counted roll calls (not those another source repeats)."""

    code: str
    roll_calls: int
    yes: int
    no: int
    abstain: int
    non_voting: int
    first_year: int | None
    last_year: int | None


@dataclass(frozen=True, slots=True)
class CountrySpeaking:
    code: str
    name: str | None
    speeches: int
    first_session: int
    last_session: int


@dataclass(frozen=True, slots=True)
class SessionSpeaking:
    session: int
    year: int | None
    speeches: int


def _voting(row: sqlite3.Row | tuple[object, ...]) -> CountryVoting:
    yes, no, abstain, non_voting = (int(str(n or 0)) for n in row[2:6])
    return CountryVoting(
        str(row[0]), int(str(row[1])), yes, no, abstain, non_voting, _year(row[6]), _year(row[7])
    )


def _year(value: object) -> int | None:
    return int(str(value)) if value is not None else None


def member_state_store(catalogue: CatalogueStore) -> MemberStateStore:
    return MemberStateStore(sqlite_connection(catalogue, "voting records and speeches are"))


class MemberStateStore:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def voting(self) -> list[CountryVoting]:
        """Every country with a vote row, by code."""
        rows = self.conn.execute(
            "SELECT v.country, COUNT(*), SUM(v.vote = 'Y'), SUM(v.vote = 'N'),"
            " SUM(v.vote = 'A'), SUM(v.vote = 'X'), MIN(r.year), MAX(r.year)"
            " FROM votes v JOIN roll_calls r ON r.id = v.roll_call_id"
            " WHERE r.duplicate_of IS NULL GROUP BY v.country ORDER BY v.country"
        ).fetchall()
        # Names are not read here: reading them costs three times the counting.
        return [_voting(r) for r in rows]

    def voting_codes(self) -> list[str]:
        """The codes of every country with a vote row (from the index alone)."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT country FROM votes ORDER BY 1")]

    def speaking(self) -> list[CountrySpeaking]:
        """Every country with a speech, by code."""
        rows = self.conn.execute(
            "SELECT country, MAX(country_name), COUNT(*), MIN(session), MAX(session)"
            " FROM speeches GROUP BY country ORDER BY country"
        )
        return [CountrySpeaking(r[0], r[1], int(r[2]), int(r[3]), int(r[4])) for r in rows]

    def sessions(self) -> list[SessionSpeaking]:
        """General Debate sessions held, newest first."""
        rows = self.conn.execute(
            "SELECT session, MIN(year), COUNT(*) FROM speeches GROUP BY session"
            " ORDER BY session DESC"
        )
        return [SessionSpeaking(int(r[0]), r[1], int(r[2])) for r in rows]

    def roll_calls_with_words(
        self, where: dict[str, Any], words: Sequence[str], limit: int | None, offset: int
    ) -> tuple[int, list[RollCallRow]]:
        """:meth:`VoteStore.roll_calls_page` narrowed to roll calls whose symbol, title,
        description or agenda item holds every one of ``words`` (case aside, for ASCII)."""
        clauses = [_CURRENT, *(f"{name} = ?" for name in where)]
        params: list[Any] = list(where.values())
        for word in words:
            pattern = "%" + _like_escape(word) + "%"
            clauses.append(
                "(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in _TEXT_COLUMNS) + ")"
            )
            params += [pattern] * len(_TEXT_COLUMNS)
        return counted_page(self.conn, " AND ".join(clauses), params, limit, offset)


_TEXT_COLUMNS: Final = ("symbol", "title", "description", "agenda")


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
