"""Which of the six UN languages a text is written in.

Writing systems settle most cases cheaply: Chinese (Han), Arabic and Russian (Cyrillic) are told
apart by script alone, with a few letters that betray Persian/Urdu, Ukrainian, Bulgarian or
Serbian (which we do not analyse, so they map to "und"). Only Latin-script text goes to the
lingua detector, restricted to English, French and Spanish plus a few neighbouring Latin
languages (German, Italian, Portuguese, Dutch) so that those come out as "und" instead of being
forced into one of ours.

Only a sample of the text is read (a few kilobytes spread over the document): language does not
change within a UN language version, and long documents must not cost more than short ones.
"""

from __future__ import annotations

import threading
from collections import Counter
from typing import TYPE_CHECKING, Final

from unlib.model import UNDETERMINED

if TYPE_CHECKING:
    from lingua import LanguageDetector

SAMPLE_WINDOWS: Final = 4
WINDOW_CHARS: Final = 800
# Fewer letters than this and we do not guess.
MIN_LETTERS: Final = 3
# Below this lingua is guessing between close candidates; such text stays "und".
MIN_LATIN_CONFIDENCE: Final = 0.3

_LATIN_OURS: Final = {"EN": "en", "FR": "fr", "ES": "es"}
_LATIN_OTHERS: Final = ("GERMAN", "ITALIAN", "PORTUGUESE", "DUTCH")

# Letters used by Persian/Urdu but not Arabic; Ukrainian; South Slavic Cyrillic.
_PERSIAN_URDU: Final = frozenset("پچژگکیٹڈڑےں")
_UKRAINIAN: Final = frozenset("іїєґІЇЄҐ")
_SOUTH_SLAVIC: Final = frozenset("јљњђћџѓќѕЈЉЊЂЋЏЃЌЅ")
_RUSSIAN_ONLY: Final = frozenset("ыэЫЭ")

_detector: LanguageDetector | None = None
_detector_lock = threading.Lock()


def detect_language(text: str) -> tuple[str, float]:
    """Return ``(code, confidence)``: code is one of ar/zh/en/fr/ru/es or "und"; confidence 0..1."""
    sample = _sample(text)
    scripts = _count_scripts(sample)
    letters = sum(scripts.values())
    if letters < MIN_LETTERS:
        return UNDETERMINED, 0.0
    script, weight = scripts.most_common(1)[0]
    share = round(weight / letters, 3)
    if script == "han":
        return "zh", share
    if script == "arabic":
        return _arabic_or_und(sample), share
    if script == "cyrillic":
        return _russian_or_und(sample), share
    if script == "latin":
        code, confidence = _detect_latin(sample)
        confidence = round(confidence * share, 3)
        # Symbols and single words ("A/RES/73/3", "Informe") give near-even odds: no guess.
        return (code if confidence >= MIN_LATIN_CONFIDENCE else UNDETERMINED), confidence
    return UNDETERMINED, share


def _sample(text: str) -> str:
    """A few windows spread evenly over ``text`` (all of it when short)."""
    if len(text) <= SAMPLE_WINDOWS * WINDOW_CHARS:
        return text
    step = (len(text) - WINDOW_CHARS) // (SAMPLE_WINDOWS - 1)
    windows = []
    for i in range(SAMPLE_WINDOWS):
        start = i * step
        # Start at a word boundary so the detector does not see half words.
        space = text.find(" ", start, start + 40)
        start = space + 1 if space >= 0 else start
        windows.append(text[start : start + WINDOW_CHARS])
    return "\n".join(windows)


def _count_scripts(sample: str) -> Counter[str]:
    """Letters per script; a Han character weighs two (it carries about a word)."""
    counts: Counter[str] = Counter()
    for char in sample:
        if not char.isalpha():
            continue
        code = ord(char)
        if code < 0x250 or 0x1E00 <= code < 0x1F00:
            counts["latin"] += 1
        elif 0x400 <= code < 0x530:
            counts["cyrillic"] += 1
        elif (
            0x600 <= code < 0x700
            or 0x750 <= code < 0x780
            or 0x8A0 <= code < 0x900
            or 0xFB50 <= code < 0xFE00
            or 0xFE70 <= code < 0xFF00
        ):
            counts["arabic"] += 1
        elif (
            0x4E00 <= code < 0xA000
            or 0x3400 <= code < 0x4DC0
            or 0x20000 <= code < 0x32000
            or 0xF900 <= code < 0xFB00
        ):
            counts["han"] += 2
        elif 0x3040 <= code < 0x3100 or 0x31F0 <= code < 0x3200:
            counts["kana"] += 2
        elif 0xAC00 <= code < 0xD7B0 or 0x1100 <= code < 0x1200:
            counts["hangul"] += 2
        else:
            counts["other"] += 1
    # Japanese mixes Han with kana: a noticeable share of kana means it is not Chinese.
    if counts["kana"] and counts["kana"] * 10 >= counts["han"]:
        counts["kana"] += counts.pop("han", 0)
    return counts


def _arabic_or_und(sample: str) -> str:
    letters = sum(1 for c in sample if "\u0600" <= c <= "\u06ff")
    foreign = sum(1 for c in sample if c in _PERSIAN_URDU)
    return UNDETERMINED if letters and foreign / letters > 0.02 else "ar"


def _russian_or_und(sample: str) -> str:
    letters = sum(1 for c in sample if "\u0400" <= c <= "\u04ff")
    if not letters:
        return UNDETERMINED
    ukrainian = sum(1 for c in sample if c in _UKRAINIAN)
    south_slavic = sum(1 for c in sample if c in _SOUTH_SLAVIC)
    if (ukrainian + south_slavic) / letters > 0.01:
        return UNDETERMINED
    # Bulgarian has neither ы nor э; a long Russian text without either is implausible.
    if letters > 300 and not any(c in _RUSSIAN_ONLY for c in sample):
        return UNDETERMINED
    return "ru"


def _detect_latin(sample: str) -> tuple[str, float]:
    values = _get_detector().compute_language_confidence_values(sample)
    if not values:
        return UNDETERMINED, 0.0
    best = values[0]
    code = _LATIN_OURS.get(best.language.iso_code_639_1.name, UNDETERMINED)
    return code, float(best.value)


def _get_detector() -> LanguageDetector:
    """Build the lingua detector once per process (models load lazily on first use)."""
    global _detector
    if _detector is None:
        with _detector_lock:
            if _detector is None:
                from lingua import Language, LanguageDetectorBuilder

                ours = (Language.ENGLISH, Language.FRENCH, Language.SPANISH)
                others = tuple(getattr(Language, name) for name in _LATIN_OTHERS)
                _detector = LanguageDetectorBuilder.from_languages(*ours, *others).build()
    return _detector
