"""HTML parser: visible text by blocks, page chrome dropped, charset from BOM or meta."""

from __future__ import annotations

from pathlib import Path

import pytest

from unlib.ingest.errors import Reject
from unlib.ingest.parsers.html import HtmlParser

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8"><title>Outreach activities | United Nations</title>
<style>p { color: red }</style><script>var tracking = "hidden words";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/about">About us</a></nav>
<header class="site">Site banner text</header>
<main><article>
<header><h1>Outreach activities in 2023</h1></header>
<p>The Department reached <b>new</b> audiences<br>through its online tours.</p>
<div>Libraries hosted events.<p>Nested paragraph.</p>Text after the nested paragraph.</div>
<ul><li>Guided tours<li>Briefings</ul>
<table><tr><td>Visitors</td><td>10 000</td></tr></table>
<p hidden>Never shown.</p><p style="display:none">Also never shown.</p>
<!-- an editor's note --> <p>Last words.</p>
</article></main>
<aside>Related links</aside><footer>Copyright notice</footer>
</body></html>"""


def _parse(data: bytes) -> tuple[str, str | None]:
    parsed = HtmlParser().parse(data, "page.html")
    return parsed.text, parsed.title


def test_visible_blocks_become_paragraphs() -> None:
    text, title = _parse(PAGE.encode())
    assert text.split("\n\n") == [
        "Outreach activities in 2023",
        "The Department reached new audiences\nthrough its online tours.",
        "Libraries hosted events.",
        "Nested paragraph.",
        "Text after the nested paragraph.",
        "Guided tours",
        "Briefings",
        "Visitors",
        "10 000",
        "Last words.",
    ]
    assert title == "Outreach activities | United Nations"


def test_h1_is_the_title_when_title_tag_is_junk() -> None:
    page = b"<html><head><title>Untitled</title></head><body><h1>Annual report</h1></body></html>"
    assert _parse(page)[1] == "Annual report"


def test_declared_legacy_charset_is_honoured(shared_data: Path) -> None:
    russian = (shared_data / "un-charter" / "un_charter_ru.txt").read_text(encoding="utf-8")
    paragraph = next(line for line in russian.splitlines() if len(line) > 200)
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{paragraph}</p></body></html>'
    text, _ = _parse(page.encode("cp1251"))
    assert text == " ".join(paragraph.split())


def test_utf8_wins_over_a_stale_latin1_declaration() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Résolution adoptée</p></body>'
    assert _parse(page.encode("utf-8"))[0] == "Résolution adoptée"


def test_bom_decides_the_encoding() -> None:
    page = "<html><body><p>Совет Безопасности,</p></body></html>"
    assert (
        _parse("\ufeff".encode("utf-16-le") + page.encode("utf-16-le"))[0] == "Совет Безопасности,"
    )


def test_malformed_html_still_parses() -> None:
    broken = b"<p>Unclosed <b>bold <i>italic<p>Second para</td></tr><div>Stray end</span>"
    text, _ = _parse(broken)
    assert text == "Unclosed bold italic\n\nSecond para\n\nStray end"


def test_deep_nesting_does_not_crash() -> None:
    assert _parse(b"<div>" * 200 + b"Deep text" + b"</div>" * 200)[0] == "Deep text"


def test_page_without_visible_text_is_rejected() -> None:
    with pytest.raises(Reject, match="no visible text"):
        _parse(b"<html><head><script>alert(1)</script></head><body><nav>Menu</nav></body></html>")
