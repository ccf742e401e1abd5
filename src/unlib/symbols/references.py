"""From a number as written after "resolution"/"decision" to the symbol of the document.

The form of the number says most: ``1244 (1999)`` is a Security Council resolution,
``1514 (XV)`` and ``77/128 B`` are General Assembly resolutions, ``2008/5`` is an Economic and
Social Council one. A named organ ("Human Rights Council resolution 33/11") or the organ of the
citing document (``body``) settles the rest; when nothing does, we return None rather than guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from unlib.symbols.cues import ARABIC_PART_LETTERS, CYRILLIC_LOOKALIKES
from unlib.text.numbers import roman_to_int

# Organs whose resolutions/decisions we can name; "council" and "other" are resolved earlier.
_CHARTER_COUNCILS: Final = {"S", "E", "A/HRC", "T"}
_ROMAN_OCR: Final = str.maketrans({"1": "I", "l": "I", "i": "I", "v": "V", "x": "X"})
_OCR_DIGITS: Final = str.maketrans({"S": "5", "O": "0", "I": "1", "l": "1", "!": "1"})


@dataclass(frozen=True, slots=True)
class Item:
    """One number in a reference, split into what it says."""

    form: str  # "year" N (YYYY) | "roman" N (XV) | "session" 77/128 | "annual" 2008/5 | "bare" N
    number: str
    session: str | None = None  # "77", "ES-10", "S-13" (session form); "2008" (annual form)
    paren: str | None = None  # "1999", "XV", "ES-V"
    parts: tuple[str, ...] = ()  # part letters: ("A", "B")


def item_from_groups(groups: dict[str, str | None]) -> Item | None:
    """Build an Item from the named groups of ``phrases.item_pattern`` (one alternative matched)."""
    found = {name: value for name, value in groups.items() if value}
    if "s_num" in found:
        return Item(
            "session",
            _digits(found["s_num"]),
            _session(found.get("s_sess", "")),
            parts=_part_letters(found.get("s_parts")),
        )
    if "a_num" in found:
        return Item("annual", _digits(found["a_num"]), found.get("a_year"))
    if "p_num" in found:
        return _paren_item(groups)
    if "o_num" in found:
        digits = found["o_num"].translate(_OCR_DIGITS)
        return (
            Item("year", _digits(digits), paren=found.get("o_year")) if digits.isdigit() else None
        )
    if "m_num" in found:
        year = found.get("m_year") or found.get("m_year2")
        return Item("year", _digits(found["m_num"]), paren=year)
    if "b_num" in found:
        return Item("bare", _digits(found["b_num"]))
    return None


def _paren_item(groups: dict[str, str | None]) -> Item | None:
    paren = (groups["p_paren"] or "").strip()
    number = _digits(groups["p_num"] or "")
    parts = _part_letters(groups.get("p_part"))
    if re.fullmatch(r"(?:19|20)\d\d", paren):
        if parts:  # Council resolutions have no parts: "70S (1991)" is an OCR-read 705
            digits = (groups["p_num"] or "") + (groups["p_part"] or "").translate(_OCR_DIGITS)
            return Item("year", _digits(digits), paren=paren) if digits.isdigit() else None
        return Item("year", number, paren=paren)
    # Early GA sessions in roman numerals; OCR often reads "I" as "1" or "l": (1) = (I).
    roman = (
        paren.upper() if paren.upper().startswith(("ES-", "S-")) else paren.translate(_ROMAN_OCR)
    )
    core = roman.removeprefix("ES-").removeprefix("S-")
    if roman_to_int(core) is None and not (core.isdigit() and core != roman):
        return None  # a roman session, or a numbered special session "(S-2)"
    return Item("roman", number, paren=roman, parts=parts)


def _digits(text: str) -> str:
    return re.sub(r"\s+", "", text).lstrip("0") or "0"


def _session(text: str) -> str:
    compact = re.sub(r"\s+", "", text).upper()
    return compact if "-" in compact else compact.lstrip("0")


def _part_letters(text: str | None) -> tuple[str, ...]:
    """ "A and B", "A-B", "A和B", "ألف وباء", Cyrillic "В" -> ("A", "B")."""
    if not text:
        return ()
    letters: list[str] = []
    for word in re.findall(r"[\u0600-\u06ff]{3}|[A-ZА-Я]", text):
        letter = ARABIC_PART_LETTERS.get(word) or word.translate(CYRILLIC_LOOKALIKES)
        if len(letter) == 1 and "A" <= letter <= "Z":
            letters.append(letter)
    if len(letters) == 2 and re.search(r"[-–]", text):
        first, last = ord(letters[0]), ord(letters[1])
        if 0 < last - first < 10:  # "A-C" is A, B and C
            letters = [chr(code) for code in range(first, last + 1)]
    return tuple(letters)


def effective_organ(organ: str | None, body: str | None) -> str | None:
    """The organ a meeting reference belongs to: the one named, else the speaker's for
    "the Council"."""
    if organ == "council":
        return body if body in _CHARTER_COUNCILS else None
    return organ


# Which council "the Council" is, by the form of the number: only the Security Council
# numbered by year, only ECOSOC (and the Trusteeship Council) by roman session or by
# year/number, only the Human Rights Council by session/number.
_COUNCIL_BY_FORM: Final = {"year": "S", "roman": "E", "annual": "E", "session": "A/HRC"}


def resolve(item: Item, organ: str | None, body: str | None, *, decision: bool) -> list[str]:
    """Symbols (one per part letter) for ``item`` cited as ``organ``'s; [] when unknown.

    ``organ`` is the organ named next to the reference (a symbol body, "council" or "other",
    None when none is named), ``body`` the organ of the citing document.
    """
    if organ == "other":
        return []
    if organ == "council":
        organ = _which_council(item, body)
    speaker = organ if organ is not None else _speaker(body)
    base = _base_symbol(item, organ, speaker, decision)
    if base is None:
        return []
    if not item.parts:
        return [base + _paren_suffix(item)]
    return [f"{base} {part}{_paren_suffix(item)}" for part in item.parts]


def _which_council(item: Item, body: str | None) -> str | None:
    if body in _CHARTER_COUNCILS and (item.form == "bare" or body == "T"):
        return body
    return _COUNCIL_BY_FORM.get(item.form, body if body in _CHARTER_COUNCILS else None)


def _speaker(body: str | None) -> str | None:
    if body is None:
        return None
    return body if body in _CHARTER_COUNCILS or body == "A" else None


def _paren_suffix(item: Item) -> str:
    return f" ({item.paren})" if item.paren else ""


def _base_symbol(item: Item, named: str | None, speaker: str | None, decision: bool) -> str | None:
    kind = "DEC" if decision else "RES"
    if item.form == "year":
        return None if decision else f"S/RES/{item.number}"
    if item.form == "roman":
        if decision:
            return None
        organ = named if named in ("E", "T") else "A"
        return f"{organ}/RES/{item.number}"
    if item.form == "session":
        return _session_symbol(item, named, speaker, kind)
    if item.form == "annual":
        return _annual_symbol(item, speaker, kind)
    if item.form == "bare" and not decision:
        return f"S/RES/{item.number}" if speaker == "S" else None
    return None


def _session_symbol(item: Item, named: str | None, speaker: str | None, kind: str) -> str | None:
    if speaker == "A/HRC" and not (item.session or "").startswith("ES-"):
        return f"A/HRC/{kind}/{item.session}/{item.number}"
    if named in ("S", "E", "T", "E/CN.4"):
        return None  # these organs never numbered their texts session/number
    return f"A/{kind}/{item.session}/{item.number}"


def _annual_symbol(item: Item, speaker: str | None, kind: str) -> str | None:
    if speaker == "E":
        return f"E/{kind}/{item.session}/{item.number}"
    if speaker == "E/CN.4":
        return f"E/CN.4/{kind}/{item.session}/{item.number}"
    return None
