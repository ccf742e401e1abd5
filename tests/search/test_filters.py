"""Combining filters from the search box with filters from the interface."""

from __future__ import annotations

from unlib.search.filters import Filters, parse_filter


def test_narrowed_keeps_values_allowed_by_both() -> None:
    box = Filters(langs=("zh", "en"), year_from=2000, year_to=2020)
    ui = Filters(langs=("en", "fr"), bodies=("S",), year_from=2010)
    both = box.narrowed(ui)
    assert both.langs == ("en",)
    assert both.bodies == ("S",)
    assert (both.year_from, both.year_to) == (2010, 2020)
    assert not both.impossible


def test_narrowed_to_nothing_is_impossible_not_unrestricted() -> None:
    assert Filters(langs=("zh",)).narrowed(Filters(langs=("en",))).impossible
    assert Filters(year_from=2020).narrowed(Filters(year_to=2010)).impossible
    assert Filters(works=(1, 2)).narrowed(Filters(works=(3,))).impossible


def test_no_restriction_narrows_to_the_other() -> None:
    other = Filters(types=("report",), works=(7,))
    assert Filters().narrowed(other) == other
    assert other.narrowed(Filters()) == other


def test_united_collects_alternatives_and_spans_years() -> None:
    union = parse_filter("lang", "zh").united(parse_filter("lang", "en"))
    assert union.langs == ("zh", "en")
    years = parse_filter("year", "..1990").united(parse_filter("year", "2000"))
    assert (years.year_from, years.year_to) == (None, 2000)
    assert parse_filter("type", "report").united(Filters()).types == ("report",)


def test_a_filter_judges_a_passage_by_its_works_facts() -> None:
    filters = parse_filter("year", "2020..2023").narrowed(parse_filter("body", "GA"))
    assert filters.admits("fr", "A", "resolution", 2021, 7)
    assert not filters.admits("fr", "S", "resolution", 2021, 7)  # another body
    assert not filters.admits("fr", "A", "resolution", 2019, 7)
    assert not filters.admits("fr", "A", "resolution", None, 7)  # no year: not in a range
    assert Filters().admits("zh", None, "other", None, 1)
    assert (
        not parse_filter("lang", "zh")
        .narrowed(parse_filter("lang", "en"))
        .admits("zh", None, "other", None, 1)
    )
