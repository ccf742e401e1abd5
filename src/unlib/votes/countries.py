"""Member states as ISO 3166-1 alpha-3 codes, from the codes and names voting data uses.

Voeten's data (unvotes) gives alpha-2 codes (Namibia is the string ``NA``) and, for states that
no longer exist, historical ISO codes (``YU``, ``CS``, ``DD``, ``SU``) or none at all; the
official Library data gives alpha-3 codes; the General Debate corpus uses alpha-3 plus ``EU``.
Codes are converted with pycountry, historical ones through ISO 3166-3 (``YU`` → ``YUG``,
``CS`` → ``CSK`` or ``SCG`` by name). Names are matched after folding case, accents and
punctuation, against ISO names and the short names the sources use (:data:`_ALIASES`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Final

import pycountry

# The European Union takes part in the General Debate under this pseudo-code.
EUROPEAN_UNION: Final = "EU"

# Folded short names the sources use that ISO does not list (checked in tests against the
# unvotes sample and the General Debate speaker list).
_ALIASES: Final = {
    "antigua and barbuda": "ATG",
    "bosnia and herzegovina": "BIH",
    "brunei": "BRN",
    "burma": "MMR",
    "cape verde": "CPV",
    "congo brazzaville": "COG",
    "congo kinshasa": "COD",
    "czech republic": "CZE",
    "czechoslovakia": "CSK",
    "democratic republic of the congo": "COD",
    "east germany": "DDR",
    "east timor": "TLS",
    "european union": EUROPEAN_UNION,
    "federal republic of germany": "DEU",
    "german democratic republic": "DDR",
    "holy see": "VAT",
    "ivory coast": "CIV",
    "korea": "KOR",
    "laos": "LAO",
    "macedonia": "MKD",
    "micronesia": "FSM",
    "myanmar burma": "MMR",
    "north korea": "PRK",
    "palestine": "PSE",
    "russia": "RUS",
    "saint kitts and nevis": "KNA",
    "saint lucia": "LCA",
    "saint vincent and grenadines": "VCT",
    "saint vincent and the grenadines": "VCT",
    "sao tome and principe": "STP",
    "serbia and montenegro": "SCG",
    "south korea": "KOR",
    "south yemen": "YMD",
    "soviet union": "SUN",
    "swaziland": "SWZ",
    "trinidad and tobago": "TTO",
    "turkey": "TUR",
    "ussr": "SUN",
    "west germany": "DEU",
    "yemen arab republic": "YEM",
    "yemen peoples republic": "YMD",
    "yugoslavia": "YUG",
    "zaire": "ZAR",
}
# Words of an official name that a short name leaves out ("Republic of Rwanda" → "Rwanda").
_STATE_WORDS: Final = re.compile(
    r"^(?:the )?(?:(?:republic|state|kingdom|commonwealth|principality|grand duchy|sultanate|"
    r"federation|union|co operative republic|federal republic|islamic republic) of )+(?:the )?"
)
_ALPHA3: Final = re.compile(r"^[A-Z]{3}$")


def fold(name: str) -> str:
    """Lower case, no accents or punctuation, "&"/"St." spelt out: "St. Kitts & Nevis" →
    "saint kitts and nevis"."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " and ").replace("'", "")
    text = re.sub(r"\bst\.? ", "saint ", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def is_alpha3(code: str) -> bool:
    return bool(_ALPHA3.match(code))


def is_known_code(code: str) -> bool:
    """An ISO 3166-1 alpha-3 code, current or historical (ISO 3166-3), or ``EU``."""
    return (
        code == EUROPEAN_UNION
        or pycountry.countries.get(alpha_3=code) is not None
        or pycountry.historic_countries.get(alpha_3=code) is not None
    )


def alpha3_from_alpha2(code: str, name: str = "") -> str | None:
    """The alpha-3 code for an alpha-2 code; ``name`` picks among historical codes that
    share an alpha-2 code (``CS``: Czechoslovakia or Serbia and Montenegro)."""
    code = code.strip().upper()
    current = pycountry.countries.get(alpha_2=code)
    if current is not None:
        return str(current.alpha_3)
    candidates = _historic_by_alpha2().get(code, [])
    if len(candidates) == 1:
        return candidates[0]
    if candidates and name:
        by_name = alpha3_from_name(name)
        if by_name in candidates:
            return by_name
    return None


def alpha3_from_name(name: str) -> str | None:
    """The code for a country name in any of the spellings the sources use, or None."""
    folded = fold(name)
    if not folded:
        return None
    index = _name_index()
    found = index.get(folded) or _ALIASES.get(folded)
    if found is None:
        bare = _STATE_WORDS.sub("", folded)
        found = index.get(bare) or _ALIASES.get(bare)
    return found


def country_name(code: str) -> str | None:
    """A readable English name for an alpha-3 code (historical ones too), None if unknown."""
    if code == EUROPEAN_UNION:
        return "European Union"
    country = pycountry.countries.get(alpha_3=code)
    if country is not None:
        return str(getattr(country, "common_name", None) or country.name)
    historic = pycountry.historic_countries.get(alpha_3=code)
    # ISO 3166-3 names read "Yugoslavia, (Socialist) Federal Republic of": keep the short name.
    return str(historic.name).split(",")[0] if historic is not None else None


@cache
def _historic_by_alpha2() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for country in pycountry.historic_countries:
        found.setdefault(str(country.alpha_2), []).append(str(country.alpha_3))
    return found


@cache
def _name_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in pycountry.historic_countries:
        for attribute in ("name", "official_name"):
            _add_name(index, getattr(country, attribute, None), str(country.alpha_3))
    # Current names win over historical ones.
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            _add_name(index, getattr(country, attribute, None), str(country.alpha_3))
    return index


def _add_name(index: dict[str, str], name: str | None, code: str) -> None:
    if not name:
        return
    index[fold(name)] = code
    # ISO writes some names inverted: "Korea, Republic of", "Iran, Islamic Republic of".
    if "," in name:
        head, _, tail = name.partition(",")
        index[fold(f"{tail} {head}")] = code
