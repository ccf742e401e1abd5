"""Search filters (language, issuing body, year range, document type, works) and their syntax.

Filters come from the search box (``lang:zh year:2020..2023``) and from the interface (facet
links, "search in this document"); both are combined with :meth:`Filters.narrowed`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, TypeVar

from unlib.model import LANGUAGE_NAMES, UNDETERMINED
from unlib.search.lexer import QueryError
from unlib.symbols import body_code

_V = TypeVar("_V", str, int)
# Years a UN document can carry (the League of Nations archives reach back to 1919).
_FIRST_YEAR: Final = 1900
_LAST_YEAR: Final = 2100
_YEAR_RANGE: Final = re.compile(r"^(\d*)\s*(?:\.\.|–|-)\s*(\d*)$")
_LANGUAGE_ALIASES: Final = {
    **{name.lower(): code for code, name in LANGUAGE_NAMES.items()},
    "zh-hans": "zh",
    "zh-cn": "zh",
    "cn": "zh",
    "中文": "zh",
    "sp": "es",
}


@dataclass(frozen=True)
class Filters:
    """Restrictions on the passages searched; an empty tuple/None means "no restriction".

    Within one field the values are alternatives (``langs=("zh", "en")``: Chinese or English).
    """

    langs: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    works: tuple[int, ...] = ()

    # Set when two restrictions leave nothing (lang:zh given together with lang:en).
    impossible: bool = False

    @property
    def is_empty(self) -> bool:
        return self == Filters()

    def admits(
        self, lang: str, body: str | None, doc_type: str, year: int | None, work: int
    ) -> bool:
        """Whether a passage in ``lang`` of a work with these facts passes (as the index's
        filter fields would judge it)."""
        if self.impossible:
            return False
        after = self.year_from is None or (year is not None and year >= self.year_from)
        before = self.year_to is None or (year is not None and year <= self.year_to)
        return (
            (not self.langs or lang in self.langs)
            and (not self.bodies or body in self.bodies)
            and (not self.types or doc_type in self.types)
            and (not self.works or work in self.works)
            and after
            and before
        )

    def narrowed(self, other: Filters) -> Filters:
        """Both restrictions at once (values present in both; the overlap of year ranges)."""
        langs, no_lang = _overlap(self.langs, other.langs)
        bodies, no_body = _overlap(self.bodies, other.bodies)
        types, no_type = _overlap(self.types, other.types)
        works, no_work = _overlap(self.works, other.works)
        year_from = _max_or_none(self.year_from, other.year_from)
        year_to = _min_or_none(self.year_to, other.year_to)
        no_year = year_from is not None and year_to is not None and year_from > year_to
        impossible = self.impossible or other.impossible
        return Filters(
            langs=langs,
            bodies=bodies,
            types=types,
            year_from=year_from,
            year_to=year_to,
            works=works,
            impossible=impossible or no_lang or no_body or no_type or no_work or no_year,
        )

    def united(self, other: Filters) -> Filters:
        """Either restriction, field by field: ``lang:zh lang:en`` in one query means both
        languages (year ranges are joined into one span)."""
        return Filters(
            langs=tuple(dict.fromkeys(self.langs + other.langs)),
            bodies=tuple(dict.fromkeys(self.bodies + other.bodies)),
            types=tuple(dict.fromkeys(self.types + other.types)),
            **_year_hull(self, other),
            works=tuple(dict.fromkeys(self.works + other.works)),
            impossible=self.impossible and other.impossible,
        )

    @property
    def has_years(self) -> bool:
        return self.year_from is not None or self.year_to is not None


def _year_hull(a: Filters, b: Filters) -> dict[str, int | None]:
    """The smallest span covering both year restrictions (None = open on that side)."""
    if not (a.has_years and b.has_years):
        source = a if a.has_years else b
        return {"year_from": source.year_from, "year_to": source.year_to}
    low = None if a.year_from is None or b.year_from is None else min(a.year_from, b.year_from)
    high = None if a.year_to is None or b.year_to is None else max(a.year_to, b.year_to)
    return {"year_from": low, "year_to": high}


def _overlap(mine: tuple[_V, ...], theirs: tuple[_V, ...]) -> tuple[tuple[_V, ...], bool]:
    """Values allowed by both restrictions, and whether that leaves nothing at all."""
    if not mine or not theirs:
        return mine or theirs, False
    overlap = tuple(value for value in mine if value in theirs)
    return overlap, not overlap


def _max_or_none(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _min_or_none(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def parse_filter(name: str, value: str) -> Filters:
    """The restriction written ``name:value`` (name already canonical: lang, body, year, type)."""
    if not value:
        raise QueryError(f"the filter {name}: needs a value, e.g. {_EXAMPLES[name]}")
    values = [v.strip() for v in value.split(",") if v.strip()] if name != "year" else [value]
    if name == "lang":
        return Filters(langs=tuple(dict.fromkeys(_language(v) for v in values)))
    if name == "body":
        return Filters(bodies=tuple(dict.fromkeys(_body(v) for v in values)))
    if name == "type":
        return Filters(types=tuple(dict.fromkeys(v.lower() for v in values)))
    year_from, year_to = _years(value)
    return Filters(year_from=year_from, year_to=year_to)


_EXAMPLES: Final = {
    "lang": "lang:zh",
    "body": 'body:S or body:"General Assembly"',
    "year": "year:2023 or year:2020..2023",
    "type": "type:resolution",
}


def _language(value: str) -> str:
    code = value.lower()
    code = _LANGUAGE_ALIASES.get(code, code)
    if code in LANGUAGE_NAMES:
        return code
    known = ", ".join(c for c in LANGUAGE_NAMES if c != UNDETERMINED)
    raise QueryError(f'unknown language "{value}" in lang:{value} — use one of {known}')


def _body(value: str) -> str:
    code = body_code(value)
    if code is not None:
        return code
    raise QueryError(
        f'unknown body "{value}" in body:{value} — use a symbol prefix such as A, S, E or ST, '
        'or a name such as body:"General Assembly" or body:"Security Council"'
    )


def _years(value: str) -> tuple[int | None, int | None]:
    if value.isdigit():
        year = _year(value, value)
        return year, year
    match = _YEAR_RANGE.match(value)
    if match is None or not (match.group(1) or match.group(2)):
        raise QueryError(
            f"cannot read the year in year:{value} — write year:2023, year:2020..2023, "
            "year:2020.. or year:..2023"
        )
    low = _year(match.group(1), value) if match.group(1) else None
    high = _year(match.group(2), value) if match.group(2) else None
    if low is not None and high is not None and low > high:
        low, high = high, low  # "2023..2020" clearly means the same span
    return low, high


def _year(digits: str, written: str) -> int:
    year = int(digits)
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise QueryError(
            f"{digits} in year:{written} is not a year — write four digits, e.g. year:2023"
        )
    return year
