-- The catalogue: works identified by symbol (or a stable local id), their language versions,
-- the files they came from, passages, citations, rejected files and an audit log.

CREATE TABLE works (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,     -- symbol identity key ("A/RES/77/128B") or "local:<id>"
    symbol      TEXT,                     -- normalized symbol for display; NULL for local works
    group_hint  TEXT,                     -- folder + file stem without language code
    doc_type    TEXT NOT NULL DEFAULT 'document',
    body        TEXT,
    session     TEXT,
    date        TEXT,
    adopted     TEXT,
    meeting     TEXT,
    year        INTEGER,
    agenda      TEXT NOT NULL DEFAULT '[]',  -- JSON list of agenda items as printed
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX works_group_hint ON works(group_hint);

CREATE TABLE versions (
    id              INTEGER PRIMARY KEY,
    work_id         INTEGER NOT NULL REFERENCES works(id),
    lang            TEXT NOT NULL,
    title           TEXT,
    date            TEXT,
    lang_confidence REAL,
    needs_ocr       INTEGER NOT NULL DEFAULT 0,
    primary_sha     TEXT NOT NULL,
    text_z          BLOB NOT NULL,            -- zlib-compressed extracted text
    n_chars         INTEGER NOT NULL,
    indexed         INTEGER NOT NULL DEFAULT 0,  -- 1 once its passages are committed to the index
    created_at      TEXT NOT NULL,
    UNIQUE (work_id, lang)
);
CREATE INDEX versions_unindexed ON versions(indexed) WHERE indexed = 0;

CREATE TABLE files (
    sha256        TEXT PRIMARY KEY,
    version_id    INTEGER NOT NULL REFERENCES versions(id),
    original_name TEXT NOT NULL,
    source_path   TEXT NOT NULL,
    size          INTEGER NOT NULL,
    format        TEXT NOT NULL,
    media_type    TEXT NOT NULL,
    symbol_source TEXT,
    warnings      TEXT NOT NULL DEFAULT '[]',
    ingested_at   TEXT NOT NULL
);
CREATE INDEX files_version ON files(version_id);

CREATE TABLE passages (
    id          INTEGER PRIMARY KEY,
    version_id  INTEGER NOT NULL REFERENCES versions(id),
    seq         INTEGER NOT NULL,             -- -1 is the version title
    para        TEXT,
    kind        TEXT NOT NULL,
    page        INTEGER,
    start       INTEGER,
    end         INTEGER,
    text        TEXT NOT NULL,
    UNIQUE (version_id, seq)
);

CREATE TABLE citations (
    id            INTEGER PRIMARY KEY,
    version_id    INTEGER NOT NULL REFERENCES versions(id),
    passage_id    INTEGER REFERENCES passages(id),
    target_key    TEXT NOT NULL,
    target_symbol TEXT NOT NULL,
    kind          TEXT NOT NULL,
    text          TEXT NOT NULL,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL
);
CREATE INDEX citations_target ON citations(target_key);
CREATE INDEX citations_version ON citations(version_id);

CREATE TABLE rejections (
    id             INTEGER PRIMARY KEY,
    sha256         TEXT,
    path           TEXT NOT NULL,
    reason         TEXT NOT NULL,
    quarantined_as TEXT,
    at             TEXT NOT NULL
);
CREATE INDEX rejections_sha ON rejections(sha256);

CREATE TABLE events (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    action   TEXT NOT NULL,
    work_id  INTEGER,
    details  TEXT NOT NULL DEFAULT '{}'
);
