"""Reading the real UNBIS Thesaurus and SDG taxonomy: counts, URIs, labels and links as the
data's SOURCE.md documents them, and clear errors for sources that cannot be read."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from unlib.model import LANGUAGES
from unlib.vocab.model import SDG_BASE, THESAURUS_BASE, Vocabulary
from unlib.vocab.sources import VocabularySourceError, find_sources, read_sdg, read_sources
from unlib.vocab.unbis import CONCEPTS_FILE, read_unbis


def test_unbis_holds_every_record_of_the_source(shared_data: Path, unbis: Vocabulary) -> None:
    lines = (shared_data / "unbis-thesaurus" / CONCEPTS_FILE).read_text(encoding="utf-8")
    ids = [json.loads(line)["id"] for line in lines.splitlines() if line.strip()]
    assert len(ids) == 7312
    kinds = Counter(c.kind for c in unbis.concepts.values())
    assert kinds == {"concept": 7312 - 143, "microthesaurus": 143, "domain": 18}
    for ident in ids:
        assert THESAURUS_BASE + ident in unbis.concepts
    assert all(uri.startswith(THESAURUS_BASE) for uri in unbis.concepts)


def test_unbis_labels_in_six_languages_and_english_alternatives(unbis: Vocabulary) -> None:
    descriptors = unbis.of_scheme("unbis", "concept") + unbis.of_scheme("unbis", "microthesaurus")
    per_lang = Counter(lang for c in descriptors for lang in c.pref)
    assert per_lang["en"] == 7312 and min(per_lang[lang] for lang in LANGUAGES) >= 7310
    basic_needs = unbis.concepts[THESAURUS_BASE + "1000544"]
    assert basic_needs.pref["en"] == "BASIC NEEDS" and basic_needs.pref["zh"] == "基本需要"
    alternatives = sum(len(c.alt.get("en", ())) for c in descriptors)
    assert alternatives > 3500  # the GATE list's UF terms (3,627, some on retired ids)
    assert not any(c.alt.get(lang) for c in descriptors for lang in LANGUAGES if lang != "en")
    for concept in descriptors:
        for label in [*concept.pref.values(), *concept.alt.get("en", ())]:
            assert label == label.strip() and "\u00a0" not in label, concept.uri


def test_unbis_hierarchy_domains_and_microthesauri(unbis: Vocabulary) -> None:
    for concept in unbis.concepts.values():
        for parent in concept.broader:
            assert concept.uri in unbis.concepts[parent].narrower
        for child in concept.narrower:
            assert concept.uri in unbis.concepts[child].broader
    domains = {c.uri for c in unbis.of_scheme("unbis", "domain")}
    micro = unbis.of_scheme("unbis", "microthesaurus")
    assert all(m.domain in domains and m.notation and len(m.notation) == 8 for m in micro)
    descriptors = unbis.of_scheme("unbis", "concept")
    placed = [c for c in descriptors if c.microthesauri]
    assert len(placed) > 0.95 * len(descriptors)
    for concept in placed:
        assert concept.domain == unbis.concepts[concept.microthesauri[0]].domain
    assert all(unbis.concepts[d].pref.get("en") for d in domains)


def test_sdg_taxonomy_as_the_source_counts_it(sdg: Vocabulary, unbis: Vocabulary) -> None:
    kinds = Counter(c.kind for c in sdg.concepts.values())
    assert kinds == {"goal": 17, "target": 169, "indicator": 262, "series": 685}
    assert all(uri.startswith(SDG_BASE) for uri in sdg.concepts)
    links = [target for c in sdg.concepts.values() for target in c.matches]
    assert len(links) == 3660
    assert {t for t in links} <= set(unbis.concepts)  # all 468 linked ids are UNBIS concepts
    assert len(set(links)) == 468
    deprecated = Counter(c.kind for c in sdg.concepts.values() if c.deprecated)
    assert deprecated["indicator"] == 30


def test_sdg_goals_and_targets_in_six_languages(sdg: Vocabulary) -> None:
    goal = sdg.concepts[SDG_BASE + "1"]
    target = sdg.concepts[SDG_BASE + "1.1"]
    assert goal.kind == "goal" and target.broader == (goal.uri,)
    assert target.uri in goal.narrower
    for concept in (goal, target):
        assert set(concept.pref) == set(LANGUAGES)
        assert set(concept.definition) == set(LANGUAGES)  # the official texts
        assert all(text == text.strip() for text in concept.pref.values())
    assert "No poverty" in goal.alt["en"]  # the goal's short name
    assert THESAURUS_BASE + "1000544" in target.matches
    goals = sdg.of_scheme("sdg", "goal")
    assert [g.notation for g in goals] == [str(n) for n in range(1, 18)]


def test_sources_are_found_in_the_shared_folder(shared_data: Path, tmp_path: Path) -> None:
    found = find_sources([shared_data])
    assert found.unbis == [shared_data / "unbis-thesaurus"]
    assert found.sdg == [shared_data / "sdg-kos" / "sdg-codelist.ttl"]
    assert found.translations is not None
    nothing = find_sources([tmp_path])
    assert nothing.ignored == [tmp_path]
    with pytest.raises(VocabularySourceError, match="no vocabulary found"):
        read_sources(nothing)


def test_unreadable_sources_are_reported_with_their_place(tmp_path: Path) -> None:
    folder = tmp_path / "unbis"
    folder.mkdir()
    (folder / CONCEPTS_FILE).write_text('{"id": "1000001", "prefLabel": {}}\n{"id": oops\n')
    with pytest.raises(VocabularySourceError, match=rf"{CONCEPTS_FILE}:2: not JSON"):
        read_unbis(folder)
    with pytest.raises(VocabularySourceError, match="holds no"):
        read_unbis(tmp_path)
    bad = tmp_path / "broken.ttl"
    bad.write_text("<http://metadata.un.org/sdg/1> a <\n", encoding="utf-8")
    with pytest.raises(VocabularySourceError, match="broken.ttl: cannot read as Turtle"):
        read_sdg(bad)
    empty = tmp_path / "empty.ttl"
    empty.write_text("<http://example.org/a> <http://example.org/b> 'c' .\n", encoding="utf-8")
    with pytest.raises(VocabularySourceError, match="no SDG goals"):
        read_sdg(empty)


def test_sdg_labels_attached_to_the_wrong_code_are_corrected_and_reported(
    sdg: Vocabulary,
) -> None:
    # In the dump, indicator 1.2.1 carries the Russian text of 1.2.2 ("men, women and children
    # living in poverty"), and goal 15 the Arabic text of goal 14 (oceans).
    poverty_line = sdg.concepts[SDG_BASE + "C010201"]
    russian = " ".join(poverty_line.pref["ru"].split())  # the texts hold no-break spaces
    assert russian.startswith("Доля населения страны, живущего за")
    assert poverty_line.pref["ru"] == poverty_line.definition["ru"]
    land = sdg.concepts[SDG_BASE + "15"]
    assert land.pref["ar"] == land.definition["ar"]
    corrected = {(c["code"], c["lang"]): c for c in sdg.corrections}
    assert corrected["1.2.1", "ru"]["belongs_to"] == "1.2.2"
    assert " ".join(corrected["1.2.1", "ru"]["found"].split()).startswith("Доля мужчин, женщин")
    assert {code for code, lang in corrected if lang == "ar"} == {"15", "16", "17"}
    assert Counter(lang for _, lang in corrected)["ru"] > 150
    # Nothing is misplaced in the other languages; a revised indicator keeps its label.
    assert {lang for _, lang in corrected} == {"ru", "ar"}
    revised = sdg.concepts[SDG_BASE + "C120701"]
    assert revised.pref["en"] == "Number of countries publishing sustainability reports"
