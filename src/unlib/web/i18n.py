"""The six interface languages: gettext catalogues, negotiation and locale-aware formatting.

Catalogues are the ``.po`` files under ``locales/`` (no compiled ``.mo`` files in the
repository): each is read with Babel at import and compiled in memory.

Negotiation, first match wins: ``?hl=`` in the URL, the ``unlib_hl`` cookie, the browser's
``Accept-Language`` (by q-value), English.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Final

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations
from babel.units import format_unit

from unlib.symbols import body_name

UI_LANGUAGES: Final = ("ar", "zh", "en", "fr", "ru", "es")
DEFAULT_LANGUAGE: Final = "en"
COOKIE: Final = "unlib_hl"
RTL_LANGUAGES: Final = frozenset({"ar"})
# Each language named in its own script, as in the interface language switcher.
NATIVE_NAMES: Final = {
    "ar": "العربية",
    "zh": "中文",
    "en": "English",
    "fr": "Français",
    "ru": "Русский",
    "es": "Español",
}
LOCALE_DIR: Final = Path(__file__).parent / "locales"
DOMAIN: Final = "unlib"
# Babel locales for formatting: the UN writes English dates day-first ("10 October 2018").
_FORMAT_LOCALES: Final = {"en": "en_GB", "zh": "zh_Hans_CN"}
_SIZE_UNITS: Final = (
    (1_000_000_000, "digital-gigabyte"),
    (1_000_000, "digital-megabyte"),
    (1_000, "digital-kilobyte"),
)


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _load(lang: str) -> Translations:
    with catalogue_path(lang).open("rb") as po:
        catalog = read_po(po, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


TRANSLATIONS: Final[Mapping[str, Translations]] = {lang: _load(lang) for lang in UI_LANGUAGES}


def translations(lang: str) -> Translations:
    return TRANSLATIONS.get(lang, TRANSLATIONS[DEFAULT_LANGUAGE])


def gettext(lang: str, message: str) -> str:
    return translations(lang).gettext(message)


def text_direction(lang: str | None) -> str:
    return "rtl" if lang in RTL_LANGUAGES else "ltr"


# -- negotiation ----------------------------------------------------------------------------


def supported(tag: str | None) -> str | None:
    """The interface language for a language tag (``zh-Hans-CN`` -> ``zh``), or None."""
    if not tag:
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary in UI_LANGUAGES else None


def accept_language(header: str | None) -> list[str]:
    """Language tags of an ``Accept-Language`` header, most wanted first (q=0 dropped)."""
    weighted: list[tuple[float, int, str]] = []
    for position, item in enumerate((header or "").split(",")):
        tag, _, params = item.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                quality = _quality(value)
        if tag.strip() and quality > 0:
            weighted.append((-quality, position, tag.strip()))
    return [tag for _, _, tag in sorted(weighted)]


def _quality(value: str) -> float:
    try:
        return min(max(float(value), 0.0), 1.0)
    except ValueError:
        return 0.0


def negotiate(hl: str | None, cookie: str | None, accept: str | None) -> str:
    for candidate in (supported(hl), supported(cookie)):
        if candidate:
            return candidate
    for tag in accept_language(accept):
        if found := supported(tag):
            return found
    return DEFAULT_LANGUAGE


# -- formatting -----------------------------------------------------------------------------


def _locale(lang: str) -> str:
    return _FORMAT_LOCALES.get(lang, lang if lang in UI_LANGUAGES else DEFAULT_LANGUAGE)


def format_number(lang: str, value: float | None) -> str:
    if value is None:
        return ""
    return format_decimal(value, locale=_locale(lang))


def format_iso_date(lang: str, value: str | None) -> str:
    """An ISO date (``2018-10-10``) in the reader's language; other strings as given."""
    if not value:
        return ""
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return value
    return format_date(day, format="long", locale=_locale(lang))


def format_size(lang: str, size: int | None) -> str:
    """A file size in bytes as the reader writes it (``1.5 MB``, ``1,5 Mo``)."""
    if size is None:
        return ""
    for factor, unit in _SIZE_UNITS:
        if size >= factor:
            value = round(size / factor, 1 if size < factor * 100 else None)
            return format_unit(value, unit, length="short", locale=_locale(lang))
    return format_unit(size, "digital-byte", length="short", locale=_locale(lang))


@cache
def _babel_locale(lang: str) -> Locale:
    return Locale.parse(_locale(lang))


def language_name(lang: str, code: str | None) -> str:
    """A language's name in the reader's language (``zh`` for a French reader: ``Chinois``)."""
    if not code:
        return ""
    if code == "und":
        return gettext(lang, "Undetermined language")
    name = _babel_locale(lang).languages.get(code) or code
    return name[:1].upper() + name[1:]


def organ_name(lang: str, code: str | None) -> str:
    """The body behind a symbol prefix in the reader's language (English beyond the organs)."""
    if not code:
        return ""
    return body_name(code, lang) or code
