"""FAQ entries as people and programs write them: checked, cleaned and turned into
:class:`~unlib.store.faq.FaqEntry` (and back into JSON).

An entry as JSON::

    {"key": "find-a-resolution", "source_lang": "en",
     "texts": {"en": {"question": "…", "answer": "…", "variants": ["…"]}, "zh": {…}},
     "links": [{"kind": "record", "target": "A/RES/73/3", "label": "…"},
               {"kind": "search", "target": "tuberculosis lang:en", "label": ""}]}
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from typing import Any, Final
from urllib.parse import quote, urlencode

from unlib.model import LANGUAGES
from unlib.store.faq import FaqEntry, FaqLink, FaqText

LINK_KINDS: Final = ("record", "search")
MAX_QUESTION: Final = 500
MAX_ANSWER: Final = 10_000
MAX_VARIANTS: Final = 20
MAX_LINKS: Final = 20
MAX_TARGET: Final = 300
MAX_LABEL: Final = 200
_KEY: Final = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?")


class FaqError(ValueError):
    """An entry that cannot be stored as given; the message says what to change."""


def entry_from_json(data: Mapping[str, Any], *, key: str | None = None) -> FaqEntry:
    """A checked entry from its JSON form (``key`` replaces the one in ``data``)."""
    if not isinstance(data, Mapping):
        raise FaqError("an FAQ entry is a JSON object with 'texts' (and 'key', 'links')")
    texts = _texts(data.get("texts"))
    source = _clean(data.get("source_lang")) or texts[0].lang
    if source not in {t.lang for t in texts}:
        raise FaqError(f"source_lang {source!r} is not one of the entry's languages")
    chosen = key or _clean(data.get("key")) or make_key(next(t for t in texts if t.lang == source))
    if not _KEY.fullmatch(chosen):
        raise FaqError(
            f"key {chosen!r}: use 1–80 lower-case letters, digits and hyphens (e.g. find-a-resolution)"
        )
    return FaqEntry(key=chosen, source_lang=source, texts=texts, links=_links(data.get("links")))


def _texts(raw: Any) -> tuple[FaqText, ...]:
    if not isinstance(raw, Mapping) or not raw:
        raise FaqError("'texts' must map a language (ar zh en fr ru es) to its question and answer")
    texts = []
    for lang, value in raw.items():
        if lang not in LANGUAGES:
            raise FaqError(f"{lang!r} is not one of the six languages: {' '.join(LANGUAGES)}")
        if not isinstance(value, Mapping):
            raise FaqError(f"texts.{lang} must be an object with question, answer and variants")
        texts.append(_text(lang, value))
    return tuple(sorted(texts, key=lambda t: LANGUAGES.index(t.lang)))


def _text(lang: str, value: Mapping[str, Any]) -> FaqText:
    question = _limited(value.get("question"), MAX_QUESTION, f"texts.{lang}.question")
    answer = _limited(value.get("answer"), MAX_ANSWER, f"texts.{lang}.answer")
    raw_variants = value.get("variants") or []
    if isinstance(raw_variants, str):
        raw_variants = raw_variants.splitlines()
    if not isinstance(raw_variants, list | tuple):
        raise FaqError(f"texts.{lang}.variants must be a list of questions")
    variants: list[str] = []
    for item in raw_variants:
        cleaned = _clean(item)
        if cleaned and cleaned != question and cleaned not in variants:
            variants.append(_limited(cleaned, MAX_QUESTION, f"a variant of texts.{lang}"))
    if len(variants) > MAX_VARIANTS:
        raise FaqError(f"texts.{lang}: at most {MAX_VARIANTS} variants")
    return FaqText(lang, question, answer, tuple(variants))


def _links(raw: Any) -> tuple[FaqLink, ...]:
    if raw in (None, ""):
        return ()
    if isinstance(raw, str):
        return tuple(link_from_line(line) for line in raw.splitlines() if line.strip())
    if not isinstance(raw, list | tuple) or len(raw) > MAX_LINKS:
        raise FaqError(f"'links' must be a list of at most {MAX_LINKS} links")
    links = []
    for item in raw:
        if not isinstance(item, Mapping):
            raise FaqError("each link is an object with kind (record or search), target, label")
        kind = _clean(item.get("kind"))
        if kind not in LINK_KINDS:
            raise FaqError(f"link kind {kind!r}: use 'record' (a symbol) or 'search' (a query)")
        target = _limited(item.get("target"), MAX_TARGET, "link target")
        label = _clean(item.get("label"))[:MAX_LABEL]
        links.append(FaqLink(kind, target, label))
    return tuple(links)


def link_from_line(line: str) -> FaqLink:
    """``record:A/RES/73/3 | Its title`` or ``search:tuberculosis lang:en`` (forms and CSV)."""
    head, _, label = line.partition(" | ")
    kind, colon, target = head.strip().partition(":")
    if not colon:
        kind, target = "record", head.strip()
    return _links([{"kind": kind.strip().lower(), "target": target, "label": label}])[0]


def link_line(link: FaqLink) -> str:
    return f"{link.kind}:{link.target}" + (f" | {link.label}" if link.label else "")


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FaqError(f"expected text, got {type(value).__name__}")
    return " ".join(unicodedata.normalize("NFC", value).split())


def _limited(value: Any, limit: int, name: str) -> str:
    # Answers keep their line breaks (paragraphs); everything else is one line.
    if name.endswith(".answer") and isinstance(value, str):
        text = "\n".join(" ".join(line.split()) for line in value.strip().splitlines()).strip()
        text = re.sub(r"\n{3,}", "\n\n", unicodedata.normalize("NFC", text))
    else:
        text = _clean(value)
    if not text:
        raise FaqError(f"{name} is empty")
    if len(text) > limit:
        raise FaqError(f"{name} is longer than {limit:,} characters")
    return text


def make_key(text: FaqText) -> str:
    """A key from the question: its ASCII words (``how-do-i-find-a-resolution``), else a digest."""
    folded = unicodedata.normalize("NFKD", text.question).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", folded.lower())
    slug = "-".join(words)[:60].strip("-")
    if len(words) >= 2:
        return slug
    return "faq-" + hashlib.sha1(text.question.encode("utf-8")).hexdigest()[:10]


# -- JSON out ----------------------------------------------------------------------------------


def entry_json(entry: FaqEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "key": entry.key,
        "source_lang": entry.source_lang,
        "languages": list(entry.langs),
        "views": entry.views,
        "created_at": entry.created_at,
        "updated_at": entry.updated_at,
        "url": f"/faq/{entry.id}" if entry.id is not None else None,
        "texts": {
            t.lang: {"question": t.question, "answer": t.answer, "variants": list(t.variants)}
            for t in entry.texts
        },
        "links": [link_json(link) for link in entry.links],
    }


def link_json(link: FaqLink) -> dict[str, str]:
    return {"kind": link.kind, "target": link.target, "label": link.label, "url": link_url(link)}


def link_url(link: FaqLink) -> str:
    if link.kind == "record":
        return "/s/" + quote(link.target.strip(), safe="/:()")
    return "/search?" + urlencode({"q": link.target})


def shown_text(entry: FaqEntry, lang: str | None, fallback: str | None = None) -> FaqText:
    """The entry in the reader's language, else in ``fallback`` (the language of the phrasing
    a question matched: the asker reads it), else in the language it was written in."""
    return (
        entry.text(lang) or entry.text(fallback) or entry.text(entry.source_lang) or entry.texts[0]
    )
