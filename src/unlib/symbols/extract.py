"""Find every reference to a UN document in running text, in any of the six languages.

What is found:

* full symbols anywhere (``A/74/5 (Vol.I)``, ``[A/AC.198/2023/2](#)``, undocs.org links) and the
  continuations sharing their base (``S/26649 and Add.1``, ``A/78/1和Corr.1``);
* resolutions and decisions cited by number after a cue word ("resolution 77/128 B",
  "第1244(1999)号决议", "القرار 77/128 باء"), the organ read from the number's form, the organ
  named next to it, or the citing document's own organ (``body``);
* Security Council meetings ("at its 3157th meeting" in a Council text, "安全理事会第4011次会议");
* resolution numbers heading the lines of a list under "General Assembly resolutions".

Span convention: a mention's span covers the text that identifies the document. For a phrased
reference to a single document it includes the cue words: ``resolution 687 (1991)``,
``第1244(1999)号决议``. In a list each item has its own span; the cue words go with the first
item (and, in Chinese, the closing 号决议 with the last): ``resolutions 661 (1990)``,
``665 (1990)``. Part letters written together (``77/128 A and B``) share the item's span.
A full symbol's span is the symbol itself, without surrounding brackets or punctuation; a
meeting's span is ``3157th meeting`` / ``第4011次会议``. ``text[start:end] == mention.text``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from unlib.model import Mention
from unlib.symbols import cues
from unlib.symbols.bare import find_bare
from unlib.symbols.context import organ_after, organ_before, organ_nearby
from unlib.symbols.grammar import try_parse
from unlib.symbols.mandates import find_listed
from unlib.symbols.meetings import find_assembly_plenaries, find_meetings
from unlib.symbols.phrases import Phrase, find_phrases, find_resolution_headings
from unlib.symbols.references import effective_organ, resolve
from unlib.symbols.scan import ScanText, prepare

# Cheap substring tests: a language's patterns run only when one of its cue words occurs.
_PHRASE_HINTS: Final = {
    "en": ("eso", "ecision", "RESOLUTION"),
    "fr": ("ésolution", "écision", "RÉSOLUTION"),
    "es": ("esoluci", "ecisi", "RESOLUCI"),
    "ru": ("езолюци", "ешени"),
    "ar": ("قرار", "مقرر"),
    "zh": ("决议", "决定"),
}
_MEETING_HINTS: Final = {
    "en": ("meeting",),
    "fr": ("séance",),
    "es": ("sesión",),
    "ru": ("заседани",),
    "ar": ("جلس",),
    "zh": ("会议",),
}
# Words before "resolution N" that make N a footnote mark or a count, not a number.
_NOT_BEFORE_BARE: Final = frozenset(
    {
        *("this", "present", "that", "draft", "such", "same", "said", "these", "those"),
        *("a", "an", "one", "two", "three", "four", "five", "six"),
        *("cette", "présente", "projet", "de", "esta", "presente", "proyecto"),
        *("настоящей", "этой", "данной", "проект", "هذا", "مشروع"),
    }
)
_MANDATE_HINTS: Final = {
    "en": ("resolutions", "decisions"),
    "fr": ("Résolutions", "Décisions"),
    "es": ("Resoluciones", "Decisiones"),
    "ru": ("Резолюции", "Решения"),
    "ar": ("قرارات", "مقررات"),
    "zh": ("决议", "决定"),
}


def extract(text: str, lang: str | None = None, *, body: str | None = None) -> list[Mention]:
    """Every UN document reference in ``text``, sorted by position (see the module docstring).

    ``lang`` is the text's language when known (otherwise the cue words of all six languages
    are tried); ``body`` is the citing document's own organ ("S", "A", "A/HRC", ...), which
    resolves references such as "the Council's resolution 5/1" or "at the 2754th meeting".
    """
    scan = prepare(text)
    speaker = _speaker_body(body)
    languages = (lang,) if lang in cues.LANGS else cues.LANGS
    return _without_overlaps(_all_mentions(scan, languages, speaker))


def _without_overlaps(mentions: Iterator[Mention]) -> list[Mention]:
    """One mention per document and place: when two readings (two languages' cues, a phrase
    and a full symbol) find the same symbol on overlapping text, the wider one is kept."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end, m.symbol))
    kept: list[Mention] = []
    last_end: dict[str, int] = {}
    for mention in ordered:
        if last_end.get(mention.symbol, -1) > mention.start:
            continue
        kept.append(mention)
        last_end[mention.symbol] = max(last_end.get(mention.symbol, -1), mention.end)
    return kept


