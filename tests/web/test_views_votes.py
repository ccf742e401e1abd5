"""The pure helpers of the vote pages: country names in six languages, SVG charts (escaped,
labelled, proportional), clipped titles, export links and percentages."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from starlette.requests import Request

from unlib.web import charts_votes
from unlib.web import views_votes as vv
from unlib.web.country_names import country_label, sort_key

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("lang", "code", "name"),
    [
        ("en", "GBR", "United Kingdom of Great Britain and Northern Ireland"),
        ("fr", "CIV", "Côte d’Ivoire"),
        ("en", "KNA", "Saint Kitts and Nevis"),  # CLDR writes "St. Kitts & Nevis"
        ("zh", "FRA", "法国"),
        ("ar", "USA", "الولايات المتحدة الأمريكية"),
        ("ru", "SUN", "Союз Советских Социалистических Республик"),
        ("es", "EU", "Unión Europea"),
    ],
)
def test_country_names_in_six_languages(lang: str, code: str, name: str) -> None:
    assert country_label(lang, code) == name


def test_unknown_codes_keep_the_name_the_data_gives() -> None:
    assert country_label("fr", "XKX", "Kosovo (data)") in ("Kosovo", "Kosovo (data)")
    assert country_label("en", "QQQ", "Somewhere") == "Somewhere"
    assert country_label("en", "QQQ") == "QQQ"
    names = ["Émirats arabes unis", "Égypte", "Equateur", "Zambie"]
    assert sorted(names, key=sort_key) == ["Égypte", "Émirats arabes unis", "Equateur", "Zambie"]


def test_tally_chart_is_labelled_escaped_and_proportional() -> None:
    segments = vv.segments("en", {"yes": 170, "no": 4, "abstain": 3, "non_voting": 0})
    chart = charts_votes.tally_chart(segments, 'Vote on <A/RES/60/251> & "x"')
    root = ET.fromstring(str(chart))
    assert root.get("role") == "img" and root.get("aria-label") == 'Vote on <A/RES/60/251> & "x"'
    bars = {
        rect.get("class", "").split()[-1]: float(rect.get("width", "0"))
        for rect in root.iter(SVG + "rect")
    }
    assert bars["vote-X"] == 0 and bars["vote-Y"] > 40 * bars["vote-N"] > 0
    titles = [t.text for t in root.iter(SVG + "title")]
    assert "In favour: 170" in titles


def test_share_and_score_charts() -> None:
    columns = [
        charts_votes.Column(
            "2016", vv.share_segments("en", {"yes": 3, "no": 1, "abstain": 0, "non_voting": 0})
        ),
        charts_votes.Column("2017", score=0.5, display="50%"),
    ]
    shares = ET.fromstring(str(charts_votes.share_chart(columns[:1], "Shares", ("0", "½", "1"))))
    heights = [float(r.get("height", "0")) for r in shares.iter(SVG + "rect")]
    assert heights[0] == pytest.approx(3 * heights[1])
    scores = ET.fromstring(str(charts_votes.score_chart(columns, "Scores", ("0", "½", "1"))))
    bars = list(scores.iter(SVG + "rect"))
    assert len(bars) == 1 and bars[0].find(SVG + "title").text == "2017: 50%"  # type: ignore[union-attr]


def test_clip_and_percent() -> None:
    long = "Word " * 100
    clipped = vv.clip(long, 40)
    assert clipped.endswith("…") and len(clipped) <= 41 and "  " not in clipped
    assert vv.clip(" short  title ") == "short title" and vv.clip(None) == ""
    assert vv.percent("fr", 0.5) == "50\xa0%" and vv.percent("en", None) == "—"


def test_export_links_keep_the_filters() -> None:
    scope = {
        "type": "http",
        "path": "/countries/USA.json",
        "query_string": b"with=CAN&hl=fr&format=json",
        "headers": [],
    }
    links = vv.export_links(Request(scope), ["votes", "agreement"])
    assert links["votes"]["csv"] == "/countries/USA?with=CAN&format=csv"
    assert links["agreement"]["json"] == "/countries/USA?with=CAN&table=agreement&format=json"
