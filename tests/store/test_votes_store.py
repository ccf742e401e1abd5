"""The vote tables of the SQLite catalogue: writes, lookups by resolution parts, pairs for
agreement, duplicates across sources."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from unlib.store.catalogue import Catalogue
from unlib.store.votes import ROLL_CALL_COLUMNS, VoteStore, vote_store


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[Catalogue]:
    catalogue = Catalogue.open(tmp_path / "data")
    yield catalogue
    catalogue.close()


def _values(source: str, source_id: str, **facts: Any) -> dict[str, Any]:
    values: dict[str, Any] = dict.fromkeys(ROLL_CALL_COLUMNS)
    values.update(
        source=source,
        source_id=source_id,
        layout=source,
        body="A",
        kind="resolution",
        subjects=[],
        without_vote=0,
        yes=0,
        no=0,
        abstain=0,
        non_voting=0,
        members=0,
        fingerprint=f"fp-{source_id}",
        file="f.csv",
        line=2,
    )
    values.update(facts)
    return values


def _roll_call(
    catalogue: Catalogue,
    store: VoteStore,
    source: str,
    source_id: str,
    keys: list[str],
    votes: dict[str, str],
    **facts: Any,
) -> int:
    with catalogue.transaction():
        rid = store.insert_roll_call(_values(source, source_id, **facts))
        store.insert_votes(rid, [(code, code.title(), vote, None) for code, vote in votes.items()])
        links = []
        for key in keys:
            work = catalogue.work_by_key(key)
            work_id = work.id if work else catalogue.insert_work(key, key, None)
            links.append((key, work_id))
        store.insert_links(rid, links)
    return rid


def test_write_read_and_update(catalogue: Catalogue) -> None:
    store = vote_store(catalogue)
    rid = _roll_call(
        catalogue,
        store,
        "undl",
        "1",
        ["A/RES/1/1"],
        {"USA": "Y", "FRA": "N"},
        date="2001-05-02",
        year=2001,
        subjects=["PEACE"],
        important=1,
    )
    with catalogue.transaction():
        store.insert_issues(rid, [("hr", "Human rights")])
    assert store.fingerprints("undl") == {"1": (rid, "fp-1")}
    row = store.roll_call(rid)
    assert row is not None and row["subjects"] == ["PEACE"] and row["important"] is True
    assert [(v.country, v.vote) for v in store.votes(rid)] == [("FRA", "N"), ("USA", "Y")]
    assert store.issues(rid) == [("hr", "Human rights")]
    assert [(link.key, link.held) for link in store.links(rid)] == [("A/RES/1/1", False)]
    with catalogue.transaction():
        store.update_roll_call(rid, _values("undl", "1", date="2001-05-03", fingerprint="new"))
    assert store.votes(rid) == [] and store.issues(rid) == [] and store.links(rid) == []
    updated = store.roll_call_by_source("undl", "1")
    assert updated is not None and updated["date"] == "2001-05-03"


def test_votes_are_checked(catalogue: Catalogue) -> None:
    store = vote_store(catalogue)
    with pytest.raises(sqlite3.IntegrityError), catalogue.transaction():
        rid = store.insert_roll_call(_values("undl", "9"))
        store.insert_votes(rid, [("USA", "United States", "maybe", None)])
    assert store.fingerprints("undl") == {}  # the transaction was rolled back


def test_lookup_by_parts(catalogue: Catalogue) -> None:
    store = vote_store(catalogue)
    both = _roll_call(catalogue, store, "unvotes", "1", ["A/RES/61/128A", "A/RES/61/128B"], {})
    only_a = _roll_call(catalogue, store, "unvotes", "2", ["A/RES/61/128A"], {})
    _roll_call(catalogue, store, "unvotes", "3", ["A/RES/61/1280"], {})
    assert [r.id for r in store.roll_calls_on(["A/RES/61/128A"])] == [both, only_a]
    assert [r.id for r in store.roll_calls_on(["A/RES/61/128A", "A/RES/61/128B"])] == [both]
    assert [r.id for r in store.roll_calls_on_parts("A/RES/61/128")] == [both, only_a]
    assert store.roll_calls_on_parts("A/RES/61/12") == []


def test_pairs_leave_out_votes_without_a_vote_and_duplicates(catalogue: Catalogue) -> None:
    store = vote_store(catalogue)
    votes = {"USA": "Y", "GBR": "A"}
    _roll_call(catalogue, store, "unvotes", "1", ["A/RES/1/1"], votes, date="2001-01-01", year=2001)
    _roll_call(catalogue, store, "undl", "9", ["A/RES/1/1"], votes, date="2001-01-01", year=2001)
    _roll_call(catalogue, store, "undl", "8", ["S/RES/5"], votes, year=2002, without_vote=1)
    # A paragraph vote on the same resolution is not a duplicate of the vote on the whole.
    _roll_call(
        catalogue,
        store,
        "unvotes",
        "2",
        ["A/RES/1/1"],
        {"USA": "N", "GBR": "N"},
        date="2001-01-01",
        year=2001,
        kind="paragraph",
    )
    with catalogue.transaction():
        assert store.mark_duplicates() == 1
    assert sorted(store.paired_votes("USA", "GBR")) == [(2001, "N", "N"), (2001, "Y", "A")]
    total, rows = store.roll_calls_page({"year": 2001}, None, 0)
    assert total == 2 and {r["source"] for r in rows} == {"undl", "unvotes"}
    assert store.counts()["duplicates"] == 1
    assert store.country_names("USA") == ["Usa"]
    assert len(store.country_votes("USA")) == 3
