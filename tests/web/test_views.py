"""The web layer's pure helpers: highlighting, labels, headers, URLs, pagination, errors and
the server-side SVG charts."""

from __future__ import annotations

import re

import pytest

from unlib.web import charts, views


def test_highlight_escapes_every_fragment() -> None:
    marked = views.highlight("a<b> & 图书馆 <i>", [[7, 10], [0, 1], [9, 13], [40, 50]])
    assert str(marked) == "<mark>a</mark>&lt;b&gt; &amp; <mark>图书馆</mark><mark> &lt;i</mark>&gt;"


@pytest.mark.parametrize(
    ("para", "text", "label", "body"),
    [
        ("1", "1. Reaffirm the Agenda", "1.", "Reaffirm the Agenda"),
        ("1", "- 1. 本报告回顾了", "1.", "本报告回顾了"),
        ("一", "一、维持国际和平", "一、", "维持国际和平"),
        ("(a)", "(a) Resolves that", "(a)", "Resolves that"),
        ("12", "1 Resolution 70/1.", "12", "1 Resolution 70/1."),
        ("PP3", "Recalling its resolution", "PP3", "Recalling its resolution"),
        (None, "The Security Council", None, "The Security Council"),
    ],
)
def test_printed_paragraph_labels_are_split_off(
    para: str | None, text: str, label: str | None, body: str
) -> None:
    assert views.split_label(para, text) == (label, body)


def test_original_names_survive_in_the_download_header() -> None:
    header = views.content_disposition('联合国 "宪章".txt')
    assert header == (
        'attachment; filename="___ ____.txt"; '
        "filename*=UTF-8''%E8%81%94%E5%90%88%E5%9B%BD%20%22%E5%AE%AA%E7%AB%A0%22.txt"
    )


def test_urls_and_pages() -> None:
    assert views.record_url("S/RES/678 (1990)", "zh", "para-2") == (
        "/record/S/RES/678%20(1990)?lang=zh#para-2"
    )
    assert views.query_url("/search", {"q": "a b", "lang": "", "page": 1}) == "/search?q=a+b"
    links = views.page_links(5, 9, lambda n: f"?page={n}")
    assert [link.number for link in links] == [1, None, 3, 4, 5, 6, 7, None, 9]
    assert [link.number for link in links if link.current] == [5]
    assert views.to_int("x", 1) == 1 and views.to_int("-4", 1) == 1 and views.to_int("7", 1) == 7


def test_service_errors_lose_their_command_line_hints() -> None:
    detail = "no document A/RES/1/1 in this library (try `unlib search A/RES/1/1`)"
    assert views.error_detail(detail) == "No document A/RES/1/1 in this library"


def test_bar_chart_escapes_labels_and_mirrors_for_arabic() -> None:
    bars = [charts.Bar("<b>General Assembly</b>", 30), charts.Bar("Security Council", 10)]
    svg = str(charts.bar_chart(bars, 'Documents "by" body'))
    assert "<b>" not in svg and "&lt;b&gt;General Assembly&lt;/b&gt;" in svg
    assert 'aria-label="Documents &#34;by&#34; body"' in svg and 'role="img"' in svg
    assert 'direction="ltr"' in svg and "style" not in svg
    rtl = str(charts.bar_chart(bars, "x", rtl=True))
    assert 'direction="rtl"' in rtl
    widths = [int(w) for w in re.findall(r'class="chart-bar" x="\d+" y="\d+" width="(\d+)"', svg)]
    assert abs(widths[0] - 3 * widths[1]) <= 3


def test_column_chart_has_one_column_per_value() -> None:
    bars = [charts.Bar(str(year), year - 1945) for year in range(1946, 1991)]
    svg = str(charts.column_chart(bars, "Documents by year"))
    assert svg.count('class="chart-bar"') == len(bars)
    assert svg.count('class="chart-label"') <= 12
