"""Member States named in the reader's language.

Names come from the Unicode CLDR through Babel (every current ISO 3166 country, in the six
languages), except where the United Nations names a State otherwise: :data:`UN_NAMES` holds
the UN short names (UNTERM) of those States, and of former Members that CLDR does not name.
A code neither knows keeps the name the data gives it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Final

import pycountry
from babel import Locale

_FORMAT_LOCALES: Final = {"en": "en_GB", "zh": "zh_Hans_CN"}
_EU: Final = "EU"

# code: (ar, zh, en, fr, ru, es)
_NAMES: Final[dict[str, tuple[str, str, str, str, str, str]]] = {
    "BOL": (
        "بوليفيا (دولة - المتعددة القوميات)",
        "多民族玻利维亚国",
        "Bolivia (Plurinational State of)",
        "Bolivie (État plurinational de)",
        "Боливия (Многонациональное Государство)",
        "Bolivia (Estado Plurinacional de)",
    ),
    "BRN": (
        "بروني دار السلام",
        "文莱达鲁萨兰国",
        "Brunei Darussalam",
        "Brunéi Darussalam",
        "Бруней-Даруссалам",
        "Brunei Darussalam",
    ),
    "COD": (
        "جمهورية الكونغو الديمقراطية",
        "刚果民主共和国",
        "Democratic Republic of the Congo",
        "République démocratique du Congo",
        "Демократическая Республика Конго",
        "República Democrática del Congo",
    ),
    "COG": ("الكونغو", "刚果", "Congo", "Congo", "Конго", "Congo"),
    "CPV": ("كابو فيردي", "佛得角", "Cabo Verde", "Cabo Verde", "Кабо-Верде", "Cabo Verde"),
    "FSM": (
        "ميكرونيزيا (ولايات - الموحدة)",
        "密克罗尼西亚联邦",
        "Micronesia (Federated States of)",
        "Micronésie (États fédérés de)",
        "Микронезия (Федеративные Штаты)",
        "Micronesia (Estados Federados de)",
    ),
    "GBR": (
        "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية",
        "大不列颠及北爱尔兰联合王国",
        "United Kingdom of Great Britain and Northern Ireland",
        "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
        "Соединенное Королевство Великобритании и Северной Ирландии",
        "Reino Unido de Gran Bretaña e Irlanda del Norte",
    ),
    "IRN": (
        "إيران (جمهورية - الإسلامية)",
        "伊朗伊斯兰共和国",
        "Iran (Islamic Republic of)",
        "Iran (République islamique d')",
        "Иран (Исламская Республика)",
        "Irán (República Islámica del)",
    ),
    "KOR": (
        "جمهورية كوريا",
        "大韩民国",
        "Republic of Korea",
        "République de Corée",
        "Республика Корея",
        "República de Corea",
    ),
    "LAO": (
        "جمهورية لاو الديمقراطية الشعبية",
        "老挝人民民主共和国",
        "Lao People's Democratic Republic",
        "République démocratique populaire lao",
        "Лаосская Народно-Демократическая Республика",
        "República Democrática Popular Lao",
    ),
    "MDA": (
        "جمهورية مولدوفا",
        "摩尔多瓦共和国",
        "Republic of Moldova",
        "République de Moldova",
        "Республика Молдова",
        "República de Moldova",
    ),
    "MMR": ("ميانمار", "缅甸", "Myanmar", "Myanmar", "Мьянма", "Myanmar"),
    "PRK": (
        "جمهورية كوريا الشعبية الديمقراطية",
        "朝鲜民主主义人民共和国",
        "Democratic People's Republic of Korea",
        "République populaire démocratique de Corée",
        "Корейская Народно-Демократическая Республика",
        "República Popular Democrática de Corea",
    ),
    "PSE": (
        "دولة فلسطين",
        "巴勒斯坦国",
        "State of Palestine",
        "État de Palestine",
        "Государство Палестина",
        "Estado de Palestina",
    ),
    "RUS": (
        "الاتحاد الروسي",
        "俄罗斯联邦",
        "Russian Federation",
        "Fédération de Russie",
        "Российская Федерация",
        "Federación de Rusia",
    ),
    "SYR": (
        "الجمهورية العربية السورية",
        "阿拉伯叙利亚共和国",
        "Syrian Arab Republic",
        "République arabe syrienne",
        "Сирийская Арабская Республика",
        "República Árabe Siria",
    ),
    "TZA": (
        "جمهورية تنزانيا المتحدة",
        "坦桑尼亚联合共和国",
        "United Republic of Tanzania",
        "République-Unie de Tanzanie",
        "Объединенная Республика Танзания",
        "República Unida de Tanzanía",
    ),
    "USA": (
        "الولايات المتحدة الأمريكية",
        "美利坚合众国",
        "United States of America",
        "États-Unis d'Amérique",
        "Соединенные Штаты Америки",
        "Estados Unidos de América",
    ),
    "VAT": ("الكرسي الرسولي", "教廷", "Holy See", "Saint-Siège", "Святой Престол", "Santa Sede"),
    "VEN": (
        "فنزويلا (جمهورية - البوليفارية)",
        "委内瑞拉玻利瓦尔共和国",
        "Venezuela (Bolivarian Republic of)",
        "Venezuela (République bolivarienne du)",
        "Венесуэла (Боливарианская Республика)",
        "Venezuela (República Bolivariana de)",
    ),
    "VNM": ("فييت نام", "越南", "Viet Nam", "Viet Nam", "Вьетнам", "Viet Nam"),
    # Former Members, which CLDR does not name.
    "CSK": (
        "تشيكوسلوفاكيا",
        "捷克斯洛伐克",
        "Czechoslovakia",
        "Tchécoslovaquie",
        "Чехословакия",
        "Checoslovaquia",
    ),
    "DDR": (
        "جمهورية ألمانيا الديمقراطية",
        "德意志民主共和国",
        "German Democratic Republic",
        "République démocratique allemande",
        "Германская Демократическая Республика",
        "República Democrática Alemana",
    ),
    "SCG": (
        "صربيا والجبل الأسود",
        "塞尔维亚和黑山",
        "Serbia and Montenegro",
        "Serbie-et-Monténégro",
        "Сербия и Черногория",
        "Serbia y Montenegro",
    ),
    "SUN": (
        "اتحاد الجمهوريات الاشتراكية السوفياتية",
        "苏维埃社会主义共和国联盟",
        "Union of Soviet Socialist Republics",
        "Union des Républiques socialistes soviétiques",
        "Союз Советских Социалистических Республик",
        "Unión de Repúblicas Socialistas Soviéticas",
    ),
    "YMD": (
        "اليمن الديمقراطية",
        "民主也门",
        "Democratic Yemen",
        "Yémen démocratique",
        "Демократический Йемен",
        "Yemen Democrático",
    ),
    "YUG": ("يوغوسلافيا", "南斯拉夫", "Yugoslavia", "Yougoslavie", "Югославия", "Yugoslavia"),
    "ZAR": ("زائير", "扎伊尔", "Zaire", "Zaïre", "Заир", "Zaire"),
}
_ORDER: Final = ("ar", "zh", "en", "fr", "ru", "es")
UN_NAMES: Final = {code: dict(zip(_ORDER, names, strict=True)) for code, names in _NAMES.items()}
_ENGLISH_SHORTHAND: Final = ((re.compile(r"\bSt\.? "), "Saint "), (re.compile(r" & "), " and "))


@cache
def _territories(lang: str) -> dict[str, str]:
    return dict(Locale.parse(_FORMAT_LOCALES.get(lang, lang)).territories)


@cache
def _alpha2(code: str) -> str | None:
    if code == _EU:
        return _EU
    country = pycountry.countries.get(alpha_3=code)
    return str(country.alpha_2) if country is not None else None


def country_label(lang: str, code: str, fallback: str | None = None) -> str:
    """The name of the State with ISO 3166 alpha-3 ``code`` in ``lang``; ``fallback`` (the
    name in the data), else the code, when neither the UN list nor CLDR names it."""
    lang = lang if lang in _ORDER else "en"
    if code in UN_NAMES:
        return UN_NAMES[code][lang]
    alpha2 = _alpha2(code)
    name = _territories(lang).get(alpha2) if alpha2 else None
    if name is None:
        return fallback or code
    if lang == "en":  # CLDR writes "St. Kitts & Nevis"; the UN "Saint Kitts and Nevis"
        for pattern, replacement in _ENGLISH_SHORTHAND:
            name = pattern.sub(replacement, name)
    return name


def sort_key(name: str) -> str:
    """Names in a list, accents and case aside (Latin and Cyrillic alphabetic order)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
