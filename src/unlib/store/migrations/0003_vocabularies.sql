-- Controlled vocabularies (UNBIS Thesaurus, SDG taxonomy) as SKOS concepts, and what the
-- MARCXML import of UN Digital Library records adds to works.
--
-- Concepts are never deleted: one that a newer import no longer holds is marked deprecated,
-- so subject assignments that reference it by URI stay valid (and can be flagged).

CREATE TABLE vocab_schemes (
    scheme       TEXT PRIMARY KEY,            -- "unbis" | "sdg"
    version      TEXT NOT NULL,               -- digest of the source files last imported
    source       TEXT NOT NULL,               -- JSON list of the paths imported from
    concepts     INTEGER NOT NULL,            -- concepts in that source
    imported_at  TEXT NOT NULL
);

CREATE TABLE concepts (
    uri           TEXT PRIMARY KEY,           -- http://metadata.un.org/thesaurus/1000544
    scheme        TEXT NOT NULL,
    kind          TEXT NOT NULL,              -- concept | domain | microthesaurus | goal | target | indicator | series
    notation      TEXT,                       -- "1000544", "01.01.00", "1.2.1", series code
    domain        TEXT,                       -- UNBIS: URI of the concept's (first) domain
    deprecated    INTEGER NOT NULL DEFAULT 0, -- 1: withdrawn by the source or gone from a re-import
    deprecated_at TEXT,
    fingerprint   TEXT NOT NULL,              -- digest of labels and links (re-import check)
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX concepts_scheme ON concepts(scheme, kind);
CREATE INDEX concepts_notation ON concepts(notation);

CREATE TABLE concept_labels (
    uri    TEXT NOT NULL REFERENCES concepts(uri),
    lang   TEXT NOT NULL,                     -- ar zh en fr ru es
    type   TEXT NOT NULL CHECK (type IN ('pref', 'alt', 'definition')),
    seq    INTEGER NOT NULL,
    text   TEXT NOT NULL,
    PRIMARY KEY (uri, lang, type, seq)
) WITHOUT ROWID;

CREATE TABLE concept_links (
    uri     TEXT NOT NULL REFERENCES concepts(uri),
    rel     TEXT NOT NULL CHECK (rel IN ('broader', 'related', 'microthesaurus', 'match')),
    seq     INTEGER NOT NULL,
    target  TEXT NOT NULL,                    -- a concept URI (match: SDG -> UNBIS)
    PRIMARY KEY (uri, rel, seq)
) WITHOUT ROWID;
CREATE INDEX concept_links_target ON concept_links(target, rel);

-- MARCXML records of the UN Digital Library, each filed as (or onto) a work.
CREATE TABLE marc_records (
    id           INTEGER PRIMARY KEY,
    control      TEXT NOT NULL UNIQUE,        -- 001: UN Digital Library record number
    work_id      INTEGER NOT NULL REFERENCES works(id),
    symbol       TEXT,                        -- 191 $a as written
    agenda       TEXT NOT NULL DEFAULT '[]',  -- JSON: 991 [{document, item, title, subject}]
    fingerprint  TEXT NOT NULL,               -- digest of the record (re-import check)
    source_path  TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX marc_records_work ON marc_records(work_id);

-- Titles of a work per language from a metadata source (the versions hold those of texts).
CREATE TABLE work_titles (
    work_id  INTEGER NOT NULL REFERENCES works(id),
    lang     TEXT NOT NULL,
    source   TEXT NOT NULL,                   -- "marc"
    title    TEXT NOT NULL,
    PRIMARY KEY (work_id, lang, source)
) WITHOUT ROWID;

-- Documents a work is related to by its metadata (MARC 993), like citations without a text.
CREATE TABLE work_links (
    work_id        INTEGER NOT NULL REFERENCES works(id),
    relation       TEXT NOT NULL,             -- resolution | report | related (MARC 993 ind1)
    target_key     TEXT NOT NULL,             -- identity key of the related symbol
    target_symbol  TEXT NOT NULL,
    source         TEXT NOT NULL,             -- "marc"
    PRIMARY KEY (work_id, relation, target_key)
) WITHOUT ROWID;
CREATE INDEX work_links_target ON work_links(target_key);

-- Files of a work held elsewhere (MARC 856), per language.
CREATE TABLE external_files (
    work_id  INTEGER NOT NULL REFERENCES works(id),
    url      TEXT NOT NULL,
    lang     TEXT NOT NULL,                   -- ar zh en fr ru es, or "und"
    label    TEXT,                            -- 856 $y as written
    size     INTEGER,                         -- 856 $s, bytes
    source   TEXT NOT NULL,                   -- "marc"
    PRIMARY KEY (work_id, url)
) WITHOUT ROWID;

-- Subject headings of MARC records as catalogued (650 topical, 610/611/630 names and titles),
-- with the UNBIS concept a 650 heading maps to (NULL: unmapped).
CREATE TABLE marc_subjects (
    work_id   INTEGER NOT NULL REFERENCES works(id),
    seq       INTEGER NOT NULL,
    tag       TEXT NOT NULL,                  -- 650 | 610 | 611 | 630
    heading   TEXT NOT NULL,
    authority TEXT,                           -- $0, e.g. "(DHLAUTH)274588"
    is_primary INTEGER NOT NULL DEFAULT 0,    -- 650 first indicator 1
    uri       TEXT,                           -- UNBIS concept URI
    PRIMARY KEY (work_id, seq)
) WITHOUT ROWID;
CREATE INDEX marc_subjects_uri ON marc_subjects(uri);
