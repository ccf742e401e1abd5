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

import re
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
    # Every other character keeps the shares of the scripts and halves the counting.
    scripts = _count_scripts(sample[::2] if len(sample) > 1000 else sample)
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


_SCRIPTS: Final = (
    # (script, weight per letter, letters of that script). A Han character weighs two (it
    # carries about a word); so do kana and hangul.
    ("latin", 1, re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")),
    ("cyrillic", 1, re.compile(r"[\u0400-\u052f]")),
    (
        "arabic",
        1,
        re.compile(
            r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]"
        ),
    ),
    ("han", 2, re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U00031fff]")),
    ("kana", 2, re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]")),
    ("hangul", 2, re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
)
_LETTER: Final = re.compile(r"[^\W\d_]")
# lingua needs far less than the whole sample to tell English, French and Spanish apart.
_LATIN_CHARS: Final = 400


def _count_scripts(sample: str) -> Counter[str]:
    """Letters per script (weighted: see ``_SCRIPTS``); regex counting keeps it in C."""
    counts: Counter[str] = Counter()
    known = 0
    for script, weight, letters in _SCRIPTS:
        found = len(letters.findall(sample))
        if found:
            counts[script] = found * weight
            known += found
    other = len(_LETTER.findall(sample)) - known
    if other > 0:
        counts["other"] = other
    # Japanese mixes Han with kana: a noticeable share of kana means it is not Chinese.
    if counts["kana"] and counts["kana"] * 10 >= counts["han"]:
        counts["kana"] += counts.pop("han", 0)
    return +counts


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
    if len(sample) > _LATIN_CHARS:
        half = _LATIN_CHARS // 2
        sample = sample[:half] + "\n" + sample[-half:]  # the head and the tail of the sample
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
