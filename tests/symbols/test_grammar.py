"""Symbol grammar: parse, normalize, identity keys, errors — on the forms real UN data uses."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from unlib.symbols import SymbolError, normalize, parse, parse_json, symbol_key, try_parse

# (input, normalized, key, kind)
FORMS = [
    ("A/RES/77/128 B", "A/RES/77/128 B", "A/RES/77/128B", "resolution"),
    ("A/RES/1514 (XV)", "A/RES/1514 (XV)", "A/RES/1514", "resolution"),
    ("A/RES/217 A (III)", "A/RES/217 A (III)", "A/RES/217A", "resolution"),
    ("A/RES/S-13/2", "A/RES/S-13/2", "A/RES/S-13/2", "resolution"),
    ("A/RES/ES-10/19", "A/RES/ES-10/19", "A/RES/ES-10/19", "resolution"),
    ("S/RES/1244 (1999)", "S/RES/1244 (1999)", "S/RES/1244", "resolution"),
    ("S/PRST/2001/27", "S/PRST/2001/27", "S/PRST/2001/27", "document"),
    ("S/PV.9000 (Resumption 1)", "S/PV.9000 (Resumption 1)", "S/PV.9000(RESUMPTION1)", "meeting"),
    ("A/AC.198/2023/4", "A/AC.198/2023/4", "A/AC.198/2023/4", "document"),
    (
        "E/CN.4/Sub.2/2002/1/Add.1/Corr.1",
        "E/CN.4/Sub.2/2002/1/Add.1/Corr.1",
        "E/CN.4/SUB.2/2002/1/ADD.1/CORR.1",
        "document",
    ),
    ("A/C.3/78/L.49/Rev.1", "A/C.3/78/L.49/Rev.1", "A/C.3/78/L.49/REV.1", "document"),
    ("A/78/251*", "A/78/251*", "A/78/251", "document"),
    ("A/74/5 (Vol.I)", "A/74/5 (Vol.I)", "A/74/5(VOL.I)", "document"),
    ("ST/SGB/2019/8", "ST/SGB/2019/8", "ST/SGB/2019/8", "document"),
    ("CRC/C/GC/25", "CRC/C/GC/25", "CRC/C/GC/25", "document"),
    ("E/2023/L.10", "E/2023/L.10", "E/2023/L.10", "document"),
    ("a/res/77/128b", "A/RES/77/128 B", "A/RES/77/128B", "resolution"),
    ("S/RES/1244(1999)", "S/RES/1244 (1999)", "S/RES/1244", "resolution"),
    ("A / 74 / 5(Vol. I)", "A/74/5 (Vol.I)", "A/74/5(VOL.I)", "document"),
    ("S/PV.5000(Resumption1)", "S/PV.5000 (Resumption 1)", "S/PV.5000(RESUMPTION1)", "meeting"),
    ("S/Agenda/2329/Rev. 1", "S/Agenda/2329/Rev.1", "S/AGENDA/2329/REV.1", "document"),
    ("A/54/L.74/ADD.1", "A/54/L.74/Add.1", "A/54/L.74/ADD.1", "document"),
    ("R/60/251", "A/RES/60/251", "A/RES/60/251", "resolution"),
    ("R/ES-10/14", "A/RES/ES-10/14", "A/RES/ES-10/14", "resolution"),
    ("S/PV.4011 (Resumed)", "S/PV.4011 (Resumed)", "S/PV.4011(RESUMED)", "meeting"),
    ("S/AC.44/2005/INF.1", "S/AC.44/2005/INF.1", "S/AC.44/2005/INF.1", "document"),
    ("PBC/1/BDI/4", "PBC/1/BDI/4", "PBC/1/BDI/4", "document"),
    ("A/ES-10/293", "A/ES-10/293", "A/ES-10/293", "document"),
    ("A/HRC/RES/33/11", "A/HRC/RES/33/11", "A/HRC/RES/33/11", "resolution"),
    ("A/HRC/WG.6/44/BDI/1", "A/HRC/WG.6/44/BDI/1", "A/HRC/WG.6/44/BDI/1", "document"),
    ("E/C.12/GC/25", "E/C.12/GC/25", "E/C.12/GC/25", "document"),
    ("CEDAW/C/GC/38", "CEDAW/C/GC/38", "CEDAW/C/GC/38", "document"),
    ("UNEP/OZL.PRO.35/12", "UNEP/OzL.Pro.35/12", "UNEP/OZL.PRO.35/12", "document"),
    ("FCCC/CP/2015/L.9/Rev.1", "FCCC/CP/2015/L.9/Rev.1", "FCCC/CP/2015/L.9/REV.1", "document"),
    ("A/CONF.62/122", "A/CONF.62/122", "A/CONF.62/122", "document"),
    ("ST/ADM/SER.B/1008", "ST/ADM/SER.B/1008", "ST/ADM/SER.B/1008", "document"),
    ("A/INF/78/1", "A/INF/78/1", "A/INF/78/1", "document"),
    ("DP/FPA/2023/1", "DP/FPA/2023/1", "DP/FPA/2023/1", "document"),
    ("E/ICEF/2023/1", "E/ICEF/2023/1", "E/ICEF/2023/1", "document"),
    ("UNW/2023/1", "UNW/2023/1", "UNW/2023/1", "document"),
    ("S/2005/15/Add.51", "S/2005/15/Add.51", "S/2005/15/ADD.51", "document"),
    ("A/C.6/78/SR.5", "A/C.6/78/SR.5", "A/C.6/78/SR.5", "meeting"),
    ("A/78/PV.12", "A/78/PV.12", "A/78/PV.12", "meeting"),
    ("A/DEC/77/545", "A/DEC/77/545", "A/DEC/77/545", "decision"),
    ("A/71/6 (Prog. 24)", "A/71/6 (Prog. 24)", "A/71/6(PROG.24)", "document"),
    ("A/RES/186 (S-2)", "A/RES/186 (S-2)", "A/RES/186", "resolution"),
    ("ICCD/COP(15)/1", "ICCD/COP(15)/1", "ICCD/COP(15)/1", "document"),
    ("Ａ/ＲＥＳ/７７/１２８", "A/RES/77/128", "A/RES/77/128", "resolution"),
    ("UNEP/EA.6/RES.1", "UNEP/EA.6/Res.1", "UNEP/EA.6/RES.1", "resolution"),
    ("LC/G.2345", "LC/G.2345", "LC/G.2345", "document"),
    ("TD/B/C.I/55", "TD/B/C.I/55", "TD/B/C.I/55", "document"),
    ("A/HRC/RES/S-30/1", "A/HRC/RES/S-30/1", "A/HRC/RES/S-30/1", "resolution"),
    ("A/ES-10/PV.1", "A/ES-10/PV.1", "A/ES-10/PV.1", "meeting"),
]


@pytest.mark.parametrize(("text", "normalized", "key", "kind"), FORMS)
def test_parse_real_forms(text: str, normalized: str, key: str, kind: str) -> None:
    symbol = parse(text)
    assert symbol.normalized == normalized
    assert symbol.key == key
    assert symbol.kind == kind
    assert parse(symbol.normalized) == symbol
    assert normalize(normalized) == normalized


def test_fields_of_a_symbol() -> None:
    symbol = parse("E/CN.4/Sub.2/2002/1/Add.1/Corr.1")
    assert symbol.body == "E"
    assert symbol.subsidiary == ("CN.4", "Sub.2")
    assert (symbol.session_or_year, symbol.doc_type, symbol.number) == ("2002", None, "1")
    assert symbol.modifiers == ("Add.1", "Corr.1")
    assert symbol.components == ("E", "CN.4", "Sub.2", "2002", "1", "Add.1", "Corr.1")
    resolution = parse("A/RES/217 A (III)")
    assert (resolution.doc_type, resolution.number, resolution.session_or_year) == (
        "RES",
        "217",
        "III",
    )
    assert resolution.modifiers == ("A", "(III)")
    meeting = parse("S/PV.9000 (Resumption 1)")
    assert (meeting.doc_type, meeting.number, meeting.modifiers) == (
        "PV",
        "9000",
        ("(Resumption 1)",),
    )
    council = parse("S/RES/1244 (1999)")
    assert (council.session_or_year, council.modifiers) == ("1999", ("(1999)",))


def test_reissue_and_repeated_year_do_not_change_the_work() -> None:
    assert symbol_key("A/78/251*") == symbol_key("a/78/251")
    assert symbol_key("S/RES/1244 (1999)") == symbol_key("S/RES/1244")
    assert symbol_key("A/RES/1514 (XV)") == symbol_key("A/RES/1514")
    assert symbol_key("R/60/251") == symbol_key("A/RES/60/251")
    # Identity-bearing parentheticals and part letters stay.
    assert symbol_key("A/74/5 (Vol.I)") != symbol_key("A/74/5")
    assert symbol_key("S/PV.5000 (Resumption 1)") != symbol_key("S/PV.5000")
    assert symbol_key("A/RES/77/128 B") != symbol_key("A/RES/77/128 A")


@pytest.mark.parametrize(
    ("text", "fragment", "position"),
    [
        ("", "empty input", None),
        ("   ", "empty input", None),
        ("/78/1", "series prefix", 0),
        ("A//78", "two '/' in a row", 2),
        ("A/78/", "trailing '/'", 4),
        ("A/78#1", "illegal character '#'", 4),
        ("XYZ/78/1", "'XYZ' is not a known UN series prefix", 0),
        ("hello", "'hello' is not a known UN series prefix", 0),
        ("1234", "is a number, not a document symbol", 0),
        ("A/78/1/Add.", "'Add.' is incomplete", 7),
        ("A/74/5 (Vol.I", "'(' is never closed", 7),
        ("A/74/5 Vol.I)", "')' without a matching '('", 12),
        ("A", "'A' alone is not a document symbol", 0),
        ("A/RES", "has no document number", 0),
        ("A/74/5 (Foo)", "unrecognised parenthetical '(Foo)'", 5),
        ("S/26G26", "malformed component", 2),
    ],
)
def test_errors_say_what_and_where(text: str, fragment: str, position: int | None) -> None:
    with pytest.raises(SymbolError) as caught:
        parse(text)
    assert fragment in caught.value.message
    assert caught.value.position == position
    assert try_parse(text) is None


def test_parse_json_for_valid_and_invalid_input() -> None:
    valid = parse_json("a/res/77/128b")
    assert valid["valid"] is True and valid["error"] is None
    assert valid["normalized"] == "A/RES/77/128 B"
    assert valid["subsidiary"] == [] and valid["modifiers"] == ["B"]
    assert (valid["key"], valid["kind"]) == ("A/RES/77/128B", "resolution")
    invalid = parse_json("A//78")
    assert invalid["valid"] is False and "two '/'" in invalid["error"]
    assert invalid["normalized"] is None and invalid["body"] is None
    assert invalid["subsidiary"] == [] and invalid["modifiers"] == []
    assert set(valid) == set(invalid)
    json.dumps(valid), json.dumps(invalid)  # plain JSON


def test_every_subject_index_symbol_parses_and_round_trips(shared_data: Path) -> None:
    """~8,600 distinct symbols of the Security Council subject index (lists and link URLs)."""
    symbols: set[str] = set()
    for path in sorted((shared_data / "unsc-subject-index").glob("S*.json")):
        for row in json.loads(path.read_text(encoding="utf-8")):
            symbols.update(row["docsymbol"])
            symbols.update(link.split("/symbol/", 1)[1] for link in row.get("link", []))
    assert len(symbols) > 7000
    failures = [s for s in symbols if try_parse(s) is None]
    assert failures == []
    for text in symbols:
        symbol = parse(text)
        assert parse(symbol.normalized) == symbol
        assert normalize(symbol.normalized) == symbol.normalized
        assert symbol.key == text.upper().replace(" ", "").replace("*", "") or "(" in text


def test_marc_record_symbols(shared_data: Path) -> None:
    """MARC 191 (own symbol) and 993 (related documents) of the UN Digital Library records."""
    tree = etree.parse(str(shared_data / "undl-marc-a-c3-78" / "dev_records.marcxml"))
    own, related = [], []
    for field in tree.iter("{*}datafield"):
        values = [sf.text or "" for sf in field.iter("{*}subfield") if sf.get("code") == "a"]
        if field.get("tag") == "191":
            own += values
        elif field.get("tag") == "993":
            related += values
    assert own and all(parse(s).normalized == s for s in own)
    assert all(parse(s).body == "A" for s in own)
    rejected = [s for s in related if try_parse(s) is None]
    # Real catalogue typos must be rejected with the reason, everything else must parse.
    for text in rejected:
        assert "not a known UN series prefix" in str(parse_json(text)["error"])
    assert len(rejected) <= 2 and len(related) > 40


def test_voeten_short_forms(shared_data: Path) -> None:
    with (shared_data / "unvotes" / "un_roll_calls.csv").open(encoding="utf-8") as handle:
        values = [row["unres"] for row in csv.DictReader(handle) if row["unres"]]
    assert len(values) > 1000
    for value in values:
        symbol = parse(value)
        assert symbol.body == "A" and symbol.doc_type == "RES" and symbol.kind == "resolution"


# --- properties ----------------------------------------------------------------------------------

_BODIES = st.sampled_from(["A", "S", "E", "ST", "CRC", "A/HRC", "E/CN.4", "A/C.3", "UNEP/EA.6"])
_NUMBER = st.integers(min_value=1, max_value=9999).map(str)
_TAIL = st.sampled_from(
    ["", "/Add.1", "/Rev.2", "/Corr.1", "/Add.3/Corr.1", " (Vol.II)", "*", " B", " (1999)", " (XV)"]
)


@st.composite
def symbols(draw: st.DrawFn) -> str:
    body = draw(_BODIES)
    session = draw(st.sampled_from(["", "/78", "/2023", "/S-13", "/ES-10"]))
    number = draw(_NUMBER)
    tail = draw(_TAIL)
    dotted = draw(st.sampled_from(["", "L", "PV", "SR", "INF", "CRP"]))
    if dotted:  # A/78/L.5, S/PV.9000
        return f"{body}{session}/{dotted}.{number}{tail}"
    middle = draw(st.sampled_from(["", "/RES", "/DEC", "/PRST", "/AC.198", "/GC", "/INF"]))
    return f"{body}{middle}{session}/{number}{tail}"


@st.composite
def respelled(draw: st.DrawFn, text: str) -> str:
    """The same symbol in random case, with random spaces around "/" and after dots."""
    out = []
    for ch in text:
        ch = ch.upper() if draw(st.booleans()) else ch.lower()
        if ch == "/":
            ch = " " * draw(st.integers(0, 1)) + "/" + " " * draw(st.integers(0, 1))
        elif ch == ".":
            ch = "." + " " * draw(st.integers(0, 1))
        out.append(ch)
    return "".join(out)


@given(symbols())
def test_normalize_is_idempotent(text: str) -> None:
    symbol = parse(text)
    assert normalize(symbol.normalized) == symbol.normalized
    assert parse(symbol.normalized) == symbol


@given(st.data())
def test_case_and_spacing_do_not_matter(data: st.DataObject) -> None:
    text = data.draw(symbols())
    symbol = parse(text)
    variant = data.draw(respelled(text))
    assert parse(variant).normalized == symbol.normalized
    assert symbol_key(variant) == symbol.key


@given(st.text(max_size=30))
def test_parse_json_never_raises(text: str) -> None:
    result = parse_json(text)
    assert result["valid"] in (True, False)
    assert (result["error"] is None) == result["valid"]