def _speaker_body(body: str | None) -> str | None:
    if not body:
        return None
    upper = body.strip().upper()
    return "A/HRC" if upper.startswith("A/HRC") else upper.split("/")[0]


def _all_mentions(
    scan: ScanText, languages: tuple[str, ...], body: str | None
) -> Iterator[Mention]:
    yield from _bare_mentions(scan)
    view = scan.view
    for symbol, start, end in find_resolution_headings(view):
        yield _mention(scan, symbol, "resolution", start, end)
    for lang in languages:
        if any(hint in view for hint in _PHRASE_HINTS[lang]):
            for phrase in find_phrases(view, lang):
                yield from _phrase_mentions(scan, phrase, lang, body)
        if any(hint in view for hint in _MEETING_HINTS[lang]):
            yield from _meeting_mentions(scan, lang, body)
        if lang == "zh":
            for symbol, start, end in find_assembly_plenaries(view):
                yield _mention(scan, symbol, "meeting", start, end)
        if any(hint in view for hint in _MANDATE_HINTS[lang]):
            for listed in find_listed(view, lang):
                kind = "decision" if listed.decision else "resolution"
                yield _mention(scan, listed.symbol, kind, listed.start, listed.end)


def _mention(scan: ScanText, symbol_text: str, kind: str, start: int, end: int) -> Mention:
    symbol = try_parse(symbol_text)
    normalized = symbol.normalized if symbol else symbol_text
    key = symbol.key if symbol else symbol_text.upper().replace(" ", "")
    original_start, original_end = scan.span(start, end)
    return Mention(
        normalized,
        key,
        scan.original[original_start:original_end],
        original_start,
        original_end,
        kind,
    )


def _bare_mentions(scan: ScanText) -> Iterator[Mention]:
    for found in find_bare(scan.view):
        symbol = found.symbol
        start, end = scan.span(found.start, found.end)
        yield Mention(
            symbol.normalized, symbol.key, scan.original[start:end], start, end, symbol.kind
        )


def _phrase_mentions(
    scan: ScanText, phrase: Phrase, lang: str, body: str | None
) -> Iterator[Mention]:
    view = scan.view
    organ = phrase.inner_organ or organ_before(view, phrase.start, lang)
    if organ is None:
        organ = organ_after(view, phrase.end, lang)
    kind = "decision" if phrase.decision else "resolution"
    last = len(phrase.items) - 1
    bare_allowed = _bare_number_allowed(view, phrase) and (lang != "zh" or organ == "S")
    for index, item_span in enumerate(phrase.items):
        if item_span.item.form == "bare" and not (bare_allowed and index == 0):
            continue  # in a list, a bare number is a footnote or paragraph number
        start = phrase.start if index == 0 else item_span.start
        # Chinese closes the phrase after the numbers (号决议): it goes with the last item.
        end = phrase.end if (index == last and lang == "zh") else item_span.end
        for symbol in resolve(item_span.item, organ, body, decision=phrase.decision):
            yield _mention(scan, symbol, kind, start, end)


def _bare_number_allowed(view: str, phrase: Phrase) -> bool:
    """A number without year or session ("resolution 687") is a reference only after a
    singular cue that is not "this/present/draft resolution" (where it is a footnote mark)."""
    if phrase.cue.lower().endswith(("resolutions", "résolutions", "resoluciones")):
        return False
    before = view[max(0, phrase.start - 30) : phrase.start].split()
    return not (before and before[-1].lower().strip(",") in _NOT_BEFORE_BARE)


def _meeting_mentions(scan: ScanText, lang: str, body: str | None) -> Iterator[Mention]:
    view = scan.view
    for meeting in find_meetings(view, lang):
        organ = (
            organ_after(view, meeting.end, lang)
            or organ_before(view, meeting.start, lang, names=False)
            or organ_nearby(view, meeting.start, lang)
        )
        # Chinese "第2次会议" is any body's meeting: only a named Security Council counts.
        fallback = body if lang != "zh" else None
        council = effective_organ(organ, body) if organ is not None else fallback
        if council == "S":
            yield _mention(scan, f"S/PV.{meeting.number}", "meeting", meeting.start, meeting.end)
