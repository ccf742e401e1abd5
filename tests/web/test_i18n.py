"""The six interface languages: complete catalogues, negotiation, formatting, and every page
rendered in each language."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from unlib.services.library import Library
from unlib.services.search import SearchRequest
from unlib.web import i18n, views
from unlib.web.pages import TEMPLATE_DIR

pytestmark = pytest.mark.usefixtures("no_language_cookie")

WEB = Path(i18n.__file__).parent
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true"}
PYTHON_KEYWORDS = {"N_": None, "gettext": (2,)}


def used_messages() -> dict[str | tuple[str, ...], str]:
    """Every message the interface shows: templates, and strings marked in the code."""
    found: dict[str | tuple[str, ...], str] = {}
    sources = [("jinja2.ext.babel_extract", p) for p in sorted(TEMPLATE_DIR.glob("*.html"))]
    sources += [("python", p) for p in sorted(WEB.glob("*.py"))]
    for method, path in sources:
        python = method == "python"
        options = {} if python else JINJA_OPTIONS
        keywords = PYTHON_KEYWORDS if python else DEFAULT_KEYWORDS
        for line, message, _, _ in extract_from_file(method, path, keywords, options=options):
            found.setdefault(message, f"{path.name}:{line}")
    return found


def catalogue(lang: str) -> Catalog:
    with i18n.catalogue_path(lang).open("rb") as po:
        return read_po(po, locale=lang)


USED = used_messages()


def test_the_code_uses_messages() -> None:
    assert len(USED) > 100
    assert "Search" in USED and ("%(num)s document", "%(num)s documents") in USED


@pytest.mark.parametrize("lang", i18n.UI_LANGUAGES)
def test_every_message_is_translated(lang: str) -> None:
    held = catalogue(lang)
    missing, empty = [], []
    for message, where in USED.items():
        key = message[0] if isinstance(message, tuple) else message
        entry = held.get(key)
        if entry is None:
            missing.append(f"{where}: {message!r}")
            continue
        forms = _forms(entry.string)
        if not all(forms) or entry.fuzzy:
            empty.append(f"{where}: {message!r}")
    assert not missing, f"{lang}: not in the catalogue:\n" + "\n".join(missing)
    assert not empty, f"{lang}: untranslated or fuzzy:\n" + "\n".join(empty)


@pytest.mark.parametrize("lang", i18n.UI_LANGUAGES)
def test_catalogue_holds_nothing_stale(lang: str) -> None:
    keys = {m[0] if isinstance(m, tuple) else m for m in USED}
    stale = [entry.id for entry in catalogue(lang) if entry.id and _key(entry.id) not in keys]
    assert not stale, f"{lang}: messages no longer used: {stale}"


def _key(message_id: object) -> str:
    return str(message_id[0] if isinstance(message_id, tuple | list) else message_id)


def _forms(string: object) -> list[str]:
    """The translations of an entry: one, or one per plural form."""
    return [str(s or "") for s in (string if isinstance(string, tuple | list) else (string,))]


PLURAL_FORMS = {"ar": 6, "zh": 1, "en": 2, "fr": 2, "es": 2, "ru": 3}


@pytest.mark.parametrize("lang", i18n.UI_LANGUAGES)
def test_translations_keep_placeholders_and_plural_forms(lang: str) -> None:
    held = catalogue(lang)
    # Our own choice of forms, not Babel's CLDR table: newer CLDR adds a "many" form to French
    # and Spanish for round millions, which no message of ours needs.
    assert held.num_plurals == PLURAL_FORMS[lang]
    assert held.num_plurals <= get_plural(lang).num_plurals
    for entry in held:
        if not entry.id:
            continue
        wanted = set(PLACEHOLDER.findall(_key(entry.id)))
        forms = _forms(entry.string)
        if isinstance(entry.id, tuple):
            assert len(forms) == held.num_plurals, entry.id
            wanted.discard("num")  # Arabic "one" and "two" forms spell the number out
        for form in forms:
            assert wanted <= set(PLACEHOLDER.findall(form)), (lang, entry.id, form)
            assert "%" not in PLACEHOLDER.sub("", form), (lang, entry.id, form)


def test_translations_differ_from_english() -> None:
    for lang in ("ar", "zh", "fr", "ru", "es"):
        assert i18n.gettext(lang, "Search") != "Search"
        assert i18n.gettext(lang, "Documents cited") != "Documents cited"


# -- negotiation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hl", "cookie", "accept", "lang"),
    [
        ("ar", "fr", "ru", "ar"),
        (None, "fr", "ru", "fr"),
        ("xx", "zz", "ru-RU,ru;q=0.9", "ru"),
        (None, None, "de-CH, de;q=0.9, es;q=0.5, zh;q=0.6", "zh"),
        (None, None, "zh-Hant-TW", "zh"),
        (None, None, "fr;q=0, es;q=0.1", "es"),
        (None, None, "*", "en"),
        (None, None, None, "en"),
        ("ZH", None, None, "zh"),
    ],
)
def test_negotiation(hl: str | None, cookie: str | None, accept: str | None, lang: str) -> None:
    assert i18n.negotiate(hl, cookie, accept) == lang


def test_accept_language_is_read_by_quality_then_order() -> None:
    header = "en;q=0.5, fr-CA, ar;q=0.8, ru;q=bad, es;q=0.8"
    assert i18n.accept_language(header) == ["fr-CA", "ar", "es", "en"]


# -- formatting -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "date", "size", "number"),
    [
        ("en", "10 October 2018", "1.5 MB", "1,234,567"),
        ("fr", "10 octobre 2018", "1,5 Mo", "1 234 567"),
        ("zh", "2018年10月10日", "1.5 MB", "1,234,567"),
        ("ru", "10 октября 2018 г.", "1,5 МБ", "1 234 567"),
        ("es", "10 de octubre de 2018", "1,5 MB", "1.234.567"),
        ("ar", "10 أكتوبر 2018", "1.5 م.ب", "1,234,567"),
    ],
)
def test_formatting_follows_the_reader(lang: str, date: str, size: str, number: str) -> None:
    assert _spaced(i18n.format_iso_date(lang, "2018-10-10")) == date
    assert _spaced(i18n.format_size(lang, 1_500_000)) == size
    assert _spaced(i18n.format_number(lang, 1234567)) == number
    assert i18n.format_iso_date(lang, "sometime") == "sometime"


def _spaced(text: str) -> str:
    """Babel's no-break and narrow no-break spaces as plain spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def test_names_of_languages_and_bodies() -> None:
    assert i18n.language_name("fr", "zh") == "Chinois"
    assert i18n.language_name("zh", "ar") == "阿拉伯语"
    assert i18n.organ_name("ru", "A") == "Генеральная Ассамблея"
    assert i18n.organ_name("zh", "S") == "安全理事会"
    assert views.doc_type_label("es", "resolution") == "Resolución"


