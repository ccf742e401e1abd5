"""Numbers as UN documents write them: non-ASCII digits, roman numerals, Chinese numerals and
ordinal (or cardinal) number words in the six official languages.

These are the small readers behind session numbers ("seventy-third session", "第七十八届会议",
"الدورة الثالثة والسبعون"), supplement numbers and early General Assembly sessions ("(XV)").
Everything here is pure and cheap; no function raises on odd input, they return ``None``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Final

# --- digits -------------------------------------------------------------------------------------

_DIGIT_TABLE: Final = {
    **{0x0660 + i: ord("0") + i for i in range(10)},  # Arabic-Indic
    **{0x06F0 + i: ord("0") + i for i in range(10)},  # Extended Arabic-Indic (Persian, Urdu)
    **{0xFF10 + i: ord("0") + i for i in range(10)},  # full-width
}


def to_ascii_digits(text: str) -> str:
    """Replace Arabic-Indic, Persian and full-width digits by ASCII ones.

    One character becomes one character, so offsets into the result are offsets into ``text``.
    """
    return text.translate(_DIGIT_TABLE)


# --- roman numerals ------------------------------------------------------------------------------

_ROMAN_RE: Final = re.compile(r"M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES: Final = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_to_int(text: str) -> int | None:
    """``"XV"`` -> 15 (any case); ``None`` unless ``text`` is a well-formed roman numeral."""
    upper = text.strip().upper()
    if not upper or not _ROMAN_RE.fullmatch(upper):
        return None
    total = 0
    for current, following in zip(upper, [*upper[1:], ""], strict=True):
        value = _ROMAN_VALUES[current]
        # Subtractive notation: a smaller numeral before a larger one counts negatively (IV, XC).
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


# --- Chinese numerals ----------------------------------------------------------------------------

# Each numeral with its value; formal (banker's) forms included, 两 is the "two" of counting.
_ZH_DIGITS: Final = {
    ch: value
    for value, chars in enumerate(
        ["零〇○", "一壹", "二两贰", "三叁", "四肆", "五伍", "六陆", "七柒", "八捌", "九玖"]
    )
    for ch in chars
}
_ZH_UNITS: Final = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_ZH_MYRIAD: Final = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}


def chinese_number(text: str) -> int | None:
    """``"七十八"`` -> 78, ``"一百零五"`` -> 105, ``"二〇二三"`` -> 2023, ``"1"`` -> 1.

    ASCII and full-width digits are accepted too (and may be mixed with spaces, as PDF
    extraction leaves them: ``"1 244"``). ``None`` for anything that is not a number.
    """
    stripped = to_ascii_digits(text).strip()
    if not stripped:
        return None
    compact = stripped.replace(" ", "")
    if compact.isascii() and compact.isdigit():
        return int(compact)
    if all(ch in _ZH_DIGITS for ch in compact):
        # Digit-by-digit form used for years: 二〇二三.
        return int("".join(str(_ZH_DIGITS[ch]) for ch in compact))
    return _chinese_positional(compact)


def _chinese_positional(text: str) -> int | None:
    total = 0  # completed myriad groups
    section = 0  # value below the current myriad
    digit: int | None = None
    last_unit = 10**9  # units must decrease inside a section (百 before 十)
    for ch in text:
        if ch in _ZH_DIGITS:
            if digit is not None and digit != 0 and _ZH_DIGITS[ch] != 0:
                return None  # two digits in a row without a unit: "七八"
            digit = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            unit = _ZH_UNITS[ch]
            if unit >= last_unit:
                return None
            # A bare 十 means 一十 ("十五" = 15).
            section += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        elif ch in _ZH_MYRIAD:
            total += (section + (digit or 0)) * _ZH_MYRIAD[ch]
            section, digit, last_unit = 0, None, 10**9
        else:
            return None
    return total + section + (digit or 0)


# --- ordinal and cardinal words ------------------------------------------------------------------

# Value classes let us reject word salad such as "seventy seventy": each class at most once.
_HUNDRED: Final = 100


def _counted(words: str, start: int = 1, step: int = 1) -> dict[str, int]:
    """Number words listed in counting order; "a|b" gives two spellings of the same value."""
    table: dict[str, int] = {}
    for position, spellings in enumerate(words.split()):
        for spelling in spellings.split("|"):
            table[spelling] = start + position * step
    return table


def _fold_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _combine(values: Iterable[int]) -> int | None:
    """Add number-word values (units, teens, tens, one hundred) into one number, 1..199.

    Arabic puts units before tens ("three and seventy"), the others tens before units, so the
    order is free; but each of hundreds / tens / units may be given only once.
    """
    total = 0
    seen: set[str] = set()
    for value in values:
        if value == _HUNDRED:
            group = "hundreds"
        elif value >= 20:
            group = "tens"
        else:
            group = "units"  # 1..19, teens included
        if group in seen:
            return None
        seen.add(group)
        total += value
    return total if 1 <= total <= 199 else None


# English ---------------------------------------------------------------------------------------

_ENGLISH: Final = {
    **_counted(
        "one|first two|second three|third four|fourth five|fifth six|sixth seven|seventh "
        "eight|eighth nine|ninth ten|tenth eleven|eleventh twelve|twelfth thirteen|thirteenth "
        "fourteen|fourteenth fifteen|fifteenth sixteen|sixteenth seventeen|seventeenth "
        "eighteen|eighteenth nineteen|nineteenth"
    ),
    **_counted(
        "twenty|twentieth thirty|thirtieth forty|fortieth fifty|fiftieth sixty|sixtieth "
        "seventy|seventieth eighty|eightieth ninety|ninetieth",
        start=20,
        step=10,
    ),
    **_counted("hundred|hundredth", start=_HUNDRED),
}

# French (looked up with accents folded: "quatre-vingtième" -> "quatre", "vingtieme") ----------

_FRENCH: Final = {
    **_counted(
        "un|une|premier|premiere|unieme deux|deuxieme|second|seconde trois|troisieme "
        "quatre|quatrieme cinq|cinquieme six|sixieme sept|septieme huit|huitieme neuf|neuvieme "
        "dix|dixieme onze|onzieme douze|douzieme treize|treizieme quatorze|quatorzieme "
        "quinze|quinzieme seize|seizieme"
    ),
    **_counted(
        "vingt|vingts|vingtieme trente|trentieme quarante|quarantieme cinquante|cinquantieme "
        "soixante|soixantieme septante|septantieme huitante|octante|huitantieme "
        "nonante|nonantieme",
        start=20,
        step=10,
    ),
    **_counted("cent|cents|centieme", start=_HUNDRED),
}

# Spanish (accents folded) ----------------------------------------------------------------------

# Ordinal stems take a gender/number ending: -o, -a, -os, -as ("septuagésimo", "tercera").
_ES_ORDINAL_STEMS: Final = {
    **_counted(
        "primer segund tercer cuart quint sext septim|setim octav noven|non decim undecim duodecim"
    ),
    **_counted(
        "vigesim trigesim cuadragesim quincuagesim sexagesim septuagesim|setuagesim octogesim "
        "nonagesim centesim",
        start=20,
        step=10,
    ),
}
_SPANISH: Final = {
    **{
        stem + end: value
        for stem, value in _ES_ORDINAL_STEMS.items()
        for end in ("o", "a", "os", "as")
    },
    "primer": 1,  # apocope before a noun: "primer período", "tercer período"
    "tercer": 3,
    **_counted(
        "un|uno|una dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce "
        "quince dieciseis diecisiete dieciocho diecinueve veinte veintiun|veintiuno|veintiuna "
        "veintidos veintitres veinticuatro veinticinco veintiseis veintisiete veintiocho "
        "veintinueve"
    ),
    **_counted("treinta cuarenta cincuenta sesenta setenta ochenta noventa", start=30, step=10),
    **_counted("cien|ciento", start=_HUNDRED),
}


def _spanish_compound(token: str) -> list[int] | None:
    """One-word compound ordinals: "decimotercero" (13), "vigesimoprimera" (21)."""
    for stem, tens in _ES_ORDINAL_STEMS.items():
        prefix = stem + "o"
        if tens < 10 or tens == _HUNDRED or not token.startswith(prefix):
            continue
        unit = _SPANISH.get(token[len(prefix) :])
        if unit is not None and unit < 10:
            return [tens + unit]
    return None


# Russian ---------------------------------------------------------------------------------------

_RU_ORDINAL_STEMS: Final = {
    **_counted(
        "перв втор трет четверт пят шест седьм восьм девят десят одиннадцат двенадцат тринадцат "
        "четырнадцат пятнадцат шестнадцат семнадцат восемнадцат девятнадцат"
    ),
    **_counted(
        "двадцат тридцат сороков пятидесят шестидесят семидесят восьмидесят девяност сот",
        start=20,
        step=10,
    ),
}
# Adjective endings in every case, gender and number (третий declines with a soft sign).
_RU_ENDINGS: Final = tuple(
    _counted(
        "ый ий ой ая яя ое ее ого его ому ему ом ем ую юю ые ие ых их ым им ыми ими ей "
        "ья ье ьи ьей ьего ьему ьем ью ьих ьим ьими"
    )
)
_RUSSIAN: Final = {
    **_counted(
        "один|одна|одно два|две три четыре пять шесть семь восемь девять десять одиннадцать "
        "двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать "
        "девятнадцать"
    ),
    **_counted(
        "двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто сто",
        start=20,
        step=10,
    ),
    **{stem + ending: value for stem, value in _RU_ORDINAL_STEMS.items() for ending in _RU_ENDINGS},
}

# Arabic ----------------------------------------------------------------------------------------

# Keys are in the folded spelling produced by _fold_arabic (no "al-", no hamza seats, ة -> ه,
# ى -> ي): ordinal masculine|feminine, the compound form (حادي), then cardinals.
_AR_WORDS: Final = {
    **_counted(
        "اول|اولي|حادي|حاديه|واحد|واحده ثاني|ثانيه|اثنان|اثنين|اثنتان|اثنتين "
        "ثالث|ثالثه|ثلاث|ثلاثه رابع|رابعه|اربع|اربعه خامس|خامسه|خمس|خمسه "
        "سادس|سادسه|ست|سته سابع|سابعه|سبع|سبعه ثامن|ثامنه|ثمان|ثماني|ثمانيه "
        "تاسع|تاسعه|تسع|تسعه عاشر|عاشره|عشر|عشره"
    ),
    **_counted(
        "عشرون|عشرين ثلاثون|ثلاثين اربعون|اربعين خمسون|خمسين ستون|ستين سبعون|سبعين "
        "ثمانون|ثمانين تسعون|تسعين",
        start=20,
        step=10,
    ),
    **_counted("مائه|مئه|ماءه", start=_HUNDRED),
}
_AR_DIACRITICS: Final = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, dagger alif, tatweel
_AR_LETTER_FOLD: Final = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})


def _fold_arabic(token: str) -> str:
    return _AR_DIACRITICS.sub("", token).translate(_AR_LETTER_FOLD)


def _arabic_value(token: str) -> int | None:
    """Value of one Arabic number word, with the conjunction و and the article ال peeled off."""
    candidates = [token]
    if token.startswith("و"):
        candidates.append(token[1:])
    for candidate in list(candidates):
        if candidate.startswith("ال"):
            candidates.append(candidate[2:])
    for candidate in candidates:
        if candidate in _AR_WORDS:
            return _AR_WORDS[candidate]
    return None


# --- the public reader ---------------------------------------------------------------------------

# Digits with an ordinal suffix as each language writes them: 73rd, 73e/73ème/1re/1er,
# 73º/73ª/73.º, 73-й/73-я/73-го, 73-ي (rare). Also a bare number.
_DIGIT_ORDINAL: Final = re.compile(
    r"(\d{1,4})\s*(?:st|nd|rd|th|er|re|ère|e|ème|eme|o|a|º|ª|\.º|\.ª|°|\.|-?[а-яё]{1,3})?",
    re.IGNORECASE,
)
_TOKEN_SPLIT: Final = re.compile(r"[\s\-‐‑–,]+")
_FILLER_WORDS: Final = {
    "en": {"and"},
    "fr": {"et"},
    "es": {"y"},
    "ru": set(),
    "ar": {"بعد"},  # "الحادية بعد المائة" = the hundred and first
}


def ordinal_value(text: str, lang: str) -> int | None:
    """Read an ordinal (or cardinal) number 1..199 written in words or digits.

    ``("Seventy-third", "en")`` -> 73, ``("quatre-vingtième", "fr")`` -> 80,
    ``("septuagésimo tercer", "es")`` -> 73, ``("семьдесят третьей", "ru")`` -> 73,
    ``("الثالثة والسبعون", "ar")`` -> 73, ``("第七十三届", "zh")`` -> 73, ``("73rd", "en")`` -> 73.
    ``None`` when the text is not such a number in that language.
    """
    stripped = to_ascii_digits(text).strip().strip(".,;:")
    if not stripped:
        return None
    digits = _DIGIT_ORDINAL.fullmatch(stripped)
    if digits:
        return int(digits.group(1))
    if lang == "zh":
        return _chinese_ordinal(stripped)
    reader = _WORD_READERS.get(lang)
    return reader(stripped) if reader else None


def _chinese_ordinal(text: str) -> int | None:
    core = text.removeprefix("第")
    for suffix in ("届", "次", "号", "號", "期", "个", "个"):
        core = core.removesuffix(suffix)
    return chinese_number(core)


def _read_words(text: str, lang: str, words: dict[str, int]) -> int | None:
    # Accents are folded for French and Spanish only: in Russian "й" would lose its breve.
    lowered = text.lower().replace("ё", "е")
    folded = _fold_accents(lowered) if lang in ("fr", "es") else lowered
    values: list[int] = []
    for token in _TOKEN_SPLIT.split(folded):
        if not token or token in _FILLER_WORDS[lang]:
            continue
        value = words.get(token)
        if value is not None:
            values.append(value)
            continue
        compound = _spanish_compound(token) if lang == "es" else None
        if compound is None:
            return None
        values.extend(compound)
    if lang == "fr":
        values = _merge_french_eighty(values)
    return _combine(_merge_teens(_merge_one_hundred(values)))


def _merge_french_eighty(values: list[int]) -> list[int]:
    """French counts by twenties: "quatre-vingt" is 80, "quatre-vingt-dix-sept" is 97."""
    merged: list[int] = []
    for value in values:
        if value == 20 and merged and merged[-1] == 4:
            merged[-1] = 80
        elif value == 10 and merged and merged[-1] in (60, 80):
            merged[-1] += 10  # soixante-dix = 70, quatre-vingt-dix = 90
        elif 10 < value < 20 and merged and merged[-1] in (60, 80):
            merged[-1] += value  # soixante-treize = 73, quatre-vingt-onze = 91
        else:
            merged.append(value)
    return merged


def _merge_teens(values: list[int]) -> list[int]:
    """ "dix-sept" is 17: a ten followed by a unit counts as one teen, not two unit groups."""
    merged: list[int] = []
    for value in values:
        if merged and merged[-1] == 10 and 0 < value < 10:
            merged[-1] += value
        else:
            merged.append(value)
    return merged


def _merge_one_hundred(values: list[int]) -> list[int]:
    """ "one hundred" / "сто" / "cent": a leading 1 before the hundred is not a separate unit."""
    merged: list[int] = []
    for value in values:
        if value == _HUNDRED and merged and merged[-1] == 1:
            merged[-1] = _HUNDRED
        else:
            merged.append(value)
    return merged


def _arabic_words(text: str) -> int | None:
    values: list[int] = []
    for token in _TOKEN_SPLIT.split(_fold_arabic(text)):
        if not token or token in _FILLER_WORDS["ar"]:
            continue
        value = _arabic_value(token)
        if value is None:
            return None
        values.append(value)
    # Teens are "unit ten" (الحادية عشرة = 11): fold the ten into the preceding unit.
    merged: list[int] = []
    for value in values:
        if value == 10 and merged and 0 < merged[-1] < 10:
            merged[-1] += 10
        else:
            merged.append(value)
    return _combine(merged)


_WORD_READERS: Final[dict[str, Callable[[str], int | None]]] = {
    "en": lambda text: _read_words(text, "en", _ENGLISH),
    "fr": lambda text: _read_words(text, "fr", _FRENCH),
    "es": lambda text: _read_words(text, "es", _SPANISH),
    "ru": lambda text: _read_words(text, "ru", _RUSSIAN),
    "ar": _arabic_words,
}
