"""Roll calls as JSON-ready records: the shapes `unlib votes show/list/country` print and the
web pages use.

Totals: ``yes``/``no``/``abstain``/``non_voting`` are the totals the source states when it
states them (the Library's files), else those counted from the per-country rows (unvotes);
``totals_source`` says which, ``counted`` always holds the counted ones, and
``totals_mismatch`` says where the two disagree (None when they agree).
"""

from __future__ import annotations

from typing import Any, Final

from unlib.store.votes import LinkRow, RollCallRow, VoteRow
from unlib.votes.countries import country_name
from unlib.votes.model import VOTE_CODES

VOTE_NAMES: Final = {"Y": "yes", "N": "no", "A": "abstain", "X": "non_voting"}
_TOTALS: Final = ("yes", "no", "abstain", "non_voting")
_ADOPTED_BY_NUMBER: Final = "adopted: the source records it as an adopted resolution or decision"
_ADOPTED_BY_MAJORITY: Final = "computed: more yes than no votes (members present and voting)"


def roll_call_id(row: RollCallRow) -> str:
    return f"{row['source']}:{row['source_id']}"


def totals(row: RollCallRow) -> tuple[dict[str, int], str]:
    """The totals to show, and where they come from ("source" or "counted")."""
    stated = {name: row[f"source_{name}"] for name in _TOTALS}
    if any(value is not None for value in stated.values()):
        shown = {name: stated[name] if stated[name] is not None else row[name] for name in _TOTALS}
        return shown, "source"
    return {name: int(row[name]) for name in _TOTALS}, "counted"


def adopted(row: RollCallRow) -> tuple[bool, str]:
    """Whether the text was adopted, and on what ground."""
    if row["kind"] in ("resolution", "decision"):
        return True, _ADOPTED_BY_NUMBER
    shown, _ = totals(row)
    return shown["yes"] > shown["no"], _ADOPTED_BY_MAJORITY


def roll_call_line(row: RollCallRow) -> dict[str, Any]:
    """A roll call in lists: its facts and totals, without the per-country votes."""
    shown, source = totals(row)
    is_adopted, _ = adopted(row)
    return {
        "id": roll_call_id(row),
        "symbol": row["symbol"],
        "date": row["date"],
        "session": row["session"],
        "body": row["body"],
        "kind": row["kind"],
        "title": row["title"] or row["description"],
        **shown,
        "totals_source": source,
        "adopted": is_adopted,
        "totals_mismatch": row["totals_note"],
    }


def roll_call_record(
    row: RollCallRow,
    votes: list[VoteRow],
    issues: list[tuple[str, str]],
    links: list[LinkRow],
) -> dict[str, Any]:
    """Everything about one roll call, with the per-country votes."""
    shown, source = totals(row)
    is_adopted, basis = adopted(row)
    return {
        "id": roll_call_id(row),
        "source": row["source"],
        "rcid": _rcid(row),
        "undl_id": row["source_id"] if row["source"] == "undl" else None,
        "symbol": row["symbol"],
        "symbol_as_written": row["symbol_raw"],
        "resolutions": [
            {"symbol": link.symbol, "key": link.key, "held": link.held} for link in links
        ],
        "body": row["body"],
        "kind": row["kind"],
        "date": row["date"],
        "year": row["year"],
        "session": row["session"],
        "meeting": row["meeting"],
        "draft": row["draft"],
        "committee_report": row["committee_report"],
        "title": row["title"] or row["description"],
        "description": row["description"],
        "agenda": row["agenda"],
        "subjects": row["subjects"],
        "issues": [{"code": code, "label": label} for code, label in issues],
        "important": row["important"],
        "modality": row["modality"],
        "without_vote": row["without_vote"],
        "vote_note": row["vote_note"],
        **shown,
        "totals_source": source,
        "counted": {name: int(row[name]) for name in (*_TOTALS, "members")},
        "totals_mismatch": row["totals_note"],
        "adopted": is_adopted,
        "adopted_basis": basis,
        "votes": {v.country: v.vote for v in votes},
        "countries": [_country(v) for v in sorted(votes, key=lambda v: v.name.casefold())],
        "by_vote": by_vote(votes),
        "undl_link": row["undl_link"],
        "file": row["file"],
        "line": row["line"],
    }


def _rcid(row: RollCallRow) -> int | str | None:
    """Voeten's roll-call id (a number in every release so far)."""
    if row["source"] != "unvotes":
        return None
    text = str(row["source_id"])
    return int(text) if text.isdigit() else text


def by_vote(votes: list[VoteRow]) -> dict[str, list[str]]:
    """Country codes grouped by vote (Y, N, A, X), each group by name."""
    groups: dict[str, list[str]] = {code: [] for code in VOTE_CODES}
    for vote in sorted(votes, key=lambda v: v.name.casefold()):
        groups[vote.vote].append(vote.country)
    return groups


def _country(vote: VoteRow) -> dict[str, Any]:
    found: dict[str, Any] = {
        "code": vote.country,
        "name": vote.name,
        "standard_name": country_name(vote.country),
        "vote": vote.vote,
    }
    if vote.permanent is not None:
        found["permanent"] = vote.permanent
    return found