def test_search_service_messages_are_translated(library: Library) -> None:
    asked = [
        SearchRequest("zqxjvkwpfy", lang="zh"),
        SearchRequest('"zqxjvkwpfy qqq"'),
        SearchRequest("A/RES/99/999"),
    ]
    hints = {hint for request in asked for hint in library.search(request)["suggestions"]}
    assert len(hints) == 4, hints
    for hint in hints:
        for lang in ("ar", "zh", "fr", "ru", "es"):
            assert views.service_text(lang, hint) != hint, (lang, hint)
    note = library.search(SearchRequest('"Charter'))["notes"][0]
    assert views.service_text("fr", note) == i18n.gettext(
        "fr", "The quotation mark at position %(pos)s was never closed; we closed it for you."
    ) % {"pos": "1"}


# -- pages in every language ------------------------------------------------------------------


@pytest.mark.parametrize("lang", i18n.UI_LANGUAGES)
@pytest.mark.parametrize(
    "url",
    ["/", "/search?q=Iraq", "/search?q=zqxjvkwpfy", "/record/A/RES/73/3", "/browse/year", "/stats"],
)
def test_pages_render_in_every_language(client: TestClient, lang: str, url: str) -> None:
    answer = client.get(url, params={"hl": lang})
    assert answer.status_code == 200
    doc = lxml.html.fromstring(answer.text)
    assert doc.xpath("/html/@lang") == [lang]
    assert doc.xpath("/html/@dir") == ["rtl" if lang == "ar" else "ltr"]
    search = i18n.gettext(lang, "Search")
    assert search in str(doc.xpath("string(//nav[@class='site-nav'])"))
