"""The search box syntax (unlib.search.query and its lexer)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unlib.search.query import ParsedQuery, QueryError, Term, informative_words, parse_query


def texts(query: ParsedQuery) -> list[list[str]]:
    return [[term.text for term in group] for group in query.groups]


def test_words_are_all_required_groups() -> None:
    query = parse_query("digital  library")
    assert texts(query) == [["digital"], ["library"]]
    assert not query.excluded and query.filters.is_empty and not query.notes


def test_phrases_in_straight_curly_french_and_chinese_quotes() -> None:
    for q in ['"digital library"', "“digital library”", "«digital library»", "「digital library」"]:
        assert parse_query(q).groups == ((Term("digital library", "phrase"),),), q


def test_unclosed_quote_is_read_to_the_end_with_a_note() -> None:
    query = parse_query('peace "security council')
    assert query.groups[1] == (Term("security council", "phrase"),)
    assert "never closed" in query.notes[0]


def test_exclusions_with_minus_and_not() -> None:
    query = parse_query('sanctions -Iraq NOT embargo -"oil for food"')
    assert texts(query) == [["sanctions"]]
    assert query.excluded == (
        Term("Iraq"),
        Term("embargo"),
        Term("oil for food", "phrase"),
    )


def test_a_hyphen_inside_a_word_is_not_an_exclusion() -> None:
    assert texts(parse_query("self-determination")) == [["self-determination"]]


def test_or_joins_neighbours_into_one_group() -> None:
    query = parse_query('sanctions OR embargo OR "arms ban" Iraq')
    assert texts(query) == [["sanctions", "embargo", "arms ban"], ["Iraq"]]
    assert texts(parse_query("sanctions or embargo")) == [["sanctions"], ["or"], ["embargo"]]


def test_dangling_or_is_ignored_with_a_note() -> None:
    for q in ("OR peace", "peace OR", "peace OR OR war"):
        query = parse_query(q)
        assert query.notes, q
        assert all(term.text != "OR" for term in query.terms())


def test_filters() -> None:
    query = parse_query("lang:zh body:S year:2020..2023 type:Resolution 数字图书馆")
    assert texts(query) == [["数字图书馆"]]
    f = query.filters
    assert (f.langs, f.bodies, f.types, f.year_from, f.year_to) == (
        ("zh",),
        ("S",),
        ("resolution",),
        2020,
        2023,
    )


@pytest.mark.parametrize(
    ("q", "codes"),
    [
        ("body:GA", ("A",)),
        ('body:"General Assembly"', ("A",)),
        ("body:ECOSOC", ("E",)),
        ("body:S,A", ("S", "A")),
    ],
)
def test_body_aliases_become_symbol_body_codes(q: str, codes: tuple[str, ...]) -> None:
    assert parse_query(q).filters.bodies == codes


@pytest.mark.parametrize(
    ("q", "span"),
    [
        ("year:2023", (2023, 2023)),
        ("year:2020..2023", (2020, 2023)),
        ("year:2023..2020", (2020, 2023)),
        ("year:2020-2023", (2020, 2023)),
        ("year:2020..", (2020, None)),
        ("year:..1999", (None, 1999)),
        ("year:1990 year:2000..2005", (1990, 2005)),
    ],
)
def test_years(q: str, span: tuple[int | None, int | None]) -> None:
    f = parse_query(q).filters
    assert (f.year_from, f.year_to) == span


def test_language_names_and_repeated_filters_are_alternatives() -> None:
    assert parse_query("lang:Chinese lang:en").filters.langs == ("zh", "en")
    assert parse_query("language:fr,es").filters.langs == ("fr", "es")


def test_empty_query_with_filters_is_a_browse() -> None:
    query = parse_query("lang:zh year:2023")
    assert query.is_empty and not query.filters.is_empty
    assert parse_query("   ").is_empty


@pytest.mark.parametrize(
    ("q", "normalized", "key"),
    [
        ("A/RES/77/128 B", "A/RES/77/128 B", "A/RES/77/128B"),
        ("S/RES/1244 (1999)", "S/RES/1244 (1999)", "S/RES/1244"),
        ("A/AC.198/2023/4", "A/AC.198/2023/4", "A/AC.198/2023/4"),
    ],
)
def test_symbols_are_recognised_with_their_spaces(q: str, normalized: str, key: str) -> None:
    assert parse_query(q).groups == ((Term(normalized, "symbol", key),),)


def test_symbol_followed_by_words() -> None:
    query = parse_query("S/RES/1244 (1999) Kosovo a/res peace")
    assert [term.kind for term in query.terms()] == ["symbol", "word", "word", "word"]
    assert texts(query)[1:] == [["Kosovo"], ["a/res"], ["peace"]]


def test_lower_case_word_after_a_symbol_stays_a_word() -> None:
    query = parse_query("A/RES/77/128 a resolution")
    assert query.groups[0] == (Term("A/RES/77/128", "symbol", "A/RES/77/128"),)
    assert texts(query)[1:] == [["a"], ["resolution"]]


def test_excluded_symbol_and_url_are_not_filters() -> None:
    query = parse_query("peace -S/RES/1244 http://www.un.org")
    assert query.excluded == (Term("S/RES/1244", "symbol", "S/RES/1244"),)
    assert texts(query) == [["peace"], ["http://www.un.org"]]


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("lnag:zh peace", 'unknown filter "lnag:" — did you mean lang:?'),
        ("yaer:2020", "did you mean year:?"),
        ("author:smith", 'put it in quotes: "author:smith"'),
        ("year:20x3", "cannot read the year"),
        ("year:3023", "is not a year"),
        ("lang:xx", 'unknown language "xx"'),
        ("body:Nowhere", 'unknown body "Nowhere"'),
        ("-lang:zh", "not supported"),
        ('type:""', "needs a value"),
    ],
)
def test_bad_syntax_raises_a_helpful_query_error(q: str, message: str) -> None:
    with pytest.raises(QueryError) as error:
        parse_query(q)
    assert message in str(error.value)


def test_full_width_characters_are_read_as_ascii() -> None:
    query = parse_query("ｌａｎｇ：ｚｈ　２０２３")
    assert query.filters.langs == ("zh",)
    assert texts(query) == [["2023"]]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab数字 "“-:/()OR.lang:year:body:1209')), max_size=40))
def test_any_input_parses_or_raises_query_error(q: str) -> None:
    try:
        query = parse_query(q)
    except QueryError as error:
        assert str(error)
    else:
        assert all(term.text.strip() for term in query.terms())


# -- long-query reduction (ranked "any word" searches) -------------------------------------------

COMMON = {"the", "of", "and", "to", "in", "on", "for", "with"}


def _frequency(word: str) -> int:
    return 900 if word in COMMON else 10


def test_a_long_query_keeps_its_informative_words_and_everything_not_a_plain_word() -> None:
    parsed = parse_query(
        'the report of the committee on "climate change" and the financing of '
        "desertification in A/RES/77/128 lang:en -drought"
    )
    reduced = informative_words(parsed, _frequency, passages=1000)
    kept = [group[0].text for group in reduced.groups]
    assert kept == ["report", "committee", "climate change", "financing", "desertification"] + [
        t for t in kept if t.startswith("A/RES")
    ]
    assert any(t.startswith("A/RES/77/128") for t in kept)
    assert reduced.filters == parsed.filters and reduced.excluded == parsed.excluded


def test_short_queries_and_rare_words_are_left_alone() -> None:
    short = parse_query("the report of the committee")
    assert informative_words(short, _frequency, passages=1000) is short
    rare = parse_query("one two three four five six seven eight nine ten")
    assert informative_words(rare, lambda word: 1, passages=1000) is rare


def test_a_query_of_common_words_keeps_its_rarest_few() -> None:
    parsed = parse_query("a b c d e f g h i j")
    counts = {w: 100 + n for n, w in enumerate("abcdefghij")}
    reduced = informative_words(parsed, counts.__getitem__, passages=1000)
    assert texts(reduced) == [["a"], ["b"], ["c"], ["d"]]
