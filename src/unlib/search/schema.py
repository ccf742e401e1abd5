"""The tantivy schema of the passage index: field names, types and the schema version.

One tantivy document per passage. The catalogue owns the text and every other fact; the index
holds only what search, filtering, grouping and faceting need, keyed by the catalogue's ids.
"""

from __future__ import annotations

from typing import Final

import tantivy

from unlib.text.analysis import FIELD_LANGUAGES, analyzer_name, build_analyzer

# Bump whenever a field, a field option or an analyzer changes: an index written with another
# version must be rebuilt from the catalogue (see PassageIndex and its ``recreate`` option).
SCHEMA_VERSION: Final = 2  # 2: Arabic conjunctions before an article split off

PID: Final = "pid"  # catalogue passage id
VID: Final = "vid"  # language version id: delete/replace a version
WORK: Final = "work"  # work id: grouping
WORK_KEY: Final = "wkey"  # identity key of the work's symbol ("A/RES/77/128B")
LANG: Final = "lang"
# The language again, as its position in FIELD_LANGUAGES: tantivy's Python API reads only
# numeric fast fields per hit, and grouping needs each hit's language.
LANG_NO: Final = "langno"
BODY: Final = "body"  # symbol body code: "A", "S", "E", "ST", ...
TYPE: Final = "type"  # document type facet: "resolution", "report", ...
KIND: Final = "kind"  # passage kind: "heading", "operative", ...
YEAR: Final = "year"
CITES: Final = "cites"  # identity keys of the symbols cited in the passage (multi-valued)
BOOST: Final = "boost"  # relevance weight: title passages get more (see IndexedPassage.boost)

# Facets the engine counts, by filter name → field.
FACET_FIELDS: Final = {"lang": LANG, "body": BODY, "year": YEAR, "type": TYPE}


def text_field(lang: str) -> str:
    """Name of the full-text field holding passages in ``lang``."""
    return lang


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field(PID, stored=True, fast=True)
    builder.add_unsigned_field(VID, indexed=True, fast=True)
    # Indexed as well as fast so a search can be restricted to given works.
    builder.add_unsigned_field(WORK, stored=True, indexed=True, fast=True)
    builder.add_text_field(WORK_KEY, tokenizer_name="raw", index_option="basic")
    for name in (LANG, BODY, TYPE, KIND):
        builder.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    builder.add_unsigned_field(LANG_NO, fast=True)
    builder.add_unsigned_field(YEAR, indexed=True, fast=True)
    builder.add_text_field(CITES, tokenizer_name="raw", index_option="basic")
    builder.add_float_field(BOOST, fast=True)
    for lang in FIELD_LANGUAGES:
        # Positions are kept for phrase and proximity queries; text is not stored.
        builder.add_text_field(text_field(lang), tokenizer_name=analyzer_name(lang))
    return builder.build()


def register_analyzers(index: tantivy.Index) -> None:
    """Analyzers live in the process, not in the index files: register them on every open."""
    for lang in FIELD_LANGUAGES:
        index.register_tokenizer(analyzer_name(lang), build_analyzer(lang))
