"""Resolution symbols as voting data writes them → the works they name."""

from __future__ import annotations

import pytest

from unlib.votes.resolutions import read_resolution, session_number, symbol_or_none


@pytest.mark.parametrize(
    ("written", "symbol", "keys", "session"),
    [
        ("R/60/251", "A/RES/60/251", ("A/RES/60/251",), "60"),
        ("a/res/60/251", "A/RES/60/251", ("A/RES/60/251",), "60"),
        ("A/RES/71/5", "A/RES/71/5", ("A/RES/71/5",), "71"),
        ("R/61/128A", "A/RES/61/128 A", ("A/RES/61/128A",), "61"),
        # Two parts voted together: the roll call names both works.
        ("R/61/128AB", "A/RES/61/128 A-B", ("A/RES/61/128A", "A/RES/61/128B"), "61"),
        ("A/RES/61/128 A-B", "A/RES/61/128 A-B", ("A/RES/61/128A", "A/RES/61/128B"), "61"),
        ("A/RES/61/128 A and B", "A/RES/61/128 A-B", ("A/RES/61/128A", "A/RES/61/128B"), "61"),
        ("R/ES-10/19", "A/RES/ES-10/19", ("A/RES/ES-10/19",), "ES-10"),
        ("A/RES/S-26/2", "A/RES/S-26/2", ("A/RES/S-26/2",), "S-26"),
        # Old sessions in Roman numerals; the Library writes parts in brackets.
        ("A/RES/3379(XXX)", "A/RES/3379 (XXX)", ("A/RES/3379",), "30"),
        (
            "A/RES/377(V)[A-C]",
            "A/RES/377 A-C (V)",
            ("A/RES/377A", "A/RES/377B", "A/RES/377C"),
            "5",
        ),
        ("A/RES/181(II)[A]", "A/RES/181 A (II)", ("A/RES/181A",), "2"),
        ("A/RES/181(II) B", "A/RES/181 B (II)", ("A/RES/181B",), "2"),
        # The Council has no numbered sessions; the year is not a session.
        ("S/RES/1244 (1999)", "S/RES/1244 (1999)", ("S/RES/1244",), None),
        ("S/RES/1244(1999)", "S/RES/1244 (1999)", ("S/RES/1244",), None),
    ],
)
def test_symbols_in_every_spelling(
    written: str, symbol: str, keys: tuple[str, ...], session: str | None
) -> None:
    ref = read_resolution(written)
    assert ref is not None
    assert (ref.symbol, ref.keys, ref.session) == (symbol, keys, session)


def test_kind_and_body() -> None:
    decision = read_resolution("A/DEC/80/506")
    council = read_resolution("S/RES/2815 (2026)")
    assert decision is not None and decision.kind == "decision" and decision.body == "A"
    assert council is not None and council.kind == "resolution" and council.body == "S"


@pytest.mark.parametrize("written", ["", "   ", "garbage", "R/61/ABC/9", "123"])
def test_unreadable_symbols_are_none(written: str) -> None:
    assert read_resolution(written) is None


def test_draft_and_meeting_symbols() -> None:
    assert symbol_or_none("A/ES-10/PV.41") == ("A/ES-10/PV.41", "A/ES-10/PV.41")
    assert symbol_or_none("a/73/l.6") == ("A/73/L.6", "A/73/L.6")
    assert symbol_or_none("not a symbol") is None


def test_sessions_in_arabic_numerals() -> None:
    assert [session_number(s) for s in ("XXX", "ES-X", "S-XXVI", "75", "ES-10", None)] == [
        "30",
        "ES-10",
        "S-26",
        "75",
        "ES-10",
        None,
    ]
